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
DAY_OR_HOUR = r"^[0-9٠-٩]{1,2}$"  # a day of the month or an hour in digits
CLOCK_NOUNS = ["الساعة", "الساعه"]
# Gregorian years, Hijri years (14xx), in Western or Arabic-Indic digits
YEAR = r"^((1[89]|20|14)[0-9]{2}|[١٢][٠-٩]{3})(م|هـ)?$"
# the era written after a year: [10 أغسطس 2015 م], [25 شوال 1436 هـ]
ERA_MARKERS = ["م", "هـ", "ه", "ميلادي", "ميلادية", "هجري", "هجرية", "للميلاد", "للهجرة"]
NUMBER_WORDS = ["مليون", "ملايين", "مليار", "مليارات", "ألف", "آلاف", "الف", "الاف", "مليوني",
                "ملياري", "ألفي", "تريليون", "ترليون", "تريليونات"]
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
    "آيار",
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
    "قرون",
    "قرنا",
    "شهور",
    "سنين",
]
# the second word of a two-word month: تشرين الأول، كانون الثاني، ربيع الآخر
MONTH_ORDINALS = ["الأول", "الاول", "الثاني", "الآخر", "الأولى", "الاولى", "الآخرة"]
# parts of a period written before a date: [نهاية العام الجاري], [مطلع نيسان/أبريل 2015]
PERIOD_EDGES = ["نهاية", "بداية", "منتصف", "مطلع", "مستهل", "أوائل", "أواخر", "أواسط", "اواخر",
                "اوائل"]
# periods after هذا/هذه (not العقد "the contract", الفصل "the chapter")
DEMONSTRATIVE_PERIODS = ["العام", "الشهر", "الأسبوع", "الاسبوع", "الموسم", "الصيف", "الشتاء",
                         "الربيع", "الخريف", "السنة", "القرن"]
DEMONSTRATIVES = ["هذا", "هذه"]
ORDINAL_DAYS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
                "التاسع", "العاشر"]
CARDINALS = [
    "ثلاث", "ثلاثة", "أربع", "أربعة", "اربعة", "خمس", "خمسة", "ست", "ستة", "سبع", "سبعة",
    "ثماني", "ثمانية", "ثمان", "تسع", "تسعة", "عشر", "عشرة", "عشرين", "ثلاثين", "أربعين",
    "خمسين", "ستين", "سبعين", "ثمانين", "تسعين", "مئة", "مائة",
]
DUAL_DURATIONS = ["عامين", "سنتين", "شهرين", "أسبوعين", "يومين", "قرنين", "ساعتين", "دقيقتين"]
# the parts of a year: [الربع الأول من عام 2019], [النصف الثاني من العام الجاري]
YEAR_PARTS = ["الربع", "النصف"]  # not الثلث: الثلث الأخير من الملعب
YEAR_PART_ORDINALS = ["الأول", "الاول", "الثاني", "الثالث", "الرابع", "الأخير"]
# decades: [أوائل الستينيات من القرن الماضي], [التسعينات]
DECADES = [
    f"ال{tens}{ending}" for tens in ("عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين",
                                      "ثمانين", "تسعين")
    for ending in ("يات", "ات")
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
    "باوند",
    "أورو",
    "دولارات",
    "الدولارات",
    "الريالات",
    "الدنانير",
    "الجنيهات",
]
CURRENCY_ADJ = [
    "إسترليني",
    "استرليني",
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
    "كيلو",
    "نقطة",
    "نقاط",
    "ميغاوات",
]
UNIT_ADJ = ["مكعب", "مكعبة", "مكعبا", "مربع", "مربعة", "مربعا"]
DUAL_UNITS = ["كيلومترين", "مترين", "طنين", "ميلين"]
# clock times in words: [الساعة الخامسة بعد الزوال], [السابعة والنصف], [الرابعة عصرا]
HOUR_WORDS = ["الواحدة", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة",
              "الثامنة", "التاسعة", "العاشرة", "الحادية"]
HOUR_FRACTIONS = ["والنصف", "والربع", "والثلث"]
CLOCK_PARTS = ["صباحا", "صباحاً", "مساء", "مساءً", "مساءا", "ظهرا", "ظهراً", "فجرا", "فجراً",
               "ليلا", "ليلاً", "عصرا", "عصراً"]


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
    patterns = [
        _p("PERCENT", *num, {"TEXT": {"IN": PERCENT_ONE}}),
        *(_p("PERCENT", *num, {"TEXT": a}, {"TEXT": b}) for a, b in PERCENT_TWO),
        _p("MONEY", *num, {"TEXT": {"IN": CURRENCIES}}, {"TEXT": {"IN": CURRENCY_ADJ}, "OP": "?"}),
        # [ثلاثة مليارات دولار], [مليارات الدولارات], [خمسة عشر ألف ريال]
        _p("MONEY", {"TEXT": {"IN": CARDINALS}, "OP": "?"}, {"TEXT": "عشر", "OP": "?"},
           {"TEXT": {"IN": NUMBER_WORDS}}, {"TEXT": {"IN": CURRENCIES}},
           {"TEXT": {"IN": CURRENCY_ADJ}, "OP": "?"}),
        _p("QUANTITY", *num, {"TEXT": {"IN": UNITS}}, {"TEXT": {"IN": UNIT_ADJ}, "OP": "?"}),
        _p("QUANTITY", {"TEXT": {"IN": CARDINALS}, "OP": "?"}, {"TEXT": {"IN": NUMBER_WORDS}},
           {"TEXT": {"IN": UNITS}}, {"TEXT": {"IN": UNIT_ADJ}, "OP": "?"}),
        _p("QUANTITY", {"TEXT": {"IN": DUAL_UNITS}}),
        # [الساعة الـ 3 مساء], [الساعة الخامسة والنصف صباحا], [الرابعة عصرا]
        _p("TIME", {"TEXT": {"IN": CLOCK_NOUNS}},
           {"TEXT": {"IN": ["الـ", "ال"]}, "OP": "?"}, {"TEXT": {"REGEX": DAY_OR_HOUR}},
           {"TEXT": {"IN": CLOCK_PARTS}, "OP": "?"}),
        _p("TIME", {"TEXT": {"IN": CLOCK_NOUNS}}, {"TEXT": {"IN": HOUR_WORDS}},
           {"TEXT": "عشرة", "OP": "?"}, {"TEXT": {"IN": HOUR_FRACTIONS}, "OP": "?"},
           {"TEXT": {"IN": CLOCK_PARTS}, "OP": "?"}),
        # without الساعة only with a fraction: an ordinal (الثانية) is no time on its own
        _p("TIME", {"TEXT": {"IN": HOUR_WORDS}}, {"TEXT": "عشرة", "OP": "?"},
           {"TEXT": {"IN": HOUR_FRACTIONS}}, {"TEXT": {"IN": CLOCK_PARTS}, "OP": "?"}),
        # the time zone belongs to the time: [17:45 ت م], [الساعة 10:53 بتوقيت غرينتش]
        # (بتوقيت is split into ب + توقيت; a ب left at the end is trimmed by the cleanup)
        _p(
            "TIME",
            {"TEXT": {"IN": CLOCK_NOUNS}, "OP": "?"},
            {"TEXT": {"REGEX": CLOCK}},
            {"TEXT": {"IN": ["صباحا", "مساء", "مساءً", "صباحاً", "ظهرا", "فجرا", "ليلا"]}, "OP": "?"},
            {"TEXT": "ب", "OP": "?"},
            {"TEXT": {"IN": ["بتوقيت", "توقيت", "غرينتش", "جمت", "ت"]}, "OP": "?"},
            {"TEXT": {"IN": ["غرينتش", "غ", "م", "مكة", "القدس", "بيروت", "القاهرة"]}, "OP": "?"},
        ),
        # [مساء اليوم السبت], [ليل الأحد- الاثنين], [صباح يوم الخميس], [بعد ظهر الجمعة]
        *(_p("TIME", {"TEXT": "بعد", "OP": "?"}, {"TEXT": {"IN": DAY_PARTS}},
             {"TEXT": "يوم", "OP": "?"}, {"TEXT": {"IN": WEEKDAYS + RELATIVE_DAYS}}, *second)
          for second in ([{"TEXT": {"IN": WEEKDAYS}, "OP": "?"}],
                         [{"TEXT": "-"}, {"TEXT": {"IN": WEEKDAYS}}])),
        *_date_patterns(),
        _p("DATE", {"TEXT": {"IN": DEMONSTRATIVES}}, {"TEXT": {"IN": DEMONSTRATIVE_PERIODS}}),
        # durations, with a half (و + نصف after the clitic tokenizer) and a shared unit:
        # [سبعة أعوام ونصف], [شهرين ونصف شهر], [30 و35 عاما], [سنوات عدة]
        *(_p("DATE", *amount, *half)
          for amount in ([{"TEXT": {"IN": [*CARDINALS, "عدة", "بضعة", "بضع"]}},
                          {"TEXT": {"IN": DURATIONS}}],
                         [{"TEXT": {"REGEX": NUMBER}}, {"TEXT": {"IN": DURATIONS}}],
                         [{"TEXT": {"REGEX": NUMBER}}, {"TEXT": "و"}, {"TEXT": {"REGEX": NUMBER}},
                          {"TEXT": {"IN": DURATIONS}}],
                         [{"TEXT": {"IN": DUAL_DURATIONS}}])
          for half in ([], [{"TEXT": "و"}, {"TEXT": "نصف"},
                            {"TEXT": {"IN": ["ساعة", "شهر", "عام", "يوم", "دقيقة"]}, "OP": "?"}])),
        _p("DATE", {"TEXT": {"IN": ["ساعة", "يوم", "شهر", "عام", "سنة", "دقيقة"]}},
           {"TEXT": "و"}, {"TEXT": "نصف"}),
        _p("DATE", {"TEXT": {"IN": DURATIONS}}, {"TEXT": "عدة"}),
        # [1200 و1800 دولار]: a range sharing its currency is one span
        _p("MONEY", *num, {"TEXT": "و"}, *num, {"TEXT": {"IN": CURRENCIES}},
           {"TEXT": {"IN": CURRENCY_ADJ}, "OP": "?"}),
    ]
    return patterns


def _date_patterns() -> list[dict[str, Any]]:
    """Calendar dates, written as in the news: an optional part of the period (نهاية،
    مطلع), day word and weekday, the day, the month with its second name (أغسطس/آب،
    أغسطس (آب)، تشرين الأول), the year with its era, and a relative modifier (المقبل).
    A month name alone is no date: it is also a name (رمضان، رجب، برونو مارس)."""
    opt = {"OP": "?"}
    month = [{"TEXT": {"IN": MONTHS}}, {"TEXT": {"IN": MONTH_ORDINALS}, **opt}]
    year = {"TEXT": {"REGEX": YEAR}}
    era = {"TEXT": {"IN": ERA_MARKERS}, **opt}
    modifier = {"TEXT": {"IN": PERIOD_MODIFIERS}}
    edge = {"TEXT": {"IN": PERIOD_EDGES}, **opt}
    of_year = [{"TEXT": {"IN": ["من"]}, **opt}, {"TEXT": {"IN": ["عام", "سنة"]}, **opt}]
    patterns = []
    for second in ([], [{"TEXT": "/"}, *month], [{"TEXT": "("}, *month, {"TEXT": ")"}]):
        months = [*month, *second]
        for day in (
            # [يوم الثلاثاء 14 مارس الجاري]
            [{"TEXT": "يوم", **opt}, {"TEXT": {"IN": WEEKDAYS}, **opt},
             {"TEXT": {"REGEX": DAY_OR_HOUR}}],
            # [الثامن من مايو/آيار 2020 م]; من is required: الهدف الثاني رمضان صبحي
            [{"TEXT": {"IN": ORDINAL_DAYS}}, {"TEXT": "من"}],
        ):
            patterns += [
                _p("DATE", edge, *day, *months, {**modifier, **opt}),
                # [10 أغسطس/آب من عام 2015 م]: من and عام only before a year
                _p("DATE", edge, *day, *months, *of_year, year, era, {**modifier, **opt}),
            ]
        patterns += [
            # [نهاية شهر أغسطس/آب], [يوليو عام 2002], [شهر يونيو 2015م], [يونيو الماضي]
            _p("DATE", edge, {"TEXT": "شهر", **opt}, *months, *of_year, year, era),
            _p("DATE", edge, {"TEXT": "شهر", **opt}, *months, modifier),
            _p("DATE", edge, {"TEXT": "شهر"}, *months),
        ]
    patterns.append(_p("DATE", *month, {"TEXT": "/"}, *month))
    return patterns + [
        # [مطلع عام 1430], [عام 2013 - 2014], [سنة 630 للميلاد]
        _p("DATE", edge, {"TEXT": {"IN": ["عام", "العام", "سنة"]}}, year, era),
        _p("DATE", edge, {"TEXT": {"IN": ["عام", "العام", "سنة"]}}, year,
           {"TEXT": {"IN": ["-", "/", "–"]}}, year, era),
        _p("DATE", {"TEXT": {"IN": PERIOD_EDGES}}, year),
        _p("DATE", {"TEXT": "يوم", **opt}, {"TEXT": {"IN": _with_conjunction(WEEKDAYS)}},
           {**modifier, **opt}),
        _p("DATE", {"TEXT": "يوم", **opt}, {"TEXT": {"IN": RELATIVE_DAYS}},
           {"TEXT": "الأول", **opt}, {"TEXT": {"IN": WEEKDAYS}, **opt}),
        # [نهاية الشهر الماضي]
        _p("DATE", edge, {"TEXT": {"IN": _with_conjunction(PERIODS)}}, modifier),
        # [أول من أمس]
        _p("DATE", {"TEXT": "أول"}, {"TEXT": "من"}, {"TEXT": {"IN": ["أمس", "امس"]}}),
        *_part_patterns(edge, modifier, year, era),
    ]


def _part_patterns(edge: dict[str, Any], modifier: dict[str, Any], year: dict[str, Any],
                   era: dict[str, Any]) -> list[dict[str, Any]]:
    """Parts of a year and decades, alone or with the period they belong to: [الربع الأول],
    [النصف الثاني من العام الجاري], [الربع الأول من هذا العام], [الربع الأول من 2019],
    [أوائل الستينيات من القرن الماضي]."""
    part = [{"TEXT": {"IN": YEAR_PARTS}}, {"TEXT": {"IN": YEAR_PART_ORDINALS}},
            {"TEXT": {"IN": ["المماثل", "نفسه"]}, "OP": "?"}]
    decade = [edge, {"TEXT": {"IN": DECADES}}]
    of_period = (
        [],
        [{"TEXT": "من"}, {"TEXT": {"IN": ["العام", "السنة"]}}, modifier],
        [{"TEXT": "من"}, {"TEXT": {"IN": DEMONSTRATIVES}}, {"TEXT": {"IN": ["العام", "السنة"]}}],
        [{"TEXT": "من"}, {"TEXT": {"IN": ["عام", "العام", "سنة"]}, "OP": "?"}, year, era],
    )
    of_century = ([], [{"TEXT": "من"}, {"TEXT": "القرن"},
                       {"TEXT": {"IN": ["الماضي", "العشرين", "المنصرم"]}}])
    return [_p("DATE", *part, *tail) for tail in of_period] + [
        _p("DATE", *decade, *tail) for tail in of_century]


@registry.misc("khabar.value_patterns.v1")
def create_value_patterns() -> list[dict[str, Any]]:
    return value_patterns()
