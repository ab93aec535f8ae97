"""Train and evaluate the clitic segmenter on UD Arabic-PADT.

``python -m khabar.build.segmenter OUT_DIR [--raw-text training/vectors/raw_news.tok.txt]``

Word frequencies come from the tokenized raw news written by the ``vectors``
step (words seen at least ``--min-count`` times are kept, as log2 classes); the
weights and the treebank memory from the PADT train split. Writes
``OUT_DIR/segmenter.json`` (the model that ``khabar.ArabicTokenizer.v2`` loads) and
``OUT_DIR/scores.json``: word-level segmentation accuracy and Words F1 (pieces
matched by character span) on the tune and test splits, for the trained model,
the model without the treebank memory and the frequency baseline. With ``--evaluate
SEGMENTER_JSON`` it only scores a saved segmenter (the analysis-time constraints of
the current code apply), e.g. the one in the shipped model's training inputs.

Person names that merely begin with a proclitic letter (``وليد``, ``فيصل``, ``كوفي``)
are kept whole: words the NER training sources (train splits) tag as part of a person
name at least ``--name-min-count`` times, and mostly inside names, go into the memory
unsplit where the model would split them. A name's first word is not taken when the
rest of it is itself a name (``وأحمد`` is و + أحمد), nor are words on ``ال``/``لل``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import spacy

from ..corpus.iob import ReadReport
from ..corpus.ner_sources import SOURCES
from ..corpus.padt import PadtSentence, load_padt
from ..segmenter import Analysis, CliticSegmenter, bucket, whole

PROCLITIC_LETTERS = "وفبلك"


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


def person_name_words(min_count: int) -> set[str]:
    """Words that begin with a proclitic letter but are (parts of) person names in the
    NER training sources."""
    vocab = spacy.blank("ar").vocab
    in_name: Counter = Counter()
    first: Counter = Counter()
    total: Counter = Counter()
    for source in SOURCES.values():
        for doc in source.docs(vocab, "train", report=ReadReport()):
            total.update(t.text for t in doc)
            for ent in doc.ents:
                if ent.label_ == "PER":
                    in_name.update(t.text for t in ent)
                    first[ent[0].text] += 1

    def rest_is_name(word: str) -> bool:
        rests = [word[1:]] + ([word[2:]] if word[1] in PROCLITIC_LETTERS else [])
        return any(in_name[r] >= min_count for r in rests)

    return {
        w
        for w, n in in_name.items()
        if len(w) >= 3 and w[0] in PROCLITIC_LETTERS and n >= min_count
        and n >= total[w] / 2 and not w.startswith("لل") and w[1:3] != "ال"
        and not (first[w] and rest_is_name(w))
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out_dir", type=Path)
    p.add_argument("--raw-text", type=Path, default=Path("training/vectors/raw_news.tok.txt"))
    p.add_argument("--min-count", type=int, default=3)
    p.add_argument("--epochs", type=int, default=8)
    p.add_argument("--name-min-count", type=int, default=2)
    p.add_argument("--evaluate", type=Path, default=None, metavar="SEGMENTER_JSON",
                   help="score this saved segmenter (e.g. the shipped one) instead of training;"
                        " writes OUT_DIR/scores.json")
    args = p.parse_args(argv)
    padt = load_padt()
    gold = {split: gold_sentences(sentences) for split, sentences in padt.items()}
    if args.evaluate is not None:
        saved = CliticSegmenter.from_dict(json.loads(args.evaluate.read_text(encoding="utf8")))
        results = {split: {"trained": evaluate(saved, gold[split]),
                           "trained_analysed_tokens_only": evaluate(
                               saved, gold[split], unanalysed(padt[split]))}
                   for split in ("tune", "test")}
        return _write_scores(args.out_dir, results)
    freq = raw_frequencies(args.raw_text, args.min_count)
    train = [
        pair
        for sent, flags in zip(gold["train"], unanalysed(padt["train"]), strict=True)
        for pair, skip in zip(sent, flags, strict=True)
        if not skip
    ]
    seg = CliticSegmenter(freq).fit(train, epochs=args.epochs)
    seg.memory = CliticSegmenter.build_memory(train)
    names = sorted(w for w in person_name_words(args.name_min_count)
                   if w not in seg.memory and seg.analyse(w).cuts)
    seg.memory.update((w, whole(w)) for w in names)
    print(f"{len(names)} person-name words kept whole: {' '.join(names[:30])} ...",
          file=sys.stderr)
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
    print(f"{len(freq)} raw-news word types, {len(seg.weights)} weights", file=sys.stderr)
    return _write_scores(args.out_dir, results)


def _write_scores(out_dir: Path, results: dict) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "scores.json").write_text(json.dumps(results, indent=2), encoding="utf8")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
