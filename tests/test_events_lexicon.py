"""Trigger lexicon entries added for recall: idioms and verbs whose type the manual fixes.

Sentences written for these tests; actors are marked by hand (see test_events.run).
"""

from __future__ import annotations

from tests.test_events import find, run


def test_taking_issue_with_is_accuse():
    art = run("Japan took issue with China over the patrols.", "en")
    find(art, "ACCUSE", "JPN", "CHN")
    assert not [e for e in run("Japan took part in talks.", "en").events if e.type == "ACCUSE"]
