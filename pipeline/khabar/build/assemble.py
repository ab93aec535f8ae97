"""Add the untrained components of a config to a trained pipeline.

``python -m khabar.build.assemble configs/md.cfg training/md/model-best training/md/assembled``

The workflow trains only the components with weights (``--nlp.pipeline`` limits
``spacy train`` to them, so evaluation during training does not run the rule
components over the dev set at every checkpoint), then adds every other
component of the config with its configured settings, in the config's order, and
initializes those that have an ``[initialize.components]`` section (ruler patterns).
Training the whole config gives the same weights: the rule components draw no
random numbers and do not change the NER scores used to pick the best model.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy
from spacy.util import load_config, registry


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("config", type=Path)
    p.add_argument("trained", type=Path)
    p.add_argument("output", type=Path)
    args = p.parse_args(argv)
    config = load_config(args.config, interpolate=False)
    nlp = spacy.load(args.trained)
    order = config["nlp"]["pipeline"]
    added = []
    for i, name in enumerate(order):
        if name in nlp.component_names:
            continue
        added.append(name)
        settings = {k: v for k, v in config["components"][name].items() if k != "factory"}
        before = next((n for n in order[i + 1 :] if n in nlp.component_names), None)
        nlp.add_pipe(
            config["components"][name]["factory"], name=name, config=settings, before=before
        )
    init = config["initialize"]["components"]
    for name in added:
        if name in init:  # e.g. the patterns of an entity ruler
            settings = registry.resolve({"init": init[name]})["init"]
            nlp.get_pipe(name).initialize(lambda: [], nlp=nlp, **settings)
    if nlp.pipe_names != order:
        raise SystemExit(f"assembled pipeline {nlp.pipe_names} differs from the config's {order}")
    nlp.to_disk(args.output)
    # [nlp] batch_size is a runtime default, not trained: take the config's value
    saved = load_config(args.output / "config.cfg", interpolate=False)
    saved["nlp"]["batch_size"] = config["nlp"]["batch_size"]
    saved.to_disk(args.output / "config.cfg")
    print(f"{args.output}: {nlp.pipe_names}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
