"""Check the stand-off corpus against ANNOTATION.md before anyone trains or scores on it.

Every problem is reported as ``file:line: id: message`` so an annotator can jump
to it; nothing stops at the first error. Checks: the line's fields, that the
shared text still has the recorded SHA-1, offsets in range, spans that never
start or end in whitespace or inside a word, spans that start with a proclitic
(heuristic), entity labels, quote kinds, empty contents and duplicate quotes,
ACE event subtypes and the roles each subtype allows (``data/ace_roles.json``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..extensions import QUOTE_KINDS
from .standoff import (
    ANNOTATION_KEYS,
    ANNOTATIONS_DIR,
    CORPUS_NAMES,
    SPLITS,
    StandoffError,
    StandoffLine,
    id_prefix,
    read_standoff,
    resolve_texts,
    text_sha1,
)

ENTITY_LABELS = frozenset(
    [
        "PER",
        "ORG",
        "GPE",
        "LOC",
        "FAC",
        "NORP",
        "EVENT",
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "MISC",
    ]
)
PROCLITICS = "وفبلك"
# A word-internal prefix that may precede a span: conjunction, then preposition or future
# particle, e.g. و|ب+الكويت, ل|لكويت (للكويت), بـ|5.
ALLOWED_PREFIX = re.compile(r"^[وف]?[بلكس]?ـ?$")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
# Words that really begin with a proclitic letter followed by ال: والد (father), والي ...
NATIVE_AL_STEMS = ("والد", "والي", "بالغ", "بالو", "فالح", "كالة")
# Foreign names whose transliteration begins with و/ف/ب/ل/ك + ال although no clitic is
# attached (Walcott, Palermo, California, Caltech, Calvin, Calais). Matched against the
# span's whole first word only, never as a prefix: كالتك passes but كالتكرير (ك + التكرير)
# is still flagged, كاليه passes but كاليهود (ك + اليهود) is not. A name joins this list
# only when a corpus text uses it without a clitic; where the same letters can also be
# clitic + word (والكوت = Walcott, or و + الكوت, the city of Kut), the list wins, so read
# such spans in context. Add new names here rather than widening the spans.
NON_CLITIC_NAMES = frozenset(["والكوت", "باليرمو", "كاليفورنيا", "كالتك", "كالفين", "كاليه"])
# Cue verbs that are often written with و/ف attached: وأضاف, فقال ...
COMMON_CUES = frozenset(
    [
        "قال",
        "أضاف",
        "أكد",
        "أشار",
        "أوضح",
        "لفت",
        "شدد",
        "أعلن",
        "تابع",
        "بين",
        "اعتبر",
        "كشف",
        "ذكر",
        "نفى",
        "قالت",
        "أضافت",
        "أكدت",
    ]
)


@cache
def ace_roles() -> dict[str, frozenset[str]]:
    """ACE 2005 subtype → allowed roles, from the package's data file."""
    raw = json.loads(resources.files("khabar").joinpath("data/ace_roles.json").read_text("utf8"))
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}


def _word_start(text: str, i: int) -> int:
    while i > 0 and (ARABIC_LETTER.match(text[i - 1]) or text[i - 1] == "ـ"):
        i -= 1
    return i


def proclitic_problem(text: str, start: int, end: int) -> str | None:
    """Why the span's start breaks the clitic rule of ANNOTATION.md, or None.

    Heuristic: a span that begins with و/ف/ب/ل/ك followed by the article ال (or with
    the fused لل), or with و/ف before a common cue verb, almost always carries a
    proclitic (``والكويت``, ``بالعراق``, ``للكويت``, ``وأضاف``); names such as ``وليد``
    or ``بريطانيا``, the words of NATIVE_AL_STEMS (``والدها``) and the foreign names of
    NON_CLITIC_NAMES (``باليرمو``, ``كاليفورنيا``) pass."""
    words = text[start:end].split()
    first = words[0] if words else ""
    if (
        len(first) <= 2
        or first[0] not in PROCLITICS
        or first.startswith(NATIVE_AL_STEMS)
        or first in NON_CLITIC_NAMES
    ):
        return None
    rest = first[1:]
    if first.startswith("لل"):
        return f"span starts with the fused ل + ال ({first!r}); start after the first ل"
    if rest.startswith("ال") or (first[0] in "وف" and rest in COMMON_CUES):
        return f"span starts with the proclitic {first[0]!r} ({first!r})"
    return None


def span_problems(text: str, span: Any, what: str, clitics: bool = True) -> Iterator[str]:
    """Shape, range, whitespace, word-boundary and clitic problems of one ``[start, end]``."""
    if (
        not isinstance(span, list | tuple)
        or len(span) != 2
        or not all(isinstance(x, int) for x in span)
    ):
        yield f"{what}: expected [start, end] integers, got {span!r}"
        return
    start, end = span
    if not 0 <= start < end <= len(text):
        yield f"{what}: offsets [{start}, {end}] out of range (text length {len(text)})"
        return
    snippet = text[start:end]
    if snippet[0].isspace() or snippet[-1].isspace():
        yield f"{what}: span {snippet!r} starts or ends in whitespace"
    if not ALLOWED_PREFIX.match(text[_word_start(text, start) : start]):
        yield f"{what}: span {snippet!r} starts inside a word"
    if end < len(text) and ARABIC_LETTER.match(text[end]) and ARABIC_LETTER.match(text[end - 1]):
        yield f"{what}: span {snippet!r} ends inside a word (suffixes stay inside the span)"
    problem = proclitic_problem(text, start, end) if clitics else None
    if problem:
        yield f"{what}: {problem}"


def entity_problems(text: str, entities: list[Any]) -> Iterator[str]:
    for i, ent in enumerate(entities):
        if not isinstance(ent, dict):
            yield f"entity {i}: expected an object"
            continue
        yield from span_problems(text, [ent.get("start"), ent.get("end")], f"entity {i}")
        if ent.get("label") not in ENTITY_LABELS:
            yield f"entity {i}: label {ent.get('label')!r} not in {sorted(ENTITY_LABELS)}"


def quote_problems(text: str, quotes: list[Any]) -> Iterator[str]:
    seen: dict[tuple, int] = {}
    for i, quote in enumerate(quotes):
        if not isinstance(quote, dict):
            yield f"quote {i}: expected an object"
            continue
        content = quote.get("content")
        yield from span_problems(text, content, f"quote {i} content", clitics=False)
        if isinstance(content, list) and len(content) == 2 and content[0] == content[1]:
            yield f"quote {i}: empty content"
        for key in ("cue", "speaker"):
            if quote.get(key) is not None:
                yield from span_problems(text, quote[key], f"quote {i} {key}")
        if quote.get("kind") not in QUOTE_KINDS:
            yield f"quote {i}: kind {quote.get('kind')!r} not in {QUOTE_KINDS}"
        name = quote.get("speaker_name")
        if name is not None and (not isinstance(name, str) or not name.strip()):
            yield f"quote {i}: speaker_name must be a non-empty string or null"
        key = tuple(content) if isinstance(content, list) else repr(content)
        if key in seen:
            yield f"quote {i}: duplicate of quote {seen[key]} (same content span)"
        seen.setdefault(key, i)


def event_problems(text: str, events: list[Any]) -> Iterator[str]:
    roles = ace_roles()
    for i, event in enumerate(events):
        if not isinstance(event, dict):
            yield f"event {i}: expected an object"
            continue
        yield from span_problems(text, event.get("trigger"), f"event {i} trigger")
        etype = event.get("type")
        if etype not in roles:
            yield f"event {i}: type {etype!r} is not one of the 33 ACE 2005 subtypes"
        for j, arg in enumerate(event.get("arguments", [])):
            what = f"event {i} argument {j}"
            yield from span_problems(text, arg.get("span"), what)
            if etype in roles and arg.get("role") not in roles[etype]:
                yield f"{what}: role {arg.get('role')!r} not allowed for {etype}"


def header_problems(data: dict[str, Any]) -> Iterator[str]:
    """The line's own fields: corpus name matching the id, split, checksum, annotation lists."""
    try:
        corpus = CORPUS_NAMES[id_prefix(data["id"])]
    except StandoffError as err:
        yield str(err)
        return
    if data.get("corpus") != corpus:
        yield f"corpus {data.get('corpus')!r} does not match the id (expected {corpus!r})"
    if data.get("split") not in SPLITS:
        yield f"split {data.get('split')!r} not in {SPLITS}"
    if not isinstance(data.get("sha1"), str):
        yield "missing 'sha1'"
    if "text" in data:
        yield "stand-off lines must not contain the article text"
    for key in ANNOTATION_KEYS:
        if not isinstance(data.get(key), list):
            yield f"{key!r} must be a list"


def record_problems(data: dict[str, Any], text: str | None) -> Iterator[str]:
    """All problems of one stand-off line; span checks need the resolved text."""
    header = list(header_problems(data))
    yield from header
    if header or text is None:
        return
    if text_sha1(text) != data["sha1"]:
        yield f"SHA-1 mismatch: the shared text is not the one annotated ({text_sha1(text)})"
        return
    yield from entity_problems(text, data["entities"])
    yield from quote_problems(text, data["quotes"])
    yield from event_problems(text, data["events"])


def _resolvable_ids(lines: list[StandoffLine]) -> list[str]:
    ids = []
    for line in lines:
        try:
            id_prefix(line.id)
        except StandoffError:
            continue
        ids.append(line.id)
    return ids


def validate_folder(path: Path | str, root: Path | None = None) -> list[str]:
    """Every problem of the ``*.jsonl`` stand-off files in ``path``, one message each."""
    problems: list[str] = []
    lines: list[StandoffLine] = []
    for item in read_standoff(Path(path)):
        if isinstance(item, StandoffError):
            problems.append(str(item))
        else:
            lines.append(item)
    articles = resolve_texts(_resolvable_ids(lines), root=root)
    first_seen: dict[str, str] = {}
    for line in lines:
        if line.id in first_seen:
            problems.append(f"{line.where()}: document already annotated at {first_seen[line.id]}")
        first_seen.setdefault(line.id, f"{line.path}:{line.line}")
        article = articles.get(line.id)
        if article is None and not list(header_problems(line.data)):
            problems.append(f"{line.where()}: article not found in the shared corpora")
        text = article.text if article else None
        problems += [f"{line.where()}: {msg}" for msg in record_problems(line.data, text)]
    return problems


def main(argv: list[str] | None = None) -> int:
    """``python -m khabar.corpus.validate [FOLDER]``: exit 1 when any problem is found."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ANNOTATIONS_DIR)
    args = parser.parse_args(argv)
    problems = validate_folder(args.folder)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in {args.folder}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
