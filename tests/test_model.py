"""The shipped ar_khabar_md, loaded as users load it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy

from khabar.about import MODEL_NAME

pytestmark = pytest.mark.model
EXPECTED_PIPES = [
    "sentencizer",
    "tok2vec",
    "ner",
    "ud_tok2vec",
    "morphologizer",
    "trainable_lemmatizer",
    "parser",
    "value_ruler",
    "org_ruler",
    "event_name_ruler",
    "khabar_entity_cleanup",
    "khabar_titled_names",
    "khabar_place_labels",
    "khabar_entity_propagation",
    "khabar_quotes",
    "khabar_event_model",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL_NAME)


def test_fresh_process_load_lists_every_component():
    code = f"import json, spacy; print(json.dumps(spacy.load({MODEL_NAME!r}).pipe_names))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == EXPECTED_PIPES


def test_a_name_after_a_title_is_the_speaker(nlp):
    """Foreign names the NER does not know, after a title phrase (khabar_titled_names)."""
    doc = nlp("وقالت رئيسة الوزراء النيوزيلندية جاسيندا أرديرن إن الهجوم إرهابي. وأفاد الناطق "
              "العسكري العميد يحيى رسول بأن القوات حررت القرية.")
    assert [q.speaker_name for q in doc._.quotes] == ["جاسيندا أرديرن", "يحيى رسول"]
    assert {"جاسيندا أرديرن", "يحيى رسول"} <= {e.text for e in doc.ents if e.label_ == "PER"}


def test_exclude_and_disable_work_as_in_spacy():
    nlp = spacy.load(MODEL_NAME, exclude=["khabar_event_model"], disable=["ner"])
    assert "khabar_event_model" not in nlp.component_names
    assert "ner" in nlp.disabled
    doc = nlp("التقى الوزير نظيره في الكويت.")
    assert doc._.events == [] and doc.ents == ()  # no NER, and no value for the patterns
    nlp.enable_pipe("ner")
    assert "ner" in nlp.pipe_names


def test_custom_factories_are_entry_points():
    nlp = spacy.blank("ar")
    nlp.add_pipe("khabar_quotes")
    nlp.add_pipe("khabar_events")
    doc = nlp("قال المتحدث: «الوضع هادئ».")
    assert [q.kind for q in doc._.quotes] == ["direct"]


def test_seed_article_output_offsets_round_trip(nlp, seed_article):
    text = seed_article["text"]
    doc = nlp(text)
    assert doc.text == text
    assert len(doc.ents) > 5 and len(doc._.quotes) >= 5
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text
    for quote in doc._.quotes:
        record = json.loads(json.dumps(quote.to_dict()))
        s, e = record["content"]
        assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip()
        assert quote.content.start_char <= s and e <= quote.content.end_char
        if record["speaker"]:
            s, e = record["speaker"]
            assert text[s:e] in quote.speaker.text
    for event in doc._.events:
        s, e = event.to_dict()["trigger"]
        assert text[s:e] in event.trigger.text


# Hand-written words with their PADT-style analyses (pieces of the written word).
SEGMENTATIONS = {
    "والكويت": ["و", "الكويت"],
    "وبالكويت": ["و", "ب", "الكويت"],
    "للرئيس": ["ل", "لرئيس"],  # ل + ال fused: the second piece starts after the first ل
    "رسالته": ["رسالت", "ه"],  # ة written ت before a suffix
    "حكومتها": ["حكومت", "ها"],
    "كتابهم": ["كتاب", "هم"],
    "وسيقول": ["و", "س", "يقول"],
    "لهم": ["ل", "هم"],
    "فقال": ["ف", "قال"],
    "وزير": ["وزير"],  # words that merely begin with a clitic letter
    "بلد": ["بلد"],
    "لبنان": ["لبنان"],
    "بغداد": ["بغداد"],
    "وزارة": ["وزارة"],
    "كما": ["كما"],
    "وليد": ["وليد"],  # person names that begin with a clitic letter (from the NER data)
    "ووليد": ["و", "وليد"],
}


@pytest.mark.parametrize("word", SEGMENTATIONS)
def test_clitic_segmentation_of_known_words(nlp, word):
    assert [t.text for t in nlp.make_doc(word)] == SEGMENTATIONS[word]


def test_clitic_tokens_keep_offsets_and_carry_underlying_norms(nlp):
    text = "وقال للصحفيين إن رسالته وصلت إلى بيروت»."
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    norms = {t.text: t.norm_ for t in doc}
    assert norms["لصحفيين"] == "الصحفيين"
    assert norms["رسالت"] == "رساله"  # ة restored (and spelled ه by the NORM normalisation)


def test_morphology_lemmas_and_parse(nlp):
    doc = nlp("وقال الوزير إن الحكومة ستعقد اجتماعا في بغداد. وأضاف أن الاجتماع مهم.")
    assert doc.has_annotation("POS") and doc.has_annotation("MORPH")
    assert doc.has_annotation("LEMMA") and doc.has_annotation("DEP")
    by_text = {t.text: t for t in doc}
    assert by_text["قال"].pos_ == "VERB"
    assert by_text["الوزير"].pos_ == "NOUN" and by_text["الوزير"].lemma_ == "وزير"
    assert by_text["الحكومة"].morph.get("Definite") == ["Def"]
    assert [s[0].text for s in doc.sents] == ["و", "و"]
    for sent in doc.sents:
        assert sum(t.dep_ == "ROOT" for t in sent) == 1


def test_seed_article_events(nlp, seed_article):
    """The events the event issue names: the Contact.Meet events with Place and Time, and
    the Conflict.Attack trigger عمليات; no event without a trigger in the text."""
    text = seed_article["text"]
    found = [e.to_dict() for e in nlp(text)._.events]
    predicted = {(tuple(e["trigger"]), e["type"]) for e in found}
    gold = {(tuple(e["trigger"]), e["type"]) for e in seed_article["events"]}
    meets = {g for g in gold if g[1] == "Contact.Meet"}
    assert meets <= predicted
    assert any(text[slice(*t)] == "عمليات" and k == "Conflict.Attack" for t, k in predicted)
    args = [(a["role"], text[slice(*a["span"])]) for e in found for a in e["arguments"]]
    assert ("Place", "الكويت") in args and ("Time", "امس الاثنين") in args


def test_event_model_keeps_its_settings_and_learned_data(nlp):
    events = nlp.get_pipe("khabar_event_model")
    assert events.labels[0] == "O" and len(events.labels) > 20
    assert "None" in events.cfg["roles"] and "Place" in events.cfg["type_roles"]["Contact.Meet"]
    assert 0 < events.trigger_add <= 1 and 0 < events.argument_add <= 1
