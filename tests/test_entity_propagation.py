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


def test_organisation_that_swallowed_a_known_person_is_split():
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    prop = nlp.add_pipe("khabar_entity_propagation")
    text = "طالب رئيس مجلس النواب العراقي سليم الجبوري بالإصلاح . وقال الجبوري إن الوقت حان ."
    org = "مجلس النواب العراقي سليم الجبوري"
    later = text.rindex("الجبوري")

    def doc_with(known_person: bool):
        doc = make_doc(nlp, text, [(org, "ORG")])
        if known_person:
            doc.ents = [*doc.ents, doc.char_span(later, later + len("الجبوري"), label="PER")]
        return doc

    labels = [(e.text, e.label_) for e in prop(doc_with(True)).ents]
    assert labels == [("مجلس النواب العراقي", "ORG"), ("سليم الجبوري", "PER"), ("الجبوري", "PER")]
    # no other mention of the name, or the setting off: the span stays as it is
    assert [e.text for e in prop(doc_with(False)).ents] == [org]
    off = spacy.blank("ar", config=TOKENIZER_CONFIG).add_pipe(
        "khabar_entity_propagation", config={"split_swallowed_names": False})
    assert [e.text for e in off(doc_with(True)).ents][0] == org


def test_organisation_named_after_a_person_is_not_split():
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    prop = nlp.add_pipe("khabar_entity_propagation")
    text = "وقال مدير جامعة الأمير فهد بن سلطان إن الأمير فهد بن سلطان زار الجامعة ."
    org = "جامعة الأمير فهد بن سلطان"
    doc = make_doc(nlp, text, [(org, "ORG")])
    later = text.rindex("فهد بن سلطان")
    doc.ents = [*doc.ents, doc.char_span(later, later + len("فهد بن سلطان"), label="PER")]
    assert [(e.text, e.label_) for e in prop(doc).ents][0] == (org, "ORG")
    text = "وقال مدير مؤسسة الوليد بن طلال إن الوليد بن طلال تبرع ."
    doc = make_doc(nlp, text, [("مؤسسة الوليد بن طلال", "ORG")])
    later = text.rindex("الوليد بن طلال")
    doc.ents = [*doc.ents, doc.char_span(later, later + len("الوليد بن طلال"), label="PER")]
    assert [(e.text, e.label_) for e in prop(doc).ents][0] == ("مؤسسة الوليد بن طلال", "ORG")
