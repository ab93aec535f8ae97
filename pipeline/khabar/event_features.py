"""Feature rows of the trained event component: one row per token (triggers) and one per
trigger–candidate pair (arguments).

A row is a dense part, copied from ``doc.tensor`` (what the shared tok2vec wrote), and a
tuple of hashed symbolic features. The symbolic features carry what a small corpus cannot
teach a tok2vec: the lemma, the dependency path between trigger and candidate, the word
before a candidate (its preposition), and what the lexicon rules of ``khabar_events``
decided for the same token or pair, so the model learns when to trust them; and for a
pair, how many candidates of the same kind stand nearer the trigger on its side and whether
another trigger stands between them (a name nearer another trigger is seldom this one's).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .components.events import DocEvents, Lexicon
from .extensions import offset_pair

Offsets = tuple[int, int]

TRIGGER_COLUMNS = ("norm", "lemma", "rule_type", "pos", "previous", "next")
PAIR_COLUMNS = (
    "type", "kind", "type_kind", "path", "type_path", "distance", "before", "type_before",
    "rule_role", "trigger_lemma", "candidate_dep", "clause_break",
    "type_kind_rank", "trigger_between", "type_dep_side",
)
NO_RULE = "-"
# A noun the rules did not take as a mention keeps these right dependents in its span.
_NOUN_POS = frozenset({"NOUN", "PROPN", "NUM"})
_NOUN_EXTENSIONS = frozenset({"amod", "flat", "compound", "nummod"})
_CLAUSE_PUNCT = frozenset("،,;؛:()[]")
_MAX_PATH = 4


@dataclass(frozen=True)
class Candidate:
    """A possible argument: tokens ``start:end``, their syntactic head (first in Arabic
    noun phrases) and what kind of mention they are."""

    start: int
    end: int
    kind: str
    offsets: Offsets  # written out as the argument span
    root: int

    @classmethod
    def on(cls, doc: Doc, start: int, end: int, kind: str, offsets: Offsets) -> Candidate:
        return cls(start, end, kind, offsets, doc[start:end].root.i)


@dataclass
class DocAnalysis:
    """Per-Doc facts shared by the trigger and argument rows."""

    doc: Doc
    text: str  # doc.text, built from the tokens on every access: read once
    rule_types: list[str]
    candidates: list[Candidate]
    sentence_of: numpy.ndarray
    # role the rules gave candidate ``offsets`` for the trigger ending at token ``i``
    rule_args: dict[tuple[int, Offsets], str] = field(default_factory=dict)
    # the rules' events by their trigger tokens, and the candidates by sentence
    rule_events_at: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    candidates_in: dict[int, list[Candidate]] = field(default_factory=dict)
    # mentions the rules rule out, so the model adds none of them: names inside a person's
    # title (الحكومة المغربية in رئيس الحكومة المغربية عبدالإله بنكيران: the titled person
    # takes part) and who denied an event (نفت الحركة مسؤوليتها عن الهجوم)
    ruled_out: frozenset[Offsets] = frozenset()

    def __post_init__(self) -> None:
        for cand in self.candidates:
            self.candidates_in.setdefault(int(self.sentence_of[cand.start]), []).append(cand)


def token_range(doc: Doc, offsets: Offsets) -> tuple[int, int] | None:
    """Tokens covering character ``offsets`` (expanded to whole tokens), or None."""
    span = doc.char_span(offsets[0], offsets[1], alignment_mode="expand")
    return None if span is None or len(span) == 0 else (span.start, span.end)


def analyse(doc: Doc, lexicon: Lexicon) -> DocAnalysis:
    """Run the lexicon rules once and collect the argument candidates of ``doc``."""
    sentence_of = numpy.zeros(len(doc), dtype="int32")
    for n, sent in enumerate(doc.sents if doc.has_annotation("SENT_START") else [doc[:]]):
        sentence_of[sent.start:sent.end] = n
    text = doc.text
    rules = DocEvents(doc, lexicon) if text.strip() else None
    rule_events = rules.events() if rules else []
    rule_types = [NO_RULE] * len(doc)
    rule_args: dict[tuple[int, Offsets], str] = {}
    rule_events_at: dict[tuple[int, int], dict[str, Any]] = {}
    for event in rule_events:
        tokens = token_range(doc, offset_pair(event["trigger"]))
        if tokens is None:
            continue
        if tokens in rule_events_at:  # two rule triggers on one token: the first counts
            continue
        rule_events_at[tokens] = event
        for i in range(*tokens):
            rule_types[i] = event["type"]
        for arg in event["arguments"]:
            rule_args[(tokens[1] - 1, offset_pair(arg["span"]))] = arg["role"]
    mentions = rules.candidate_mentions() if rules else []
    candidates = _candidates(doc, [(m.span, m.label) for m in mentions])
    ruled_out = frozenset(m.span for m in (*rules.names_in_titles(), *rules.deniers)) \
        if rules else frozenset()
    return DocAnalysis(doc, text, rule_types, candidates, sentence_of, rule_args,
                       rule_events_at, ruled_out=ruled_out)


def _candidates(doc: Doc, mentions: Iterable[tuple[Offsets, str]]) -> list[Candidate]:
    """The rules' mentions, then every noun, name or number outside them (with its
    adjectives and flat parts), so that unnamed participants can be arguments too; without
    a tagger, every word."""
    found, covered = [], set()
    for offsets, label in mentions:
        tokens = token_range(doc, offsets)
        if tokens is None or covered.intersection(range(*tokens)):
            continue
        found.append(Candidate.on(doc, tokens[0], tokens[1], label, offsets))
        covered.update(range(*tokens))
    tagged = doc.has_annotation("POS")
    for token in doc:
        if token.i in covered or token.is_space or not (
                token.pos_ in _NOUN_POS if tagged else token.is_alpha):
            continue
        end = token.i + 1
        while (end < len(doc) and end not in covered and not doc[end].is_space
               and doc[end].head.i in range(token.i, end) and doc[end].dep_ in _NOUN_EXTENSIONS):
            end += 1
        span = doc[token.i:end]
        found.append(Candidate(token.i, end, word_kind(token), (span.start_char, span.end_char),
                               token.i))
        covered.update(range(token.i, end))
    return sorted(found, key=lambda c: c.start)


def word_kind(token: Token) -> str:
    """The kind of a candidate that is no mention of the rules: its part of speech."""
    return f"pos:{token.pos_}"


def _ids(values: Iterable[str]) -> list[int]:
    return [get_string_id(v) for v in values]


def _dense(doc: Doc, width: int) -> numpy.ndarray:
    tensor = doc.tensor
    if tensor is None or tensor.ndim != 2 or tensor.shape != (len(doc), width):
        got = None if tensor is None else tensor.shape
        raise ValueError(
            f"khabar_event_model needs doc.tensor of shape ({len(doc)}, {width}) from a tok2vec "
            f"earlier in the pipeline, got {got} (when training, the tok2vec must annotate: "
            "[training] annotating_components, or nlp.update(..., annotates=[...]))"
        )
    return numpy.asarray(tensor, dtype="float32")


def trigger_key(token: Token) -> str:
    """The form under which a trigger word is remembered: its norm without the article."""
    norm = token.norm_
    return norm[2:] if norm.startswith("ال") and len(norm) > 3 else norm


def trigger_candidates(analysis: DocAnalysis, words: frozenset[str]) -> list[int]:
    """Tokens that may be triggers: those the lexicon rules took, and the words that were
    triggers in the training data. Only they are classified; the rest is ``O``."""
    return [t.i for t in analysis.doc
            if analysis.rule_types[t.i] != NO_RULE or trigger_key(t) in words]


def trigger_rows(
    analysis: DocAnalysis, width: int, tokens: list[int]
) -> tuple[numpy.ndarray, numpy.ndarray]:
    """One row per token of ``tokens``: its tensor row and ``TRIGGER_COLUMNS``."""
    doc = analysis.doc
    ids = []
    for token in (doc[i] for i in tokens):
        ids.append(_ids((
            token.norm_, token.lemma_, analysis.rule_types[token.i], token.pos_,
            doc[token.i - 1].norm_ if token.i > 0 else "<s>",
            doc[token.i + 1].norm_ if token.i + 1 < len(doc) else "</s>",
        )))
    dense = _dense(doc, width)[tokens]
    return dense, numpy.asarray(ids, dtype="uint64").reshape(len(tokens), len(TRIGGER_COLUMNS))


def dependency_path(a: Token, b: Token) -> str:
    """Deps up from ``a`` to the lowest common head, then down to ``b`` (``nsubj^/obl``)."""
    up = [a, *a.ancestors]
    down = [b, *b.ancestors]
    down_ids = {t.i: n for n, t in enumerate(down)}
    for n, token in enumerate(up):
        if token.i in down_ids:
            rising = [t.dep_ for t in up[:n]]
            falling = [t.dep_ for t in reversed(down[:down_ids[token.i]])]
            if len(rising) + len(falling) > _MAX_PATH:
                return "long"
            return "^".join(rising) + "/" + "/".join(falling)
    return "none"


def _distance_bucket(distance: int) -> str:
    size = abs(distance)
    bucket = str(size) if size <= 3 else "4-6" if size <= 6 else "7-12" if size <= 12 else "13+"
    return ("-" if distance < 0 else "+") + bucket


def _clause_break(doc: Doc, a: int, b: int) -> bool:
    first, last = sorted((a, b))
    return any(t.text in _CLAUSE_PUNCT for t in doc[first + 1:last])


def pair_candidates(
    analysis: DocAnalysis, trigger: tuple[int, int], max_distance: int
) -> list[Candidate]:
    """Candidates in the trigger's sentence within ``max_distance`` tokens, not inside it."""
    start, end = trigger
    return [
        c for c in analysis.candidates_in.get(int(analysis.sentence_of[start]), [])
        if (c.end <= start or c.start >= end)
        and min(abs(c.start - start), abs(c.root - start)) <= max_distance
    ]


def _side_ranks(pairs: list[tuple[tuple[int, int], str, Candidate]]) -> list[str]:
    """For each pair, how many candidates of the same kind lie nearer to its trigger on
    the same side (0, 1, 2+): the nearest name after a verb is its usual argument."""
    by_trigger: dict[tuple[tuple[int, int], str, bool], list[tuple[int, int]]] = {}
    for n, (tokens, _, cand) in enumerate(pairs):
        after = cand.start >= tokens[1]
        distance = cand.start - tokens[1] if after else tokens[0] - cand.end
        by_trigger.setdefault((tokens, cand.kind, after), []).append((distance, n))
    ranks = [""] * len(pairs)
    for found in by_trigger.values():
        for rank, (_, n) in enumerate(sorted(found)):
            ranks[n] = str(min(rank, 2))
    return ranks


def _trigger_between(trigger_tokens: list[int], trigger: tuple[int, int], cand: Candidate) -> bool:
    """Another trigger stands between this trigger and the candidate."""
    lo, hi = (trigger[1], cand.start) if cand.start >= trigger[1] else (cand.end, trigger[0])
    return any(lo <= t < hi for t in trigger_tokens)


def pair_rows(
    analysis: DocAnalysis,
    pairs: list[tuple[tuple[int, int], str, Candidate]],
    width: int,
) -> tuple[numpy.ndarray, numpy.ndarray]:
    """One row per (trigger tokens, event type, candidate)."""
    doc = analysis.doc
    tensor = _dense(doc, width)
    dense = numpy.zeros((len(pairs), 3 * width), dtype="float32")
    ids = []
    ranks = _side_ranks(pairs)
    trigger_tokens = sorted({t for (start, end), _, _ in pairs for t in range(start, end)})
    for n, ((start, end), etype, cand) in enumerate(pairs):
        head = doc[end - 1]
        root = doc[cand.root]
        dense[n, :width] = tensor[head.i]
        dense[n, width:2 * width] = tensor[root.i]
        dense[n, 2 * width:] = tensor[cand.start:cand.end].mean(axis=0)
        path = dependency_path(head, root)
        before = doc[cand.start - 1].norm_ if cand.start > 0 else "<s>"
        rule_role = analysis.rule_args.get((head.i, cand.offsets))
        if rule_role is None:
            rule_role = NO_RULE if analysis.rule_types[head.i] == NO_RULE else "none"
        ids.append(_ids((
            etype, cand.kind, f"{etype}|{cand.kind}", path, f"{etype}|{path}",
            _distance_bucket(cand.start - head.i), before, f"{etype}|{before}",
            rule_role, head.lemma_, root.dep_, str(_clause_break(doc, head.i, cand.start)),
            f"{etype}|{cand.kind}|{ranks[n]}",
            str(_trigger_between(trigger_tokens, (start, end), cand)),
            f"{etype}|{root.dep_}|{'+' if cand.start >= end else '-'}",
        )))
    return dense, numpy.asarray(ids, dtype="uint64").reshape(len(pairs), len(PAIR_COLUMNS))
