"""The contract scores on small cases whose answers were worked out by hand."""

import pytest

from khabar.corpus.anercorp import ANERCORP_EVAL_MAP
from khabar.scoring import normalize_name, overlap_ratio, score_entities, score_events, score_quotes


def quote(content, cue=None, speaker=None, name=None, kind="direct"):
    return {"content": content, "cue": cue, "speaker": speaker, "speaker_name": name, "kind": kind}


def test_name_normalisation():
    assert normalize_name("أَحْمَد  الـعلي") == normalize_name("احمد العلي")
    assert normalize_name("مصطفى حمزة") == normalize_name("مصطفي حمزه")
    assert normalize_name(None) is None


def test_overlap_ratio_uses_the_longer_span():
    assert overlap_ratio((0, 10), (5, 10)) == 0.5
    assert overlap_ratio((0, 10), (10, 20)) == 0.0


def test_quote_scores():
    gold = {
        "quotes": [
            quote([0, 100], cue=[0, 3], speaker=[4, 8], name="أحمد علي"),
            quote([200, 260], cue=[190, 194], speaker=None, name="خالد الجارالله"),
            quote([300, 310], cue=[290, 293], name="سعاد"),
        ]
    }
    pred = {
        "quotes": [
            quote([0, 100], cue=[0, 3], speaker=[4, 8], name="احمد علي"),  # exact, name equal
            quote(
                [210, 260], cue=[185, 189], name="الجارالله"
            ),  # lenient 50/60, name and cue wrong
            quote([400, 450], cue=[390, 393], name="سعاد"),  # spurious
        ]
    }
    s = score_quotes([(gold, pred)])
    assert s["quotes_lenient"]["p"] == pytest.approx(2 / 3)
    assert s["quotes_lenient"]["r"] == pytest.approx(2 / 3)
    assert s["quotes_exact"]["p"] == pytest.approx(1 / 3)
    assert s["quotes_exact"]["f"] == pytest.approx(1 / 3)
    assert s["speaker_name_acc"] == pytest.approx(1 / 2)
    assert s["cue_acc"] == pytest.approx(1 / 2)
    assert s["quotes_matched_prodrop"] == 1
    assert s["speaker_name_acc_prodrop"] == 0.0


def test_quote_matching_is_one_to_one():
    gold = {"quotes": [quote([0, 100])]}
    pred = {"quotes": [quote([0, 100]), quote([0, 90])]}
    s = score_quotes([(gold, pred)])
    assert s["quotes_lenient"]["p"] == 0.5
    assert s["quotes_lenient"]["r"] == 1.0


def event(trigger, etype, *args):
    return {
        "trigger": trigger,
        "type": etype,
        "arguments": [{"role": r, "span": sp} for r, sp in args],
    }


def test_event_scores():
    gold = {
        "events": [
            event([10, 18], "Contact.Meet", ("Place", [30, 36]), ("Time", [37, 48])),
            event([60, 65], "Conflict.Attack", ("Place", [70, 76])),
        ]
    }
    pred = {
        "events": [
            event([10, 18], "Contact.Meet", ("Place", [30, 36]), ("Place", [37, 42])),
            event([60, 65], "Life.Die", ("Place", [70, 76])),
            event([90, 95], "Contact.Meet"),
        ]
    }
    s = score_events([(gold, pred)])
    assert s["trigger_identification"]["p"] == pytest.approx(2 / 3)
    assert s["trigger_identification"]["r"] == 1.0
    assert s["trigger_classification"]["p"] == pytest.approx(1 / 3)
    assert s["trigger_classification"]["r"] == pytest.approx(1 / 2)
    assert s["argument_identification"]["p"] == pytest.approx(2 / 3)
    assert s["argument_identification"]["r"] == pytest.approx(2 / 3)
    assert s["argument_classification"]["f"] == pytest.approx(1 / 3)
    per_type = s["trigger_classification_per_type"]
    assert per_type["Contact.Meet"]["p"] == 0.5 and per_type["Contact.Meet"]["r"] == 1.0
    assert per_type["Conflict.Attack"]["r"] == 0.0


def test_entity_scores_and_anercorp_mapping():
    gold = {
        "entities": [
            {"start": 0, "end": 5, "label": "PER"},
            {"start": 10, "end": 15, "label": "GPE"},
            {"start": 20, "end": 25, "label": "ORG"},
            {"start": 40, "end": 44, "label": "DATE"},
        ]
    }
    pred = {
        "entities": [
            {"start": 0, "end": 5, "label": "PER"},
            {"start": 10, "end": 15, "label": "LOC"},
            {"start": 30, "end": 35, "label": "ORG"},
        ]
    }
    s = score_entities([(gold, pred)])
    assert s["entities"]["p"] == pytest.approx(1 / 3)
    assert s["entities"]["r"] == pytest.approx(1 / 4)
    assert s["entities_per_label"]["PER"]["f"] == 1.0
    mapped = score_entities([(gold, pred)], label_map=ANERCORP_EVAL_MAP)
    assert mapped["entities"]["p"] == pytest.approx(2 / 3)
    assert mapped["entities"]["r"] == pytest.approx(2 / 3)  # DATE is not an ANERcorp class
    assert set(mapped["entities_per_label"]) == {"PERS", "LOC", "ORG"}
