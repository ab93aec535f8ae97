"""``khabar_entity_cleanup``: entity spans never begin or end with spaces, punctuation or
function words.

The transition-based NER can open or close an entity on a newline or a period
(``شهر رمضان.\\n``), or run one word too far into a relative clause or a
prepositional phrase (``صندوق النقد الدولي الذي``, ``اللجنة التنفيذية في``, ``الشركة
الراعية ل``); ANNOTATION.md forbids spans that start or end in whitespace, and no name
ends with a relative pronoun, a preposition or a conjunction. Edge tokens that are
whitespace or punctuation (not ``%``) are dropped from each entity, and so are the last tokens when
they are one of ``edge_words`` (config); an entity left empty is removed.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

# punctuation characters that are part of a value's span
UNIT_SIGNS = frozenset({"%", "٪", "$", "€", "£", "‰"})
# relative pronouns, prepositions and conjunctions, as whole tokens
DEFAULT_EDGE_WORDS = [
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللاتي", "اللواتي",
    "اللائي", "في", "من", "على", "إلى", "الى", "عن", "مع", "حتى", "منذ", "لدى", "عند",
    "و", "ف", "ب", "ل", "ك", "أو", "ثم", "أن", "إن",
]


@Language.factory(
    "khabar_entity_cleanup", assigns=["doc.ents"],
    default_config={"edge_words": DEFAULT_EDGE_WORDS},
)
def make_entity_cleanup(nlp: Language, name: str, edge_words: list[str]) -> EntityCleanup:
    return EntityCleanup(edge_words)


class EntityCleanup:
    def __init__(self, edge_words: Iterable[str] = ()) -> None:
        self.edge_words = frozenset(edge_words)

    @staticmethod
    def _is_junk(doc: Doc, i: int) -> bool:
        """Space or punctuation, but not a unit sign that belongs to a value (``25%``)."""
        return doc[i].is_space or (doc[i].is_punct and doc[i].text not in UNIT_SIGNS)

    def _is_function_word(self, doc: Doc, start: int, i: int) -> bool:
        """One of ``edge_words`` that ends the entity as a separate word after a full word:
        ``ك`` glued to the word before it is a suffix of the name (سالجوك), and after a
        short token it is a letter of a spelled-out name (سي إن إن، إم تي في). Checked at
        the end of an entity only: at its start و/ف/ك/أو may begin the name (واس، أو
        غلوبو)."""
        if doc[i].text not in self.edge_words:
            return False
        if i == start:
            return True
        if not doc[i - 1].whitespace_:
            return False
        j, written = i - 1, len(doc[i - 1].text)  # the whole written word before it
        while j > start and not doc[j - 1].whitespace_:
            j -= 1
            written += len(doc[j].text)
        return written >= 3

    def __call__(self, doc: Doc) -> Doc:
        cleaned = []
        changed = False
        for ent in doc.ents:
            start, end = ent.start, ent.end
            while start < end and self._is_junk(doc, start):
                start += 1
            while end > start and (self._is_junk(doc, end - 1)
                                   or self._is_function_word(doc, start, end - 1)):
                end -= 1
            changed |= (start, end) != (ent.start, ent.end)
            if start < end:
                cleaned.append(Span(doc, start, end, label=ent.label, kb_id=ent.kb_id))
        if changed:
            doc.ents = cleaned
        return doc
