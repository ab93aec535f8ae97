"""Map the Arabic event GSR (Open Event Data Alliance, PLOVER ASSAULT/PROTEST) onto the contract.

Source: ``shared/corpora/arabic_event_gsr/`` (see PROVENANCE.md there; MIT per the repo, but
the sentences are Arabic Gigaword/newspaper text, so the output is derived third-party data
and stays under ``training/``, never committed).

What the data gives
-------------------
* ``{assault,protest}_gsr.csv``: sentence-level labels only (``id, label, text`` with
  ``label`` in yes / easy no / difficult no / ambiguous). They give **no** trigger or actor.
* ``{assault,protest}_spans.json``: for 373 + 272 of those sentences, annotator span-sets
  (usually 3, one per coder) with ``verb`` (trigger tokens), ``source_actor`` and
  ``target_actor`` (token lists, clitics attached, no offsets) and CAMEO actor codes.

So a record needs both files: the spans file for the trigger and the actors, the CSV for
the sentence's label. They are joined on the sentence text (the CSV ``id`` cannot be used:
in ``protest_spans.json`` 57 ``source`` values are shared by several sentences and 34 are
newspaper names that are not CSV ids). Sentences whose CSV label is ``difficult no``
(most coders rejected the event) or ``easy no`` are skipped; ``yes``, ``ambiguous`` and
sentences found in no CSV are kept.

Mapping
-------
Tokens are located as whole words of the text (punctuation around a word ignored);
consecutive occurrences are preferred, else each token is found on its own (coders select
non-adjacent words: ``انفجرت … مقتل``); an actor may skip at most one unselected word.
Each span-set's trigger word is chosen with the ``khabar_events`` lexicon
(``data/event_lexicon.json``, whose word list follows the guidelines' table):

* ASSAULT → ``Conflict.Attack``, PROTEST → ``Conflict.Demonstrate`` when the lexicon types
  one of the verb tokens so (``قتل في [هجوم] انتحاري``, ``[تظاهر] احتجاجا على``).
* ASSAULT tokens that the lexicon types ``Life.Die``/``Life.Injure`` (``قتل``, ``مقتل``,
  ``اغتيال``, ``أصيب``: about half of all ASSAULT triggers) are by GUIDELINES.md §2.3 not
  Attack triggers. By default they become ``Life.Die``/``Life.Injure`` events (source actor
  → Agent, target actor → Victim); ``life="drop"`` drops them instead.
* A verb token typed with any other subtype (``توجه`` Movement.Transport in a protest) is
  dropped. A single verb token the lexicon does not know (``احتشد``, ``تجمع``, ``سار``) is
  kept as the mapped type only when at least ``min_support`` span-sets chose the same word;
  multi-token verbs with no lexicon word (``ورفع لافتات``, ``ورددوا هتافات``) are dropped.
* Span-sets choosing the same word form one event. Its actors: the actor span chosen by
  most of those span-sets (ties: the shortest), cut at a comma or a relative/apposition
  word (``بينهم``، ``الذي``), function words at either end removed, proclitics trimmed.
  Attack: source actor → Attacker, target actor → Target. Demonstrate: source actor →
  Entity; its target actor (what is protested against) has no ACE role and is dropped.
  An actor whose first word is itself an event word (``هجوم انتحاري`` as source actor) is
  dropped, as is one that overlaps the trigger.
* Clitics: a span starts after و ف ب ل ك (and after the first ل of لل) as in ANNOTATION.md.
  The article case comes from ``contract.PROCLITICS_BEFORE_ARTICLE``, trigger words from
  the lexicon's own clitic analysis, and a bare و/ف/ب/ل/ك before another word is stripped
  only when the rest of the word also occurs on its own in the GSR texts. Every span is
  then checked with ``validate.span_problems``; a span it rejects is dropped.

Fidelity limits (read before training on it)
--------------------------------------------
* PLOVER ASSAULT is unconventional violence (bombing, killing, abduction, torture); ACE
  Attack also covers conventional military force (PLOVER FIGHT), so a record's Attack
  events are a subset of the ACE Attacks of the sentence.
* GSR marks one event (type) per sentence and per coder, not every mention: other
  Attack/Die/Demonstrate mentions, and all other subtypes, are unannotated. The records
  are positive-only: never treat an unannotated word as a negative, and never score
  precision against them as if they were complete.
* GSR verbs are the coder's clause verb (``رفع لافتات``, ``مطالبين``), not ACE's single most
  specific word; the lexicon-based head choice fixes most, the unconfirmed ones stay noisy.
* Actors are CAMEO actors: generic and descriptive phrases (``سياسيين``, ``مئات``), often
  longer than ACE's shortest NP, and sometimes instruments or events rather than agents.
  Place and Time, which ACE annotates, are never given.
* Genericity, negation and hypotheticals (skipped by our guidelines) are not marked.
* Manual check of 30 random mapped records (37 events, 47 arguments; details in
  ``khabar.build.gsr``): about 95% of triggers have the right word and subtype and about
  85% of arguments the right participant and role, span boundaries often not the shortest
  NP. Triggers the lexicon does not know (37 of 593, kept on coder agreement) are the
  weakest part: about 10 of them are not Demonstrate/Attack words (``ندد``، ``ردد``، ``دعا``).
* Drop counts are per span-set (one coder's verb/actors) unless the reason names a sentence
  (``sentence_without_mappable_event``, ``csv_label_*``) or a row (``malformed_row``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..components.events import FoldedText, Lexicon, fold, load_lexicon_data
from ..contract import PROCLITICS_BEFORE_ARTICLE
from ..paths import corpora_dir
from .validate import NON_CLITIC_NAMES, span_problems

GSR_NAME = "arabic_event_gsr"
FILES = {
    "ASSAULT": ("assault_gsr.csv", "assault_spans.json"),
    "PROTEST": ("protest_gsr.csv", "protest_spans.json"),
}
TYPE_MAP = {"ASSAULT": "Conflict.Attack", "PROTEST": "Conflict.Demonstrate"}
LIFE_TYPES = ("Life.Die", "Life.Injure")
# actor side → role, per mapped type (None: no ACE role of the type fits)
ROLE_MAP: dict[str, dict[str, str | None]] = {
    "Conflict.Attack": {"source_actor": "Attacker", "target_actor": "Target"},
    "Conflict.Demonstrate": {"source_actor": "Entity", "target_actor": None},
    "Life.Die": {"source_actor": "Agent", "target_actor": "Victim"},
    "Life.Injure": {"source_actor": "Agent", "target_actor": "Victim"},
}
LABELS = ("yes", "easy no", "difficult no", "ambiguous")
KEEP_LABELS = frozenset({"yes", "ambiguous", None})  # None: sentence found in no CSV
REQUIRED_COLUMNS = ("event_type", "id", "label", "text")
INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200e\u200f\u200b"), None)
_TOKEN = re.compile(r"\S+")
_PUNCT = "\"'«»“”‘’()[]{}.,،;؛:!?؟-–—_*…/\\"
# words at the edge of an actor span that are not part of the noun phrase
EDGE_WORDS = frozenset(
    fold(w)
    for w in [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "مع",
        "ضد",
        "و",
        "أن",
        "ان",
        "إن",
        "قبل",
        "بعد",
    ]
)
# an actor span is cut before these (apposition, relative clause)
BREAK_WORDS = frozenset(
    fold(w) for w in ["بينهم", "بينها", "منهم", "الذي", "التي", "الذين", "اللذين", "اللتين"]
)
MAX_ACTOR_GAP = 1  # unselected words allowed inside an actor's selection
CLITIC_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


@dataclass
class GsrRow:
    """One CSV row: the sentence and its sentence-level label."""

    file: str
    line: int
    id: str
    event_type: str
    label: str
    text: str


@dataclass
class Word:
    start: int
    end: int
    text: str  # the word without surrounding punctuation


@dataclass
class GsrReport:
    """What was read, what was mapped and what was dropped (by reason, with examples)."""

    rows: Counter = field(default_factory=Counter)  # file → rows read
    labels: Counter = field(default_factory=Counter)  # (type, label) → rows
    malformed: list[tuple[str, str]] = field(default_factory=list)  # (file:line, why)
    span_records: Counter = field(default_factory=Counter)  # spans file → sentences
    dropped: Counter = field(default_factory=Counter)  # reason → count
    notes: Counter = field(default_factory=Counter)  # kept, but worth knowing
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    records: int = 0
    events: Counter = field(default_factory=Counter)
    arguments: Counter = field(default_factory=Counter)  # (type, role) → count

    def drop(self, reason: str, where: str) -> None:
        self.dropped[reason] += 1
        if len(self.examples[reason]) < 5:
            self.examples[reason].append(where)

    def bad_row(self, where: str, why: str) -> None:
        self.malformed.append((where, why))
        self.drop("malformed_row", where)

    def summary(self) -> str:
        lines = [
            f"rows read: {dict(self.rows)}",
            f"CSV labels: {dict(sorted(self.labels.items()))}",
            f"span sentences read: {dict(self.span_records)}",
            f"records written: {self.records}",
            f"events per type: {dict(sorted(self.events.items()))}",
            "arguments per role: "
            + str({f"{t}/{r}": n for (t, r), n in sorted(self.arguments.items())}),
            f"notes: {dict(self.notes)}",
            "dropped by reason:",
        ]
        for reason, n in self.dropped.most_common():
            lines.append(f"  {reason}: {n}  (e.g. {', '.join(self.examples[reason][:3])})")
        for where, why in self.malformed[:10]:
            lines.append(f"  malformed {where}: {why}")
        return "\n".join(lines)


# ---------------------------------------------------------------- reading


def read_csv(path: Path, report: GsrReport) -> Iterator[GsrRow]:
    """Rows of a GSR CSV; BOM, CRLF and quoted newlines accepted; bad rows reported as file:line."""
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as err:
        report.bad_row(f"{name}:0", f"cannot read: {err}")
        return
    data = raw.decode("utf-8-sig", errors="replace")
    reader = csv.reader(io.StringIO(data, newline=""))
    header: list[str] | None = None
    previous_end = 0
    while True:
        start = previous_end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            previous_end = reader.line_num
            report.bad_row(f"{name}:{start}", f"CSV error: {err}")
            continue
        previous_end = reader.line_num
        where = f"{name}:{start}"
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [h.strip().translate(INVISIBLE) for h in row]
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                report.bad_row(where, f"header lacks columns {missing}; file skipped")
                return
            continue
        report.rows[name] += 1
        if len(row) != len(header):
            report.bad_row(where, f"{len(row)} fields, header has {len(header)}")
            continue
        cells = dict(zip(header, row, strict=True))
        text = cells["text"].replace("\r\n", "\n").translate(INVISIBLE).strip()
        etype, label = cells["event_type"].strip(), cells["label"].strip()
        if "\ufffd" in text:
            report.bad_row(where, "text is not valid UTF-8")
        elif not text or not cells["id"].strip():
            report.bad_row(where, "empty id or text")
        elif etype not in TYPE_MAP:
            report.bad_row(where, f"event_type {etype!r} not in {sorted(TYPE_MAP)}")
        elif label not in LABELS:
            report.bad_row(where, f"label {label!r} not in {LABELS}")
        else:
            report.labels[(etype, label)] += 1
            yield GsrRow(name, start, cells["id"].strip(), etype, label, text)


def read_spans(path: Path, report: GsrReport) -> list[tuple[str, dict[str, Any]]]:
    """``(where, record)`` of a spans JSON file; records without the needed fields reported."""
    name = path.name
    try:
        data = json.loads(path.read_text("utf-8-sig"))
    except (OSError, ValueError) as err:
        report.bad_row(f"{name}:0", f"cannot read JSON: {err}")
        return []
    if not isinstance(data, list):
        report.bad_row(f"{name}:0", "expected a JSON list")
        return []
    out = []
    for i, rec in enumerate(data):
        where = f"{name}#{i}"
        ok = (
            isinstance(rec, dict)
            and isinstance(rec.get("text"), str)
            and isinstance(rec.get("spans"), list)
            and all(isinstance(s, dict) for s in rec["spans"])
        )
        if not ok:
            report.bad_row(where, "record lacks text or spans")
            continue
        report.span_records[name] += 1
        out.append((where, rec))
    return out


# ---------------------------------------------------------------- locating


def words_of(text: str) -> list[Word]:
    """Whitespace words with surrounding punctuation cut off (offsets into ``text``)."""
    words = []
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s] in _PUNCT:
            s += 1
        while e > s and text[e - 1] in _PUNCT:
            e -= 1
        if s < e:
            words.append(Word(s, e, text[s:e]))
    return words


def find_tokens(words: list[Word], tokens: list[str], near: int | None = None) -> list[int] | None:
    """Indices of the words where ``tokens`` occur as whole words, or None if one is missing.

    Consecutive occurrences are preferred (the one nearest to word ``near``, else the
    first); otherwise each token is found on its own, nearest to the previous one (coders
    sometimes select words that are not adjacent, e.g. ``انفجرت … مقتل``)."""
    toks = [t.strip(_PUNCT) for t in tokens]
    toks = [t for t in toks if t]
    if not toks:
        return None
    hits = [
        i
        for i in range(len(words) - len(toks) + 1)
        if all(words[i + k].text == t for k, t in enumerate(toks))
    ]
    if hits:
        i = min(hits, key=lambda h: abs(h - near)) if near is not None else hits[0]
        return list(range(i, i + len(toks)))
    found: list[int] = []
    for t in toks:
        where = [i for i, w in enumerate(words) if w.text == t]
        if not where:
            return None
        anchor = found[-1] if found else near
        found.append(min(where, key=lambda h: abs(h - anchor)) if anchor is not None else where[0])
    return sorted(set(found))


def clitic_length(word: str, vocab: frozenset[str], lexicon: Lexicon | None = None) -> int:
    """How many leading characters of ``word`` are proclitics to leave outside a span.

    The article case (بالعراق، للكويت، و15) is the contract's rule; a trigger word known to
    the lexicon uses its clitic analysis; otherwise a proclitic is stripped only when the
    rest also occurs as a word of its own in the corpus (``vocab``)."""
    if word in NON_CLITIC_NAMES:
        return 0
    n = PROCLITICS_BEFORE_ARTICLE.match(word).end()
    if n:
        return n
    if lexicon is not None:
        for reading, _entry in lexicon.lookup(fold(word)):
            if reading.prefix:
                return FoldedText.of(word).to_original(len(reading.prefix), len(fold(word)))[0]
            return 0
    for prefix in CLITIC_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 3 and rest in vocab:
            return len(prefix)
    return 0


def lexicon_entry(word: str, lexicon: Lexicon) -> Any | None:
    """The lexicon entry of a word (its first clitic reading), or None."""
    for _reading, entry in lexicon.lookup(fold(word)):
        return entry
    return None


def lexicon_type(word: str, lexicon: Lexicon) -> str | None:
    """The subtype the guidelines' trigger list gives a word, or None."""
    entry = lexicon_entry(word, lexicon)
    return entry.group.type if entry else None


# ---------------------------------------------------------------- mapping


@dataclass
class Settings:
    life: str = "remap"  # or "drop": ASSAULT triggers that are Life.Die/Life.Injure words
    min_support: int = 2  # span-sets needed for a trigger word the lexicon does not know
    keep_labels: frozenset = KEEP_LABELS


@dataclass
class Mapped:
    """A contract record and, for scoring, the raw GSR verb phrases it came from."""

    record: dict[str, Any]
    gsr_type: str
    label: str | None
    phrases: list[tuple[int, int]]  # character spans of every located GSR verb phrase
    support: list[int]  # span-sets behind each event


def _head(
    words: list[Word], idx: list[int], gsr_type: str, lexicon: Lexicon, settings: Settings
) -> tuple[int, str, bool] | str:
    """(word index, type, lexicon-confirmed) of a span-set's trigger, or a drop reason."""
    mapped = TYPE_MAP[gsr_type]
    types = [(i, lexicon_type(words[i].text, lexicon)) for i in idx]
    for i, t in types:
        if t == mapped:
            # a light noun (عمليات، إطلاق) needs a context word; a following trigger word of
            # the same type is the more specific one (عمليات [الاختطاف])
            if i + 1 < len(words) and lexicon_type(words[i + 1].text, lexicon) == mapped:
                return i + 1, mapped, True
            return i, mapped, not lexicon_entry(words[i].text, lexicon).group.context
    if gsr_type == "ASSAULT":
        for i, t in types:
            if t in LIFE_TYPES:
                return (i, t, True) if settings.life == "remap" else "life_trigger_dropped"
    other = [t for _, t in types if t]
    if other:
        return f"verb_is_{other[0]}_by_guidelines"
    if len(idx) == 1:
        return idx[0], mapped, False
    return "multiword_verb_without_trigger_word"


def _actor_span(
    words: list[Word], idx: list[int], text: str, lexicon: Lexicon
) -> tuple[int, int] | str:
    """Character span of an actor's noun phrase, or a drop reason."""
    i, j = idx[0], idx[-1] + 1
    if j - i - len(idx) > MAX_ACTOR_GAP:
        return "actor_words_not_adjacent"
    for k in range(i, j):
        if k > i and fold(words[k].text) in BREAK_WORDS:
            j = k
            break
        if k < j - 1 and text[words[k].end : words[k + 1].start].strip():  # comma etc. inside
            j = k + 1
            break
    while i < j and fold(words[i].text) in EDGE_WORDS:
        i += 1
    while j > i and fold(words[j - 1].text) in EDGE_WORDS:
        j -= 1
    if i >= j:
        return "actor_only_function_words"
    if lexicon_type(words[i].text, lexicon):
        return "actor_is_event_word"
    # only the contract's article rule for actors: a bare و/ب/ل/ك before a noun is too
    # often part of it (وحدة، بلدة، لجنة) for the corpus-attestation test
    cut = clitic_length(words[i].text, frozenset())
    # a numeral before the noun belongs to the phrase (ستة {اشخاص} → {ستة اشخاص})
    if (
        not cut
        and i > 0
        and _is_number(words[i - 1].text, lexicon)
        and not text[words[i - 1].end : words[i].start].strip()
    ):
        i -= 1
        cut = clitic_length(words[i].text, frozenset())
    return words[i].start + cut, words[j - 1].end


def _is_number(word: str, lexicon: Lexicon) -> bool:
    return word.isdigit() or bool(lexicon.forms(fold(word)) & lexicon.number_words)


def map_sentence(
    where: str,
    rec: dict[str, Any],
    gsr_type: str,
    label: str | None,
    lexicon: Lexicon,
    vocab: frozenset[str],
    report: GsrReport,
    settings: Settings | None = None,
) -> Mapped | None:
    """The contract record of one spans-file sentence, or None (reasons counted in ``report``)."""
    settings = settings or Settings()
    text = rec["text"].replace("\r\n", "\n").translate(INVISIBLE)
    words = words_of(text)
    groups: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    confirmed: dict[tuple[int, str], bool] = {}
    phrases = []
    for spanset in rec["spans"]:
        verb = spanset.get("verb") or []
        if not isinstance(verb, list) or not verb:
            report.drop("spanset_without_verb", where)
            continue
        idx = find_tokens(words, [str(t) for t in verb])
        if idx is None:
            report.drop("verb_not_found_in_text", where)
            continue
        phrases += [(words[i].start, words[i].end) for i in idx]
        head = _head(words, idx, gsr_type, lexicon, settings)
        if isinstance(head, str):
            report.drop(head, where)
            continue
        i, etype, ok = head
        groups[(i, etype)].append(spanset)
        confirmed[(i, etype)] = ok
    events, support = [], []
    for (i, etype), spansets in sorted(groups.items()):
        if not confirmed[(i, etype)] and len(spansets) < settings.min_support:
            report.drop("unknown_trigger_word_with_too_little_support", where)
            continue
        word = words[i]
        trigger = (word.start + clitic_length(word.text, vocab, lexicon), word.end)
        if list(span_problems(text, list(trigger), "trigger")):
            report.drop("trigger_span_rejected_by_validator", where)
            continue
        event = {
            "trigger": list(trigger),
            "type": etype,
            "arguments": _arguments(words, text, i, etype, spansets, lexicon, report, where),
        }
        events.append(event)
        support.append(len(spansets))
    if not events:
        report.drop("sentence_without_mappable_event", where)
        return None
    rid = f"gsr-{gsr_type.lower()}-{rec.get('_id') or where}"
    record = {
        "id": rid,
        "text": text,
        "source": f"{GSR_NAME}:{where}",
        "entities": [],
        "events": events,
    }
    report.records += 1
    for event in events:
        report.events[event["type"]] += 1
        for arg in event["arguments"]:
            report.arguments[(event["type"], arg["role"])] += 1
    return Mapped(record, gsr_type, label, phrases, support)


def _arguments(
    words: list[Word],
    text: str,
    head: int,
    etype: str,
    spansets: list[dict[str, Any]],
    lexicon: Lexicon,
    report: GsrReport,
    where: str,
) -> list[dict[str, Any]]:
    trigger_word = words[head]
    args = []
    for side, role in ROLE_MAP[etype].items():
        tokens = [s.get(side) for s in spansets if s.get(side)]
        if not tokens:
            continue
        if role is None:
            report.drop(f"{side}_has_no_role_in_{etype}", where)
            continue
        spans: Counter = Counter()
        for toks in tokens:
            idx = (
                find_tokens(words, [str(t) for t in toks], near=head)
                if isinstance(toks, list)
                else None
            )
            if idx is None:
                report.drop("actor_not_found_in_text", where)
                continue
            span = _actor_span(words, idx, text, lexicon)
            if isinstance(span, str):
                report.drop(span, where)
                continue
            spans[span] += 1
        if not spans:
            continue
        span = max(spans, key=lambda s: (spans[s], -(s[1] - s[0])))
        if span[0] < trigger_word.end and trigger_word.start < span[1]:
            report.drop("actor_overlaps_trigger", where)
            continue
        if list(span_problems(text, list(span), "argument")):
            report.drop("actor_span_rejected_by_validator", where)
            continue
        args.append({"role": role, "span": list(span)})
    return args


def corpus_vocab(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(w.text for t in texts for w in words_of(t))


def gsr_dir() -> Path:
    return corpora_dir() / GSR_NAME


def read_gsr(
    folder: Path | None = None, settings: Settings | None = None, lexicon: Lexicon | None = None
) -> tuple[list[Mapped], list[GsrRow], GsrReport]:
    """Mapped records, all CSV rows (for sentence-level scoring) and the report."""
    folder = folder or gsr_dir()
    settings = settings or Settings()
    lexicon = lexicon or Lexicon(load_lexicon_data())
    report = GsrReport()
    rows: list[GsrRow] = []
    spans: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for gsr_type, (csv_name, spans_name) in FILES.items():
        rows += list(read_csv(folder / csv_name, report))
        spans[gsr_type] = read_spans(folder / spans_name, report)
    vocab = corpus_vocab(
        [r.text for r in rows] + [rec["text"] for recs in spans.values() for _, rec in recs]
    )
    labels = {(r.event_type, _key(r.text)): r.label for r in rows}
    mapped = []
    for gsr_type, recs in spans.items():
        for where, rec in recs:
            label = labels.get((gsr_type, _key(rec["text"])))
            if label is None:
                report.notes["span_sentence_not_in_csv (kept)"] += 1
            if label not in settings.keep_labels:
                report.drop(f"csv_label_{label.replace(' ', '_')}", where)
                continue
            m = map_sentence(where, rec, gsr_type, label, lexicon, vocab, report, settings)
            if m is not None:
                mapped.append(m)
    return mapped, rows, report


def _key(text: str) -> str:
    return " ".join(text.translate(INVISIBLE).split())
