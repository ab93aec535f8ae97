"""Train and evaluate the clitic segmenter on UD Arabic-PADT.

``python -m khabar.build.segmenter OUT_DIR [--raw-text training/vectors/raw_news.tok.txt]``

Stem frequencies come from the tokenized raw news written by the ``vectors``
step; the treebank memory and clitic priors from the PADT train split. Prints
word-level segmentation accuracy and Words F1 (pieces matched by character
span) on the tune and test splits, with and without the treebank memory.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..corpus.padt import PadtSentence, load_padt
from ..segmenter import ENCLITICS, PROCLITICS, Analysis, CliticSegmenter

PROCLITIC_LETTERS = set("وفبكلس")


def gold_tokens(sentences: list[PadtSentence]) -> Iterator[tuple[str, Analysis, str, str]]:
    for sent in sentences:
        for tok in sent.surface.tokens:
            pieces = tok.pieces
            cuts = tuple(p.start - tok.start for p in pieces[1:])
            norms = tuple(p.norm for p in pieces)
            n_pre = 0
            while n_pre < len(pieces) - 1 and pieces[n_pre].text in PROCLITIC_LETTERS:
                n_pre += 1
            has_suf = len(pieces) - n_pre > 1 and pieces[-1].text in ENCLITICS
            pre = "".join(p.text for p in pieces[:n_pre])
            suf = pieces[-1].text if has_suf else ""
            yield tok.text, Analysis(cuts, norms), pre, suf


def evaluate(seg: CliticSegmenter, sentences: list[PadtSentence]) -> dict[str, float]:
    words = correct = gold_pieces = sys_pieces = matched = 0
    for word, gold, _, _ in gold_tokens(sentences):
        pred = seg.analyse(word)
        words += 1
        correct += pred.cuts == gold.cuts
        g = set(zip((0, *gold.cuts), (*gold.cuts, len(word)), strict=True))
        s = set(zip((0, *pred.cuts), (*pred.cuts, len(word)), strict=True))
        gold_pieces += len(g)
        sys_pieces += len(s)
        matched += len(g & s)
    p, r = matched / sys_pieces, matched / gold_pieces
    return {"token_accuracy": correct / words, "words_f1": 2 * p * r / (p + r), "tokens": words}


def raw_counts(path: Path, min_count: int = 2) -> dict[str, int]:
    counts: Counter = Counter()
    with path.open(encoding="utf8") as f:
        for line in f:
            counts.update(line.split())
    return {w: c for w, c in counts.items() if c >= min_count}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out_dir", type=Path)
    p.add_argument("--raw-text", type=Path, default=Path("training/vectors/raw_news.tok.txt"))
    args = p.parse_args(argv)
    padt = load_padt()
    counts = raw_counts(args.raw_text)
    seg = CliticSegmenter.train(gold_tokens(padt["train"]), counts)
    no_memory = CliticSegmenter(counts, {}, seg.pre_prior, seg.suf_prior, seg.prior_weight)
    results = {
        name: {
            "with_memory": evaluate(seg, padt[name]),
            "rules_only": evaluate(no_memory, padt[name]),
        }
        for name in ("tune", "test")
    }
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "scores.json").write_text(json.dumps(results, indent=2), encoding="utf8")
    print(json.dumps(results, indent=2))
    print(f"{len(counts)} raw-news word types; proclitics {PROCLITICS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
