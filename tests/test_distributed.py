"""Annotation on a real local Dask cluster gives the single-process output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.cli import main
from tests.conftest import rule_pipeline

pytest.importorskip("distributed")

ARTICLES = [
    "قال وزير الخارجية خالد سالم إن «المحادثات كانت مثمرة». وعقد اجتماعا في عمان أمس.",
    "أعلنت الشرطة اعتقال ثلاثة أشخاص بعد هجوم في بغداد.",
    "وأكدت المتحدثة أن الوزارة ستواصل عملها.",
    "",
]


@pytest.fixture()
def small_model(tmp_path: Path) -> Path:
    nlp = rule_pipeline({"عمان": "GPE", "خالد سالم": "PER"})
    nlp.to_disk(tmp_path / "model")
    return tmp_path / "model"


@pytest.mark.slow
def test_dask_local_cluster_matches_single_process(tmp_path: Path, small_model: Path, capsys):
    inputs = tmp_path / "archive"
    inputs.mkdir()
    lines = [
        json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False)
        for i, t in enumerate(ARTICLES * 3)
    ]
    for n, chunk in enumerate((lines[:5], lines[5:9], lines[9:])):
        (inputs / f"day-{n}.jsonl").write_text("\n".join(chunk) + "\n", encoding="utf8")
    single = tmp_path / "single.jsonl"
    (tmp_path / "all.jsonl").write_text("\n".join(lines) + "\n", encoding="utf8")
    assert (
        main(
            [
                "annotate",
                str(tmp_path / "all.jsonl"),
                "-o",
                str(single),
                "--quiet",
                "--model",
                str(small_model),
            ]
        )
        == 0
    )
    out = tmp_path / "out"
    assert (
        main(
            [
                "annotate-dask",
                str(inputs / "*.jsonl"),
                "-o",
                str(out),
                "--workers",
                "2",
                "--model",
                str(small_model),
            ]
        )
        == 0
    )
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) == 3
    distributed = "".join(p.read_text(encoding="utf8") for p in parts)
    assert distributed == single.read_text(encoding="utf8")
    assert any(json.loads(x)["quotes"] for x in distributed.splitlines())
