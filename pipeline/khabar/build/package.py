"""Package a trained pipeline as ``models/ar_khabar_md-VERSION`` (a pip-installable folder).

``python -m khabar.build.package training/md/model-best models --version 0.1.0``

Runs ``spacy package`` with our meta (sources and licences of the training data,
the ANERcorp test scores when ``anercorp_test.json`` sits next to the model) and
replaces the previous package folder only once the new one is complete.
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
        "name": "SaudiNewsNet (Alhagri 2015)",
        "url": "https://github.com/parallelfold/SaudiNewsNet",
        "license": "CC BY-NC-SA 4.0",
        "used_for": "floret vectors",
    },
    {
        "name": "ANT corpus v1.1 and multi-source v2.1 (Chouigui et al.)",
        "url": "https://github.com/antcorpus",
        "license": "Apache-2.0 + citation; texts (c) publishers",
        "used_for": "floret vectors",
    },
]
LICENSE = "CC BY-NC-SA 4.0 (non-commercial: trained on research-only and NC data)"


def build_meta(model_dir: Path, version: str) -> dict[str, Any]:
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf8"))
    meta.update(
        {
            "name": "khabar_md",
            "version": version,
            "description": "Arabic news pipeline for CPU: tokenizer, sentences, floret "
            "vectors, NER, quote attribution and event extraction (khabar).",
            "author": "khabar",
            "license": LICENSE,
            "sources": SOURCES,
            "requirements": [f"khabar>={__version__}"],
        }
    )
    test_scores = model_dir.parent / "anercorp_test.json"
    if test_scores.exists():
        meta["performance_anercorp_test"] = json.loads(test_scores.read_text(encoding="utf8"))
    return meta


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("model_dir", type=Path)
    p.add_argument("out_dir", type=Path)
    p.add_argument("--version", default=__version__)
    args = p.parse_args(argv)
    meta = build_meta(args.model_dir, args.version)
    final = args.out_dir / f"ar_khabar_md-{args.version}"
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
