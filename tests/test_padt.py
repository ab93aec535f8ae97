"""PADT conversion: v1 → v2 labels, devocalisation, raw text reconstruction and spans.

The CoNLL-U snippets are written by hand (not taken from PADT)."""

from __future__ import annotations

import pytest
import spacy

from khabar.corpus import padt


def conllu(*rows: str, comments: tuple[str, ...] = ()) -> padt.Sentence:
    """One sentence from rows of space-separated columns (``_`` for empty)."""
    lines = [*comments, *("\t".join(r.split()) for r in rows)]
    (sentence,) = padt.parse_conllu(lines)
    return sentence


PRON_GEN = "Case=Gen|Gender=Masc|Number=Sing|Person=3|PronType=Prs"
CLITICS_V1 = conllu(
    "1 وَ _ CONJ C--------- _ 3 cc _ _",
    "2 بِ _ ADP P--------- AdpType=Prep 3 case _ _",
    "3 اَلمَدِينَةِ _ NOUN N------S2D Case=Gen|Definite=Def|Number=Sing 0 root _ _",
    "4 لِ _ ADP P--------- AdpType=Prep 5 case _ _",
    "5 اَلمَدِينَةِ _ NOUN N------S2D Case=Gen|Definite=Def|Number=Sing 3 nmod _ _",
    "6 كِتَابَةُ _ NOUN N------S1R Case=Nom|Definite=Red|Number=Sing 3 nmod _ _",
    f"7 هُ _ PRON SP---3MS2- {PRON_GEN} 6 nmod _ _",
    "8 وَزِيرٌ _ NOUN N------S1I Case=Nom|Definite=Ind|Number=Sing 3 nmod _ _",
    "9 . _ PUNCT G--------- _ 3 punct _ _",
    comments=("# sent_id s-p1", "# orig_file_sentence XYZ_ARB_20010101.0001#1"),
)
RAW = "وبالمدينة للمدينة كتابته وزير."


def converted(sentence: padt.Sentence) -> padt.Sentence:
    return padt.convert_sentence(sentence)


def by_id(sentence: padt.Sentence) -> dict[int, padt.Word]:
    return {w.id: w for w in sentence.words}


def test_devocalise_keeps_a_lone_tatweel() -> None:
    assert padt.devocalise("مَجمُوعَةٌ") == "مجموعة"
    assert padt.devocalise("ذٰلِكَ") == "ذلك"
    assert padt.devocalise("عـربي") == "عربي"
    assert padt.devocalise("ـ") == "ـ"


def test_vocalised_form_and_lemma_move_to_misc() -> None:
    s = conllu("1 كِتَابٌ كِتَاب NOUN N------S1I _ 0 root _ Translit=kitābun")
    (w,) = converted(s).words
    assert (w.form, w.lemma) == ("كتاب", "كتاب")
    assert w.misc == "Vform=كِتَابٌ|Vlemma=كِتَاب|Translit=kitābun"
    assert padt.vocalised(w) == "كِتَابٌ"


def test_v1_labels_and_features_become_v2() -> None:
    s = converted(
        conllu(
            "1 لَم _ PART F--------- Negative=Neg 2 neg _ _",
            "2 يُعلَن _ VERB VIIP-3MS-- Voice=Pass 0 root _ _",
            "3 أَن _ CONJ C--------- _ 4 mark _ _",
            "4 قُتِلَ _ VERB VP-P-3MS-- Voice=Pass 2 csubjpass _ _",
            "5 جُندِيٌّ _ NOUN N------S1I Definite=Ind 4 nsubjpass _ _",
            "6 كَانَ _ VERB VP-A-3MS-- _ 4 auxpass _ _",
            "7 رُغمَ _ ADP P--------- _ 4 mwe _ _",
            "8 بُوش _ X X--------- Foreign=Foreign 5 foreign _ _",
            "9 وَزِيرِ _ NOUN N------S2R Definite=Red 5 dobj _ _",
        )
    )
    rel = {w.id: (w.upos, w.deprel) for w in s.words}
    assert rel[1] == ("PART", "advmod")
    assert rel[3] == ("SCONJ", "mark")
    assert [rel[i][1] for i in (4, 5, 6, 7, 8, 9)] == [
        "csubj:pass", "nsubj:pass", "aux:pass", "fixed", "flat:foreign", "obj",
    ]  # fmt: skip
    feats = {w.id: w.feats for w in s.words}
    assert (feats[1], feats[8], feats[9]) == ("Polarity=Neg", "Foreign=Yes", "Definite=Cons")


def test_root_conjunction_cc_and_obl_follow_v2() -> None:
    s = converted(
        conllu(
            "1 وَ _ CONJ C--------- _ 0 root _ _",
            "2 زَارَ _ VERB VP-A-3MS-- _ 1 parataxis _ _",
            "3 اَلوَزِيرُ _ NOUN N------S1D _ 2 nsubj _ _",
            "4 مِصرَ _ X X--------- _ 2 dobj _ _",
            "5 وَ _ CONJ C--------- _ 4 cc _ _",
            "6 لُبنَانَ _ X X--------- _ 4 conj _ _",
            "7 فِي _ ADP P--------- _ 8 case _ _",
            "8 يَومِ _ NOUN N------S2R _ 2 nmod _ _",
            "9 اَلسَّبتِ _ NOUN N------S2D _ 8 nmod _ _",
            "10 . _ PUNCT G--------- _ 1 punct _ _",
        )
    )
    w = by_id(s)
    assert (w[2].head, w[2].deprel) == (0, "root")
    assert (w[1].head, w[1].deprel, w[1].upos) == (2, "cc", "CCONJ")
    assert (w[10].head, w[4].deprel) == (2, "obj")
    assert (w[5].head, w[5].deprel) == (6, "cc")  # cc moves to the conjunct it introduces
    assert (w[8].deprel, w[9].deprel) == ("obl", "nmod")


def test_remnants_become_conj_and_orphan() -> None:
    s = converted(
        conllu(
            "1 أَكَلَ _ VERB VP-A-3MS-- _ 0 root _ _",
            "2 زَيدٌ _ NOUN N------S1I _ 1 nsubj _ _",
            "3 تُفَّاحَةً _ NOUN N------S4I _ 1 dobj _ _",
            "4 وَ _ CONJ C--------- _ 1 cc _ _",
            "5 عَمرٌو _ NOUN N------S1I _ 2 remnant _ _",
            "6 مَوزَةً _ NOUN N------S4I _ 3 remnant _ _",
        )
    )
    w = by_id(s)
    assert (w[5].head, w[5].deprel) == (1, "conj")
    assert (w[6].head, w[6].deprel) == (5, "orphan")
    assert w[4].head == 5


def test_clitics_join_into_the_raw_text() -> None:
    surface = padt.rule_surface(converted(CLITICS_V1).words)
    assert surface.text == RAW
    assert [t.text for t in surface.tokens] == ["وبالمدينة", "للمدينة", "كتابته", "وزير", "."]
    pieces = [(p.text, p.norm) for p in surface.pieces]
    assert pieces == [
        ("و", "و"), ("ب", "ب"), ("المدينة", "المدينة"),
        ("ل", "ل"), ("لمدينة", "المدينة"),
        ("كتابت", "كتابة"), ("ه", "ه"),
        ("وزير", "وزير"), (".", "."),
    ]  # fmt: skip


def test_piece_offsets_index_the_raw_text() -> None:
    surface = padt.rule_surface(converted(CLITICS_V1).words)
    spans = [(p.start, p.end) for p in surface.pieces]
    assert spans == [
        (0, 1),
        (1, 2),
        (2, 9),
        (10, 11),
        (11, 17),
        (18, 23),
        (23, 24),
        (25, 29),
        (29, 30),
    ]
    assert all(surface.text[p.start : p.end] == p.text for p in surface.pieces)
    assert surface.spaces() == [False, False, True, False, True, False, True, False, False]


@pytest.mark.parametrize(
    ("host", "xpos", "suffix", "expected"),
    [
        ("إِلغَاءِ", "N------S2R", "هَا", "إلغائها"),  # hamza after i sits on ya
        ("لِقَاءُ", "N------S1R", "هُ", "لقاؤه"),  # after u on waw
        ("مُستَوَى", "N------S1R", "هُ", "مستواه"),  # alef maqsura
        ("فِي", "P---------", "يَ", "في"),  # ي + ي written once
        ("نَهَبُوا", "VP-A-3MP--", "هُ", "نهبوه"),
    ],
)
def test_host_spelling_before_a_pronoun(host: str, xpos: str, suffix: str, expected: str) -> None:
    upos = {"N": "NOUN", "P": "ADP", "V": "VERB"}[xpos[0]]
    s = conllu(
        f"1 {host} _ {upos} {xpos} _ 0 root _ _",
        f"2 {suffix} _ PRON SP---3MS4- Case=Acc|Person=3|PronType=Prs 1 obj _ _",
    )
    surface = padt.rule_surface(converted(s).words)
    assert surface.text == expected
    assert all(p.text for p in surface.pieces)


def test_lam_before_article_and_stem_lam() -> None:
    s = conllu(
        "1 لِ _ ADP P--------- _ 2 case _ _",
        "2 اَللَّجنَةِ _ NOUN N------S2D _ 0 root _ _",
        "3 لِ _ ADP P--------- _ 4 case _ _",
        "4 اِلتِزَامٍ _ NOUN N------S2I _ 2 nmod _ _",
    )
    surface = padt.rule_surface(converted(s).words)
    assert surface.text == "للجنة لالتزام"
    assert [(p.text, p.norm) for p in surface.pieces][:2] == [("ل", "ل"), ("لجنة", "اللجنة")]


def test_words_that_only_look_like_clitics_stay_whole() -> None:
    s = conllu(
        "1 وَزِيرُ _ NOUN N------S1R _ 0 root _ _",
        "2 هُوَ _ PRON SP---3MS1- Case=Nom|PronType=Prs 1 nsubj _ _",
        "3 ( _ PUNCT G--------- _ 4 punct _ _",
        "4 ب _ X Y--------- Abbr=Yes 1 dep _ _",
        "5 ) _ PUNCT G--------- _ 4 punct _ _",
        "6 وَ _ CONJ C--------- _ 7 cc _ _",
        "7 ١٥ _ NUM Q--------- _ 1 nummod _ _",
        "8 - _ PUNCT G--------- _ 7 punct _ _",
        "9 ٧ _ NUM Q--------- _ 7 nummod _ _",
    )
    surface = padt.rule_surface(converted(s).words)
    assert surface.text == "وزير هو (ب) و١٥-٧"


def test_quotes_alternate_open_and_close() -> None:
    assert padt.rule_spaces(['"', "قال", '"', "و", '"', "هو", '"', "."]) == [
        False, False, True, True, False, False, False, False,
    ]  # fmt: skip


GOLD_V2 = conllu(
    "1-3 وللمدينه _ _ _ _ _ _ _ _",
    "1 و _ CCONJ _ _ 3 cc _ _",
    "2 ل _ ADP _ _ 3 case _ _",
    "3 المدينة _ NOUN _ _ 0 root _ _",
    "4-5 كتابته _ _ _ _ _ _ _ SpaceAfter=No",
    "4 كتابة _ NOUN _ _ 3 nmod _ _",
    "5 ه _ PRON SP---3MS2- Case=Gen 4 nmod _ _",
    "6 . _ PUNCT _ _ 3 punct _ _",
    comments=("# sent_id = d1#1", "# text = وللمدينه  كتابته."),
)


def test_ground_truth_tokens_and_text_win() -> None:
    surface = padt.gold_surface(GOLD_V2)
    assert surface.text == "وللمدينه كتابته."  # spacing from # text, one space per gap
    assert [(p.text, p.norm) for p in surface.pieces][:3] == [
        ("و", "و"), ("ل", "ل"), ("لمدينه", "المدينة"),
    ]  # fmt: skip
    agreement = padt.Agreement()
    agreement.add(GOLD_V2)
    assert (agreement.tokens, agreement.tokens_equal) == (2, 1)
    assert (agreement.texts, agreement.texts_equal, agreement.texts_equal_no_space) == (1, 0, 0)


def padt_sentence() -> padt.PadtSentence:
    s = converted(CLITICS_V1)
    return padt.PadtSentence(padt.document_id(s), "XYZ#1", s, padt.gold_surface(s))


def test_converted_conllu_has_text_and_multiword_tokens() -> None:
    text = padt.format_conllu(padt_sentence(), newdoc=True)
    assert "# newdoc id = XYZ_ARB_20010101.0001" in text
    assert f"# text = {RAW}" in text
    (back,) = padt.parse_conllu(text.splitlines())
    assert [(m.first, m.last, m.form) for m in back.mwts] == [
        (1, 3, "وبالمدينة"), (4, 5, "للمدينة"), (6, 7, "كتابته"),
    ]  # fmt: skip
    assert "SpaceAfter=No" in back.words[7].misc  # وزير before the full stop
    assert padt.gold_surface(back).text == RAW


def test_spacy_doc_tokens_are_slices_with_norms() -> None:
    nlp = spacy.blank("ar")
    doc = padt.sentence_to_doc(nlp.vocab, padt_sentence())
    assert doc.text == RAW
    assert [t.text for t in doc][3:5] == ["ل", "لمدينة"]
    assert doc[4].norm_ == "المدينة" and doc[5].norm_ == "كتابة"
    assert doc[2].dep_ == "ROOT" and doc[0].head.i == 2 and doc[0].pos_ == "CCONJ"
    assert str(doc[5].morph) == "Case=Nom|Definite=Cons|Number=Sing"
    (merged,) = padt.documents_to_docs(nlp.vocab, [padt_sentence(), padt_sentence()])
    assert merged.text == f"{RAW} {RAW}" and len(list(merged.sents)) == 2
    assert merged[4].norm_ == "المدينة"
    assert merged.user_data["doc_id"] == "XYZ_ARB_20010101.0001"


def test_split_rule_is_by_document() -> None:
    split = padt.make_split([f"D{i:02d}" for i in range(1, 15)], ["T1"])
    assert split["tune"] == ["D07", "D14"] and len(split["train"]) == 12 and split["test"] == ["T1"]


@pytest.mark.shared
@pytest.mark.slow
def test_real_padt_converts_and_round_trips() -> None:
    if not padt.padt_dir().exists():
        pytest.skip(f"UD PADT v1 not found at {padt.padt_dir()} (set KHABAR_SHARED)")
    data = padt.load_padt()
    assert sum(len(v) for v in data.values()) == 786 + 704
    assert len(data["test"]) == 704 and len(data["train"]) + len(data["tune"]) == 786
    assert not {s.doc_id for s in data["test"]} & {s.doc_id for s in data["train"]}
    nlp = spacy.blank("ar")
    for s in (s for v in data.values() for s in v):
        assert padt.sentence_to_doc(nlp.vocab, s).text == s.surface.text
        assert all(s.surface.text[p.start : p.end] == p.text != "" for p in s.surface.pieces)


def test_v2_comments_with_a_space_in_the_key() -> None:
    sentence = conllu(
        "1 نعم _ INTJ _ _ 0 root _ _",
        comments=("# newdoc id = D1", "# sent_id = D1#1", "# text = نعم", "# sent_id s-p1"),
    )
    assert sentence.meta("newdoc id") == "D1"
    assert sentence.meta("text") == "نعم"
