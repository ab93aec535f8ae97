"""Organisation names on a head noun, found by the packaged patterns after the NER."""

from __future__ import annotations

import pytest

from tests.conftest import pattern_ruler_nlp, ruler_ents


@pytest.fixture(scope="module")
def nlp():
    return pattern_ruler_nlp("org_ruler", "khabar.org_patterns.v1")


def orgs(nlp, text: str, ents: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    return ruler_ents(nlp, "org_ruler", text, ents)


def test_construct_head_with_definite_words(nlp):
    assert orgs(nlp, "أعلنت وزارة الداخلية العراقية أمس") == [("وزارة الداخلية العراقية", "ORG")]


def test_head_followed_by_an_entity_takes_it_over(nlp):
    assert orgs(nlp, "فاز منتخب مصر أمس", (("مصر", "GPE"),)) == [("منتخب مصر", "ORG")]


def test_definite_head_with_nationality_adjective(nlp):
    assert orgs(nlp, "قال الجيش الإسرائيلي إن") == [("الجيش الإسرائيلي", "ORG")]
    assert orgs(nlp, "قالت الحكومة الحالية إن") == []  # not a nationality


def test_head_noun_alone_is_not_an_organisation(nlp):
    assert orgs(nlp, "أسس شركة كبرى في المدينة") == []


def test_name_does_not_run_on_into_a_weekday_or_a_date(nlp):
    text = "قالت وزارة الخارجية الإسرائيلية الأحد إن"
    assert orgs(nlp, text) == [("وزارة الخارجية الإسرائيلية", "ORG")]
    dated = orgs(nlp, "أعلن حزب العمال اليوم", (("اليوم", "DATE"),))
    assert ("حزب العمال", "ORG") in dated and ("اليوم", "DATE") in dated
