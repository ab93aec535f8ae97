"""Run the pipeline over documents and produce contract records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language

from .about import MODEL_NAME
from .contract import doc_to_record
from .jsonl import InputError

MAX_DOC_CHARS = 5_000_000
# Measured (benchmarks/run.py): 32 documents a batch is as fast as 256 and keeps the
# peak memory of a news stream near 0.75 GB instead of 1.5 GB.
DEFAULT_BATCH_SIZE = 32


def load_pipeline(name_or_path: str | None = None, **kwargs: Any) -> Language:
    """``spacy.load`` with a limit on document length suited to long news archives."""
    nlp = spacy.load(name_or_path or MODEL_NAME, **kwargs)
    nlp.max_length = max(nlp.max_length, MAX_DOC_CHARS)
    return nlp


def annotate_documents(
    nlp: Language,
    items: Iterable[dict[str, Any] | InputError],
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[dict[str, Any] | InputError]:
    """Yield each input object with ``entities``, ``quotes`` and ``events`` added.

    Input errors and documents too long for the pipeline are passed through as
    ``InputError`` so the caller can report them and carry on."""

    def texts() -> Iterator[tuple[str, Any]]:
        for item in items:
            if isinstance(item, InputError):
                pending.append(item)
            elif len(item["text"]) > nlp.max_length:
                pending.append(
                    InputError(
                        f"document {item.get('id', '?')!r}",
                        None,
                        f"text of {len(item['text'])} characters is longer "
                        f"than the limit of {nlp.max_length}",
                    )
                )
            else:
                yield item["text"], item

    pending: list[InputError] = []
    for doc, item in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        while pending:
            yield pending.pop(0)
        yield {**item, **doc_to_record(doc)}
    while pending:
        yield pending.pop(0)
