"""ANERcorp scoring with clitic tokens: predictions are projected onto the gold words."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from khabar.ner_eval import on_gold_words


def test_entity_after_a_proclitic_covers_the_gold_word():
    gold = Doc(spacy.blank("ar").vocab, words=["زار", "والعراق", "أمس"])
    start = gold.text.index("العراق")
    records = [{"start": start, "end": start + len("العراق"), "label": "GPE"}]
    (widened,) = on_gold_words(gold, records)
    assert gold.text[widened["start"] : widened["end"]] == "والعراق"
    assert widened["label"] == "GPE"
    whole = [{"start": 0, "end": 3, "label": "PER"}]
    assert on_gold_words(gold, whole) == whole  # already on word boundaries
