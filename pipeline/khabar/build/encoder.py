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
4. A ``BertForMaskedLM`` (``--layers``, ``--hidden``, ``--heads``) trained on the raw
   text in sequences of ``--max-length`` pieces, 15% of the pieces masked, with
   AdamW and a linear warm-up and decay, in a plain torch loop (``--device cuda``
   uses bfloat16 autocast where the GPU supports it). The model is saved every
   ``--save-every`` steps, and the loss (and the held-out loss at each save) is logged
   to ``OUT_DIR/log.jsonl``.

The data files go to ``--data-dir`` (default ``OUT_DIR/data``); they are not part of the
model. Pretraining needs a GPU: the defaults (4 layers, hidden 256, 20,000 steps of 64
sequences of 128 pieces) take about 12 s a step on two CPU cores, three days.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..corpus.select import selected_ids
from ..tokenizer import clitic_nlp
from .pretrain import write_raw_jsonl

# A word as written and the offsets where the clitic tokenizer cuts it between letters.
Word = tuple[str, tuple[int, ...]]
SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
# Arabic diacritics (tanwin, harakat, shadda, sukun, dagger alef) and tatweel: not letters.
DIACRITICS = "[\u064b-\u0652\u0670\u0640]"
PRUNE_ROUNDS = 3


def iter_texts(raw_jsonl: Path) -> Iterator[str]:
    with raw_jsonl.open(encoding="utf8") as f:
        for line in f:
            text = json.loads(line)["text"]
            if text.strip():
                yield text


def write_clitic_text(raw_jsonl: Path, out: Path, segmenter: Path) -> Counter[Word]:
    """One paragraph a line, the clitic tokens separated by spaces; returns the counts of
    the words as written (runs of tokens with no space between) with the offsets where
    the clitic tokenizer cuts them between two letters (``وقال`` → ``(1,)``)."""
    tokenizer = clitic_nlp(segmenter).tokenizer
    words: Counter[Word] = Counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".partial")
    with tmp.open("w", encoding="utf8") as f:
        for text in iter_texts(raw_jsonl):
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


def sequences(tokenizer: Any, texts: Iterable[str], max_length: int) -> list[list[int]]:
    """Each text's pieces in windows of ``max_length - 2``, with [CLS] and [SEP]."""
    out: list[list[int]] = []
    size = max_length - 2
    batch: list[str] = []

    def flush() -> None:
        enc = tokenizer(batch, add_special_tokens=False, verbose=False)["input_ids"]
        for ids in enc:
            for i in range(0, len(ids), size):
                window = ids[i : i + size]
                if len(window) >= 8 or (i == 0 and window):
                    out.append([tokenizer.cls_token_id, *window, tokenizer.sep_token_id])
        batch.clear()

    for text in texts:
        batch.append(text)
        if len(batch) >= 1000:
            flush()
    if batch:
        flush()
    return out


def pick_device(name: str | None) -> str:
    import torch

    if name:
        return name
    return "cuda" if torch.cuda.is_available() else "cpu"


def train_mlm(
    model: Any,
    tokenizer: Any,
    train: list[list[int]],
    held_out: list[list[int]],
    args: argparse.Namespace,
    out_dir: Path,
) -> dict[str, float]:
    """A plain torch loop: AdamW, linear warm-up and decay, 15% of pieces masked."""
    import torch
    from transformers import DataCollatorForLanguageModeling

    device = pick_device(args.device)
    torch.manual_seed(args.seed)
    model.to(device)
    collator = DataCollatorForLanguageModeling(
        tokenizer, mlm_probability=args.mlm_probability, return_tensors="pt"
    )
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {
            "params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)],
            "weight_decay": 0.01,
        },
        {
            "params": [p for n, p in model.named_parameters() if n.endswith(no_decay)],
            "weight_decay": 0.0,
        },
    ]
    optimizer = torch.optim.AdamW(groups, lr=args.lr, betas=(0.9, 0.98), eps=1e-6)
    warmup = min(args.warmup, max(1, args.steps // 10))

    def schedule(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (args.steps - step) / max(1, args.steps - warmup))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    use_bf16 = device.startswith("cuda") and torch.cuda.is_bf16_supported()
    rng = random.Random(args.seed)

    def batches() -> Iterator[list[list[int]]]:
        order = list(range(len(train)))
        while True:
            rng.shuffle(order)
            for i in range(0, len(order), args.batch_size):
                yield [train[j] for j in order[i : i + args.batch_size]]

    def loss_of(batch: list[list[int]]) -> Any:
        inputs = collator([{"input_ids": ids} for ids in batch])
        inputs = {k: v.to(device) for k, v in inputs.items()}
        with torch.autocast(device_type="cuda", dtype=torch.bfloat16, enabled=use_bf16):
            return model(**inputs).loss

    def evaluate() -> float:
        if not held_out:
            return float("nan")
        model.eval()
        total = 0.0
        n = 0
        with torch.no_grad():
            for i in range(0, len(held_out), args.batch_size):
                total += float(loss_of(held_out[i : i + args.batch_size]))
                n += 1
        model.train()
        return total / n

    log = (out_dir / "log.jsonl").open("w", encoding="utf8")
    model.train()
    start = time.time()
    running = 0.0
    stream = batches()
    step = 0
    scores: dict[str, float] = {}
    for step in range(1, args.steps + 1):
        loss = loss_of(next(stream))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        running += loss.item()
        if step % args.log_every == 0 or step == args.steps:
            n = args.log_every if step % args.log_every == 0 else step % args.log_every
            scores = {"step": step, "loss": running / n, "seconds": round(time.time() - start)}
            running = 0.0
            if step % args.save_every == 0 or step == args.steps:
                scores["held_out_loss"] = evaluate()
                save_model(model, tokenizer, out_dir, args)
            log.write(json.dumps(scores) + "\n")
            log.flush()
            print(json.dumps(scores), file=sys.stderr)
    log.close()
    return scores


def save_model(model: Any, tokenizer: Any, out_dir: Path, args: argparse.Namespace) -> None:
    """Safetensors shards of at most ``args.max_shard_size`` in ``args.dtype`` (a copy, so
    the training weights keep their precision; tied weights stay tied), and the tokenizer.
    ``from_pretrained`` loads float16 weights as float32 unless asked otherwise."""
    import torch

    saved = copy.deepcopy(model).to("cpu", getattr(torch, args.dtype))
    saved.save_pretrained(out_dir, safe_serialization=True, max_shard_size=args.max_shard_size)
    tokenizer.save_pretrained(out_dir)


def check_sizes(model: Any, args: argparse.Namespace) -> int:
    """The largest tensor must fit a shard (a tensor is never split); returns the bytes
    of the saved weights."""
    import torch
    from transformers.utils.hub import convert_file_size_to_int

    item = torch.empty((), dtype=getattr(torch, args.dtype)).element_size()
    limit = convert_file_size_to_int(args.max_shard_size)
    name, largest = max(
        ((n, p.numel() * item) for n, p in model.named_parameters()), key=lambda x: x[1]
    )
    if largest > limit:
        raise SystemExit(
            f"{name} ({largest / 1e6:.2f} MB in {args.dtype}) does not fit a weights file of "
            f"{args.max_shard_size}: lower --vocab-size or --hidden (the word embeddings are "
            "vocabulary × hidden), or raise --max-shard-size"
        )
    return sum(p.numel() for p in model.parameters()) * item


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("out_dir", type=Path)
    p.add_argument("--raw-jsonl", type=Path, default=None, help="reuse this raw news JSONL")
    p.add_argument("--data-dir", type=Path, default=None, help="default: OUT_DIR/data")
    p.add_argument("--segmenter", type=Path, default=Path("training/segmenter/segmenter.json"))
    p.add_argument("--max-words", type=int, default=5_000_000)
    p.add_argument("--vocab-size", type=int, default=30_000, help="pieces in all")
    p.add_argument("--min-frequency", type=int, default=5)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--intermediate", type=int, default=None, help="default: 4 × hidden")
    p.add_argument("--max-length", type=int, default=128, help="pieces per training sequence")
    p.add_argument("--max-position", type=int, default=512)
    p.add_argument("--steps", type=int, default=20_000)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--warmup", type=int, default=1_000)
    p.add_argument("--mlm-probability", type=float, default=0.15)
    p.add_argument("--held-out", type=float, default=0.01, help="share of sequences")
    p.add_argument("--log-every", type=int, default=100)
    p.add_argument("--save-every", type=int, default=2_000)
    p.add_argument("--max-shard-size", default="16MB", help="per weights file")
    p.add_argument("--dtype", choices=["float16", "bfloat16", "float32"], default="float16")
    p.add_argument("--device", choices=["cpu", "cuda"], default=None, help="default: cuda if any")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)

    from transformers import BertConfig, BertForMaskedLM

    out_dir: Path = args.out_dir
    data_dir: Path = args.data_dir or out_dir / "data"
    raw_jsonl = args.raw_jsonl or data_dir / "raw_news.jsonl"
    if not raw_jsonl.exists():
        n = write_raw_jsonl(raw_jsonl, args.max_words, selected_ids("test"))
        print(f"wrote {n} words to {raw_jsonl}", file=sys.stderr)
    clitic_text = data_dir / "clitic_text.txt"
    words = write_clitic_text(raw_jsonl, clitic_text, args.segmenter)
    tok = train_wordpiece(clitic_text, words, args.vocab_size, args.min_frequency)
    tokenizer = hf_tokenizer(tok, args.max_position)
    texts = list(iter_texts(raw_jsonl))
    agreement = boundary_agreement(tok, words)
    print(
        f"vocabulary: {len(tokenizer)} pieces; clitic boundaries that are piece boundaries: "
        f"{agreement:.1%}",
        file=sys.stderr,
    )
    seqs = sequences(tokenizer, texts, args.max_length)
    random.Random(args.seed).shuffle(seqs)
    n_held = min(int(len(seqs) * args.held_out), 2_000)
    held_out, train = seqs[:n_held], seqs[n_held:] or seqs
    print(f"{len(train)} training sequences, {len(held_out)} held out", file=sys.stderr)
    config = BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=args.hidden,
        num_hidden_layers=args.layers,
        num_attention_heads=args.heads,
        intermediate_size=args.intermediate or 4 * args.hidden,
        max_position_embeddings=args.max_position,
        pad_token_id=tokenizer.pad_token_id,
    )
    model = BertForMaskedLM(config)
    n_bytes = check_sizes(model, args)
    print(f"{model.num_parameters()} parameters, {n_bytes / 1e6:.1f} MB saved", file=sys.stderr)
    out_dir.mkdir(parents=True, exist_ok=True)
    scores = train_mlm(model, tokenizer, train, held_out, args, out_dir)
    summary = {
        **scores,
        "vocab_size": len(tokenizer),
        "clitic_boundary_agreement": agreement,
        "parameters": model.num_parameters(),
        "saved_megabytes": round(n_bytes / 1e6, 1),
        "words": sum(len(t.split()) for t in texts),
        "sequences": len(train),
        "device": pick_device(args.device),
        "args": {k: str(v) for k, v in vars(args).items()},
    }
    (out_dir / "pretraining.json").write_text(json.dumps(summary, indent=2), encoding="utf8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
