"""Annotate a directory of JSONL archives on a Dask cluster.

Why Dask: it is pure Python, installs with pip, runs the same code on a laptop
(``LocalCluster``) and on a cluster (``--scheduler tcp://host:8786``), and reads
and writes partitioned, optionally gzipped, JSONL natively. Each input file is a
partition; each worker process loads the model once and keeps it for every
partition it handles. Output: one ``part-NNNNN.jsonl`` per input file, in the
sorted order of the input files, written to a temporary folder that is renamed
into place when every partition has succeeded. Malformed lines are reported on
the worker's stderr with their file and line and skipped, as ``khabar annotate`` does.
"""

from __future__ import annotations

import shutil
import sys
import uuid
from pathlib import Path

from spacy.language import Language

from .about import MODEL_NAME
from .annotate import annotate_documents, load_pipeline
from .jsonl import InputError, dumps, read_documents

_MODELS: dict[str, Language] = {}


def worker_model(name: str) -> Language:
    """The model of this worker process, loaded on first use."""
    if name not in _MODELS:
        _MODELS[name] = load_pipeline(name)
    return _MODELS[name]


def _annotate_paths(paths: list[str], model: str) -> list[str]:
    """One partition: its input files read and annotated as ``khabar annotate`` does."""
    out = []
    for path in paths:
        for result in annotate_documents(worker_model(model), read_documents(path)):
            if isinstance(result, InputError):
                print(f"error: {result} (skipped)", file=sys.stderr)
            else:
                out.append(dumps(result))
    return out


def annotate_files(
    inputs: list[str],
    output_dir: str,
    scheduler: str | None = None,
    n_workers: int = 2,
    model: str = MODEL_NAME,
) -> list[Path]:
    """Annotate each input file as one partition; returns the output files."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    paths = sorted(inputs)
    out = Path(output_dir)
    tmp = out.parent / f".{out.name}.{uuid.uuid4().hex}.tmp"
    cluster = (
        None
        if scheduler
        else LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    )
    try:
        with Client(scheduler or cluster):
            bag = db.from_sequence(paths, npartitions=len(paths))
            tmp.mkdir(parents=True)
            bag.map_partitions(_annotate_paths, model).to_textfiles(
                str(tmp / "part-*.jsonl"), name_function=lambda i: f"{i:05d}", last_endline=True
            )
        if out.exists():
            shutil.rmtree(out)
        tmp.rename(out)
    finally:
        if cluster is not None:
            cluster.close()
        if tmp.exists():
            shutil.rmtree(tmp)
    return sorted(out.glob("part-*.jsonl"))
