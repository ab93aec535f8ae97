"""Stream the raw news articles of ``../shared/corpora`` with stable document ids.

The ids are what our stand-off annotations and benchmark samples refer to:
``ant_multisource:<docno>``, ``ant_v1.1:<docno>`` and
``saudinewsnet:<YYYY-MM-DD>#<index in that day's JSON array>``.
"""

from __future__ import annotations

import gzip
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..paths import corpora_dir

RAW_NEWS_SOURCES = ("ant_multisource", "ant_v1.1", "saudinewsnet")


@dataclass(frozen=True)
class RawArticle:
    id: str
    text: str
    source: str
    title: str | None = None


def normalize_article_text(text: str) -> str:
    """Paragraphs separated by a single ``\\n``, each stripped; as ANNOTATION.md asks."""
    paragraphs = (p.strip() for p in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(p for p in paragraphs if p)


def _iter_ant(path: Path, prefix: str) -> Iterator[RawArticle]:
    with gzip.open(path, "rt", encoding="utf8") as f:
        for line in f:
            obj = json.loads(line)
            text = normalize_article_text(obj.get("text") or "")
            if text:
                source = obj.get("src") or prefix
                yield RawArticle(f"{prefix}:{obj['docno']}", text, source, obj.get("title"))


def _iter_saudinewsnet(folder: Path) -> Iterator[RawArticle]:
    for zpath in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in sorted(z.namelist()):
                day = Path(name).stem
                for i, obj in enumerate(json.loads(z.read(name))):
                    text = normalize_article_text(obj.get("content") or "")
                    if text:
                        yield RawArticle(
                            f"saudinewsnet:{day}#{i}",
                            text,
                            obj.get("source") or "",
                            obj.get("title"),
                        )


def iter_raw_news(
    sources: Iterable[str] = RAW_NEWS_SOURCES, root: Path | None = None
) -> Iterator[RawArticle]:
    """Yield articles of the given raw-news sources in a fixed order."""
    root = root or corpora_dir()
    for source in sources:
        if source == "ant_multisource":
            yield from _iter_ant(
                root / "ant_corpus_multisource_v2.1" / "ant_multisource_v2.1.jsonl.gz", source
            )
        elif source == "ant_v1.1":
            yield from _iter_ant(root / "ant_corpus_v1.1" / "ant_v1.1_jawharafm.jsonl.gz", source)
        elif source == "saudinewsnet":
            yield from _iter_saudinewsnet(root / "saudinewsnet" / "dataset")
        else:
            raise ValueError(f"unknown raw news source {source!r}; known: {RAW_NEWS_SOURCES}")
