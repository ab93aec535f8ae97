"""Regions and natural features come out as LOC; states and cities stay GPE."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from tests.conftest import TOKENIZER_CONFIG, ruler_ents

PLACES = [
    ("أوروبا", "GPE", "LOC"),
    ("الشرق الأوسط", "GPE", "LOC"),
    ("إفريقيا", "GPE", "LOC"),  # spelled with إ: matched on normalised text
    ("أمريكا اللاتينية", "GPE", "LOC"),
    ("نهر النيل", "GPE", "LOC"),
    ("جزيرة جربة", "GPE", "LOC"),
    ("حي الروضة", "GPE", "LOC"),
    # states and cities, even named after a region or with a feature word inside
    ("أمريكا", "GPE", "GPE"),
    ("جنوب أفريقيا", "GPE", "GPE"),
    ("جزر المالديف", "GPE", "GPE"),
    ("جبل طارق", "GPE", "GPE"),
    ("وادي موسى", "GPE", "GPE"),
    ("ريف دمشق", "GPE", "GPE"),
    ("شرم الشيخ", "GPE", "GPE"),
    # a lone head word is no name, and other labels are left alone
    ("نهر", "GPE", "GPE"),
    ("كأس أفريقيا", "EVENT", "EVENT"),
    ("أوروبا", "ORG", "ORG"),
]


@pytest.fixture(scope="module")
def places_nlp():
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    nlp.add_pipe("khabar_place_labels")
    return nlp


@pytest.mark.parametrize("text,label,expected", PLACES)
def test_regions_and_natural_features_are_loc(places_nlp, text: str, label: str,
                                              expected: str):
    got = ruler_ents(places_nlp, "khabar_place_labels", f"زار {text} أمس", ((text, label),))
    assert got == [(text, expected)]


def test_the_regions_are_config():
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    places = nlp.add_pipe("khabar_place_labels", config={"regions": ["الساحل"],
                                                         "feature_heads": []})
    doc = nlp.make_doc("منطقة الساحل و نهر النيل")
    doc.ents = [Span(doc, 1, 2, label="GPE"), Span(doc, 3, 5, label="GPE")]
    assert [e.label_ for e in places(doc).ents] == ["LOC", "GPE"]
