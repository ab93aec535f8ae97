"""ANERcorp (Benajiba & Rosso) in the CAMeL-style train/test split, mapped to our labels.

Label mapping (ANNOTATION.md labels): PERS→PER, ORG→ORG, MISC→MISC, and LOC→GPE,
because almost all ANERcorp locations in news are countries, cities and regions;
evaluation on ANERcorp maps GPE/LOC/FAC back to LOC (``ANERCORP_EVAL_MAP``).

Split (deterministic, by position, so that dev sentences come from documents the
model was not trained on): the reconstructed train file's last 10% of sentences
are ``dev``; the rest is ``train``; the reconstructed test file is ``test`` and is
never trained or tuned on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..paths import corpora_dir
from .iob import IobSentence, ReadReport, chunked_docs, read_iob, tail_split

ANERCORP_TO_KHABAR = {"PERS": "PER", "ORG": "ORG", "LOC": "GPE", "MISC": "MISC"}
# Our labels back onto ANERcorp's four classes; None: ANERcorp does not annotate it.
ANERCORP_EVAL_MAP: dict[str, str | None] = {
    "PER": "PERS",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "MISC": "MISC",
    "DATE": None,
    "TIME": None,
    "MONEY": None,
    "PERCENT": None,
    "QUANTITY": None,
}
DEV_FRACTION = 0.1
SENTS_PER_DOC = 10
FILES = {
    "train": "ANERCorp_reconstructed_CamelLab-style_train.txt",
    "test": "ANERCorp_reconstructed_CamelLab-style_test.txt",
}


def anercorp_sentences(
    split: str, root: Path | None = None, report: ReadReport | None = None
) -> list[IobSentence]:
    """Sentences of ``train``, ``dev`` or ``test`` (see the module docstring)."""
    folder = (root or corpora_dir()) / "anercorp"
    if split == "test":
        return list(read_iob(folder / FILES["test"], report))
    return tail_split(list(read_iob(folder / FILES["train"], report)), split, DEV_FRACTION)


def anercorp_docs(
    vocab: Vocab, split: str, root: Path | None = None, report: ReadReport | None = None
) -> Iterator[Doc]:
    """Evaluation docs: 10 sentences each, every entity kept (nothing marked missing)."""
    sents = anercorp_sentences(split, root, report)
    yield from chunked_docs(vocab, sents, SENTS_PER_DOC, ANERCORP_TO_KHABAR)
