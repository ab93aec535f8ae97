"""Corpus statistics per split, so the README and progress reports quote real counts.

Exposes ``add_arguments`` and ``run`` for a ``khabar corpus stats`` subcommand;
``python -m khabar.corpus.stats`` runs it standalone.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..scoring import normalize_name
from .standoff import ANNOTATIONS_DIR, SPLITS, load_corpus


def split_stats(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Counts for one group of contract records (with ``text``)."""
    docs = tokens = prodrop = no_quotes = 0
    kinds: Counter[str] = Counter()
    speakers: set[str] = set()
    event_types: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    for rec in records:
        docs += 1
        tokens += len(rec["text"].split())
        no_quotes += not rec["quotes"]
        for quote in rec["quotes"]:
            kinds[quote["kind"]] += 1
            prodrop += quote.get("speaker") is None
            if quote.get("speaker_name"):
                speakers.add(normalize_name(quote["speaker_name"]))
        for event in rec["events"]:
            event_types[event["type"]] += 1
            roles.update(arg["role"] for arg in event["arguments"])
        labels.update(ent["label"] for ent in rec["entities"])
    return {
        "documents": docs,
        "documents_without_quotes": no_quotes,
        "tokens": tokens,
        "quotes": sum(kinds.values()),
        "quotes_by_kind": dict(kinds.most_common()),
        "distinct_speakers": len(speakers),
        "prodrop_quotes": prodrop,
        "events": sum(event_types.values()),
        "events_by_type": dict(event_types.most_common()),
        "arguments_by_role": dict(roles.most_common()),
        "entities": sum(labels.values()),
        "entities_by_label": dict(labels.most_common()),
    }


def corpus_stats(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``split_stats`` for each split and for the whole corpus (``all``)."""
    stats = {split: split_stats(r for r in records if r["split"] == split) for split in SPLITS}
    stats["all"] = split_stats(records)
    return stats


def format_table(stats: dict[str, dict[str, Any]]) -> str:
    """A plain-text table: scalar counts as rows, then the breakdowns per split."""
    columns = list(stats)
    scalars = [k for k, v in stats["all"].items() if isinstance(v, int)]
    lines = ["".ljust(32) + "".join(c.rjust(8) for c in columns)]
    lines += [k.ljust(32) + "".join(str(stats[c][k]).rjust(8) for c in columns) for k in scalars]
    for key in (k for k, v in stats["all"].items() if isinstance(v, dict)):
        lines.append(f"{key}:")
        for item in stats["all"][key]:
            counts = "".join(str(stats[c][key].get(item, 0)).rjust(8) for c in columns)
            lines.append(f"  {item}".ljust(32) + counts)
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder", nargs="?", type=Path, default=ANNOTATIONS_DIR, help="stand-off folder"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def run(args: argparse.Namespace) -> int:
    stats = corpus_stats(load_corpus(args.folder))
    print(json.dumps(stats, ensure_ascii=False, indent=1) if args.json else format_table(stats))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
