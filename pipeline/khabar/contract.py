"""Turn a processed ``Doc`` into the JSON record of ANNOTATION.md, and back onto a Doc."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc
from spacy.util import filter_spans

from .extensions import EVENTS_KEY, QUOTES_KEY, register_extensions

register_extensions()


# Proclitics before the article (والكويت → الكويت, بالعراق → العراق) or before digits
# (و15 → 15), and the first ل of fused ل + ال (للكويت → لكويت), as ANNOTATION.md's
# clitic rule writes entity spans.
PROCLITICS_BEFORE_ARTICLE = re.compile(
    r"^(?:[وف]?[بكل]?(?=ال\w)|[وف]?ل(?=ل\w)|[وف]?[بل]?(?=[0-9٠-٩])|)"
)


def entity_records(doc: Doc) -> list[dict[str, Any]]:
    """``doc.ents`` as contract entities, with proclitics before the article left out.

    Until the tokenizer splits clitics, an entity token such as ``بالعراق`` carries
    its preposition; only the unambiguous case (a proclitic before ``ال``) is trimmed,
    since a bare initial و/ب/ل is often part of the name (وليد، بغداد، لبنان)."""
    records = []
    for ent in doc.ents:
        start = ent.start_char + PROCLITICS_BEFORE_ARTICLE.match(ent.text).end()
        records.append({"start": start, "end": ent.end_char, "label": ent.label_})
    return records


def doc_to_record(doc: Doc) -> dict[str, Any]:
    """``entities``, ``quotes`` and ``events`` of a processed Doc, offsets into ``doc.text``."""
    return {
        "entities": entity_records(doc),
        "quotes": [q.to_dict() for q in doc._.quotes],
        "events": [e.to_dict() for e in doc._.events],
    }


def set_annotations_from_record(doc: Doc, record: dict[str, Any]) -> Doc:
    """Put a gold record's quotes, events and (token-aligned) entities on ``doc``.

    Entities whose offsets do not fall on token boundaries are kept out of
    ``doc.ents`` (the record itself stays authoritative); the count is returned
    in ``doc.user_data["khabar.misaligned_entities"]``."""
    doc.user_data[QUOTES_KEY] = list(record.get("quotes", []))
    doc.user_data[EVENTS_KEY] = list(record.get("events", []))
    spans, misaligned = [], 0
    for ent in record.get("entities", []):
        span = doc.char_span(ent["start"], ent["end"], label=ent["label"])
        if span is None:
            misaligned += 1
        else:
            spans.append(span)
    doc.set_ents(filter_spans(spans))
    doc.user_data["khabar.misaligned_entities"] = misaligned
    return doc
