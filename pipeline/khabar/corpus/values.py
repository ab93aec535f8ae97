"""Words that look like dates, times, amounts or nationalities.

Used to mark tokens as *missing* (not *outside*) when converting a NER corpus that
does not annotate those types, so that training on it does not teach the model
that ``أمس`` or ``دولار`` or ``اللبناني`` is not an entity."""

from __future__ import annotations

import re

from ..scoring import normalize_name

_CLITIC = r"(?:[وف]?(?:ب|ل|ك)?(?:ال)?)"
_DIGITS = re.compile(r"^[\d٠-٩][\d٠-٩.,/:\-٫٬]*%?$")
MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "جانفي",
    "فيفري",
    "افريل",
    "ماي",
    "جوان",
    "جويلية",
    "اوت",
    "محرم",
    "صفر",
    "ربيع",
    "جمادى",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "القعده",
    "الحجه",
]
DAYS = ["السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه"]
TIME_WORDS = [
    "امس",
    "اليوم",
    "غدا",
    "الليله",
    "صباح",
    "مساء",
    "ظهر",
    "فجر",
    "عشيه",
    "امس",
    "الماضي",
    "الماضيه",
    "المقبل",
    "المقبله",
    "القادم",
    "عام",
    "العام",
    "سنه",
    "السنه",
    "شهر",
    "الشهر",
    "اسبوع",
    "الاسبوع",
    "يوم",
    "ساعه",
    "الساعه",
    "دقيقه",
]
AMOUNT_WORDS = [
    "دولار",
    "دولارا",
    "دولارات",
    "يورو",
    "ريال",
    "ريالا",
    "دينار",
    "دينارا",
    "جنيه",
    "جنيها",
    "درهم",
    "درهما",
    "ليره",
    "شيكل",
    "بالمئه",
    "بالمائه",
    "المئه",
    "مليون",
    "ملايين",
    "مليار",
    "مليارات",
    "الف",
    "الاف",
    "طن",
    "كيلومتر",
    "كيلومترا",
    "متر",
    "مترا",
]
_VALUE = re.compile(rf"^{_CLITIC}(?:{'|'.join(MONTHS + DAYS + TIME_WORDS + AMOUNT_WORDS)})$")
_NISBA = re.compile(r"^[وف]?(?:ال\w{3,}(?:ي|يه|يون|يين|يان)|(?!ال)\w{3,}(?:يون|يين))$")


def looks_like_value(word: str) -> bool:
    """Digits, month and day names, relative time words, currencies and units."""
    norm = normalize_name(word) or ""
    return bool(_DIGITS.match(word) or _VALUE.match(norm))


def looks_like_nisba(word: str) -> bool:
    """Relational adjectives (اللبناني، الفرنسية، السوريون): possible NORP mentions."""
    return bool(_NISBA.match(normalize_name(word) or ""))
