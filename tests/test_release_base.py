"""The segmenter of a saved release can be written out and assembled from again."""

from __future__ import annotations

import pytest
import spacy
import srsly

from khabar.about import MODEL_NAME
from khabar.build.release_base import write_segmenter
from khabar.segmenter import CliticSegmenter
from tests.conftest import TOKENIZER_CONFIG


def test_the_written_segmenter_is_the_release_s(tmp_path):
    out = tmp_path / "segmenter" / "segmenter.json"
    write_segmenter(MODEL_NAME, out)
    written = CliticSegmenter.from_dict(srsly.read_json(out))
    shipped = spacy.load(MODEL_NAME).tokenizer.segmenter
    assert written.to_dict() == shipped.to_dict()
    assert written.analyse("وبالكويت") == shipped.analyse("وبالكويت")


def test_a_pipeline_without_a_segmenter_is_refused(tmp_path):
    spacy.blank("ar", config=TOKENIZER_CONFIG).to_disk(tmp_path / "blank")
    with pytest.raises(SystemExit, match="no clitic segmenter"):
        write_segmenter(str(tmp_path / "blank"), tmp_path / "out.json")
