"""Shared fixtures: the shared data folder, the seed article and small pipelines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from khabar.paths import shared_dir

TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "khabar.ArabicTokenizer.v1"}}}


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not (path / "spec" / "ANNOTATION.md").exists():
        pytest.skip(f"shared data folder not found at {path} (set KHABAR_SHARED)")
    return path


@pytest.fixture(scope="session")
def seed_article(shared: Path) -> dict[str, Any]:
    return json.loads((shared / "examples" / "seed_article.json").read_text(encoding="utf8"))


@pytest.fixture()
def blank_nlp() -> Language:
    """Our tokenizer and the sentencizer settings of configs/md.cfg, no trained parts."""
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    nlp.add_pipe("sentencizer", config={"punct_chars": ["!", ".", "?", "؟", "\n", "\n\n"]})
    return nlp


def rule_pipeline(entities: dict[str, str]) -> Language:
    """Our tokenizer, the sentencizer, fixed entities (text → label) and the rule quote and
    event components: a small pipeline whose outputs tests can work out by hand."""
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns(
        [{"label": label, "pattern": text} for text, label in entities.items()]
    )
    nlp.add_pipe("khabar_quotes")
    nlp.add_pipe("khabar_events")
    return nlp


def pattern_ruler_nlp(name: str, patterns: str) -> Language:
    """Our tokenizer and one entity ruler initialised like configs/md.cfg does it."""
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    ruler = nlp.add_pipe("entity_ruler", name=name, config={"overwrite_ents": True})
    ruler.initialize(lambda: [], nlp=nlp, patterns=spacy.util.registry.misc.get(patterns)())
    return nlp


def ruler_ents(nlp: Language, name: str, text: str,
               ents: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    """The entities the ruler ``name`` of ``pattern_ruler_nlp`` leaves on ``text``, given
    the NER's ``ents`` (each a string of the text and its label) before it."""
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index(s), text.index(s) + len(s), label=lb) for s, lb in ents]
    return [(e.text, e.label_) for e in nlp.get_pipe(name)(doc).ents]


def ud_doc(vocab, words: list[str], pos: list[str], heads: list[int], deps: list[str]):
    """A Doc with UPOS, a tree, lemmas (the words) and Number=Sing on nouns, for tiny
    training data."""
    from spacy.tokens import Doc

    return Doc(
        vocab,
        words=words,
        pos=pos,
        heads=heads,
        deps=deps,
        lemmas=words,
        morphs=["Number=Sing" if p == "NOUN" else "" for p in pos],
    )

