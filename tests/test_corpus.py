"""The stand-off corpus: loader round-trip, checksum errors, validator checks, CI check."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from khabar.corpus.raw_news import iter_raw_news
from khabar.corpus.standoff import (
    ANNOTATIONS_DIR,
    StandoffError,
    load_corpus,
    text_sha1,
    to_standoff,
)
from khabar.corpus.validate import proclitic_problem, record_problems, validate_folder

# A sentence written for these tests (not article text).
TEXT = "وقال الوزير خالد سالم إن الاجتماع في الكويت كان مثمرا.\nوأضاف: «سنواصل العمل»."


def _record(**changes: Any) -> dict[str, Any]:
    """A valid stand-off line for TEXT, with some fields replaced."""
    base = {
        "id": "saudinewsnet:2015-07-21#0",
        "corpus": "saudinewsnet",
        "sha1": text_sha1(TEXT),
        "split": "train",
        "entities": [
            {"start": TEXT.index("خالد"), "end": TEXT.index(" إن"), "label": "PER"},
            {"start": TEXT.index("الكويت"), "end": TEXT.index(" كان"), "label": "GPE"},
        ],
        "quotes": [
            {
                "content": [TEXT.index("الاجتماع"), TEXT.index(".")],
                "cue": [TEXT.index("قال"), TEXT.index("قال") + 3],
                "speaker": [TEXT.index("خالد"), TEXT.index(" إن")],
                "speaker_name": "خالد سالم",
                "kind": "indirect",
            }
        ],
        "events": [
            {
                "trigger": [TEXT.index("الاجتماع"), TEXT.index(" في")],
                "type": "Contact.Meet",
                "arguments": [
                    {"role": "Place", "span": [TEXT.index("الكويت"), TEXT.index(" كان")]}
                ],
            }
        ],
    }
    return {**base, **changes}


def _problems(**changes: Any) -> list[str]:
    return list(record_problems(_record(**changes), TEXT))


def test_valid_record_has_no_problems() -> None:
    assert _problems() == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"entities": [{"start": 0, "end": 999, "label": "PER"}]}, "out of range"),
        ({"entities": [{"start": 3, "end": 12, "label": "PER"}]}, "whitespace"),
        ({"entities": [{"start": 2, "end": 4, "label": "PER"}]}, "inside a word"),
        ({"entities": [{"start": 0, "end": 4, "label": "PER"}]}, "proclitic"),
        ({"entities": [{"start": 5, "end": 11, "label": "PERSON"}]}, "label"),
        ({"split": "validation"}, "split"),
        ({"corpus": "ant_corpus_v1.1"}, "does not match the id"),
        ({"sha1": "0" * 40}, "SHA-1 mismatch"),
    ],
)
def test_validator_catches_record_errors(changes: dict[str, Any], expected: str) -> None:
    assert any(expected in p for p in _problems(**changes)), _problems(**changes)


def test_validator_catches_quote_errors() -> None:
    quote = _record()["quotes"][0]
    empty = {**quote, "content": [10, 10]}
    assert any("empty content" in p for p in _problems(quotes=[empty]))
    assert any("kind" in p for p in _problems(quotes=[{**quote, "kind": "reported"}]))
    assert any("duplicate" in p for p in _problems(quotes=[quote, quote]))
    wawcue = {**quote, "cue": [0, 4]}  # وقال: the conjunction belongs outside
    assert any("proclitic" in p for p in _problems(quotes=[wawcue]))


def test_validator_catches_event_errors() -> None:
    event = _record()["events"][0]
    assert any("33 ACE" in p for p in _problems(events=[{**event, "type": "Contact.Greet"}]))
    bad_role = {**event, "arguments": [{"role": "Victim", "span": event["arguments"][0]["span"]}]}
    assert any("not allowed for Contact.Meet" in p for p in _problems(events=[bad_role]))


# Made-up sentence: foreign names that begin with و/ب/ك + ال without a clitic, then real
# proclitics (و + العراق, ب + الكويت, ل + الكويت, ك + التكرير, ك + اليهود).
NAMES = (
    "مرر والكوت إلى زميله في باليرمو ثم سافر إلى كاليفورنيا ودرس في كالتك "
    "ولبس من كالفين كلين قرب كاليه والعراق بالكويت للكويت كالتكرير كاليهود"
)


@pytest.mark.parametrize(
    ("word", "flagged"),
    [
        ("والكوت", False),
        ("باليرمو", False),
        ("كاليفورنيا", False),
        ("كالتك", False),
        ("كالفين كلين", False),
        ("كاليه", False),
        ("والعراق", True),
        ("بالكويت", True),
        ("للكويت", True),
        ("كالتكرير", True),
        ("كاليهود", True),
    ],
)
def test_proclitic_heuristic_accepts_listed_foreign_names(word: str, flagged: bool) -> None:
    start = NAMES.index(word)
    assert (proclitic_problem(NAMES, start, start + len(word)) is not None) == flagged


def test_validator_reports_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text('{"id": "nowhere:1"}\nnot json\n', encoding="utf8")
    problems = validate_folder(tmp_path)
    assert any(p.startswith(f"{tmp_path / 'bad.jsonl'}:1: nowhere:1: ") for p in problems)
    assert any(p.startswith(f"{tmp_path / 'bad.jsonl'}:2: invalid JSON") for p in problems)


@pytest.fixture(scope="module")
def real_article(shared: Path) -> dict[str, Any]:
    """The first JawharaFM article: the cheapest real text to resolve."""
    article = next(iter_raw_news(["ant_v1.1"]))
    first_word = article.text.split()[0]
    return {
        "id": article.id,
        "text": article.text,
        "entities": [{"start": 0, "end": len(first_word), "label": "MISC"}],
        "quotes": [],
        "events": [],
    }


def _write(folder: Path, *lines: dict[str, Any]) -> Path:
    path = folder / "tiny.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf8")
    return path


@pytest.mark.shared
def test_loader_round_trip(tmp_path: Path, real_article: dict[str, Any]) -> None:
    line = to_standoff(real_article, "dev")
    assert "text" not in line
    _write(tmp_path, line)
    [loaded] = load_corpus(tmp_path)
    assert loaded["text"] == real_article["text"]
    assert loaded["entities"] == real_article["entities"]
    assert loaded["split"] == "dev" and loaded["corpus"] == "ant_corpus_v1.1"
    assert load_corpus(tmp_path, split="train") == []


@pytest.mark.shared
def test_checksum_mismatch_names_file_and_line(
    tmp_path: Path, real_article: dict[str, Any]
) -> None:
    good = to_standoff(real_article, "train")
    path = _write(tmp_path, good, {**good, "sha1": "0" * 40})
    expected = re.escape(f"{path}:2: {good['id']}: SHA-1 mismatch")
    with pytest.raises(StandoffError, match=expected):
        load_corpus(tmp_path)


@pytest.mark.shared
def test_committed_corpus_is_valid(shared: Path) -> None:
    """The CI check: every stand-off file of corpus/annotations passes the validator."""
    assert validate_folder(ANNOTATIONS_DIR) == []
