"""Events on the worked example of the dev set (rt-kim-belousov), analysed once for the module."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def kim(corpus_dir, analyze_fr):
    text = (corpus_dir / "dev" / "rt-kim-belousov.txt").read_text(encoding="utf-8")
    return analyze_fr(text, published="2024-11-30")


def _events(article, type_):
    return [e for e in article.events if e.type == type_]


def test_meeting_is_prk_consult_rus_in_pyongyang_on_friday(kim):
    ev = next(e for e in _events(kim, "CONSULT") if e.source == "PRK" and e.target == "RUS")
    assert (ev.date, ev.date_precision, ev.location) == ("2024-11-29", "day", "Pyongyang")
    assert ev.status == "asserted" and kim.text[ev.start:ev.end] == ev.text


def test_treaty_signature_is_support_in_june(kim):
    ev = next(e for e in _events(kim, "SUPPORT") if {e.source, e.target} == {"PRK", "RUS"} and e.date == "2024-06")
    assert ev.date_precision == "month" and "signature" in ev.text


def test_troop_deployment_is_claimed_by_usa_and_nato_and_rejected_by_prk(kim):
    ev = next(e for e in _events(kim, "AID") if e.source == "PRK" and e.target == "RUS")
    assert ev.status == "claimed" and set(ev.claimed_by) == {"USA", "NATO"}
    assert "PRK" in ev.denied_by
    assert any(e.source == "PRK" for e in _events(kim, "REJECT"))
    # "n'a ni confirmé ni démenti" is no denial
    assert not any(e.source == "RUS" for e in _events(kim, "REJECT"))


def test_without_published_relative_dates_are_dropped(corpus_dir, analyze_fr):
    text = (corpus_dir / "dev" / "rt-kim-belousov.txt").read_text(encoding="utf-8")
    article = analyze_fr(text)
    assert article.events and all(e.date is None for e in article.events)
