"""Value entities (DATE, TIME, MONEY, PERCENT, QUANTITY) found by the packaged patterns."""

from __future__ import annotations

import pytest

from khabar.contract import entity_records
from tests.conftest import pattern_ruler_nlp


@pytest.fixture(scope="module")
def nlp():
    return pattern_ruler_nlp("value_ruler", "khabar.value_patterns.v1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تراجع المؤشر 1.5 في المئة أمس", [("1.5 في المئة", "PERCENT"), ("أمس", "DATE")]),
        ("بلغت الصفقة 20 مليار دولار أميركي", [("20 مليار دولار أميركي", "MONEY")]),
        (
            "وقع الانفجار الساعة 9:30 صباحا بتوقيت القدس",
            [("الساعة 9:30 صباحا بتوقيت القدس", "TIME")],
        ),
        (
            "في 3 مايو/أيار 2019 وخلال الأسبوع الماضي",
            [("3 مايو/أيار 2019", "DATE"), ("الأسبوع الماضي", "DATE")],
        ),
        (
            "على بعد 40 كيلومترا من المدينة مساء الجمعة",
            [("40 كيلومترا", "QUANTITY"), ("مساء الجمعة", "TIME")],
        ),
        ("ارتفعت بنسبة 7% والخميس المقبل", [("7%", "PERCENT"), ("الخميس المقبل", "DATE")]),
    ],
)
def test_values_and_their_spans(nlp, text, expected):
    doc = nlp(text)
    assert [(text[e["start"] : e["end"]], e["label"]) for e in entity_records(doc)] == expected


def test_proclitics_stay_out_of_value_spans(nlp):
    text = "وصل والأحد وتبرع بـ و15 مليون دولار"
    got = [(text[e["start"] : e["end"]], e["label"]) for e in entity_records(nlp(text))]
    assert got == [("الأحد", "DATE"), ("15 مليون دولار", "MONEY")]


def test_a_month_name_alone_is_not_a_date(nlp):
    assert nlp("غنى برونو مارس في الحفل").ents == ()


def test_values_on_clitic_tokens():
    """The shipped tokenizer splits بالمئة and والأحد; the patterns still find the values."""
    from khabar.segmenter import CliticSegmenter
    from khabar.tokenizer import CliticTokenizer, rule_tokenizer

    nlp = pattern_ruler_nlp("value_ruler", "khabar.value_patterns.v1")
    segmenter = CliticSegmenter({"المئة": 9, "المائة": 9, "الأحد": 9})
    nlp.tokenizer = CliticTokenizer(nlp.vocab, rule_tokenizer(nlp), segmenter)
    text = "ارتفع 20 بالمئة والأحد المقبل و5 بالمائة"
    doc = nlp(text)
    assert "ب" in [t.text for t in doc]
    got = [(text[e["start"] : e["end"]], e["label"]) for e in entity_records(doc)]
    assert got == [
        ("20 بالمئة", "PERCENT"),
        ("الأحد المقبل", "DATE"),
        ("5 بالمائة", "PERCENT"),
    ]
