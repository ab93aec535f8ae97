import json
import os
import stat

import pytest

from khabar.jsonl import InputError, ResumableOutput, atomic_output, read_documents


def test_malformed_lines_are_reported_with_line_numbers(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "a", "text": "نص"}\n{not json\n\n{"id": "c"}\n[1]\n'
        '{"id": "d", "text": "x", "k": 1}\n',
        encoding="utf8",
    )
    items = list(read_documents(str(path)))
    errors = [i for i in items if isinstance(i, InputError)]
    docs = [i for i in items if not isinstance(i, InputError)]
    assert [e.line for e in errors] == [2, 4, 5]
    assert str(errors[0]).startswith(f"{path}:2:")
    assert [d["id"] for d in docs] == ["a", "d"]
    assert docs[1]["k"] == 1


def test_txt_and_json_inputs(tmp_path):
    txt = tmp_path / "article.txt"
    txt.write_text("سطر\nسطر آخر", encoding="utf8")
    assert list(read_documents(str(txt))) == [{"id": "article", "text": "سطر\nسطر آخر"}]
    one = tmp_path / "doc.json"
    one.write_text(json.dumps({"id": "x", "text": "نص", "quotes": []}), encoding="utf8")
    assert list(read_documents(str(one)))[0]["id"] == "x"


def test_atomic_output_leaves_nothing_on_failure(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_output(str(out)) as f:
        f.write("partial\n")
        raise RuntimeError("crash")
    assert out.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [out]
    with atomic_output(str(out)) as f:
        f.write("new\n")
    assert out.read_text() == "new\n"


def test_atomic_output_has_the_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        with atomic_output(str(tmp_path / "out.jsonl")) as f:
            f.write("x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.jsonl").stat().st_mode) == 0o644


def test_resumable_output_keeps_progress_after_a_crash(tmp_path):
    dest = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt), ResumableOutput(str(dest)) as out:
        out.write({"id": "a", "text": "1"})
        out.write({"id": "b", "text": "2"})
        raise KeyboardInterrupt
    assert not dest.exists()
    partial = tmp_path / "out.jsonl.partial"
    with partial.open("a", encoding="utf8") as f:
        f.write('{"id": "c", "te')  # the line being written when the process died
    with ResumableOutput(str(dest), resume=True) as out:
        assert out.done_ids == {"a", "b"}
        out.write({"id": "c", "text": "3"})
    assert not partial.exists()
    assert [json.loads(x)["id"] for x in dest.read_text().splitlines()] == ["a", "b", "c"]


def test_resume_from_a_finished_output_appends(tmp_path):
    dest = tmp_path / "out.jsonl"
    dest.write_text('{"id": "a", "text": "1"}\n', encoding="utf8")
    with ResumableOutput(str(dest), resume=True) as out:
        assert out.done_ids == {"a"}
        out.write({"id": "b", "text": "2"})
    assert [json.loads(x)["id"] for x in dest.read_text().splitlines()] == ["a", "b"]
    with ResumableOutput(str(dest)) as out:  # without --resume the output starts afresh
        out.write({"id": "z", "text": "9"})
    assert [json.loads(x)["id"] for x in dest.read_text().splitlines()] == ["z"]
