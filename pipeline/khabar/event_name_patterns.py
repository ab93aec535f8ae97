"""Entity-ruler patterns for named events: tournaments, wars, holidays, conferences.

Our guidelines tag named events, leagues, festivals and tournaments as EVENT
(``[كأس العالم]``, ``[طواف فرنسا]``, ``[الحرب العالمية الأولى]``, ``[عيد الفطر]``,
``[اليوم العالمي للاجئين]``), but of our NER training sets only the small ones
annotate them, and the NER finds few (EVENT recall 12% on our corpus's dev split).
Like organisations, news names events with a head noun, so the patterns are built
the same way (``khabar/org_patterns.py``): a head noun in the construct state
followed by a name (an entity the NER found) or definite words, and an optional
year. They run after the value and organisation patterns and replace what they
overlap, so ``فرنسا`` (GPE) inside ``طواف فرنسا`` becomes part of the EVENT.
Config: ``[initialize.components.event_name_ruler] patterns =
{"@misc": "khabar.event_name_patterns.v1"}``.
"""

from __future__ import annotations

from typing import Any

from spacy.util import registry

from .org_patterns import DEFINITE, NAME_LABELS, NISBA, NOT_NISBA, VALUE_LABELS
from .value_patterns import MONTHS, YEAR

# heads followed by a name or by definite words: كأس العالم، مهرجان قرطبة، معرض الكتاب
# (not منتدى: a forum is mostly an organisation, as in our corpus: منتدى النقل الدولي)
GENERAL_HEADS = ["كأس", "بطولة", "دوري", "مهرجان", "معرض", "مؤتمر", "ملتقى", "تصفيات"]
# heads that make an event only with a place name after them (حرب فيتنام, not حرب
# الأسعار or حرب ترامب; قمة باريس, not قمة الهرم, قمة إيفرست or قمة الهلال; دورة بوسطن,
# not دورة المياه)
NAMED_HEADS = {
    "حرب": ["GPE", "LOC", "NORP"], "انتفاضة": ["GPE", "LOC", "FAC"], "قمة": ["GPE"],
    **{head: ["GPE", "LOC"] for head in ("دورة", "طواف", "ماراثون", "رالي", "مونديال",
                                          "أولمبياد", "اولمبياد")},
}
RELATIVES = ["الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي"]
# a league named by its country: الدوري الفرنسي، السوبر السعودي
LEAGUE_HEADS = ["الدوري", "السوبر"]
# a definite head with one of these adjectives: الحرب العالمية الأولى، الحرب الأهلية اللبنانية
DEFINITE_HEADS = ["الدوري", "الحرب", "المؤتمر", "المعرض", "المهرجان"]
ADJECTIVES = ["الممتاز", "العالمية", "الأهلية", "الاهلية", "الباردة", "الدولي", "الدولية"]
ORDINALS = ["الأولى", "الاولى", "الثانية", "الأول", "الثاني"]
# named without a head: the everyday names of the biggest events
STANDALONE = ["المونديال", "الأولمبياد", "الليغا"]
HOLIDAYS = ["الفطر", "الأضحى", "الاضحى", "الميلاد", "الفصح", "الأنوار", "الاستقلال", "العمال"]
# الألعاب الأولمبية الشتوية، الألعاب الآسيوية
GAMES = ["الأولمبية", "الاولمبية", "الآسيوية", "الاسيوية", "العربية", "الأفريقية", "الإفريقية",
         "البارالمبية", "المتوسطية"]
SEASONS = ["الشتوية", "الصيفية"]


def _p(*tokens: dict[str, Any]) -> dict[str, Any]:
    return {"label": "EVENT", "pattern": list(tokens)}


def event_name_patterns() -> list[dict[str, Any]]:
    opt = {"OP": "?"}
    name = {"ENT_TYPE": {"IN": NAME_LABELS}, "OP": "+"}
    definite = {"TEXT": {"REGEX": DEFINITE, "NOT_IN": RELATIVES},
                "ENT_TYPE": {"NOT_IN": VALUE_LABELS}}
    # more words of the name, but not the next entity (دوري الأبطال | الأهلي المصري)
    more = {"TEXT": {"REGEX": DEFINITE, "NOT_IN": RELATIVES},
            "ENT_TYPE": {"NOT_IN": VALUE_LABELS + NAME_LABELS}, "OP": "{0,2}"}
    year = {"TEXT": {"REGEX": YEAR}, **opt}
    ordinal = {"TEXT": {"IN": ORDINALS}, **opt}
    nisba = {"TEXT": {"REGEX": NISBA, "NOT_IN": NOT_NISBA}}
    # ل + a definite noun, split by the clitic tokenizer (للأندية = ل + لأندية, norm الأندية)
    of_definite = [{"TEXT": "ل"}, {"NORM": {"REGEX": DEFINITE}}]
    championship = {"TEXT": "بطولة", **opt}  # بطولة كأس السوبر
    named = [
        [championship, {"TEXT": {"IN": GENERAL_HEADS}}, name, more],
        *([{"TEXT": head}, {"ENT_TYPE": {"IN": labels}, "OP": "+"}, more]
          for head, labels in NAMED_HEADS.items()),
        [championship, {"TEXT": {"IN": GENERAL_HEADS}}, definite, more],
        [{"TEXT": {"IN": DEFINITE_HEADS}}, {"TEXT": {"IN": ADJECTIVES}}, {**nisba, **opt}, ordinal],
        [championship, {"TEXT": {"IN": LEAGUE_HEADS}}, nisba, {"TEXT": "الممتاز", **opt},
         ordinal],
    ]
    # what a name may end with: كأس العالم [للأندية], قمة باريس [للتغير المناخي],
    # الدوري الألماني [لكرة القدم], and a year
    tails = [[], [*of_definite, {**definite, **opt}], [{"TEXT": "ل"}, {"TEXT": "كرة"},
                                                      {"TEXT": "القدم"}]]
    return [
        *(_p(*tokens, *tail, year) for tokens in named for tail in tails),
        _p({"TEXT": "حرب"}, {"TEXT": {"IN": MONTHS}}, year),
        # اليوم العالمي للاجئين: the day's cause after ل
        _p({"TEXT": "اليوم"}, {"TEXT": {"IN": ["العالمي", "الدولي", "الوطني"]}},
           *of_definite, more),
        _p({"TEXT": "الألعاب"}, {"TEXT": {"IN": GAMES}}, {"TEXT": {"IN": SEASONS}, **opt},
           {"TEXT": "ل", **opt}, {"TEXT": "عام", **opt}, year),
        _p({"TEXT": "عيد"}, {"TEXT": {"IN": HOLIDAYS}},
           {"TEXT": {"IN": ["المبارك", "السعيد"]}, **opt}),
        *(_p({"TEXT": w}, {**nisba, **opt}, year) for w in STANDALONE),
    ]


@registry.misc("khabar.event_name_patterns.v1")
def create_event_name_patterns() -> list[dict[str, Any]]:
    return event_name_patterns()
