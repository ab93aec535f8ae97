"""Conversion of token-per-line NER files: cleaning, label mapping, nesting, missing labels."""

from __future__ import annotations

import spacy

from khabar.corpus.iob import ReadReport, read_iob, sentences_to_doc
from khabar.corpus.ner_sources import NEWSFANE_MAP, WOJOOD_MAP
from khabar.corpus.values import looks_like_nisba, looks_like_value


def write(tmp_path, text: str):
    path = tmp_path / "data.txt"
    path.write_bytes(text.encode("utf8"))
    return path


def test_bom_crlf_ltr_marks_and_bad_lines(tmp_path):
    path = write(
        tmp_path,
        "\ufeff\u200eزار\tO\r\n\u200eعمان\tB-Nation\r\nبلا-وسم\r\n\t\r\n\u200eجاء\tO\r\nX IO\r\n",
    )
    report = ReadReport()
    sents = list(read_iob(path, report))
    assert [s.words for s in sents] == [["زار", "عمان"], ["جاء"]]
    assert [line for line, _ in report.dropped_lines] == [3, 6]
    doc = sentences_to_doc(spacy.blank("ar").vocab, sents, NEWSFANE_MAP)
    assert [(e.text, e.label_) for e in doc.ents] == [("عمان", "GPE")]
    assert [(s.text, s.label_) for s in doc.spans["source_labels"]] == [("عمان", "Nation")]
    assert [s.text for s in doc.sents] == ["زار عمان", "جاء"]


def test_wojood_nesting_keeps_the_outermost_mapped_span(tmp_path):
    path = write(
        tmp_path,
        "سكرتير B-OCC\nاللجنة I-OCC B-ORG\nالعربية I-OCC I-ORG\n"
        "في I-OCC\nنابلس I-OCC B-GPE\n$#$ O\n\nمجلس B-ORG\nالأمن I-ORG\n",
    )
    sents = list(read_iob(path))
    assert sents[0].words[-1] == "نابلس"  # the $#$ segment marker is dropped
    doc = sentences_to_doc(spacy.blank("ar").vocab, sents, WOJOOD_MAP)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("اللجنة العربية", "ORG"),
        ("نابلس", "GPE"),
        ("مجلس الأمن", "ORG"),
    ]


def test_unannotated_types_become_missing_not_outside(tmp_path):
    path = write(
        tmp_path,
        "وصل O\nالوفد O\nاللبناني O\nأمس O\nإلى O\nعمان B-LOC\nومعه O\n100 O\nدولار B-MISC\n",
    )
    doc = sentences_to_doc(
        spacy.blank("ar").vocab,
        list(read_iob(path)),
        {"LOC": "GPE"},
        is_missing=lambda w: looks_like_value(w) or looks_like_nisba(w),
        is_missing_entity=looks_like_value,
    )
    iob = {t.text: t.ent_iob_ for t in doc}
    assert iob["اللبناني"] == iob["أمس"] == iob["100"] == iob["دولار"] == ""  # missing
    assert iob["الوفد"] == iob["ومعه"] == "O"
    assert [(e.text, e.label_) for e in doc.ents] == [("عمان", "GPE")]


def test_value_and_nisba_patterns():
    assert all(map(looks_like_value, ["أمس", "٢٠٢٤", "ومايو", "بالمئة", "الاثنين", "12:30"]))
    assert not any(map(looks_like_value, ["الكويت", "الوزير", "قال"]))
    assert all(map(looks_like_nisba, ["اللبناني", "الفرنسية", "والأمريكية", "لبنانيين"]))
    assert not any(map(looks_like_nisba, ["التي", "الذي", "مصطفى", "أخرى"]))


def test_our_corpus_as_ner_data_train_twice_dev_once_no_test(shared, tmp_path):
    """`khabar.build.ner_data`'s corpus source: the train split is written `copies` times,
    dev once, the test split never; `--corpus-copies 0` removes an earlier run's files."""
    from spacy.tokens import DocBin

    from khabar.build.ner_data import main, write_corpus
    from khabar.corpus.standoff import load_corpus

    nlp = spacy.blank("ar")
    write_corpus(nlp, tmp_path, 2)
    train = list(DocBin().from_disk(tmp_path / "train" / "khabar_corpus.spacy")
                 .get_docs(nlp.vocab))
    dev = list(DocBin().from_disk(tmp_path / "dev" / "khabar_corpus.spacy").get_docs(nlp.vocab))
    assert len(train) == 2 * len(load_corpus(None, "train"))
    assert len(dev) == len(load_corpus(None, "dev"))
    assert not (tmp_path / "test").exists()
    assert sum(len(d.ents) for d in dev) > 1000  # gold entities, in our labels
    assert {e.label_ for d in dev for e in d.ents} <= {
        "PER", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "DATE", "TIME", "MONEY",
        "PERCENT", "QUANTITY", "MISC"}
    main([str(tmp_path), "--sources", "wojood", "--corpus-copies", "0"])
    assert not (tmp_path / "train" / "khabar_corpus.spacy").exists()


def test_person_names_that_begin_with_a_clitic_letter(shared):
    from khabar.build.segmenter import person_name_words

    names = person_name_words(2)
    assert {"وليد", "كوفي"} <= names
    assert not names & {"وزير", "والعراق", "بالكويت", "للرئيس", "وقال"}
