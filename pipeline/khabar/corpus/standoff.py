"""Stand-off storage of our annotated corpus: annotations in the repo, texts in ``../shared``.

The article texts are not ours to redistribute, so each JSONL line of
``corpus/annotations/*.jsonl`` holds only the raw-news id, the SHA-1 of the text
the offsets were made on, the split and the annotations. Loading resolves the
texts through ``iter_raw_news`` and refuses a text whose checksum changed, because
every offset would silently point at the wrong characters.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..paths import REPO_ROOT
from .raw_news import RAW_NEWS_SOURCES, RawArticle, iter_raw_news

ANNOTATIONS_DIR = REPO_ROOT / "corpus" / "annotations"
SPLITS = ("train", "dev", "test")
ANNOTATION_KEYS = ("entities", "quotes", "events")
# id prefix of iter_raw_news -> folder name of the corpus in ../shared/corpora
CORPUS_NAMES = {
    "ant_multisource": "ant_corpus_multisource_v2.1",
    "ant_v1.1": "ant_corpus_v1.1",
    "saudinewsnet": "saudinewsnet",
}


class StandoffError(ValueError):
    """A stand-off line that cannot be turned into a record; the message says where."""


@dataclass(frozen=True)
class StandoffLine:
    """One parsed line of a stand-off file, with where it came from for error messages."""

    path: Path
    line: int
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.data.get("id"))

    def where(self) -> str:
        return f"{self.path}:{self.line}: {self.id}"


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf8")).hexdigest()


def id_prefix(doc_id: str) -> str:
    """The raw-news source of an id (``ant_multisource``, ``ant_v1.1``, ``saudinewsnet``)."""
    prefix = doc_id.split(":", 1)[0]
    if prefix not in RAW_NEWS_SOURCES:
        raise StandoffError(f"{doc_id}: id does not start with one of {RAW_NEWS_SOURCES}")
    return prefix


def to_standoff(record: dict[str, Any], split: str) -> dict[str, Any]:
    """The stand-off line of a contract record (which must carry ``id`` and ``text``)."""
    if split not in SPLITS:
        raise StandoffError(f"{record.get('id')}: split must be one of {SPLITS}, got {split!r}")
    doc_id = str(record["id"])
    return {
        "id": doc_id,
        "corpus": CORPUS_NAMES[id_prefix(doc_id)],
        "sha1": text_sha1(record["text"]),
        "split": split,
        **{key: list(record.get(key, [])) for key in ANNOTATION_KEYS},
    }


def standoff_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.jsonl"))


def read_standoff(folder: Path) -> Iterator[StandoffLine | StandoffError]:
    """Lines of every ``*.jsonl`` of ``folder``; an unreadable line becomes a StandoffError."""
    for path in standoff_files(folder):
        with path.open(encoding="utf8") as f:
            for lineno, raw in enumerate(f, start=1):
                if not raw.strip():
                    continue
                try:
                    data = json.loads(raw)
                except json.JSONDecodeError as err:
                    yield StandoffError(f"{path}:{lineno}: invalid JSON: {err.msg}")
                    continue
                if not isinstance(data, dict) or not isinstance(data.get("id"), str):
                    yield StandoffError(f"{path}:{lineno}: expected an object with a string 'id'")
                    continue
                yield StandoffLine(path, lineno, data)


def resolve_texts(ids: Iterable[str], root: Path | None = None) -> dict[str, RawArticle]:
    """The raw articles of ``ids``, reading only their sources and stopping once all are found."""
    wanted = set(ids)
    sources = sorted({id_prefix(i) for i in wanted}, key=RAW_NEWS_SOURCES.index)
    found: dict[str, RawArticle] = {}
    for source in sources:
        missing = {i for i in wanted if id_prefix(i) == source}
        for article in iter_raw_news([source], root=root):
            if article.id in missing:
                found[article.id] = article
                missing.discard(article.id)
                if not missing:
                    break
    return found


def attach_text(line: StandoffLine, article: RawArticle | None) -> dict[str, Any]:
    """The contract record of a stand-off line; raises if the text is missing or changed."""
    if article is None:
        raise StandoffError(f"{line.where()}: article not found in the shared corpora")
    expected = line.data.get("sha1")
    actual = text_sha1(article.text)
    if expected != actual:
        raise StandoffError(
            f"{line.where()}: SHA-1 mismatch (stand-off {expected}, shared text {actual}); "
            "the shared text changed, so the offsets cannot be trusted"
        )
    return {"text": article.text, "source": article.source, **line.data}


def load_corpus(
    folder: Path | str | None = None, split: str | None = None, root: Path | None = None
) -> list[dict[str, Any]]:
    """Contract records (with ``text``) of the stand-off files in ``folder``.

    ``split`` keeps only that split; ``root`` is the shared corpora folder."""
    folder = Path(folder) if folder else ANNOTATIONS_DIR
    lines = []
    for item in read_standoff(folder):
        if isinstance(item, StandoffError):
            raise item
        if split is None or item.data.get("split") == split:
            lines.append(item)
    articles = resolve_texts((line.id for line in lines), root=root)
    return [attach_text(line, articles.get(line.id)) for line in lines]
