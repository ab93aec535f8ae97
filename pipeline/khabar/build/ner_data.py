"""Convert the NER corpora to ``.spacy`` files: ``python -m khabar.build.ner_data OUT_DIR``.

Writes ``OUT_DIR/{split}/{source}.spacy`` for every source in
``khabar.corpus.ner_sources`` (splits: train, dev, test where the source has them),
so a config can point ``paths.train`` at ``OUT_DIR/train``, and prints what was read and
how many lines were dropped (with the first few). With ``--segmenter PATH`` (from
``khabar.build.segmenter``) the Docs are tokenized by the clitic tokenizer and the
entities moved onto its tokens (``khabar.corpus.resegment``).

Our own annotated news corpus (``corpus/``, the contract's 13 labels annotated in
full) is written as ``OUT_DIR/{train,dev}/khabar_corpus.spacy``, its train articles
``--corpus-copies`` times: it is the only source that follows our guidelines (e.g.
institutions as ORG) and about a tenth of the other sources' size. Its test split is
never written. ``--corpus-copies 0`` leaves it out (and removes an earlier run's file).
Entities that fall inside a token are marked missing there, not outside.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from ..contract import set_annotations_from_record
from ..corpus.iob import ReadReport
from ..corpus.ner_sources import SOURCES
from ..corpus.resegment import resegment
from ..corpus.standoff import load_corpus
from ..tokenizer import clitic_nlp


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out_dir", type=Path)
    p.add_argument("--sources", nargs="+", default=list(SOURCES), choices=list(SOURCES))
    p.add_argument("--segmenter", type=Path, default=None)
    p.add_argument("--corpus-copies", type=int, default=2)
    args = p.parse_args(argv)
    if args.corpus_copies < 0:
        p.error("--corpus-copies must be 0 or more")
    nlp = clitic_nlp(args.segmenter) if args.segmenter else spacy.blank("ar")
    if args.corpus_copies:
        write_corpus(nlp, args.out_dir, args.corpus_copies)
    else:  # a corpus file left by an earlier run would still be read by spacy train
        for split in ("train", "dev"):
            (args.out_dir / split / "khabar_corpus.spacy").unlink(missing_ok=True)
    for name in args.sources:
        for split in ("train", "dev", "test"):
            report = ReadReport()
            docs = list(SOURCES[name].docs(nlp.vocab, split, report=report))
            if not docs:
                continue
            if args.segmenter:
                docs = [resegment(doc, nlp.tokenizer) for doc in docs]
            out = args.out_dir / split / f"{name}.spacy"
            out.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs).to_disk(out)
            n_ents = sum(len(d.ents) for d in docs)
            print(
                f"{out}: {len(docs)} docs, {n_ents} entities; {report.summary(name)}",
                file=sys.stderr,
            )
            for lineno, line in report.dropped_lines[:5]:
                print(f"  dropped line {lineno}: {line!r}", file=sys.stderr)
    return 0


def write_corpus(nlp: Language, out_dir: Path, copies: int) -> None:
    """Our corpus's train (``copies`` times) and dev articles as Docs with gold entities."""
    for split, times in (("train", copies), ("dev", 1)):
        docs, misaligned = [], 0
        for record in load_corpus(None, split):
            doc = set_annotations_from_record(nlp.make_doc(record["text"]), record)
            misaligned += doc.user_data.pop("khabar.misaligned_entities")
            doc.user_data.clear()
            # an entity off token boundaries is unknown there, not outside any entity
            unknown = [span for e in record.get("entities", [])
                       if doc.char_span(e["start"], e["end"]) is None
                       and (span := doc.char_span(e["start"], e["end"],
                                                  alignment_mode="expand")) is not None]
            taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
            free = []
            for span in unknown:  # two entities inside one token expand to the same span
                if not taken.intersection(range(span.start, span.end)):
                    free.append(span)
                    taken.update(range(span.start, span.end))
            unknown = free
            if unknown:
                doc.set_ents(list(doc.ents), missing=unknown, default="unmodified")
            docs.append(doc)
        out = out_dir / split / "khabar_corpus.spacy"
        out.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs * times).to_disk(out)
        n_ents = sum(len(d.ents) for d in docs)
        print(
            f"{out}: {len(docs)} docs x{times}, {n_ents} entities; "
            f"{misaligned} entities off token boundaries left out",
            file=sys.stderr,
        )


if __name__ == "__main__":
    raise SystemExit(main())
