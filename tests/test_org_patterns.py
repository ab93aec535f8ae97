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


def test_a_sports_body_ends_with_its_sport():
    """لكرة splits into ل + كرة with the clitic tokenizer (a segmenter that knows كرة)."""
    from khabar.segmenter import CliticSegmenter
    from khabar.tokenizer import CliticTokenizer, rule_tokenizer

    nlp = pattern_ruler_nlp("org_ruler", "khabar.org_patterns.v1")
    nlp.tokenizer = CliticTokenizer(nlp.vocab, rule_tokenizer(nlp), CliticSegmenter({"كرة": 9}))
    got = orgs(nlp, "استقال مدرب منتخب إيسلندا لكرة القدم أمس", (("إيسلندا", "GPE"),))
    assert got == [("منتخب إيسلندا لكرة القدم", "ORG")]
    assert orgs(nlp, "قال الاتحاد الإيسلندي لكرة القدم إن") == [
        ("الاتحاد الإيسلندي لكرة القدم", "ORG")]
    found = orgs(nlp, "أعلن الاتحاد الدولي لكرة السلة أن", (("الاتحاد الدولي", "ORG"),))
    assert found == [("الاتحاد الدولي لكرة السلة", "ORG")]
    # a team of a club is no body of its own: no name, no match
    assert orgs(nlp, "وصلت بعثة الفريق الأول لكرة القدم") == []
    # after an organisation that is no sports body لكرة القدم is "to football"
    found = orgs(nlp, "أشاد بما قدمه البنك الأهلي لكرة القدم المصرية", (("البنك الأهلي", "ORG"),))
    assert found == [("البنك الأهلي", "ORG")]
