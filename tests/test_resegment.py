"""Gold NER Docs moved onto clitic tokens: proclitics leave the entity, missing stays missing."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from khabar.corpus.resegment import resegment
from khabar.segmenter import CliticSegmenter
from khabar.tokenizer import CliticTokenizer, rule_tokenizer

FREQ = {"العراق": 9, "الكويت": 9, "زار": 9, "وزار": 2, "الوزير": 9, "أمس": 9}


def test_entities_lose_proclitics_and_keep_missing_and_sentence_starts():
    nlp = spacy.blank("ar")
    tokenize = CliticTokenizer(nlp.vocab, rule_tokenizer(nlp), CliticSegmenter(FREQ))
    words = ["وزار", "الوزير", "والعراق", "وللكويت", ".", "أمس", "."]
    doc = Doc(nlp.vocab, words=words, sent_starts=[True, False, False, False, False, True, False])
    doc.set_ents(
        [Span(doc, 2, 3, "LOC"), Span(doc, 3, 4, "LOC")],
        missing=[doc[5:6]],  # the source does not annotate dates
        default="outside",
    )
    doc.spans["source_labels"] = [Span(doc, 2, 3, "Nation")]
    new = resegment(doc, tokenize)
    assert new.text == doc.text
    assert [(e.text, e.label_) for e in new.ents] == [("العراق", "LOC"), ("لكويت", "LOC")]
    assert [t.ent_iob_ for t in new if t.text == "أمس"] == [""]  # still missing
    assert new[0].text == "و" and new[0].ent_iob_ == "O"
    assert [s[0].text for s in new.sents] == ["و", "أمس"]
    assert [(s.text, s.label_) for s in new.spans["source_labels"]] == [("العراق", "Nation")]
