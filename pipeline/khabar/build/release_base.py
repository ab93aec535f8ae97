"""Write the clitic segmenter of a saved pipeline to a JSON file, so that a release that keeps
the trained weights of an earlier one can be assembled from it without rerunning the whole
workflow (``project.yml`` ``assemble-from-release``):

    python -m khabar.build.release_base MODEL_DIR training/segmenter/segmenter.json
    spacy assemble configs/md.cfg training/md_rules --paths.ner_model MODEL_DIR \\
        --paths.ud_model MODEL_DIR --paths.vectors MODEL_DIR

``MODEL_DIR`` is a pipeline directory (a package's ``ar_khabar_md/ar_khabar_md-X.Y.Z``) or
an installed package name.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy
import srsly


def write_segmenter(model: str, output: Path) -> None:
    nlp = spacy.load(model)
    segmenter = getattr(nlp.tokenizer, "segmenter", None)
    if segmenter is None:
        raise SystemExit(f"{model}: its tokenizer has no clitic segmenter")
    output.parent.mkdir(parents=True, exist_ok=True)
    srsly.write_json(output, segmenter.to_dict())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", help="pipeline directory or installed package name")
    parser.add_argument("output", type=Path, help="segmenter JSON to write")
    args = parser.parse_args()
    write_segmenter(args.model, args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
