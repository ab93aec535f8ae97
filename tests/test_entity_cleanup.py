"""Entity spans as users get them: no edge punctuation or spaces, no proclitic before ال."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from khabar.contract import entity_records
from tests.conftest import TOKENIZER_CONFIG


def test_edge_punctuation_and_newlines_are_trimmed():
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    cleanup = nlp.add_pipe("khabar_entity_cleanup")
    doc = nlp.make_doc("بدأ شهر رمضان .\nوقال « الوزير »")
    doc.ents = [Span(doc, 1, 5, label="DATE"), Span(doc, 6, 9, label="PER")]
    doc = cleanup(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("شهر رمضان", "DATE"), ("الوزير", "PER")]
    doc.ents = [Span(doc, 3, 5, label="MISC")]  # only ". \n"
    assert cleanup(doc).ents == ()


def test_contract_entities_leave_out_proclitics_before_the_article():
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    text = "وصل والكويت بالعراق للكويت لبنان وزارة"
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, i, i + 1, label="GPE") for i in range(1, 6)]
    got = [text[r["start"] : r["end"]] for r in entity_records(doc)]
    assert got == ["الكويت", "العراق", "لكويت", "لبنان", "وزارة"]


def test_trailing_function_words_are_trimmed_but_not_name_letters():
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    cleanup = nlp.add_pipe("khabar_entity_cleanup")
    words = ["قال", "صندوق", "النقد", "الدولي", "الذي", "يقرض", "و", "أو", "غلوبو", "في"]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 6 + [False] + [True] * 3)
    doc.ents = [Span(doc, 1, 5, label="ORG"), Span(doc, 7, 10, label="ORG")]
    assert [e.text for e in cleanup(doc).ents] == ["صندوق النقد الدولي", "أو غلوبو"]
    # after a spelled-out letter, إن and في are letters of the name
    words = ["قناة", "سي", "إن", "إن", "و", "قناة", "إم", "تي", "في"]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, True, True, False, True, True, True,
                                              False])
    doc.ents = [Span(doc, 0, 4, label="ORG"), Span(doc, 5, 9, label="ORG")]
    assert [e.text for e in cleanup(doc).ents] == ["قناة سي إن إن", "قناة إم تي في"]
    # a one-letter token glued to the name is the name's own letter (سالجو + ك)
    words = ["ضياء", "سالجو", "ك", "ل", "الفريق"]
    doc = Doc(nlp.vocab, words=words, spaces=[True, False, True, False, False])
    doc.ents = [Span(doc, 0, 3, label="PER")]
    assert [e.text for e in cleanup(doc).ents] == ["ضياء سالجوك"]
    doc.ents = [Span(doc, 0, 4, label="PER")]
    assert [e.text for e in cleanup(doc).ents] == ["ضياء سالجوك"]


def test_a_percent_sign_stays_in_the_value():
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    cleanup = nlp.add_pipe("khabar_entity_cleanup")
    doc = Doc(nlp.vocab, words=["ارتفع", "25", "%", "."], spaces=[True, False, False, False])
    doc.ents = [Span(doc, 1, 4, label="PERCENT")]
    assert [e.text for e in cleanup(doc).ents] == ["25%"]


def _cleaned(text: str, label: str) -> str:
    """The entity left when the whole of ``text`` was tagged ``label``."""
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    cleanup = nlp.add_pipe("khabar_entity_cleanup")
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, 0, len(doc), label=label)]
    return " ".join(e.text for e in cleanup(doc).ents)


def test_a_name_ends_before_a_status_word_or_the_next_persons_title():
    assert _cleaned("حزب العدالة والتنمية الحاكم", "ORG") == "حزب العدالة والتنمية"
    assert _cleaned("وكالة الأنباء السعودية الرسمية", "ORG") == "وكالة الأنباء السعودية"
    assert _cleaned("مجلس الشورى الدكتور", "ORG") == "مجلس الشورى"
    assert _cleaned("نادي الزمالك السابق", "ORG") == "نادي الزمالك"
    # the description is not the name's own last word
    assert _cleaned("الجريدة الرسمية", "ORG") == "الجريدة الرسمية"
    assert _cleaned("الأسبوع المقبل", "DATE") == "الأسبوع المقبل"
    assert _cleaned("العام الدراسي المقبل", "DATE") == "العام الدراسي المقبل"
    # title words end surnames and place names
    assert _cleaned("سوسن الشاعر", "PER") == "سوسن الشاعر"
    assert _cleaned("حسين علي الشيخ", "PER") == "حسين علي الشيخ"
    assert _cleaned("مدينة شرم الشيخ", "GPE") == "مدينة شرم الشيخ"


def test_a_class_noun_before_a_borrowed_name_or_a_title_of_the_media_is_dropped():
    assert _cleaned("شركة سوني", "ORG") == "سوني"
    assert _cleaned('شركة "أودي"', "ORG") == "أودي"
    assert _cleaned("صحيفة الوطن", "ORG") == "الوطن"
    assert _cleaned("موقع إنستاغرام", "ORG") == "إنستاغرام"
    # a descriptive company name keeps its head
    assert _cleaned("شركة الدار العقارية", "ORG") == "شركة الدار العقارية"
    assert _cleaned("شركة جبل عمر للتطوير", "ORG") == "شركة جبل عمر للتطوير"
    # only organisations: a designator alone or before a place is left as it is
    assert _cleaned("شركة", "ORG") == "شركة"
    assert _cleaned("موقع الحادث", "LOC") == "موقع الحادث"
