import json

import pytest

from khabar.jsonl import InputError, atomic_output, read_documents


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
