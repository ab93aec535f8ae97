"""Carry gold annotation over to the tokens of the clitic tokenizer.

The NER corpora are annotated on whitespace words (``والعراق`` B-LOC), but the
pipeline sees clitic tokens (و + العراق). Training on the words would teach the
model to include the conjunction; spaCy's own alignment would do the same. So
each gold Doc is tokenized again from its text and its annotation moved by
character offsets: an entity loses the proclitic pieces of its first word (our
clitic rule: ``والعراق`` → ``العراق``, ``للكويت`` → ``لكويت``), sentence starts move
to the first piece of their word, tokens of words the source left
unannotated stay missing, and span groups (``doc.spans``) move like entities.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

PROCLITIC_PIECES = frozenset("وفبكلس")


def resegment(doc: Doc, tokenize: Callable[[str], Doc]) -> Doc:
    """A Doc of ``tokenize(doc.text)`` with the sentence starts, entities and span groups
    of ``doc``."""
    new = tokenize(doc.text)
    # word[i]: the index of the original token that new token i starts in
    word: list[int] = []
    j = 0
    for token in new:
        while doc[j].idx + len(doc[j]) <= token.idx:
            j += 1
        word.append(j)
    first_piece = [i == 0 or word[i] != word[i - 1] for i in range(len(new))]
    if doc.has_annotation("SENT_START"):
        for i, token in enumerate(new):
            token.is_sent_start = first_piece[i] and bool(doc[word[i]].is_sent_start)

    def move(span: Span) -> Span:
        covering = new.char_span(span.start_char, span.end_char, alignment_mode="expand")
        start, end = covering.start, covering.end
        while (
            end - start > 1
            and word[start] == word[start + 1]
            and new[start].text in PROCLITIC_PIECES
        ):
            start += 1
        return Span(new, start, end, label=span.label_)

    ents = [move(ent) for ent in doc.ents]
    for key, group in doc.spans.items():
        new.spans[key] = [move(span) for span in group]
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    missing = [
        new[i : i + 1]
        for i in range(len(new))
        if i not in covered and doc[word[i]].ent_iob == 0 and doc.has_annotation("ENT_IOB")
    ]
    new.set_ents(ents, missing=missing, default="outside")
    return new
