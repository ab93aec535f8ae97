"""Document-level entity consistency: ``khabar_entity_propagation``.

News articles name a person in full once (``أيمن الصفدي``) and then by family
name (``الصفدي``); a sentence-window NER misses many of the short mentions, and
quote attribution depends on them. After the NER, this component labels
unlabelled tokens that repeat an entity already found in the same document:
the whole name (any label in ``labels``), or the last word of a multi-word
person name (``PER`` only; at least ``min_chars`` letters, so particles and
initials are not propagated).
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
    default_config={"labels": ["PER", "ORG", "GPE", "LOC", "FAC", "NORP"], "min_chars": 3},
)
def make_entity_propagation(
    nlp: Language, name: str, labels: list[str], min_chars: int
) -> EntityPropagation:
    return EntityPropagation(labels, min_chars)


class EntityPropagation:
    def __init__(self, labels: Iterable[str], min_chars: int) -> None:
        self.labels = set(labels)
        self.min_chars = min_chars

    def _names(self, doc: Doc) -> dict[tuple[str, ...], str]:
        """Normalised token sequences that the document uses as names, with their labels."""
        names: dict[tuple[str, ...], str] = {}
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                continue
            words = tuple(normalize_name(t.text) or "" for t in ent)
            names.setdefault(words, ent.label_)
            if ent.label_ == "PER" and len(ent) > 1 and len(words[-1]) >= self.min_chars:
                names.setdefault((words[-1],), "PER")
        return names

    def __call__(self, doc: Doc) -> Doc:
        names = self._names(doc)
        if not names:
            return doc
        longest = max(len(n) for n in names)
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        norms = [normalize_name(t.text) or "" for t in doc]
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
