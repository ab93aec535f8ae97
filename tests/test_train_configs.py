"""The configs on tiny data we write, offline: configs/ud.cfg and configs/ner.cfg train for
2 steps and reload; configs/md.cfg assembles the shipped pipeline from their outputs, and
configs/events.cfg trains the event model on top of that assembled pipeline."""

from __future__ import annotations

import json
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
    assert {c.stem for c in CONFIG_DIR.glob("*.cfg")} == {*TRAINED, "md", "events", "trf"}


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


def assemble(out: Path, tiny: dict[str, str], outputs: dict[str, Path], *extra: str) -> Path:
    overrides = [f"--{k}={v}" for k, v in tiny.items() if k in ("paths.vectors", "paths.segmenter")]
    subprocess.run(
        [sys.executable, "-m", "spacy", "assemble", str(CONFIG_DIR / "md.cfg"), str(out)]
        + overrides
        + [f"--paths.ner_model={outputs['ner']}", f"--paths.ud_model={outputs['ud']}", *extra],
        check=True,
        capture_output=True,
    )
    return out


MD_PIPELINE = spacy.util.load_config(CONFIG_DIR / "md.cfg")["nlp"]["pipeline"]
TEXT_WITH_EVENT = "وقال خالد الجارالله إن الاجتماع عقد في الكويت."


@pytest.fixture(scope="module")
def events_model(trained, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """configs/events.cfg trained 2 steps on the base assembly (md.cfg without the event
    model, as project.yml's assemble-base), on one article in a records file."""
    tiny, outputs = trained
    folder = tmp_path_factory.mktemp("events")
    base_pipeline = [name for name in MD_PIPELINE if name != "khabar_event_model"]
    base = assemble(folder / "base", tiny, outputs, f"--nlp.pipeline={json.dumps(base_pipeline)}")
    text = TEXT_WITH_EVENT
    start, place = text.index("الاجتماع"), text.index("الكويت")
    event = {"trigger": [start, start + 8], "type": "Contact.Meet",
             "arguments": [{"role": "Place", "span": [place, place + 6]}]}
    records = folder / "records.jsonl"
    records.write_text("".join(
        json.dumps({"text": text, "events": [event], "split": split}, ensure_ascii=False) + "\n"
        for split in ("train", "dev")))
    overrides = {"paths.base": str(base), "paths.annotations": str(records),
                 "paths.extra_train": None,  # the review sets of the shipped config
                 "training.max_steps": 2, "training.eval_frequency": 1}
    train(CONFIG_DIR / "events.cfg", folder / "events", overrides=overrides)
    return folder / "events" / "model-last"


@pytest.mark.slow
def test_events_config_trains_on_the_base_pipeline(events_model: Path):
    nlp = spacy.load(events_model)
    assert nlp.pipe_names == spacy.util.load_config(CONFIG_DIR / "events.cfg")["nlp"]["pipeline"]
    assert nlp.get_pipe("khabar_event_model").labels == ("O", "Contact.Meet")
    assert [t.text for t in nlp(TEXT)][:2] == ["و", "قال"]  # the base pipeline's tokenizer
    assert isinstance(nlp(TEXT_WITH_EVENT)._.events, list)


@pytest.mark.slow
def test_md_config_assembles_the_shipped_pipeline(trained, events_model: Path, tmp_path: Path):
    tiny, outputs = trained
    md = assemble(tmp_path / "md", tiny, outputs, f"--paths.events_model={events_model}")
    nlp = spacy.load(md)
    assert nlp.pipe_names == MD_PIPELINE
    doc = nlp(TEXT)
    assert [t.text for t in doc][:2] == ["و", "قال"]
    assert doc.has_annotation("SENT_START") and doc.has_annotation("DEP")
    assert isinstance(doc._.quotes, list) and isinstance(doc._.events, list)
    # the ruler patterns were initialized: the date pattern finds the year
    assert any(e.label_ == "DATE" for e in nlp("في عام 2016").ents)
