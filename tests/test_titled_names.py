"""A person named after a title is a PER entity even where the NER missed or cut the name."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from tests.conftest import TOKENIZER_CONFIG


def _doc(nlp, tagged: str, glued: tuple[int, ...] = (), ents=()) -> Doc:  # noqa: ANN001
    """Words as ``word/POS``; tokens listed in ``glued`` have no space after them."""
    pairs = [item.rsplit("/", 1) for item in tagged.split()]
    words = [w for w, _ in pairs]
    doc = Doc(nlp.vocab, words=words, spaces=[i not in glued for i in range(len(words))],
              pos=[p for _, p in pairs], sent_starts=[True] + [False] * (len(words) - 1))
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _names(tagged: str, glued: tuple[int, ...] = (), ents=()) -> list[tuple[str, str]]:  # noqa: ANN001
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    component = nlp.add_pipe("khabar_titled_names")
    doc = component(_doc(nlp, tagged, glued, ents))
    return [(e.text, e.label_) for e in doc.ents]


def test_a_name_the_ner_missed_after_a_title_phrase():
    # وقالت وزيرة الخارجية الفنلندية إلينا فالتونين إن …: the segmenter read ف + التونين
    tagged = ("و/CCONJ قالت/VERB وزيرة/NOUN الخارجية/NOUN الفنلندية/ADJ إلينا/X ف/CCONJ "
              "التونين/X إن/SCONJ بلادها/NOUN")
    got = _names(tagged, glued=(0, 6), ents=[(3, 5, "ORG")])
    assert got == [("الخارجية الفنلندية", "ORG"), ("إلينا فالتونين", "PER")]
    # a title, its adjective, then the name before a preposition
    tagged = "قال/VERB الناشط/NOUN الكردي/X هفال/X ديرسم/X ل/ADP وكالة/NOUN"
    assert _names(tagged, glued=(5,)) == [("هفال ديرسم", "PER")]


def test_a_name_the_ner_cut_is_completed_on_either_side():
    tagged = "أفاد/VERB الناطق/NOUN العسكري/ADJ العميد/NOUN يحيى/X رسول/X ب/ADP أن/SCONJ"
    assert _names(tagged, glued=(6,), ents=[(4, 5, "PER")]) == [("يحيى رسول", "PER")]
    # المتحدثة باسم المفوضية أولغا سارادو إن: the NER found the surname only
    tagged = "قالت/VERB المتحدثة/NOUN ب/ADP اسم/NOUN المفوضية/NOUN أولغا/X سارادو/X إن/SCONJ"
    got = _names(tagged, glued=(2,), ents=[(4, 5, "ORG"), (6, 7, "PER")])
    assert got == [("المفوضية", "ORG"), ("أولغا سارادو", "PER")]


def test_no_name_where_none_is_written():
    # an indefinite title before its genitive: مستشار أبحاث في الشركة
    assert _names("قال/VERB مستشار/NOUN أبحاث/X في/ADP الشركة/NOUN") == []
    # a word the tagger does not read as a name (مجددا), and one proper word alone
    assert _names("قال/VERB الوزير/NOUN مجددا/ADJ إن/SCONJ") == []
    assert _names("قال/VERB الوزير/NOUN ضيفة/X ،/PUNCT") == []
    # no boundary after the words: they run on into the clause
    assert _names("قال/VERB الوزير/NOUN جون/X سميث/X يعمل/VERB") == []
    # a quotation mark glued to the next word is not part of the name
    tagged = 'الرئيس/NOUN بشار/X الأسد/X "/PUNCT احنا/X ب/ADP الباص/NOUN'
    assert _names(tagged, glued=(3, 5), ents=[(1, 3, "PER")]) == [("بشار الأسد", "PER")]


def test_entities_of_other_labels_are_left_alone():
    tagged = "قال/VERB الوزير/NOUN جون/X سميث/X إن/SCONJ"
    assert _names(tagged, ents=[(2, 4, "ORG")]) == [("جون سميث", "ORG")]
    # a name starts at no title word: the title inside a long name phrase ends the run
    tagged = "قال/VERB الدكتور/NOUN عمرو/X حافظ/X عضو/X في/ADP اللجنة/NOUN"
    assert _names(tagged, ents=[(2, 4, "PER")]) == [("عمرو حافظ", "PER")]


def test_titles_come_from_the_config():
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    component = nlp.add_pipe("khabar_titled_names", config={"titles": ["سفير"]})
    doc = component(_doc(nlp, "قال/VERB الوزير/NOUN جون/X سميث/X إن/SCONJ"))
    assert doc.ents == ()
    doc = component(_doc(nlp, "قالت/VERB السفيرة/NOUN ماري/X دوبون/X إن/SCONJ"))
    assert [(e.text, e.label_) for e in doc.ents] == [("ماري دوبون", "PER")]
    assert nlp.config["components"]["khabar_titled_names"]["titles"] == ["سفير"]


def _wide_names(tagged: str, glued: tuple[int, ...] = (), ents=(), morphs=None):  # noqa: ANN001, ANN202
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    component = nlp.add_pipe("khabar_titled_names", config={
        "construct_nouns": True, "place_prepositions": ["في"], "given_name_tags": ["NOUN"]})
    doc = _doc(nlp, tagged, glued, ents)
    for token, morph in zip(doc, morphs or [], strict=False):
        token.set_morph(morph)
    return [(e.text, e.label_) for e in component(doc).ents]


def test_wider_title_phrases_where_the_settings_allow_them():
    # construct nouns: رئيس وزراء سنغافورة لي هسين لونج
    tagged = "مع/ADP رئيس/NOUN وزراء/NOUN سنغافورة/X لي/X هسين/X لونج/X في/ADP"
    morphs = ["", "Definite=Cons", "Definite=Cons"]
    got = _wide_names(tagged, ents=[(3, 4, "GPE"), (4, 6, "PER")], morphs=morphs)
    assert got == [("سنغافورة", "GPE"), ("لي هسين لونج", "PER")]
    assert _names(tagged, ents=[(3, 4, "GPE"), (4, 6, "PER")]) == [
        ("سنغافورة", "GPE"), ("لي هسين", "PER")]  # off by default
    # a place after في: المدعية العامة في مرسيليا كلير فونتين إن
    tagged = "قالت/VERB المدعية/NOUN العامة/ADJ في/ADP مرسيليا/X كلير/X فونتين/X إن/SCONJ"
    assert _wide_names(tagged, ents=[(4, 5, "GPE")]) == [
        ("مرسيليا", "GPE"), ("كلير فونتين", "PER")]
    # a given name the tagger reads as a noun, before a name word
    tagged = "قالت/VERB الدكتورة/NOUN بثينة/NOUN الهنائية/X إن/SCONJ"
    assert _wide_names(tagged) == [("بثينة الهنائية", "PER")]
    assert _wide_names("قال/VERB الوزير/NOUN اليوم/NOUN إن/SCONJ") == []


def test_a_found_name_is_not_run_on_into_the_clause():
    # عضو مجلس إدارة الاتحاد عوض العقيلي التهنئة ل…: التهنئة is no part of the name
    tagged = ("قدم/VERB عضو/NOUN مجلس/NOUN إدارة/NOUN الاتحاد/NOUN عوض/X العقيلي/X "
              "التهنئة/X ل/ADP الرياضيين/NOUN")
    morphs = ["", "Definite=Cons", "Definite=Cons", "Definite=Cons"]
    got = _wide_names(tagged, glued=(8,), ents=[(5, 7, "PER")], morphs=morphs)
    assert got == [("عوض العقيلي", "PER")]
