"""Speed, memory and size of ar_khabar_md: ``python benchmarks/run.py [--quick]``.

Measures, on a fixed sample of about 50,000 words of raw news from
``../shared/corpora`` (ids in ``benchmarks/sample_ids.txt``, made once by
``--make-sample``):

- words per second of spaCy's blank Arabic tokenizer, our tokenizer, every
  component alone (timed on docs already processed by the components before it),
  the pipeline without the custom components, and the full pipeline with
  ``n_process=1`` and ``2``;
- model load time in a fresh process, model size on disk;
- peak resident memory of ``khabar annotate`` on a JSONL file of ``--annotate-mb``
  megabytes (the sample repeated), in a child process.

Results go to ``benchmarks/results.json`` and are printed as a Markdown table.
Absolute speeds vary between machines: compare the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import spacy

from khabar.about import MODEL_NAME
from khabar.corpus.raw_news import iter_raw_news

HERE = Path(__file__).resolve().parent
SAMPLE_IDS = HERE / "sample_ids.txt"
SAMPLE_WORDS = 50_000
SAMPLE_STRIDE = 97  # every 97th article of ANT multi-source and SaudiNewsNet
SAMPLE_SOURCES = ["ant_multisource", "saudinewsnet"]


def make_sample() -> None:
    """Pick the sample deterministically and write its ids."""
    ids, words = [], 0
    for i, article in enumerate(iter_raw_news(SAMPLE_SOURCES)):
        if i % SAMPLE_STRIDE == 0:
            ids.append(article.id)
            words += len(article.text.split())
            if words >= SAMPLE_WORDS:
                break
    SAMPLE_IDS.write_text("\n".join(ids) + "\n", encoding="utf8")
    print(f"{len(ids)} articles, {words} words -> {SAMPLE_IDS}", file=sys.stderr)


def load_sample() -> list[str]:
    wanted = SAMPLE_IDS.read_text(encoding="utf8").split()
    wanted_set = set(wanted)
    found = {a.id: a.text for a in iter_raw_news(SAMPLE_SOURCES) if a.id in wanted_set}
    missing = [i for i in wanted if i not in found]
    if missing:
        raise SystemExit(f"sample ids not found in the shared corpora: {missing[:5]}")
    return [found[i] for i in wanted]


def words_per_second(run, texts: list[str], n_words: int) -> float:  # noqa: ANN001
    start = time.perf_counter()
    run(texts)
    return n_words / (time.perf_counter() - start)


def per_component(nlp, texts: list[str], n_words: int) -> dict[str, float]:  # noqa: ANN001
    """Each component timed alone on docs prepared by the components before it."""
    docs = [nlp.make_doc(t) for t in texts]
    out = {}
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = (
            list(proc.pipe(docs, batch_size=64))
            if hasattr(proc, "pipe")
            else [proc(d) for d in docs]
        )
        out[name] = n_words / (time.perf_counter() - start)
    return out


def load_time(model: str) -> float:
    code = (
        "import time, spacy; t = time.perf_counter(); "
        f"spacy.load({model!r}); print(time.perf_counter() - t)"
    )
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    return min(times)


def model_size_mb(model: str) -> float:
    path = spacy.util.get_package_path(model) if spacy.util.is_package(model) else Path(model)
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / 2**20


def annotate_peak_rss_mb(texts: list[str], megabytes: int, model: str) -> dict[str, float]:
    """Peak resident memory of one ``khabar annotate`` process on a file of ``megabytes``."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        size, i = 0, 0
        with src.open("w", encoding="utf8") as f:
            while size < megabytes * 2**20:
                line = json.dumps({"id": str(i), "text": texts[i % len(texts)]}, ensure_ascii=False)
                f.write(line + "\n")
                size += len(line.encode("utf8")) + 1
                i += 1
        cmd = [
            sys.executable,
            "-m",
            "khabar",
            "annotate",
            str(src),
            "-o",
            str(Path(tmp) / "out.jsonl"),
            "--quiet",
            "--model",
            model,
        ]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage
        seconds = time.perf_counter() - start
        if status != 0:
            raise SystemExit(f"khabar annotate failed with status {status}")
    return {
        "input_mb": megabytes,
        "documents": i,
        "seconds": seconds,
        "peak_rss_mb": usage.ru_maxrss / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model", default=MODEL_NAME)
    p.add_argument(
        "--annotate-mb",
        type=int,
        nargs="+",
        default=[10, 100],
        help="sizes of the JSONL files for the memory runs (peak RSS of each)",
    )
    p.add_argument("--quick", action="store_true", help="skip n_process=2 and use a 5 MB file")
    p.add_argument("--make-sample", action="store_true")
    p.add_argument("--output", type=Path, default=HERE / "results.json")
    args = p.parse_args(argv)
    if args.make_sample or not SAMPLE_IDS.exists():
        make_sample()
    texts = load_sample()
    n_words = sum(len(t.split()) for t in texts)
    nlp = spacy.load(args.model)
    custom = [n for n in nlp.pipe_names if n.startswith("khabar_")]
    blank = spacy.blank("ar")
    list(nlp.pipe(texts[:20]))  # warm-up: lazy initialisation is not what we measure
    results = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}",
        "model": f"{nlp.meta['name']}-{nlp.meta['version']}",
        "sample_words": n_words,
        "sample_docs": len(texts),
        "wps": {
            "spacy_blank_ar_tokenizer": words_per_second(
                lambda ts: list(blank.tokenizer.pipe(ts)), texts, n_words
            ),
            "khabar_tokenizer": words_per_second(
                lambda ts: list(nlp.tokenizer.pipe(ts)), texts, n_words
            ),
            "pipeline_without_custom": 0.0,
            "full_pipeline": words_per_second(lambda ts: list(nlp.pipe(ts)), texts, n_words),
        },
        "wps_per_component": per_component(nlp, texts, n_words),
    }
    with nlp.select_pipes(disable=custom):
        results["wps"]["pipeline_without_custom"] = words_per_second(
            lambda ts: list(nlp.pipe(ts)), texts, n_words
        )
    if not args.quick:
        results["wps"]["full_pipeline_n_process_2"] = words_per_second(
            lambda ts: list(nlp.pipe(ts, n_process=2, batch_size=32)), texts, n_words
        )
    results["load_seconds"] = load_time(args.model)
    results["model_size_mb"] = model_size_mb(args.model)
    results["annotate"] = [
        annotate_peak_rss_mb(texts, mb, args.model)
        for mb in ([5] if args.quick else args.annotate_mb)
    ]
    args.output.write_text(json.dumps(results, indent=2), encoding="utf8")
    print(to_markdown(results))
    return 0


def to_markdown(r: dict) -> str:
    base = r["wps"]["spacy_blank_ar_tokenizer"]
    rows = [
        f"Benchmark of {r['model']} on {r['date']} ({r['machine']}), "
        f"{r['sample_words']} words in {r['sample_docs']} articles",
        "",
        "| what | words/s | relative to spaCy's blank tokenizer |",
        "|---|---:|---:|",
    ]
    for name, wps in list(r["wps"].items()) + [
        (f"component: {k}", v) for k, v in r["wps_per_component"].items()
    ]:
        rows.append(f"| {name} | {wps:,.0f} | {wps / base:.3f} |")
    rows += [
        "",
        f"Load time {r['load_seconds']:.2f} s; model size {r['model_size_mb']:.1f} MB.",
        "",
    ]
    rows += [
        f"Peak memory of `khabar annotate` on {a['input_mb']} MB of JSONL ({a['documents']} "
        f"documents, {a['seconds']:.0f} s): {a['peak_rss_mb']:.0f} MB"
        for a in r["annotate"]
    ]
    return "\n".join(rows)


if __name__ == "__main__":
    raise SystemExit(main())
