"""The scores of ANNOTATION.md, computed on contract records (plain dicts).

Every evaluation uses these functions: ``khabar evaluate`` on JSONL files and the
components' ``score`` methods on spaCy ``Example`` objects (via ``doc_to_record``),
so the numbers reported by ``spacy evaluate`` and by our CLI agree.

A *record* is one document in the contract's JSON: ``{"text", "entities",
"quotes", "events"}`` with ``[start, end)`` character offsets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .extensions import offset_pair
from .orthography import normalize

Record = dict[str, Any]
Pair = tuple[int, int]


def normalize_name(name: str | None) -> str | None:
    """Speaker names compare without diacritics or tatweel, with alef, ة/ه, ى/ي unified."""
    if name is None:
        return None
    return " ".join(normalize(name).split())


@dataclass
class PRF:
    tp: float = 0.0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def p(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"p": self.p, "r": self.r, "f": self.f, "n_pred": self.n_pred, "n_gold": self.n_gold}


def overlap_ratio(a: Pair, b: Pair) -> float:
    """Characters shared by two spans divided by the length of the longer one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    longer = max(a[1] - a[0], b[1] - b[0])
    return shared / longer if shared > 0 and longer > 0 else 0.0


def overlaps(a: Pair, b: Pair) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def match_one_to_one(gold: list[Pair], pred: list[Pair], min_ratio: float) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, best overlap first; returns (gold index, pred index) pairs."""
    candidates = sorted(
        ((overlap_ratio(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for ratio, gi, pi in candidates:
        if ratio < min_ratio or ratio == 0.0:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def score_quotes(pairs: Iterable[tuple[Record, Record]]) -> dict[str, Any]:
    """Quote P/R/F (lenient: overlap/longer >= 0.5; exact: equal content spans), and on
    leniently matched quotes the accuracy of ``speaker_name`` (normalised) and of ``cue``."""
    lenient, exact = PRF(), PRF()
    n_matched = speaker_ok = cue_ok = 0
    prodrop_matched = prodrop_ok = 0
    for gold, pred in pairs:
        gq = gold.get("quotes", [])
        pq = pred.get("quotes", [])
        g_spans = [offset_pair(q["content"]) for q in gq]
        p_spans = [offset_pair(q["content"]) for q in pq]
        for prf in (lenient, exact):
            prf.n_gold += len(gq)
            prf.n_pred += len(pq)
        exact.tp += len(match_one_to_one(g_spans, p_spans, 1.0))
        for gi, pi in match_one_to_one(g_spans, p_spans, 0.5):
            lenient.tp += 1
            n_matched += 1
            same_name = normalize_name(gq[gi].get("speaker_name")) == normalize_name(
                pq[pi].get("speaker_name")
            )
            speaker_ok += same_name
            cue_ok += offset_pair(gq[gi].get("cue")) == offset_pair(pq[pi].get("cue"))
            if gq[gi].get("speaker") is None:
                prodrop_matched += 1
                prodrop_ok += same_name
    return {
        "quotes_lenient": lenient.to_dict(),
        "quotes_exact": exact.to_dict(),
        "quotes_matched": n_matched,
        "speaker_name_acc": speaker_ok / n_matched if n_matched else 0.0,
        "speaker_name_acc_prodrop": prodrop_ok / prodrop_matched if prodrop_matched else 0.0,
        "quotes_matched_prodrop": prodrop_matched,
        "cue_acc": cue_ok / n_matched if n_matched else 0.0,
    }


def _count_matches(gold: list[tuple], pred: list[tuple], same: callable) -> int:
    """One-to-one matches between gold and predicted items under ``same``."""
    used: set[int] = set()
    tp = 0
    for p in pred:
        for gi, g in enumerate(gold):
            if gi not in used and same(g, p):
                used.add(gi)
                tp += 1
                break
    return tp


def score_events(pairs: Iterable[tuple[Record, Record]]) -> dict[str, Any]:
    """ACE-style event scores: trigger identification (exact span) and classification
    (+ type); argument identification (event type and overlapping span, role-free) and
    classification (+ role); plus trigger classification per event type."""
    trig_id, trig_cls, arg_id, arg_cls = PRF(), PRF(), PRF(), PRF()
    per_type: dict[str, PRF] = defaultdict(PRF)
    for gold, pred in pairs:
        g_trig = [(offset_pair(e["trigger"]), e["type"]) for e in gold.get("events", [])]
        p_trig = [(offset_pair(e["trigger"]), e["type"]) for e in pred.get("events", [])]
        g_args = [
            (e["type"], offset_pair(a["span"]), a["role"])
            for e in gold.get("events", [])
            for a in e.get("arguments", [])
        ]
        p_args = [
            (e["type"], offset_pair(a["span"]), a["role"])
            for e in pred.get("events", [])
            for a in e.get("arguments", [])
        ]
        for prf, g, p in (
            (trig_id, g_trig, p_trig),
            (trig_cls, g_trig, p_trig),
            (arg_id, g_args, p_args),
            (arg_cls, g_args, p_args),
        ):
            prf.n_gold += len(g)
            prf.n_pred += len(p)
        trig_id.tp += _count_matches(g_trig, p_trig, lambda g, p: g[0] == p[0])
        trig_cls.tp += _count_matches(g_trig, p_trig, lambda g, p: g == p)
        arg_id.tp += _count_matches(
            g_args, p_args, lambda g, p: g[0] == p[0] and overlaps(g[1], p[1])
        )
        arg_cls.tp += _count_matches(
            g_args, p_args, lambda g, p: g[0] == p[0] and g[2] == p[2] and overlaps(g[1], p[1])
        )
        for etype in {t for _, t in g_trig} | {t for _, t in p_trig}:
            g_t = [x for x in g_trig if x[1] == etype]
            p_t = [x for x in p_trig if x[1] == etype]
            per_type[etype].n_gold += len(g_t)
            per_type[etype].n_pred += len(p_t)
            per_type[etype].tp += _count_matches(g_t, p_t, lambda g, p: g == p)
    return {
        "trigger_identification": trig_id.to_dict(),
        "trigger_classification": trig_cls.to_dict(),
        "argument_identification": arg_id.to_dict(),
        "argument_classification": arg_cls.to_dict(),
        "trigger_classification_per_type": {t: v.to_dict() for t, v in sorted(per_type.items())},
    }


def score_entities(
    pairs: Iterable[tuple[Record, Record]], label_map: dict[str, str | None] | None = None
) -> dict[str, Any]:
    """Exact-span micro P/R/F over (start, end, label), and per label.

    ``label_map`` renames labels on both sides first (``None`` drops the entity),
    e.g. to score in ANERcorp's four classes."""

    def labelled(ents: list[dict[str, Any]]) -> set[tuple[int, int, str]]:
        out = set()
        for e in ents:
            label = e["label"] if label_map is None else label_map.get(e["label"], e["label"])
            if label is not None:
                out.add((int(e["start"]), int(e["end"]), label))
        return out

    micro = PRF()
    per_label: dict[str, PRF] = defaultdict(PRF)
    for gold, pred in pairs:
        g = labelled(gold.get("entities", []))
        p = labelled(pred.get("entities", []))
        micro.n_gold += len(g)
        micro.n_pred += len(p)
        micro.tp += len(g & p)
        for label in {x[2] for x in g | p}:
            gl = {x for x in g if x[2] == label}
            pl = {x for x in p if x[2] == label}
            per_label[label].n_gold += len(gl)
            per_label[label].n_pred += len(pl)
            per_label[label].tp += len(gl & pl)
    return {
        "entities": micro.to_dict(),
        "entities_per_label": {k: v.to_dict() for k, v in sorted(per_label.items())},
    }


def score_records(gold: Sequence[Record], pred: Sequence[Record]) -> dict[str, Any]:
    """All contract scores for aligned lists of gold and predicted records."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold records but {len(pred)} predicted")
    pairs = list(zip(gold, pred, strict=True))
    return {
        "quotes": score_quotes(pairs),
        "events": score_events(pairs),
        "entities": score_entities(pairs),
    }
