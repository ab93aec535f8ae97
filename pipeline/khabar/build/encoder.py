"""Pretrain our own small Arabic BERT on the raw news (masked language modelling).

``python -m khabar.build.encoder OUT_DIR [--max-words N] [--layers 4 --hidden 256 ...]
[--steps N] [--device cpu|cuda]``

Writes a Hugging Face model directory that ``configs/trf.cfg`` loads with
``--paths.encoder OUT_DIR``: ``config.json``, the weights as safetensors shards of at
most 16 MB (``--max-shard-size``, stored in float16 by default: ``--dtype``), and the
tokenizer (``tokenizer.json``, ``vocab.txt``, ...). Steps:

1. The raw news of ``../shared/corpora`` without our corpus's test articles, as
   ``khabar.build.pretrain`` writes it (``--raw-jsonl`` reuses such a file, e.g.
   ``training/pretrain/raw_news.jsonl``).
2. The same text pretokenized by the clitic tokenizer (``khabar.ArabicTokenizer.v2``
   with the segmenter of ``khabar.build.segmenter``), one paragraph a line, clitics
   separated by spaces (``و قال``, ``ب الكويت``, ``رسالت ه``).
3. A WordPiece vocabulary trained with ``tokenizers`` on those clitic tokens, so that
   word pieces end where clitics end and each spaCy token gets pieces of its own
   (a piece shared by two tokens gives both the same vector). The model itself reads
   the text as written, as spacy-transformers passes it (the raw text of each span,
   aligned to spaCy tokens by character offsets); ``train_wordpiece`` adapts the
   vocabulary so that its greedy longest match reads ``وقال`` as ``و ##قال``. The share
   of clitic boundaries that are also piece boundaries is printed and written to
   ``OUT_DIR/pretraining.json``.
4. Masked language modelling of a ``BertForMaskedLM`` (``--layers``, ``--hidden``,
   ``--heads``) by :mod:`khabar.build.mlm`: the raw text in sequences of
   ``--max-length`` pieces, 15% of the pieces picked, AdamW with a linear warm-up and
   decay, bfloat16 autocast on a GPU, ``--max-seconds`` as a time budget. Weights and
   ``log.jsonl`` go to ``--mlm-dir`` (default ``OUT_DIR/mlm``).
5. The export: the Hugging Face model directory, with ``pretraining.json`` (losses,
   steps, vocabulary size, boundary agreement) and the training log.

``--stage prepare`` stops after step 3 and ``--stage export`` does step 5 alone, so the
pretraining can run on a GPU machine that has torch and transformers but not spaCy::

    python -m khabar.build.encoder training/encoder --stage prepare --data-dir DATA
    python pipeline/khabar/build/mlm.py DATA MLM_DIR --max-seconds 420 --device cuda  # GPU
    python -m khabar.build.encoder training/encoder --stage export --data-dir DATA --mlm-dir MLM_DIR

The data files are not part of the model. Pretraining needs a GPU: the defaults
(4 layers, hidden 256, 64 sequences of 128 pieces a step) take about 12 s a step on
two CPU cores.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from ..corpus.select import selected_ids
from ..tokenizer import clitic_nlp
from . import mlm
from .mlm import SPECIAL_TOKENS, log_line, read_texts
from .pretrain import write_raw_jsonl

# A word as written and the offsets where the clitic tokenizer cuts it between letters.
Word = tuple[str, tuple[int, ...]]
# Arabic diacritics (tanwin, harakat, shadda, sukun, dagger alef) and tatweel: not letters.
DIACRITICS = "[\u064b-\u0652\u0670\u0640]"
PRUNE_ROUNDS = 3


def write_clitic_text(raw_jsonl: Path, out: Path, segmenter: Path) -> Counter[Word]:
    """One paragraph a line, the clitic tokens separated by spaces; returns the counts of
    the words as written (runs of tokens with no space between) with the offsets where
    the clitic tokenizer cuts them between two letters (``وقال`` → ``(1,)``)."""
    tokenizer = clitic_nlp(segmenter).tokenizer
    words: Counter[Word] = Counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".partial")
    with tmp.open("w", encoding="utf8") as f:
        for text in read_texts(raw_jsonl):
            for paragraph in text.split("\n"):
                doc = tokenizer(paragraph)
                tokens = [t.text for t in doc if not t.is_space]
                if not tokens:
                    continue
                f.write(" ".join(tokens) + "\n")
                run = [doc[0]] if len(doc) else []
                for token in doc[1:]:
                    if run[-1].whitespace_ or token.is_space or run[-1].is_space:
                        words[written_word(run)] += 1
                        run = []
                    run.append(token)
                if run:
                    words[written_word(run)] += 1
    tmp.replace(out)
    return words


def written_word(run: list[Any]) -> Word:
    start = run[0].idx
    end = run[-1].idx + len(run[-1])
    text = run[0].doc.text[start:end]
    cuts = tuple(
        b.idx - start for a, b in zip(run, run[1:], strict=False) if a.is_alpha and b.is_alpha
    )
    return text, cuts


def normalizer() -> Any:
    """NFKC (Arabic presentation forms → letters), no diacritics or tatweel, Latin
    lower-cased; offsets into the original text are kept by ``tokenizers``."""
    from tokenizers import Regex, normalizers

    return normalizers.Sequence(
        [
            normalizers.NFKC(),
            normalizers.Replace(Regex(DIACRITICS), ""),
            normalizers.BertNormalizer(
                clean_text=True, handle_chinese_chars=True, strip_accents=False, lowercase=True
            ),
        ]
    )


def train_wordpiece(
    text_path: Path, words: Counter[Word], vocab_size: int, min_frequency: int
) -> Any:
    """:func:`adapted_wordpiece` of about ``vocab_size`` pieces in all: the trainer's
    target is lowered by the pieces the adaptation adds (about a third on the news)."""
    target = vocab_size
    for _ in range(3):
        tok = adapted_wordpiece(text_path, words, target, min_frequency)
        excess = tok.get_vocab_size() - vocab_size
        if excess <= vocab_size // 100 or target - excess < len(SPECIAL_TOKENS) + 100:
            break
        target -= excess
    return tok


def adapted_wordpiece(
    text_path: Path, words: Counter[Word], vocab_size: int, min_frequency: int
) -> Any:
    """A BERT WordPiece tokenizer trained on the clitic-separated lines of ``text_path``,
    adapted so that its greedy longest-match cuts ``words`` (as written) where the clitic
    tokenizer does:

    - the trainer also builds pieces that cross clitic boundaries when they are read
      from the written words (``وق`` from ``وقت`` reads و|قال as ``وق ##ال``; ``##بال``
      from ``إقبال`` reads و|ب|الكويت as ``و ##بال ##كويت``): a piece that crosses a
      boundary more often than not is dropped, in up to ``PRUNE_ROUNDS`` rounds;
    - for every clitic seen after another one in the same word, the ``##`` form of its
      first piece is added (``##قال``, ``##ه``), so ``وقال`` reads ``و ##قال``."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]", continuing_subword_prefix="##"))
    tok.normalizer = normalizer()
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(
        vocab_size=vocab_size,
        min_frequency=min_frequency,
        special_tokens=SPECIAL_TOKENS,
        continuing_subword_prefix="##",
        show_progress=False,
    )
    with text_path.open(encoding="utf8") as lines:
        tok.train_from_iterator(lines, trainer=trainer)
    vocab = dict(tok.get_vocab())
    split_words = Counter({w: n for w, n in words.items() if w[1]})
    # the continuation form of each clitic that follows another one
    needed: Counter[str] = Counter()
    for (text, cuts), count in split_words.items():
        for a, b in zip(cuts, [*cuts[1:], len(text)], strict=False):
            pieces = tok.encode(text[a:b], add_special_tokens=False).tokens
            if pieces and pieces[0] != "[UNK]" and not pieces[0].startswith("##"):
                needed["##" + pieces[0]] += count
    for piece, count in needed.most_common():
        if count >= min_frequency and piece not in vocab:
            vocab[piece] = len(vocab)
    for _ in range(PRUNE_ROUNDS):
        crossing, inside = piece_boundaries(build_wordpiece(vocab), words)
        drop = {
            p
            for p, n in crossing.items()
            if n > inside[p] and p not in SPECIAL_TOKENS and len(p.removeprefix("##")) > 1
        }
        if not drop:
            break
        vocab = {p: i for i, p in enumerate(p for p in vocab if p not in drop)}
    return build_wordpiece(vocab)


def piece_boundaries(tok: Any, words: Counter[Word]) -> tuple[Counter[str], Counter[str]]:
    """How often each piece crosses a clitic boundary of ``words``, and how often not."""
    items = list(words.items())
    crossing: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    encodings = tok.encode_batch([text for (text, _), _ in items], add_special_tokens=False)
    for ((_, cuts), count), enc in zip(items, encodings, strict=True):
        for piece, (a, b) in zip(enc.tokens, enc.offsets, strict=True):
            if any(a < c < b for c in cuts):
                crossing[piece] += count
            else:
                inside[piece] += count
    return crossing, inside


def build_wordpiece(vocab: dict[str, int]) -> Any:
    """A BERT tokenizer (our normalizer, BERT pre-tokenizer, [CLS] … [SEP]) on ``vocab``."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors

    tok = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]", continuing_subword_prefix="##"))
    tok.normalizer = normalizer()
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[(t, vocab[t]) for t in ("[CLS]", "[SEP]")],
    )
    tok.decoder = decoders.WordPiece(prefix="##")
    return tok


def hf_tokenizer(tok: Any, max_length: int) -> Any:
    from transformers import BertTokenizerFast

    return BertTokenizerFast(
        tokenizer_object=tok,
        model_max_length=max_length,
        do_lower_case=True,
        strip_accents=False,
        tokenize_chinese_chars=True,
        unk_token="[UNK]",
        sep_token="[SEP]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        mask_token="[MASK]",
    )


def boundary_agreement(tok: Any, words: Counter[Word]) -> float:
    """Share of the clitic boundaries inside ``words`` where a word piece of ``tok`` (a
    ``tokenizers.Tokenizer``) starts."""
    items = [(w, n) for w, n in words.items() if w[1]]
    encodings = tok.encode_batch([text for (text, _), _ in items], add_special_tokens=False)
    agree = total = 0
    for ((_, cuts), count), enc in zip(items, encodings, strict=True):
        starts = {a for a, b in enc.offsets if b > a}
        total += len(cuts) * count
        agree += sum(c in starts for c in cuts) * count
    return agree / total if total else 1.0


def prepare(args: argparse.Namespace, data_dir: Path) -> dict[str, Any]:
    """Steps 1-3: the raw text, its clitic tokens and the WordPiece vocabulary, written to
    ``data_dir`` as the inputs of :mod:`khabar.build.mlm` (``tokenizer.json``,
    ``texts.jsonl.xz``) with ``prepare.json`` (vocabulary size, boundary agreement)."""
    raw_jsonl = args.raw_jsonl or data_dir / "raw_news.jsonl"
    if not raw_jsonl.exists():
        n = write_raw_jsonl(raw_jsonl, args.max_words, selected_ids("test"), args.stride)
        log_line(f"wrote {n} words to {raw_jsonl}")
    words = write_clitic_text(raw_jsonl, data_dir / "clitic_text.txt", args.segmenter)
    tok = train_wordpiece(data_dir / "clitic_text.txt", words, args.vocab_size, args.min_frequency)
    tok.save(str(data_dir / mlm.TOKENIZER_FILE))
    n_texts, n_words = mlm.write_texts(data_dir / mlm.TEXTS_FILE, read_texts(raw_jsonl))
    summary = {
        "vocab_size": tok.get_vocab_size(),
        "clitic_boundary_agreement": boundary_agreement(tok, words),
        "texts": n_texts,
        "words": n_words,
    }
    (data_dir / "prepare.json").write_text(json.dumps(summary, indent=2), encoding="utf8")
    log_line(
        f"vocabulary: {summary['vocab_size']} pieces; clitic boundaries that are piece "
        f"boundaries: {summary['clitic_boundary_agreement']:.1%}"
    )
    return summary


def export(args: argparse.Namespace, data_dir: Path, mlm_dir: Path, out_dir: Path) -> None:
    """Step 5: the weights of ``mlm_dir`` as a Hugging Face model directory in ``out_dir``
    (safetensors shards in ``args.dtype``, config, fast tokenizer) with
    ``pretraining.json``; ``from_pretrained`` loads float16 weights as float32."""
    import torch
    from tokenizers import Tokenizer

    config = json.loads((mlm_dir / mlm.MODEL_CONFIG).read_text(encoding="utf8"))
    model = mlm.build_model(config)
    mlm.load_weights(model, mlm_dir)
    n_bytes = mlm.check_sizes(model, args.dtype, args.max_shard_size)
    tok = Tokenizer.from_file(str(data_dir / mlm.TOKENIZER_FILE))
    out_dir.mkdir(parents=True, exist_ok=True)
    model.to(getattr(torch, args.dtype)).save_pretrained(
        out_dir, safe_serialization=True, max_shard_size=args.max_shard_size
    )
    hf_tokenizer(tok, config["max_position_embeddings"]).save_pretrained(out_dir)
    prepared = json.loads((data_dir / "prepare.json").read_text(encoding="utf8"))
    trained = json.loads((mlm_dir / "mlm.json").read_text(encoding="utf8"))
    summary = {
        **trained,
        **prepared,
        "parameters": model.num_parameters(),
        "saved_megabytes": round(n_bytes / 1e6, 1),
    }
    (out_dir / "pretraining.json").write_text(json.dumps(summary, indent=2), encoding="utf8")
    shutil.copy(mlm_dir / "log.jsonl", out_dir / "log.jsonl")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("out_dir", type=Path)
    p.add_argument(
        "--stage",
        choices=["all", "prepare", "export"],
        default="all",
        help="prepare: steps 1-3 only; export: step 5 from the weights in --mlm-dir",
    )
    p.add_argument("--raw-jsonl", type=Path, default=None, help="reuse this raw news JSONL")
    p.add_argument("--data-dir", type=Path, default=None, help="default: OUT_DIR/data")
    p.add_argument("--mlm-dir", type=Path, default=None, help="default: OUT_DIR/mlm")
    p.add_argument("--segmenter", type=Path, default=Path("training/segmenter/segmenter.json"))
    p.add_argument("--max-words", type=int, default=5_000_000)
    p.add_argument("--stride", type=int, default=1, help="take every k-th raw article")
    p.add_argument("--vocab-size", type=int, default=30_000, help="pieces in all")
    p.add_argument("--min-frequency", type=int, default=5)
    mlm.add_model_arguments(p)
    args = p.parse_args(argv)
    out_dir: Path = args.out_dir
    data_dir: Path = args.data_dir or out_dir / "data"
    mlm_dir: Path = args.mlm_dir or out_dir / "mlm"
    data_dir.mkdir(parents=True, exist_ok=True)
    if args.stage in ("all", "prepare"):
        prepare(args, data_dir)
    if args.stage == "all":
        mlm.train(argparse.Namespace(**{**vars(args), "data_dir": data_dir, "out_dir": mlm_dir}))
    if args.stage in ("all", "export"):
        export(args, data_dir, mlm_dir, out_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
