"""Date expressions resolved against the publication date, in French and English."""

from __future__ import annotations

import pytest

from dixit.components.dates import find_dates
from dixit.lang import get_language
from dixit.nlp import load_pipeline


def dates(text: str, language: str, published: str | None) -> dict[str, tuple[str, str]]:
    doc = load_pipeline(language)(text)
    return {text[d.start:d.end]: (d.value, d.precision) for d in find_dates(doc, get_language(language), published)}


FR = ("Il est arrivé vendredi. Le mois dernier, en juin, vendredi dernier, lundi prochain, "
      "début novembre, le 24 janvier 2020, le 3 mars, en 2016, hier et la semaine dernière.")
EN = ("He came on Friday, last month, in June, last Friday, next Monday, early November, "
      "on January 24, 2020, March 3 and in 2016, yesterday and last week.")


@pytest.mark.parametrize("text, language", [(FR, "fr"), (EN, "en")])
def test_relative_dates_with_published(text, language):
    got = dates(text, language, "2024-11-30")  # a Saturday
    values = sorted(got.values())
    for expected in [("2024-11-29", "day"),  # vendredi / Friday, and yesterday
                     ("2024-10", "month"),  # le mois dernier / last month
                     ("2024-06", "month"),  # en juin: a month, not the 30th
                     ("2024-12-02", "day"),  # lundi prochain / next Monday
                     ("2024-11", "month"),  # début novembre / early November
                     ("2020-01-24", "day"), ("2024-03-03", "day"), ("2016", "year")]:
        assert expected in values, (expected, got)


@pytest.mark.parametrize("text, language", [(FR, "fr"), (EN, "en")])
def test_without_published_only_absolute_dates_are_kept(text, language):
    assert sorted(dates(text, language, None).values()) == [("2016", "year"), ("2020-01-24", "day")]


def test_weekday_on_the_day_of_publication_is_that_day_and_last_is_a_week_before():
    got = dates("Lundi, puis lundi dernier.", "fr", "2024-12-02")  # a Monday
    assert got["Lundi"] == ("2024-12-02", "day") and got["lundi dernier"] == ("2024-11-25", "day")


def test_modal_may_is_not_a_month():
    assert dates("Russia may attack.", "en", "2024-11-30") == {}
