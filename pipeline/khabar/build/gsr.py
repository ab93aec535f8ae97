"""Map the Arabic event GSR onto contract records: ``python -m khabar.build.gsr OUT_DIR``.

Writes ``OUT_DIR/gsr.jsonl`` (one contract record per mapped sentence; derived from
third-party text, so OUT_DIR belongs under ``training/`` and is never committed), prints what
was read, written and dropped (``khabar.corpus.gsr``), and scores the shipped
``khabar_events`` component (``--model``, default ``ar_khabar_md``; ``--no-eval`` skips it):

* span level, on the mapped records: trigger identification recall (a predicted trigger with
  the gold span) and classification recall (span and type), per type, plus a lenient
  identification recall (a predicted trigger inside any word the GSR coders selected as
  verb). Precision is printed for the mapped types only and is a **lower bound**: GSR marks
  the one event its coders were asked about, not every mention, so a predicted Attack on a
  second mention, or a Life.Die next to a coded Attack, counts as false here.
  The recall is biased upward: 556 of the 593 gold triggers were chosen because the same
  lexicon knows the word, so they measure the component's context filters more than its
  coverage; the 37 triggers the lexicon does not know (``تجمع``، ``احتشد``، ``سار``،
  ``تعذيب``) are all missed.
* sentence level, on every CSV row: how often the component predicts an event of the mapped
  type, per CSV label. On ``yes`` rows this is a sentence recall; on ``easy no`` rows it is
  an upper bound of the false-alarm rate, because PLOVER ASSAULT excludes conventional
  military force (PLOVER FIGHT), which ACE Attack includes.

Manual check (30 random records, seed 11, 37 events, 47 arguments, read against
GUIDELINES.md §2): 36/37 triggers have the right word and subtype (the miss: ``احتجاجا``
instead of ``التظاهر`` in ``بالتظاهر احتجاجا``); 40/47 arguments name the right participant
in the right role, often with a longer or shorter span than the shortest complete NP
(errors: an instrument or an adjective as Attacker/Agent, a place as Target). So about 95%
trigger and 85% argument precision, on a sample too small for more than one digit.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import srsly

from ..corpus.gsr import LIFE_TYPES, TYPE_MAP, Mapped, Settings, read_gsr


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} = {100 * n / d:.1f}%" if d else "n/a"


def span_scores(mapped: list[Mapped], predicted: list[dict]) -> list[str]:
    """Recall of the GSR triggers, lower-bound precision on the mapped types."""
    lines = []
    gold_n, ident, classified, lenient = Counter(), Counter(), Counter(), Counter()
    pred_n, pred_ok = Counter(), Counter()
    for m, pred in zip(mapped, predicted, strict=True):
        p_events = [(tuple(e["trigger"]), e["type"]) for e in pred["events"]]
        p_spans = {s for s, _ in p_events}
        for e in m.record["events"]:
            span, etype = tuple(e["trigger"]), e["type"]
            gold_n[etype] += 1
            ident[etype] += span in p_spans
            classified[etype] += (span, etype) in p_events
            lenient[etype] += any(
                ps[0] < pe and ws < ps[1] for ps in p_spans for ws, pe in m.phrases
            )
        family = {TYPE_MAP[m.gsr_type], *(LIFE_TYPES if m.gsr_type == "ASSAULT" else ())}
        gold = {(tuple(e["trigger"]), e["type"]) for e in m.record["events"]}
        for span, etype in p_events:
            if etype in family:
                pred_n[etype] += 1
                pred_ok[etype] += (span, etype) in gold
    lines.append("khabar_events on the mapped GSR sentences (gold = GSR triggers):")
    for etype in sorted(gold_n):
        lines.append(
            f"  {etype:22} identification recall {_pct(ident[etype], gold_n[etype])}, "
            f"classification recall {_pct(classified[etype], gold_n[etype])}, "
            f"lenient (inside a GSR verb phrase) {_pct(lenient[etype], gold_n[etype])}; "
            f"precision (lower bound) {_pct(pred_ok[etype], pred_n[etype])}"
        )
    total = sum(gold_n.values())
    lines.append(
        f"  {'all':22} identification recall {_pct(sum(ident.values()), total)}, "
        f"classification recall {_pct(sum(classified.values()), total)}, "
        f"precision (lower bound) {_pct(sum(pred_ok.values()), sum(pred_n.values()))}"
    )
    return lines


def sentence_scores(rows: list, predicted: list[dict]) -> list[str]:
    """Share of CSV sentences with a predicted event of the mapped type, per label."""
    n, hit = Counter(), Counter()
    for row, pred in zip(rows, predicted, strict=True):
        types = {e["type"] for e in pred["events"]}
        key = (row.event_type, row.label)
        n[key] += 1
        hit[key] += TYPE_MAP[row.event_type] in types
    lines = ["khabar_events sentence detection on every CSV row (mapped type predicted):"]
    for key in sorted(n):
        lines.append(f"  {key[0]:8} {key[1]:13} {_pct(hit[key], n[key])}")
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out_dir", type=Path)
    p.add_argument("--gsr-dir", type=Path, default=None, help="default: shared/corpora/...")
    p.add_argument("--life", choices=["remap", "drop"], default="remap")
    p.add_argument("--min-support", type=int, default=2)
    p.add_argument("--model", default="ar_khabar_md")
    p.add_argument("--no-eval", action="store_true")
    args = p.parse_args(argv)
    settings = Settings(life=args.life, min_support=args.min_support)
    mapped, rows, report = read_gsr(args.gsr_dir, settings)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    out = args.out_dir / "gsr.jsonl"
    srsly.write_jsonl(out, [m.record for m in mapped])
    print(f"{out}: {len(mapped)} records", file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    if args.no_eval or not mapped:
        return 0
    import spacy

    from ..contract import doc_to_record

    nlp = spacy.load(args.model)
    preds = [doc_to_record(d) for d in nlp.pipe((m.record["text"] for m in mapped), batch_size=64)]
    for line in span_scores(mapped, preds):
        print(line, file=sys.stderr)
    row_preds = [doc_to_record(d) for d in nlp.pipe((r.text for r in rows), batch_size=64)]
    for line in sentence_scores(rows, row_preds):
        print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
