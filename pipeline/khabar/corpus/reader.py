"""``khabar.ContractCorpus.v1``: annotated articles as training examples for ``spacy train``.

By default it reads our corpus, the stand-off annotations with their texts from
``../shared`` (``load_corpus``). ``annotations`` may instead name a JSONL or JSON file of
contract records that carry their own ``text`` (ANNOTATION.md; the format ``khabar
annotate`` writes), so users retrain on their own annotated articles. One Example per
article: the predicted side is the bare tokenized text, the reference carries the gold
entities, quotes and events (``set_annotations_from_record``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.training import Example
from spacy.util import registry

from ..contract import set_annotations_from_record
from ..jsonl import InputError, read_documents
from .standoff import load_corpus


def _load_records(split: str, annotations: str | None, shared: str | None) -> list[dict[str, Any]]:
    if annotations and annotations.endswith((".jsonl", ".json", ".gz")):
        records = []
        for item in read_documents(annotations):
            if isinstance(item, InputError):
                raise ValueError(f"{item}")
            if split in ("", "all") or item.get("split", split) == split:
                records.append(item)
        return records
    return load_corpus(annotations, split, Path(shared) if shared else None)


@registry.readers("khabar.ContractCorpus.v1")
def create_contract_corpus(
    split: str, annotations: str | None = None, shared: str | None = None, limit: int = 0,
    extra: str | list[str] | None = None,
) -> Callable[[Language], Iterator[Example]]:
    """Examples of one split (``train``/``dev``/``test``; records of a file without a
    ``split`` field belong to every split). ``annotations`` is the stand-off folder
    (default ``corpus/annotations``) or a file of records with texts; ``shared`` the
    shared corpora folder; ``limit`` keeps the first articles only (0: all); ``extra``
    a file of records, or a list of files, added as they are; every event in them must be
    annotated, since what is not marked is learned as no event."""
    records: list[dict[str, Any]] | None = None

    def read(nlp: Language) -> Iterator[Example]:
        nonlocal records
        if records is None:
            records = _load_records(split, annotations, shared)
            if limit:
                records = records[:limit]
            for path in [extra] if isinstance(extra, str) else extra or []:
                records += _load_records("all", path, None)
        for record in records:
            reference = set_annotations_from_record(nlp.make_doc(record["text"]), record)
            yield Example(nlp.make_doc(record["text"]), reference)

    return read
