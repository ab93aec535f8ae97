"""Plain-text views for people: a processed article, and a score table."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_document(doc: Doc) -> str:
    """Sentences with their tokens, then entities, quotes and events, one per line."""
    text = doc.text
    lines = ["== Tokens (one sentence per line)"]
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    for i, sent in enumerate(sents, start=1):
        lines.append(f"[{i}] " + " | ".join(t.text for t in sent if not t.is_space))
    lines.append(f"\n== Entities ({len(doc.ents)})")
    lines += [f"  {e.label_:<8} {e.text}  [{e.start_char}:{e.end_char}]" for e in doc.ents]
    quotes = doc._.quotes
    lines.append(f"\n== Quotes ({len(quotes)})")
    for q in quotes:
        d = q.to_dict()
        cue = text[slice(*d["cue"])] if d["cue"] else "-"
        speaker = text[slice(*d["speaker"])] if d["speaker"] else "(implied)"
        lines.append(f"  [{d['kind']}] {q.speaker_name or '?'} | speaker: {speaker} | cue: {cue}")
        lines.append(f"      «{_clip(text[slice(*d['content'])])}»")
    events = doc._.events
    lines.append(f"\n== Events ({len(events)})")
    for ev in events:
        d = ev.to_dict()
        args = ", ".join(f"{a['role']}={text[slice(*a['span'])]}" for a in d["arguments"])
        lines.append(f"  {d['type']:<28} {text[slice(*d['trigger'])]}  {args}")
    return "\n".join(lines)


def _prf_row(name: str, prf: dict[str, float]) -> str:
    return (
        f"  {name:<34} P {100 * prf['p']:6.2f}  R {100 * prf['r']:6.2f}  "
        f"F {100 * prf['f']:6.2f}   (pred {prf['n_pred']}, gold {prf['n_gold']})"
    )


def format_scores(scores: dict[str, Any]) -> str:
    """The output of ``scoring.score_records`` as an aligned table."""
    q, e, n = scores["quotes"], scores["events"], scores["entities"]
    lines = ["Quotes"]
    lines.append(_prf_row("lenient (overlap >= 0.5)", q["quotes_lenient"]))
    lines.append(_prf_row("exact", q["quotes_exact"]))
    lines.append(
        f"  speaker_name accuracy             {100 * q['speaker_name_acc']:6.2f}"
        f"   (of {q['quotes_matched']} matched; pro-drop "
        f"{100 * q['speaker_name_acc_prodrop']:.2f} of {q['quotes_matched_prodrop']})"
    )
    lines.append(f"  cue accuracy                      {100 * q['cue_acc']:6.2f}")
    lines.append("Events")
    for key in (
        "trigger_identification",
        "trigger_classification",
        "argument_identification",
        "argument_classification",
    ):
        lines.append(_prf_row(key.replace("_", " "), e[key]))
    lines.append(format_entity_scores(n))
    return "\n".join(lines)


def format_entity_scores(scores: dict[str, Any]) -> str:
    """Micro and per-label rows of ``scoring.score_entities`` output."""
    lines = ["Entities", _prf_row("all (exact span + label)", scores["entities"])]
    lines += [_prf_row(label, prf) for label, prf in scores["entities_per_label"].items()]
    if "words_per_second" in scores:
        lines.append(f"  {scores['words']} words, {scores['words_per_second']:.0f} words/s")
    return "\n".join(lines)
