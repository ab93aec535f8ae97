"""Entity-ruler patterns for organisation names built on a head noun.

Our NER corpora annotate mainly proper names, but news names institutions with
a head noun: ``وزارة الداخلية العراقية``, ``حزب الله``, ``منتخب مصر``,
``الجيش الإسرائيلي``, ``القوات الأمريكية``. Two shapes are covered:

- an organisation head in the construct state followed by a name (an entity
  the NER found, or a definite word) and up to two more definite words;
- a definite institution head followed by a nationality adjective;
- a sports body's name ends with its sport (``منتخب إيسلندا لكرة القدم``, ``الاتحاد
  الإيسلندي لكرة القدم``), also after an organisation the NER found on such a head
  (``الاتحاد الدولي``).

The patterns run after the NER and replace what they overlap
(``overwrite_ents``), so ``مصر`` (GPE) inside ``منتخب مصر`` becomes part of the ORG.
Config: ``[initialize.components.org_ruler] patterns = {"@misc": "khabar.org_patterns.v1"}``.
"""

from __future__ import annotations

from typing import Any

from spacy.util import registry

from .value_patterns import WEEKDAYS

CONSTRUCT_HEADS = [
    "وزارة",
    "حزب",
    "حركة",
    "نادي",
    "منتخب",
    "مجلس",
    "جامعة",
    "محكمة",
    "اتحاد",
    "مؤسسة",
    "مجموعة",
    "شبكة",
    "هيئة",
    "جمعية",
    "منظمة",
    "شركة",
    "بنك",
    "مصرف",
    "صندوق",
    "وكالة",
    "صحيفة",
    "قناة",
    "لجنة",
    "حكومة",
    "قوات",
    "جيش",
    "برلمان",
    "رابطة",
    "مركز",
    "معهد",
    "أكاديمية",
    "إدارة",
    "مديرية",
    "جبهة",
    "تحالف",
    "ائتلاف",
    "كتائب",
    "سرايا",
    "ألوية",
]
DEFINITE_HEADS = [
    "الجيش",
    "القوات",
    "الحكومة",
    "الشرطة",
    "الخارجية",
    "الداخلية",
    "الرئاسة",
    "الجامعة",
    "البحرية",
    "المخابرات",
    "الاستخبارات",
    "السلطات",
    "السفارة",
    "القنصلية",
    "الحرس",
]
NOT_NISBA = [
    "الحالية",
    "الحالي",
    "الثانية",
    "الثاني",
    "الماضية",
    "الماضي",
    "الرسمية",
    "الرسمي",
    "المحلية",
    "المحلي",
    "الأولي",
    "الشعبية",
    "العسكرية",
    "العسكري",
    "الأمنية",
    "الأمني",
    "الانتقالية",
    "الجديدة",
    "الذاتية",
    "الفعلية",
    "السرية",
]
# bodies of a sport, named by a nationality adjective: الاتحاد الإيسلندي لكرة القدم
SPORT_BODIES = ["الاتحاد", "المنتخب", "الرابطة", "اتحاد", "منتخب", "رابطة"]
SPORTS = ["القدم", "السلة", "اليد", "الطائرة", "الماء"]
SPORT_HEADS = [*SPORT_BODIES, "نادي", "النادي", "فريق"]
NAME_LABELS = ["PER", "ORG", "GPE", "LOC", "NORP"]
# A name does not run on into a date or time: وزارة الخارجية الإسرائيلية الأحد
VALUE_LABELS = ["DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"]
DEFINITE = r"^ال\w{2,}$"
NISBA = r"^ال\w{2,}(ي|ية|يه)$"


def _p(*tokens: dict[str, Any]) -> dict[str, Any]:
    return {"label": "ORG", "pattern": list(tokens)}


def org_patterns() -> list[dict[str, Any]]:
    head = {"TEXT": {"IN": CONSTRUCT_HEADS}}
    more = {
        "TEXT": {"REGEX": DEFINITE, "NOT_IN": WEEKDAYS},
        "ENT_TYPE": {"NOT_IN": VALUE_LABELS},
        "OP": "{0,2}",
    }
    nisba = {"TEXT": {"REGEX": NISBA, "NOT_IN": NOT_NISBA}}
    # لكرة القدم, split by the clitic tokenizer into ل + كرة
    sport = [{"TEXT": "ل"}, {"TEXT": "كرة"}, {"TEXT": {"IN": SPORTS}}]
    named = [
        [head, {"ENT_TYPE": {"IN": NAME_LABELS}, "OP": "+"}, more],
        [head, {"TEXT": {"REGEX": DEFINITE}}, more],
    ]
    return [
        *(_p(*tokens, *tail) for tokens in named for tail in ([], sport)),
        _p({"TEXT": {"IN": DEFINITE_HEADS}}, nisba),
        _p({"TEXT": {"IN": SPORT_BODIES}}, nisba, {**nisba, "OP": "?"}, *sport),
        # an organisation the NER found on a sports head (الاتحاد الدولي | لكرة السلة); not
        # any ORG: ما قدمه الاتحاد الأوروبي لكرة القدم is the preposition "to football"
        _p({"TEXT": {"IN": SPORT_HEADS}, "ENT_TYPE": "ORG"}, {"ENT_TYPE": "ORG", "OP": "*"},
           *sport),
    ]


@registry.misc("khabar.org_patterns.v1")
def create_org_patterns() -> list[dict[str, Any]]:
    return org_patterns()
