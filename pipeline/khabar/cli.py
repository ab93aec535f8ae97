"""The ``khabar`` command line: annotate, evaluate and demo (``python -m khabar --help``)."""

from __future__ import annotations

import argparse
import glob
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .about import MODEL_NAME, __version__
from .annotate import DEFAULT_BATCH_SIZE, annotate_documents, load_pipeline
from .jsonl import InputError, ResumableOutput, atomic_output, dumps, read_documents
from .report import format_entity_scores, format_scores, render_document

DEMO_ARTICLE = Path(__file__).resolve().parent / "data" / "demo_article.txt"


def _progress(args: argparse.Namespace) -> Any:
    """A tqdm bar on a terminal; disabled with --quiet or when stderr is not a TTY."""
    from tqdm import tqdm

    quiet = args.quiet or not sys.stderr.isatty()
    return tqdm(unit=" docs", disable=quiet, file=sys.stderr, smoothing=0.1)


def _annotate_to(
    write: Callable[[dict[str, Any]], None], args: argparse.Namespace, done_ids: set[str]
) -> tuple[int, int]:
    """Annotate ``args.input``, passing each result to ``write``; returns (ok, skipped)."""
    nlp = load_pipeline(args.model)
    items = (
        item
        for item in read_documents(args.input)
        if isinstance(item, InputError) or str(item.get("id")) not in done_ids
    )
    n_ok = n_bad = n_words = 0
    with _progress(args) as bar:
        for result in annotate_documents(nlp, items, args.batch_size, args.n_process):
            if isinstance(result, InputError):
                n_bad += 1
                print(f"error: {result} (skipped)", file=sys.stderr)
                continue
            write(result)
            n_ok += 1
            n_words += len(result["text"].split())
            bar.update(1)
            bar.set_postfix_str(
                f"{n_words / max(bar.format_dict['elapsed'], 1e-9):.0f} words/s", refresh=False
            )
    return n_ok, n_bad


def cmd_annotate(args: argparse.Namespace) -> int:
    if args.resume and args.output in (None, "-"):
        print("error: --resume needs an output file (-o)", file=sys.stderr)
        return 2
    if args.output in (None, "-"):
        n_ok, n_bad = _annotate_to(lambda r: print(dumps(r)), args, set())
    else:
        with ResumableOutput(args.output, resume=args.resume) as out:
            if out.done_ids:
                print(f"resuming: {len(out.done_ids)} documents already done", file=sys.stderr)
            n_ok, n_bad = _annotate_to(out.write, args, out.done_ids)
    print(f"annotated {n_ok} documents, {n_bad} skipped", file=sys.stderr)
    return 1 if n_bad else 0


def cmd_annotate_dask(args: argparse.Namespace) -> int:
    from .distributed import annotate_files

    inputs = sorted({m for pattern in args.inputs for m in glob.glob(pattern)})
    if not inputs:
        print(f"error: no input files match {args.inputs}", file=sys.stderr)
        return 2
    parts = annotate_files(inputs, args.output_dir, args.scheduler, args.workers, args.model)
    print(f"wrote {len(parts)} partitions to {args.output_dir}", file=sys.stderr)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .scoring import score_records

    gold: list[dict[str, Any]] = []
    for item in read_documents(args.gold):
        if isinstance(item, InputError):
            print(f"error: {item}", file=sys.stderr)
            return 2
        gold.append(item)
    nlp = load_pipeline(args.model)
    pred = list(annotate_documents(nlp, gold, args.batch_size))
    errors = [p for p in pred if isinstance(p, InputError)]
    if errors:
        for err in errors:
            print(f"error: {err}", file=sys.stderr)
        return 2
    scores = score_records(gold, pred)
    if args.output:
        with atomic_output(args.output) as out:
            out.write(json.dumps(scores, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(scores, indent=2, ensure_ascii=False) if args.json else format_scores(scores))
    return 0


def cmd_evaluate_ner(args: argparse.Namespace) -> int:
    from .ner_eval import evaluate_anercorp

    scores = evaluate_anercorp(load_pipeline(args.model), args.split)
    if args.output:
        with atomic_output(args.output) as out:
            out.write(json.dumps(scores, indent=2) + "\n")
    print(format_entity_scores(scores))
    return 0


def cmd_corpus_export(args: argparse.Namespace) -> int:
    from .corpus.standoff import load_corpus

    records = load_corpus(args.folder, split=args.split)
    if args.output.endswith(".spacy"):
        write_docbin(records, args.output, load_pipeline(args.model))
    else:
        with atomic_output(args.output) as out:
            out.writelines(dumps(r) + "\n" for r in records)
    print(f"wrote {len(records)} documents to {args.output}", file=sys.stderr)
    return 0


def write_docbin(records: Sequence[dict[str, Any]], path: str, nlp: Any) -> None:
    """Gold records as a DocBin (with user data: quotes and events) on ``nlp``'s tokens,
    so that ``spacy evaluate MODEL path`` reports the contract scores of our components."""
    from spacy.tokens import DocBin

    from .contract import set_annotations_from_record

    docs = DocBin(store_user_data=True)
    for record in records:
        docs.add(set_annotations_from_record(nlp.make_doc(record["text"]), record))
    with atomic_output(path, binary=True) as out:
        out.write(docs.to_bytes())


def cmd_corpus_validate(args: argparse.Namespace) -> int:
    from .corpus.validate import main as validate_main

    return validate_main([args.folder] if args.folder else [])


def cmd_demo(args: argparse.Namespace) -> int:
    path = Path(args.file) if args.file else DEMO_ARTICLE
    nlp = load_pipeline(args.model)
    print(render_document(nlp(path.read_text(encoding="utf8"))))
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from .render import render

    items = list(read_documents(args.input))
    errors = [item for item in items if isinstance(item, InputError)]
    docs = [item for item in items if not isinstance(item, InputError)]
    if not args.gold:
        results = list(annotate_documents(load_pipeline(args.model), docs))
        errors += [r for r in results if isinstance(r, InputError)]
        docs = [r for r in results if not isinstance(r, InputError)]
    for err in errors:
        print(f"error: {err} (skipped)", file=sys.stderr)
    with atomic_output(args.output) as out:
        out.write(render(docs, title=Path(args.input).name))
    print(f"rendered {len(docs)} documents, {len(errors)} skipped", file=sys.stderr)
    return 1 if errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="khabar", description=__doc__)
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("annotate", help="add entities, quotes and events to documents (JSONL out)")
    p.add_argument("input", help="JSONL(.gz) with 'id' and 'text', a .txt file, or - for stdin")
    p.add_argument(
        "-o",
        "--output",
        help="output JSONL (default: stdout); written to OUTPUT.partial, renamed at the end",
    )
    p.add_argument("--model", default=MODEL_NAME, help="installed model name or path")
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    p.add_argument("--n-process", type=int, default=1)
    p.add_argument(
        "--resume",
        action="store_true",
        help="skip ids already in OUTPUT (or its .partial file) and append the rest",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_annotate)

    p = sub.add_parser("annotate-dask", help="annotate many JSONL(.gz) files on a Dask cluster")
    p.add_argument("inputs", nargs="+", help="input files or glob patterns (one partition each)")
    p.add_argument("-o", "--output-dir", required=True, help="folder for part-NNNNN.jsonl")
    p.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    p.add_argument("--workers", type=int, default=2, help="local worker processes (no --scheduler)")
    p.add_argument("--model", default=MODEL_NAME)
    p.set_defaults(func=cmd_annotate_dask)

    p = sub.add_parser("evaluate", help="score the pipeline on gold documents (ANNOTATION.md)")
    p.add_argument("gold", help="gold JSONL (or one .json document) in the contract format")
    p.add_argument("--model", default=MODEL_NAME)
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--output", help="also write the scores as JSON here")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("evaluate-ner", help="NER on ANERcorp in its 4 classes (exact-span F1)")
    p.add_argument("--model", default=MODEL_NAME)
    p.add_argument("--split", default="test", choices=["train", "dev", "test"])
    p.add_argument("--output", help="also write the scores as JSON here")
    p.set_defaults(func=cmd_evaluate_ner)

    from . import ud_eval
    from .corpus import stats as corpus_stats

    p = sub.add_parser("evaluate-ud", help="CoNLL 2018-style scores from raw text (UD CoNLL-U)")
    ud_eval.add_arguments(p)
    p.set_defaults(func=ud_eval.run)

    corpus = sub.add_parser("corpus", help="our annotated news corpus (corpus/)")
    corpus_sub = corpus.add_subparsers(dest="corpus_command", required=True)
    p = corpus_sub.add_parser("stats", help="documents, quotes, events, entities per split")
    corpus_stats.add_arguments(p)
    p.set_defaults(func=corpus_stats.run)
    p = corpus_sub.add_parser(
        "export", help="write the corpus (texts resolved) as gold JSONL, or a .spacy DocBin"
    )
    p.add_argument("-o", "--output", required=True, help="*.jsonl, or *.spacy for spacy evaluate")
    p.add_argument("--model", default=MODEL_NAME, help="whose tokenizer makes the .spacy docs")
    p.add_argument("--split", choices=["train", "dev", "test"])
    p.add_argument("--folder", help="stand-off folder (default: corpus/annotations)")
    p.set_defaults(func=cmd_corpus_export)
    p = corpus_sub.add_parser("validate", help="check offsets, labels, roles and clitic rules")
    p.add_argument("folder", nargs="?", help="stand-off folder (default: corpus/annotations)")
    p.set_defaults(func=cmd_corpus_validate)
    from .corpus import silver as corpus_silver

    p = corpus_sub.add_parser(
        "silver", help="high-precision pipeline output on unselected raw news (silver JSONL)"
    )
    corpus_silver.add_arguments(p)
    p.set_defaults(func=corpus_silver.run)

    p = sub.add_parser("demo", help="print tokens, entities, quotes and events of an article")
    p.add_argument("file", nargs="?", help="a UTF-8 text file (default: our demo article)")
    p.add_argument("--model", default=MODEL_NAME)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("render", help="an HTML view (right to left) of entities, quotes and events")
    p.add_argument("input", help="a .txt file, a .json document (or list) or JSONL(.gz)")
    p.add_argument("-o", "--output", help="output HTML (default: stdout); written atomically")
    p.add_argument("--model", default=MODEL_NAME, help="installed model name or path")
    p.add_argument(
        "--gold",
        action="store_true",
        help="render the records' own entities, quotes and events (no model)",
    )
    p.set_defaults(func=cmd_render)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except OSError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
