"""Pretrain the pipeline's tok2vec on the raw news with ``spacy pretrain``.

``python -m khabar.build.pretrain OUT_DIR [--config configs/ner.cfg] [--max-words N]``

The settings are the ``[pretraining]`` section of the config: the characters
objective (predict each token's first and last letters from its context) needs
no labels, so the tok2vec learns from millions of words of news
before the NER, tagger and parser see their few thousand annotated sentences.
The text is the raw news of ``../shared/corpora`` without the articles of our
corpus's test split. The tokens are those the trained pipeline sees: the
clitic tokenizer with the segmenter of ``khabar.build.segmenter``, and the
floret vectors of ``khabar.build.vectors``. Weights go to ``OUT_DIR/model-last.bin``; training
configs load them with ``--paths.init_tok2vec``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from spacy import util
from spacy.training.pretrain import pretrain

from ..corpus.raw_news import RAW_NEWS_SOURCES, iter_raw_news
from ..corpus.select import selected_ids
from ..paths import REPO_ROOT


def write_raw_jsonl(path: Path, max_words: int, exclude: set[str], stride: int = 1) -> int:
    """``{"text": ...}`` lines of raw news articles, skipping ``exclude``; with ``stride``
    k, every k-th article (so that ``max_words`` reaches the later sources too); returns
    words."""
    n_words = 0
    with util.make_tempdir() as tmp_dir:
        tmp = tmp_dir / path.name
        with tmp.open("w", encoding="utf8") as f:
            for i, article in enumerate(iter_raw_news(RAW_NEWS_SOURCES)):
                if i % stride or article.id in exclude:
                    continue
                f.write(json.dumps({"text": article.text}, ensure_ascii=False) + "\n")
                n_words += len(article.text.split())
                if n_words >= max_words:
                    break
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.replace(path)
    return n_words


def pretrain_config(args: argparse.Namespace, raw_path: Path) -> util.Config:
    """The training config with its ``[pretraining]`` settings, limited to the tok2vec."""
    config = util.load_config(args.config)
    config["paths"].update(
        raw_text=str(raw_path), segmenter=str(args.segmenter), vectors=str(args.vectors)
    )
    config["nlp"]["pipeline"] = [config["pretraining"]["component"]]
    return config.interpolate()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out_dir", type=Path)
    p.add_argument("--config", type=Path, default=REPO_ROOT / "configs" / "ner.cfg")
    p.add_argument("--segmenter", type=Path, default=Path("training/segmenter/segmenter.json"))
    p.add_argument("--vectors", type=Path, default=Path("training/vectors/model"))
    p.add_argument("--max-words", type=int, default=5_000_000)
    args = p.parse_args(argv)
    raw_path = args.out_dir / "raw_news.jsonl"
    if not raw_path.exists():
        n = write_raw_jsonl(raw_path, args.max_words, selected_ids("test"))
        print(f"wrote {n} words to {raw_path}", file=sys.stderr)
    config = pretrain_config(args, raw_path)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    config.to_disk(args.out_dir / "config.cfg")
    pretrain(config, args.out_dir, silent=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
