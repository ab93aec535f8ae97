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
    "value_ruler",
    "org_ruler",
    "khabar_entity_cleanup",
    "khabar_entity_propagation",
    "khabar_quotes",
    "khabar_events",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL_NAME)


def test_fresh_process_load_lists_every_component():
    code = f"import json, spacy; print(json.dumps(spacy.load({MODEL_NAME!r}).pipe_names))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == EXPECTED_PIPES


def test_exclude_and_disable_work_as_in_spacy():
    nlp = spacy.load(MODEL_NAME, exclude=["khabar_events"], disable=["ner"])
    assert "khabar_events" not in nlp.component_names
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
