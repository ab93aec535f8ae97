"""Masked language modelling of a small BERT: the pretraining loop of ``khabar.build.encoder``.

``python pipeline/khabar/build/mlm.py DATA_DIR OUT_DIR [--layers 4 --hidden 256 ...]
[--steps N] [--max-seconds S] [--device cuda]``

This module needs torch, transformers, tokenizers and safetensors, and nothing of spaCy
or of khabar: a GPU machine that has those runs it as a plain script on the data
directory that ``python -m khabar.build.encoder OUT_DIR --stage prepare`` writes here
(``tokenizer.json``, ``texts.jsonl.xz``), and ``--stage export --mlm-dir`` turns the
weights it writes into the model directory that ``configs/trf.cfg`` loads.

- The texts are read as written (the way spacy-transformers passes them) and cut by
  the WordPiece tokenizer into windows of ``--max-length`` pieces with [CLS] and [SEP].
- 15% of the pieces are picked for prediction: 80% of them become [MASK], 10% a random
  piece, 10% stay; the loss is computed on the picked pieces only (the output layer
  is the largest matrix product, so this skips most of its work).
- AdamW with a linear warm-up and decay. ``--max-seconds`` bounds the run: after
  ``--calibration-steps`` the step count is lowered to what fits the time left, and
  the decay ends there.
- ``OUT_DIR`` gets ``model_config.json`` (the ``BertConfig`` arguments),
  ``weights.index.json`` and ``weights-NNNNN.safetensors`` shards of at most
  ``--max-shard-size`` bytes (``--dtype``, float16 by default; the output layer's tied
  copy of the word embeddings is not stored twice): every ``--save-every`` steps and
  at the end the held-out loss is computed, and the weights are rewritten when it is
  the lowest so far. ``log.jsonl`` has the training and held-out losses, ``mlm.json``
  the scores of the saved weights (``step``, ``held_out_loss``), the last ones, steps,
  seconds, pieces per second and the device.
"""

from __future__ import annotations

import argparse
import itertools
import json
import lzma
import math
import os
import random
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

TEXTS_FILE = "texts.jsonl.xz"
TOKENIZER_FILE = "tokenizer.json"
WEIGHTS_INDEX = "weights.index.json"
MODEL_CONFIG = "model_config.json"
SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
IGNORE = -100


def write_texts(path: Path, texts: Iterable[str]) -> tuple[int, int]:
    """``{"text": ...}`` lines, xz-compressed (the raw news shrinks about six times);
    returns the number of texts and of whitespace words."""
    tmp = path.with_name(path.name + ".partial")
    n_texts = n_words = 0
    with lzma.open(tmp, "wt", encoding="utf8", preset=9 | lzma.PRESET_EXTREME) as f:
        for text in texts:
            f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
            n_texts += 1
            n_words += len(text.split())
    tmp.replace(path)
    return n_texts, n_words


def read_texts(path: Path) -> Iterator[str]:
    opener = lzma.open if path.suffix == ".xz" else open
    with opener(path, "rt", encoding="utf8") as f:
        for line in f:
            text = json.loads(line)["text"]
            if text.strip():
                yield text


def windows(pieces: list[list[int]], max_length: int, cls_id: int, sep_id: int) -> list[list[int]]:
    """Each text's pieces in windows of ``max_length - 2`` between [CLS] and [SEP]; a
    last window shorter than 8 pieces is dropped unless it is the whole text."""
    size = max_length - 2
    out: list[list[int]] = []
    for ids in pieces:
        for i in range(0, len(ids), size):
            window = ids[i : i + size]
            if len(window) >= 8 or (i == 0 and window):
                out.append([cls_id, *window, sep_id])
    return out


def encode(tokenizer: Any, texts: Iterable[str], max_length: int) -> list[list[int]]:
    """The windows of all texts, encoded by a ``tokenizers.Tokenizer`` in batches."""
    cls_id = tokenizer.token_to_id("[CLS]")
    sep_id = tokenizer.token_to_id("[SEP]")
    out: list[list[int]] = []
    texts = iter(texts)
    while batch := list(itertools.islice(texts, 2_000)):
        encoded = tokenizer.encode_batch(batch, add_special_tokens=False)
        out.extend(windows([e.ids for e in encoded], max_length, cls_id, sep_id))
    return out


def padded(seqs: list[list[int]], pad_id: int) -> Any:
    """A (sequences × longest) int64 tensor, padded with ``pad_id``."""
    import torch

    longest = max(len(s) for s in seqs)
    out = torch.full((len(seqs), longest), pad_id, dtype=torch.long)
    for i, s in enumerate(seqs):
        out[i, : len(s)] = torch.tensor(s, dtype=torch.long)
    return out


def mask_pieces(
    ids: Any, special_ids: Any, mask_id: int, vocab_size: int, probability: float, generator: Any
) -> tuple[Any, Any]:
    """BERT's masking of a batch: returns (inputs, labels), labels ``IGNORE`` except at
    the picked pieces; special pieces ([CLS], [SEP], [PAD]) are never picked."""
    import torch

    device = ids.device
    special = torch.isin(ids, special_ids)
    draw = torch.rand(ids.shape, generator=generator, device=device)
    picked = (draw < probability) & ~special
    labels = torch.where(picked, ids, torch.full_like(ids, IGNORE))
    how = torch.rand(ids.shape, generator=generator, device=device)
    inputs = ids.clone()
    inputs[picked & (how < 0.8)] = mask_id
    random_ids = torch.randint(vocab_size, ids.shape, generator=generator, device=device)
    swap = picked & (how >= 0.8) & (how < 0.9)
    inputs[swap] = random_ids[swap]
    return inputs, labels


def masked_loss(model: Any, inputs: Any, labels: Any, pad_id: int) -> Any:
    """Cross-entropy of the MLM head on the picked pieces only (0, not NaN, when a small
    batch has none picked)."""
    import torch

    hidden = model.bert(input_ids=inputs, attention_mask=(inputs != pad_id).long())[0]
    picked = labels != IGNORE
    if not bool(picked.any()):
        return hidden.sum() * 0.0
    logits = model.cls(hidden[picked])
    return torch.nn.functional.cross_entropy(logits.float(), labels[picked])


def save_weights(model: Any, out_dir: Path, dtype: str, max_shard_bytes: int) -> int:
    """Safetensors shards of at most ``max_shard_bytes`` (a tensor is never split) and an
    index; a tensor that shares storage with one already stored (the tied output
    layer) is left out, :func:`load_weights` ties it again. Returns the bytes stored."""
    import torch
    from safetensors.torch import save_file

    seen: set[int] = set()
    shards: list[dict[str, Any]] = [{}]
    sizes = [0]
    for name, tensor in model.state_dict().items():
        if tensor.data_ptr() in seen:
            continue
        seen.add(tensor.data_ptr())
        t = tensor.detach().to("cpu", getattr(torch, dtype)).contiguous()
        n = t.numel() * t.element_size()
        if sizes[-1] + n > max_shard_bytes:
            shards.append({})
            sizes.append(0)
        shards[-1][name] = t
        sizes[-1] += n
    index: dict[str, str] = {}
    for i, shard in enumerate(shards, 1):
        name = f"weights-{i:05d}.safetensors"
        tmp = out_dir / (name + ".partial")
        save_file(shard, str(tmp))
        tmp.replace(out_dir / name)
        index.update({key: name for key in shard})
    tmp = out_dir / (WEIGHTS_INDEX + ".partial")
    tmp.write_text(json.dumps({"weight_map": index}, indent=1), encoding="utf8")
    tmp.replace(out_dir / WEIGHTS_INDEX)
    return sum(sizes)


def load_weights(model: Any, weights_dir: Path) -> None:
    """Loads what :func:`save_weights` wrote into ``model`` (float32) and ties the output
    layer again; any other missing or unexpected weight is an error."""
    from safetensors.torch import load_file

    index = json.loads((weights_dir / WEIGHTS_INDEX).read_text(encoding="utf8"))["weight_map"]
    state: dict[str, Any] = {}
    for name in sorted(set(index.values())):
        state.update({k: v.float() for k, v in load_file(str(weights_dir / name)).items()})
    result = model.load_state_dict(state, strict=False)
    model.tie_weights()
    missing = [k for k in result.missing_keys if not _restored_by_tie(k)]
    if missing or result.unexpected_keys:
        raise ValueError(
            f"{weights_dir}: the weights do not fit the model: missing {missing}, "
            f"unexpected {list(result.unexpected_keys)}"
        )


def _restored_by_tie(key: str) -> bool:
    return key.endswith(("decoder.weight", "decoder.bias", "position_ids"))


def check_sizes(model: Any, dtype: str, max_shard_bytes: int) -> int:
    """The largest tensor must fit a weights file (a tensor is never split); returns the
    bytes of the saved weights."""
    import torch

    item = torch.empty((), dtype=getattr(torch, dtype)).element_size()
    name, largest = max(
        ((n, p.numel() * item) for n, p in model.named_parameters()), key=lambda x: x[1]
    )
    if largest > max_shard_bytes:
        raise SystemExit(
            f"{name} ({largest / 1e6:.2f} MB in {dtype}) does not fit a weights file of "
            f"{max_shard_bytes / 1e6:.2f} MB: lower --vocab-size or --hidden (the word "
            "embeddings are vocabulary × hidden), or raise --max-shard-size"
        )
    return sum(p.numel() for p in model.parameters()) * item


def model_config(args: argparse.Namespace, vocab_size: int, pad_id: int) -> dict[str, Any]:
    return {
        "vocab_size": vocab_size,
        "hidden_size": args.hidden,
        "num_hidden_layers": args.layers,
        "num_attention_heads": args.heads,
        "intermediate_size": args.intermediate or 4 * args.hidden,
        "max_position_embeddings": args.max_position,
        "pad_token_id": pad_id,
    }


def build_model(config: dict[str, Any]) -> Any:
    from transformers import BertConfig, BertForMaskedLM

    return BertForMaskedLM(BertConfig(**config))


class Schedule:
    """Linear warm-up to 1, then linear decay to 0 at ``total`` steps; ``total`` may be
    lowered during training (the time budget) and the decay follows."""

    def __init__(self, total: int, warmup: int) -> None:
        self.total = total
        self.warmup = max(1, warmup)

    def __call__(self, step: int) -> float:
        if step < self.warmup:
            return (step + 1) / self.warmup
        return max(0.0, (self.total - step) / max(1, self.total - self.warmup))


def fitted_steps(
    planned: int, done: int, seconds_per_step: float, seconds_left: float, warmup: int
) -> int:
    """The total step count that ends within ``seconds_left``, never more than planned
    nor fewer than the warm-up and the steps already done."""
    more = int(seconds_left / seconds_per_step) if seconds_per_step > 0 else planned
    return max(min(planned, done + more), min(planned, max(done, warmup)))


def train(args: argparse.Namespace) -> dict[str, Any]:
    import torch
    from tokenizers import Tokenizer

    started = time.time()
    device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    if device.startswith("cuda"):
        torch.set_float32_matmul_precision("high")
    data_dir: Path = args.data_dir
    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    tokenizer = Tokenizer.from_file(str(data_dir / TOKENIZER_FILE))
    pad_id, mask_id = tokenizer.token_to_id("[PAD]"), tokenizer.token_to_id("[MASK]")
    seqs = encode(tokenizer, read_texts(data_dir / TEXTS_FILE), args.max_length)
    random.Random(args.seed).shuffle(seqs)
    n_held = min(int(len(seqs) * args.held_out), 2_000)
    held_out, train_seqs = seqs[:n_held], seqs[n_held:] or seqs
    n_pieces = sum(len(s) for s in train_seqs)
    log_line(f"{len(train_seqs)} training sequences ({n_pieces} pieces), {n_held} held out")
    config = model_config(args, tokenizer.get_vocab_size(), pad_id)
    (out_dir / MODEL_CONFIG).write_text(json.dumps(config, indent=1), encoding="utf8")
    model = build_model(config)
    n_bytes = check_sizes(model, args.dtype, args.max_shard_size)
    model.to(device)
    n_params = sum(p.numel() for p in model.parameters())
    log_line(f"{n_params} parameters on {device}, {n_bytes / 1e6:.1f} MB saved")
    data = padded(train_seqs, pad_id).to(device)
    held = padded(held_out, pad_id).to(device) if held_out else None
    special_ids = torch.tensor(
        [tokenizer.token_to_id(t) for t in SPECIAL_TOKENS if t not in ("[UNK]", "[MASK]")],
        device=device,
    )
    vocab_size = tokenizer.get_vocab_size()
    generator = torch.Generator(device=device).manual_seed(args.seed)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)],
         "weight_decay": 0.01},
        {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)],
         "weight_decay": 0.0},
    ]  # fmt: skip
    fused = {"fused": True} if device.startswith("cuda") else {}
    optimizer = torch.optim.AdamW(groups, lr=args.lr, betas=(0.9, 0.98), eps=1e-6, **fused)
    schedule = Schedule(args.steps, min(args.warmup, max(1, args.steps // 10)))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    use_bf16 = device.startswith("cuda") and torch.cuda.is_bf16_supported()

    def loss_of(batch: Any, gen: Any) -> Any:
        inputs, labels = mask_pieces(
            batch, special_ids, mask_id, vocab_size, args.mlm_probability, gen
        )
        with torch.autocast(device_type="cuda", dtype=torch.bfloat16, enabled=use_bf16):
            return masked_loss(model, inputs, labels, pad_id)

    def evaluate() -> float:
        if held is None:
            return math.nan
        model.eval()
        gen = torch.Generator(device=device).manual_seed(args.seed + 1)
        losses = []
        with torch.no_grad():
            for i in range(0, len(held), args.batch_size):
                losses.append(float(loss_of(held[i : i + args.batch_size], gen)))
        model.train()
        return sum(losses) / len(losses)

    def save() -> int:
        return save_weights(model, out_dir, args.dtype, args.max_shard_size)

    log = (out_dir / "log.jsonl").open("w", encoding="utf8")
    model.train()
    train_start = time.time()
    running = torch.zeros((), device=device)
    seen = torch.zeros((), dtype=torch.long, device=device)  # pieces trained on
    since_log = 0
    scores: dict[str, Any] = {}
    saved: dict[str, Any] = {}
    best = math.inf
    order = torch.randperm(len(data), generator=generator, device=device)
    cursor = 0
    step = 0
    while step < schedule.total:
        step += 1
        if cursor + args.batch_size > len(order):
            order = torch.randperm(len(data), generator=generator, device=device)
            cursor = 0
        batch = data[order[cursor : cursor + args.batch_size]]
        cursor += args.batch_size
        real = batch != pad_id
        batch = batch[:, : int(real.sum(1).max())]
        seen += real.sum()
        loss = loss_of(batch, generator)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        running += loss.detach()
        since_log += 1
        if step == args.calibration_steps and args.max_seconds:
            if device.startswith("cuda"):
                torch.cuda.synchronize()
            per_step = (time.time() - train_start) / step
            left = args.max_seconds - (time.time() - started) - args.reserve_seconds
            schedule.total = fitted_steps(args.steps, step, per_step, left, schedule.warmup)
            log_line(f"{per_step * 1000:.1f} ms a step: {schedule.total} steps fit the budget")
        if step % args.log_every == 0 or step == schedule.total:
            seconds = time.time() - train_start
            scores = {
                "step": step,
                "loss": round(float(running) / since_log, 4),
                "lr": scheduler.get_last_lr()[0],
                "seconds": round(seconds, 1),
            }
            running.zero_()
            since_log = 0
            if step % args.save_every == 0 or step == schedule.total:
                scores["held_out_loss"] = round(evaluate(), 4)
                if not scores["held_out_loss"] >= best:  # NaN (nothing held out) saves too
                    best = scores["held_out_loss"]
                    scores["saved_bytes"] = save()
                    saved = dict(scores)
            log.write(json.dumps(scores) + "\n")
            log.flush()
            log_line(json.dumps(scores))
    log.close()
    seconds = time.time() - train_start
    summary = {
        **saved,
        "last": scores,
        "steps": step,
        "train_seconds": round(seconds, 1),
        "pieces_per_second": round(int(seen) / max(seconds, 1e-9)),
        "training_sequences": len(train_seqs),
        "training_pieces": n_pieces,
        "held_out_sequences": n_held,
        "device": torch.cuda.get_device_name() if device.startswith("cuda") else device,
        "torch": torch.__version__,
        "args": {k: str(v) for k, v in vars(args).items()},
    }
    (out_dir / "mlm.json").write_text(json.dumps(summary, indent=2), encoding="utf8")
    return summary


def log_line(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def add_model_arguments(p: argparse.ArgumentParser) -> None:
    """The model and training options, shared with ``khabar.build.encoder``."""
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--intermediate", type=int, default=None, help="default: 4 × hidden")
    p.add_argument("--max-length", type=int, default=128, help="pieces per training sequence")
    p.add_argument("--max-position", type=int, default=512)
    p.add_argument("--steps", type=int, default=20_000)
    p.add_argument("--max-seconds", type=float, default=0.0, help="time budget; 0: none")
    p.add_argument("--reserve-seconds", type=float, default=30.0, help="kept for the last save")
    p.add_argument("--calibration-steps", type=int, default=200)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--warmup", type=int, default=1_000)
    p.add_argument("--mlm-probability", type=float, default=0.15)
    p.add_argument("--held-out", type=float, default=0.01, help="share of sequences")
    p.add_argument("--log-every", type=int, default=100)
    p.add_argument("--save-every", type=int, default=2_000)
    p.add_argument("--max-shard-size", type=int, default=16_000_000, help="bytes per file")
    p.add_argument("--dtype", choices=["float16", "bfloat16", "float32"], default="float16")
    p.add_argument("--device", choices=["cpu", "cuda"], default=None, help="default: cuda if any")
    p.add_argument("--seed", type=int, default=0)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("data_dir", type=Path, help=f"holds {TOKENIZER_FILE} and {TEXTS_FILE}")
    p.add_argument("out_dir", type=Path)
    add_model_arguments(p)
    args = p.parse_args(argv)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "true")
    train(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
