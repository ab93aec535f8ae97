"""Read token-per-line IOB NER files (ANERcorp, NewsFANE, AQMAR, Wojood) into spaCy Docs.

Lines are ``TOKEN TAG [TAG ...]`` (space or tab separated; extra tags are nested
levels, outermost first); a blank line ends a sentence. Invisible marks (BOM,
U+200E/U+200F, zero-width) are removed, CRLF is accepted, segment markers such
as Wojood's ``$#$`` are skipped, and lines that cannot be read are counted and
reported rather than silently dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200e\u200f\u200b\u200c\u200d"), None)
SEGMENT_MARKERS = frozenset({"$#$"})
_TAG = re.compile(r"^(O|[BI]-[A-Za-z][\w-]*)$")

TokenSpan = tuple[int, int, str]  # token start, token end (exclusive), label
SOURCE_LABELS = "source_labels"  # doc.spans key: each entity with the source's own label


@dataclass
class IobSentence:
    words: list[str]
    columns: list[list[str]]  # one list of tags per nesting level, outermost first
    line: int  # 1-based line of the first token, for error messages

    @property
    def tags(self) -> list[str]:
        return self.columns[0]


@dataclass
class ReadReport:
    sentences: int = 0
    tokens: int = 0
    dropped_lines: list[tuple[int, str]] = field(default_factory=list)

    def summary(self, name: str) -> str:
        return (
            f"{name}: read {self.sentences} sentences, {self.tokens} tokens, "
            f"{len(self.dropped_lines)} unreadable lines dropped"
        )


def _parse_line(line: str) -> tuple[str, list[str]] | None:
    parts = line.split()
    if len(parts) < 2 or not all(_TAG.match(t) for t in parts[1:]):
        return None
    return parts[0], parts[1:]


def read_iob(path: Path, report: ReadReport | None = None) -> Iterator[IobSentence]:
    """Yield sentences of ``path``; malformed lines are recorded in ``report``."""
    report = report if report is not None else ReadReport()
    words: list[str] = []
    rows: list[list[str]] = []
    start = 0

    def flush() -> IobSentence:
        depth = max(len(r) for r in rows)
        columns = [[r[i] if i < len(r) else "O" for r in rows] for i in range(depth)]
        report.sentences += 1
        report.tokens += len(words)
        return IobSentence(words, columns, start)

    with path.open(encoding="utf8", newline=None) as f:
        for lineno, raw in enumerate(f, start=1):
            line = raw.translate(INVISIBLE).strip()
            if not line:
                if words:
                    yield flush()
                words, rows = [], []
                continue
            parsed = _parse_line(line)
            if parsed is None:
                report.dropped_lines.append((lineno, raw.rstrip("\r\n")))
                continue
            word, tags = parsed
            if word in SEGMENT_MARKERS:
                continue
            if not words:
                start = lineno
            words.append(word)
            rows.append(tags)
    if words:
        yield flush()


def iob_spans(tags: list[str]) -> list[TokenSpan]:
    """Entity spans of one IOB column; an I- that does not continue a span starts one."""
    spans: list[TokenSpan] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "I" and spans and spans[-1][1] == i and spans[-1][2] == label:
            spans[-1] = (spans[-1][0], i + 1, label)
        else:
            spans.append((i, i + 1, label))
    return spans


def sentence_spans(sent: IobSentence, label_map: Mapping[str, str | None]) -> list[TokenSpan]:
    """Mapped spans of all nesting levels; the outermost span whose label maps to one of
    ours wins, so an unmapped outer span (e.g. Wojood's OCC) does not hide inner names."""
    return [(start, end, label) for start, end, label, _ in _chosen_spans(sent, label_map)]


def _chosen_spans(
    sent: IobSentence, label_map: Mapping[str, str | None]
) -> list[tuple[int, int, str, str]]:
    """``sentence_spans`` with the source's own label of each span as a fourth item."""
    mapped = []
    for column in sent.columns:
        for start, end, label in iob_spans(column):
            new = label_map.get(label, label)
            if new is not None:
                mapped.append((start, end, new, label))
    chosen: list[tuple[int, int, str, str]] = []
    for span in sorted(mapped, key=lambda s: (s[0] - s[1], s[0])):  # longest first
        if all(span[1] <= c[0] or span[0] >= c[1] for c in chosen):
            chosen.append(span)
    return sorted(chosen)


def sentences_to_doc(
    vocab: Vocab,
    sentences: list[IobSentence],
    label_map: Mapping[str, str | None],
    is_missing: Callable[[str], bool] | None = None,
    is_missing_entity: Callable[[str], bool] | None = None,
) -> Doc:
    """Join sentences into one Doc with gold sentence starts and entities.

    Tokens outside every entity are ``O``, except where ``is_missing(word)`` says the
    source leaves that kind of word unannotated: those are marked missing, so the
    model is not taught that, e.g., a date is not a DATE by a corpus without dates.
    An entity made only of words for which ``is_missing_entity`` holds (ANERcorp's MISC
    ``دولار``, a MONEY word for us) is marked missing too. The source's own label of every
    entity (NewsFANE's fine types such as ``Politician``) is kept in
    ``doc.spans["source_labels"]``."""
    words: list[str] = []
    sent_starts: list[bool] = []
    spans: list[tuple[int, int, str, str]] = []
    for sent in sentences:
        offset = len(words)
        spans += [
            (s + offset, e + offset, new, old) for s, e, new, old in _chosen_spans(sent, label_map)
        ]
        words.extend(sent.words)
        sent_starts.extend([True] + [False] * (len(sent.words) - 1))
    doc = Doc(vocab, words=words, sent_starts=sent_starts)
    ents = filter_spans([Span(doc, s, e, label=label) for s, e, label, _ in spans])
    doc.spans[SOURCE_LABELS] = [Span(doc, s, e, label=old) for s, e, _, old in spans]
    missing: list[Span] = []
    if is_missing_entity is not None:
        missing = [e for e in ents if all(is_missing_entity(t.text) for t in e)]
        ents = [e for e in ents if e not in missing]
    if is_missing is not None:
        covered = {i for ent in ents + missing for i in range(ent.start, ent.end)}
        missing += [
            doc[i : i + 1] for i, w in enumerate(words) if i not in covered and is_missing(w)
        ]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def tail_split(sents: list[IobSentence], split: str, dev_fraction: float) -> list[IobSentence]:
    """``train``: all but the last ``dev_fraction`` of the sentences; ``dev``: that last
    part (contiguous, so dev text comes from documents the model was not trained on)."""
    cut = int(len(sents) * (1 - dev_fraction))
    if split == "train":
        return sents[:cut]
    if split == "dev":
        return sents[cut:]
    raise ValueError(f"no {split!r} split in a train/dev tail split")


def chunked_docs(
    vocab: Vocab,
    sents: list[IobSentence],
    size: int,
    label_map: Mapping[str, str | None],
    is_missing: Callable[[str], bool] | None = None,
    is_missing_entity: Callable[[str], bool] | None = None,
) -> Iterator[Doc]:
    """Docs of ``size`` consecutive sentences each (see ``sentences_to_doc``)."""
    for i in range(0, len(sents), size):
        yield sentences_to_doc(vocab, sents[i : i + size], label_map, is_missing, is_missing_entity)
