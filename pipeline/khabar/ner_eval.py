"""NER on the ANERcorp test documents, scored in ANERcorp's own four classes.

The test sentences are joined into texts (10 sentences a document, as in
training), the pipeline runs on the raw text with its own tokenizer, and
predicted and gold entities are compared as exact spans after mapping both onto
PERS/ORG/LOC/MISC with ``ANERCORP_EVAL_MAP`` (DATE, TIME, MONEY, PERCENT and
QUANTITY are not annotated in ANERcorp and are ignored).

ANERcorp annotates whitespace words, clitics included (``والعراق`` B-LOC), while
our entities start after a proclitic (``العراق``). As in CoNLL-style evaluation of
a system with its own tokenization, each predicted entity is projected onto the
gold words it touches (``والعراق``) before comparison: the score measures which
words are entities, not where the clitic boundary is drawn.
"""

from __future__ import annotations

import time
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .contract import entity_records
from .corpus.anercorp import ANERCORP_EVAL_MAP, anercorp_docs
from .scoring import score_entities


def extension_only_components(nlp: Language) -> list[str]:
    """Components that only set ``doc._`` extensions (quotes, events): not needed for NER.
    A transformer also sets only ``doc._.trf_data``, but components listen to it."""
    return [
        name
        for name in nlp.pipe_names
        if (assigns := nlp.get_pipe_meta(name).assigns)
        and all(a.startswith("doc._.") for a in assigns)
        and not getattr(nlp.get_pipe(name), "listening_components", None)
    ]


def on_gold_words(gold: Doc, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entity records widened to the whole gold words they overlap."""
    widened = []
    for record in records:
        span = gold.char_span(record["start"], record["end"], alignment_mode="expand")
        if span is not None:
            widened.append({**record, "start": span.start_char, "end": span.end_char})
    return widened


def evaluate_anercorp(nlp: Language, split: str = "test") -> dict[str, Any]:
    """Micro and per-class exact-span P/R/F, plus words per second of the run."""
    gold_docs = list(anercorp_docs(nlp.vocab, split))
    texts = [d.text for d in gold_docs]
    start = time.perf_counter()
    with nlp.select_pipes(disable=extension_only_components(nlp)):
        pred_docs = list(nlp.pipe(texts, batch_size=64))
    seconds = time.perf_counter() - start
    pairs = [
        (
            {
                "entities": [
                    {"start": e.start_char, "end": e.end_char, "label": e.label_} for e in g.ents
                ]
            },
            {"entities": on_gold_words(g, entity_records(p))},
        )
        for g, p in zip(gold_docs, pred_docs, strict=True)
    ]
    scores = score_entities(pairs, label_map=ANERCORP_EVAL_MAP)
    n_words = sum(len(d) for d in gold_docs)
    scores["split"] = split
    scores["words"] = n_words
    scores["words_per_second"] = n_words / seconds if seconds else 0.0
    return scores
