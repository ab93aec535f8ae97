"""Document-level entity consistency: ``khabar_entity_propagation``.

News articles name a person in full once (``أيمن الصفدي``) and then by family
name (``الصفدي``); a sentence-window NER misses many of the short mentions, and
quote attribution depends on them. After the NER, this component labels
unlabelled tokens that repeat an entity already found in the same document:
the whole name (any label in ``labels``), or the last word of a multi-word
person name (``PER`` only; at least ``min_chars`` letters, so particles and
initials are not propagated).

Before that, an organisation span that swallowed the person after it (``رئيس [مجلس
النواب العراقي سليم الجبوري]ORG``) is split when its last word is a person's name
elsewhere in the document: the words before that name back to the first one with the
article (``العراقي``) stay the organisation, the rest (``سليم الجبوري``) becomes PER
(``split_swallowed_names``). Organisations named after a person (``جامعة الأمير
فهد بن سلطان``, ``مؤسسة الوليد بن طلال``) stay whole: a name after one of
``eponym_titles``, a name starting with بن, or a longer known name.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..scoring import normalize_name


@Language.factory(
    "khabar_entity_propagation",
    assigns=["doc.ents"],
    default_config={
        "labels": ["PER", "ORG", "GPE", "LOC", "FAC", "NORP"],
        "min_chars": 3,
        "split_swallowed_names": True,
        "eponym_titles": ["الأمير", "الملك", "الشيخ", "السلطان", "الإمام", "الرئيس"],
    },
)
def make_entity_propagation(
    nlp: Language, name: str, labels: list[str], min_chars: int, split_swallowed_names: bool,
    eponym_titles: list[str],
) -> EntityPropagation:
    return EntityPropagation(labels, min_chars, split_swallowed_names, eponym_titles)


class EntityPropagation:
    def __init__(
        self, labels: Iterable[str], min_chars: int, split_swallowed_names: bool = True,
        eponym_titles: Iterable[str] = (),
    ) -> None:
        self.labels = set(labels)
        self.min_chars = min_chars
        self.split_swallowed_names = split_swallowed_names
        self.eponym_titles = {normalize_name(t) or "" for t in eponym_titles}

    def _split_swallowed(self, doc: Doc, norms: list[str]) -> list[Span]:
        """The entities with every ORG that ends in a known person's name split in two."""
        people = [tuple(norms[e.start:e.end]) for e in doc.ents if e.label_ == "PER"]
        surnames = {p[-1] for p in people if len(p[-1]) >= self.min_chars}
        tails = {p[k:] for p in people for k in range(len(p))}
        out: list[Span] = []
        for ent in doc.ents:
            last = ent.end - 1
            if ent.label_ != "ORG" or len(ent) < 3 or norms[last] not in surnames:
                out.append(ent)
                continue
            start = last
            while start - 1 > ent.start and doc[start - 1].is_alpha \
                    and not norms[start - 1].startswith("ال"):
                start -= 1
            if start - 1 <= ent.start or not norms[start - 1].startswith("ال") \
                    or norms[start] in ("بن", "ابن", "بنت") \
                    or norms[start - 1] in self.eponym_titles \
                    or any(tuple(norms[j:ent.end]) in tails for j in range(ent.start, start)):
                # no organisation left before the name, or one named after a person
                # (مؤسسة الوليد بن طلال, جامعة الأمير فهد بن سلطان, جامعة الملك سعود)
                out.append(ent)
                continue
            out.append(Span(doc, ent.start, start, label="ORG"))
            out.append(Span(doc, start, ent.end, label="PER"))
        return out

    def _names(self, doc: Doc, norms: list[str]) -> dict[tuple[str, ...], str]:
        """Normalised token sequences that the document uses as names, with their labels."""
        names: dict[tuple[str, ...], str] = {}
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                continue
            words = tuple(norms[ent.start:ent.end])
            names.setdefault(words, ent.label_)
            if ent.label_ == "PER" and len(ent) > 1 and len(words[-1]) >= self.min_chars:
                names.setdefault((words[-1],), "PER")
        return names

    def __call__(self, doc: Doc) -> Doc:
        if not doc.ents:  # nothing to split or to propagate
            return doc
        norms = [normalize_name(t.text) or "" for t in doc]  # once per document
        if self.split_swallowed_names:
            doc.ents = self._split_swallowed(doc, norms)
        names = self._names(doc, norms)
        if not names:
            return doc
        longest = max(len(n) for n in names)
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        found: list[Span] = []
        for i in range(len(doc)):
            for n in range(min(longest, len(doc) - i), 0, -1):
                key = tuple(norms[i : i + n])
                if key in names and not taken.intersection(range(i, i + n)):
                    found.append(Span(doc, i, i + n, label=names[key]))
                    break
        if found:
            doc.ents = filter_spans(list(doc.ents) + found)
        return doc
