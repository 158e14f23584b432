"""Bad input through the CLI: each gets a one-line error naming the file and the reason, a
non-zero exit, and the next file of the same call is still analysed."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dixit.cli import main
from dixit.io.reading import MAX_BYTES, decode
from dixit.io.sources import expand_paths

FR = (
    "Le gouvernement annonce de nouvelles négociations\n"
    "Le ministre a déclaré lundi que le gouvernement poursuivrait les négociations avec ses "
    "partenaires européens, malgré les critiques de l'opposition.\n"
)
EN = (
    "Government announces new talks\n"
    "The minister said on Monday that the government would continue negotiations with its "
    "European partners despite criticism from the opposition.\n"
)
DE = (
    "Die Bundesregierung hat am Montag angekündigt, dass sie die Verhandlungen mit den "
    "europäischen Partnern trotz der Kritik der Opposition fortsetzen wird.\n"
)
ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Négociations prolongées</title>
<meta property="og:site_name" content="Journal Exemple"></head><body>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Négociations prolongées</h1>
<p>Le ministre a déclaré lundi que le gouvernement poursuivrait les négociations avec ses
partenaires européens, malgré les critiques répétées de l'opposition au Parlement.</p>
<p>Selon le porte-parole du ministère, une nouvelle réunion aura lieu la semaine prochaine à
Bruxelles afin de trouver un compromis sur le budget commun des prochaines années.</p>
</article><footer>Tous droits réservés</footer></body></html>"""
EMPTY_HTML = "<html><head><title>Accueil</title></head><body><nav><a href='/'>Menu</a></nav></body></html>"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, ["analyze", "--format", "jsonl", *args], input=stdin)


def analysed(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "zz-good.txt"
    path.write_text(FR, encoding="utf-8")
    return path


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, words the error must say)."""
    (tmp / "empty.txt").write_bytes(b"  \n\n")
    (tmp / "binary.txt").write_bytes(b"\x00\x01\x02text\x00" * 50)
    (tmp / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp / "german.txt").write_text(DE, encoding="utf-8")
    (tmp / "menu.html").write_text(EMPTY_HTML, encoding="utf-8")
    with (tmp / "huge.txt").open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: the size check comes before any read
    (tmp / "nothing-here").mkdir()
    return {
        "empty": (tmp / "empty.txt", "empty file"),
        "binary": (tmp / "binary.txt", "binary file"),
        "pdf": (tmp / "report.txt", "PDF document"),
        "german": (tmp / "german.txt", "German (de) is not supported"),
        "html without article": (tmp / "menu.html", "HTML page with no article"),
        "too large": (tmp / "huge.txt", f"the limit is {MAX_BYTES:,}"),
        "missing": (tmp / "missing.txt", "no such file or folder"),
        "empty folder": (tmp / "nothing-here", "folder with no"),
    }


@pytest.mark.parametrize(
    "kind", ["empty", "binary", "pdf", "german", "html without article", "too large", "missing", "empty folder"]
)
def test_bad_input_is_named_and_the_next_file_still_analysed(tmp_path, good, kind):
    bad, reason = _bad_inputs(tmp_path)[kind]
    result = run(str(bad), str(good))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("dixit: error:")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"dixit: error: {bad}: ") and reason in errors[0], errors[0]
    assert [a["source"] for a in analysed(result)] == [str(good)]


def test_non_utf8_file_is_read_in_the_detected_encoding_and_noted(tmp_path, good):
    latin = tmp_path / "cp1252.txt"
    latin.write_bytes("Le ministère a réagi à l'échec des négociations très coûteuses.\n".encode("cp1252"))
    result = run(str(latin), str(good))
    assert result.exit_code == 0, result.stderr
    assert f"dixit: note: {latin}: not UTF-8: read as cp1252" in result.stderr
    first, second = analysed(result)
    assert "ministère" in first["text"] and "négociations très coûteuses" in first["text"]
    assert second["source"] == str(good)


def test_html_article_is_extracted_with_title_and_site(tmp_path, good):
    page = tmp_path / "page.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    result = run(str(page), str(good))
    assert result.exit_code == 0, result.stderr
    assert "article text extracted with trafilatura" in result.stderr
    art = analysed(result)[0]
    assert art["text"].startswith("Négociations prolongées — Journal Exemple\n")
    assert "Accueil" not in art["text"] and "Tous droits réservés" not in art["text"]
    assert "porte-parole du ministère" in art["text"]


def test_mixed_folder_is_analysed_recursively_in_sorted_order(tmp_path):
    folder = tmp_path / "mixed"
    (folder / "b").mkdir(parents=True)
    (folder / "a-fr.txt").write_text(FR, encoding="utf-8")
    (folder / "b" / "c-en.txt").write_text(EN, encoding="utf-8")
    (folder / "b" / "a-page.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    result = run(str(folder))
    assert result.exit_code == 0, result.stderr
    arts = analysed(result)
    assert [Path(a["source"]).relative_to(folder).as_posix() for a in arts] == [
        "a-fr.txt", "b/a-page.html", "b/c-en.txt"
    ]
    assert [a["language"] for a in arts] == ["fr", "fr", "en"]


def test_errors_come_in_input_order_between_results(tmp_path, good):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run(str(good), str(empty), str(good))
    assert result.exit_code == 1
    assert len(analysed(result)) == 2
    assert result.stderr.strip() == f"dixit: error: {empty}: empty file"


def test_standard_input(good):
    result = run("-", stdin=FR)
    assert result.exit_code == 0, result.stderr
    assert analysed(result)[0]["source"] == "<stdin>"


def test_unsupported_language_option_lists_the_supported_ones(good):
    result = run("--language", "de", str(good))
    assert result.exit_code == 2
    assert "German (de) is not supported" in result.stderr and "English (en), French (fr)" in result.stderr


def test_language_option_overrides_detection(tmp_path):
    path = tmp_path / "title.txt"
    path.write_text("Macron à Berlin", encoding="utf-8")
    result = run("--language", "en", str(path))
    assert result.exit_code == 0, result.stderr
    assert analysed(result)[0]["language"] == "en"


def test_help_documents_the_size_limit_and_the_errors():
    result = CliRunner().invoke(main, ["analyze", "--help"])
    assert f"{MAX_BYTES:,} bytes" in result.output
    for reason in ("empty file", "binary file", "HTML page with no article", "no such file", "charset-normalizer"):
        assert reason in " ".join(result.output.split())


def test_decode_keeps_utf8_with_bom_and_refuses_blank():
    assert decode("\ufeffÉté".encode(), "x").text == "Été"
    with pytest.raises(Exception, match="empty file"):
        decode(b"\xef\xbb\xbf \n", "x")


def test_expand_paths_keeps_files_and_order(tmp_path):
    (tmp_path / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "a.htm").write_text("a", encoding="utf-8")
    (tmp_path / "c.gold.json").write_text("{}", encoding="utf-8")
    assert list(expand_paths(["-", str(tmp_path)])) == ["-", str(tmp_path / "a.htm"), str(tmp_path / "b.txt")]


def test_table_shows_quotes_events_and_flags_readably():
    from dixit.cli.render import render_table
    from dixit.model import Article, Cue, Entity, Event, Flag, Quote

    text = "Talks fail — Daily\nThe minister said the talks failed, according to AFP. Read more"
    art = Article(
        text=text, language="en", title="Talks fail", outlet="Daily",
        entities=[Entity("Jane Roe", "Jane Roe", "person", "FRA", "minister"), Entity("AFP", "AFP", "organization"),
                  Entity("FRA", "France", "country", "FRA"), Entity("DEU", "Germany", "country", "DEU")],
        quotes=[Quote(37, 53, "the talks failed", "indirect", speaker="Jane Roe", cue=Cue(32, 36, "say"),
                      via=["AFP"])],
        events=[Event("REJECT", 37, 53, "the talks failed", source="FRA", target="DEU", status="claimed",
                      date="2024-11-29", location="Paris", claimed_by=["AFP"])],
        flags=[Flag("boilerplate", text.index("Read more"), len(text))],
    )
    out = click.unstyle(render_table(art, width=200))
    assert out.splitlines()[0] == "# Talks fail"
    assert "outlet: Daily" in out and "language: English (en)" in out
    assert "Jane Roe → «the talks failed»  [indirect; cue “say”; via AFP]" in out
    assert "France —REJECT→ Germany (claimed, 2024-11-29, Paris) claimed by AFP" in out
    assert "boilerplate: «Read more»" in out
    assert "Jane Roe (person, FRA, minister) ×0" in out


def test_table_format_through_the_cli(good):
    result = CliRunner().invoke(main, ["analyze", "--format", "table", str(good)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Le gouvernement annonce de nouvelles négociations")
    assert "language: French (fr)" in result.stdout and "Quotes (" in result.stdout
