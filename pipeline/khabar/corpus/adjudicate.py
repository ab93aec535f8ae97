"""Apply an adjudication pass to the stand-off annotations: ``python -m khabar.corpus.adjudicate
DECISIONS.jsonl [--annotations corpus/annotations]``.

A decisions file has one line per reviewed item: ``id`` (document), ``trigger`` (offsets),
``decision`` (``add`` or ``skip``) and ``reason``; an ``add`` also carries ``type`` and
``arguments`` (``role`` and ``span`` offsets), i.e. a contract event. Added events are
appended to the document's line in whichever annotation file holds it; an event whose
trigger is already annotated there is left alone (so the command can be rerun). Files are
rewritten atomically. The decisions themselves hold offsets and reasons only, no text, so
they can be kept in ``corpus/agreement/`` as the record of the pass.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from .standoff import ANNOTATIONS_DIR, standoff_files


def read_decisions(path: Path) -> list[dict[str, Any]]:
    """The decision lines of ``path``; a malformed one raises with ``file:line``."""
    decisions = []
    with path.open(encoding="utf8") as f:
        for lineno, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            try:
                item = json.loads(raw)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{lineno}: invalid JSON: {err.msg}") from err
            if item.get("decision") not in ("add", "skip") or not isinstance(item.get("id"), str):
                raise ValueError(f"{path}:{lineno}: needs a string 'id' and decision add/skip")
            if item["decision"] == "add" and not (item.get("type") and "trigger" in item):
                raise ValueError(f"{path}:{lineno}: an 'add' needs 'trigger' and 'type'")
            for arg in item.get("arguments", []):
                if not (isinstance(arg, dict) and arg.get("role") and "span" in arg):
                    raise ValueError(f"{path}:{lineno}: every argument needs 'role' and 'span'")
            decisions.append(item)
    return decisions


def as_event(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "trigger": list(item["trigger"]),
        "type": item["type"],
        "arguments": [
            {"role": a["role"], "span": list(a["span"])} for a in item.get("arguments", [])
        ],
    }


def apply_events(decisions: list[dict[str, Any]], folder: Path) -> Counter:
    """Append the added events to their documents' lines; returns what happened."""
    adds: dict[str, list[dict[str, Any]]] = {}
    for item in decisions:
        if item["decision"] == "add":
            adds.setdefault(item["id"], []).append(as_event(item))
    counts: Counter = Counter()
    for path in standoff_files(folder):
        lines = path.read_text(encoding="utf8").splitlines()
        changed = False
        for n, raw in enumerate(lines):
            if not raw.strip():
                continue
            data = json.loads(raw)
            new = adds.pop(data.get("id"), None)
            if not new:
                continue
            have = {tuple(e["trigger"]) for e in data.get("events", [])}
            added = 0
            for event in new:
                if tuple(event["trigger"]) in have:
                    counts["already annotated"] += 1
                    continue
                data.setdefault("events", []).append(event)
                have.add(tuple(event["trigger"]))
                added += 1
            if added:
                counts["added"] += added
                data["events"].sort(key=lambda e: tuple(e["trigger"]))
                lines[n] = json.dumps(data, ensure_ascii=False)
                changed = True
        if changed:
            tmp = path.with_suffix(".jsonl.partial")
            tmp.write_text("\n".join(lines) + "\n", encoding="utf8")
            os.replace(tmp, path)
    counts["document not found"] = sum(len(v) for v in adds.values())
    return counts


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("decisions", type=Path, nargs="+")
    p.add_argument("--annotations", type=Path, default=ANNOTATIONS_DIR)
    args = p.parse_args(argv)
    decisions = [d for path in args.decisions for d in read_decisions(path)]
    counts = apply_events(decisions, args.annotations)
    kinds = Counter(d["decision"] for d in decisions)
    print(f"{len(decisions)} decisions ({dict(kinds)}): {dict(counts)}", file=sys.stderr)
    return 1 if counts["document not found"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
