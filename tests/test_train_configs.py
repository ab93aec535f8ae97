"""Every config in configs/ trains for 2 steps on tiny data we write, offline, and reloads."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.cli.train import train
from spacy.tokens import DocBin
from spacy.vectors import Vectors

CONFIGS = sorted((Path(__file__).parents[1] / "configs").glob("*.cfg"))
SENTENCES = [
    (
        "التقى خالد الجارالله وزير خارجية قطر في الكويت .",
        [("خالد الجارالله", "PER"), ("قطر", "GPE"), ("الكويت", "GPE")],
    ),
    ("وصلت سعاد إلى بيروت أمس .", [("سعاد", "PER"), ("بيروت", "GPE")]),
    ("أعلنت شركة أرامكو أرباحها .", [("أرامكو", "ORG")]),
]


def write_tiny_data(folder: Path) -> tuple[Path, Path]:
    nlp = spacy.blank("ar")
    db = DocBin()
    for text, ents in SENTENCES:
        doc = nlp.make_doc(text)
        doc.ents = [
            doc.char_span(text.index(name), text.index(name) + len(name), label=label)
            for name, label in ents
        ]
        db.add(doc)
    data = folder / "tiny.spacy"
    db.to_disk(data)
    table = numpy.random.default_rng(0).normal(size=(64, 8)).astype("float32")
    nlp.vocab.vectors = Vectors(
        strings=nlp.vocab.strings, mode="floret", data=table, hash_count=2, minn=3, maxn=5
    )
    vectors = folder / "vectors"
    nlp.to_disk(vectors)
    return data, vectors


@pytest.mark.slow
@pytest.mark.parametrize("config", CONFIGS, ids=[c.name for c in CONFIGS])
def test_config_trains_two_steps_and_reloads(config: Path, tmp_path: Path):
    data, vectors = write_tiny_data(tmp_path)
    out = tmp_path / "out"
    overrides = {
        "paths.train": str(data),
        "paths.dev": str(data),
        "paths.vectors": str(vectors),
        "training.max_steps": 2,
        "training.eval_frequency": 1,
    }
    train(config, out, overrides=overrides)
    nlp = spacy.load(out / "model-last")
    doc = nlp("قال خالد الجارالله: «نعمل معا». وأضاف أن الاجتماع عقد في الكويت.")
    assert doc.has_annotation("SENT_START")
    assert isinstance(doc._.quotes, list) and isinstance(doc._.events, list)
    assert nlp.pipe_names == spacy.util.load_config(config)["nlp"]["pipeline"]
