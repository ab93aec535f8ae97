"""UD scores on raw text, as defined for the CoNLL 2018 shared task (Zeman et al., 2018).

Our own implementation of the published definitions, so that a segmenting tokenizer is scored
the way UD parsers are compared:

- gold and system must spell the same text once whitespace is removed; every token and
  syntactic word gets the character span of its token in that whitespace-free text;
- Tokens, Sentences: F1 over equal spans; Words: F1 over aligned words, where words of plain
  tokens align when their spans are equal, and words inside a region of overlapping multiword
  tokens align by the longest common subsequence of their forms;
- UPOS, XPOS, UFeats (universal features only), Lemma (a gold ``_`` accepts any lemma):
  a word counts when aligned and equal; UAS: aligned and its head is aligned to the gold head
  (or both are roots); LAS: UAS and the same universal relation (subtype dropped).
  Precision divides by the system words, recall by the gold words; ``aligned_accuracy`` by
  the aligned words (MLAS and BLEX are not computed).

spaCy Docs have no multiword tokens, so for :func:`evaluate_docs` a "token" is a run of
tokens with no whitespace between them that all contain a letter or digit, a number joining only a
preceding one-letter proclitic (``وبالمدينة`` is one token of three words, ``و٩٧٥`` one of
two, ``١٥-٧`` and ``٢٨ر٢`` three tokens), matching how
:mod:`khabar.corpus.padt` joins clitics; word forms there are ``norm_`` values. Forms are
compared after :func:`khabar.lex_attrs.normalize`, so norm spelling conventions do not matter.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from .corpus.padt import PROCLITICS, Sentence, read_conllu
from .lex_attrs import normalize

METRICS = ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "Lemma", "UAS", "LAS")
UNIVERSAL_FEATURES = frozenset(
    ["PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number"]
    + ["Case", "Definite", "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident"]
    + ["Polarity", "Person", "Polite"]
)
Span = tuple[int, int]


@dataclass(frozen=True)
class UDWord:
    """A syntactic word; ``span`` is its token's span in the whitespace-free text."""

    span: Span
    multiword: bool
    form: str
    upos: str
    xpos: str
    feats: frozenset[str]
    lemma: str
    head: int  # index into the same word list, -1 for the root
    deprel: str


@dataclass(frozen=True)
class UDText:
    chars: str  # the text without whitespace
    tokens: list[Span]
    sentences: list[Span]
    words: list[UDWord]


def _feats(feats: str) -> frozenset[str]:
    pairs = (f for f in feats.split("|") if "=" in f)
    return frozenset(f for f in pairs if f.split("=")[0] in UNIVERSAL_FEATURES)


def _deprel(deprel: str) -> str:
    return deprel.split(":")[0].lower()


def _no_space(text: str) -> str:
    return re.sub(r"\s", "", text)


# --------------------------------------------------------------------------- readers


def from_sentences(sentences: Iterable[Sentence]) -> UDText:
    """The UD analysis of CoNLL-U sentences (token forms give the characters)."""
    chars: list[str] = []
    tokens: list[Span] = []
    sents: list[Span] = []
    words: list[UDWord] = []
    pos = 0
    for sentence in sentences:
        offset, sent_start = len(words), pos
        index = {w.id: offset + i for i, w in enumerate(sentence.words)}
        mwt_of = {n: m for m in sentence.mwts for n in range(m.first, m.last + 1)}
        for w in sentence.words:
            mwt = mwt_of.get(w.id)
            if mwt is None or mwt.first == w.id:
                form = _no_space(mwt.form if mwt else w.form)
                chars.append(form)
                tokens.append((pos, pos + len(form)))
                pos += len(form)
            words.append(
                UDWord(
                    tokens[-1],
                    mwt is not None,
                    w.form,
                    w.upos,
                    w.xpos,
                    _feats(w.feats),
                    w.lemma,
                    index[w.head] if w.head else -1,
                    _deprel(w.deprel),
                )
            )
        sents.append((sent_start, pos))
    return UDText("".join(chars), tokens, sents, words)


def _joined(doc: Doc, i: int) -> bool:
    """Whether token i and i+1 form one orthographic token (see the module docstring)."""
    left, right = doc[i], doc[i + 1]
    if left.whitespace_ or right.is_sent_start or left.text.isdigit():
        return False
    if right.text.isdigit():  # a number takes proclitics (و٩٧٥) but is not ٢٨ر٢'s host
        return left.text in PROCLITICS
    return any(c.isalnum() for c in left.text) and any(c.isalnum() for c in right.text)


def _doc_groups(doc: Doc) -> list[list[int]]:
    groups: list[list[int]] = []
    for token in doc:
        if token.is_space:
            continue
        if groups and groups[-1][-1] == token.i - 1 and _joined(doc, token.i - 1):
            groups[-1].append(token.i)
        else:
            groups.append([token.i])
    return groups


def from_docs(docs: Iterable[Doc]) -> UDText:
    """The UD analysis of spaCy Docs (one token per syntactic word)."""
    chars: list[str] = []
    tokens: list[Span] = []
    sents: list[Span] = []
    words: list[UDWord] = []
    base = 0
    for doc in docs:
        before = [0]  # non-space characters before each character offset
        for c in doc.text:
            before.append(before[-1] + (not c.isspace()))
        groups = _doc_groups(doc)
        word_index = {i: len(words) + k for k, i in enumerate(i for g in groups for i in g)}
        for group in groups:
            first, last = doc[group[0]], doc[group[-1]]
            span = (base + before[first.idx], base + before[last.idx + len(last.text)])
            tokens.append(span)
            for i in group:
                t = doc[i]
                words.append(
                    UDWord(
                        span,
                        len(group) > 1,
                        t.norm_,
                        t.pos_,
                        t.tag_,
                        _feats(str(t.morph)),
                        t.lemma_ or "_",
                        -1 if t.head.i == i else word_index.get(t.head.i, -1),
                        _deprel(t.dep_),
                    )
                )
        sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sentences:
            text = sent.text
            if text.strip():
                start = sent.start_char + len(text) - len(text.lstrip())
                end = sent.end_char - (len(text) - len(text.rstrip()))
                sents.append((base + before[start], base + before[end]))
        chars.append(_no_space(doc.text))
        base += before[-1]
    return UDText("".join(chars), tokens, sents, words)


# --------------------------------------------------------------------------- alignment


def _extend(words: Sequence[UDWord], j: int, end: int) -> tuple[int, int]:
    """Take words into a multiword region ending at ``end``: multiword tokens that start
    inside it (and stretch it), plain words that end inside it."""
    while j < len(words):
        w = words[j]
        if w.multiword and w.span[0] < end:
            end = max(end, w.span[1])
        elif w.multiword or w.span[1] > end:
            break
        j += 1
    return j, end


def _lcs_pairs(gold: Sequence[UDWord], system: Sequence[UDWord]) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence of the (normalised) forms."""
    g = [normalize(w.form).casefold() for w in gold]
    s = [normalize(w.form).casefold() for w in system]
    table = [[0] * (len(s) + 1) for _ in range(len(g) + 1)]
    for i in range(len(g) - 1, -1, -1):
        for j in range(len(s) - 1, -1, -1):
            table[i][j] = (
                table[i + 1][j + 1] + 1 if g[i] == s[j] else max(table[i + 1][j], table[i][j + 1])
            )
    pairs, i, j = [], 0, 0
    while i < len(g) and j < len(s):
        if g[i] == s[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def align_words(gold: Sequence[UDWord], system: Sequence[UDWord]) -> list[tuple[int, int]]:
    """(gold index, system index) of the aligned words, in text order."""
    pairs: list[tuple[int, int]] = []
    gi = si = 0
    while gi < len(gold) and si < len(system):
        g, s = gold[gi], system[si]
        if g.span[1] <= s.span[0]:
            gi += 1
        elif s.span[1] <= g.span[0]:
            si += 1
        elif g.multiword or s.multiword:
            end = max(w.span[1] for w in (g, s) if w.multiword)
            gj, sj = gi, si
            while True:
                gj, end_g = _extend(gold, gj, end)
                sj, end = _extend(system, sj, end_g)
                if end == end_g:
                    break
            pairs += [(gi + a, si + b) for a, b in _lcs_pairs(gold[gi:gj], system[si:sj])]
            gi, si = gj, sj
        elif g.span == s.span:
            pairs.append((gi, si))
            gi, si = gi + 1, si + 1
        else:
            gi, si = gi + (g.span[1] <= s.span[1]), si + (s.span[1] <= g.span[1])
    return pairs


# --------------------------------------------------------------------------- scores


def _prf(correct: int, gold: int, system: int, aligned: int | None = None) -> dict[str, float]:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    scores = {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}
    if aligned is not None:
        scores["aligned_accuracy"] = correct / aligned if aligned else 0.0
    return scores


def _same_lemma(g: UDWord, s: UDWord) -> bool:
    return g.lemma == "_" or g.lemma == s.lemma


def evaluate(gold: UDText, system: UDText) -> dict[str, dict[str, float]]:
    """All metrics of the module docstring: ``{metric: {"p", "r", "f"[, "aligned_accuracy"]}}``."""
    if gold.chars != system.chars:
        at = next(
            (i for i, (a, b) in enumerate(zip(gold.chars, system.chars, strict=False)) if a != b),
            min(len(gold.chars), len(system.chars)),
        )
        raise ValueError(
            f"gold and system texts differ at non-space character {at}: "
            f"{gold.chars[at : at + 20]!r} vs {system.chars[at : at + 20]!r}"
        )
    pairs = align_words(gold.words, system.words)
    to_system = dict(pairs)
    n_gold, n_sys = len(gold.words), len(system.words)

    def head_ok(gi: int, si: int) -> bool:
        gh, sh = gold.words[gi].head, system.words[si].head
        return (gh == -1 and sh == -1) or (gh != -1 and to_system.get(gh) == sh != -1)

    checks = {
        "UPOS": lambda g, s, gi, si: g.upos == s.upos,
        "XPOS": lambda g, s, gi, si: g.xpos == s.xpos,
        "UFeats": lambda g, s, gi, si: g.feats == s.feats,
        "Lemma": lambda g, s, gi, si: _same_lemma(g, s),
        "UAS": lambda g, s, gi, si: head_ok(gi, si),
        "LAS": lambda g, s, gi, si: head_ok(gi, si) and g.deprel == s.deprel,
    }
    scores = {
        "Tokens": _prf(
            len(set(gold.tokens) & set(system.tokens)), len(gold.tokens), len(system.tokens)
        ),
        "Sentences": _prf(
            len(set(gold.sentences) & set(system.sentences)),
            len(gold.sentences),
            len(system.sentences),
        ),
        "Words": _prf(len(pairs), n_gold, n_sys),
    }
    for name, check in checks.items():
        correct = sum(check(gold.words[gi], system.words[si], gi, si) for gi, si in pairs)
        scores[name] = _prf(correct, n_gold, n_sys, len(pairs))
    return scores


def evaluate_conllu(gold_path: Path | str, system_path: Path | str) -> dict[str, dict[str, float]]:
    return evaluate(
        from_sentences(read_conllu(gold_path)), from_sentences(read_conllu(system_path))
    )


def evaluate_docs(
    gold_docs: Iterable[Doc], system_docs: Iterable[Doc]
) -> dict[str, dict[str, float]]:
    """Score Docs whose texts are the gold texts (whitespace may differ)."""
    return evaluate(from_docs(gold_docs), from_docs(system_docs))


def format_scores(scores: dict[str, dict[str, float]]) -> str:
    lines = [f"{'Metric':<10} {'P':>7} {'R':>7} {'F1':>7} {'AligndAcc':>10}"]
    for name in METRICS:
        s = scores[name]
        acc = f"{100 * s['aligned_accuracy']:10.2f}" if "aligned_accuracy" in s else ""
        lines.append(
            f"{name:<10} {100 * s['p']:7.2f} {100 * s['r']:7.2f} {100 * s['f']:7.2f} {acc}"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``khabar evaluate-ud GOLD.conllu [--model ...]``."""
    from .about import MODEL_NAME

    parser.add_argument("gold", type=Path, help="gold CoNLL-U with '# text' comments")
    parser.add_argument("--model", default=MODEL_NAME, help="installed model name or path")
    parser.add_argument(
        "--per-document",
        action="store_true",
        help="run the model on whole documents ('# newdoc id') instead of one sentence at a time",
    )
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")


def gold_texts(sentences: Sequence[Sentence], per_document: bool) -> list[str]:
    """The raw texts to analyse: each sentence's ``# text``, or a document's joined by spaces."""
    texts: list[list[str]] = []
    for s in sentences:
        text = s.meta("text")
        if text is None:
            raise ValueError(f"sentence {s.meta('sent_id')} has no '# text'")
        if not texts or not per_document or s.meta("newdoc id") is not None:
            texts.append([])
        texts[-1].append(text)
    return [" ".join(t) for t in texts]


def run(args: argparse.Namespace) -> int:
    """Analyse the gold raw texts with the model and print the scores."""
    from .annotate import load_pipeline
    from .jsonl import atomic_output

    gold = read_conllu(args.gold)
    nlp = load_pipeline(args.model)
    docs = list(nlp.pipe(gold_texts(gold, args.per_document), batch_size=args.batch_size))
    scores = evaluate(from_sentences(gold), from_docs(docs))
    if args.json:
        with atomic_output(str(args.json)) as out:
            out.write(json.dumps(scores, indent=2) + "\n")
    print(format_scores(scores))
    return 0
