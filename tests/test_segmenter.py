"""The clitic segmenter on words with known analyses and a small frequency table we made."""

from __future__ import annotations

from khabar.segmenter import Analysis, CliticSegmenter

COUNTS = {
    "الكويت": 900,
    "والكويت": 40,
    "وزير": 800,
    "زير": 2,
    "لبنان": 700,
    "بنان": 1,
    "كتاب": 300,
    "كتابه": 20,
    "رسالة": 200,
    "رسالته": 5,
    "يقول": 400,
    "سيقول": 30,
    "بغداد": 600,
    "غداد": 0,
}


def pieces(word: str) -> list[str]:
    seg = CliticSegmenter(COUNTS)
    return seg.analyse(word).pieces(word)


def test_proclitics_and_article():
    assert pieces("والكويت") == ["و", "الكويت"]
    assert pieces("وبالكويت") == ["و", "ب", "الكويت"]


def test_fused_lam_article_keeps_offsets_and_restores_the_norm():
    seg = CliticSegmenter(COUNTS)
    analysis = seg.analyse("للكويت")
    assert analysis.pieces("للكويت") == ["ل", "لكويت"]
    assert analysis.norms == ("ل", "الكويت")


def test_ta_marbuta_before_a_suffix():
    analysis = CliticSegmenter(COUNTS).analyse("رسالته")
    assert analysis.pieces("رسالته") == ["رسالت", "ه"]
    assert analysis.norms == ("رسالة", "ه")


def test_words_that_merely_begin_with_a_clitic_letter_stay_whole():
    for word in ("وزير", "لبنان", "بغداد"):
        assert pieces(word) == [word]


def test_future_particle_and_memory_override():
    assert pieces("سيقول") == ["س", "يقول"]
    seg = CliticSegmenter(COUNTS, memory={"ولكن": Analysis((), ("ولكن",))})
    assert seg.analyse("ولكن").pieces("ولكن") == ["ولكن"]
