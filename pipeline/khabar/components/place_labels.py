"""``khabar_place_labels``: regions and natural features are LOC, not GPE.

ANERcorp, our largest NER source, has one LOC class for countries, cities, continents
and rivers alike; only our own corpus separates GPE (a political unit) from LOC (a
geographic area), so the NER calls most places GPE. A place is LOC when the whole
entity is a region of the world (``أوروبا``, ``الشرق الأوسط``, ``أمريكا اللاتينية``,
``القارة السمراء``: config ``regions``) or starts with the head noun of a natural
feature or a neighbourhood (``نهر النيل``, ``جزيرة جربة``, ``حي الروضة``: config
``feature_heads``), unless it is one of ``not_areas`` (``جبل طارق``). Only the label
changes; spans stay as the NER and rulers left them.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..orthography import normalize

# continents, world regions and the names of parts of them, written out once each;
# matching is on normalised text (أ/إ/آ/ا and ة/ه, ى/ي unified)
DEFAULT_REGIONS = [
    "أوروبا", "أوربا", "آسيا", "أفريقيا", "إفريقيا", "أستراليا وأوقيانوسيا", "أوقيانوسيا",
    "أمريكا الشمالية", "أمريكا الجنوبية", "أمريكا اللاتينية", "أمريكا الوسطى",
    "أميركا الشمالية", "أميركا الجنوبية", "أميركا اللاتينية", "أميركا الوسطى",
    "الشرق الأوسط", "الشرق الأدنى", "الشرق الأقصى", "العالم العربي", "العالم الإسلامي",
    "الوطن العربي", "المنطقة العربية", "المغرب العربي", "بلاد الشام", "البلقان", "القوقاز",
    "شمال أفريقيا", "غرب أفريقيا", "شرق أفريقيا", "وسط أفريقيا", "جنوب الصحراء",
    "شرق آسيا", "جنوب آسيا", "جنوب شرق آسيا", "آسيا الوسطى", "وسط آسيا",
    "أوروبا الشرقية", "أوروبا الغربية", "شرق أوروبا", "غرب أوروبا", "القطب الشمالي",
    "القطب الجنوبي", "القارة الأوروبية", "القارة الأفريقية", "القارة الآسيوية",
    "القارة الأمريكية", "القارة السمراء", "القارة العجوز",
]
# heads of natural features and neighbourhoods, as the entity's first word; not جزر (جزر
# القمر), وادي (وادي موسى), ريف (ريف دمشق) or بحر (بحر دار), which also head place names
DEFAULT_FEATURE_HEADS = [
    "نهر", "البحر", "بحيرة", "جبل", "جبال", "سلسلة", "جزيرة", "شبه", "صحراء", "غابة",
    "غابات", "خليج", "مضيق", "هضبة", "سهل", "المحيط", "محيط", "حي",
]
# states and administrative units named on such a head
DEFAULT_NOT_AREAS = ["جبل طارق", "جبل لبنان", "جزيرة قبرص", "جزيرة موريشيوس"]


@Language.factory(
    "khabar_place_labels", assigns=["doc.ents"],
    default_config={"regions": DEFAULT_REGIONS, "feature_heads": DEFAULT_FEATURE_HEADS,
                    "not_areas": DEFAULT_NOT_AREAS, "relabel": ["GPE"]},
)
def make_place_labels(nlp: Language, name: str, regions: list[str], feature_heads: list[str],
                      not_areas: list[str], relabel: list[str]) -> PlaceLabels:
    return PlaceLabels(regions, feature_heads, relabel, not_areas)


class PlaceLabels:
    def __init__(self, regions: Iterable[str] = (), feature_heads: Iterable[str] = (),
                 relabel: Iterable[str] = ("GPE",), not_areas: Iterable[str] = ()) -> None:
        self.regions = frozenset(normalize(r) for r in regions)
        self.feature_heads = frozenset(normalize(h) for h in feature_heads)
        self.relabel = frozenset(relabel)
        self.not_areas = frozenset(normalize(n) for n in not_areas)

    @staticmethod
    def _key(ent: Span) -> str:
        """The entity's words by their norms (``لشرق الأوسط`` after ل reads الشرق الأوسط)."""
        return normalize("".join(t.norm_ + t.whitespace_ for t in ent).strip())

    def is_area(self, ent: Span) -> bool:
        key = self._key(ent)
        words = key.split()
        if key in self.not_areas:
            return False
        return key in self.regions or (len(words) > 1 and words[0] in self.feature_heads)

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        changed = False
        for k, ent in enumerate(ents):
            if ent.label_ in self.relabel and self.is_area(ent):
                ents[k] = Span(doc, ent.start, ent.end, label="LOC", kb_id=ent.kb_id)
                changed = True
        if changed:
            doc.ents = ents
        return doc
