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
        # the era after the year, Hijri years, a second month name in parentheses
        ("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م",
         [("26 شوال 1436 هـ", "DATE"), ("11 أغسطس 2015 م", "DATE")]),
        ("منذ نوفمبر (تشرين الثاني) 2007", [("نوفمبر (تشرين الثاني) 2007", "DATE")]),
        # a part of the period, the day word, a relative modifier, the year after عام
        ("حتى نهاية شهر أغسطس/آب المقبل", [("نهاية شهر أغسطس/آب المقبل", "DATE")]),
        ("يوم الثلاثاء 14 مارس الجاري", [("يوم الثلاثاء 14 مارس الجاري", "DATE")]),
        ("في يوليو عام 2002 ثم مطلع عام 2019", [("يوليو عام 2002", "DATE"),
                                              ("مطلع عام 2019", "DATE")]),
        ("موسم عام 2013 - 2014", [("عام 2013 - 2014", "DATE")]),
        # durations in words, duals, demonstratives
        ("بعد خمس سنوات أو عامين", [("خمس سنوات", "DATE"), ("عامين", "DATE")]),
        ("هذا العام", [("هذا العام", "DATE")]),
        ("مساء اليوم السبت", [("مساء اليوم السبت", "TIME")]),
        ("الساعة الـ 3 مساء ثم بعد ظهر الجمعة", [("الساعة الـ 3 مساء", "TIME"),
                                               ("بعد ظهر الجمعة", "TIME")]),
        ("عند السابعة والنصف صباحا", [("السابعة والنصف صباحا", "TIME")]),
        # amounts in words, plural currencies, units with their adjective
        ("خسرت ثلاثة مليارات دولار ثم مليارات الدولارات",
         [("ثلاثة مليارات دولار", "MONEY"), ("مليارات الدولارات", "MONEY")]),
        ("بلغت 82 مليون جنيه إسترليني", [("82 مليون جنيه إسترليني", "MONEY")]),
        ("ضخ 64 مليار متر مكعب", [("64 مليار متر مكعب", "QUANTITY")]),
        # parts of a year and decades, with the period they belong to
        ("في الربع الأول من عام 2019", [("الربع الأول من عام 2019", "DATE")]),
        ("خلال النصف الثاني من العام الجاري", [("النصف الثاني من العام الجاري", "DATE")]),
        ("مقارنة مع الربع الأول من هذا العام", [("الربع الأول من هذا العام", "DATE")]),
        ("منذ أوائل الستينيات من القرن الماضي وحتى التسعينات",
         [("أوائل الستينيات من القرن الماضي", "DATE"), ("التسعينات", "DATE")]),
        ("وصل أول من أمس بعد سنوات عدة", [("أول من أمس", "DATE"), ("سنوات عدة", "DATE")]),
        ("عند 17:23 ت م", [("17:23 ت م", "TIME")]),
    ],
)
def test_values_and_their_spans(nlp, text, expected):
    doc = nlp(text)
    assert [(text[e["start"] : e["end"]], e["label"]) for e in entity_records(doc)] == expected


def test_proclitics_stay_out_of_value_spans(nlp):
    text = "وصل والأحد وتبرع بـ و15 مليون دولار"
    got = [(text[e["start"] : e["end"]], e["label"]) for e in entity_records(nlp(text))]
    assert got == [("الأحد", "DATE"), ("15 مليون دولار", "MONEY")]


@pytest.mark.parametrize("text", ["غنى برونو مارس في الحفل", "سجل رمضان صبحي هدفا",
                                  "قال رجب طيب أردوغان", "وأضاف الهدف الثاني رمضان صبحي"])
def test_a_month_name_alone_is_not_a_date(nlp, text):
    assert nlp(text).ents == ()


@pytest.mark.parametrize("text", [
    "فاز للمرة الثانية إلا أنه خسر",          # an ordinal before إلا is no clock time
    "تقام المباراة الثانية عصرا",
    "وقعت الشركة 3 عقود بقيمة كبيرة",         # عقود: contracts, not decades
    "وقع اللاعب هذا العقد مع النادي",
    "في 2015 قدم اللاعب استقالته",            # قدم: presented, not feet
])
def test_ordinary_words_are_no_values(nlp, text):
    assert nlp(text).ents == ()


@pytest.mark.parametrize(("text", "expected"), [
    ("احتفل في 25 ديسمبر من كل عام", [("25 ديسمبر", "DATE")]),
    ("مساء الأحد - أعلن الوزير", [("مساء الأحد", "TIME")]),
    ("الساعة الحادية عشرة ليلا", [("الساعة الحادية عشرة ليلا", "TIME")]),
    ("قطع العداء آخر 2000 متر", [("2000 متر", "QUANTITY")]),
])
def test_values_do_not_take_the_words_around_them(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected


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


def test_halves_ranges_and_time_zones_on_clitic_tokens():
    """ونصف, و35 and بتوقيت are split by the shipped tokenizer; the values stay whole."""
    from khabar.segmenter import CliticSegmenter
    from khabar.tokenizer import CliticTokenizer, rule_tokenizer

    nlp = pattern_ruler_nlp("value_ruler", "khabar.value_patterns.v1")
    segmenter = CliticSegmenter({"نصف": 9, "توقيت": 9})
    nlp.tokenizer = CliticTokenizer(nlp.vocab, rule_tokenizer(nlp), segmenter)
    text = ("بعد سبعة أعوام ونصف وبين 30 و35 عاما بسعر 1200 و1800 دولار "
            "عند الساعة 10:53 بتوقيت غرينتش")
    got = [(text[e["start"] : e["end"]], e["label"]) for e in entity_records(nlp(text))]
    assert got == [("سبعة أعوام ونصف", "DATE"), ("30 و35 عاما", "DATE"),
                   ("1200 و1800 دولار", "MONEY"), ("الساعة 10:53 بتوقيت غرينتش", "TIME")]
