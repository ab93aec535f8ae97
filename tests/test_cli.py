"""``khabar annotate`` and ``khabar evaluate`` end to end, as separate processes."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

EDGE_TEXTS = {
    "empty": "",
    "whitespace": "  \n\t \n ",
    "latin": "Only Latin text here. Nothing Arabic at all!",
    "diacritics": "قَالَ الوَزِيرُ إِنَّ الاِجْتِمَاعَ نَاجِحٌ.",
    "tatweel": "قـــال الرئيـــس: «نحن هنا».",
    "invisible": "\u200fقال\u200e \u202bالوزير\u202c\u200b إن «الأمر» محسوم\u2067.\u2069",
    "indic_digits": "قتل ٣ أشخاص في ٢٠٢٤/٠٥/١٢ بنسبة ٥٠٪.",
}


def khabar(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "khabar", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )


def assert_offsets_valid(record: dict) -> None:
    text = record["text"]

    def check(pair):
        s, e = pair
        assert 0 <= s < e <= len(text), (pair, len(text))
        assert text[s:e] == text[s:e].strip(), repr(text[s:e])

    for ent in record["entities"]:
        check((ent["start"], ent["end"]))
    for q in record["quotes"]:
        for key in ("content", "cue", "speaker"):
            if q[key]:
                check(q[key])
    for ev in record["events"]:
        check(ev["trigger"])
        for arg in ev["arguments"]:
            check(arg["span"])


def test_annotate_skips_a_malformed_line_and_fails_at_the_end(tmp_path: Path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "قال الوزير إن الوضع مستقر."}\n'
        '{"id": "b", "text": \n'
        '{"id": "c", "text": "وصل الرئيس إلى عمان.", "source": "x"}\n',
        encoding="utf8",
    )
    out = tmp_path / "out.jsonl"
    result = khabar("annotate", str(src), "-o", str(out))
    assert result.returncode == 1
    assert f"{src}:2:" in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf8").splitlines()]
    assert [r["id"] for r in records] == ["a", "c"]
    assert records[1]["source"] == "x"
    for r in records:
        assert_offsets_valid(r)


def test_annotate_hard_texts_and_a_one_megabyte_document(tmp_path: Path):
    paragraph = (
        "وقال المتحدث باسم الحكومة في بيان إن الاجتماع الذي عقد في بغداد أمس "
        "بحث «التعاون الأمني» بين البلدين، مؤكدا أهمية التنسيق.\n"
    )
    big = paragraph * (1_000_000 // len(paragraph.encode("utf8")) + 1)
    assert len(big.encode("utf8")) >= 1_000_000
    docs = [{"id": k, "text": v} for k, v in EDGE_TEXTS.items()] + [{"id": "big", "text": big}]
    stdin = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    result = khabar("annotate", "-", stdin=stdin)
    assert result.returncode == 0, result.stderr
    records = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert set(records) == set(EDGE_TEXTS) | {"big"}
    for doc in docs:
        assert records[doc["id"]]["text"] == doc["text"]
        assert_offsets_valid(records[doc["id"]])
    assert records["empty"]["entities"] == records["empty"]["quotes"] == []
    assert len(records["big"]["quotes"]) > 1000


def test_annotate_txt_file_to_stdout(tmp_path: Path):
    src = tmp_path / "article.txt"
    src.write_text("قال الوزير: «سنواصل العمل».", encoding="utf8")
    result = khabar("annotate", str(src))
    assert result.returncode == 0, result.stderr
    (record,) = map(json.loads, result.stdout.splitlines())
    assert record["id"] == "article" and record["quotes"][0]["kind"] == "direct"


def test_annotate_resume_skips_ids_already_written(tmp_path: Path):
    src = tmp_path / "in.jsonl.gz"
    docs = [{"id": str(i), "text": f"قال المتحدث إن الاجتماع رقم {i} انتهى."} for i in range(4)]
    with gzip.open(src, "wt", encoding="utf8") as f:
        f.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({**docs[0], "marker": "kept"}, ensure_ascii=False) + "\n")
    result = khabar("annotate", str(src), "-o", str(out), "--resume", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "1 documents already done" in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf8").splitlines()]
    assert [r["id"] for r in records] == ["0", "1", "2", "3"]
    assert records[0]["marker"] == "kept"  # not annotated again
