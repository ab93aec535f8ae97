"""``doc._.quotes`` and ``doc._.events``: the pipeline's structured output on a Doc.

The records are stored in ``doc.user_data`` as plain lists of character offsets,
so they survive ``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and
multiprocessing. ``Quote`` and ``Event`` objects with ``Span`` views are built
on access. Character offsets are authoritative: a span such as ``لكويت`` inside
``للكويت`` (ANNOTATION.md, Clitics) need not match token boundaries, so the
``Span`` views expand to the covering tokens while ``to_dict`` keeps the exact
offsets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

QUOTES_KEY = "khabar.quotes"
EVENTS_KEY = "khabar.events"
QUOTE_KINDS = ("direct", "indirect", "mixed")

Offsets = tuple[int, int]


def _span(doc: Doc, offsets: Offsets | None) -> Span | None:
    if offsets is None:
        return None
    return doc.char_span(offsets[0], offsets[1], alignment_mode="expand")


def offset_pair(value: Any) -> Offsets | None:
    """``[start, end]`` from JSON as an int pair; None stays None."""
    return None if value is None else (int(value[0]), int(value[1]))


@dataclass
class Quote:
    """One attributed statement. Offsets index ``doc.text``; the Spans cover them."""

    doc: Doc = field(repr=False)
    content_offsets: Offsets
    cue_offsets: Offsets | None
    speaker_offsets: Offsets | None
    speaker_name: str | None
    kind: str

    @property
    def content(self) -> Span:
        return _span(self.doc, self.content_offsets)

    @property
    def cue(self) -> Span | None:
        return _span(self.doc, self.cue_offsets)

    @property
    def speaker(self) -> Span | None:
        return _span(self.doc, self.speaker_offsets)

    def to_dict(self) -> dict[str, Any]:
        """The quote in the JSON of ANNOTATION.md."""
        return {
            "content": list(self.content_offsets),
            "cue": list(self.cue_offsets) if self.cue_offsets else None,
            "speaker": list(self.speaker_offsets) if self.speaker_offsets else None,
            "speaker_name": self.speaker_name,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, doc: Doc, data: dict[str, Any]) -> Quote:
        kind = data.get("kind", "direct")
        if kind not in QUOTE_KINDS:
            raise ValueError(f"quote kind must be one of {QUOTE_KINDS}, got {kind!r}")
        return cls(
            doc,
            offset_pair(data["content"]),
            offset_pair(data.get("cue")),
            offset_pair(data.get("speaker")),
            data.get("speaker_name"),
            kind,
        )


@dataclass
class Event:
    """One event mention: a trigger word, its ACE subtype and its role-labelled arguments."""

    doc: Doc = field(repr=False)
    trigger_offsets: Offsets
    type: str
    argument_offsets: list[tuple[str, Offsets]]

    @property
    def trigger(self) -> Span:
        return _span(self.doc, self.trigger_offsets)

    @property
    def arguments(self) -> list[tuple[str, Span]]:
        return [(role, _span(self.doc, offsets)) for role, offsets in self.argument_offsets]

    def to_dict(self) -> dict[str, Any]:
        """The event in the JSON of ANNOTATION.md."""
        return {
            "trigger": list(self.trigger_offsets),
            "type": self.type,
            "arguments": [
                {"role": role, "span": list(offsets)} for role, offsets in self.argument_offsets
            ],
        }

    @classmethod
    def from_dict(cls, doc: Doc, data: dict[str, Any]) -> Event:
        args = [(a["role"], offset_pair(a["span"])) for a in data.get("arguments", [])]
        return cls(doc, offset_pair(data["trigger"]), data["type"], args)


def _records(items: Iterable[Quote | Event | dict[str, Any]]) -> list[dict[str, Any]]:
    return [item if isinstance(item, dict) else item.to_dict() for item in items]


def _get_quotes(doc: Doc) -> list[Quote]:
    return [Quote.from_dict(doc, r) for r in doc.user_data.get(QUOTES_KEY, [])]


def _set_quotes(doc: Doc, quotes: Iterable[Quote | dict[str, Any]]) -> None:
    doc.user_data[QUOTES_KEY] = _records(quotes)


def _get_events(doc: Doc) -> list[Event]:
    return [Event.from_dict(doc, r) for r in doc.user_data.get(EVENTS_KEY, [])]


def _set_events(doc: Doc, events: Iterable[Event | dict[str, Any]]) -> None:
    doc.user_data[EVENTS_KEY] = _records(events)


def _get_span_quote(span: Span) -> Quote | None:
    """The quote whose content is exactly this span, if any."""
    for quote in span.doc._.quotes:
        if quote.content_offsets == (span.start_char, span.end_char):
            return quote
    return None


def register_extensions() -> None:
    """Register the extensions once; safe to call again."""
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", getter=_get_quotes, setter=_set_quotes)
    if not Doc.has_extension("events"):
        Doc.set_extension("events", getter=_get_events, setter=_set_events)
    if not Span.has_extension("quote"):
        Span.set_extension("quote", getter=_get_span_quote)
