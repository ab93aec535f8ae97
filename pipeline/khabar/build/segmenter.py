"""Train and evaluate the clitic segmenter on UD Arabic-PADT.

``python -m khabar.build.segmenter OUT_DIR [--raw-text training/vectors/raw_news.tok.txt]``

Word frequencies come from the tokenized raw news written by the ``vectors``
step (words seen at least ``--min-count`` times are kept, as log2 classes); the
weights and the treebank memory from the PADT train split. Writes
``OUT_DIR/segmenter.json`` (the model that ``khabar.ArabicTokenizer.v2`` loads) and
``OUT_DIR/scores.json``: word-level segmentation accuracy and Words F1 (pieces
matched by character span) on the tune and test splits, for the trained model,
the model without the treebank memory and the frequency baseline.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from ..corpus.padt import PadtSentence, load_padt
from ..segmenter import Analysis, CliticSegmenter, bucket


def gold_sentences(sentences: list[PadtSentence]) -> list[list[tuple[str, Analysis]]]:
    """Each sentence as (orthographic word, gold analysis) pairs."""
    result = []
    for sent in sentences:
        words = []
        for tok in sent.surface.tokens:
            cuts = tuple(p.start - tok.start for p in tok.pieces[1:])
            words.append((tok.text, Analysis(cuts, tuple(p.norm for p in tok.pieces))))
        result.append(words)
    return result


def unanalysed(sentences: list[PadtSentence]) -> list[list[bool]]:
    """Which tokens PADT left unanalysed (one ``X`` word, clitics never split).

    About 9% of the tokens are such words: foreign names, but also ordinary words
    with clitics (``وفلسطين``, ``والتي``) that the treebank's analyser did not
    cover. They teach a segmenter to leave clitics on, so training skips them;
    evaluation keeps them (and reports the score without them as well)."""
    return [
        [len(t.pieces) == 1 and s.sentence.words[t.pieces[0].word].upos == "X" for t in tokens]
        for s, tokens in ((s, s.surface.tokens) for s in sentences)
    ]


def evaluate(
    seg: CliticSegmenter,
    sentences: list[list[tuple[str, Analysis]]],
    skip: list[list[bool]] | None = None,
) -> dict:
    """Token accuracy and Words F1; ``skip`` leaves out the flagged tokens."""
    words = correct = gold_pieces = sys_pieces = matched = 0
    for n, sent in enumerate(sentences):
        for i, (word, gold) in enumerate(sent):
            if skip and skip[n][i]:
                continue
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


def raw_frequencies(path: Path, min_count: int) -> dict[str, int]:
    counts: Counter = Counter()
    with path.open(encoding="utf8") as f:
        for line in f:
            counts.update(line.split())
    return {w: bucket(c) for w, c in counts.items() if c >= min_count and w[0].isalpha()}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out_dir", type=Path)
    p.add_argument("--raw-text", type=Path, default=Path("training/vectors/raw_news.tok.txt"))
    p.add_argument("--min-count", type=int, default=3)
    p.add_argument("--epochs", type=int, default=8)
    args = p.parse_args(argv)
    padt = load_padt()
    gold = {split: gold_sentences(sentences) for split, sentences in padt.items()}
    freq = raw_frequencies(args.raw_text, args.min_count)
    train = [
        pair
        for sent, flags in zip(gold["train"], unanalysed(padt["train"]), strict=True)
        for pair, skip in zip(sent, flags, strict=True)
        if not skip
    ]
    seg = CliticSegmenter(freq).fit(train, epochs=args.epochs)
    seg.memory = CliticSegmenter.build_memory(train)
    variants = {
        "trained": seg,
        "trained_no_memory": CliticSegmenter(freq, seg.weights),
        "frequency_baseline": CliticSegmenter(freq, memory=seg.memory),
    }
    results = {
        split: {name: evaluate(model, gold[split]) for name, model in variants.items()}
        for split in ("tune", "test")
    }
    for split in ("tune", "test"):
        results[split]["trained_analysed_tokens_only"] = evaluate(
            seg, gold[split], unanalysed(padt[split])
        )
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "segmenter.json").write_text(
        json.dumps(seg.to_dict(), ensure_ascii=False), encoding="utf8"
    )
    (args.out_dir / "scores.json").write_text(json.dumps(results, indent=2), encoding="utf8")
    print(json.dumps(results, indent=2))
    print(f"{len(freq)} raw-news word types, {len(seg.weights)} weights", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
