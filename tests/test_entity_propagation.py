"""Later mentions of a name found once in the document get the same label."""

from __future__ import annotations

import spacy

from tests.conftest import TOKENIZER_CONFIG


def make_doc(nlp, text: str, ents: list[tuple[str, str]]):
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index(s), text.index(s) + len(s), label=lb) for s, lb in ents]
    return doc


def test_family_name_and_repeated_names_are_labelled():
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    prop = nlp.add_pipe("khabar_entity_propagation")
    text = "التقى أيمن الصفدي وفد الأمم المتحدة . وقال الصفدي إن الأمم المتحدة شريك ."
    doc = prop(make_doc(nlp, text, [("أيمن الصفدي", "PER"), ("الأمم المتحدة", "ORG")]))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("أيمن الصفدي", "PER"), ("الأمم المتحدة", "ORG"), ("الصفدي", "PER"),
        ("الأمم المتحدة", "ORG")]


def test_short_words_and_unlisted_labels_are_not_propagated():
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    prop = nlp.add_pipe("khabar_entity_propagation", config={"labels": ["PER"]})
    text = "قال عبد الله بن زايد إن بن زايد في دبي . وزار دبي أمس ."
    doc = prop(make_doc(nlp, text, [("عبد الله بن زايد", "PER"), ("دبي", "GPE")]))
    labels = [(e.text, e.label_) for e in doc.ents]
    assert ("زايد", "PER") in labels  # the family name, in its second mention
    assert labels.count(("دبي", "GPE")) == 1  # GPE is not in `labels`
    assert all(e.text != "بن" for e in doc.ents)
