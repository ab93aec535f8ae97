"""Convert UD Arabic-PADT to v2 train/tune/test: ``python -m khabar.build.ud_data OUT_DIR``.

Writes ``OUT_DIR/{train,tune,test}.conllu`` (UD v2, unvocalised, ``# text`` and multiword
token lines from the reconstructed raw text) and ``OUT_DIR/{train,tune,test}.spacy`` (one Doc
per document, one token per syntactic word), split by document as in
``corpus/ud_padt_split.json``, and prints the counts and how well the reconstruction agrees
with any ground-truth text in the source.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from ..corpus import padt


def agreement_report(version: str) -> str:
    """The reconstruction rules against the MWT lines / ``# text`` of the source files."""
    agreement = padt.Agreement()
    for name in ("ar-ud-dev.conllu", "ar-ud-test.conllu"):
        for sentence in padt.read_conllu(padt.padt_dir(version) / name):
            agreement.add(padt.convert_sentence(sentence))
    return agreement.summary()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out_dir", type=Path)
    p.add_argument(
        "--version", default=padt.DEFAULT_VERSION, choices=["r1.2", padt.DEFAULT_VERSION]
    )
    args = p.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("ar")
    for split, sentences in padt.load_padt(args.version).items():
        padt.write_conllu(sentences, args.out_dir / f"{split}.conllu")
        docs = padt.documents_to_docs(nlp.vocab, sentences)
        DocBin(docs=docs, store_user_data=True).to_disk(args.out_dir / f"{split}.spacy")
        n_words = sum(len(s.sentence.words) for s in sentences)
        n_tokens = sum(len(s.surface.tokens) for s in sentences)
        print(
            f"{split}: {len(docs)} documents, {len(sentences)} sentences, "
            f"{n_tokens} tokens, {n_words} syntactic words",
            file=sys.stderr,
        )
    print(f"reconstruction agreement: {agreement_report(args.version)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
