"""Hand-made articles for the web tests: short texts written for them, records built by hand,
so the pages are tested on known quotes, events and flags whatever the extractors produce."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from urllib.request import urlopen

from dixit.model import Article, Cue, Entity, Event, Flag, Quote, Span

HOSTILE = '<script>window.__xss = 1; alert("xss")</script> <img src=x onerror="window.__xss = 2; alert(2)">'


def _at(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part))


def pact_article() -> Article:
    """Two states, a minister quoted through an agency, a support and an accusation."""
    text = (
        "Ruritania backs Borduria — Daily Test\n"
        "The Ruritanian minister Anna Holm said on Friday: « We stand with Borduria ». "
        "According to the Press Agency, Holm also accused Syldavia of provocations. "
        "Borduria denied any deal. Share this story on social networks:"
    )
    ents = [
        Entity("Anna Holm", "Anna Holm", "person", country="RUR", role="minister",
               mentions=[_at(text, "Anna Holm"), _at(text, "Holm", 1)]),
        Entity("RUR", "Ruritania", "country", mentions=[_at(text, "Ruritania")]),
        Entity("BOR", "Borduria", "country",
               mentions=[_at(text, "Borduria"), _at(text, "Borduria", 1), _at(text, "Borduria", 2)]),
        Entity("SYL", "Syldavia", "country", mentions=[_at(text, "Syldavia")]),
        Entity("Press Agency", "Press Agency", "organization", mentions=[_at(text, "Press Agency")]),
    ]
    said, direct = _at(text, "said"), _at(text, "We stand with Borduria")
    accused = _at(text, "accused Syldavia of provocations")
    quotes = [
        Quote(direct.start, direct.end, "We stand with Borduria", "direct", speaker="Anna Holm",
              speaker_mention=_at(text, "Anna Holm"), cue=Cue(said.start, said.end, "say")),
        Quote(accused.start - 5, accused.end, text[accused.start - 5:accused.end], "indirect", speaker="Anna Holm",
              speaker_mention=_at(text, "Holm", 1), via=["Press Agency"]),
        Quote(_at(text, "Borduria denied any deal").start, _at(text, "Borduria denied any deal").end,
              "Borduria denied any deal", "indirect", speaker=None),
    ]
    events = [
        Event("SUPPORT", direct.start, direct.end, direct_text(text, direct), source="RUR", target="BOR",
              source_actor="Anna Holm", date="2024-03-01", date_precision="day"),
        Event("ACCUSE", accused.start, accused.end, text[accused.start:accused.end], source="RUR", target="SYL",
              status="claimed", claimed_by=["Press Agency"], date="2024-04", date_precision="month"),
        Event("AGREE", _at(text, "any deal").start, _at(text, "any deal").end, "any deal", source="BOR",
              target=None, status="denied", denied_by=["BOR"]),
        Event("COOPERATE", _at(text, "any deal").start, _at(text, "any deal").end, "any deal", source="BOR",
              target="RUR", status="denied", denied_by=["BOR"]),
    ]
    flags = [Flag("boilerplate", _at(text, "Share this story").start, len(text))]
    return Article(text=text, language="en", title="Ruritania backs Borduria", outlet="Daily Test",
                   published="2024-03-02", entities=ents, quotes=quotes, events=events, flags=flags)


def direct_text(text: str, span: Span) -> str:
    return text[span.start:span.end]


def hostile_article() -> Article:
    """Markup in the title, the text, a quote and an entity name: all must show as text."""
    text = f"Hostile <b>title</b> — Test\nThe envoy said: « {HOSTILE} ». Nothing else happened."
    quote = _at(text, HOSTILE)
    said = _at(text, "said")
    return Article(
        text=text, language="en", title=f"Hostile <b>title</b> {HOSTILE}", outlet="<i>Evil</i> outlet",
        published="2024-05-01",
        entities=[Entity("<svg onload=alert(3)>", "<svg onload=alert(3)>", "person",
                         mentions=[_at(text, "envoy")])],
        quotes=[Quote(quote.start, quote.end, HOSTILE, "direct", speaker="<svg onload=alert(3)>",
                      cue=Cue(said.start, said.end, "say"))],
        events=[Event("THREATEN", quote.start, quote.end, HOSTILE, source="<svg onload=alert(3)>", target="RUR")],
    )


def bare_article() -> Article:
    """No quote, event or flag: pages must still render. Its one actor has a slash in its id."""
    text = "A calm day — Test\nNothing was said and nothing was done by the North/South Commission."
    return Article(text=text, language="en", entities=[
        Entity("North/South Commission", "North/South Commission", "organization",
               mentions=[_at(text, "North/South Commission")])])


@contextmanager
def serve_store(path):
    """A read-only store served by uvicorn on a free loopback port, for browser tests: yields its base URL."""
    import uvicorn

    from dixit.store import open_store
    from dixit.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    store = open_store(str(path), read_only=True)
    srv = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urlopen(base + "/api/stats", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        yield base
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
        store.close()
