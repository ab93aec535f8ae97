"""Package a trained pipeline as ``models/ar_khabar_md-VERSION`` (a pip-installable folder).

``python -m khabar.build.package training/events/model-best models [--scores training/evaluation]``

Runs ``spacy package`` with our meta (sources and licences of the training data, and
the test scores that ``spacy project run evaluate`` wrote to ``--scores``:
``anercorp_test.json``, ``padt_test.json`` and ``corpus_test.json``) and replaces the
previous package folder only once the new one is complete.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..about import __version__

SOURCES = [
    {
        "name": "ANERcorp (Benajiba & Rosso 2007), CAMeL-style split",
        "url": "https://camel.abudhabi.nyu.edu/anercorp/",
        "license": "research use, no explicit licence",
        "used_for": "ner",
    },
    {
        "name": "NewsFANE gold (Alotaibi & Lee)",
        "url": "https://github.com/FahdAlotaibi/NewsFANE",
        "license": "CC BY-SA 3.0",
        "used_for": "ner",
    },
    {
        "name": "AQMAR Arabic Wikipedia NE corpus (Mohit et al. 2012)",
        "url": "http://www.cs.cmu.edu/~ark/ArabicNER/",
        "license": "CC BY-SA 3.0",
        "used_for": "ner",
    },
    {
        "name": "Wojood sample (Jarrar et al. 2022)",
        "url": "https://github.com/SinaLab/ArabicNER",
        "license": "MIT",
        "used_for": "ner",
    },
    {
        "name": "UD Arabic-PADT v1 dev/test (Hajic et al.; Taji et al. 2017)",
        "url": "https://github.com/UniversalDependencies/UD_Arabic-PADT",
        "license": "CC BY-NC-SA 3.0",
        "used_for": "clitic segmenter, morphologizer, lemmatizer, parser",
    },
    {
        "name": "SaudiNewsNet (Alhagri 2015)",
        "url": "https://github.com/parallelfold/SaudiNewsNet",
        "license": "CC BY-NC-SA 4.0",
        "used_for": "floret vectors, pretraining, segmenter word frequencies; texts of our "
        "annotated corpus (event model)",
    },
    {
        "name": "ANT corpus v1.1 and multi-source v2.1 (Chouigui et al.)",
        "url": "https://github.com/antcorpus",
        "license": "Apache-2.0 + citation; texts (c) publishers",
        "used_for": "floret vectors, pretraining, segmenter word frequencies; texts of our "
        "annotated corpus (event model)",
    },
    {
        "name": "khabar annotated news corpus (ours; stand-off over the ANT and SaudiNewsNet "
        "texts above), train split",
        "url": "corpus/ in the khabar repository",
        "license": "annotations ours; texts as their sources",
        "used_for": "ner (train split, twice) and event model (khabar_event_model)",
    },
]
LICENSE = "CC BY-NC-SA 4.0 (non-commercial: trained on research-only and NC data)"


SCORE_FILES = {
    "performance_anercorp_test": "anercorp_test.json",
    "performance_padt_test": "padt_test.json",
    "performance_corpus_test": "corpus_test.json",
}


def build_meta(model_dir: Path, version: str, scores_dir: Path) -> dict[str, Any]:
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf8"))
    meta.update(
        {
            "name": "khabar_md",
            "version": version,
            "description": "Arabic news pipeline for CPU: clitic tokenizer, sentences, "
            "floret vectors, NER, morphology, lemmas, dependency parse, quote attribution "
            "and event extraction (khabar).",
            "author": "khabar",
            "license": LICENSE,
            "sources": SOURCES,
            "requirements": [f"khabar>={__version__}"],
        }
    )
    for key, name in SCORE_FILES.items():
        if (scores_dir / name).exists():
            meta[key] = json.loads((scores_dir / name).read_text(encoding="utf8"))
    return meta


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("model_dir", type=Path)
    p.add_argument("out_dir", type=Path)
    p.add_argument("--version", default=__version__)
    p.add_argument("--scores", type=Path, default=Path("training/evaluation"))
    args = p.parse_args(argv)
    meta = build_meta(args.model_dir, args.version, args.scores)
    final = args.out_dir / f"ar_khabar_md-{args.version}"
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.out_dir) as tmp:
        meta_path = Path(tmp) / "meta.json"
        meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf8")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "spacy",
                "package",
                str(args.model_dir),
                tmp,
                "--meta-path",
                str(meta_path),
                "--build",
                "none",
                "--force",
            ],
            check=True,
        )
        built = Path(tmp) / final.name
        if final.exists():
            shutil.rmtree(final)
        built.rename(final)
    print(f"packaged {final}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
