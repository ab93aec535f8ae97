"""``khabar_entity_cleanup``: entity spans never begin or end with spaces or punctuation.

The transition-based NER can open or close an entity on a newline or a period
(``شهر رمضان.\\n``); ANNOTATION.md forbids spans that start or end in whitespace,
and a trailing period is never part of a name. Edge tokens that are whitespace or
punctuation are dropped from each entity (an entity left empty is removed).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


@Language.factory("khabar_entity_cleanup", assigns=["doc.ents"])
def make_entity_cleanup(nlp: Language, name: str) -> EntityCleanup:
    return EntityCleanup()


def _is_edge_junk(doc: Doc, i: int) -> bool:
    token = doc[i]
    return token.is_space or token.is_punct


class EntityCleanup:
    def __call__(self, doc: Doc) -> Doc:
        cleaned = []
        changed = False
        for ent in doc.ents:
            start, end = ent.start, ent.end
            while start < end and _is_edge_junk(doc, start):
                start += 1
            while end > start and _is_edge_junk(doc, end - 1):
                end -= 1
            changed |= (start, end) != (ent.start, ent.end)
            if start < end:
                cleaned.append(Span(doc, start, end, label=ent.label, kb_id=ent.kb_id))
        if changed:
            doc.ents = cleaned
        return doc
