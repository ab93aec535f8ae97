"""Entity-ruler patterns for values: DATE, TIME, MONEY, PERCENT, QUANTITY.

Only one of our NER training sets (the Wojood sample) annotates values, so the
statistical NER finds few of them; their surface forms in news are regular
enough for patterns. The patterns run after the NER and take precedence over it
(``overwrite_ents``), so ``الاثنين`` tagged MISC by the NER becomes a DATE.
They are written as token patterns for our tokenizer (clitics still attached:
``بالمئة`` is one token). Config:
``[initialize.components.value_ruler] patterns = {"@misc": "khabar.value_patterns.v1"}``.
"""

from __future__ import annotations

from typing import Any

from spacy.util import registry

# A leading conjunction or preposition stays attached to digits (و15، ب50): allowed here,
# left out of the written span by ``contract.entity_records``.
NUMBER = r"^[وفبل]{0,2}[0-9٠-٩]+([.,٫][0-9٠-٩]+)*$"
CLOCK = r"^[وفبل]{0,2}[0-9٠-٩]{1,2}[:٫.][0-9٠-٩]{2}$"
YEAR = r"^(1[89]|20)[0-9]{2}$|^[١٢][٠-٩]{3}$"
NUMBER_WORDS = ["مليون", "ملايين", "مليار", "مليارات", "ألف", "آلاف", "الف", "الاف"]
MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ابريل",
    "إبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "اغسطس",
    "سبتمبر",
    "أكتوبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "آذار",
    "اذار",
    "نيسان",
    "أيار",
    "ايار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "ايلول",
    "تشرين",
    "جانفي",
    "فيفري",
    "أفريل",
    "افريل",
    "جوان",
    "جويلية",
    "أوت",
    "محرم",
    "صفر",
    "ربيع",
    "جمادى",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "القعدة",
    "الحجة",
]
WEEKDAYS = [
    "السبت",
    "الأحد",
    "الاحد",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الاربعاء",
    "الخميس",
    "الجمعة",
]
RELATIVE_DAYS = ["أمس", "امس", "اليوم", "غدا", "غداً", "البارحة"]
PERIODS = [
    "الشهر",
    "العام",
    "الأسبوع",
    "الاسبوع",
    "الموسم",
    "الصيف",
    "الشتاء",
    "الربيع",
    "الخريف",
    "القرن",
    "العقد",
    "السنة",
    "الفصل",
    "النصف",
]
PERIOD_MODIFIERS = [
    "الماضي",
    "الماضية",
    "المقبل",
    "المقبلة",
    "الجاري",
    "الجارية",
    "الحالي",
    "الحالية",
    "القادم",
    "القادمة",
    "المنصرم",
    "المنصرمة",
]
DURATIONS = [
    "سنوات",
    "سنة",
    "أعوام",
    "عاما",
    "عامًا",
    "أشهر",
    "شهرا",
    "شهور",
    "أسابيع",
    "أسبوعا",
    "أيام",
    "يوما",
    "ساعات",
    "ساعة",
    "دقائق",
    "دقيقة",
]
DAY_PARTS = ["صباح", "مساء", "فجر", "ظهر", "ليل", "ليلة", "عصر", "منتصف"]
CURRENCIES = [
    "دولار",
    "دولارا",
    "دولارات",
    "يورو",
    "ريال",
    "ريالا",
    "ريالات",
    "دينار",
    "دينارا",
    "دنانير",
    "جنيه",
    "جنيها",
    "جنيهات",
    "درهم",
    "درهما",
    "دراهم",
    "ليرة",
    "ليرات",
    "روبل",
    "ين",
    "يوان",
    "فرنك",
    "شيكل",
    "استرليني",
    "إسترليني",
]
CURRENCY_ADJ = [
    "أمريكي",
    "أميركي",
    "امريكي",
    "اميركي",
    "سعودي",
    "كويتي",
    "أردني",
    "مصري",
    "عراقي",
    "إماراتي",
    "قطري",
    "تونسي",
    "جزائري",
    "مغربي",
    "ليبي",
    "لبناني",
    "سوري",
]
PERCENT_ONE = ["%", "٪", "بالمئة", "بالمائة", "بالمية"]
# the clitic tokenizer writes بالمئة as ب + المئة
PERCENT_TWO = [[p, w] for p in ("في", "ب") for w in ("المئة", "المائة", "المية")]
UNITS = [
    "كيلومتر",
    "كيلومترا",
    "كيلومترات",
    "كلم",
    "كم",
    "متر",
    "مترا",
    "أمتار",
    "طن",
    "طنا",
    "أطنان",
    "كيلوغرام",
    "كيلوغراما",
    "كغ",
    "برميل",
    "برميلا",
    "براميل",
    "ميل",
    "ميلا",
    "هكتار",
    "هكتارا",
    "ميغاواط",
    "لتر",
    "لترا",
]


def _with_conjunction(words: list[str]) -> list[str]:
    """Words of the article (الأحد) also with an attached و/ف/ب (والأحد): the written
    span leaves the proclitic out (``contract.entity_records``)."""
    return words + [p + w for w in words if w.startswith("ال") for p in ("و", "ف", "ب")]


def _num() -> list[dict[str, Any]]:
    """A number in digits, optionally followed by a word such as مليون."""
    return [{"TEXT": {"REGEX": NUMBER}}, {"TEXT": {"IN": NUMBER_WORDS}, "OP": "?"}]


def _p(label: str, *tokens: dict[str, Any]) -> dict[str, Any]:
    return {"label": label, "pattern": list(tokens)}


def value_patterns() -> list[dict[str, Any]]:
    num = _num()
    month = {"TEXT": {"IN": MONTHS}}
    year = {"TEXT": {"REGEX": YEAR}}
    slash_month = [{"TEXT": "/"}, month]
    patterns = [
        _p("PERCENT", *num, {"TEXT": {"IN": PERCENT_ONE}}),
        *(_p("PERCENT", *num, {"TEXT": a}, {"TEXT": b}) for a, b in PERCENT_TWO),
        _p("MONEY", *num, {"TEXT": {"IN": CURRENCIES}}, {"TEXT": {"IN": CURRENCY_ADJ}, "OP": "?"}),
        _p("QUANTITY", *num, {"TEXT": {"IN": UNITS}}),
        _p(
            "TIME",
            {"TEXT": {"IN": ["الساعة", "الساعه"]}, "OP": "?"},
            {"TEXT": {"REGEX": CLOCK}},
            {"TEXT": {"IN": ["صباحا", "مساء", "مساءً", "صباحاً", "ظهرا", "فجرا", "ليلا"]}, "OP": "?"},
            {"TEXT": {"IN": ["بتوقيت", "غرينتش", "جمت"]}, "OP": "?"},
            {"TEXT": {"IN": ["غرينتش", "غ", "مكة", "القدس", "بيروت", "القاهرة"]}, "OP": "?"},
        ),
        _p("TIME", {"TEXT": {"IN": DAY_PARTS}}, {"TEXT": {"IN": WEEKDAYS + RELATIVE_DAYS}}),
        _p(
            "DATE",
            {"TEXT": {"REGEX": r"^[0-9٠-٩]{1,2}$"}},
            month,
            *slash_month,
            {"TEXT": {"IN": ["من", "عام"]}, "OP": "?"},
            {"TEXT": {"IN": ["عام"]}, "OP": "?"},
            {**year, "OP": "?"},
        ),
        _p("DATE", {"TEXT": {"REGEX": r"^[0-9٠-٩]{1,2}$"}}, month, {**year, "OP": "?"}),
        _p("DATE", month, *slash_month, {**year, "OP": "?"}),
        _p("DATE", month, year),
        _p("DATE", month, {"TEXT": {"IN": PERIOD_MODIFIERS}}),
        _p("DATE", {"TEXT": {"IN": ["عام", "العام", "سنة"]}}, year),
        _p(
            "DATE",
            {"TEXT": {"IN": ["يوم"]}, "OP": "?"},
            {"TEXT": {"IN": _with_conjunction(WEEKDAYS)}},
            {"TEXT": {"IN": PERIOD_MODIFIERS}, "OP": "?"},
        ),
        _p("DATE", {"TEXT": {"IN": RELATIVE_DAYS}}, {"TEXT": {"IN": WEEKDAYS}, "OP": "?"}),
        _p(
            "DATE", {"TEXT": {"IN": _with_conjunction(PERIODS)}}, {"TEXT": {"IN": PERIOD_MODIFIERS}}
        ),
        _p("DATE", {"TEXT": {"IN": ["شهر"]}}, {"TEXT": {"IN": MONTHS}}),
        _p("DATE", {"TEXT": {"REGEX": NUMBER}}, {"TEXT": {"IN": DURATIONS}}),
    ]
    return patterns


@registry.misc("khabar.value_patterns.v1")
def create_value_patterns() -> list[dict[str, Any]]:
    return value_patterns()
