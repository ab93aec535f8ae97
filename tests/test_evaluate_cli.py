"""``khabar evaluate`` end to end on gold documents we wrote, with scores worked out by hand.

The pipeline under test is built here: an entity ruler, and a component that
predicts fixed quotes and events for each text, so every expected number below
can be checked on paper."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language

from khabar.cli import main

TEXT_A = "قال خالد سالم إن الوضع مستقر في عمان."
TEXT_B = "عقد الوزير اجتماعا في دمشق أمس."


def span(text: str, sub: str) -> list[int]:
    start = text.index(sub)
    return [start, start + len(sub)]


def ent(text: str, sub: str, label: str) -> dict:
    s, e = span(text, sub)
    return {"start": s, "end": e, "label": label}


GOLD = [
    {
        "id": "a",
        "text": TEXT_A,
        "entities": [ent(TEXT_A, "خالد سالم", "PER"), ent(TEXT_A, "عمان", "GPE")],
        "quotes": [
            {
                "content": span(TEXT_A, "الوضع مستقر في عمان"),
                "cue": span(TEXT_A, "قال"),
                "speaker": span(TEXT_A, "خالد سالم"),
                "speaker_name": "خالد سالم",
                "kind": "indirect",
            }
        ],
        "events": [],
    },
    {
        "id": "b",
        "text": TEXT_B,
        "entities": [ent(TEXT_B, "دمشق", "GPE"), ent(TEXT_B, "أمس", "DATE")],
        "quotes": [],
        "events": [
            {
                "trigger": span(TEXT_B, "اجتماعا"),
                "type": "Contact.Meet",
                "arguments": [
                    {"role": "Place", "span": span(TEXT_B, "دمشق")},
                    {"role": "Time", "span": span(TEXT_B, "أمس")},
                ],
            }
        ],
    },
]
PREDICTED = {
    TEXT_A: {
        "quotes": [
            {
                "content": span(TEXT_A, "الوضع مستقر"),
                "cue": span(TEXT_A, "قال"),
                "speaker": span(TEXT_A, "خالد"),
                "speaker_name": "خالد",
                "kind": "indirect",
            }
        ],
        "events": [],
    },
    TEXT_B: {
        "quotes": [],
        "events": [
            {
                "trigger": span(TEXT_B, "اجتماعا"),
                "type": "Contact.Meet",
                "arguments": [
                    {"role": "Place", "span": span(TEXT_B, "دمشق")},
                    {"role": "Place", "span": span(TEXT_B, "أمس")},
                ],
            },
            {
                "trigger": span(TEXT_B, "الوزير"),
                "type": "Personnel.Start-Position",
                "arguments": [],
            },
        ],
    },
}


@Language.component("test_fixed_predictions")
def fixed_predictions(doc):
    doc._.quotes = PREDICTED[doc.text]["quotes"]
    doc._.events = PREDICTED[doc.text]["events"]
    return doc


@pytest.fixture()
def model_dir(tmp_path):
    nlp = spacy.blank(
        "ar", config={"nlp": {"tokenizer": {"@tokenizers": "khabar.ArabicTokenizer.v1"}}}
    )
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PER", "pattern": "خالد سالم"},
            {"label": "GPE", "pattern": "عمان"},
            {"label": "LOC", "pattern": "دمشق"},
        ]
    )
    nlp.add_pipe("test_fixed_predictions")
    nlp.to_disk(tmp_path / "model")
    return tmp_path / "model"


def test_evaluate_prints_the_contract_scores(tmp_path, model_dir, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in GOLD), encoding="utf8"
    )
    output = tmp_path / "scores" / "corpus.json"
    args = ["evaluate", str(gold), "--model", str(model_dir), "--json", "--output", str(output)]
    assert main(args) == 0
    s = json.loads(capsys.readouterr().out)
    assert json.loads(output.read_text(encoding="utf8")) == s
    q, e, n = s["quotes"], s["events"], s["entities"]
    # one gold quote (19 chars), one predicted (11 chars inside it): 11/19 >= 0.5, not exact;
    # speaker name wrong, cue right
    assert q["quotes_lenient"]["f"] == 1.0 and q["quotes_exact"]["f"] == 0.0
    assert q["speaker_name_acc"] == 0.0 and q["cue_acc"] == 1.0
    # triggers: 1 gold, 2 predicted, 1 right (span and type)
    assert e["trigger_classification"]["p"] == 0.5 and e["trigger_classification"]["r"] == 1.0
    # arguments: 2 gold; predicted Place right, "أمس" found with the wrong role
    assert e["argument_identification"]["f"] == 1.0
    assert e["argument_classification"]["p"] == 0.5 and e["argument_classification"]["r"] == 0.5
    # entities: خالد سالم PER and عمان GPE right; دمشق LOC vs gold GPE wrong; DATE missed
    assert n["entities"]["p"] == pytest.approx(2 / 3) and n["entities"]["r"] == 0.5
    assert n["entities_per_label"]["PER"]["f"] == 1.0
    assert n["entities_per_label"]["DATE"]["r"] == 0.0


def test_evaluate_reports_a_bad_gold_line(tmp_path, model_dir, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD[0], ensure_ascii=False) + "\n{broken\n", encoding="utf8")
    assert main(["evaluate", str(gold), "--model", str(model_dir)]) == 2
    assert f"{gold}:2:" in capsys.readouterr().err


def test_spacy_evaluate_on_the_exported_docbin_agrees_with_khabar_evaluate(tmp_path, capsys):
    """``khabar corpus export -o gold.spacy`` is for ``spacy evaluate``: the scores the
    components report from its Docs equal what ``khabar evaluate`` computes on the JSONL."""
    from spacy.training import Corpus

    from khabar.cli import write_docbin
    from tests.conftest import rule_pipeline

    nlp = rule_pipeline({"خالد سالم": "PER", "دمشق": "GPE"})
    nlp.to_disk(tmp_path / "model")
    write_docbin(GOLD, str(tmp_path / "gold.spacy"), nlp)
    scores = nlp.evaluate(list(Corpus(tmp_path / "gold.spacy")(nlp)))
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in GOLD))
    assert main(["evaluate", str(gold), "--model", str(tmp_path / "model"), "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    events, quotes = expected["events"], expected["quotes"]
    assert events["trigger_classification"]["n_gold"] == 1 and quotes["quotes_matched"] == 1
    assert scores["events_trigger_cls_f"] == events["trigger_classification"]["f"]
    assert scores["events_arg_cls_f"] == events["argument_classification"]["f"]
    assert scores["quotes_lenient_f"] == quotes["quotes_lenient"]["f"]
    assert scores["quotes_speaker_acc"] == quotes["speaker_name_acc"]
