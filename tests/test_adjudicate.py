import json
from pathlib import Path

import pytest

from khabar.corpus.adjudicate import apply_events, read_decisions


def write_jsonl(path: Path, items: list[dict]) -> None:
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), "utf8")


def test_added_events_land_on_their_document_once(tmp_path: Path) -> None:
    folder = tmp_path / "annotations"
    folder.mkdir()
    doc = {"id": "a", "split": "train", "entities": [], "quotes": [],
           "events": [{"trigger": [10, 15], "type": "Life.Die", "arguments": []}]}
    write_jsonl(folder / "batch.jsonl", [doc, {**doc, "id": "b", "events": []}])
    decisions = tmp_path / "decisions.jsonl"
    write_jsonl(decisions, [
        {"id": "a", "trigger": [2, 6], "decision": "add", "type": "Conflict.Attack",
         "arguments": [{"role": "Place", "span": [20, 25], "text": "x"}], "reason": "r"},
        {"id": "a", "trigger": [10, 15], "decision": "add", "type": "Life.Die", "reason": "r"},
        {"id": "b", "trigger": [0, 3], "decision": "skip", "reason": "generic"},
    ])
    counts = apply_events(read_decisions(decisions), folder)
    assert counts["added"] == 1 and counts["already annotated"] == 1
    lines = [json.loads(x) for x in (folder / "batch.jsonl").read_text("utf8").splitlines()]
    assert lines[0]["events"][0] == {"trigger": [2, 6], "type": "Conflict.Attack",
                                     "arguments": [{"role": "Place", "span": [20, 25]}]}
    assert lines[1]["events"] == []
    before = (folder / "batch.jsonl").read_bytes()
    again = apply_events(read_decisions(decisions), folder)  # rerunning changes nothing
    assert again["added"] == 0 and (folder / "batch.jsonl").read_bytes() == before


def test_malformed_decision_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    write_jsonl(path, [{"id": "a", "decision": "skip", "reason": "r"},
                       {"id": "a", "decision": "add"}])
    with pytest.raises(ValueError, match=r"d.jsonl:2"):
        read_decisions(path)
    write_jsonl(path, [{"id": "a", "decision": "add", "trigger": [0, 1], "type": "Life.Die",
                        "arguments": [{"role": "Victim"}]}])
    with pytest.raises(ValueError, match=r"d.jsonl:1: every argument"):
        read_decisions(path)
