"""Named events (tournaments, wars, holidays, conferences) found by the packaged patterns."""

from __future__ import annotations

import pytest

from tests.conftest import pattern_ruler_nlp, ruler_ents


@pytest.fixture(scope="module")
def nlp():
    return pattern_ruler_nlp("event_name_ruler", "khabar.event_name_patterns.v1")


def events(nlp, text: str, ents: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    return ruler_ents(nlp, "event_name_ruler", text, ents)


@pytest.mark.parametrize(("text", "ents", "expected"), [
    ("تأهل المنتخب إلى كأس العالم 2018", (), "كأس العالم 2018"),
    ("فاز في طواف فرنسا أمس", (("فرنسا", "GPE"),), "طواف فرنسا"),
    ("منذ الحرب العالمية الأولى", (), "الحرب العالمية الأولى"),
    ("بعد الحرب الأهلية اللبنانية", (), "الحرب الأهلية اللبنانية"),
    ("انطلق الدوري الفرنسي أمس", (), "الدوري الفرنسي"),
    ("خلال بطولة كأس السوبر", (), "بطولة كأس السوبر"),
    ("في معرض الكتاب الدولي", (), "معرض الكتاب الدولي"),
    ("بمناسبة عيد الفطر المبارك", (), "عيد الفطر المبارك"),
    ("شارك في المونديال الروسي", (), "المونديال الروسي"),
])
def test_named_events(nlp, text, ents, expected):
    assert events(nlp, text, ents) == [(expected, "EVENT")]


@pytest.mark.parametrize("text", [
    "اندلعت حرب الأسعار بين الشركات",   # حرب needs a name after it
    "وصل إلى قمة الجبل",
    "عقد المؤتمر الصحفي أمس",          # الصحفي is no event adjective
    "يبدأ الدوري المحلي الأحد",
    "جرى التعديل في الدورة الماضية",
    "وقال تقرير أعده منتدى النقل الدولي",    # a forum is an organisation
])
def test_generic_nouns_are_no_events(nlp, text):
    assert events(nlp, text) == []


@pytest.mark.parametrize(("text", "ents", "expected"), [
    # a name-only head takes places, not persons, mountains or clubs
    ("بدأت حرب ترامب التجارية", (("ترامب", "PER"),), [("ترامب", "PER")]),
    ("تسلق قمة إيفرست", (("إيفرست", "LOC"),), [("إيفرست", "LOC")]),
    ("قبل قمة الهلال", (("الهلال", "ORG"),), [("الهلال", "ORG")]),
    # the event ends before the next name and before a relative pronoun
    ("تأهل إلى دوري الأبطال الأهلي المصري", (("الأهلي المصري", "ORG"),),
     [("دوري الأبطال", "EVENT"), ("الأهلي المصري", "ORG")]),
    ("في مهرجان الجنادرية الذي", (), [("مهرجان الجنادرية", "EVENT")]),
])
def test_events_leave_other_names_alone(nlp, text, ents, expected):
    assert events(nlp, text, ents) == expected


def test_a_name_ending_in_a_clitic_prepositional_phrase():
    """The shipped tokenizer splits للأندية into ل + لأندية (norm الأندية)."""
    from khabar.segmenter import CliticSegmenter
    from khabar.tokenizer import CliticTokenizer, rule_tokenizer

    nlp = pattern_ruler_nlp("event_name_ruler", "khabar.event_name_patterns.v1")
    segmenter = CliticSegmenter({"الأندية": 9, "كرة": 9})
    nlp.tokenizer = CliticTokenizer(nlp.vocab, rule_tokenizer(nlp), segmenter)
    for text in ("كأس العالم للأندية", "الدوري الألماني لكرة القدم"):
        doc = nlp(text)
        assert [(e.text, e.label_) for e in doc.ents] == [(text, "EVENT")], [t.text for t in doc]
