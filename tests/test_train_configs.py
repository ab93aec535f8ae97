"""The configs on tiny data we write, offline: configs/ud.cfg and configs/ner.cfg train for
2 steps and reload; configs/md.cfg assembles the shipped pipeline from their outputs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy
import pytest
import spacy
import srsly
from spacy.cli.train import train
from spacy.tokens import DocBin
from spacy.vectors import Vectors

from khabar.segmenter import CliticSegmenter
from tests.conftest import ud_doc

CONFIG_DIR = Path(__file__).parents[1] / "configs"
# (words, UPOS, head offsets, relations, entities as (start, end, label))
SENTENCES = [
    (
        ["التقى", "خالد", "الجارالله", "وزير", "خارجية", "قطر", "في", "الكويت", "."],
        ["VERB", "PROPN", "PROPN", "NOUN", "NOUN", "PROPN", "ADP", "PROPN", "PUNCT"],
        [0, 0, 1, 1, 3, 4, 7, 0, 0],
        ["ROOT", "nsubj", "flat", "appos", "nmod", "nmod", "case", "obl", "punct"],
        [(1, 3, "PER"), (5, 6, "GPE"), (7, 8, "GPE")],
    ),
    (
        ["وصلت", "سعاد", "إلى", "بيروت", "أمس", "."],
        ["VERB", "PROPN", "ADP", "PROPN", "ADV", "PUNCT"],
        [0, 0, 3, 0, 0, 0],
        ["ROOT", "nsubj", "case", "obl", "advmod", "punct"],
        [(1, 2, "PER"), (3, 4, "GPE")],
    ),
    (
        ["أعلنت", "شركة", "أرامكو", "أرباحها", "."],
        ["VERB", "NOUN", "PROPN", "NOUN", "PUNCT"],
        [0, 0, 1, 0, 0],
        ["ROOT", "nsubj", "nmod", "obj", "punct"],
        [(2, 3, "ORG")],
    ),
]


def write_tiny_data(folder: Path) -> dict[str, str]:
    """Tiny annotated Docs, floret vectors and a segmenter; returns path overrides."""
    nlp = spacy.blank("ar")
    db = DocBin()
    for words, pos, heads, deps, ents in SENTENCES:
        doc = ud_doc(nlp.vocab, words, pos, heads, deps)
        doc.ents = [spacy.tokens.Span(doc, s, e, label) for s, e, label in ents]
        db.add(doc)
    data = folder / "tiny.spacy"
    db.to_disk(data)
    table = numpy.random.default_rng(0).normal(size=(64, 8)).astype("float32")
    nlp.vocab.vectors = Vectors(
        strings=nlp.vocab.strings, mode="floret", data=table, hash_count=2, minn=3, maxn=5
    )
    vectors = folder / "vectors"
    nlp.to_disk(vectors)
    segmenter = folder / "segmenter.json"
    srsly.write_json(segmenter, CliticSegmenter({"قال": 9, "أضاف": 9}).to_dict())
    return {
        "paths.train": str(data),
        "paths.dev": str(data),
        "paths.vectors": str(vectors),
        "paths.segmenter": str(segmenter),
    }


TRAINED = ("ud", "ner")  # configs/md.cfg assembles their outputs


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, Path]]:
    """The tiny data and the 2-step outputs of configs/ud.cfg and configs/ner.cfg."""
    folder = tmp_path_factory.mktemp("tiny")
    tiny = write_tiny_data(folder)
    outputs = {}
    for name in TRAINED:
        overrides = {**tiny, "training.max_steps": 2, "training.eval_frequency": 1}
        train(CONFIG_DIR / f"{name}.cfg", folder / name, overrides=overrides)
        outputs[name] = folder / name / "model-last"
    return tiny, outputs


TEXT = "وقال خالد الجارالله: «نعمل معا». وأضاف أن الاجتماع عقد في الكويت."


def test_every_config_is_trained_or_assembled_here():
    # trf.cfg is tested in tests/test_trf.py
    assert {c.stem for c in CONFIG_DIR.glob("*.cfg")} == {*TRAINED, "md", "trf"}


@pytest.mark.slow
@pytest.mark.parametrize("name", TRAINED)
def test_config_trains_two_steps_and_reloads(name: str, trained):
    nlp = spacy.load(trained[1][name])
    doc = nlp(TEXT)
    assert [t.text for t in doc][:2] == ["و", "قال"]  # the clitic tokenizer is in the pipeline
    assert nlp.pipe_names == spacy.util.load_config(CONFIG_DIR / f"{name}.cfg")["nlp"]["pipeline"]
    if name == "ud":
        assert doc.has_annotation("DEP") and doc.has_annotation("POS")
        assert doc.has_annotation("LEMMA")


@pytest.mark.slow
def test_md_config_assembles_the_shipped_pipeline(trained, tmp_path: Path):
    tiny, outputs = trained
    overrides = [f"--{k}={v}" for k, v in tiny.items() if k in ("paths.vectors", "paths.segmenter")]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "assemble",
            str(CONFIG_DIR / "md.cfg"),
            str(tmp_path / "md"),
        ]
        + overrides
        + [f"--paths.ner_model={outputs['ner']}", f"--paths.ud_model={outputs['ud']}"],
        check=True,
        capture_output=True,
    )
    nlp = spacy.load(tmp_path / "md")
    assert nlp.pipe_names == spacy.util.load_config(CONFIG_DIR / "md.cfg")["nlp"]["pipeline"]
    doc = nlp(TEXT)
    assert [t.text for t in doc][:2] == ["و", "قال"]
    assert doc.has_annotation("SENT_START") and doc.has_annotation("DEP")
    assert isinstance(doc._.quotes, list) and isinstance(doc._.events, list)
    # the ruler patterns were initialized: the date pattern finds the year
    assert any(e.label_ == "DATE" for e in nlp("في عام 2016").ents)
