import spacy

from tests.conftest import TOKENIZER_CONFIG


def tokens(text: str) -> list[str]:
    return [t.text for t in spacy.blank("ar", config=TOKENIZER_CONFIG)(text)]


def test_period_after_closing_guillemet_is_split():
    assert tokens("تتطلب منا جميعا». وأضاف") == ["تتطلب", "منا", "جميعا", "»", ".", "وأضاف"]


def test_period_after_straight_quote_and_digits_is_split():
    assert tokens('تنظيم "داعش". وفي عام 2016.') == [
        "تنظيم",
        '"',
        "داعش",
        '"',
        ".",
        "وفي",
        "عام",
        "2016",
        ".",
    ]


def test_percent_and_decimal_numbers():
    assert tokens("بنسبة 3.5%") == ["بنسبة", "3.5", "%"]


def test_sentences_end_after_guillemet_period(blank_nlp):
    doc = blank_nlp("قال الوزير: «نعمل معا». وأضاف أن العمل مستمر.\nوختم كلمته")
    sents = [s.text for s in doc.sents]
    assert sents[0] == "قال الوزير: «نعمل معا»."
    assert sents[1].startswith("وأضاف")
    assert sents[-1] == "وختم كلمته"


def test_text_is_preserved(blank_nlp):
    text = "  قال\u200f «مرحبا»\n\nـ  ١٢٣ "
    doc = blank_nlp(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
