"""khabar_event_model: the trained trigger and argument classifiers on sentences we wrote.

A small pipeline (our tokenizer, a fresh tok2vec, the event model) is trained on a few
annotated sentences until it reproduces them. The lexicon rules find the trigger اجتمع but
not its Place (there is no NER here), and neither the trigger أقلت nor its Destination: the
trained classifiers must add those. The tests also check that the events come out as
contract records, survive serialization, and that bad set-ups fail with a message that
says what is missing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.training import Example

from khabar.components.events import load_lexicon_data
from khabar.contract import set_annotations_from_record
from khabar.corpus.reader import create_contract_corpus
from khabar.event_features import Candidate, _side_ranks, _trigger_between
from tests.conftest import TOKENIZER_CONFIG

TOK2VEC = {
    "model": {
        "@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 32,
        "depth": 1, "embed_size": 500, "window_size": 1, "maxout_pieces": 2,
        "subword_features": True,
    }
}


def record(text: str, events: list[tuple[str, str, list[tuple[str, str]]]]) -> dict[str, Any]:
    """A contract record from (trigger word, type, [(role, argument words)])."""
    def span(words: str) -> list[int]:
        start = text.index(words)
        return [start, start + len(words)]

    return {
        "text": text,
        "events": [
            {"trigger": span(trigger), "type": etype,
             "arguments": [{"role": role, "span": span(words)} for role, words in args]}
            for trigger, etype, args in events
        ],
    }


TRANSPORT = "Movement.Transport"
RECORDS = [
    record("اجتمع سمير وكريم في بغداد .", [("اجتمع", "Contact.Meet", [("Place", "بغداد")])]),
    record("أقلت الطائرة في عمان .", [("أقلت", TRANSPORT, [("Destination", "عمان")])]),
    record("أقلت المروحية في دمشق .", [("أقلت", TRANSPORT, [("Destination", "دمشق")])]),
    record("تحدث الرئيس عن الاقتصاد .", []),
]


def make_nlp() -> Language:
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("tok2vec", config=TOK2VEC)
    nlp.add_pipe("khabar_event_model", config={"max_distance": 10})
    return nlp


def examples(nlp: Language) -> list[Example]:
    return [
        Example(nlp.make_doc(r["text"]), set_annotations_from_record(nlp.make_doc(r["text"]), r))
        for r in RECORDS
    ]


@pytest.fixture(scope="module")
def trained() -> Language:
    spacy.util.fix_random_seed(0)
    nlp = make_nlp()
    train = examples(nlp)
    optimizer = nlp.initialize(lambda: train)
    for _ in range(60):  # the tok2vec must annotate: the event model reads doc.tensor
        nlp.update(train, sgd=optimizer, drop=0.0, annotates=["sentencizer", "tok2vec"])
    return nlp


def records_of(nlp: Language, text: str) -> list[dict[str, Any]]:
    return [e.to_dict() for e in nlp(text)._.events]


def test_labels_and_roles_come_from_the_training_data(trained: Language):
    model = trained.get_pipe("khabar_event_model")
    assert model.labels == ("O", "Contact.Meet", TRANSPORT)
    assert model.cfg["type_roles"] == {"Contact.Meet": ["Place"], TRANSPORT: ["Destination"]}
    assert "أقلت" in model.cfg["trigger_words"]


def test_adds_what_the_rules_miss(trained: Language):
    for gold in RECORDS:
        assert records_of(trained, gold["text"]) == gold["events"]


def test_keeps_the_rule_events(trained: Language):
    text = "غادر الوزير إلى عمان أمس ."  # a lexicon trigger never seen in training
    (event,) = records_of(trained, text)
    assert text[slice(*event["trigger"])] == "غادر" and event["type"] == TRANSPORT
    roles = {a["role"]: text[slice(*a["span"])] for a in event["arguments"]}
    assert roles["Destination"] == "عمان" and roles["Time"] == "أمس"


def test_scores_like_the_contract(trained: Language):
    scores = trained.evaluate(examples(trained))
    assert scores["events_trigger_cls_f"] == 1.0
    assert scores["events_arg_cls_f"] == 1.0


def test_to_disk_and_bytes_keep_the_predictions(trained: Language, tmp_path: Path):
    text = RECORDS[0]["text"]
    trained.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert records_of(loaded, text) == records_of(trained, text)
    fresh = make_nlp()
    fresh.get_pipe("khabar_event_model").from_bytes(
        trained.get_pipe("khabar_event_model").to_bytes())
    fresh.get_pipe("tok2vec").from_bytes(trained.get_pipe("tok2vec").to_bytes())
    assert records_of(fresh, text) == records_of(trained, text)
    without_vocab = trained.get_pipe("khabar_event_model").to_bytes(exclude=["vocab"])
    assert len(without_vocab) < len(trained.get_pipe("khabar_event_model").to_bytes())
    cfg = json.loads((tmp_path / "nlp" / "khabar_event_model" / "cfg").read_text())
    assert cfg["roles"] == ["None", "Destination", "Place"]


def test_a_pipeline_built_with_a_lexicon_path_loads_without_that_file(tmp_path: Path):
    lexicon = tmp_path / "lexicon.json"
    lexicon.write_text(json.dumps(load_lexicon_data(), ensure_ascii=False))
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    nlp.add_pipe("khabar_events", config={"lexicon_path": str(lexicon)})
    nlp.to_disk(tmp_path / "nlp")
    lexicon.unlink()  # as on another machine
    with pytest.warns(UserWarning, match="not found"):
        loaded = spacy.load(tmp_path / "nlp")
    assert loaded("اجتمع الرئيس مع الوزير.")._.events  # the saved copy is in use


def test_thresholds_are_settings_of_the_loaded_pipeline(trained: Language, tmp_path: Path):
    trained.to_disk(tmp_path / "nlp")
    strict = {"components": {"khabar_event_model": {"trigger_add": 1.01, "argument_add": 1.01}}}
    nlp = spacy.load(tmp_path / "nlp", config=strict)
    assert records_of(nlp, RECORDS[1]["text"]) == []  # أقلت is the model's, not the rules'
    (meet,) = records_of(nlp, RECORDS[0]["text"])
    assert meet["type"] == "Contact.Meet" and meet["arguments"] == []  # Place was the model's


def test_empty_and_whitespace_docs(trained: Language):
    assert trained("")._.events == []
    assert trained(" \n ")._.events == []


def test_offsets_never_start_or_end_on_whitespace(trained: Language):
    text = "أقلت الطائرة في عمان\xa0 \xa0. اجتمع سمير وكريم في بغداد\u200f ."
    for event in records_of(trained, text):
        for start, end in [event["trigger"], *(a["span"] for a in event["arguments"])]:
            assert text[start:end] == text[start:end].strip() != ""


def test_candidates_leave_out_whitespace_tokens():
    """A tagger may call a no-break-space token a number attached to the noun before it
    (seen in real news); a candidate span must still end on the noun."""
    from spacy.tokens import Doc

    from khabar.components.events import Lexicon
    from khabar.event_features import analyse

    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    words = ["بشأن", "العمليات", "العسكرية", "\xa0", "للتحالف", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, False, True, False, False],
              pos=["ADP", "NOUN", "ADJ", "NUM", "NOUN", "PUNCT"],
              heads=[1, 1, 1, 2, 1, 1], deps=["case", "ROOT", "amod", "nummod", "nmod", "punct"])
    candidates = analyse(doc, Lexicon(load_lexicon_data())).candidates
    assert [doc.text[slice(*c.offsets)] for c in candidates] == ["العمليات العسكرية", "للتحالف"]
    assert [doc[c.root].text for c in candidates] == ["العمليات", "للتحالف"]  # heads come first


def test_update_without_a_tensor_says_how_to_train(trained: Language):
    bare = examples(trained)[:1]  # predicted docs straight from the tokenizer
    with pytest.raises(ValueError, match="annotating_components"):
        trained.get_pipe("khabar_event_model").update(bare)


def test_without_a_tok2vec_the_error_says_what_is_missing():
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    nlp.add_pipe("khabar_event_model")
    with pytest.raises(ValueError, match="doc.tensor"):
        nlp.initialize(lambda: examples(nlp))


def test_without_gold_events_the_error_says_so():
    nlp = make_nlp()
    bare = [Example(nlp.make_doc("نص بلا أحداث ."), nlp.make_doc("نص بلا أحداث ."))]
    with pytest.raises(ValueError, match="no gold events"):
        nlp.initialize(lambda: bare)


def test_reader_takes_a_records_file_and_names_the_bad_line(tmp_path: Path):
    path = tmp_path / "records.jsonl"
    lines = [json.dumps({**r, "split": "train"}, ensure_ascii=False) for r in RECORDS[:2]]
    path.write_text("\n".join([*lines, json.dumps({**RECORDS[2], "split": "dev"})]) + "\n")
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    train = list(create_contract_corpus("train", annotations=str(path))(nlp))
    assert [eg.reference.text for eg in train] == [r["text"] for r in RECORDS[:2]]
    assert [e.to_dict() for e in train[1].reference._.events] == RECORDS[1]["events"]
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps(RECORDS[3], ensure_ascii=False) + "\n")  # no split: added as is
    more = list(create_contract_corpus("train", annotations=str(path), extra=str(extra))(nlp))
    assert [eg.reference.text for eg in more] == [r["text"] for r in (*RECORDS[:2], RECORDS[3])]
    # several extra files, in the order given (configs/events.cfg lists the review sets)
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps(RECORDS[2], ensure_ascii=False) + "\n")
    both = create_contract_corpus("train", annotations=str(path), extra=[str(extra), str(second)])
    assert [eg.reference.text for eg in both(nlp)] == [
        r["text"] for r in (*RECORDS[:2], RECORDS[3], RECORDS[2])]
    path.write_text(lines[0] + "\n{oops\n")
    with pytest.raises(ValueError, match=r"records.jsonl:2"):
        list(create_contract_corpus("train", annotations=str(path))(nlp))


def test_pair_ranks_and_triggers_between() -> None:
    def cand(start: int, kind: str = "PER") -> Candidate:
        return Candidate(start, start + 1, kind, (start, start + 1), start)

    trigger, other = (5, 6), (9, 10)
    pairs = [(trigger, "Contact.Meet", cand(c)) for c in (7, 8, 12, 3)]
    pairs += [(trigger, "Contact.Meet", cand(11, "GPE")), (other, "Contact.Meet", cand(8))]
    # nearest PER after the trigger is rank 0, the next 1, further ones 2; each side, kind
    # and trigger counts on its own
    assert _side_ranks(pairs) == ["0", "1", "2", "0", "0", "0"]
    triggers = [5, 9]
    assert not _trigger_between(triggers, trigger, cand(8))
    assert _trigger_between(triggers, trigger, cand(12))
    assert not _trigger_between(triggers, trigger, cand(3))
    assert _trigger_between(triggers, other, cand(3))


def test_a_model_trigger_keeps_the_pronoun_suffix_of_its_word():
    """The tokenizer reads يتوجه as يتوج + ه; the trigger is the written word without
    its proclitics (و + يتوجه → يتوجه)."""
    from spacy.tokens import Doc

    from khabar.components.event_model import TrainedEventExtractor

    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    doc = Doc(nlp.vocab, words=["أن", "و", "يتوج", "ه", "،", "إلى"],
              spaces=[True, False, False, False, True, False])
    start, end = TrainedEventExtractor._word_offsets(doc, 2, 3)
    assert doc.text[start:end] == "يتوجه"
