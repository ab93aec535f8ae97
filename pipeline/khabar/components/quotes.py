"""``khabar_quotes``: rule-based quote attribution for Arabic news (ANNOTATION.md, Quotes).

News quotes follow a handful of frames around a reporting word (cue): ``قال X: «…»``,
``قال X إن …``, ``شدد X على …``, ``أكد دعم …``, ``…، بحسب X``. Rules over these frames
are precise and need no training data, so the component finds cues from a JSON
lexicon, parses the frame after each cue, and resolves the source's fullest name.

Matching works on a folded copy of the text (no diacritics, tatweel or zero-width
characters; alef forms, ة/ه and ى/ي unified) whose characters map back to
``doc.text``; all offsets written are character offsets into ``doc.text``. Words are
found with a regex rather than spaCy tokens, so clitics attached or split by the
tokenizer give the same result.
"""

from __future__ import annotations

import functools
import re
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from ..contract import doc_to_record
from ..extensions import register_extensions
from ..orthography import LETTER_FOLD, MARKS
from ..scoring import score_quotes

register_extensions()

DEFAULT_LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "quote_lexicon.json"
LEXICON_FILE = "lexicon.json"
SPEAKER_LABELS = ["PER", "ORG", "GPE", "NORP"]
TIME_LABELS = frozenset({"DATE", "TIME"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
Offsets = tuple[int, int]
FEMININE = "<f>"  # marker in a mention's title set

_COMBINING = re.compile(f"[{MARKS}]")
_DROPPED = re.compile(f"[{MARKS}\u200b-\u200f\u2060\ufeff]")  # + zero-width characters
_TOKEN = re.compile(r"\w+|[^\w\s]")
_SENTENCE_END = re.compile(r"[.!?؟…]+(?=\s|$)|\n")
_FINAL_PUNCT = ".!?؟…:;؛،,-–—"
_STOPS = frozenset(".!?؟…;؛")
_COPULAS = frozenset({"كان", "كانت", "كانوا"})  # وكان خبراء قد توقعوا


def fold(text: str) -> str:
    """The matching form of a word: the normalisation of ``scoring.normalize_name``."""
    return _DROPPED.sub("", text).translate(LETTER_FOLD)


# ---------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class CueSense:
    """What a cue word allows after it: prepositions, a direct object, its gender."""

    kind: str  # verb | participle | source | statement | masdar
    gender: str | None = None
    preps: tuple[str, ...] = ()
    takes_object: bool = False
    continues: bool = False  # أضاف/تابع: with و inside reported content, a new quote
    relay: str | None = None  # نقل X عن Y: the source is Y, after this preposition
    object_first: bool = False  # دعا X إلى: a noun before the preposition is the object
    prep_required: bool = False  # عبّر عن: without عن, عبر is "via" (كتب عبر حسابه)


@dataclass
class Lexicon:
    """The JSON lexicon compiled into folded lookup tables."""

    data: dict[str, Any]
    forms: dict[str, CueSense] = field(default_factory=dict)
    phrases: list[tuple[tuple[str, ...], int, CueSense]] = field(default_factory=list)

    def __post_init__(self) -> None:
        d = self.data
        for entry in d.get("verbs", []):
            self._add_verb(entry)
        for key, kind in (("source_phrases", "source"), ("statement_phrases", "statement")):
            for entry in d.get(key, []):
                words = tuple(fold(w) for w in entry["phrase"].split())
                self.phrases.append((words, int(entry.get("head", 0)), CueSense(kind)))
        self.phrases.sort(key=lambda p: -len(p[0]))
        for word in d.get("masdars", []):
            self.forms.setdefault(fold(word), CueSense("masdar"))
        self.impersonal = self._folded("impersonal_forms")
        self.source_nouns = frozenset(strip_article(fold(w)) for w in d.get("source_nouns", []))
        self.clause_initial = self._folded("clause_initial_forms")
        self.inference_markers = self._folded("inference_markers")
        self.enders = [tuple(fold(w) for w in phrase.split())
                       for phrase in d.get("content_enders", [])]
        self.source_enders = [tuple(fold(w) for w in phrase.split())
                              for phrase in d.get("source_enders", [])]
        # word classes that a lexicon saved by an older version lacks take the defaults
        self.accusative_adverbs = self._folded_or_default("accusative_adverbs")
        self.non_cue_phrases = [tuple(phrase.split())
                                for phrase in self._folded_or_default("non_cue_phrases")]
        self.non_cue_spellings = frozenset(self._listed_or_default("non_cue_spellings"))
        self.complementizers = self._folded("complementizers")
        self.comp_suffixes = self._folded("complementizer_suffixes")
        self.comp_blockers = self._folded("complementizer_blockers")
        self.proclitics = tuple(fold(p) for p in d.get("proclitics", []))
        self.non_subject_preps = self._folded("non_subject_prepositions")
        self.connectors = self._folded("sibling_connectors")
        self.phrase_preps = self._folded("phrase_prepositions")
        self.platforms = frozenset(strip_article(fold(w)) for w in d.get("platforms", []))
        self.channel_nouns = frozenset(strip_article(fold(w)) for w in d.get("channel_nouns", []))
        # the nouns of في بيان، في تصريح، في كلمة …
        self.statement_heads = frozenset(
            strip_article(fold(e["phrase"].split()[int(e.get("head", 0))]))
            for e in d.get("statement_phrases", []))
        self.titles = {bare for t in d.get("titles", []) for w in t.split()
                       if (bare := strip_article(fold(w)))}
        self.feminine_titles = {strip_article(fold(t)) for t in d.get("feminine_titles", [])}
        self.speaker_nouns = {strip_article(fold(w)) for w in d.get("speaker_nouns", [])}
        self.document_nouns = {strip_article(fold(w)) for w in d.get("document_nouns", [])}
        self.person_nouns = {strip_article(fold(w)) for w in d.get("person_nouns", [])}
        self.plural_nouns = {strip_article(fold(w)) for w in d.get("plural_nouns", [])}
        # word classes that a lexicon saved by an older version lacks take the defaults
        self.relatives = self._folded_or_default("relative_pronouns")
        self.given_name_titles = self._folded_or_default("given_name_titles")
        # rules added after a model was built stay off for its saved lexicon (``rules``)
        self.rules = frozenset(d.get("rules", []))
        self.clause_connectors = self._folded_or_default("clause_connectors")
        self.pronoun_preps = self._folded_or_default("pronoun_prepositions")
        self.issuer_words = self._folded("issuer_words")
        self.feminine_names = self._folded("feminine_names")
        self.masculine_exceptions = self._folded("masculine_names_with_feminine_endings")
        self.mark_pairs = [(o, c) for o, c in d.get("quote_marks", [])]
        self.thresholds: dict[str, int] = dict(d.get("thresholds", {}))

    def _folded(self, key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in self.data.get(key, []))

    def _folded_or_default(self, key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in self._listed_or_default(key))

    def _listed_or_default(self, key: str) -> list[str]:
        return self.data[key] if key in self.data else _default_lexicon()[key]

    def _add_verb(self, entry: dict[str, Any]) -> None:
        preps = tuple(fold(p) for p in entry.get("preps", []))
        obj = bool(entry.get("object", False))
        continues = bool(entry.get("continues", False))
        relay = fold(entry["relay"]) if entry.get("relay") else None
        object_first = bool(entry.get("object_first", False))
        prep_required = bool(entry.get("prep_required", False))
        for kind, by_gender in _verb_forms(entry).items():
            for gender, words in by_gender.items():
                sense = CueSense(kind, None if gender == "pl" else gender, preps, obj,
                                 continues and kind == "verb", relay, object_first,
                                 prep_required)
                for word in words:
                    self.forms.setdefault(fold(word), sense)

    def threshold(self, name: str) -> int:
        """A threshold; one that a lexicon saved by an older version lacks takes the default."""
        if name in self.thresholds:
            return int(self.thresholds[name])
        return int(_default_thresholds()[name])

    def title_stem(self, word: str) -> str | None:
        """``وزير`` for وزير/الوزير/الوزيرة; None when the word is no title."""
        word = strip_article(word)
        if word in self.titles:
            return word
        if word.endswith("ه") and word[:-1] in self.titles:
            return word[:-1]
        return word if word in self.feminine_titles else None

    def is_feminine_title(self, word: str) -> bool:
        word = strip_article(word)
        return word in self.feminine_titles or (word.endswith("ه") and word[:-1] in self.titles)


def _verb_forms(entry: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """Forms by kind (verb/participle) and gender (m/f/pl): generated from the past,
    present and participle stems, plus the irregular ones listed under ``forms`` and
    ``participle_forms``."""
    verb: dict[str, list[str]] = {"m": [], "f": [], "pl": []}
    part: dict[str, list[str]] = {"m": [], "f": [], "pl": []}
    past, present, stem = entry.get("past"), entry.get("present"), entry.get("participle")
    if past:  # a defective past drops its final vowel letter: عزا → عزت، ادعى → ادعوا
        base = past[:-1] if past.endswith(("ا", "ى")) else past
        for gender, form in zip(verb, (past, base + "ت", base + "وا"), strict=True):
            verb[gender].append(form)
    if present:  # يعزو → يعزون، يدعي → يدعون
        base = present[:-1] if present.endswith(("و", "ي")) else present
        for gender, form in zip(verb, (present, "ت" + present[1:], base + "ون"), strict=True):
            verb[gender].append(form)
    if stem:
        for gender, form in zip(part, (stem + "ا", stem + "ة", stem + "ين"), strict=True):
            part[gender].append(form)
    for key, target in (("forms", verb), ("participle_forms", part)):
        for gender, words in entry.get(key, {}).items():
            target.setdefault(gender, []).extend(words)
    return {"verb": verb, "participle": part}


def strip_article(word: str) -> str:
    """``الوزير`` → ``وزير``: titles and nouns compare without the article."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


@functools.cache
def _default_lexicon() -> dict[str, Any]:
    return srsly.read_json(DEFAULT_LEXICON_PATH)


def _default_thresholds() -> dict[str, Any]:
    return _default_lexicon()["thresholds"]


def load_lexicon_data(path: str | Path | None = None) -> dict[str, Any]:
    """The packaged lexicon, with the top-level keys of ``path`` (if given) replacing its own."""
    data = srsly.read_json(DEFAULT_LEXICON_PATH)
    if path is not None:
        if Path(path).exists():
            data.update(srsly.read_json(path))
        else:
            warnings.warn(f"quote lexicon {path} not found, using the packaged one", stacklevel=2)
    return data


# ---------------------------------------------------------------- text model


@dataclass(frozen=True)
class Token:
    """A word or punctuation character: original offsets, folded text, folded start."""

    start: int
    end: int
    norm: str
    fstart: int

    @property
    def is_word(self) -> bool:
        return self.norm[0].isalnum() or self.norm[0] == "_"


@dataclass(frozen=True)
class MarkPair:
    """A pair of quotation marks: opener position, closer position (or paragraph end)."""

    open: int
    close: int
    depth: int
    closed: bool

    @property
    def outer(self) -> Offsets:
        """The quotation with its marks (no closer when unclosed)."""
        return self.open, self.close + 1 if self.closed else self.close


@dataclass(frozen=True)
class Mention:
    """An entity mention usable as a source."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class CueMatch:
    """A cue found in the text: its sense, the head word span and the tokens it covers."""

    sense: CueSense
    span: Offsets
    first: int
    last: int
    attached: int = 0  # characters of the next token that belong to the phrase (وفقا لـ)


@dataclass
class Draft:
    """A quote being built; ``kind`` and the name are decided at the end."""

    cue: CueMatch | None
    content: Offsets
    unit: int
    speaker: Offsets | None = None
    mention: Mention | None = None
    nominal: str | None = None
    kind: str = "indirect"
    speaker_name: str | None = None
    after_colon: bool = False


def find_mark_pairs(text: str, pairs: list[tuple[str, str]]) -> list[MarkPair]:
    """Quotation-mark pairs with nesting depth; an unclosed opener runs to its paragraph's end,
    a stray closer is ignored."""
    closer_of = dict(pairs)
    stack: list[tuple[str, int]] = []
    out: list[MarkPair] = []

    def close_all(at: int) -> None:
        while stack:
            _, pos = stack.pop()
            out.append(MarkPair(pos, at, len(stack), False))

    for i, ch in enumerate(text):
        if ch == "\n":
            close_all(i)
        elif stack and ch == closer_of[stack[-1][0]]:
            _, pos = stack.pop()
            out.append(MarkPair(pos, i, len(stack), True))
        elif ch in closer_of and not any(closer_of[o] == ch for o, _ in stack):
            if closer_of[ch] != ch or not _closes_word(text, i):
                stack.append((ch, i))
        elif any(closer_of[o] == ch for o, _ in stack):
            while stack and closer_of[stack[-1][0]] != ch:
                stack.pop()
            _, pos = stack.pop()
            out.append(MarkPair(pos, i, len(stack), True))
    close_all(len(text))
    return sorted(out, key=lambda p: p.open)


def _closes_word(text: str, i: int) -> bool:
    """A straight mark right after a letter and before a space or punctuation (``الإيطالية"،``)
    is a stray closer, not an opener."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and text[i - 1].isalnum() and (after.isspace() or after in _FINAL_PUNCT)


def tokenize(text: str) -> tuple[list[Token], list[int]]:
    """Words and punctuation of the folded text, with offsets into the original text, and
    the original offset of each folded character."""
    index = [i for i, ch in enumerate(text) if not _DROPPED.match(ch)]
    folded = "".join(text[i] for i in index).translate(LETTER_FOLD)
    tokens = []
    for m in _TOKEN.finditer(folded):
        end = index[m.end() - 1] + 1
        while end < len(text) and _COMBINING.match(text[end]):
            end += 1
        tokens.append(Token(index[m.start()], end, m.group(), m.start()))
    return tokens, index


def sentence_ranges(doc: Doc) -> list[Offsets]:
    """``doc.sents`` when boundaries are set, else a split on . ! ? ؟ and newlines."""
    text = doc.text  # built from the tokens on every access: read it once
    if len(doc) and doc.has_annotation("SENT_START"):
        ranges = [(s.start_char, s.end_char) for s in doc.sents]
    else:
        ranges, start = [], 0
        for m in _SENTENCE_END.finditer(text):
            ranges.append((start, m.end()))
            start = m.end()
        ranges.append((start, len(text)))
    return [piece for s, e in ranges for piece in _split_lines(text, s, e)]


def _split_lines(text: str, start: int, end: int) -> Iterator[Offsets]:
    for line in re.finditer(r"[^\n]+", text[start:end]):
        if line.group().strip():
            yield start + line.start(), start + line.end()


def merge_units(ranges: list[Offsets], pairs: list[MarkPair]) -> list[Offsets]:
    """Join sentences that a quotation spans, so a quote's content may cover several."""
    units: list[Offsets] = []
    top = sorted((p.open, p.close) for p in pairs if p.depth == 0)  # disjoint: bisect
    opens = [o for o, _ in top]

    def inside(pos: int) -> bool:
        k = bisect_left(opens, pos) - 1
        return k >= 0 and top[k][0] < pos <= top[k][1]

    for s, e in sorted(ranges):
        if units and inside(units[-1][1]):
            units[-1] = (units[-1][0], e)
        else:
            units.append((s, e))
    return units


def trim(text: str, span: Offsets, keep: str = "") -> Offsets | None:
    """Strip whitespace and punctuation (except ``keep``) at both ends; None if empty."""
    s, e = span
    while s < e and (text[s].isspace() or (not text[s].isalnum() and text[s] not in keep)):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _FINAL_PUNCT
                     or (not text[e - 1].isalnum() and text[e - 1] not in keep
                         and not _COMBINING.match(text[e - 1]))):
        e -= 1
    return (s, e) if s < e else None


# ---------------------------------------------------------------- the analysis


class _Analysis:
    """Quotes of one Doc: tokens, marks, units and entity mentions, then the frames."""

    def __init__(self, doc: Doc, lexicon: Lexicon, speaker_labels: Iterable[str]) -> None:
        self.text = doc.text
        # one-letter conjunction tokens (و + قال) that a clitic tokenizer split off
        self.split_conjunctions = {t.idx for t in doc if t.text in ("و", "ف")
                                   and t.idx + 1 < len(self.text)
                                   and not self.text[t.idx + 1].isspace()}
        self.lex = lexicon
        self.tokens, self.index = tokenize(self.text)
        self.starts = {t.start: i for i, t in enumerate(self.tokens)}
        self.token_starts = [t.start for t in self.tokens]
        self.token_ends = [t.end for t in self.tokens]
        labels = set(speaker_labels)
        self.mentions = [Mention(e.start_char, e.end_char, e.label_, e.text)
                         for e in doc.ents if e.label_ in labels]
        self.mention_starts = [m.start for m in self.mentions]  # doc.ents are in text order
        self.mention_of_token = self._index_mentions()
        # words of dates and times (اليوم، الأحد الماضي): adjuncts that may stand between a
        # cue and its complement without making the words before it an object
        self.time_words = {i for e in doc.ents if e.label_ in TIME_LABELS
                           for i in self._tokens_in(e.start_char, e.end_char)}
        # words the tagger calls common nouns: a noun right after a verb cue is its
        # unnamed subject (وكتب شخص) even outside the lexicon
        self.nouns = {(t.idx, t.idx + len(t)) for t in doc if t.pos_ == "NOUN"}
        self.verb_ends = {t.idx + len(t) for t in doc if t.pos_ == "VERB"}
        self.pairs = find_mark_pairs(self.text, lexicon.mark_pairs)
        self.quote_pairs = {p.open: p for p in self.pairs if p.depth == 0 and self._quote_like(p)}
        self.units = merge_units(sentence_ranges(doc), self.pairs)
        self.unit_starts = [u[0] for u in self.units]
        self.pair_opens = sorted(self.quote_pairs)
        self.quoted = self._quoted_flags()
        self.used_pairs: set[int] = set()  # openers of quotations already in some quote

    # -- helpers on tokens ------------------------------------------------

    def _tokens_in(self, start: int, end: int) -> range:
        """Indices of the tokens lying wholly inside ``[start, end)``."""
        first = bisect_left(self.token_starts, start)
        last = first
        while last < len(self.tokens) and self.tokens[last].end <= end:
            last += 1
        return range(first, last)

    def _readings(self, i: int) -> list[tuple[int, str]]:
        """(proclitic length, folded word) readings: as written, and without و/ف; a clitic
        is only stripped when the caller finds the rest in its vocabulary."""
        word = self.tokens[i].norm
        out = [(0, word)]
        if len(word) > 3 and word[0] in self.lex.proclitics:
            out.append((1, word[1:]))
        return out

    def _lookup(self, i: int, accept: Callable[[str], bool]) -> tuple[int, str] | None:
        """The first reading of word ``i`` that ``accept`` takes (as is or without ال)."""
        if not self.tokens[i].is_word:
            return None
        for n, word in self._readings(i):
            if accept(word) or accept(strip_article(word)):
                return n, strip_article(word)
        return None

    def _is_title(self, i: int) -> bool:
        return self._lookup(i, lambda w: self.lex.title_stem(w) is not None) is not None

    def _is_speaker_noun(self, i: int) -> bool:
        return self._lookup(i, self.lex.speaker_nouns.__contains__) is not None

    def _speaker_head(self, i: int) -> tuple[int, str] | None:
        """The reading of word ``i`` that is a speaker noun or a title, if any."""
        return self._lookup(
            i, lambda w: w in self.lex.speaker_nouns or self.lex.title_stem(w) is not None)

    def _mention_at(self, i: int) -> Mention | None:
        return self.mention_of_token.get(i)

    def _index_mentions(self) -> dict[int, Mention]:
        """Token index → the first entity mention overlapping that token."""
        out: dict[int, Mention] = {}
        for m in self.mentions:
            i = self.first_token_ending_after(m.start)
            while i < len(self.tokens) and self.tokens[i].start < m.end:
                out.setdefault(i, m)
                i += 1
        return out

    def first_token_ending_after(self, pos: int) -> int:
        """Index of the first token that ends after character ``pos`` (may be ``len``)."""
        return bisect_right(self.token_ends, pos)

    def _is_complementizer(self, i: int) -> bool:
        word = self.tokens[i].norm
        comp = self.lex.complementizers
        if not (word in comp or any(word.endswith(s) and word[: -len(s)] in comp
                                    for s in self.lex.comp_suffixes)):
            return False
        prev = self._prev_word(i)
        return prev is None or self._lookup(prev, self.lex.comp_blockers.__contains__) is None

    def _prev_word(self, i: int) -> int | None:
        j = i - 1
        return j if j >= 0 and self.tokens[j].is_word else None

    def _quoted_flags(self) -> list[bool]:
        flags = [False] * len(self.tokens)
        for p in self.quote_pairs.values():
            for i in self._tokens_in(p.open + 1, p.close):
                flags[i] = True
        return flags

    def _quote_like(self, pair: MarkPair) -> bool:
        """Long enough to be speech; a short span only right after a colon or أن/إن and not
        a name, so «داعش» and "فاتف" stay names."""
        words = [i for i in self._tokens_in(pair.open + 1, pair.close) if self.tokens[i].is_word]
        if len(words) < self.lex.threshold("min_quote_words"):
            return False
        if len(words) > self.lex.threshold("max_name_words"):
            return True
        if all(self._mention_at(i) for i in words):
            return False
        before = self.starts.get(pair.open, 0) - 1
        return before >= 0 and (self.tokens[before].norm == ":" or self._is_complementizer(before))

    def _pair_at(self, i: int) -> MarkPair | None:
        return self.quote_pairs.get(self.tokens[i].start)

    # -- cues -----------------------------------------------------------

    def cue_at(self, i: int) -> CueMatch | None:
        """A verb/participle cue (clitics stripped) or a multi-word phrase cue at token ``i``."""
        if self.quoted[i] or not self.tokens[i].is_word:
            return None
        tok = self.tokens[i]
        phrase = self._phrase_at(i)
        if phrase:
            return phrase
        if self._not_a_cue(i):
            return None
        word = tok.norm
        if word in self.lex.forms:
            if word in self.lex.clause_initial and i > 0 and self.tokens[i - 1].is_word:
                return None  # ما بين / بين الطرفين: a preposition, not the verb بيّن
            return self._with_its_prep(CueMatch(self.lex.forms[word], (tok.start, tok.end), i, i))
        for n in (1, 2):
            if len(word) > n + 2 and all(c in self.lex.proclitics for c in word[:n]):
                sense = self.lex.forms.get(word[n:])
                if sense:
                    start = self._orig(tok.fstart + n)
                    return self._with_its_prep(CueMatch(sense, (start, tok.end), i, i))
        return None

    def _with_its_prep(self, cue: CueMatch) -> CueMatch | None:
        """A cue whose sense needs its preposition (عبّر عن) only when the preposition
        follows in the sentence, within ``max_gap_words``: ``كتب … عبر حسابه`` is "via"."""
        if not cue.sense.prep_required:
            return cue
        end = min(len(self.tokens), cue.last + 1 + self.lex.threshold("max_gap_words"))
        for j in range(cue.last + 1, end):
            if self.tokens[j].norm in _STOPS or self.tokens[j].norm == ":" or self.quoted[j]:
                return None
            if any(self._lookup(j, prep.__eq__) for prep in cue.sense.preps):
                return cue
        return None

    def _not_a_cue(self, i: int) -> bool:
        """A cue form in a phrase that reports nothing (``طلب عدم الكشف عن اسمه``), a masdar
        after عدم, or a spelling that only folding makes a cue (``وتدعى منى``, is called,
        folds to تدعي)."""
        raw = self.text[self.tokens[i].start:self.tokens[i].end]
        if raw in self.lex.non_cue_spellings or (
                raw[:1] in self.lex.proclitics and raw[1:] in self.lex.non_cue_spellings):
            return True
        word = self.tokens[i].norm
        if word not in self.lex.forms and word[1:] not in self.lex.forms:
            return False  # only a cue form can open such a phrase
        prev = self._prev_word(i)
        if prev is not None and self.tokens[prev].norm in _NEGATING_NOUNS:
            return True  # شريطة عدم كشف هويتها: a masdar after عدم, not the verb كشف
        return any(self._match_phrase(i, words) is not None
                   for words in self.lex.non_cue_phrases)

    def _orig(self, folded_pos: int) -> int:
        """Original offset of a folded character."""
        return self.index[folded_pos]

    def _phrase_at(self, i: int) -> CueMatch | None:
        for words, head, sense in self.lex.phrases:
            match = self._match_phrase(i, words)
            if match is None:
                continue
            last, attached = match
            h = self.tokens[i + head]
            start = h.start
            if head == 0 and h.norm != words[0]:  # clitic و/ف before the phrase
                start = self._orig(h.fstart + len(h.norm) - len(words[0]))
            return CueMatch(sense, (start, h.end), i, last, attached)
        return None

    def _match_phrase(self, i: int, words: tuple[str, ...]) -> tuple[int, int] | None:
        """Last token index and attached characters when ``words`` start at token ``i``;
        a one-letter final word (ل of وفقا لـ) may be attached to the next word."""
        for k, w in enumerate(words):
            j = i + k
            if j >= len(self.tokens) or not self.tokens[j].is_word:
                return None
            tok = self.tokens[j].norm
            if k == 0 and tok != w and not (tok[1:] == w and tok[0] in self.lex.proclitics):
                return None
            if k == len(words) - 1 and len(w) == 1 and k > 0 and tok != w:
                return (j - 1, 1) if tok.startswith(w) and len(tok) > 2 else None
            if k > 0 and tok != w:
                return None
        return i + len(words) - 1, 0

    # -- frames -------------------------------------------------------------

    def run(self) -> list[Draft]:
        drafts: list[Draft] = []
        covered = 0  # end of the furthest content so far: a colon may take later units
        for u, (us, ue) in enumerate(self.units):
            toks = self._tokens_in(max(us, covered), ue)
            made = self._unit_drafts(u, toks, covered)
            drafts.extend(made)
            covered = max([covered] + [d.content[1] for d in made])
        return drafts

    def _unit_drafts(self, u: int, toks: range, covered: int = 0) -> list[Draft]:
        """Cue frames left to right, then quotations attributed by a following cue or a
        ``speaker:`` prefix."""
        drafts: list[Draft] = []
        consumed = -1
        for i in toks:
            if i <= consumed:
                continue
            cue = self.cue_at(i)
            if cue is None:
                continue
            inside = next((d for d in drafts if d.content[0] <= cue.span[0] < d.content[1]), None)
            if inside and cue.sense.kind == "source":
                continue  # قال إن …، حسبما أوردت الوكالة: the content ends there (_before_ender)
            sibling = self._sibling_start(cue) if inside else None
            if inside and sibling is None:
                continue
            prev = self._prev_word(cue.first)
            if cue.sense.kind == "verb" and prev is not None \
                    and self.tokens[prev].norm in self.lex.inference_markers:
                continue  # مما يشير إلى أن / ما يدعو إلى: the writer's inference
            made = self._frame(cue, toks, u)
            if made is None:
                continue
            draft, consumed = made
            if draft.speaker is None and self._cue_word(cue) in self.lex.impersonal:
                continue  # يذكر أن / يعتبر: the writer's background, not a source's words
            if inside and sibling is not None:
                inside.content = self._cut_before(inside.content, sibling)
            drafts.append(draft)
        drafts = [d for d in drafts if self._settle(d)]
        drafts.extend(self._loose_quotations(u, drafts, covered))
        return sorted(drafts, key=lambda d: d.content[0])

    def _sibling_start(self, cue: CueMatch) -> int | None:
        """Inside reported content a participle (مؤكدا …) or a cue after a comma and
        connectors (، فيما قال) starts a new quote: the token where the earlier content
        stops. None means a nested attribution."""
        i = cue.first - 1
        subject = 0  # ، لكن دبلوماسيين قالوا إن: a subject may stand before the cue
        while i >= 0 and subject < 3 and (self._mention_at(i) is not None
                                          or self._is_speaker_noun(i)):
            i, subject = i - 1, subject + 1
        while i >= 0 and self._lookup(i, self.lex.connectors.__contains__):
            i -= 1
        if i >= 0 and self.tokens[i].norm in ("،", ",", "؛", ";"):
            return i + 1
        if cue.sense.continues and self._has_proclitic(cue):
            return cue.first  # … وأضاف "…": the source goes on with a new quote
        if self._has_proclitic(cue) and cue.sense.kind == "verb" and self._opens_report(cue):
            return cue.first  # قال إنه التقى اللاعب وأكد (العريفي) أن …: a second quote
        return cue.first if cue.sense.kind == "participle" else None

    def _opens_report(self, cue: CueMatch) -> bool:
        """The cue is followed by a colon or complementizer, with at most a named subject and
        its titles between (``وأكد العريفي أن``)."""
        gap: list[int] = []
        j = cue.last + 1
        while j < len(self.tokens) and len(gap) <= self.lex.threshold("max_title_words"):
            tok = self.tokens[j]
            if tok.norm == ":" or (tok.is_word and self._mention_at(j) is None
                                   and self._is_complementizer(j)):
                return self._speaker_only(gap)
            if not tok.is_word:
                return False
            gap.append(j)
            j += 1
        return False

    def _has_proclitic(self, cue: CueMatch) -> bool:
        return cue.span[0] > self.tokens[cue.first].start

    def _cue_word(self, cue: CueMatch) -> str:
        """The folded cue word without clitics."""
        return fold(self.text[cue.span[0]:cue.span[1]])

    def _cut_before(self, content: Offsets, token: int) -> Offsets:
        end = self.tokens[token].start
        return trim(self.text, (content[0], end), keep=self._closers()) or content

    def _closers(self) -> str:
        return "".join(c for _, c in self.lex.mark_pairs)

    def _frame(self, cue: CueMatch, toks: range, u: int) -> tuple[Draft, int] | None:
        """Scan the words after the cue for a colon, complementizer, preposition or opening
        mark; the words in between hold the speaker."""
        gap: list[int] = []
        i = cue.last + 1
        end = toks.stop
        max_gap = self.lex.threshold("max_gap_words")
        sense = cue.sense
        while i < end and len(gap) <= max_gap:
            tok = self.tokens[i]
            pair = self._pair_at(i)
            in_name = self._mention_at(i) is not None
            if pair is not None:
                if sense.kind == "masdar" or (sense.takes_object
                                              and not self._speaker_only(gap)):
                    break
                return self._draft(cue, u, gap, pair.outer), i
            if tok.norm == ":":
                return self._after_marker(cue, u, gap, i + 1, end), i
            if tok.is_word and not in_name and self._is_complementizer(i):
                if sense.takes_object and self._adjuncts(gap) > self.lex.threshold(
                        "max_object_adjunct_words") and not self._named_subject(gap):
                    break
                return self._after_marker(cue, u, gap, i + 1, end), i
            prep = self._prep_start(cue, gap, i) if not in_name else None
            if prep is not None:
                return self._after_marker(cue, u, gap, prep, end, char_start=True), i
            if tok.norm in _STOPS or self._blocks(i, sense):
                break
            if tok.is_word:
                gap.append(i)
            i += 1
        return self._fallback_frame(cue, u, gap, toks)

    def _blocks(self, i: int, sense: CueSense) -> bool:
        """Another verb or participle cue ends the search; ``في بيان`` inside it does not.
        After a source phrase the verb after ما belongs to it (بحسب ما أفادت الشرطة), but a
        participle or a cue after a comma starts a quote of its own (…، وفقا لمتحدث باسم
        الشرطة، مضيفا أنه …)."""
        other = self.cue_at(i) if self.tokens[i].is_word else None
        if other is None or other.sense.kind not in ("verb", "participle"):
            return False
        return sense.kind != "source" or other.sense.kind == "participle" \
            or (i > 0 and self.tokens[i - 1].norm in _COMMAS)

    def _prep_start(self, cue: CueMatch, gap: list[int], i: int) -> int | None:
        """Where a nominal complement after على/إلى (or attached ب) starts, as a char offset."""
        tok = self.tokens[i]
        if not tok.is_word:
            return None
        for prep in cue.sense.preps:
            if len(prep) > 1 and self._lookup(i, prep.__eq__):
                return self._next_start(i)
            if len(prep) == 1 and tok.norm.startswith(prep) and len(tok.norm) > 3 \
                    and (self._speaker_only(gap) or self._speaker_and_object(cue, gap)):
                return self._orig(tok.fstart + 1)
        return None

    def _next_start(self, i: int) -> int:
        """Start of the content after the marker token ``i``, skipping a complementizer."""
        j = i + 1
        if j < len(self.tokens) and self.tokens[j].is_word and self._is_complementizer(j):
            j += 1
        return self.tokens[j].start if j < len(self.tokens) else self.tokens[i].end

    def _fallback_frame(self, cue: CueMatch, u: int, gap: list[int],
                        toks: range) -> tuple[Draft, int] | None:
        """No marker: a direct object (أكد دعم …) or a source phrase (…، بحسب المصدر)."""
        if cue.sense.kind == "source":
            return self._source_frame(cue, u, toks)
        if not cue.sense.takes_object:
            return None
        n = self._speaker_prefix(gap)
        if n < len(gap) and (medium := self.cue_at(gap[n])) is not None \
                and medium.sense.kind == "statement":  # أعلن الجيش، في بيان، توقيف
            n = next((k for k in range(n, len(gap)) if gap[k] > medium.last), len(gap))
            while n < len(gap) and self.tokens[gap[n]].norm in self.lex.pronoun_preps:
                n += 1  # في بيان لها
        start_tok = gap[n] if n < len(gap) else cue.last + 1
        if start_tok >= toks.stop:
            return None
        draft = self._draft(cue, u, gap[:n], (self.tokens[start_tok].start, self.units[u][1]))
        return draft, start_tok - 1

    def _source_frame(self, cue: CueMatch, u: int, toks: range) -> tuple[Draft, int] | None:
        """``…، بحسب X`` attributes the clause before; ``بحسب X، فإن …`` the one after."""
        speaker_toks = self._source_tokens(cue)
        if not speaker_toks:
            return None
        last = speaker_toks[-1]
        before = trim(self.text, (self.units[u][0], self.tokens[cue.first].start))
        if before is not None:
            content = self._without_conjunction(before)
        else:
            start = self._next_start(last) if last + 1 < toks.stop else None
            if start is None:
                return None
            j = last + 1
            while j < toks.stop and not self.tokens[j].is_word:
                j += 1
            if j < toks.stop and self._is_complementizer(j):
                j += 1
            if j >= toks.stop:
                return None
            content = (self.tokens[j].start, self.units[u][1])
        return self._draft(cue, u, speaker_toks, content), last

    def _without_conjunction(self, span: Offsets) -> Offsets:
        """A clause opening with و/ف + ال or future س, or with a و/ف that the clitic
        tokenizer split off (و + بلغت), starts after the conjunction (ANNOTATION.md,
        Clitics); other و-initial words are left alone (وزير)."""
        s, e = span
        if s in self.split_conjunctions or (
                self.text[s] in self.lex.proclitics
                and fold(self.text[s + 1:s + 3]) in ("ال", "سي", "ست", "سن")):
            return s + 1, e
        return span

    def _source_tokens(self, cue: CueMatch) -> list[int]:
        """The source after بحسب/وفقا ل: an entity mention, a speaker noun or a noun of
        information (``بحسب البيان``, ``وفق معطيات نشرها المعهد``), possibly with a pronoun
        suffix (``بحسب محاميه``); after ``ما`` (``حسبما أعلن المنتخب``) the verb is skipped
        and any subject follows. The words up to a comma, a complementizer or a stop."""
        j = cue.last + 1
        after_ma = cue.attached == 0 and self.tokens[cue.last].norm.endswith("ما")
        if j + 1 < len(self.tokens) and self.tokens[j].is_word and (
                after_ma or ((verb := self.cue_at(j)) and verb.sense.kind == "verb")):
            j += 1  # بحسب ما أفادت الشرطة: the verb after ما is no second cue
        if j >= len(self.tokens) or not self.tokens[j].is_word:
            return []
        if not (after_ma or self._mention_at(j) is not None or self._source_word(j, cue)):
            return []
        out: list[int] = []
        limit = self.lex.threshold("max_gap_words")
        while j < len(self.tokens) and len(out) < limit:
            tok = self.tokens[j]
            if tok.norm in _STOPS or tok.norm in _CLAUSE_MARKS or (
                    tok.is_word and self._mention_at(j) is None and self._is_complementizer(j)):
                break
            if tok.is_word:
                out.append(j)
            j += 1
        return out

    def _source_word(self, j: int, cue: CueMatch) -> bool:
        """A speaker noun, title or information noun, with ل/ال and a pronoun suffix read off."""
        rest = self.tokens[j].norm[cue.attached:]
        readings = {rest, "ا" + rest}  # للوزارة = ل + الوزارة
        for word in list(readings):
            for suffix in self.lex.comp_suffixes:
                if word.endswith(suffix) and len(word) - len(suffix) > 2:
                    stem = word[: -len(suffix)]
                    readings.add(stem[:-1] + "ه" if stem.endswith("ت") else stem)  # صفحتها
        words = {strip_article(w) for w in readings}
        return bool(words & (self.lex.speaker_nouns | self.lex.source_nouns)) \
            or any(self.lex.title_stem(w) is not None for w in words) \
            or self._is_speaker_noun(j)

    def _after_marker(self, cue: CueMatch, u: int, gap: list[int], start: int, end: int,
                      char_start: bool = False) -> Draft:
        """Content from the token after a colon/complementizer (or a char offset) to the unit's
        end; a colon closing the unit takes the next unit (``وقال:`` then a paragraph)."""
        if char_start:
            return self._draft(cue, u, gap, (start, self.units[u][1]))
        colon = start > 0 and self.tokens[start - 1].norm == ":"
        if start < end and self._is_complementizer(start):
            start += 1
        if start >= end:
            nxt = u + 1
            if nxt < len(self.units):
                draft = self._draft(cue, nxt, gap, (self.units[nxt][0], self._verse_end(nxt)))
            else:
                draft = self._draft(cue, u, gap, (self.units[u][1], self.units[u][1]))
        else:
            draft = self._draft(cue, u, gap, (self.tokens[start].start, self.units[u][1]))
        draft.after_colon = colon
        return draft

    def _verse_end(self, u: int) -> int:
        """End of the content a colon closing a paragraph introduces: unit ``u``, and when it is
        a short line without final punctuation (verse), the short lines that follow it."""
        end = self.units[u][1]
        while self._verse_line(u) and u + 1 < len(self.units) and self._verse_line(u + 1) \
                and "\n" in self.text[self.units[u][1]:self.units[u + 1][0]]:
            u += 1
            end = self.units[u][1]
        return end

    def _verse_line(self, u: int) -> bool:
        s, e = self.units[u]
        words = self._tokens_in(s, e)
        return len(words) <= self.lex.threshold("max_verse_words") \
            and self.text[s:e].rstrip()[-1:] not in _STOPS | {":"}

    def _speaker_prefix(self, gap: list[int]) -> int:
        """How many leading gap words are titles, a speaker noun or an entity mention."""
        return self._title_run(gap, lambda i: self._mention_at(i) is not None
                               or self._is_speaker_noun(i) or i in self.time_words)

    def _speaker_only(self, gap: list[int]) -> bool:
        return self._speaker_prefix(gap) == len(gap)

    def _speaker_and_object(self, cue: CueMatch, gap: list[int]) -> bool:
        """A verb whose object comes before its complement (lexicon ``object_first``)
        with a speaker and then its object in the gap (طالب الجبوري رؤساء الكتل بتأييد):
        the speaker prefix is followed by words only, no punctuation or verb."""
        if "addressee_before_preposition" not in self.lex.rules or not cue.sense.object_first:
            return False
        n = self._speaker_prefix(gap)
        return 0 < n < len(gap) and all(self.tokens[i].end not in self.verb_ends
                                        for i in gap[n:])

    def _named_subject(self, gap: list[int]) -> bool:
        """``أكد طبيب المنتخب … رودريغو الأسمر، الخميس، أن``: a person or organisation named
        in the gap with at most a few words after it is the subject, not an object; so is
        one right after the verb and its titles, whatever apposition follows it (``أكد
        مانويل نوير حارس مرمى فريق بايرن ميونخ … أن``: Arabic puts the subject first)."""
        def named(i: int) -> bool:
            return (m := self._mention_at(i)) is not None and m.label in ("PER", "ORG")

        first = self._title_run(gap)
        if first < len(gap) and named(gap[first]):
            return True
        last = max((k for k, i in enumerate(gap) if named(i)), default=None)
        return last is not None and len(gap) - last - 1 <= self.lex.threshold(
            "max_object_adjunct_words")

    def _adjuncts(self, gap: list[int]) -> int:
        return len(gap) - self._speaker_prefix(gap)

    def _draft(self, cue: CueMatch, u: int, gap: list[int], content: Offsets) -> Draft:
        draft = Draft(cue, content, u)
        if cue.sense.kind != "participle":
            self._set_speaker(draft, gap, cue)
        return draft

    # -- speakers ---------------------------------------------------------

    def _set_speaker(self, draft: Draft, gap: list[int], cue: CueMatch) -> None:
        """The subject after the cue: the first mention or noun head that no preposition
        governs. A title or noun head (``رئيس الهيئة``, ``مصدر``) takes a person named in
        apposition after it, else it is the speaker itself (``متحدث باسم الوزارة``);
        channels (``تويتر``) are never sources. Without one, a mention just before the cue;
        none means pro-drop."""
        relay = cue.sense.relay or self._relay_after_source(cue, gap)
        if relay:  # نقلت الوكالة عن الوزير: the minister is the source
            at = next((k for k, i in enumerate(gap) if self.tokens[i].norm == relay), None)
            if at is not None and at + 1 < len(gap):
                gap = gap[at + 1:]
                k = 0
                while k < len(gap) and self._mention_at(gap[k]) is None \
                        and not self._speaker_head(gap[k]):
                    k += 1
                gap = gap[k:]
                if gap and (m := self._mention_at(gap[0])) is not None:
                    draft.mention, draft.speaker = m, self._strip_titles(m)
                    return
                if gap and (head := self._speaker_head(gap[0])) is not None:
                    self._set_head(draft, gap, head)  # نقلت الوكالة عن متحدث باسم الحكومة
                    return
        k = 0
        while k < len(gap):
            i = gap[k]
            mention = self._mention_at(i)
            if mention is not None:
                if self._is_subject(mention) and (k > 0 or self._agrees(mention, cue)):
                    draft.mention = self._title_holder(mention) or mention
                    draft.speaker = self._strip_titles(draft.mention)
                    return
                while k < len(gap) and self._mention_at(gap[k]) is mention:
                    k += 1
                continue
            found = None if self._governed(i) else self._speaker_head(i)
            if found is None and k == 0 and cue.sense.kind == "source":
                found = self._document_head(i, cue)  # وفقا لبيانات الهيئة، بحسب تقرير
            if found and not self._unnamed_object(gap, k, found, cue):
                self._set_head(draft, gap[k:], found)
                return
            k += 1
        if self._fronted_topic(draft, cue):
            return
        before = None
        if not (self._has_proclitic(cue) or cue.sense.kind in ("masdar", "source")
                or self._cue_word(cue) in self.lex.impersonal):
            before = self._mention_before(cue)  # وقال / إعلان: the mention before is no subject
        if before is not None:
            draft.mention = before
            draft.speaker = self._strip_titles(before)
        elif gap and self._unnamed_subject(gap[0], cue):  # وكتب شخص، ووصف الإعلام
            draft.speaker = self._head_span(gap[0], 0)
            draft.nominal = strip_article(self.tokens[gap[0]].norm)
        elif not (self._has_proclitic(cue) or cue.sense.kind in ("masdar", "source")
                  or self._cue_word(cue) in self.lex.impersonal):
            noun = self._noun_before(cue)  # لكن دبلوماسيين قالوا إن / لكن الجيش نفى أن
            if noun is not None:
                draft.speaker = self._head_span(noun[0], noun[1][0])
                draft.nominal = noun[1][1]

    def _fronted_topic(self, draft: Draft, cue: CueMatch) -> bool:
        """``أما صحيفة الخبر فقالت إن``: the topic between أما and a cue with ف is the
        speaker (a name, else a speaker noun); sets it and says whether it found one."""
        if not self._has_proclitic(cue) or fold(self.text[cue.span[0] - 1]) != "ف":
            return False
        us = self.units_of(cue.span[0])[0]
        limit = self.lex.threshold("max_gap_words")
        topic: list[int] = []
        i = cue.first - 1
        while i >= 0 and self.tokens[i].start >= us and len(topic) <= limit:
            if self.tokens[i].norm in _STOPS or self.quoted[i]:
                return False
            if self.text[self.tokens[i].start:self.tokens[i].end] in ("أما", "وأما", "اما"):
                break
            if self.tokens[i].is_word:
                topic.append(i)
            i -= 1
        else:
            return False
        topic.reverse()
        # أما الوزير الذي التقى سامي: the relative clause is no part of the topic's head
        cut = next((k for k, j in enumerate(topic)
                    if fold(self.tokens[j].norm) in self.lex.relatives), len(topic))
        topic = topic[:cut]
        after = self.first_token_ending_after(cue.span[1])
        if after < len(self.tokens) and fold(self.tokens[after].norm) in self.lex.pronoun_preps:
            return False  # أما سامي فقال عنه: the topic is talked about
        for k, j in enumerate(topic):
            mention = self._mention_at(j)
            if mention is None and k + 1 < len(topic) and self._speaker_head(j):
                mention = self._mention_at(topic[k + 1])  # صحيفة الخبر: the name
            if mention is not None and self._is_subject(mention) \
                    and self._agrees(mention, cue):
                draft.mention, draft.speaker = mention, self._strip_titles(mention)
                return True
            found = None if self._governed(j) else self._speaker_head(j)
            if found and not (cue.sense.gender == "m" and self.text[
                    self.tokens[j].start:self.tokens[j].end].endswith("ة")):
                self._set_head(draft, topic[k:], found)  # not أما الحكومة فقال إنها
                return True
        return False

    def _relay_after_source(self, cue: CueMatch, gap: list[int]) -> str | None:
        """``بحسب ما نقلت الوكالة عن مصادر``: the relay preposition of the verb that opens a
        source phrase's complement (``_source_tokens`` skips it); the source is what
        follows the preposition."""
        if cue.sense.kind != "source" or not gap:
            return None
        for i in range(cue.last + 1, min(cue.last + 3, gap[0] + 1)):
            verb = self.cue_at(i)
            if verb is not None and verb.sense.relay:
                return verb.sense.relay
        return None

    def _document_head(self, i: int, cue: CueMatch) -> tuple[int, str] | None:
        """Word ``i``, the first after a source phrase, read as a document noun (``بحسب
        تقرير``), also with the phrase's ل attached to it (``وفقا لبيانات``), where a
        person noun is a source too (``وفقا لمصادر``)."""
        found = self._lookup(i, self.lex.document_nouns.__contains__)
        attached = cue.attached if i == cue.last + 1 else 0
        word = strip_article(self.tokens[i].norm[attached:])
        if found is None and attached and (word in self.lex.document_nouns
                                           or word in self.lex.person_nouns):
            return attached, word
        return found

    def _unnamed_object(self, gap: list[int], k: int, found: tuple[int, str],
                        cue: CueMatch) -> bool:
        """An unnamed group after a verb whose object comes before its prepositional
        complement (lexicon ``object_first``: دعا، طالب، حث، اتهم), followed by that
        preposition, is the verb's object (ودعا الجماهير إلى، وطالب الأطباء بالعودة), and
        so is a noun after كل/أي (ودعا كل مواطن إلى). After other verbs it is the subject
        (وشدد المسؤولان على، وحذر مسؤولون من)."""
        if found[1] not in self.lex.person_nouns:
            return False
        prev = self._prev_word(gap[k])
        if prev is not None and fold(self.tokens[prev].norm) in ("كل", "اي"):
            return True
        if not cue.sense.object_first:
            return False
        preps = cue.sense.preps
        for j in range(gap[k] + 1, min(gap[k] + 3, len(self.tokens))):
            word = self.tokens[j].norm
            if word in preps or any(len(p) == 1 and word.startswith(p) and len(word) > 2
                                    for p in preps):
                return True
        return False

    def _set_head(self, draft: Draft, gap: list[int], found: tuple[int, str]) -> None:
        """The speaker is the title or noun head at ``gap[0]``, or the person named in
        apposition after it."""
        person = self._apposed_person(gap[1:])
        if person is not None:
            draft.mention = person = self._title_holder(person) or person
            draft.speaker = self._strip_titles(person)
        else:
            draft.speaker = self._head_span(gap[0], found[0])
            draft.nominal = found[1]

    def _agrees(self, mention: Mention, cue: CueMatch) -> bool:
        """A masculine verb does not take a feminine institution right after it as its
        subject: in ``وطالب الحكومة الإسرائيلية بـ`` the government is the object of a
        dropped subject (a feminine subject right after the verb makes it ``طالبت``; with
        words between, ``وقال اليوم حركة النهضة``, the masculine is allowed)."""
        if cue.sense.kind != "verb" or cue.sense.gender != "m" or mention.label == "PER":
            return True
        return not self._feminine_head(mention)

    def _feminine_head(self, mention: Mention) -> bool:
        """The mention's first word is feminine or a plural in ات (وزارة، الحكومة، السلطات)."""
        words = self.text[mention.start:mention.end].split()
        return bool(words) and words[0].endswith(("ة", "ات"))

    def _unnamed_subject(self, i: int, cue: CueMatch) -> bool:
        """A common noun (by the tagger) right after a verb cue, not governed and no date:
        Arabic puts the subject first after the verb, so where no source is named the noun
        is an unnamed one (وكتب شخص، ووصف الإعلام) rather than a pro-drop subject. Not
        after a verb that takes an object or a prepositional complement (دعا النساء إلى،
        وصف الفيلم): there the noun is as likely the object."""
        tok = self.tokens[i]
        sense = cue.sense
        return sense.kind == "verb" and not sense.takes_object and not sense.preps \
            and tok.is_word and not self.quoted[i] and i not in self.time_words \
            and (tok.start, tok.end) in self.nouns and not self._governed(i) \
            and not _adverbial(tok.norm)

    def _apposed_person(self, rest: list[int]) -> Mention | None:
        """A person named after a title or noun head (``رئيس الهيئة، فهد سالم``): the first
        PER mention before any separate preposition, or right after a comma. ``في`` before
        a definite noun belongs to the title (``مدير الصحة في الولاية غول منغال``)."""
        in_pp = False
        prep = -1  # the preposition that opened the phrase
        for k, i in enumerate(rest):
            mention = self._mention_at(i)
            if mention is not None and mention.label == "PER" and self.starts.get(
                    mention.start) == i and (not in_pp or self._after_comma(i)
                                             or self._closes_phrase(prep, i)) \
                    and self._is_subject(mention):
                return mention
            if mention is None and self.tokens[i].norm in self.lex.phrase_preps \
                    and not self._title_place(rest[k:k + 2]) and not in_pp:
                in_pp, prep = True, i
        return None

    def _title_place(self, words: list[int]) -> bool:
        """``في الولاية`` / ``في الهيئة``: في and one definite noun that is no mention."""
        return len(words) == 2 and self.tokens[words[0]].norm == "في" \
            and self.tokens[words[1]].norm.startswith("ال") and self._mention_at(words[1]) is None

    def _closes_phrase(self, prep: int, i: int) -> bool:
        """Word ``i`` follows a preposition and the one name that is its object
        (``المدون على يوتيوب جو ساغ``, ``مدير الشرطة في بغداد أحمد علي``): a person named
        there is in apposition to the title. Not after a longer phrase (``خلال لقائه بوزير
        الزراعة … في ولاية … كمال``), where the person belongs to the phrase."""
        if prep < 0 or i <= prep + 1:
            return False
        if strip_article(self.tokens[prep + 1].norm) in self.lex.platforms:
            return i == prep + 2
        before = self._mention_at(prep + 1)
        return before is not None and before.label != "PER" and self._mention_at(i - 1) is before

    def _after_comma(self, i: int) -> bool:
        return i > 0 and self.tokens[i - 1].norm in _COMMAS

    def _is_subject(self, mention: Mention) -> bool:
        """A mention that can be a source: no channel, not governed by a preposition."""
        if strip_article(fold(mention.text)) in self.lex.platforms:
            return False
        i = self.first_token_ending_after(mention.start)
        if i >= len(self.tokens):
            return False
        tok = self.tokens[i]
        if tok.start < mention.start:  # an attached clitic: بالكويت, للوزارة, لـ
            return fold(self.text[tok.start:mention.start])[-1:] not in "بلك"
        if len(tok.norm) == 1 and tok.norm in "بلك" and tok.end <= mention.start:
            return False
        if self._governed(i):
            return False
        # a name after the noun of a prepositional phrase (في مدينة أونتاريو، لمجموعة
        # "فونكه"), quotation marks between them allowed
        j = self._back_over_marks(i - 1, "«\"“")
        return not (j >= 0 and self.tokens[j].is_word and self._mention_at(j) is None
                    and not self.tokens[j].norm.startswith("ال") and self._governed(j))

    def _back_over_marks(self, j: int, marks: str) -> int:
        """Token ``j``, or the nearest before it once quotation marks in ``marks`` are
        skipped (-1 when none is left)."""
        while j >= 0 and not self.tokens[j].is_word and self.tokens[j].norm in marks:
            j -= 1
        return j

    def _governed(self, i: int) -> bool:
        """Word ``i`` follows a preposition (``في``, ``لـ``), an ل/ب-prefixed noun
        (``لوكالة``, ``بموقع``) or a channel noun (``صفحته``, ``حسابه``)."""
        j = self._back_over_marks(i - 1, "«\"“ـ")
        if j < 0 or not self.tokens[j].is_word:
            return False
        word = self.tokens[j].norm
        if word in self.lex.non_subject_preps or (len(word) == 1 and word in "بلك"):
            return True
        if self._adjective_of_governed(i, j):
            return True  # في مؤتمر صحفي: صحفي describes the governed noun
        before = self._mention_at(j)
        if before is not None and before is not self._mention_at(i):
            return False  # بالأحساء علي الغوينم: the clitic governs the place, not the name
        if word.startswith(("لل", "بال")) or word in self.lex.channel_nouns \
                or strip_article(word) in self.lex.channel_nouns:
            return True
        rest = strip_article(word[1:])
        return word[0] in "لب" and len(word) > 3 and (
            rest in self.lex.speaker_nouns or rest in self.lex.channel_nouns
            or self.lex.title_stem(rest) is not None)

    def _adjective_of_governed(self, i: int, j: int) -> bool:
        """Words ``j`` and ``i`` are both indefinite and outside names, and a preposition
        governs ``j``: ``i`` is its adjective (في مؤتمر صحفي), not a subject."""
        if i != j + 1 or self._mention_at(i) is not None or self._mention_at(j) is not None \
                or self.tokens[i].end in self.verb_ends or self.tokens[i].norm in self.lex.forms:
            return False  # من جانبه أكد: a verb after the governed noun
        if any(self.tokens[k].norm.startswith("ال") for k in (i, j)):
            return False
        k = j - 1
        return k >= 0 and self.tokens[k].is_word \
            and self.tokens[k].norm in self.lex.non_subject_preps

    def _head_span(self, i: int, clitic: int) -> Offsets:
        tok = self.tokens[i]
        return self._orig(tok.fstart + clitic), tok.end

    def _mention_before(self, cue: CueMatch) -> Mention | None:
        """``فلان أكد أن``: the nearest mention a few words before the cue, not after a
        preposition (``في الكويت``), in the same unit and clause (not before لكن، بينما),
        and not across a comma or colon (``وقبيل مغادرته بغداد، قال``, ``الدوحة - قنا:
        أكدت``) unless a relative pronoun opens the cue's clause (``العدل، الذي أكد``)."""
        if self._comma_before_mention(cue):
            return None
        for i in self._tokens_before(cue, self.units_of(cue.span[0])[0]):
            tok = self.tokens[i]
            if tok.norm in _STOPS or self.quoted[i] or tok.norm in self._closers():
                return None
            if self._lookup(i, self.lex.clause_connectors.__contains__):
                return None  # … هالغريمسون في منصبه، ولكن الاتحاد أشار: another clause
            mention = self._mention_at(i)
            if mention is not None and self._in_parentheses(mention):
                if self._dateline(mention):
                    return None  # (CNN)-- أعلن: the agency is not the subject
                continue  # بوريس جونسون (المحافظين) قال: a gloss, the subject is before it
            if mention is not None and not self._after_preposition(mention) \
                    and self._is_subject(mention):
                if self._genitive_of_unnamed(mention):
                    return None
                return self._title_holder(mention) or mention
        return None

    def _comma_before_mention(self, cue: CueMatch) -> bool:
        """A comma or colon stands between the cue and the nearest mention before it."""
        prev = self._prev_word(cue.first)
        if prev is not None and self.tokens[prev].norm in self.lex.relatives:
            return False
        for i in self._tokens_before(cue, self.units_of(cue.span[0])[0]):
            if self.tokens[i].norm in _CLAUSE_MARKS:
                return True
            if self._mention_at(i) is not None:
                return False
        return False

    def _title_holder(self, mention: Mention) -> Mention | None:
        """The person whose title names ``mention``: a PER right after it when a title comes
        before it (المدير العام لإسطبلات الخالدية مطلق بن مشرف, مستشار الرئيس ترامب جون
        بولتون), else, for a body or place, a PER right before that title, a comma at most
        between (وائل البسامي نائب رئيس شركة الرشيد)."""
        idx = self._tokens_in(mention.start, mention.end)
        if not idx:
            return None
        j, title = idx[0] - 1, None
        while (j >= 0 and idx[0] - j <= self.lex.threshold("max_title_words")
               and self.tokens[j].is_word and self._mention_at(j) is None):
            if self._is_title(j):
                title = j
            j -= 1
        if title is None:
            return None
        k = idx[-1] + 1  # only titles between: the body's name ends the title phrase
        while k < len(self.tokens) and self.tokens[k].is_word and (
                self._mention_at(k) is not None or self._is_title(k)):
            after = self._mention_at(k)
            if after is not None:
                return after if after.label == "PER" and self.starts.get(after.start) == k \
                    else None
            k += 1
        j = title - 1
        if j >= 0 and self.tokens[j].norm in _COMMAS:
            j -= 1
        before = self._mention_at(j) if j >= 0 and mention.label != "PER" else None
        return before if before is not None and before.label == "PER" else None

    def clause_subject(self, cue: CueMatch) -> Mention | None:
        """The subject of the clause that a participle cue closes (ودافعت إسرائيل عن
        الإجراء قائلة، أبقى الأردن حدوده مغلقة مؤكدا): the mention right after the nearest
        verb before the cue in its unit, or right before it; not across quotations."""
        unit_start = self.units_of(cue.span[0])[0]
        j = cue.first - 1
        while j >= 0 and self.tokens[j].start >= unit_start:
            if self.quoted[j]:
                return None
            if self.tokens[j].end in self.verb_ends:
                break
            j -= 1
        else:
            return None
        after = [k for k in range(j + 1, cue.first) if self.tokens[k].is_word]
        n = self._title_run(after)
        titled = after[n] if n < len(after) else None
        for k in (j + 1, titled, j - 1):  # وعلق وزير الدولة للاقتصاد الرقمي سعيد المهيري
            if k is None:
                continue
            mention = self._mention_at(k) if 0 <= k < cue.first else None
            if mention is None or (k > j and self.starts.get(mention.start) != k):
                continue
            if self._after_preposition(mention) or not self._is_subject(mention):
                continue
            if cue.sense.gender == "m" and mention.label != "PER" \
                    and self._feminine_head(mention):
                continue
            return mention
        return None

    def _genitive_of_unnamed(self, mention: Mention) -> bool:
        """``فحسابات داعش تزعم``, ``مسؤولو حماس قالوا``: the mention completes an unnamed
        source or a document in construct before it; that noun is the subject."""
        i = self.first_token_ending_after(mention.start)
        j = self._prev_word(i)
        if j is None or any(w.startswith("ال") for _, w in self._readings(j)):
            return False  # رئيس الوزراء نتنياهو: a definite title is in apposition
        unnamed = self.lex.person_nouns | self.lex.document_nouns | self.lex.channel_nouns
        return self._lookup(j, unnamed.__contains__) is not None

    def _after_verb(self, mention: Mention) -> bool:
        """The mention follows a word the tagger calls a verb, titles and a pronoun after a
        preposition in between allowed (ودافع رئيس النادي فهد العلي، شدد عليه مدربه كاظم
        الساهر): the verb's subject."""
        i = self.first_token_ending_after(mention.start)
        words: list[int] = []
        j = self._prev_word(i) if i < len(self.tokens) else None
        while j is not None and len(words) <= self.lex.threshold("max_title_words"):
            if self.tokens[j].end in self.verb_ends:
                return self._title_run(words[::-1]) == len(words)
            if not self.tokens[j].is_word or self._mention_at(j) is not None:
                return False
            if fold(self.tokens[j].norm) not in self.lex.pronoun_preps:  # شدد عليه مدربه
                words.append(j)
            j = self._prev_word(j)
        return False

    def _in_parentheses(self, mention: Mention) -> bool:
        before = self.text[:mention.start].rstrip()
        return before.endswith("(") and self.text[mention.end:].lstrip().startswith(")")

    def _dateline(self, mention: Mention) -> bool:
        """A parenthesised source followed by a dash: ``واشنطن (CNN)--``, ``(رويترز) -``."""
        after = self.text[mention.end:].lstrip()[1:].lstrip()
        return after.startswith(("-", "–", "—"))

    def _tokens_before(self, cue: CueMatch, unit_start: int) -> Iterator[int]:
        """Token indices before the cue, nearest first, inside its unit and within
        ``max_speaker_before_words`` words."""
        limit = self.lex.threshold("max_speaker_before_words")
        words = 0
        i = cue.first - 1
        while i >= 0 and self.tokens[i].start >= unit_start and words <= limit:
            yield i
            words += self.tokens[i].is_word
            i -= 1

    def _noun_before(self, cue: CueMatch) -> tuple[int, tuple[int, str]] | None:
        """``لكن خبراء اقتصاديين قد توقعوا أن``: an unnamed source (a speaker noun or title)
        a few words before a cue without a mention, at the start of its clause (after
        punctuation, a connector such as لكن, or كان)."""
        us = self.units_of(cue.span[0])[0]
        for i in self._tokens_before(cue, us):
            if not self.tokens[i].is_word or self.quoted[i] or self.cue_at(i) is not None:
                return None
            found = None if self._governed(i) else self._speaker_head(i)
            if found:
                prev = self._prev_word(i)
                while prev is not None and self.tokens[prev].start >= us \
                        and (head := self._speaker_head(prev)) is not None:
                    i, found = prev, head  # لكن متحدث الجيش قال: the chain's head
                    prev = self._prev_word(i)
                starts_clause = prev is None or self.tokens[prev].start < us or self._lookup(
                    prev, lambda w: w in self.lex.connectors or w in _COPULAS) is not None
                return (i, found) if starts_clause else None
        return None

    def units_of(self, pos: int) -> Offsets:
        k = bisect_right(self.unit_starts, pos) - 1  # binary search: linear time overall
        if k >= 0 and self.units[k][0] <= pos < self.units[k][1]:
            return self.units[k]
        return 0, len(self.text)

    def _after_preposition(self, mention: Mention) -> bool:
        i = self.starts.get(mention.start)
        if i is None:  # attached clitic (بالكويت, للوزارة)
            word = next((t for t in self.tokens if t.start < mention.start < t.end), None)
            return word is not None and word.norm[0] in "بلك"
        prev = self._prev_word(i)
        if prev is not None and self.tokens[prev].norm in self.lex.non_subject_preps:
            return True
        # إلى رئيس مجلس الشورى الدكتور عبدالله: the person of a title the preposition governs
        words: list[int] = []
        while prev is not None and len(words) < self.lex.threshold("max_title_words"):
            inside = self._mention_at(prev)  # رئيس [مجلس الشورى]: a body in the title
            if not self.tokens[prev].is_word or (inside is not None and inside.label == "PER") \
                    or self.tokens[prev].end in self.verb_ends:
                return False
            if self.tokens[prev].norm in self.lex.non_subject_preps:
                return bool(words) and self._is_title(words[-1])
            words.append(prev)
            prev = self._prev_word(prev)
        return False

    def _strip_titles(self, mention: Mention) -> Offsets:
        """A mention without leading titles (نائب وزير الخارجية خالد → خالد …); never empty.
        Its first word counts even when it carries a proclitic (وأيمن الصفدي), and in a
        person's name a title word that is also a given name (أمين، سلطان) is the name."""
        overlapping = range(self.first_token_ending_after(mention.start),
                            bisect_left(self.token_starts, mention.end))
        idx = [i for i in overlapping if self.tokens[i].is_word] or list(overlapping)
        if not idx:
            return mention.start, mention.end
        n = self._title_run(idx[:-1], lambda i: self.cue_at(i) is not None)
        if mention.label == "PER":
            given = [k for k in range(n) if self._word_at(idx[k], mention.start)
                     in self.lex.given_name_titles]
            n = given[0] if given else n
        return max(self.tokens[idx[n]].start, mention.start), mention.end

    def _word_at(self, i: int, start: int) -> str:
        """The folded letters of token ``i`` from ``start`` on (a mention may begin after
        the token's proclitic)."""
        return fold(self.text[max(self.tokens[i].start, start):self.tokens[i].end])

    def _title_run(self, words: list[int], extra: Callable[[int], bool] = lambda i: False) -> int:
        """How many leading words are titles with up to two ال-complements each
        (نائب وزير الخارجية, القائد العسكري) or words ``extra`` accepts."""
        n, complements = 0, 0
        while n < len(words):
            i = words[n]
            if self._is_title(i):
                complements = 2
            elif complements and self.tokens[i].norm.startswith(("ال", "لل")):
                complements -= 1
            elif extra(i):
                complements = 0
            else:
                break
            n += 1
        return n

    # -- finishing ------------------------------------------------------------

    def _settle(self, draft: Draft) -> bool:
        """Trim the content and decide its kind; False drops the draft."""
        span = trim(self.text, draft.content, keep=self._closers())
        if span is None:
            return False
        s, e = span
        lead = draft.content[0]
        while lead < s and self.text[lead].isspace():
            lead += 1
        pair = self.quote_pairs.get(lead)
        if pair is not None:
            inner = trim(self.text, (pair.open + 1, pair.close), keep=self._closers())
            if inner is None:
                return False
            draft.content, draft.kind = inner, "direct"
            self.used_pairs.add(pair.open)
            return True
        s, e = span = self._before_channel(self._before_ender(span))
        words = sum(1 for i in self._tokens_in(s, e) if self.tokens[i].is_word)
        if words < self.lex.threshold("min_content_words"):
            return False
        inside = [p for p in self.quote_pairs.values() if s <= p.open < e]
        self.used_pairs.update(p.open for p in inside)
        draft.content = span
        draft.kind = "mixed" if inside else "direct" if draft.after_colon else "indirect"
        return True

    def _before_ender(self, span: Offsets) -> Offsets:
        """Reported content stops before ``، وذلك بعد …``, ``، في إشارة …``, ``، حسبما …``
        or a circumstantial participle (``، مشيدا بالدور``): the writer's background or a
        second attribution after a comma."""
        toks = self._tokens_in(*span)
        for i in toks:
            if self.tokens[i].norm not in _COMMAS or self.quoted[i]:
                continue
            if i + 1 < len(self.tokens) and self._circumstantial(i + 1):
                return self._cut_before(span, i)
            for words in self.lex.enders:
                if self._match_phrase(i + 1, words) is not None:
                    return self._cut_before(span, i)
            for words in self.lex.source_enders:
                match = self._match_phrase(i + 1, words)
                if match is not None and self._source_follows(*match):
                    return self._cut_before(span, i)
        return span

    def _circumstantial(self, i: int) -> bool:
        """An indefinite accusative participle of a derived verb (``مشيدا``, ``متطلعا``,
        ``مستعرضا``): it opens a circumstantial clause about the subject (GUIDELINES 1.3),
        not more of what was said; adverbs of that shape (``مجددا``) are listed."""
        word = self.tokens[i].norm
        return self.tokens[i].is_word and len(word) >= 5 and word.startswith("م") \
            and _adverbial(word) and not word.endswith("ها") \
            and word not in self.lex.accusative_adverbs

    def _before_channel(self, span: Offsets) -> Offsets:
        """Reported content ends before a closing channel phrase (``أعلنت المنظمة وفاته
        بسويسرا في تغريدة``, ``… عبر حسابه``): where it was said, not what."""
        toks = [i for i in self._tokens_in(*span) if self.tokens[i].is_word]
        for k in range(max(0, len(toks) - 3), len(toks) - 1):
            i = toks[k]
            if self.quoted[i] or self.tokens[i].norm not in ("في", "عبر"):
                continue
            word = strip_article(self.tokens[toks[k + 1]].norm)
            if word in self.lex.channel_nouns or word in self.lex.document_nouns \
                    or word in self.lex.statement_heads:
                return self._cut_before(span, i)
        return span

    def _source_follows(self, last: int, attached: int) -> bool:
        """``، وفقا لوكالة …`` / ``، بحسب "سانا"``: a name, a quoted name or a source noun
        right after a source phrase (not ``، وفق معايير محددة``)."""
        j = last + 1
        if j < len(self.tokens) and not self.tokens[j].is_word and self.tokens[j].norm in "«\"“":
            return j + 1 < len(self.tokens) and self.tokens[j + 1].is_word
        if j >= len(self.tokens) or not self.tokens[j].is_word:
            return False
        if self._mention_at(j) is not None:
            return True
        word = strip_article(self.tokens[j].norm[attached:])
        return word in self.lex.speaker_nouns or word in self.lex.document_nouns \
            or self.lex.title_stem(word) is not None

    def _loose_quotations(self, u: int, drafts: list[Draft], covered: int = 0) -> list[Draft]:
        """Quotations not yet attributed: ``«…»، قال X`` or ``X: «…»``; others are dropped."""
        out: list[Draft] = []
        us, ue = self.units[u]
        taken = [d.content for d in drafts]
        first = bisect_left(self.pair_opens, max(us, covered))
        last = bisect_left(self.pair_opens, ue)
        for pair in (self.quote_pairs[o] for o in self.pair_opens[first:last]):
            if pair.open in self.used_pairs:
                continue
            if any(s <= pair.open < e for s, e in taken):
                continue
            draft = self._cue_after(pair, u) or self._colon_speaker(pair, u)
            if draft and self._settle(draft):
                out.append(draft)
        return out

    def _cue_after(self, pair: MarkPair, u: int) -> Draft | None:
        i = self.starts.get(pair.close)
        if i is None or not pair.closed:
            return None
        j = i + 1
        while j < len(self.tokens) and self.tokens[j].norm in ("،", ",", "-", "–"):
            j += 1
        cue = self.cue_at(j) if j < len(self.tokens) else None
        if cue is None or cue.sense.kind == "statement":
            return None
        stop = min(cue.last + 1 + self.lex.threshold("max_gap_words"), len(self.tokens))
        gap = [k for k in range(cue.last + 1, stop)
               if self.tokens[k].is_word and self.tokens[k].start < self.units[u][1]]
        draft = Draft(cue, pair.outer, u)
        self._set_speaker(draft, gap[: max(self._speaker_prefix(gap), 1)], cue)
        return draft

    def _colon_speaker(self, pair: MarkPair, u: int) -> Draft | None:
        i = self.starts.get(pair.open, 0) - 1
        if i < 1 or self.tokens[i].norm != ":":
            return None
        mention = self._mention_at(i - 1)
        if mention is None:
            return None
        draft = Draft(None, pair.outer, u, self._strip_titles(mention), mention)
        return draft


# ---------------------------------------------------------------- names and genders


class _Names:
    """Fullest names of sources and the gender-aware carry-over for pro-drop cues."""

    def __init__(self, analysis: _Analysis) -> None:
        self.a = analysis
        self.lex = analysis.lex
        self._name_of: dict[Mention, str] = {}
        self._fullest_of: dict[tuple[str, tuple[str, ...]], str] = {}

    def resolve(self, drafts: list[Draft]) -> None:
        history: list[tuple[int, str | None, str | None]] = []  # (position, name, gender)
        previous: Draft | None = None
        self._contents = sorted(d.content for d in drafts)
        self._content_starts = [c[0] for c in self._contents]
        for draft in drafts:
            verb_gender = draft.cue.sense.gender if draft.cue else None
            if draft.cue and draft.cue.sense.relay:
                verb_gender = None  # نقلت الوكالة عن متحدث: the verb agrees with the relay
            if draft.mention is not None:
                draft.speaker_name = self.fullest(draft.mention)
                gender = verb_gender or self.mention_gender(draft.mention)
            elif draft.nominal is not None:
                draft.speaker_name = self.nominal_name(draft)
                noun_gender = self.noun_gender(draft.nominal)
                # وقال مسؤولون: a verb before its subject is singular, the source plural
                gender = noun_gender if noun_gender == "pl" else verb_gender or noun_gender
            elif draft.cue and draft.cue.sense.kind == "participle" and previous \
                    and previous.unit == draft.unit and not self._new_subject(previous, draft):
                # …، مؤكدا أن: the participle's source is the sentence's, its mention too
                draft.speaker_name = previous.speaker_name
                draft.speaker, draft.mention = previous.speaker, previous.mention
                gender = verb_gender
            elif draft.cue and draft.cue.sense.kind == "participle" \
                    and (subject := self.a.clause_subject(draft.cue)) is not None:
                draft.mention, draft.speaker = subject, self.a._strip_titles(subject)
                draft.speaker_name = self.fullest(subject)
                gender = verb_gender or self.mention_gender(subject)
            else:
                draft.speaker_name = self.carry_over(draft, verb_gender, history)
                gender = verb_gender
            if draft.speaker_name or draft.nominal is not None:
                # an unnamed source (مصدر، طبيب المنتخب) is a source too: وأضاف after it
                # continues it rather than the person named before it
                at = (draft.speaker or (draft.cue.span if draft.cue else draft.content))[0]
                history.append((at, draft.speaker_name, gender))
            previous = draft

    def _new_subject(self, previous: Draft, draft: Draft) -> bool:
        """A person named as a verb's subject between the previous quote and a participle
        cue (``…، وهو ما شدد عليه مدربه كاظم الساهر، قائلا``): the participle goes with
        that clause, not with the previous quote. Needs a tagger."""
        start = previous.content[1]
        end = draft.cue.span[0] if draft.cue else draft.content[0]
        k = bisect_left(self.a.mention_starts, start)
        for m in self.a.mentions[k:]:
            if m.start >= end:
                break
            if m.label == "PER" and self.a._is_subject(m) and self.a._after_verb(m) \
                    and not self._reported(m.start):
                return True
        return False

    def fullest(self, mention: Mention) -> str:
        """The longest mention of the same label containing this one's words, titles removed.
        Person names compare without the article (``الجزار`` is ``محمد جزار``)."""
        words = self._match_words(mention.label, self._name(mention))
        key = (mention.label, tuple(words))
        if key not in self._fullest_of:
            best = self._name(mention)
            for other in self.a.mentions:
                if other.label != mention.label:
                    continue
                name = self._name(other)
                if _contains(self._match_words(other.label, name), words) \
                        and len(name) > len(best):
                    best = name
            self._fullest_of[key] = best
        return self._fullest_of[key]

    @staticmethod
    def _match_words(label: str, name: str) -> list[str]:
        words = fold(name).split()
        return [strip_article(w) for w in words] if label == "PER" else words

    def _name(self, mention: Mention) -> str:
        """The mention's text without titles; a hashtag's underscores are spaces
        (``#محمد_رمضان`` names محمد رمضان)."""
        if mention not in self._name_of:
            s, e = self.a._strip_titles(mention)
            self._name_of[mention] = " ".join(self.a.text[s:e].replace("_", " ").split())
        return self._name_of[mention]

    def nominal_name(self, draft: Draft) -> str | None:
        """``الوزير`` / ``الوزارة``: the latest person introduced with that title, or the
        latest organisation whose name starts with that noun. A document (``تقرير أصدره
        مركز …``, ``البيانات التي أعلنتها مؤسسة …``) speaks for the author named after it."""
        nominal = draft.nominal or ""
        if strip_article(nominal) in self.lex.document_nouns and draft.speaker:
            # the author stands before the content, or before the unit's end when the
            # content comes first (…، نقلا عن بيانات شركة سوناطراك)
            until = draft.content[0] if draft.content[0] >= draft.speaker[1] \
                else self.a.units_of(draft.speaker[0])[1]
            author = self.author_after(draft.speaker[1], until)
            if author is not None:
                return self.fullest(author)
            owner = self.owner_after(draft.speaker[1])
            if owner is None:
                return None
            nominal = owner  # تقرير الوكالة: the agency's report speaks for the agency
        title = self.lex.title_stem(nominal)
        noun = title or _masculine(nominal)
        k = bisect_left(self.a.mention_starts, draft.content[0])
        window = self.a.mentions[max(0, k - self.lex.threshold("max_mentions_back")) : k]
        for mention in reversed([m for m in window if m.end <= draft.content[0]]):
            if mention.label == "PER" and noun in self.titles_before(mention):
                return self.fullest(mention)
            if title is not None or strip_article(nominal) in self.lex.person_nouns:
                continue  # رئيس هيئة الرياضة / طبيب المنتخب: the person's organisation is
                # not the speaker; an unnamed person has no speaker_name
            first = fold(self._name(mention)).split()[:1]
            if mention.label == "ORG" and first and _masculine(strip_article(first[0])) == noun:
                return self.fullest(mention)
            if mention.label == "ORG" and self.noun_before(mention) == noun:
                return self.fullest(mention)
        return None

    def owner_after(self, end: int) -> str | None:
        """The definite institution noun right after a document noun, in construct
        (``تقرير الوكالة``, ``بيان الوزارة``), as a speaker-noun reading."""
        i = self.a.first_token_ending_after(end)
        if i >= len(self.a.tokens) or not self.a.tokens[i].norm.startswith("ال") \
                or self.a._mention_at(i) is not None:
            return None
        found = self.a._speaker_head(i)
        return found[1] if found and found[1] not in self.lex.document_nouns else None

    def author_after(self, start: int, end: int) -> Mention | None:
        """The first organisation or person named within a few words after ``start``
        and before ``end`` (the content)."""
        k = bisect_left(self.a.mention_starts, start)
        limit = self.lex.threshold("max_author_words")
        for mention in self.a.mentions[k:k + 3]:
            if mention.start >= end:
                break
            words = [fold(w) for w in self.a.text[start:mention.start].split()]
            if any(w in self.lex.non_subject_preps and (n == 0 or words[n - 1] not in
                                                        self.lex.issuer_words)
                   for n, w in enumerate(words)):
                return None  # تقرير حول الرئيس …: the report is about him, not by him
            if mention.label in ("ORG", "PER") and len(words) <= limit:
                return mention
        return None

    def noun_before(self, mention: Mention) -> str | None:
        """The word just before a mention, quotation marks skipped, folded and without ال/ة
        (``وكالة "بلومبرغ"`` → وكال)."""
        i = self.a._back_over_marks(self.a.first_token_ending_after(mention.start) - 1,
                                    self.a._closers() + "«“")
        if i < 0 or not self.a.tokens[i].is_word:
            return None
        return _masculine(strip_article(self.a.tokens[i].norm))

    def titles_before(self, mention: Mention) -> set[str]:
        """Title words (folded, no article, no ة) just before or at the start of a mention,
        after the last sentence end, verb or relative pronoun."""
        i = self.a.first_token_ending_after(mention.start)
        if i == len(self.a.tokens):
            return set()
        out = set()
        lo = max(0, i - self.lex.threshold("max_title_words"))
        for k in range(i - 1, lo - 1, -1):  # the run of words right before the name
            if self.a.tokens[k].norm in _STOPS or self.a.tokens[k].end in self.a.verb_ends \
                    or fold(self.a.tokens[k].norm) in self.lex.relatives:
                lo = k + 1  # الوزير الذي التقى أحمد: not أحمد's title
                break
        for k in range(lo, min(i + 2, len(self.a.tokens))):
            found = self.a._lookup(k, lambda w: self.lex.title_stem(w) is not None)
            if found:
                out.add(self.lex.title_stem(found[1]) or found[1])
                tok = self.a.tokens[k]
                if self.lex.is_feminine_title(found[1]) \
                        and not self.a.text[tok.start:tok.end].endswith("ه"):
                    out.add(FEMININE)  # مدربه is his coach, not مدربة
        out.update(self._title_in_apposition(mention))
        return out

    def _title_in_apposition(self, mention: Mention) -> set[str]:
        """The title that opens an apposition after the name (``مصطفى مدبولي، رئيس مجلس
        الوزراء،``), as Egyptian and Gulf copy introduces officials."""
        j = self.a.first_token_ending_after(mention.end - 1) + 1
        if j + 1 >= len(self.a.tokens) or self.a.tokens[j].norm not in _COMMAS \
                or self.a._mention_at(j + 1) is not None:
            return set()
        found = self.a._lookup(j + 1, lambda w: self.lex.title_stem(w) is not None)
        return set() if found is None else {self.lex.title_stem(found[1]) or found[1]}

    def noun_gender(self, noun: str) -> str | None:
        """A person noun's gender by its ending (متحدث m, متحدثة f, مسؤولون pl); a broken
        plural among the unnamed sources (مصادر، شهود، خبراء) is pl too; None for others."""
        if noun not in self.lex.person_nouns and self.lex.title_stem(noun) is None:
            return None
        if noun.endswith(("ون", "ين", "و")) or noun in self.lex.plural_nouns:
            return "pl"
        return "f" if noun.endswith("ه") else "m"

    def mention_gender(self, mention: Mention) -> str | None:
        """Feminine from a title in ة (الوزيرة، السيدة) or the first name; PER defaults to m.
        An organisation is feminine when its head is (وزارة، الحكومة، السلطات)."""
        if mention.label == "ORG":
            return "f" if self.a._feminine_head(mention) else None
        if mention.label != "PER":
            return None
        if FEMININE in self.titles_before(mention):
            return "f"
        name = self._name(mention)
        first = name.split()[0] if name.split() else ""
        if fold(first) in self.lex.feminine_names:
            return "f"
        if fold(first) in self.lex.masculine_exceptions:
            return "m"
        return "f" if first.endswith(("ة", "ى")) else "m"

    def carry_over(self, draft: Draft, gender: str | None,
                   history: list[tuple[int, str | None, str | None]]) -> str | None:
        """The nearest earlier source of the verb's gender, else the nearest of unknown
        gender: earlier quotes' sources and person mentions that can be subjects (no
        preposition before them, not inside reported content), salient ones within
        ``salience_window_words`` first, then latest first."""
        at = draft.cue.span[0] if draft.cue else draft.content[0]
        back = self.lex.threshold("max_mentions_back")
        candidates = [c for c in history[-back:] if c[0] < at]
        # a subject (a person named right after a verb) or an earlier quote's source
        # within a few words outranks nearer persons named in passing (وعلق مورينيو على
        # تجاهل فينجر له وقال …: مورينيو); without a tagger: latest first
        tagged = bool(self.a.verb_ends)
        salient = {c[0] for c in history} if tagged else set()
        k = bisect_left(self.a.mention_starts, at)  # a window, not all mentions: linear time
        for m in self.a.mentions[max(0, k - back):k]:
            if m.label == "PER" and m.end <= at and not self._reported(m.start) \
                    and self.a._is_subject(m) and not self.a._after_preposition(m):
                candidates.append((m.start, self.fullest(m), self.mention_gender(m)))
                if tagged and self.a._after_verb(m):
                    salient.add(m.start)
        if not candidates:
            return None
        window = self.lex.threshold("salience_window_words")
        first = self.a.first_token_ending_after(at)

        def words_to_cue(pos: int) -> int:
            return sum(self.a.tokens[j].is_word
                       for j in range(self.a.first_token_ending_after(pos), first))

        candidates.sort(key=lambda c: (
            c[0] not in salient or words_to_cue(c[0]) > window, -c[0]))
        if gender is None:
            return candidates[0][1]
        best = next((c for c in candidates if c[2] == gender), None) \
            or next((c for c in candidates if c[2] is None), None)
        return best[1] if best else None

    def _reported(self, pos: int) -> bool:
        """Inside some quote's content or a quotation."""
        i = self.a.first_token_ending_after(pos)
        if i < len(self.a.tokens) and self.a.quoted[i]:
            return True
        k = bisect_right(self._content_starts, pos) - 1
        return any(s <= pos < e for s, e in self._contents[max(0, k - 2):k + 1])


_COMMAS = frozenset({"،", ","})
_CLAUSE_MARKS = _COMMAS | {":"}
_NEGATING_NOUNS = frozenset({"عدم"})
_LINEAGE = frozenset({"بن", "بنت", "ابن", "ابنه", "ال"})  # folded: ابنة → ابنه, آل → ال


def _adverbial(word: str) -> bool:
    """An indefinite accusative (ردا على سؤال، تعليقا على): an adverbial, never a subject."""
    return word.endswith("ا") and not word.startswith("ال")


def _masculine(word: str) -> str:
    """``وزاره`` → ``وزار``: nouns compare without a final ة (folded to ه)."""
    return word[:-1] if word.endswith("ه") else word


def _contains(words: list[str], part: list[str]) -> bool:
    """``part`` is a run of ``words``, or a shorter name with the same first and last word
    and some middle words left out (محمد السديري in محمد الأحمد السديري, عادل الجبير in عادل
    بن أحمد الجبير), but a lineage keeps its links (خالد بن سلمان is not خالد بن فيصل بن
    سلمان)."""
    n = len(part)
    if n > 0 and any(words[i:i + n] == part for i in range(len(words) - n + 1)):
        return True
    if n < 2 or part[0] != words[0] or part[-1] != words[-1]:
        return False
    rest, left_out = iter(words[1:-1]), []
    for word in part[1:-1]:
        for other in rest:
            if other == word:
                break
            left_out.append(other)
        else:
            return False
    left_out.extend(rest)
    nasab = any(w in _LINEAGE for w in part)  # عادل الجبير is عادل بن أحمد الجبير
    return not (nasab and any(w in _LINEAGE for w in left_out))


# ---------------------------------------------------------------- the component


class QuoteAttributor:
    """Finds direct, indirect and mixed quotes with their cue, speaker and speaker name."""

    def __init__(self, nlp: Language, name: str, lexicon: dict[str, Any],
                 speaker_labels: list[str]) -> None:
        self.nlp = nlp
        self.name = name
        self.speaker_labels = list(speaker_labels)
        self.set_lexicon(lexicon)

    def set_lexicon(self, data: dict[str, Any]) -> None:
        self.lexicon = Lexicon(dict(data))

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = [self._record(d) for d in self.find(doc)]
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def find(self, doc: Doc) -> list[Draft]:
        """Drafts with names resolved, in text order."""
        analysis = _Analysis(doc, self.lexicon, self.speaker_labels)
        if not analysis.text.strip():
            return []
        drafts = analysis.run()
        _Names(analysis).resolve(drafts)
        return [d for d in drafts if _valid(analysis.text, d)]

    @staticmethod
    def _record(draft: Draft) -> dict[str, Any]:
        return {
            "content": list(draft.content),
            "cue": list(draft.cue.span) if draft.cue else None,
            "speaker": list(draft.speaker) if draft.speaker else None,
            "speaker_name": draft.speaker_name,
            "kind": draft.kind,
        }

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, float]:
        """Contract quote scores (``khabar.scoring.score_quotes``) as flat floats."""
        pairs = [(doc_to_record(eg.reference), doc_to_record(eg.predicted)) for eg in examples]
        s = score_quotes(pairs)
        out = {f"quotes_lenient_{k}": float(s["quotes_lenient"][k]) for k in "prf"}
        out.update({f"quotes_exact_{k}": float(s["quotes_exact"][k]) for k in "prf"})
        out["quotes_speaker_acc"] = float(s["speaker_name_acc"])
        out["quotes_cue_acc"] = float(s["cue_acc"])
        return out

    # -- serialization --------------------------------------------------------

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.json_dumps(self.lexicon.data).encode("utf8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> QuoteAttributor:
        self.set_lexicon(srsly.json_loads(data.decode("utf8")))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / LEXICON_FILE, self.lexicon.data)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteAttributor:
        self.set_lexicon(srsly.read_json(Path(path) / LEXICON_FILE))
        return self


def _valid(text: str, draft: Draft) -> bool:
    """Offsets inside the text, non-empty and not starting or ending in whitespace."""
    spans = [draft.content] + [s for s in (draft.speaker, draft.cue and draft.cue.span) if s]
    return all(0 <= s < e <= len(text) and not text[s].isspace() and not text[e - 1].isspace()
               for s, e in spans)


@Language.factory(
    "khabar_quotes",
    assigns=["doc._.quotes"],
    default_config={"lexicon_path": None, "speaker_labels": SPEAKER_LABELS},
    default_score_weights={
        "quotes_lenient_f": 1.0,
        "quotes_lenient_p": 0.0,
        "quotes_lenient_r": 0.0,
        "quotes_exact_f": 0.0,
        "quotes_exact_p": 0.0,
        "quotes_exact_r": 0.0,
        "quotes_speaker_acc": 0.0,
        "quotes_cue_acc": 0.0,
    },
)
def make_quote_attributor(nlp: Language, name: str, lexicon_path: str | None,
                          speaker_labels: list[str]) -> QuoteAttributor:
    """The packaged lexicon, with the keys of ``lexicon_path`` overriding it when given."""
    return QuoteAttributor(nlp, name, load_lexicon_data(lexicon_path), speaker_labels)

