"""The silver filter on hand-written records, and the raw-news stream skipping selected articles."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import khabar.contract
from khabar.corpus import silver
from khabar.corpus.raw_news import RawArticle
from khabar.corpus.select import SELECTION_FILE, selected_ids
from khabar.corpus.silver import (
    DEFAULT_SETTINGS,
    SilverStats,
    correct_events,
    correct_quotes,
    filter_record,
    iter_silver,
    wilson_lower_bound,
)
from khabar.corpus.standoff import text_sha1

TEXT = (
    'قال وزير الخارجية خالد الجارالله: "نحن ندعم الحوار دائما". '
    "وأكد الجارالله أن الكويت تدعم الحل. "
    'وقالت شركة أرامكو: "الأرباح ارتفعت كثيرا". '
    "وتوفي محمد علي أمس في الرياض بعد اجتماع الوزراء."
)


def span(sub: str, text: str = TEXT, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return [start, start + len(sub)]


def ent(sub: str, label: str, nth: int = 0, text: str = TEXT) -> dict[str, Any]:
    s, e = span(sub, text, nth)
    return {"start": s, "end": e, "label": label}


def quote(
    content: str, cue: str | None, speaker: str | None, name: str | None, kind: str,
    text: str = TEXT,
) -> dict:
    return {
        "content": span(content, text),
        "cue": span(cue, text) if cue else None,
        "speaker": span(speaker, text) if speaker else None,
        "speaker_name": name,
        "kind": kind,
    }


DIRECT = quote("نحن ندعم الحوار دائما", "قال", "خالد الجارالله", "خالد الجارالله", "direct")
ENTITIES = [
    ent("خالد الجارالله", "PER"),
    ent("الجارالله", "PER", nth=1),
    ent("الكويت", "GPE"),
    ent("شركة أرامكو", "ORG"),
    ent("محمد علي", "PER"),
    ent("الرياض", "GPE"),
]
DIE = {
    "trigger": span("توفي"),
    "type": "Life.Die",
    "arguments": [
        {"role": "Victim", "span": span("محمد علي")},
        {"role": "Place", "span": span("الرياض")},
    ],
}
MEET = {"trigger": span("اجتماع"), "type": "Contact.Meet", "arguments": []}


def record(quotes: Sequence[dict] = (), events: Sequence[dict] = (), entities=ENTITIES) -> dict:
    return {"entities": list(entities), "quotes": list(quotes), "events": list(events)}


def test_direct_quote_with_named_per_speaker_is_kept() -> None:
    kept = filter_record(record([DIRECT]), TEXT)
    assert kept["quotes"] == [DIRECT]
    # the speaker's PER mention comes along, other entities do not
    assert kept["entities"] == [ent("خالد الجارالله", "PER")]


def test_mixed_quote_is_kept_by_default_but_kinds_are_configurable() -> None:
    mixed = {**DIRECT, "kind": "mixed"}
    assert filter_record(record([mixed]), TEXT)["quotes"] == [mixed]
    only_direct = replace(DEFAULT_SETTINGS, quote_kinds=frozenset({"direct"}))
    assert filter_record(record([mixed]), TEXT, only_direct)["quotes"] == []


def test_indirect_quote_is_dropped() -> None:
    indirect = quote("الكويت تدعم الحل", "أكد", "الجارالله", "خالد الجارالله", "indirect")
    assert filter_record(record([indirect]), TEXT)["quotes"] == []


@pytest.mark.parametrize(
    "change",
    [
        {"speaker_name": None},  # the article never names the source
        {"cue": None},  # no cue word
        {"speaker": None},  # pro-drop: the speaker is not in the cue's sentence
        {"speaker": span("وزير")},  # the speaker mention is a title, not part of the name
        {"speaker_name": "سعيد حسن"},  # the name is not an entity of the document
    ],
)
def test_direct_quote_without_a_sure_named_speaker_is_dropped(change: dict) -> None:
    assert filter_record(record([{**DIRECT, **change}]), TEXT)["quotes"] == []


def test_org_and_one_word_speakers_are_dropped() -> None:
    org = quote("الأرباح ارتفعت كثيرا", "قالت", "شركة أرامكو", "شركة أرامكو", "direct")
    assert filter_record(record([org]), TEXT)["quotes"] == []
    with_org = replace(DEFAULT_SETTINGS, speaker_labels=frozenset({"PER", "ORG"}))
    assert filter_record(record([org]), TEXT, with_org)["quotes"] == [org]
    short = {**DIRECT, "speaker": span("الجارالله", nth=1), "speaker_name": "الجارالله"}
    assert filter_record(record([short]), TEXT)["quotes"] == []


def test_short_content_and_non_letter_names_are_dropped() -> None:
    short = {**DIRECT, "content": span("نحن ندعم")}
    assert filter_record(record([short]), TEXT)["quotes"] == []
    text = 'قال خالد لـ«الوطن»: "نحن ندعم الحوار دائما".'
    name = "خالد لـ«الوطن»"
    q = quote("نحن ندعم الحوار دائما", "قال", name, name, "direct", text)
    ents = [ent(name, "PER", text=text)]
    assert filter_record(record([q], entities=ents), text)["quotes"] == []
    letters_ok = replace(DEFAULT_SETTINGS, require_letter_name=False)
    assert filter_record(record([q], entities=ents), text, letters_ok)["quotes"] == [q]


def test_name_that_is_part_of_a_longer_entity_is_dropped() -> None:
    loose = replace(DEFAULT_SETTINGS, min_name_words=1)
    short = {**DIRECT, "speaker": span("الجارالله", nth=1), "speaker_name": "الجارالله"}
    assert filter_record(record([short]), TEXT, loose)["quotes"] == []
    alone = [e for e in ENTITIES if e["start"] != span("خالد الجارالله")[0]]
    assert filter_record(record([short], entities=alone), TEXT, loose)["quotes"] == [short]


def test_name_with_a_glued_proclitic_is_dropped() -> None:
    text = 'قال ومحمد علي: "نحن هنا". وكان محمد علي قد وصل.'
    q = quote("نحن هنا", "قال", "ومحمد علي", "ومحمد علي", "direct", text)
    ents = [ent("ومحمد علي", "PER", text=text)]
    assert filter_record(record([q], entities=ents), text)["quotes"] == []


def test_speaker_name_compares_normalised() -> None:
    q = {**DIRECT, "speaker_name": "خالد الجاراللة"}  # ة/ه unified
    assert filter_record(record([q]), TEXT)["quotes"] == [q]


def test_events_of_weak_types_are_dropped_and_arguments_removed() -> None:
    kept = filter_record(record(events=[DIE, MEET]), TEXT)
    assert kept["events"] == [{**DIE, "arguments": []}]
    places = replace(DEFAULT_SETTINGS, argument_roles=frozenset({"Place"}))
    kept = filter_record(record(events=[DIE, MEET]), TEXT, places)
    assert kept["events"][0]["arguments"] == [{"role": "Place", "span": span("الرياض")}]


def test_input_record_is_not_modified() -> None:
    rec = record([DIRECT], [DIE])
    before = json.dumps(rec, sort_keys=True)
    filter_record(rec, TEXT)
    assert json.dumps(rec, sort_keys=True) == before


def test_correctness_against_gold() -> None:
    gold = [{**DIRECT, "content": [DIRECT["content"][0], DIRECT["content"][1] - 3]}]
    assert correct_quotes(gold, [DIRECT]) == [True]  # lenient overlap
    assert correct_quotes(gold, [{**DIRECT, "speaker_name": "محمد علي"}]) == [False]
    assert correct_quotes([], [DIRECT]) == [False]
    assert correct_events([DIE], [DIE, DIE]) == [True, False]  # one-to-one
    assert correct_events([{**DIE, "type": "Life.Injure"}], [DIE]) == [False]


def test_wilson_lower_bound() -> None:
    assert wilson_lower_bound(0, 0) == 0.0
    assert 0.6 < wilson_lower_bound(48, 60) < 0.8 < 48 / 60 + 1e-9
    assert wilson_lower_bound(3, 3) < wilson_lower_bound(48, 60)


# --- streaming: selected articles never reach the pipeline or the output ---


class FakeNlp:
    """Stands in for the pipeline: records which texts it saw, yields them as 'docs'."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def pipe(self, items, as_tuples: bool = False, batch_size: int = 32):
        for text, ctx in items:
            self.seen.append(text)
            yield text, ctx


def fake_record(doc: str) -> dict[str, Any]:
    """A Life.Die event on every text that contains توفي, nothing otherwise."""
    if "توفي" not in doc:
        return {"entities": [], "quotes": [], "events": []}
    s = doc.index("توفي")
    return {
        "entities": [],
        "quotes": [],
        "events": [{"trigger": [s, s + 4], "type": "Life.Die", "arguments": []}],
    }


@pytest.fixture()
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> FakeNlp:
    monkeypatch.setattr(khabar.contract, "doc_to_record", fake_record)
    return FakeNlp()


def articles(selected: str) -> list[RawArticle]:
    return [
        RawArticle(selected, "توفي رجل في المختار من المدونة.", "x"),
        RawArticle("ant_multisource:fake-1", "توفي رجل أمس.", "x"),
        RawArticle("ant_multisource:fake-2", "لا شيء هنا.", "x"),
        RawArticle("saudinewsnet:2015-01-01#3", "وتوفي آخر اليوم.", "y"),
    ]


def test_selection_ids_cover_all_splits() -> None:
    data = json.loads(SELECTION_FILE.read_text(encoding="utf8"))
    ids = selected_ids()
    assert len(ids) == len(data["documents"]) == 240
    assert len(selected_ids("test")) == 36 and selected_ids("test") < ids
    assert {d["split"] for d in data["documents"]} == {"train", "dev", "test"}


def test_selected_articles_are_skipped(fake_pipeline: FakeNlp) -> None:
    selected = sorted(selected_ids())[0]
    stats = SilverStats()
    lines = list(iter_silver(fake_pipeline, articles(selected), selected_ids(), stats=stats))
    assert [line["id"] for line in lines] == ["ant_multisource:fake-1", "saudinewsnet:2015-01-01#3"]
    assert all("المختار" not in text for text in fake_pipeline.seen)
    assert (stats.articles, stats.skipped_selected, stats.written, stats.events) == (3, 1, 2, 2)
    first = lines[0]
    assert first["silver"] is True and "text" not in first and "split" not in first
    assert first["sha1"] == text_sha1("توفي رجل أمس.")
    assert first["corpus"] == "ant_corpus_multisource_v2.1"


def test_limit_counts_processed_articles(fake_pipeline: FakeNlp) -> None:
    selected = sorted(selected_ids())[0]
    lines = list(iter_silver(fake_pipeline, articles(selected), selected_ids(), limit=2))
    assert [line["id"] for line in lines] == ["ant_multisource:fake-1"]
    assert len(fake_pipeline.seen) == 2


def test_command_writes_the_output(fake_pipeline: FakeNlp, tmp_path: Path) -> None:
    selected = sorted(selected_ids())[-1]
    out = tmp_path / "silver.jsonl"
    args = argparse.Namespace(
        output=str(out),
        limit=None,
        skip_corpus=["ant_v1.1"],
        model=None,
        batch_size=8,
        report=False,
    )
    asked: list[list[str]] = []

    def stream(sources: list[str]) -> list[RawArticle]:
        asked.append(sources)
        return articles(selected)

    assert silver.run(args, load=lambda name: fake_pipeline, articles=stream) == 0
    assert asked == [["ant_multisource", "saudinewsnet"]]
    lines = [json.loads(line) for line in out.read_text(encoding="utf8").splitlines()]
    assert selected not in {line["id"] for line in lines}
    assert len(lines) == 2


def test_command_parser_is_wired() -> None:
    from khabar.cli import build_parser

    args = build_parser().parse_args(["corpus", "silver", "o.jsonl", "--limit", "5", "--report"])
    assert args.func is silver.run and args.limit == 5 and args.report
