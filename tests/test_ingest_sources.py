"""Reading sources: folders, JSON Lines, WARC; every bad input becomes an error with its reason."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from dixit.errors import InputError
from dixit.io.sources import SourceItem, count_sources, iter_sources

GOOD = "Titre — Journal\nLe ministre a annoncé une aide aux agriculteurs touchés par la sécheresse."


def write_warc(path: Path, pages: list[tuple[str, str]], truncate_last: bool = False) -> None:
    """A gzipped WARC with one HTML response per (url, body); optionally cut in its last record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    ends = []
    for url, body in pages:
        html = f"<html><head><title>Page</title></head><body><article><p>{body}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
        ends.append(buf.tell())
    data = buf.getvalue()
    if truncate_last:
        data = data[: (ends[-2] + ends[-1]) // 2]
    path.write_bytes(data)


def make_bad_folder(root: Path) -> dict[str, str]:
    """A folder mixing good and bad inputs; returns {label fragment: expected reason fragment}."""
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "sub" / "blob").write_bytes(bytes(range(256)) * 4)
    (root / "notes.json").write_text("{}", encoding="utf-8")  # not an input type: left alone
    lines = [
        json.dumps({"text": GOOD.replace("aide", "enveloppe"), "url": "http://x/1", "outlet": "Le Jour",
                    "published": "2024-05-02", "language": "fr"}),
        '{"text": "Une phrase coupée',
        json.dumps({"title": "sans texte"}),
        "",
        json.dumps({"text": GOOD.replace("aide", "prime")}),
    ]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    body = ("Le gouvernement a promis des fonds aux communes inondées après les orages de la semaine. "
            "Les maires attendent les premiers versements avant la fin du mois, selon la préfecture. "
            "Les assureurs ont ouvert des permanences dans les villages les plus touchés.")
    write_warc(root / "crawl.warc.gz", [("http://x/a", body), ("http://x/b", body + " Encore."),
                                        ("http://x/c", body + " Fin.")], truncate_last=True)
    return {
        "empty.txt": "empty",
        "blob": "binary",
        "feed.jsonl:2": "broken JSON",
        "feed.jsonl:3": "'text'",
        "crawl.warc.gz@": "truncated",
    }


def test_bad_inputs_become_errors_and_reading_goes_on(tmp_path):
    expected = make_bad_folder(tmp_path)
    items = list(iter_sources([str(tmp_path)], language="fr"))
    errors = [i for i in items if isinstance(i, InputError)]
    docs = [i for i in items if isinstance(i, SourceItem)]
    for fragment, reason in expected.items():
        matching = [e for e in errors if fragment in e.source]
        assert len(matching) == 1, (fragment, [e.source for e in errors])
        assert reason in matching[0].reason
    assert len(errors) == len(expected)
    labels = sorted(Path(d.source).name for d in docs)
    assert labels == ["crawl.warc.gz@0", f"crawl.warc.gz@{labels[1].split('@')[1]}", "feed.jsonl:1",
                      "feed.jsonl:5", "good.txt"]
    first = next(d for d in docs if d.source.endswith("feed.jsonl:1"))
    assert (first.url, first.document.outlet, first.document.published) == ("http://x/1", "Le Jour", "2024-05-02")
    assert next(d for d in docs if d.source.endswith("feed.jsonl:5")).document.language == "fr"  # default applies
    warc = [d for d in docs if "crawl" in d.source]
    assert [d.url for d in warc] == ["http://x/a", "http://x/b"]
    assert "communes inondées" in warc[0].document.text


def test_count_and_missing_path(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "f.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n', encoding="utf-8")
    assert count_sources([str(tmp_path)]) == 3
    missing = list(iter_sources([str(tmp_path / "nope")]))
    assert isinstance(missing[0], InputError) and "no such" in missing[0].reason


def test_truncated_plain_warc_and_gzip_jsonl_not_confused(tmp_path):
    body = ("Le ministre a salué l'accord conclu entre les deux pays voisins sur la frontière commune. "
            "Les négociateurs se retrouveront au printemps pour fixer le tracé des derniers kilomètres. "
            "Les habitants des villages frontaliers attendent la réouverture des routes.")
    write_warc(tmp_path / "w.warc.gz", [("http://x/1", body), ("http://x/2", body + " Suite.")])
    plain = gzip.decompress((tmp_path / "w.warc.gz").read_bytes())
    (tmp_path / "w.warc.gz").unlink()
    (tmp_path / "cut.warc").write_bytes(plain[: len(plain) - 40])
    items = list(iter_sources([str(tmp_path / "cut.warc")]))
    assert isinstance(items[0], SourceItem)
    assert isinstance(items[1], InputError) and "truncated" in items[1].reason


def test_gzipped_jsonl_and_its_truncation(tmp_path):
    lines = "".join(json.dumps({"text": f"{GOOD} Numéro {i}."}) + "\n" for i in range(50))
    packed = gzip.compress(lines.encode("utf-8"))
    (tmp_path / "feed.jsonl.gz").write_bytes(packed)
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    whole = list(iter_sources([str(tmp_path / "feed.jsonl.gz")]))
    assert len(whole) == 50 and all(isinstance(i, SourceItem) for i in whole)
    assert whole[49].source.endswith("feed.jsonl.gz:50") and "Numéro 49." in whole[49].document.text
    cut = list(iter_sources([str(tmp_path / "cut.jsonl.gz")]))
    assert isinstance(cut[-1], InputError) and "truncated" in cut[-1].reason
    assert all(isinstance(i, SourceItem) for i in cut[:-1])
    assert count_sources([str(tmp_path / "feed.jsonl.gz")]) == 50
