"""Entity spans as users get them: no edge punctuation or spaces, no proclitic before ال."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from khabar.contract import entity_records
from tests.conftest import TOKENIZER_CONFIG, ruler_ents


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



NAME_EDGES = [
    # a name ends before a status word or the next person's title
    ("حزب العدالة والتنمية الحاكم", "ORG", "حزب العدالة والتنمية"),
    ("وكالة الأنباء السعودية الرسمية", "ORG", "وكالة الأنباء السعودية"),
    ("مجلس الشورى الدكتور", "ORG", "مجلس الشورى"),
    ("نادي الزمالك السابق", "ORG", "نادي الزمالك"),
    ("يديعوت أحرونوت الإسرائيلية الصادرة", "ORG", "يديعوت أحرونوت الإسرائيلية"),
    ("مجلس الأمن البالغ", "ORG", "مجلس الأمن"),
    # ... but a description that is the name's own second word stays, as do value words
    ("الجريدة الرسمية", "ORG", "الجريدة الرسمية"),
    ("الأسبوع المقبل", "DATE", "الأسبوع المقبل"),
    ("العام الدراسي المقبل", "DATE", "العام الدراسي المقبل"),
    # title and status words end surnames and place names, and an ORG's own adjective
    ("سوسن الشاعر", "PER", "سوسن الشاعر"),
    ("حسين علي الشيخ", "PER", "حسين علي الشيخ"),
    ("محمد بن سعد الحاكم", "PER", "محمد بن سعد الحاكم"),
    ("مدينة شرم الشيخ", "GPE", "مدينة شرم الشيخ"),
    ("جامعة كفر الشيخ", "ORG", "جامعة كفر الشيخ"),
    ("شبكة الجزيرة الإعلامية", "ORG", "شبكة الجزيرة الإعلامية"),
    # a class noun before a borrowed name or a media title is not part of the ORG
    ("شركة سوني", "ORG", "سوني"),
    ('شركة "أودي"', "ORG", "أودي"),
    ("صحيفة الوطن", "ORG", "الوطن"),
    ("موقع إنستاغرام", "ORG", "إنستاغرام"),
    # a descriptive company name keeps its head; a lone designator or a place stays
    ("شركة الدار العقارية", "ORG", "شركة الدار العقارية"),
    ("شركة جبل عمر للتطوير", "ORG", "شركة جبل عمر للتطوير"),
    ("شركة نفط الكويت", "ORG", "شركة نفط الكويت"),
    ("شركة هاليبرتون الأمريكية", "ORG", "هاليبرتون الأمريكية"),
    ("شركة", "ORG", "شركة"),
    ("موقع الحادث", "LOC", "موقع الحادث"),
]


@pytest.fixture(scope="module")
def cleanup_nlp():
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    nlp.add_pipe("khabar_entity_cleanup")
    return nlp


@pytest.mark.parametrize("text,label,expected", NAME_EDGES)
def test_names_stop_where_their_description_starts(cleanup_nlp, text: str, label: str,
                                                   expected: str):
    ents = ruler_ents(cleanup_nlp, "khabar_entity_cleanup", text, ((text, label),))
    assert " ".join(t for t, _ in ents) == expected


@pytest.mark.parametrize("text,expected", [
    # a person's title opens no organisation: the person named after it, or nothing
    ("المحامية ليلى الهاشمي", [("ليلى الهاشمي", "PER")]),
    ("المديرة العامة للصحة الأساسية", []),
    ("المفوضة الأوروبية", []),
    # ... or the organisation named inside the title phrase
    ("المتحدث باسم وزارة الخارجية", [("وزارة الخارجية", "ORG")]),
    # a body that merely starts like a title stays
    ("مجلس النواب", [("مجلس النواب", "ORG")]),
])
def test_an_organisation_does_not_start_with_a_persons_title(cleanup_nlp, text: str,
                                                             expected: list) -> None:
    assert ruler_ents(cleanup_nlp, "khabar_entity_cleanup", text, ((text, "ORG"),)) == expected


@pytest.mark.parametrize("text,entity,expected", [
    # after باسم the body ends at its last definite word, the indefinite words are a person
    ("وقال المتحدث باسم الحكومة نذير العرباوي", "الحكومة نذير العرباوي",
     [("الحكومة", "ORG"), ("نذير العرباوي", "PER")]),
    ("المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي", "الجيش الإسرائيلي أفيخاي أدرعي",
     [("الجيش الإسرائيلي", "ORG"), ("أفيخاي أدرعي", "PER")]),
    # not elsewhere, and not within a definite name
    ("اجتمع وفد الحكومة نذير", "الحكومة نذير", [("الحكومة نذير", "ORG")]),
    ("المتحدث باسم الأمم المتحدة", "الأمم المتحدة", [("الأمم المتحدة", "ORG")]),
])
def test_a_spokesmans_name_after_the_body(cleanup_nlp, text: str, entity: str,
                                          expected: list) -> None:
    assert ruler_ents(cleanup_nlp, "khabar_entity_cleanup", text, ((entity, "ORG"),)) == expected


@pytest.mark.parametrize("text,entity,expected", [
    # a person's title in construct before or at the start of the ORG: the name is a PER
    ("وقال عضو لجنة الأمن والدفاع النيابية حيدر الساعدي",
     "لجنة الأمن والدفاع النيابية حيدر الساعدي",
     [("لجنة الأمن والدفاع النيابية", "ORG"), ("حيدر الساعدي", "PER")]),
    ("وقال مدير مكتب الصحة الدكتور راجح المليكي", "مدير مكتب الصحة الدكتور راجح المليكي",
     [("مكتب الصحة", "ORG"), ("راجح المليكي", "PER")]),
    # names inside an organisation's name and indefinite words that are no name stay
    ("أكد رئيس مدينة الملك عبدالعزيز للعلوم", "مدينة الملك عبدالعزيز للعلوم",
     [("مدينة الملك عبدالعزيز للعلوم", "ORG")]),
    ("بوصفه رئيس لجنة توحيد البلاد سلميا", "لجنة توحيد البلاد سلميا",
     [("لجنة توحيد البلاد سلميا", "ORG")]),
])
def test_a_name_after_a_titled_body(text: str, entity: str, expected: list) -> None:
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    nlp.add_pipe("khabar_entity_cleanup", config={"name_titles": ["عضو", "مدير", "رئيس"]})
    assert ruler_ents(nlp, "khabar_entity_cleanup", text, ((entity, "ORG"),)) == expected
