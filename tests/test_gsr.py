"""The Arabic event GSR converter (khabar.corpus.gsr) on tiny made-up files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.build.gsr import span_scores
from khabar.components.events import Lexicon, load_lexicon_data
from khabar.corpus.gsr import (
    FILES,
    GsrReport,
    Settings,
    clitic_length,
    find_tokens,
    read_csv,
    read_gsr,
    words_of,
)
from khabar.corpus.validate import event_problems

HEADER = ",accept,event_type,id,label,reject,text,total"

ATTACK = "وقصفت الطائرات المدينة القديمة والقرى المجاورة أمس."
DIE = "قتل مسلحون ثلاثة جنود في كمين."
PROTEST = "وتظاهر مئات الطلاب امام الوزارة احتجاجا على القرار."
GATHER = "وتجمع العمال قرب المصنع مساء الخميس."
LOST = "سقطت قذيفة على سوق شعبي."


def spanset(verb, source=(), target=()):
    return {"verb": list(verb), "source_actor": list(source), "target_actor": list(target),
            "source_role": {}, "target_role": {}}


def write_gsr(folder: Path, assault_rows, protest_rows, assault_spans, protest_spans):
    for (csv_name, spans_name), rows, spans in (
        (FILES["ASSAULT"], assault_rows, assault_spans),
        (FILES["PROTEST"], protest_rows, protest_spans),
    ):
        body = "\r\n".join([HEADER, *rows]) + "\r\n"
        (folder / csv_name).write_bytes(b"\xef\xbb\xbf" + body.encode("utf8"))
        (folder / spans_name).write_text(json.dumps(spans, ensure_ascii=False), "utf8")


def row(i, etype, label, text):
    return f'{i},3,{etype},doc-{etype}-{i},{label},0,"{text}",3'


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon(load_lexicon_data())


@pytest.fixture
def gsr(tmp_path, lexicon):
    write_gsr(
        tmp_path,
        [row(0, "ASSAULT", "yes", ATTACK), row(1, "ASSAULT", "yes", DIE),
         row(2, "ASSAULT", "ambiguous", LOST)],
        # the easy-no row attests the bare form تجمع, so و of وتجمع is a clitic
        [row(0, "PROTEST", "yes", PROTEST), row(1, "PROTEST", "yes", GATHER),
         row(2, "PROTEST", "easy no", "لم يحدث تجمع في المدينة.")],
        [
            {"_id": "a0", "text": ATTACK, "spans": [
                spanset(["وقصفت"], ["الطائرات"], ["والقرى", "المجاورة"]),
                spanset(["وقصفت"], ["الطائرات"], ["والقرى", "المجاورة"]),
                spanset(["وقصفت"], ["الطائرات"], ["المدينة"])]},
            {"_id": "a1", "text": DIE, "spans": [
                spanset(["قتل"], ["مسلحون"], ["جنود"]), spanset(["قتل"], ["مسلحون"], ["جنود"])]},
            {"_id": "a2", "text": LOST, "spans": [
                spanset(["انفجار"], ["مسلحون"], ["سوق"])]},
        ],
        [
            {"_id": "p0", "text": PROTEST, "spans": [
                spanset(["وتظاهر"], ["مئات", "الطلاب"], ["القرار"]),
                spanset(["وتظاهر"], ["مئات", "الطلاب"], ["القرار"])]},
            {"_id": "p1", "text": GATHER, "spans": [
                spanset(["وتجمع"], ["العمال"]), spanset(["وتجمع"], ["العمال"])]},
        ],
    )
    return tmp_path


def by_id(mapped):
    return {m.record["id"]: m.record for m in mapped}


def show(record):
    text = record["text"]
    return [
        (e["type"], text[slice(*e["trigger"])],
         [(a["role"], text[slice(*a["span"])]) for a in e["arguments"]])
        for e in record["events"]
    ]


def test_assault_maps_to_attack_with_clitics_trimmed(gsr, lexicon):
    mapped, rows, report = read_gsr(gsr, lexicon=lexicon)
    assert len(rows) == 6 and not report.malformed
    rec = by_id(mapped)["gsr-assault-a0"]
    # majority target wins; و of the trigger and of the target stay outside the spans
    assert show(rec) == [("Conflict.Attack", "قصفت",
                          [("Attacker", "الطائرات"), ("Target", "القرى المجاورة")])]
    assert rec["entities"] == [] and not list(event_problems(rec["text"], rec["events"]))


def test_protest_maps_to_demonstrate_and_drops_its_target(gsr, lexicon):
    mapped, _, report = read_gsr(gsr, lexicon=lexicon)
    recs = by_id(mapped)
    assert show(recs["gsr-protest-p0"]) == [
        ("Conflict.Demonstrate", "تظاهر", [("Entity", "مئات الطلاب")])]
    assert report.dropped["target_actor_has_no_role_in_Conflict.Demonstrate"] == 1
    # a trigger word the lexicon does not know is kept with two agreeing span-sets
    assert show(recs["gsr-protest-p1"]) == [
        ("Conflict.Demonstrate", "تجمع", [("Entity", "العمال")])]
    assert report.events["Conflict.Demonstrate"] == 2


def test_killing_is_life_die_or_dropped(gsr, lexicon):
    mapped, _, _ = read_gsr(gsr, lexicon=lexicon)
    # the numeral joins the victim's span (GUIDELINES.md §2.4)
    assert show(by_id(mapped)["gsr-assault-a1"]) == [
        ("Life.Die", "قتل", [("Agent", "مسلحون"), ("Victim", "ثلاثة جنود")])]
    mapped, _, report = read_gsr(gsr, Settings(life="drop"), lexicon=lexicon)
    assert "gsr-assault-a1" not in by_id(mapped)
    assert report.dropped["life_trigger_dropped"] == 2


def test_unlocatable_and_unsupported_spans_are_dropped_and_counted(gsr, lexicon):
    mapped, _, report = read_gsr(gsr, Settings(min_support=3), lexicon=lexicon)
    assert "gsr-assault-a2" not in by_id(mapped)
    assert report.dropped["verb_not_found_in_text"] == 1
    assert report.examples["verb_not_found_in_text"] == ["assault_spans.json#2"]
    assert "gsr-protest-p1" not in by_id(mapped)
    assert report.dropped["unknown_trigger_word_with_too_little_support"] == 1
    assert report.dropped["sentence_without_mappable_event"] == 2


def test_actor_not_in_text_is_dropped(tmp_path, lexicon):
    write_gsr(tmp_path, [row(0, "ASSAULT", "yes", ATTACK)], [], [
        {"_id": "x", "text": ATTACK, "spans": [spanset(["وقصفت"], ["المدفعية"], ["المدينة"])]},
    ], [])
    mapped, _, report = read_gsr(tmp_path, lexicon=lexicon)
    assert show(mapped[0].record) == [("Conflict.Attack", "قصفت", [("Target", "المدينة")])]
    assert report.dropped["actor_not_found_in_text"] == 1


def test_malformed_rows_reported_with_line_numbers(tmp_path):
    multiline = 'هذه جملة\r\nعلى سطرين'
    lines = [
        HEADER,
        f'0,3,ASSAULT,d0,yes,0,"{multiline}",3',  # lines 2-3
        "1,3,ASSAULT,d1,yes,0,نص,3,زائد",  # line 4: one field too many
        "2,3,ASSAULT,d2,maybe,0,نص,3",  # line 5: unknown label
        "3,3,FIGHT,d3,yes,0,نص,3",  # line 6: unknown event type
        "4,3,ASSAULT,d4,easy no,0,نص آخر,3",  # line 7: fine
    ]
    path = tmp_path / "assault_gsr.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf8") + b"\r\n")
    report = GsrReport()
    rows = list(read_csv(path, report))
    assert [(r.id, r.line) for r in rows] == [("d0", 2), ("d4", 7)]
    assert rows[0].text == "هذه جملة\nعلى سطرين"
    assert [w for w, _ in report.malformed] == [
        "assault_gsr.csv:4", "assault_gsr.csv:5", "assault_gsr.csv:6"]
    assert report.rows["assault_gsr.csv"] == 5
    assert report.dropped["malformed_row"] == 3


def test_missing_header_column_and_bad_json_do_not_crash(tmp_path):
    (tmp_path / "assault_gsr.csv").write_text("a,b\n1,2\n", "utf8")
    (tmp_path / "assault_spans.json").write_text("{not json", "utf8")
    (tmp_path / "protest_spans.json").write_text(json.dumps([{"text": 3}]), "utf8")
    mapped, rows, report = read_gsr(tmp_path)
    assert mapped == [] and rows == []
    where = [w for w, _ in report.malformed]
    assert "assault_gsr.csv:1" in where and "assault_spans.json:0" in where
    assert "protest_spans.json#0" in where and "protest_gsr.csv:0" in where


def test_clitic_length_and_word_location(lexicon):
    assert clitic_length("للجيش", frozenset()) == 1  # ل + ال: after the first ل
    assert clitic_length("بالعاصمة", frozenset()) == 1
    assert clitic_length("وقصفت", frozenset(), lexicon) == 1  # the lexicon's analysis
    assert clitic_length("وتجمع", frozenset({"تجمع"})) == 1  # attested bare form
    assert clitic_length("وحدة", frozenset()) == 0
    assert clitic_length("باليرمو", frozenset()) == 0  # NON_CLITIC_NAMES
    words = words_of("«انفجرت» سيارة، ثم انفجرت أخرى.")
    assert [w.text for w in words][:2] == ["انفجرت", "سيارة"]
    assert find_tokens(words, ["انفجرت"], near=4) == [3]
    assert find_tokens(words, ["انفجرت", "أخرى"]) == [3, 4]
    assert find_tokens(words, ["سيارة", "أخرى"]) == [1, 4]  # not adjacent
    assert find_tokens(words, ["دبابة"]) is None


def test_span_scores_count_recall_and_lower_bound_precision(gsr, lexicon):
    mapped, _, _ = read_gsr(gsr, lexicon=lexicon)
    perfect = [{"events": m.record["events"]} for m in mapped]
    lines = span_scores(mapped, perfect)
    assert any("all" in line and "classification recall 4/4 = 100.0%" in line for line in lines)
