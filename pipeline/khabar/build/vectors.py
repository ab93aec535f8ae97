"""Train floret vectors on the raw news of ``../shared/corpora``.

Run: ``python -m khabar.build.vectors OUT_DIR [--max-words N] [--dim 100] ...``.
The text is tokenized with the pipeline's own tokenizer so vector keys match the
tokens the model sees. ``spacy init vectors --mode floret`` then turns
``OUT_DIR/vectors.floret`` into a spaCy vectors model in ``OUT_DIR/model``.
floret trains with several threads, so two runs give slightly different vectors;
the text file and the settings are deterministic.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import spacy

from ..corpus.raw_news import RAW_NEWS_SOURCES, iter_raw_news


def write_tokenized_text(out_path: Path, max_words: int, sources: list[str]) -> int:
    """One article per line, tokens separated by spaces; returns the number of words."""
    nlp = spacy.blank(
        "ar", config={"nlp": {"tokenizer": {"@tokenizers": "khabar.ArabicTokenizer.v1"}}}
    )
    n_words = 0
    tmp = out_path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf8") as f:
        texts = (a.text for a in iter_raw_news(sources))
        for doc in nlp.tokenizer.pipe(texts, batch_size=256):
            tokens = [t.text for t in doc if not t.is_space]
            f.write(" ".join(tokens) + "\n")
            n_words += len(tokens)
            if n_words >= max_words:
                break
    tmp.replace(out_path)
    return n_words


def train_floret(text_path: Path, out_stem: Path, args: argparse.Namespace) -> None:
    import floret

    model = floret.train_unsupervised(
        str(text_path),
        model="cbow",
        mode="floret",
        dim=args.dim,
        minCount=args.min_count,
        minn=args.minn,
        maxn=args.maxn,
        hashCount=args.hash_count,
        bucket=args.bucket,
        epoch=args.epoch,
        thread=args.threads,
    )
    model.save_floret_vectors(str(out_stem) + ".floret")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out_dir", type=Path)
    p.add_argument("--sources", nargs="+", default=list(RAW_NEWS_SOURCES))
    p.add_argument("--max-words", type=int, default=20_000_000)
    p.add_argument("--dim", type=int, default=100)
    p.add_argument("--bucket", type=int, default=50_000)
    p.add_argument("--minn", type=int, default=3)
    p.add_argument("--maxn", type=int, default=5)
    p.add_argument("--hash-count", type=int, default=2)
    p.add_argument("--min-count", type=int, default=5)
    p.add_argument("--epoch", type=int, default=5)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    text_path = args.out_dir / "raw_news.tok.txt"
    if not text_path.exists():
        n = write_tokenized_text(text_path, args.max_words, args.sources)
        print(f"wrote {n} words to {text_path}", file=sys.stderr)
    train_floret(text_path, args.out_dir / "vectors", args)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "init",
            "vectors",
            "ar",
            str(args.out_dir / "vectors.floret"),
            str(args.out_dir / "model"),
            "--mode",
            "floret",
        ],
        check=True,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
