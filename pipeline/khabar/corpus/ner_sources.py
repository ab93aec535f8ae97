"""The NER training sources, their label mappings onto ANNOTATION.md, and their splits.

| source | labels it annotates (after mapping) | split |
|---|---|---|
| ANERcorp | PER ORG GPE MISC | CAMeL-style train/test; dev = last 10% of train |
| NewsFANE Gold | PER ORG GPE LOC FAC NORP MISC | last 10% of sentences = dev |
| AQMAR (Wikipedia) | PER ORG GPE MISC | all train |
| Wojood sample | all our labels | its own train/val/test |

A source that does not annotate a type must not teach the model that the type is
absent. Outside-entity tokens that look like a value (dates, amounts) in sources
without value types, or like a nationality adjective in sources without NORP, are
therefore marked *missing* rather than *outside* (``values.py``); ANERcorp's
currency words, tagged MISC there but MONEY for us, become missing too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..paths import corpora_dir
from .anercorp import ANERCORP_TO_KHABAR, DEV_FRACTION, SENTS_PER_DOC, anercorp_sentences
from .iob import IobSentence, ReadReport, chunked_docs, read_iob, tail_split
from .values import looks_like_nisba, looks_like_value

_PER = [
    "Politician",
    "Athlete",
    "Artist",
    "Other_PER",
    "Religious_PER",
    "Scientist",
    "Businessperson",
    "Lawyer",
    "Engineer",
    "Police",
]
_ORG = [
    "Non-Governmental",
    "Sports",
    "Media",
    "Government",
    "Commercial",
    "Educational",
    "Medical-Science",
    "Entertainment",
    "Religious_ORG",
]
NEWSFANE_MAP: dict[str, str | None] = {
    **dict.fromkeys(_PER, "PER"),
    **dict.fromkeys(_ORG, "ORG"),
    "Group": "NORP",
    **dict.fromkeys(
        ["Nation", "Population-Center", "State-or-Province", "County-or-District"], "GPE"
    ),
    **dict.fromkeys(
        ["GPE-Cluster", "Continent", "Water-Body", "Land-Region-Natural", "Celestial"], "LOC"
    ),
    **dict.fromkeys(["Building-Grounds", "Airport", "Path", "Subarea-Facility", "Plant"], "FAC"),
    **dict.fromkeys(["Book", "Movie", "Software", "Hardware", "Food", "Drug"], "MISC"),
    # vehicles and weapons are mostly common nouns (طائرة، رشاش): not names
    **dict.fromkeys(["Air", "Land", "Water", "Projectile", "Shooting"], None),
}
AQMAR_MAP: dict[str, str | None] = {
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "GPE",
    **dict.fromkeys(["MIS", "MIS0", "MIS1", "MIS2", "MIS3", "MIS-1", "MIS-2", "MISS1"], "MISC"),
    "ENGLISH": None,
    "SPANISH": None,
}
WOJOOD_MAP: dict[str, str | None] = {
    "PERS": "PER",
    "NORP": "NORP",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "FAC",
    "EVENT": "EVENT",
    "DATE": "DATE",
    "TIME": "TIME",
    "PERCENT": "PERCENT",
    "QUANTITY": "QUANTITY",
    "MONEY": "MONEY",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "WEBSITE": "MISC",
    "LANGUAGE": "MISC",
    # occupations, plain numbers, units and currency names are not entities in our contract
    "OCC": None,
    "CARDINAL": None,
    "ORDINAL": None,
    "UNIT": None,
    "CURR": None,
}


def _values_or_nisba(word: str) -> bool:
    return looks_like_value(word) or looks_like_nisba(word)


@dataclass(frozen=True)
class NerSource:
    name: str
    label_map: dict[str, str | None]
    is_missing: Callable[[str], bool] | None
    read: Callable[[str, Path, ReadReport], list[IobSentence]]
    is_missing_entity: Callable[[str], bool] | None = None

    def docs(
        self, vocab: Vocab, split: str, root: Path | None = None, report: ReadReport | None = None
    ) -> Iterator[Doc]:
        sents = self.read(split, root or corpora_dir(), report or ReadReport())
        yield from chunked_docs(
            vocab, sents, SENTS_PER_DOC, self.label_map, self.is_missing, self.is_missing_entity
        )


def _read_anercorp(split: str, root: Path, report: ReadReport) -> list[IobSentence]:
    return anercorp_sentences(split, root, report)


def _read_newsfane(split: str, root: Path, report: ReadReport) -> list[IobSentence]:
    if split == "test":
        return []
    path = root / "newsfane_gold" / "NewsFANE_Gold_2014_170K.txt"
    return tail_split(list(read_iob(path, report)), split, DEV_FRACTION)


def _read_aqmar(split: str, root: Path, report: ReadReport) -> list[IobSentence]:
    if split != "train":
        return []
    return [
        s
        for path in sorted((root / "aqmar").glob("*.txt"))
        if not path.name.startswith(("README", "PROVENANCE"))
        for s in read_iob(path, report)
    ]


def _read_wojood(split: str, root: Path, report: ReadReport) -> list[IobSentence]:
    name = {"train": "train.txt", "dev": "val.txt", "test": "test.txt"}[split]
    return list(read_iob(root / "wojood_sample" / name, report))


SOURCES: dict[str, NerSource] = {
    "anercorp": NerSource(
        "anercorp",
        ANERCORP_TO_KHABAR,
        _values_or_nisba,
        _read_anercorp,
        is_missing_entity=looks_like_value,
    ),
    "newsfane": NerSource("newsfane", NEWSFANE_MAP, looks_like_value, _read_newsfane),
    "aqmar": NerSource("aqmar", AQMAR_MAP, _values_or_nisba, _read_aqmar),
    "wojood": NerSource("wojood", WOJOOD_MAP, None, _read_wojood),
}
