"""``khabar_events``: a lexicon baseline for ACE events in Arabic news (ANNOTATION.md, Events).

News reports its events with a small vocabulary of masdars and verbs (اجتماع، قصف، اعتقال …),
so a trigger lexicon with a few context conditions finds most trigger mentions without
training data. Generic mentions (``مكافحة الإرهاب``) are dropped by construction filters, and
Place/Time/participant arguments are picked from the entities of the same sentence by
positional rules. Every word list, window and role table lives in the JSON lexicon
(``data/event_lexicon.json``); a trained model will later replace the scoring of triggers and
arguments, not this interface.

Matching works on a folded copy of ``doc.text`` (no diacritics, tatweel or zero-width
characters; alef forms, ة/ه and ى/ي unified) whose characters map back to ``doc.text``. Words
are found with a regex rather than spaCy tokens and clitics are analysed on characters, so
the result is the same whether or not the tokenizer splits clitics. Offsets written to
``doc._.events`` are character offsets into ``doc.text`` that exclude proclitics.
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import ensure_path

from ..contract import doc_to_record
from ..extensions import register_extensions
from ..orthography import LETTER_MAP, MARKS
from ..scoring import score_events
from ..segmenter import IMPERFECT_PREFIXES

register_extensions()

DEFAULT_LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "event_lexicon.json"
LEXICON_FILE = "lexicon.json"
Offsets = tuple[int, int]
RoleSpec = str | dict[str, str]

_TRAILINGMARKS = re.compile(f"[{MARKS}]*")
_DROPPED = re.compile(f"[{MARKS}\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
# Persian yeh and keheh also occur in web news
_FOLD = str.maketrans({**LETTER_MAP, "ی": "ي", "ک": "ك"})
_WORD = re.compile(r"[^\W_]+")
_WORD_OR_NUMBER = re.compile(r"[^\W\d_]+|\d+")  # قتل57: a word and a number
_SENTENCE_END = re.compile(r"[.!?؟]+|\n")
_SINGLE_ROLES = ("Place", "Time")
_SPEC_KEYS = ("genitive", "subject", "object", "support_subject", "clause_subject",
              "transitive_subject", "charge", "fate_subject")
_VERB_POS = frozenset({"VERB", "AUX"})
_CLAUSE_BREAK = re.compile(r"[،,;؛:.!?؟()\[\]\n]")
_SCORE_KEYS = {
    "trigger_id": "trigger_identification",
    "trigger_cls": "trigger_classification",
    "arg_id": "argument_identification",
    "arg_cls": "argument_classification",
}


def fold(text: str) -> str:
    """The matching form of a string (the normalisation of ``scoring.normalize_name``)."""
    return _DROPPED.sub("", text).translate(_FOLD)


def _folded_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


# ---------------------------------------------------------------- folded text


@dataclass(frozen=True)
class FoldedText:
    """``doc.text`` folded for matching, with the original index of every folded character."""

    original: str
    text: str
    origin: list[int]

    @classmethod
    def of(cls, original: str) -> FoldedText:
        kept = [i for i, ch in enumerate(original) if not _DROPPED.match(ch)]
        text = "".join(original[i] for i in kept).translate(_FOLD)  # one-to-one mapping
        return cls(original, text, kept)

    def to_original(self, start: int, end: int) -> Offsets:
        """Original offsets of folded ``[start, end)``; the end takes in trailing diacritics."""
        stop = self.origin[end - 1] + 1
        return self.origin[start], _TRAILINGMARKS.match(self.original, stop).end()

    def to_folded(self, start: int, end: int) -> Offsets:
        return bisect_left(self.origin, start), bisect_left(self.origin, end)


@dataclass(frozen=True)
class Word:
    """A run of letters or digits in the folded text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """An entity or time expression usable as an argument.

    ``prefix`` holds the clitics of its first word left outside the span (``ب`` of بالعراق)."""

    span: Offsets  # original offsets, written out as they are
    label: str
    first: int  # word indices
    last: int
    prefix: str


# ---------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class TriggerGroup:
    """Trigger words of one subtype sharing the same conditions (one entry of ``triggers``)."""

    type: str
    context: frozenset[str]
    context_window: int
    context_after_only: bool
    not_followed_by: frozenset[str]
    not_preceded_by: frozenset[str]
    exclude_window: int
    requires_argument: bool
    no_number_after: frozenset[str] = frozenset()
    participants: tuple[tuple[str, Any], ...] = ()  # per-group overrides of the type's rules
    requires_roles: frozenset[str] = frozenset()  # dropped without one of these roles
    not_near: frozenset[str] = frozenset()
    not_near_window: int = 0

    @classmethod
    def from_dict(cls, entry: dict[str, Any]) -> TriggerGroup:
        return cls(
            type=entry["type"],
            context=_folded_set(entry.get("context", [])),
            context_window=int(entry.get("context_window", 0)),
            context_after_only=bool(entry.get("context_after_only", False)),
            not_followed_by=_folded_set(entry.get("not_followed_by", [])),
            not_preceded_by=_folded_set(entry.get("not_preceded_by", [])),
            exclude_window=int(entry.get("exclude_window", 1)),
            requires_argument=bool(entry.get("requires_argument", False)),
            no_number_after=_folded_set(entry.get("no_number_after", [])),
            participants=tuple(sorted(entry.get("participants", {}).items())),
            requires_roles=frozenset(entry.get("requires_roles", [])),
            not_near=_folded_set(entry.get("not_near", [])),
            not_near_window=int(entry.get("not_near_window", 0)),
        )


@dataclass(frozen=True)
class Reading:
    """One analysis of a folded word: proclitics outside the span, article, stem, suffix."""

    prefix: str
    article: str
    stem: str
    suffix: str


@dataclass(frozen=True)
class Entry:
    """A trigger form of the lexicon as found in the index."""

    group: TriggerGroup
    plural: bool


def _prefix_combinations(first: list[str], second: list[str]) -> list[str]:
    """All proclitic strings (conjunction, then preposition/particle), shortest first."""
    combos = {c + p for c in ["", *first] for p in ["", *second]}
    return sorted(combos, key=len)


def load_lexicon_data(path: str | Path | None = None) -> dict[str, Any]:
    """The lexicon JSON at ``path``, or the packaged default.

    A ``path`` that does not exist falls back to the default with a warning: a saved
    pipeline's config keeps the path it was built with, but loading it replaces the
    lexicon with the copy saved inside the pipeline, so it must load on other machines."""
    if path and not Path(path).exists():
        warnings.warn(f"event lexicon {path} not found; using the packaged lexicon "
                      "(a saved pipeline then loads its own copy)", stacklevel=2)
        path = None
    return srsly.read_json(Path(path) if path else DEFAULT_LEXICON_PATH)


@lru_cache(maxsize=1)
def _default_arguments() -> dict[str, Any]:
    """The packaged lexicon's arguments, read once (callers only read them)."""
    return load_lexicon_data()["arguments"]


def _arg_or_default(args: dict[str, Any], key: str) -> Any:
    """``args[key]``, or the packaged lexicon's where a lexicon saved by an older version
    lacks the key."""
    return args[key] if key in args else _default_arguments()[key]


class Lexicon:
    """The compiled event lexicon; ``data`` is the JSON it was built from (serialized as is)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        morph = data["morphology"]
        self.article = fold(morph["article"])
        self.prefixes = {
            "noun": _prefix_combinations(morph["conjunctions"], morph["noun_prefixes"]),
            "verb": _prefix_combinations(morph["conjunctions"], morph["verb_prefixes"]),
        }
        self.conjunctions = _folded_set(morph["conjunctions"])
        self.suffixes = {
            "noun": ["", *sorted(_folded_set(morph["noun_suffixes"]), key=len)],
            "verb": ["", *sorted(_folded_set(morph["verb_suffixes"]), key=len)],
        }
        self.roles: dict[str, frozenset[str]] = {
            t: frozenset(r) for t, r in data["roles"].items()
        }
        self.index: dict[tuple[str, str], list[Entry]] = {}
        for entry in data["triggers"]:
            self._add_group(entry)
        generic = data["generic"]
        self.generic_heads = _folded_set(generic["preceding_heads"])
        self.generic_objects = _folded_set(generic["objects"])
        self.object_prepositions = _folded_set(generic["object_prepositions"])
        self.hypothetical = _folded_set(generic["hypothetical_markers"])
        self.hypothetical_window = int(generic["hypothetical_window"])
        self.drop_bare_plurals = bool(generic["drop_indefinite_plural_without_arguments"])
        self.blocking_labels = frozenset(generic.get("trigger_blocking_labels", []))
        args = data["arguments"]
        self.participant_labels = frozenset(args["participant_labels"])
        self.place_labels = frozenset(args["place_labels"])
        self.time_labels = frozenset(args["time_labels"])
        self.duration_ends = _folded_set(args.get("duration_words", []))
        # a lexicon saved by an older version lacks them: the packaged ones
        self.duration_markers = _folded_set(_arg_or_default(args, "duration_markers"))
        self.place_prepositions = _folded_set(args["place_prepositions"])
        self.place_nouns = _folded_set(args["place_nouns"])
        self.host_verbs = _folded_set(args["host_verbs"])
        self.barriers = _folded_set(args["barriers"])
        # rules added after a model was built stay off for its saved lexicon
        self.rules = frozenset(args.get("rules", []))
        charge = _arg_or_default(args, "charge")
        self.charge_marker = fold(charge["marker"])
        self.charge_nouns = _folded_set(charge["nouns"])
        self.charge_direct_types = frozenset(charge["direct_types"])
        self.fate_verbs = _folded_set(_arg_or_default(args, "fate_verbs"))
        self.verb_particles = _folded_set(_arg_or_default(args, "verb_particles"))
        self.windows: dict[str, int] = {k: int(v) for k, v in args["windows"].items()}
        self.participants: dict[str, dict[str, Any]] = args["participants"]
        phrases = args.get("noun_phrases", {})
        self.np_label = str(phrases.get("label", "NP"))
        self.human_nouns = _folded_set(phrases.get("human_nouns", []))
        defaults = _default_arguments()["noun_phrases"]
        self.title_heads = _folded_set(phrases.get("title_heads", defaults["title_heads"]))
        self.adjective_labels = frozenset(phrases.get("adjective_labels",
                                                      defaults["adjective_labels"]))
        self.number_words = _folded_set(phrases.get("number_words", []))
        self.np_genitive = bool(phrases.get("genitive", False))
        self.np_stop = _folded_set(phrases.get("not_heads", []))
        self.coordination_gap = int(args["windows"].get("coordination_gap", -1))
        self.list_heads = _folded_set(args.get("list_marker", ["", ""])[:1])
        self.list_prepositions = _folded_set(args.get("list_marker", ["", ""])[1:])
        self.nearest_only = frozenset(args.get("roles_to_nearest_trigger", []))
        self.quantifiers = [tuple(fold(p).split()) for p in args.get("quantifiers", [])]
        self.quantifiers.sort(key=len, reverse=True)
        self.support_verbs = _folded_set(args.get("support_verbs", []))
        self.object_suffixes = _folded_set(args.get("object_suffixes", []))
        self.clause_linkers = _folded_set(args.get("clause_linkers", []))
        self.possessive_suffixes = _folded_set(args.get("possessive_suffixes", []))
        self.titles = _folded_set(args.get("titles", []))
        self.complementizers = _folded_set(args.get("complementizers", []))
        claims = args.get("claims", {})
        self.claim_nouns = _folded_set(claims.get("nouns", []))
        self.claim_prepositions = _folded_set(claims.get("prepositions", []))
        self.claim_denials = _folded_set(claims.get("denials", []))
        self.trailing_verbs: dict[str, tuple[frozenset[str], str]] = {
            etype: (_folded_set(rule["verbs"]), rule["role"])
            for etype, rule in args.get("trailing_verbs", {}).items()}
        self.trailing_not_targets = _folded_set(args.get("trailing_not_targets", []))
        self.masdar_markers = _folded_set(args.get("masdar_markers", []))
        self.imperfect_prefixes = tuple(fold(p) for p in args.get("imperfect_prefixes", []))
        self.title_prepositions = _folded_set(args.get("title_prepositions", []))
        self.instrument_label = str(phrases.get("instrument_label", "INSTRUMENT"))
        self.instrument_nouns = _folded_set(phrases.get("instrument_nouns", []))
        self.time_pattern = compile_time_pattern(data["time_expressions"])
        self._forms: dict[str, frozenset[str]] = {}
        self._validate()

    def _add_group(self, entry: dict[str, Any]) -> None:
        group = TriggerGroup.from_dict(entry)
        keyed = (("noun", "nouns", False), ("noun", "plurals", True), ("verb", "verbs", False))
        for pos, key, plural in keyed:
            for form in entry.get(key, []):
                self.index.setdefault((pos, fold(form)), []).append(Entry(group, plural))

    def _validate(self) -> None:
        """Fail on load, not mid-pipeline, when a type or role is missing from the table."""
        for entries in self.index.values():
            for entry in entries:
                if entry.group.type not in self.roles:
                    raise ValueError(f"trigger type {entry.group.type!r} has no roles entry")
        rule_sets = list(self.participants.items()) + [
            (e.group.type, dict(e.group.participants))
            for entries in self.index.values() for e in entries]
        rule_sets += [(etype, {"trailing": role}) for etype, (_, role)
                      in self.trailing_verbs.items()]
        for etype, rules in rule_sets:
            specs = [rules.get(k) for k in (*_SPEC_KEYS, "trailing")]
            specs += list(rules.get("prepositions", {}).values())
            named = {r for s in specs if s for r in ([s] if isinstance(s, str) else s.values())}
            bad = named - self.roles.get(etype, frozenset())
            if bad:
                raise ValueError(f"roles {sorted(bad)} are not ACE roles of {etype}")

    def readings(self, word: str, pos: str) -> Iterator[Reading]:
        """Clitic analyses of a folded word, fewest stripped characters first."""
        for prefix in self.prefixes[pos]:
            if not word.startswith(prefix):
                continue
            rest = word[len(prefix):]
            if pos == "verb" and prefix.endswith("س") and "future_sin" in self.rules \
                    and not rest.startswith(IMPERFECT_PREFIXES):
                continue  # سعادته is no س + عاد: the future particle before an imperfect
            for article in self._articles(pos, prefix):
                if not rest.startswith(article):
                    continue
                body = rest[len(article):]
                for suffix in self.suffixes[pos]:
                    if suffix and not body.endswith(suffix):
                        continue
                    stem = body[: len(body) - len(suffix)]
                    for variant in _stem_variants(stem, suffix):
                        if len(variant) >= 2:
                            yield Reading(prefix, article, variant, suffix)

    def _articles(self, pos: str, prefix: str) -> list[str]:
        """``ال``, or its fused ``ل`` after the preposition ل (للاجتماع = ل + لاجتماع)."""
        if pos != "noun":
            return [""]
        fused = [self.article[1:]] if prefix.endswith(self.article[1:]) else []
        return ["", self.article, *fused]

    def lookup(self, word: str) -> Iterator[tuple[Reading, Entry]]:
        """Every lexicon entry a word can be read as, fewest stripped characters first."""
        found = [
            (reading, entry)
            for pos in ("noun", "verb")
            for reading in self.readings(word, pos)
            for entry in self.index.get((pos, reading.stem), [])
        ]
        found.sort(key=lambda x: (len(x[0].prefix) + len(x[0].article), len(x[0].suffix)))
        yield from found

    def forms(self, word: str) -> frozenset[str]:
        """The word and its stems without clitics/article/suffix, for word-list membership."""
        if word not in self._forms:
            stems = {r.stem for pos in ("noun", "verb") for r in self.readings(word, pos)}
            bare = {word[len(r.prefix):] for r in self.readings(word, "noun")}
            self._forms[word] = frozenset({word, *stems, *bare})
        return self._forms[word]

    def function_form(self, word: str) -> str:
        """A function word without a leading conjunction (وفي → في)."""
        if len(word) > 2 and word[0] in self.conjunctions:
            return word[1:]
        return word


def _stem_variants(stem: str, suffix: str) -> list[str]:
    """Before a suffix, ة is written ت (مظاهرتهم) and a final ء sits on و or ي (لقاؤه،
    لقائه، إجلاؤهم): try the ة and ء forms too."""
    if suffix and stem.endswith("ت"):
        return [stem, stem[:-1] + "ه"]
    if suffix and stem.endswith(("ؤ", "ئ")):
        return [stem, stem[:-1] + "ء"]
    return [stem]


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of folded phrases, longest first, spaces matching any whitespace."""
    phrases = sorted(_folded_set(words), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + ")"


def compile_time_pattern(spec: dict[str, Any]) -> re.Pattern[str]:
    """Time expressions on folded text: أمس الاثنين، يوم الأحد الماضي، الأسبوع المقبل،
    أبريل الماضي، 12 مارس 2016 (a bare month name is too ambiguous: مارس is also a verb)."""
    deictic, day = _alternation(spec["deictic"]), _alternation(spec["days"])
    pre, rel = _alternation(spec["day_prefixes"]), _alternation(spec["relative"])
    unit, month = _alternation(spec["units"]), _alternation(spec["months"])
    sp, num, year = r"\s+", r"\d{1,2}", r"\d{4}"
    forms = [
        rf"{deictic}(?:{sp}{day})?",
        rf"{pre}{sp}{day}(?:{sp}{rel})?",
        rf"{day}{sp}{rel}",
        rf"(?:{unit}|{month}){sp}{rel}",
        rf"(?:{num}{sp})?{month}{sp}{year}",
        rf"{num}{sp}{month}",
    ]
    return re.compile(rf"(?<![^\W_])[وفب]?(?P<time>{'|'.join(forms)})(?![^\W_])")


# ---------------------------------------------------------------- per-document analysis


@dataclass
class Trigger:
    """A trigger candidate: its word, the folded span without proclitics, its lexicon entry."""

    word: int
    start: int
    end: int
    entry: Entry
    definite: bool
    suffix: str = ""

    @property
    def type(self) -> str:
        return self.entry.group.type


class DocEvents:
    """Finds the events of one Doc; holds the folded text, words, sentences and mentions."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.folded = FoldedText.of(doc.text)
        words = _WORD_OR_NUMBER if "glued_numbers" in lexicon.rules else _WORD
        self.words = [Word(m.start(), m.end(), m.group()) for m in words.finditer(self.folded.text)]
        self.word_starts = [w.start for w in self.words]
        self.sentence_starts = self._sentence_starts(doc)
        self.sentence_of = [self._sentence_at(w.start) for w in self.words]
        self.entities = [m for m in map(self._entity_mention, doc.ents) if m is not None]
        self.entities_by_sentence: dict[int, list[Mention]] = {}
        for m in self.entities:
            self.entities_by_sentence.setdefault(self.sentence_of[m.first], []).append(m)
        self.pattern_times = self._pattern_times()
        self.entity_words = {i for m in self.entities for i in range(m.first, m.last + 1)}
        self.time_words = self.entity_words_of(self.lex.time_labels) | {
            i for m in self.pattern_times for i in range(m.first, m.last + 1)}
        self.verb_words = {
            i for t in doc if t.pos_ in _VERB_POS
            for i in [self._word_at(self.folded.to_folded(t.idx, t.idx + len(t))[0])]
            if i is not None}
        self.phrases_by_sentence: dict[int, list[Mention]] = {}
        for m in self._noun_phrases():
            self.phrases_by_sentence.setdefault(self.sentence_of[m.first], []).append(m)
        # an entity inside a noun phrase (الجنود الإسرائيليون، وزير الخارجية الأمريكي) is no
        # argument of its own
        inside = {i for found in self.phrases_by_sentence.values() for m in found
                  for i in range(m.first, m.last + 1)}
        self.entities = [m for m in self.entities if m.first not in inside]
        self.entities_by_sentence = {}
        for m in self.entities:
            self.entities_by_sentence.setdefault(self.sentence_of[m.first], []).append(m)
        self.person_words = self.entity_words_of(frozenset({"PER"}))
        self._title_words: dict[Mention, list[int]] = {}
        self._names_in_titles: list[Mention] | None = None
        # who denied an event (نفت الحركة مسؤوليتها عن الهجوم), found while reading arguments
        self.deniers: list[Mention] = []

    # -- layout

    def _sentence_starts(self, doc: Doc) -> list[int]:
        """Folded start offsets of the sentences: ``doc.sents`` if set, else our own split."""
        if doc.has_annotation("SENT_START"):
            return [self.folded.to_folded(s.start_char, s.end_char)[0] for s in doc.sents]
        ends = [m.end() for m in _SENTENCE_END.finditer(self.folded.text)]
        return [0, *ends]

    def _sentence_at(self, pos: int) -> int:
        return bisect_right(self.sentence_starts, pos) - 1

    def _word_at(self, pos: int) -> int | None:
        """Index of the word containing or following folded offset ``pos``."""
        i = bisect_right(self.word_starts, pos) - 1
        if i < 0 or self.words[i].end <= pos:
            i += 1
        return i if i < len(self.words) else None

    def text(self, i: int) -> str:
        return self.words[i].text if 0 <= i < len(self.words) else ""

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= j < len(self.words) and self.sentence_of[i] == self.sentence_of[j]

    def unbroken(self, i: int, j: int) -> bool:
        """No punctuation between words ``i`` and ``j``: a comma ends a subject or idafa."""
        between = self.folded.text[self.words[i].end: self.words[j].start] if i >= 0 else ""
        return _CLAUSE_BREAK.search(between) is None

    def has_form(self, i: int, words: frozenset[str]) -> bool:
        return 0 <= i < len(self.words) and not self.lex.forms(self.text(i)).isdisjoint(words)

    def is_function(self, i: int, words: frozenset[str]) -> bool:
        return 0 <= i < len(self.words) and self.lex.function_form(self.text(i)) in words

    # -- mentions

    def _entity_mention(self, ent: Any) -> Mention | None:
        """An entity as a Mention, its leading proclitics trimmed (بالعراق → العراق)."""
        start, end = self.folded.to_folded(ent.start_char, ent.end_char)
        return self._mention(start, end, ent.label_, (ent.start_char, ent.end_char))

    def _mention(self, start: int, end: int, label: str, span: Offsets) -> Mention | None:
        first = self._word_at(start)
        if first is None or start >= end:
            return None
        last = bisect_right(self.word_starts, end - 1) - 1
        if last < first:
            return None
        word = self.words[first]
        prefix = word.text[: max(0, start - word.start)] or self._entity_clitics(word.text)
        if start <= word.start and prefix:
            span = self.folded.to_original(word.start + len(prefix), end)
        return Mention(span, label, first, last, prefix)

    def _entity_clitics(self, word: str) -> str:
        """Proclitics before a name with the article: والكويت → و, للكويت → ل (as in the spec)."""
        art = self.lex.article
        for prefix in reversed(self.lex.prefixes["noun"]):
            rest = word[len(prefix):]
            if not prefix or not word.startswith(prefix) or len(rest) < len(art) + 2:
                continue
            if rest.startswith(art) or (prefix.endswith(art[1]) and rest.startswith(art[1])):
                return prefix
        return ""

    def _pattern_times(self) -> list[Mention]:
        found = []
        for m in self.lex.time_pattern.finditer(self.folded.text):
            start, end = m.span("time")
            mention = self._mention(start, end, "TIME", self.folded.to_original(start, end))
            if mention is not None:
                found.append(mention)
        return found

    def candidate_mentions(self) -> list[Mention]:
        """Every mention the rules may take as an argument: entities, time patterns and
        noun phrases, in text order (the trained argument model scores the same set)."""
        phrases = [m for found in self.phrases_by_sentence.values() for m in found]
        return sorted([*self.entities, *self.pattern_times, *phrases], key=lambda m: m.span)

    def entity_words_of(self, labels: frozenset[str]) -> set[int]:
        return {i for m in self.entities if m.label in labels
                for i in range(m.first, m.last + 1)}

    def mentions_near(self, i: int, labels: frozenset[str]) -> list[Mention]:
        """Entity mentions of word ``i``'s sentence with one of ``labels``, then its noun
        phrases when ``labels`` holds the noun-phrase label."""
        sentence = self.sentence_of[i]
        found = [m for m in self.entities_by_sentence.get(sentence, ()) if m.label in labels]
        found += [m for m in self.phrases_by_sentence.get(sentence, ()) if m.label in labels]
        return found

    # -- noun phrases: participants that are no entity

    def _noun_phrases(self) -> Iterator[Mention]:
        """A number and its noun (ثلاثة أشخاص، 257 شخصا، و7 فرق) and a human noun (مسلحون،
        المدنيين، عناصر الأمن), outside entities: victims, attackers, detainees of news."""
        i, n = 0, len(self.words)
        while i < n:
            if i in self.entity_words or i in self.time_words:
                i += 1
                continue
            prefix = self._number_prefix(self.text(i))
            j = i + 1
            if (prefix is not None and self.same_sentence(i, j) and self._joined(i, j)
                    and j not in self.entity_words and not self._not_head(j)):
                yield self._phrase(i, j, prefix)
                i = j + 1
                continue
            prefix = self._noun_prefix(self.text(i), self.lex.instrument_nouns)
            if prefix is not None:
                yield self._phrase(i, i, prefix, self.lex.instrument_label)
                i += 1
                continue
            prefix = self._noun_prefix(self.text(i), self.lex.human_nouns)
            title = prefix is None and not self._titles_a_name(i)
            if title:
                prefix = self._title_prefix(i)
            if prefix is not None and not self._before_name(i):
                last = i
                if self._construct_head(i, prefix) and (
                        self._definite_genitive(j) or self._human_genitive(i, j)):
                    last = j
                if title:  # وزير الخارجية الأمريكي: the title with its ministry and adjectives
                    last = max(last, self._modifiers_end(i) - 1)
                last = self._nationality_end(last)
                yield self._phrase(i, last, prefix)
                i = last + 1
                continue
            i += 1

    def _title_prefix(self, i: int) -> str | None:
        """The proclitics of a title that heads a participant phrase: without a suffix (not
        the accusative of انتخب رئيسا, a position)."""
        return next((r.prefix for r in self.lex.readings(self.text(i), "noun")
                     if r.stem in self.lex.title_heads and not r.suffix), None)

    def _titles_a_name(self, i: int) -> bool:
        """A person is named within the title window around title ``i`` with no verb between:
        after it (وزير الخارجية الأميركي، مايك بومبيو), the name is the participant; before
        it (محمد بن سلمان ولي العهد النائب الثاني), the title describes that person."""
        window = self.lex.windows["title_phrase"]
        for m in self.entities_by_sentence.get(self.sentence_of[i], ()):
            if m.label != "PER":
                continue
            between = range(i + 1, m.first) if m.first > i else range(m.last + 1, i)
            if (0 < m.first - i <= window or 0 < i - m.last <= window) and \
                    not any(k in self.verb_words for k in between):
                return True
        return False

    def _nationality_end(self, last: int) -> int:
        """The last word of a noun phrase ending at ``last`` with the nationality adjectives
        that follow it (الجنود الإسرائيليون، الرئيس السنغالي): one participant, not a
        person and a NORP."""
        while True:
            nxt = next((m for m in self.entities_by_sentence.get(self.sentence_of[last], ())
                        if m.label in self.lex.adjective_labels and m.first == last + 1
                        and not m.prefix), None)
            if nxt is None or not self.unbroken(last, nxt.first):
                return last
            last = nxt.last

    def _phrase(self, first: int, last: int, prefix: str, label: str | None = None) -> Mention:
        start = self.words[first].start + len(prefix)
        span = self.folded.to_original(start, self.words[last].end)
        return Mention(span, label or self.lex.np_label, first, last, prefix)

    def _number_prefix(self, word: str) -> str | None:
        """The proclitics before a number (و of و7), or None if the word is no number."""
        for prefix in self.lex.prefixes["noun"]:
            rest = word[len(prefix):]
            if word.startswith(prefix) and rest and (
                    rest.isdigit() or rest in self.lex.number_words):
                return prefix
        return None

    def _noun_prefix(self, word: str, nouns: frozenset[str]) -> str | None:
        """The proclitics before a noun of ``nouns`` (human nouns, weapons), or None."""
        for reading in self.lex.readings(word, "noun"):
            if reading.stem in nouns:
                return reading.prefix
        return None

    def _joined(self, i: int, j: int) -> bool:
        """Words ``i`` and ``j`` are separated by nothing but spaces and brackets: (9) حالات."""
        between = self.folded.text[self.words[i].end: self.words[j].start]
        return between.strip(" \u00a0()") == ""

    def _not_head(self, j: int) -> bool:
        """Units, measures and function words are no participant heads (3 أشهر، 24 في المئة)."""
        return (self.has_form(j, self.lex.np_stop) or self.is_function(j, self.lex.barriers)
                or j in self.time_words)

    def _before_name(self, i: int) -> bool:
        """A human noun used as a title of the next name (الوزير خالد) is left to the name."""
        nxt = [m for m in self.entities_by_sentence.get(self.sentence_of[i], ())
               if m.label == "PER" and 0 < m.first - i <= self.lex.windows["title_gap"]]
        return bool(nxt)

    def _construct_head(self, i: int, prefix: str) -> bool:
        """Noun ``i`` can head a construct: no article, and no ن of a sound plural or dual,
        which the construct drops (مسلحو الحركة; فتح مسلحون النار: النار is the object)."""
        word = self.text(i)[len(prefix):]
        return not word.startswith(self.lex.article) and not word.endswith(("ون", "ين", "ان"))

    def _human_genitive(self, i: int, j: int) -> bool:
        """Word ``j`` is a human noun without clitics in construct with noun ``i`` (ضابط شرطة):
        one participant, not two."""
        return (self.same_sentence(i, j) and self._joined(i, j) and j not in self.entity_words
                and self._noun_prefix(self.text(j), self.lex.human_nouns) == "")

    def _definite_genitive(self, j: int) -> bool:
        """Word ``j`` is a definite noun without proclitics (an idafa complement)."""
        word = self.text(j)
        return (0 <= j < len(self.words) and word.startswith(self.lex.article)
                and len(word) > len(self.lex.article) + 1 and j not in self.entity_words
                and not self._not_head(j))

    # -- triggers

    def triggers(self) -> Iterator[Trigger]:
        blocked = self._blocked_words()
        nouns: list[Trigger] = []  # the noun triggers so far, to spot restating verbs
        for i, word in enumerate(self.words):
            if i in blocked:
                continue
            trigger = self._trigger_at(i, word)
            if trigger is None or self._is_generic(trigger):
                continue
            if not self._is_verb(trigger):
                nouns.append(trigger)
            elif self._restates(trigger, nouns):
                continue
            yield trigger

    def _restates(self, verb: Trigger, nouns: list[Trigger]) -> bool:
        """A verb right after a noun trigger of its type predicates that event, not a new
        one: انفجار استهدف مركزا، الهجوم الانتحاري الذي استهدف ثكنة."""
        gap = self.lex.windows.get("restating_verb", 0)
        return bool(nouns) and (
            nouns[-1].type == verb.type and 0 < verb.word - nouns[-1].word <= gap
            and self.same_sentence(verb.word, nouns[-1].word)
            and self.unbroken(nouns[-1].word, verb.word))

    def _blocked_words(self) -> set[int]:
        """Words inside names (لجنة الانتخابات as an ORG) and inside time expressions
        (فجر الخميس) are not event triggers."""
        return self.entity_words_of(self.lex.blocking_labels) | self.time_words

    def _ta_marbuta(self, word: Word) -> bool:
        """Folding writes ة as ه: a word spelt with a final ة has no pronoun suffix ه
        (وزارة is not و + زار + ه "visited him", إصابة not أصاب + ه)."""
        start, end = self.folded.to_original(word.start, word.end)
        return _DROPPED.sub("", self.folded.original[start:end]).endswith("ة")

    def _trigger_at(self, i: int, word: Word) -> Trigger | None:
        ta_marbuta = self._ta_marbuta(word)
        for reading, entry in self.lex.lookup(word.text):
            if ta_marbuta and reading.suffix.endswith("ه"):
                continue
            if self._conditions_hold(i, entry.group):
                start = word.start + len(reading.prefix)
                return Trigger(i, start, word.end, entry, bool(reading.article), reading.suffix)
        return None

    def _conditions_hold(self, i: int, group: TriggerGroup) -> bool:
        """The group's context word is near, and its excluded neighbours (``exclude_window``
        words either side) are not."""
        if group.context:
            before = 0 if group.context_after_only else group.context_window
            near = range(i - before, i + group.context_window + 1)
            if not any(j != i and self.same_sentence(i, j) and self.has_form(j, group.context)
                       for j in near):
                return False
        span = group.exclude_window
        excluded = [(range(i - span, i), group.not_preceded_by),
                    (range(i + 1, i + span + 1), group.not_followed_by)]
        if any(self.same_sentence(i, j) and self.has_form(j, words)
               for near, words in excluded if words for j in near):
            return False
        window = range(i - group.not_near_window, i + group.not_near_window + 1)
        if group.not_near and any(j != i and self.same_sentence(i, j)
                                  and self.has_form(j, group.not_near) for j in window):
            return False
        return not (group.no_number_after and any(
            self.is_function(j, group.no_number_after) and self.same_sentence(i, j + 1)
            and self._number_prefix(self.text(j + 1)) is not None
            for j in range(i + 1, i + span + 1)))

    def _is_generic(self, trigger: Trigger) -> bool:
        """مكافحة الإرهاب-style constructions and hypothetical mentions are not events."""
        i = trigger.word
        if self.same_sentence(i, i - 1) and self.has_form(i - 1, self.lex.generic_heads):
            return True
        nxt = i + 2 if self.is_function(i + 1, self.lex.object_prepositions) else i + 1
        if self.same_sentence(i, nxt) and self.has_form(nxt, self.lex.generic_objects):
            return True
        window = range(i - self.lex.hypothetical_window, i)
        return any(self.same_sentence(i, j) and self.is_function(j, self.lex.hypothetical)
                   for j in window)

    # -- arguments

    def arguments(self, trigger: Trigger) -> list[tuple[str, Mention]]:
        """Participants first, then Place and Time; a mention fills one role, Time once,
        Place once or twice (a place and the wider place right after it)."""
        allowed = self.lex.roles[trigger.type]
        found: dict[Mention, str] = {}
        for role, mention in self._participants(trigger):
            taken = role in _SINGLE_ROLES and role in found.values()
            if role in allowed and mention not in found and not taken:
                found[mention] = role
        for mention, role in list(found.items()):
            if role not in _SINGLE_ROLES:
                for other in self._conjuncts(mention):
                    found.setdefault(other, role)
        for mention in self._inside_titles(found):
            del found[mention]
        if "Place" in allowed and "Place" not in found.values():
            place = self._place(trigger, list(found))
            if place is None and "unnamed_places" in self.lex.rules:
                place = self._place_phrase(trigger)
            if place is not None and place not in self.names_in_titles():
                found[place] = "Place"  # not قطر of أمير قطر الشيخ تميم
                wider = self._wider_place(place, list(found))
                if wider is not None:
                    found[wider] = "Place"
        time = self._time(trigger) if "Time" in allowed else None
        if time is not None and time not in found:
            found[time] = "Time"
        return [(role, mention) for mention, role in found.items()]

    def names_in_titles(self) -> list[Mention]:
        """Every entity inside the title phrase of a person named after it."""
        if self._names_in_titles is None:
            self._names_in_titles = self._inside_titles(self.entities)
        return self._names_in_titles

    def _inside_titles(self, found: Iterable[Mention]) -> list[Mention]:
        """Names inside the title phrase of a participant (الحكومة المغربية in رئيس الحكومة
        المغربية عبدالإله بنكيران): the titled person takes part, not the body named."""
        spans = [(start, m.first) for m in found
                 if (start := self.title_start(m)) is not None]
        return [m for m in found if m.label != "PER"
                and any(start <= m.first and m.last < end for start, end in spans)]

    def _conjuncts(self, mention: Mention) -> Iterator[Mention]:
        """Mentions coordinated with ``mention``, in order: X وY، وZ (a list of names, with
        titles before each name, shares the role of its first member)."""
        if self.lex.coordination_gap < 0:
            return
        labels = self.lex.participant_labels | {self.lex.np_label}
        later = sorted((m for m in self.mentions_near(mention.first, labels)
                        if m.first > mention.last), key=lambda m: m.first)
        titled = set(self._inside_titles(later))
        current = mention
        for m in later:
            if m.first <= current.last or m in titled:
                continue
            if not self._coordinated(current, m):
                return
            yield m
            current = m

    def _coordinated(self, a: Mention, b: Mention) -> bool:
        people = self.lex.participant_labels - self.lex.place_labels | {self.lex.np_label}
        if a.label != b.label and not {a.label, b.label} <= people:
            return False
        if self._titled_list_member(a, b):
            return True
        gap = range(a.last + 1, b.first)
        if len(gap) > self.lex.coordination_gap:
            return False
        between = self.folded.text[self.words[a.last].end: self.words[b.first].start]
        if _CLAUSE_BREAK.search(between.replace("،", "").replace(",", "")):
            return False
        if any(self.is_function(j, self.lex.barriers) or j in self.entity_words
               or j in self.verb_words for j in gap):
            return False
        first = self.text(gap[0]) if gap else ""
        conj = bool(b.prefix) and b.prefix[0] in self.lex.conjunctions
        conj = conj or (first[:1] in self.lex.conjunctions and len(first) > 2)
        comma = "،" in between or "," in between
        return conj or (comma and a.label == b.label)

    def _participants_near(self, i: int) -> list[Mention]:
        """Mentions of word ``i``'s sentence that can be participants: names and noun phrases."""
        return self.mentions_near(i, self.lex.participant_labels | {self.lex.np_label})

    def _titled_list_member(self, a: Mention, b: Mention) -> bool:
        """Name ``b`` continues a list after name ``a`` with its own title: X، ووالي طنجة Y."""
        if a.label != "PER" or b.label != "PER":
            return False
        title = self.title_start(b)
        if title != a.last + 1 or self.text(title)[:1] not in self.lex.conjunctions:
            return False
        between = self.folded.text[self.words[a.last].end: self.words[title].start]
        return between.strip(" ،,") == ""

    def _participants(self, trigger: Trigger) -> Iterator[tuple[str, Mention]]:
        """Positional participants: the trigger group's own rules override its type's."""
        rules = {**self.lex.participants.get(trigger.type, {}),
                 **dict(trigger.entry.group.participants)}
        if self._is_verb(trigger):
            yield from self._verb_arguments(trigger, rules.get("subject"), rules.get("object"),
                                            rules.get("transitive_subject"),
                                            bool(rules.get("object_phrase", False)))
        else:
            if rules.get("genitive"):
                yield from self._genitive(trigger, rules["genitive"])
            if rules.get("support_subject"):
                yield from self._support_subject(trigger, rules["support_subject"])
            if rules.get("clause_subject"):
                yield from self._clause_subject(trigger, rules["clause_subject"])
            if rules.get("fate_subject"):
                yield from self._fate_subject(trigger, rules["fate_subject"])
            yield from self._trailing_object(trigger)
        if rules.get("charge"):
            yield from self._charge(trigger, rules["charge"])
        phrase_markers = _folded_set(rules.get("phrase_prepositions", []))
        for marker, spec in rules.get("prepositions", {}).items():
            yield from self._after_preposition(trigger, fold(marker), spec, phrase_markers)

    def _is_verb(self, trigger: Trigger) -> bool:
        """An indefinite singular with a verb reading (قتل، قصف) takes a subject, not an idafa;
        a masdar spelt with ة (إصابة، زيارة) has no verb + ه reading."""
        if trigger.definite or trigger.entry.plural or self._verbal_noun(trigger):
            return False
        readings = self.lex.readings(self.text(trigger.word), "verb")
        if self._ta_marbuta(self.words[trigger.word]):
            readings = [r for r in readings if not r.suffix.endswith("ه")]
        return any(("verb", r.stem) in self.lex.index for r in readings)

    def _verbal_noun(self, trigger: Trigger) -> bool:
        """A verb-like trigger read as a masdar by its context: after تم or a preposition,
        with ب/ك, or ل before a past-tense form (تم نقل، بعد قتل، لنقل)."""
        word = self.words[trigger.word]
        prefix = word.text[: trigger.start - word.start].lstrip("".join(self.lex.conjunctions))
        if self.is_function(trigger.word - 1, self.lex.masdar_markers) and self.unbroken(
                trigger.word - 1, trigger.word):
            return True
        if any(p in prefix for p in ("ب", "ك")):
            return True
        stem = word.text[trigger.start - word.start:]
        return "ل" in prefix and not stem.startswith(self.lex.imperfect_prefixes)

    @property
    def _argument_labels(self) -> frozenset[str]:
        return (self.lex.participant_labels | self.lex.place_labels
                | {self.lex.np_label, self.lex.instrument_label})

    def _role(self, spec: RoleSpec, mention: Mention) -> str | None:
        """The role a rule gives this mention: one role for participant labels and noun
        phrases, or per label (noun phrases under the label ``NP``)."""
        if isinstance(spec, str):
            ok = mention.label in self.lex.participant_labels or mention.label == self.lex.np_label
            return spec if ok else None
        return spec.get(mention.label)

    def _gap_ok(self, first: int, mention: Mention, base_gap: int,
                lead_ok: bool = False) -> bool:
        """Words ``first..mention.first`` are at most the allowed gap (titles before a PER)
        and contain no barrier (preposition, relative pronoun …); ``lead_ok`` allows
        punctuation right before ``first``."""
        title = next((k for k in self.title_words(mention) if k >= first), None)
        if title is not None and self._gap_ok_to(first, title, base_gap, lead_ok):
            return True
        limit = base_gap + (self.lex.windows["title_gap"] if mention.label == "PER" else 0)
        return self._gap_ok_to(first, mention.first, limit, lead_ok)

    def _gap_ok_to(self, first: int, end: int, limit: int, lead_ok: bool = False) -> bool:
        """Words ``first..end`` number at most ``limit``, with no punctuation before ``end``
        (from ``first`` on when ``lead_ok``) and no barrier among them."""
        if not 0 <= end - first <= limit or not self.unbroken(first - 1 + lead_ok, end):
            return False
        return not any(self.is_function(j, self.lex.barriers) for j in range(first, end))

    def title_words(self, mention: Mention) -> list[int]:
        """The title words before a PER name, in text order, that are joined to it by words
        of a title (no punctuation but a comma right before the name, verb, time word, other
        person or barrier): رئيس الحكومة المغربية عبدالإله بنكيران → [رئيس]; وزير الخارجية
        الأميركي، مايك بومبيو → [وزير]. Empty for other labels."""
        if mention in self._title_words:
            return self._title_words[mention]
        found = []
        if mention.label == "PER":
            k = mention.first - 1
            while (k >= 0 and mention.first - k <= self.lex.windows.get("title_phrase", 0)
                   and self.same_sentence(k, mention.first)
                   and (self.unbroken(k, k + 1) or (k + 1 == mention.first
                                                    and "title_apposition" in self.lex.rules
                                                    and self._comma_between(k, k + 1)))
                   and k not in self.person_words and k not in self.verb_words
                   and k not in self.time_words
                   and (not self.is_function(k, self.lex.barriers)
                        or self.is_function(k, self.lex.title_prepositions))):
                if self.has_form(k, self.lex.titles):
                    found.insert(0, k)
                k -= 1
        self._title_words[mention] = found
        return found

    def _comma_between(self, i: int, j: int) -> bool:
        """Only a comma stands between words ``i`` and ``j`` (an apposition)."""
        return self.folded.text[self.words[i].end: self.words[j].start].strip() in ("،", ",")

    def title_start(self, mention: Mention) -> int | None:
        """The first word of a PER's title phrase, or None."""
        words = self.title_words(mention)
        return words[0] if words else None

    def _genitive(self, trigger: Trigger, spec: RoleSpec) -> Iterator[tuple[str, Mention]]:
        """The idafa/ل complement right after a noun trigger: اجتماع وزراء الخارجية، لقاء لدول …;
        else a definite noun right after a trigger in the construct state (مقتل الأمين العام)."""
        found = False
        for m in self.mentions_near(trigger.word, self._argument_labels):
            if m.prefix in ("", "ل") and self._gap_ok(
                    self._skip_quantifiers(trigger.word + 1), m, self.lex.windows["genitive_gap"]):
                role = self._role(spec, m)
                if role:
                    found = True
                    yield role, m
        phrase = None if found else self._genitive_phrase(trigger)
        role = self._role(spec, phrase) if phrase is not None else None
        if role:
            yield role, phrase

    def _genitive_phrase(self, trigger: Trigger) -> Mention | None:
        """مقتل الأمين، اجتماع مجلس الإدارة: the trigger has no article, suffix or tanween, and
        the next word is definite, or indefinite and followed by a definite word."""
        i, j = trigger.word, trigger.word + 1
        if (not self.lex.np_genitive or trigger.definite or trigger.suffix
                or not self.same_sentence(i, j) or not self.unbroken(i, j)
                or j in self.entity_words or self._not_head(j)):
            return None
        if self._definite_genitive(j):
            return self._phrase(j, j, "")
        if self.same_sentence(j, j + 1) and self.unbroken(j, j + 1) and (
                self._definite_genitive(j + 1)):
            return self._phrase(j, j + 1, "")
        return None

    def _verb_arguments(self, trigger: Trigger, subject: RoleSpec | None, obj: RoleSpec | None,
                        transitive: RoleSpec | None = None, object_phrase: bool = False,
                        ) -> Iterator[tuple[str, Mention]]:
        """The subject of a verb trigger right before it (SVO) or right after it (VSO), and
        its object: the unmarked mention after the verb (SVO) or after the subject (VSO).
        A verb with an object pronoun (اعتقلته) has no object mention. A subject before the
        verb with an object after it takes the ``transitive`` role where the type has one (أن
        الجيش قتل 20 مسلحا: the army is the Agent; after the verb, قتل may be passive)."""
        i = trigger.word
        places = self.lex.place_labels if isinstance(obj, dict) and not self.lex.place_labels \
            .isdisjoint(obj) else frozenset()  # زار الجنوب: a place object
        mentions = self._participants_near(i) + [
            m for m in self.mentions_near(i, places) if m.label not in self.lex.participant_labels]
        # a particle may stand between a subject and its verb: وكانت المشجعات قد وصلن
        k = i - 2 if self.text(i - 1) in self.lex.verb_particles else i - 1
        before = [m for m in mentions if m.last == k and self.unbroken(m.last, i)
                  and set(m.prefix) <= self.lex.conjunctions
                  and not (self.is_function(m.first - 1, self.lex.barriers)
                           and not self.is_function(m.first - 1, self.lex.complementizers))
                  and not self._after_verb(m, i)]
        verb = self._shared_subject_gap(i)
        listed = self._after_list_marker(verb)
        start = self._skip_quantifiers(listed)
        # after كل من a colon may open the list (وصل في معيته كل من: صاحب السمو …)
        lead_ok = listed > verb + 1 and "list_colon" in self.lex.rules
        after = [m for m in mentions if not m.prefix and self._gap_ok(start, m, 0, lead_ok)]
        has_object = obj is not None and trigger.suffix not in self.lex.object_suffixes
        if before and has_object:
            subjects, objects = before, after
        else:
            subjects, objects = before + after, []
            if after and has_object:
                nxt = max(m.last for m in after) + 1
                while nxt in self.time_words and self.same_sentence(i, nxt):
                    nxt += 1  # وقتل الجيش أمس خمسة مسلحين
                nxt = self._skip_quantifiers(nxt)
                objects = [m for m in mentions if not m.prefix and m not in after
                           and self._gap_ok(nxt, m, 0) and nxt not in self.verb_words]
                if objects and transitive:
                    subject = transitive  # an object after the subject: the verb is active
                elif not objects:  # واعتقلت شخصين: an accusative after the verb, its object
                    objects = [m for m in after if self._accusative(m)]
                    subjects = [m for m in subjects if m not in objects]
            elif has_object and self._unnamed_subject_at(start):
                # زار الرئيس (الفرنسي) الجزائر: a title without a name is the subject, the
                # object follows it and its modifiers
                end = self._modifiers_end(start)
                objects = [m for m in mentions if not m.prefix and self._gap_ok(end, m, 0)]
                subjects = [m for m in subjects if m not in objects]
        if object_phrase and has_object and not objects and (before or after):
            # استهدف المقاتلون منطقة لامو، ودمرت المقاتلات آليات عسكرية: an unnamed object
            phrase = self._object_phrase(i if before else max(m.last for m in after))
            objects = [phrase] if phrase is not None else []
        if before and objects and transitive and self._opens_clause(min(m.first for m in before)):
            subject = transitive  # أن الجيش قتل 20 مسلحا; after the verb, قتل may be passive
        for spec, found in ((subject, subjects), (obj, objects)):
            for m in found if spec else ():
                role = self._role(spec, m)
                if role is None and spec is subject and has_object and m in after:
                    role = self._role(obj, m)  # زار الجنوب: no subject named, the object
                if role:
                    yield role, m

    def _object_phrase(self, k: int) -> Mention | None:
        """The unnamed noun after word ``k`` (and the time words after it) with its definite
        genitive, when it has no proclitic and is no verb (lexicon ``object_phrase``)."""
        while k + 1 in self.time_words and self.same_sentence(k, k + 1):
            k += 1
        phrase = self._noun_after(k)
        if phrase is None or phrase.first in self.verb_words or any(
                self.text(phrase.first).startswith(p + self.lex.article)
                for p in self.lex.prefixes["noun"] if p):
            return None
        return phrase

    def _shared_subject_gap(self, i: int) -> int:
        """Verb ``i`` itself, or the last of the verbs joined to it by و right after it:
        they share the subject after them (قتل وأصيب 30 شخصا، قتل وجرح وأسر …)."""
        j = i + 1
        while "shared_subjects" in self.lex.rules and j in self.verb_words \
                and self.same_sentence(i, j) and self.unbroken(j - 1, j) \
                and self.text(j).startswith(tuple(self.lex.conjunctions)):
            j += 1
        return j - 1

    def _accusative(self, m: Mention) -> bool:
        """An unnamed participant whose first word has the ين ending of a dual or plural
        (شخصين، مسلحين): accusative or genitive, never the subject after a verb (that is
        شخصان، مسلحون)."""
        word = self.text(m.first)[len(m.prefix):]
        return m.label == self.lex.np_label and word.endswith("ين") and len(word) > 4 \
            and m.first not in self.entity_words

    def _after_verb(self, m: Mention, i: int) -> bool:
        """Mention ``m`` before verb ``i`` follows another verb of its sentence directly
        (قتل ثلاثة جنود وأصيب خمسة آخرون): it belongs to that verb, not to ``i``."""
        j = m.first - 1
        return i in self.verb_words and j in self.verb_words and self.same_sentence(j, i) \
            and self.unbroken(j, m.first)

    def _opens_clause(self, j: int) -> bool:
        """Word ``j`` starts a clause: after a complementizer, punctuation or at the start of
        its sentence (not the object of a verb before it: وقتل خمسة أشخاص وأصيب …)."""
        return (not self.same_sentence(j - 1, j) or not self.unbroken(j - 1, j)
                or self.is_function(j - 1, self.lex.complementizers))

    def _unnamed_subject_at(self, j: int) -> bool:
        """Word ``j`` is a title or human noun with the article, or a title before a definite
        genitive, and no name follows (زار الرئيس الجزائر، يزور وزير الخارجية العراق): an
        unnamed subject."""
        construct = self.same_sentence(j, j + 1) and self.text(j + 1).startswith(self.lex.article)
        return (self.same_sentence(j - 1, j) and j not in self.entity_words
                and any((r.article and r.stem in self.lex.human_nouns)
                        or ((r.article or construct) and r.stem in self.lex.titles)
                        for r in self.lex.readings(self.text(j), "noun"))
                and not self._before_name(j))

    def _modifiers_end(self, j: int) -> int:
        """The word after noun ``j`` and the definite words that modify it (الرئيس الفرنسي،
        وزير الخارجية الأمريكي), within the title window; a name other than a nationality or
        an organisation right after the title ends them (زار الرئيس الجزائر)."""
        modifiers = self.entity_words_of(frozenset({"NORP"})) | {  # وزير الخارجية (ORG)
            i for m in self.entities if m.first == j + 1 and m.label == "ORG"
            for i in range(m.first, m.last + 1)}
        k = j + 1
        while (k - j <= self.lex.windows.get("title_phrase", 0) and self.same_sentence(j, k)
               and self.unbroken(k - 1, k) and self.text(k).startswith(self.lex.article)
               and len(self.text(k)) > len(self.lex.article) + 1  # not إلى (folded الي)
               and not self.is_function(k, self.lex.barriers)
               and (k not in self.entity_words or k in modifiers)
               and k not in self.verb_words and k not in self.time_words):
            k += 1
        return k

    def _skip_quantifiers(self, j: int) -> int:
        """The word after a quantifier phrase at ``j`` (ما لا يقل عن، أكثر من، نحو), else j."""
        for phrase in self.lex.quantifiers:
            if all(self.same_sentence(j, j + n) and self.is_function(j + n, frozenset({w}))
                   for n, w in enumerate(phrase)):
                return j + len(phrase)
        return j

    def _support_subject(self, trigger: Trigger,
                         spec: RoleSpec) -> Iterator[tuple[str, Mention]]:
        """The subject of a support verb whose object is the noun trigger: عقد الوزير اجتماعا،
        شنت الطائرات غارات، قام المسلحون بالهجوم (a date may stand between them)."""
        i = trigger.word
        k = i - 1
        while k >= 0 and k in self.time_words and self.same_sentence(i, k):
            k -= 1
        for m in self._participants_near(i):
            if m.last != k or not self.unbroken(m.last, i) or m.prefix:
                continue
            reach = 1 + (self.lex.windows["title_gap"] if m.label == "PER" else 0)
            verbs = [j for j in range(m.first - reach, m.first)
                     if self.same_sentence(i, j) and self.has_form(j, self.lex.support_verbs)]
            if verbs and self.unbroken(verbs[-1], m.first) and not any(
                    self.is_function(j, self.lex.barriers) for j in range(verbs[-1] + 1, m.first)):
                role = self._role(spec, m)
                if role:
                    yield role, m
        yield from self._claimant(trigger, spec)
        yield from self._support_after(trigger, spec)

    def _claimant(self, trigger: Trigger, spec: RoleSpec) -> Iterator[tuple[str, Mention]]:
        """Who claims the event: X أعلن مسؤوليته عن الهجوم (the nearest participant before
        the claim noun, within the ``claim`` window)."""
        i = trigger.word
        if not (self.is_function(i - 1, self.lex.claim_prepositions)
                and self.has_form(i - 2, self.lex.claim_nouns)):
            return
        noun, window = i - 2, self.lex.windows.get("claim", 0)
        before = [m for m in self._participants_near(i)
                  if m.last < noun and noun - m.last <= window]
        if before:
            m = max(before, key=lambda m: m.last)
            near = [j for j in (m.first - 1, m.first - 2) if self.unbroken(j, m.first)]
            if any(self.has_form(j, self.lex.claim_denials) for j in (*near, *range(m.last, noun))):
                self.deniers.append(m)  # نفت الحركة مسؤوليتها عن الهجوم: a denial is no claim
                return
            role = self._role(spec, m)
            if role:
                yield role, m

    def _support_after(self, trigger: Trigger, spec: RoleSpec) -> Iterator[tuple[str, Mention]]:
        """A support verb shortly after the trigger, with an object pronoun for it, and its
        subject: هجمات متكررة شنها متشددون، الهجوم الذي نفذته طائرات."""
        k = self._verb_after(trigger, lambda k: self._verb_of(k, self.lex.support_verbs, True))
        if k is not None:
            yield from self._mentions_after(trigger, k, spec)

    def _trailing_object(self, trigger: Trigger) -> Iterator[tuple[str, Mention]]:
        """The object of a verb that describes the event shortly after its trigger: اعتداء
        انتحاري استهدف مركزا، التفجير الذي طال المصلين (``trailing_verbs`` of the type)."""
        rule = self.lex.trailing_verbs.get(trigger.type)
        if rule is None:
            return
        verbs, role = rule
        k = self._verb_after(trigger, lambda k: self._verb_of(k, verbs, False))
        if k is None:
            return
        found = [(r, m) for r, m in self._mentions_after(trigger, k, role)
                 if m.label not in ("GPE", "LOC")]  # هز العاصمة مقديشو: the Place
        phrase = None if found or self.has_form(k + 1, self.lex.trailing_not_targets) \
            else self._noun_after(k)
        yield from found if phrase is None else [(role, phrase)]

    def _noun_after(self, k: int) -> Mention | None:
        """An unnamed noun right after word ``k`` with its definite genitive (مركزا لتسجيل →
        مركزا; مواقع الجيش), or None."""
        j = k + 1
        if (not self.same_sentence(k, j) or not self.unbroken(k, j) or j in self.entity_words
                or self._not_head(j) or len(self.text(j)) < 3
                or self._number_prefix(self.text(j)) is not None):
            return None
        last = j + 1 if self._definite_genitive(j + 1) and self.unbroken(j, j + 1) else j
        return self._phrase(j, last, "")

    def _verb_of(self, k: int, verbs: frozenset[str], object_pronoun: bool) -> bool:
        """Word ``k`` reads as one of ``verbs``, with an object pronoun or without one."""
        return any(r.stem in verbs and (r.suffix in self.lex.object_suffixes) == object_pronoun
                   for r in self.lex.readings(self.text(k), "verb"))

    def _verb_after(self, trigger: Trigger, wanted: Callable[[int], bool]) -> int | None:
        """The first word within ``support_after`` words after the trigger that is a
        ``wanted`` verb, across adjectives and a relative pronoun (no name, verb or
        punctuation before it)."""
        i = trigger.word
        for k in range(i + 1, i + 1 + self.lex.windows.get("support_after", 0)):
            if not self.same_sentence(i, k) or not self.unbroken(k - 1, k):
                return None
            if wanted(k):
                return k
            if k in self.entity_words or k in self.verb_words:
                return None
        return None

    def _mentions_after(self, trigger: Trigger, k: int,
                        spec: RoleSpec) -> Iterator[tuple[str, Mention]]:
        """Participants right after word ``k`` (titles allowed before a name)."""
        for m in self._participants_near(trigger.word):
            role = self._role(spec, m) if not m.prefix and self._gap_ok(k + 1, m, 0) else None
            if role:
                yield role, m

    def _clause_subject(self, trigger: Trigger,
                        spec: RoleSpec) -> Iterator[tuple[str, Mention]]:
        """The subject of the clause that a noun trigger is set in: قال الوزير في المؤتمر،
        أوضح المدير خلال لقائه (the speaker takes part in the meeting or visit)."""
        i = trigger.word
        if self.is_function(i - 1, self.lex.clause_linkers):
            for m in self._participants_near(i):
                if m.last == i - 2 and self.same_sentence(i, m.last) and not m.prefix:
                    role = self._role(spec, m)
                    if role:
                        yield role, m
                        return
        if trigger.suffix in self.lex.possessive_suffixes:
            m = self._possessor(trigger)
            role = self._role(spec, m) if m is not None else None
            if role:
                yield role, m

    def _possessor(self, trigger: Trigger) -> Mention | None:
        """Whom a pronoun on the trigger points to: the subject of its clause, the nearest
        participant within ``possessor`` words before it that follows a verb, no verb
        between (عقد مديرو السجون في المملكة اجتماعهم، أعلن الوزراء في ختام اجتماعهم)."""
        i = trigger.word
        window = self.lex.windows.get("possessor", 0)
        before = [m for m in self._participants_near(i)
                  if m.last < i and i - m.last <= window and not m.prefix]
        for m in sorted(before, key=lambda m: -m.last):
            if any(j in self.verb_words for j in range(m.last + 1, i)):
                return None
            k = m.first - 1
            if k in self.verb_words and self.same_sentence(k, i):
                return m
        return None

    def _after_list_marker(self, i: int) -> int:
        """Where the subject of verb ``i`` starts: after ``كل من`` (وصل في معيته كل من: …)
        when it closely follows the verb, else right after the verb."""
        for k in range(i + 1, i + 1 + self.lex.windows.get("list_marker", 0)):
            if (self.same_sentence(i, k + 1) and self.is_function(k, self.lex.list_heads)
                    and self.is_function(k + 1, self.lex.list_prepositions)):
                return k + 2
        return i + 1

    def _after_preposition(self, trigger: Trigger, marker: str, spec: RoleSpec,
                           phrase_markers: frozenset[str] = frozenset(),
                           ) -> Iterator[tuple[str, Mention]]:
        """A mention after a preposition following the trigger: اجتماع مع X، هجوم على X; for
        ``phrase_markers`` an unnamed noun phrase when no mention is found there."""
        i, window = trigger.word, self.lex.windows["preposition"]
        found = False
        for m in self.mentions_near(i, self._argument_labels):
            if not i < m.first <= i + window + 1:
                continue
            if len(marker) == 1:
                hit = m.prefix.endswith(marker)
            else:
                k = next((j for j in range(m.first - 1, i, -1)
                          if self.is_function(j, frozenset({marker}))), None)
                # إلى مدينة جدة: the place noun may be outside the mention or inside it
                hit = k is not None and any(self._gap_ok(self._skip_quantifiers(j), m, 0)
                                            for j in {k + 1, self._skip_place_nouns(k + 1)})
            role = self._role(spec, m) if hit else None
            if role:
                found = True
                yield role, m
        if not found and marker in phrase_markers:
            phrase = self._complement_phrase(i, marker)
            role = self._role(spec, phrase) if phrase is not None else None
            if role:
                yield role, phrase

    def _fate_subject(self, trigger: Trigger, spec: RoleSpec) -> Iterator[tuple[str, Mention]]:
        """Who met the fate the noun names: the first participant after a fate verb before
        it, in its sentence and with no other verb between (لقي 21 شخصا على الأقل بينهم
        نساء مصرعهم، لقي طفل عمره عامان حتفه)."""
        i = trigger.word
        verb = None
        for j in range(i - 1, max(-1, i - 1 - self.lex.windows.get("fate", 0)), -1):
            if not self.same_sentence(i, j) or (j in self.verb_words
                                                  and not self.has_form(j, self.lex.fate_verbs)):
                break
            if self.has_form(j, self.lex.fate_verbs):
                verb = j
                break
        if verb is None:
            return
        found = [m for m in self._participants_near(i) if verb < m.first and m.last < i]
        if found:
            subject = min(found, key=lambda m: m.first)
            role = self._role(spec, subject)
            if role:
                yield role, subject

    def _charge(self, trigger: Trigger, spec: RoleSpec) -> Iterator[tuple[str, Mention]]:
        """What someone is accused or convicted of: the first noun with the charge
        preposition (ب) in the trigger's clause, within the preposition window. After a
        charge noun (بتهمة الانتماء، بقضية طعن) the words that follow, for every type with
        the rule (اعتقل … بتهمة); for the types whose ب names the charge also the noun
        itself with its definite genitive (اتهمته النيابة بنشر، أدين المتهم بالافتئات)."""
        i = trigger.word
        k, prefix = i + 1, None
        while k <= i + self.lex.windows["preposition"] and prefix is None:
            if (not self.same_sentence(i, k) or not self.unbroken(k - 1, k)
                    or k in self.verb_words or self.is_function(k, self.lex.barriers)):
                return  # the charge is in the trigger's clause
            if k not in self.entity_words and k not in self.time_words:
                prefix = next((r.prefix for r in self.lex.readings(self.text(k), "noun")
                               if r.prefix.endswith(self.lex.charge_marker)
                               and len(r.stem) > 2 and r.stem not in self.lex.barriers), None)
            k += 1
        if prefix is None:
            return
        k -= 1
        if any(r.stem in self.lex.charge_nouns for r in self.lex.readings(self.text(k), "noun")):
            phrase = self._noun_after(k)  # بتهمة الانتماء لتنظيم
        elif trigger.type not in self.lex.charge_direct_types:
            return  # اعتقل بالقرب من: only after a charge noun
        else:
            last = k + 1 if self._definite_genitive(k + 1) and self.unbroken(k, k + 1) else k
            phrase = self._phrase(k, last, prefix)
        role = self._role(spec, phrase) if phrase is not None else None
        if role:
            yield role, phrase

    def _complement_phrase(self, i: int, marker: str) -> Mention | None:
        """An unnamed noun right after the first ``marker`` that follows trigger ``i`` within
        the preposition window: توجه إلى المستشفى، هجوم على مواقع الجيش (with its definite
        genitive)."""
        window = self.lex.windows["preposition"]
        k = next((j for j in range(i + 1, i + window + 1)
                  if self.same_sentence(i, j) and self.unbroken(j - 1, j)
                  and self.is_function(j, frozenset({marker}))), None)
        return None if k is None else self._noun_after(k)

    def _skip_place_nouns(self, j: int) -> int:
        """The first word at or after ``j`` that is not a place noun (إلى مدينة ريو → ريو)."""
        stop = j + 3
        while j < stop and self.has_form(j, self.lex.place_nouns):
            j += 1
        return j

    def _place(self, trigger: Trigger, used: list[Mention]) -> Mention | None:
        """The nearest GPE/LOC/FAC marked by في/ب, then by a host verb (استضافت), then an
        unmarked one just after the trigger (عمليات لتحرير الموصل)."""
        i, win = trigger.word, self.lex.windows
        candidates = [m for m in self.mentions_near(i, self.lex.place_labels) if m not in used]
        ranked = []
        for n, m in enumerate(candidates):
            dist = abs(m.first - i)
            if self._after_place_preposition(m) and dist <= win["place_preposition"]:
                ranked.append((0, dist, n))
            elif self._next_to_host_verb(m) and dist <= win["place_host_verb"]:
                ranked.append((1, dist, n))
            elif i < m.first <= i + win["place_unmarked"] and m.prefix in ("", "ل"):
                ranked.append((2, dist, n))
        return candidates[min(ranked)[2]] if ranked else None

    def _place_phrase(self, trigger: Trigger) -> Mention | None:
        """An unnamed place after في following the trigger in its clause, headed by a place
        noun with its definite words (في المنطقة الحدودية، في شمال البلاد): when no named
        place was found."""
        i = trigger.word
        for j in range(i + 1, i + 1 + self.lex.windows["place_preposition"]):
            k = j + 1
            if not self.same_sentence(i, k) or not self.unbroken(j - 1, j) \
                    or j in self.verb_words:
                return None
            if not self.is_function(j, frozenset({"في"})) or k in self.entity_words \
                    or not self.has_form(k, self.lex.place_nouns):
                continue
            last = k
            while last - k < 2 and self._definite_genitive(last + 1) \
                    and self.unbroken(last, last + 1):
                last += 1
            return self._phrase(k, last, "")
        return None

    def _wider_place(self, place: Mention, used: list[Mention]) -> Mention | None:
        """The place that locates the event's place, right after it (في منطقة عسير بمدينة
        أبها، في جبهة مقبنة في محافظة تعز): the event's Place too."""
        for m in self.mentions_near(place.first, self.lex.place_labels):
            if m in used or not place.last < m.first <= place.last + 3:
                continue
            between = range(place.last + 1, m.first)
            if self.unbroken(place.last, m.first) and self._after_place_preposition(m) and all(
                    self.is_function(j, self.lex.place_prepositions)
                    or self.has_form(j, self.lex.place_nouns) for j in between):
                return m
        return None

    def _after_place_preposition(self, m: Mention) -> bool:
        if any(p in m.prefix for p in self.lex.place_prepositions if len(p) == 1):
            return True
        j = m.first - 1
        while j >= m.first - 3 and self.has_form(j, self.lex.place_nouns):
            j -= 1
        return self.is_function(j, self.lex.place_prepositions)

    def _next_to_host_verb(self, m: Mention) -> bool:
        hosts = self.lex.host_verbs
        return self.has_form(m.first - 1, hosts) or self.has_form(m.last + 1, hosts)

    def _time(self, trigger: Trigger) -> Mention | None:
        """The nearest DATE/TIME entity of the sentence, else the nearest time pattern; an
        age, a span of years (26 عاما، منذ 9 أعوام) or a duration (لمدة 21 يوما، على مدى
        46 شهرا) is no event time."""
        i = trigger.word
        candidates = self.mentions_near(i, self.lex.time_labels) or [
            m for m in self.pattern_times if self.same_sentence(i, m.first)]
        near = [m for m in candidates if abs(m.first - i) <= self.lex.windows["time"]
                and self.text(m.last) not in self.lex.duration_ends
                and not self._after_duration_marker(m)]
        return min(near, key=lambda m: (abs(m.first - i), m.first), default=None)

    def _after_duration_marker(self, m: Mention) -> bool:
        """``لمدة`` / ``طوال`` / ``على مدى`` right before the mention: it measures, not dates."""
        return any(self.same_sentence(m.first, j) and self.has_form(j, self.lex.duration_markers)
                   for j in (m.first - 1, m.first - 2))

    # -- output

    def events(self) -> list[dict[str, Any]]:
        found = []
        for trigger in self.triggers():
            args = self.arguments(trigger)
            if self._needs_argument(trigger, args):
                continue
            found.append((trigger, args))
        if self.lex.nearest_only:
            found = self._to_nearest_trigger(found, self.lex.nearest_only)
        out = []
        for trigger, args in found:
            record = self._record(trigger, args)
            if record is not None:
                out.append(record)
        return out

    @staticmethod
    def _to_nearest_trigger(
            found: list[tuple[Trigger, list[tuple[str, Mention]]]], roles: frozenset[str],
    ) -> list[tuple[Trigger, list[tuple[str, Mention]]]]:
        """A mention that several events took in one of ``roles`` (Time) stays with the
        nearest trigger only: the corpus gives a date to the event it modifies, not to every
        event of the sentence."""
        best: dict[tuple[str, Mention], tuple[int, int]] = {}
        for n, (trigger, args) in enumerate(found):
            for role, m in args:
                if role in roles:
                    key, rank = (role, m), (abs(m.first - trigger.word), n)
                    best[key] = min(best.get(key, rank), rank)
        return [(trigger, [(role, m) for role, m in args
                           if role not in roles or best[(role, m)][1] == n])
                for n, (trigger, args) in enumerate(found)]

    def _needs_argument(self, trigger: Trigger, args: list[tuple[str, Mention]]) -> bool:
        """Ambiguous groups without an argument, and bare indefinite plurals (هجمات …) without
        a named one (اعتداءات على الصحفيين is still generic) unless counted, are not specific
        events."""
        bare_plural = trigger.entry.plural and not trigger.definite and self.lex.drop_bare_plurals
        i = trigger.word
        if bare_plural and self.same_sentence(i - 1, i) \
                and self._number_prefix(self.text(i - 1)) is not None:
            bare_plural = False  # سقط عشرة قتلى، شن ثلاث هجمات: counted, so specific
        if bare_plural:
            return not any(m.label != self.lex.np_label for _, m in args)
        if trigger.entry.group.requires_roles:
            return not any(role in trigger.entry.group.requires_roles for role, _ in args)
        return trigger.entry.group.requires_argument and not args

    def _record(self, trigger: Trigger, args: list[tuple[str, Mention]]) -> dict[str, Any] | None:
        span = self.folded.to_original(trigger.start, trigger.end)
        if not valid_span(span, self.folded.original):
            return None
        arguments = [{"role": role, "span": list(m.span)} for role, m in args
                     if valid_span(m.span, self.folded.original)]
        return {"trigger": list(span), "type": trigger.type, "arguments": arguments}


def valid_span(span: Offsets, text: str) -> bool:
    """The contract's span rule: inside the text, non-empty, no whitespace at either end."""
    start, end = span
    return 0 <= start < end <= len(text) and not (text[start].isspace() or text[end - 1].isspace())


# ---------------------------------------------------------------- component


class EventExtractor:
    """Sets ``doc._.events`` from the lexicon; scores with the contract's event scorer."""

    def __init__(self, nlp: Language, name: str, lexicon: Lexicon) -> None:
        self.name = name
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # built from the tokens on every access: read it once
        doc._.events = DocEvents(doc, self.lexicon).events() if text.strip() else []
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, float]:
        return score_event_examples(examples)

    def to_bytes(self, exclude: Iterable[str] = ()) -> bytes:
        return srsly.json_dumps(self.lexicon.data).encode("utf8")

    def from_bytes(self, data: bytes, exclude: Iterable[str] = ()) -> EventExtractor:
        self.lexicon = Lexicon(srsly.json_loads(data.decode("utf8")))
        return self

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / LEXICON_FILE, self.lexicon.data)

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> EventExtractor:
        self.lexicon = Lexicon(srsly.read_json(ensure_path(path) / LEXICON_FILE))
        return self


def score_event_examples(examples: Iterable[Example]) -> dict[str, float]:
    """Flat ``events_*`` P/R/F of ``khabar.scoring.score_events`` (as ``khabar evaluate``)."""
    pairs = [(doc_to_record(eg.reference), doc_to_record(eg.predicted)) for eg in examples]
    return flatten_event_scores(score_events(pairs))


def flatten_event_scores(scores: dict[str, Any]) -> dict[str, float]:
    """``events_trigger_cls_f``-style keys, as spaCy's score weights need flat floats."""
    return {
        f"events_{short}_{k}": float(scores[long][k])
        for short, long in _SCORE_KEYS.items()
        for k in ("p", "r", "f")
    }


# Model selection weighs the two scores the issue sets targets for equally.
EVENT_SCORE_WEIGHTS: dict[str, float | None] = {
    "events_trigger_cls_f": 0.5,
    "events_trigger_id_f": 0.0,
    "events_arg_id_f": 0.0,
    "events_arg_cls_f": 0.5,
    **{f"events_{s}_{k}": None for s in _SCORE_KEYS for k in ("p", "r")},
}


@Language.factory(
    "khabar_events",
    assigns=["doc._.events"],
    default_config={"lexicon_path": None},
    default_score_weights=EVENT_SCORE_WEIGHTS,
)
def make_event_extractor(nlp: Language, name: str, lexicon_path: str | None) -> EventExtractor:
    """The packaged lexicon unless ``lexicon_path`` names another JSON file."""
    return EventExtractor(nlp, name, Lexicon(load_lexicon_data(lexicon_path)))
