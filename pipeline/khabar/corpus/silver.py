"""Silver data: a high-precision subset of the pipeline's own output on unselected raw news.

The rule-based quote and event components find many items in every article, but
only some kinds of them are right often enough to serve as extra training data.
``filter_record`` keeps those (direct and mixed quotes with a cue and an explicitly
mentioned, named person as speaker; events of a few strongly typed subtypes) and
``precision_report`` measures on the *dev* split how often what it keeps is
correct. ``khabar corpus silver`` runs the pipeline over ``iter_raw_news``,
skipping every article of ``corpus/selection.json`` (all splits, so silver never
overlaps gold or the test set), and writes stand-off lines marked
``"silver": true``. Silver data stays out of ``corpus/annotations``.

How the settings were chosen (``SilverSettings`` defaults). The pipeline was run
on the 153 annotated TRAIN articles (never dev or test) and each predicted item
was compared with gold:

* Quotes (correct = content matches a gold quote leniently, overlap / longer
  >= 0.5 as in ``khabar.scoring``, and the normalised ``speaker_name`` agrees).
  All direct quotes with a cue and a ``speaker_name`` that is a PER or ORG entity:
  67/114 = 0.59. With an ORG speaker only 5/18 were right (platforms and outlets
  such as فيسبوك or رويترز after عبر / وفقا ل), so the speaker must be a PER
  entity. Pro-drop quotes (``speaker`` null) are attributed wrongly much more
  often than quotes whose speaker is in the cue's sentence (direct PER: 34/56 vs
  24/30), so ``speaker`` must be present and be part of the name: 24/30 = 0.80.
  Mixed quotes under the same rules were 9/10, so they are kept too (33/40).
  One-word names were wrong 3 times out of 3 (a surname for the article's full
  name: الغانم for مرزوق علي الغانم), so a name needs two words: 33/37 = 0.89.
  Four guards do not change the train count but remove errors seen among
  pro-drop train quotes and in a sample of silver output: a name that is part
  of a longer PER entity of the document; a name that looks like a proclitic
  glued to a name found bare elsewhere (وميغان ماركل, لرونالدو); a name with
  anything but letters (جنبلاط لـ«الشرق); a content under three words (a quoted
  title, which the contract does not count as a quote; 3 of 170 gold direct
  train quotes are that short).
* Events (correct = trigger span and type equal a gold trigger's). Precision per
  predicted type on train ranged from 0.29 to 0.89; the kept types are those
  whose one-sided 90% Wilson lower bound of precision is at least
  ``MIN_TYPE_PRECISION_LB`` (0.6): Life.Die (48/60) and Business.Merge-Org
  (8/9). Contact.Meet (62/93), Life.Injure (29/42) and Justice.Arrest-Jail
  (20/29) fall just short; types predicted fewer than 5 times are never kept.
* Event arguments (correct = a gold event with the same trigger and type has an
  argument of that role with an overlapping span): Place 32/83 = 0.39 and Time
  68/147 = 0.46 over all predicted events; on the kept types Place 5/8 and Time
  11/16, too few and below the triggers' 0.80, so no arguments are kept
  (``argument_roles`` is empty; pass {"Place", "Time"} to keep them).
* Entities: a silver line lists only the PER mentions of the kept quotes'
  speakers, not a complete NER layer; treat unlisted text as unannotated.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..extensions import offset_pair
from ..scoring import match_one_to_one, normalize_name
from .raw_news import RawArticle, iter_raw_news
from .select import selected_ids
from .standoff import CORPUS_NAMES, id_prefix, text_sha1

# --- filter settings (chosen on the train split, see the module docstring) ---
QUOTE_KINDS = frozenset({"direct", "mixed"})
SPEAKER_LABELS = frozenset({"PER"})
MIN_NAME_WORDS = 2  # a one-word name (الغانم, أولريتش) was wrong in 3 of 3 train quotes
# quoted names and titles («داعش») are not quotes; 3 of 170 gold direct train quotes are shorter
MIN_CONTENT_WORDS = 3
STRONG_EVENT_TYPES = frozenset({"Life.Die", "Business.Merge-Org"})
ARGUMENT_ROLES: frozenset[str] = frozenset()
MIN_TYPE_PRECISION_LB = 0.6  # Wilson lower bound (z = 1.645) a type needs to be kept
MIN_TYPE_PREDICTIONS = 5  # and at least this many predictions on train
WILSON_Z = 1.645

_CLITIC_LETTERS = "ولبف"


@dataclass(frozen=True)
class SilverSettings:
    """What ``filter_record`` keeps; the defaults are the measured high-precision set."""

    quote_kinds: frozenset[str] = QUOTE_KINDS
    speaker_labels: frozenset[str] = SPEAKER_LABELS
    require_cue: bool = True
    min_name_words: int = MIN_NAME_WORDS
    min_content_words: int = MIN_CONTENT_WORDS
    # a name of letters and spaces only (no «», digits or لـ glued to a quoted outlet)
    require_letter_name: bool = True
    # the speaker must be mentioned in the cue's sentence and be part of speaker_name
    require_speaker_mention: bool = True
    # speaker_name must not be a shorter form of a longer entity of the document
    require_full_name: bool = True
    # reject names that look like a proclitic + a name found bare elsewhere (وميغان)
    reject_clitic_names: bool = True
    event_types: frozenset[str] = STRONG_EVENT_TYPES
    argument_roles: frozenset[str] = field(default=ARGUMENT_ROLES)


DEFAULT_SETTINGS = SilverSettings()


def _words(text: str) -> list[str]:
    return (normalize_name(text) or "").split()


def _contains_words(outer: list[str], inner: list[str]) -> bool:
    """``inner`` occurs in ``outer`` as a run of whole words."""
    n = len(inner)
    return n > 0 and any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def _looks_cliticised(name: str, text: str) -> bool:
    """``name`` starts with و/ل/ب/ف and the name without it occurs bare in ``text``."""
    if len(name) < 4 or name[0] not in _CLITIC_LETTERS:
        return False
    bare = re.escape(normalize_name(name[1:]) or "")
    return re.search(rf"(?<!\w){bare}(?!\w)", normalize_name(text) or "") is not None


def keep_quote(
    quote: dict[str, Any],
    text: str,
    entities: list[dict[str, Any]],
    settings: SilverSettings = DEFAULT_SETTINGS,
) -> bool:
    """Whether a predicted quote passes the silver filter (see ``SilverSettings``)."""
    if quote.get("kind") not in settings.quote_kinds:
        return False
    if settings.require_cue and quote.get("cue") is None:
        return False
    name = quote.get("speaker_name")
    if not name:
        return False
    name_words = _words(name)
    if len(name_words) < settings.min_name_words:
        return False
    if settings.require_letter_name and not all(c.isalpha() for c in "".join(name_words)):
        return False
    content = quote["content"]
    if len(text[content[0] : content[1]].split()) < settings.min_content_words:
        return False
    typed = [e for e in entities if e["label"] in settings.speaker_labels]
    if not any(_words(text[e["start"] : e["end"]]) == name_words for e in typed):
        return False
    if settings.require_speaker_mention:
        speaker = quote.get("speaker")
        if speaker is None or not _contains_words(
            name_words, _words(text[speaker[0] : speaker[1]])
        ):
            return False
    if settings.require_full_name:
        for e in typed:
            other = _words(text[e["start"] : e["end"]])
            if len(other) > len(name_words) and _contains_words(other, name_words):
                return False
    return not (settings.reject_clitic_names and _looks_cliticised(name, text))


def keep_event(event: dict[str, Any], settings: SilverSettings = DEFAULT_SETTINGS) -> dict | None:
    """The event with only the kept argument roles, or None if its type is not kept."""
    if event.get("type") not in settings.event_types:
        return None
    args = [a for a in event.get("arguments", []) if a["role"] in settings.argument_roles]
    return {**event, "arguments": args}


def filter_record(
    record: dict[str, Any], text: str, settings: SilverSettings = DEFAULT_SETTINGS
) -> dict[str, Any]:
    """The high-precision part of a contract record (``doc_to_record``) made on ``text``.

    Returns ``{"entities", "quotes", "events"}``; entities are only the mentions of
    the kept quotes' speaker names (with a label of ``settings.speaker_labels``)."""
    entities = list(record.get("entities", []))
    quotes = [q for q in record.get("quotes", []) if keep_quote(q, text, entities, settings)]
    events = [kept for e in record.get("events", []) if (kept := keep_event(e, settings))]
    names = {normalize_name(q["speaker_name"]) for q in quotes}
    kept_entities = [
        e
        for e in entities
        if e["label"] in settings.speaker_labels
        and normalize_name(text[e["start"] : e["end"]]) in names
    ]
    return {"entities": kept_entities, "quotes": quotes, "events": events}


def is_empty(kept: dict[str, Any]) -> bool:
    return not kept["quotes"] and not kept["events"]


# --- precision against gold ---


def wilson_lower_bound(correct: int, n: int, z: float = WILSON_Z) -> float:
    """One-sided lower confidence bound of a proportion (0 when ``n`` is 0)."""
    if n == 0:
        return 0.0
    p = correct / n
    centre = p + z * z / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - margin) / (1 + z * z / n)


def correct_quotes(gold: list[dict[str, Any]], kept: list[dict[str, Any]]) -> list[bool]:
    """Per kept quote: matches a gold quote leniently (one-to-one, as ``score_quotes``)
    and has the same normalised ``speaker_name``."""
    pairs = match_one_to_one(
        [offset_pair(q["content"]) for q in gold], [offset_pair(q["content"]) for q in kept], 0.5
    )
    ok = [False] * len(kept)
    for gi, pi in pairs:
        ok[pi] = normalize_name(gold[gi].get("speaker_name")) == normalize_name(
            kept[pi].get("speaker_name")
        )
    return ok


def correct_events(gold: list[dict[str, Any]], kept: list[dict[str, Any]]) -> list[bool]:
    """Per kept event: its trigger span and type equal an unused gold trigger's."""
    unused = [(offset_pair(e["trigger"]), e["type"]) for e in gold]
    ok = []
    for e in kept:
        key = (offset_pair(e["trigger"]), e["type"])
        ok.append(key in unused)
        if key in unused:
            unused.remove(key)
    return ok


def correct_arguments(gold: list[dict[str, Any]], kept: list[dict[str, Any]]) -> list[bool]:
    """Per kept argument: a gold event with the same trigger and type has an argument
    with the same role and an overlapping span (argument classification)."""
    ok = []
    for e in kept:
        gold_args = [
            (a["role"], offset_pair(a["span"]))
            for g in gold
            if offset_pair(g["trigger"]) == offset_pair(e["trigger"]) and g["type"] == e["type"]
            for a in g.get("arguments", [])
        ]
        for a in e.get("arguments", []):
            s = offset_pair(a["span"])
            ok.append(
                any(r == a["role"] and min(gs[1], s[1]) > max(gs[0], s[0]) for r, gs in gold_args)
            )
    return ok


def precision_counts(
    pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]],
    settings: SilverSettings = DEFAULT_SETTINGS,
) -> dict[str, dict[str, int]]:
    """``{item: {"kept", "correct"}}`` over (gold record with text, predicted record)
    pairs, for ``quotes``, ``events``, ``arguments`` and ``events:<type>``."""
    counts: dict[str, dict[str, int]] = {}

    def add(key: str, oks: list[bool]) -> None:
        c = counts.setdefault(key, {"kept": 0, "correct": 0})
        c["kept"] += len(oks)
        c["correct"] += sum(oks)

    for key in ("quotes", "events", "arguments"):
        counts[key] = {"kept": 0, "correct": 0}
    for gold, pred in pairs:
        kept = filter_record(pred, gold["text"], settings)
        add("quotes", correct_quotes(gold.get("quotes", []), kept["quotes"]))
        event_ok = correct_events(gold.get("events", []), kept["events"])
        add("events", event_ok)
        for e, ok in zip(kept["events"], event_ok, strict=True):
            add(f"events:{e['type']}", [ok])
        add("arguments", correct_arguments(gold.get("events", []), kept["events"]))
    return counts


def predict_split(nlp: Any, split: str, batch_size: int = 32) -> list[tuple[dict, dict]]:
    """(gold, predicted) record pairs of one split of our corpus; never call it with test."""
    from ..contract import doc_to_record
    from .standoff import load_corpus

    if split == "test":
        raise ValueError("silver settings and precision never look at the test split")
    gold = load_corpus(split=split)
    docs = nlp.pipe((g["text"] for g in gold), batch_size=batch_size)
    return [(g, doc_to_record(doc)) for g, doc in zip(gold, docs, strict=True)]


def precision_report(
    nlp: Any, settings: SilverSettings = DEFAULT_SETTINGS, split: str = "dev"
) -> dict[str, dict[str, int]]:
    """``precision_counts`` of the pipeline ``nlp`` on the dev split."""
    return precision_counts(predict_split(nlp, split), settings)


def format_precision(counts: dict[str, dict[str, int]], split: str = "dev") -> str:
    lines = [f"silver precision on {split} (kept items correct against gold):"]
    for key, c in counts.items():
        p = c["correct"] / c["kept"] if c["kept"] else float("nan")
        lines.append(f"  {key:<34} {c['correct']:>4}/{c['kept']:<4} = {p:.3f}")
    return "\n".join(lines)


# --- streaming the raw news ---


def silver_line(article: RawArticle, kept: dict[str, Any]) -> dict[str, Any]:
    """The stand-off line of one article's silver annotations (no text)."""
    return {
        "id": article.id,
        "corpus": CORPUS_NAMES[id_prefix(article.id)],
        "sha1": text_sha1(article.text),
        "silver": True,
        **{key: kept[key] for key in ("entities", "quotes", "events")},
    }


@dataclass
class SilverStats:
    articles: int = 0
    skipped_selected: int = 0
    written: int = 0
    quotes: int = 0
    events: int = 0

    def per_100(self) -> str:
        n = max(self.articles, 1)
        return (
            f"{self.articles} articles processed ({self.skipped_selected} selected ones skipped), "
            f"{self.written} with silver items; {self.quotes} quotes, {self.events} events "
            f"= {100 * self.quotes / n:.1f} quotes and {100 * self.events / n:.1f} events "
            "per 100 articles"
        )


def iter_silver(
    nlp: Any,
    articles: Iterable[RawArticle],
    exclude: set[str],
    settings: SilverSettings = DEFAULT_SETTINGS,
    limit: int | None = None,
    batch_size: int = 32,
    stats: SilverStats | None = None,
) -> Iterator[dict[str, Any]]:
    """Silver stand-off lines of ``articles``, skipping ids in ``exclude`` and articles
    with nothing kept; ``limit`` counts the articles run through the pipeline."""
    from ..contract import doc_to_record

    stats = stats if stats is not None else SilverStats()

    def todo() -> Iterator[tuple[str, RawArticle]]:
        for article in articles:
            if limit is not None and stats.articles >= limit:
                return
            if article.id in exclude:
                stats.skipped_selected += 1
                continue
            stats.articles += 1
            yield article.text, article

    for doc, article in nlp.pipe(todo(), as_tuples=True, batch_size=batch_size):
        kept = filter_record(doc_to_record(doc), article.text, settings)
        if is_empty(kept):
            continue
        stats.written += 1
        stats.quotes += len(kept["quotes"])
        stats.events += len(kept["events"])
        yield silver_line(article, kept)


# --- command line (``khabar corpus silver``) ---


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("output", help="silver stand-off JSONL (written atomically)")
    parser.add_argument("--limit", type=int, help="stop after N articles run through the pipeline")
    parser.add_argument(
        "--skip-corpus",
        action="append",
        default=[],
        metavar="SOURCE",
        help="leave out a raw-news source (ant_multisource, ant_v1.1, saudinewsnet); repeatable",
    )
    parser.add_argument("--model", default=None, help="installed model name or path")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--report", action="store_true", help="first print the filter's precision on dev"
    )


def run(
    args: argparse.Namespace,
    load: Callable[[str | None], Any] | None = None,
    articles: Callable[[list[str]], Iterable[RawArticle]] | None = None,
) -> int:
    from ..jsonl import atomic_output, dumps
    from .raw_news import RAW_NEWS_SOURCES

    unknown = [s for s in args.skip_corpus if s not in RAW_NEWS_SOURCES]
    if unknown:
        print(f"error: unknown source {unknown}; known: {RAW_NEWS_SOURCES}", file=sys.stderr)
        return 2
    if load is None:
        from ..annotate import load_pipeline as load
    nlp = load(args.model)
    if args.report:
        print(format_precision(precision_report(nlp)), file=sys.stderr)
    sources = [s for s in RAW_NEWS_SOURCES if s not in args.skip_corpus]
    stream = (articles or (lambda s: iter_raw_news(s)))(sources)
    stats = SilverStats()
    lines = iter_silver(
        nlp, stream, selected_ids(), limit=args.limit, batch_size=args.batch_size, stats=stats
    )
    with atomic_output(args.output) as out:
        for line in lines:
            out.write(dumps(line) + "\n")
    print(stats.per_100(), file=sys.stderr)
    return 0
