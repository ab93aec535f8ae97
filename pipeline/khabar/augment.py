"""Name-swap augmentation for NER training: person mentions get other people's names.

Why: the NER corpora name few women, few Maghrebi, Gulf or foreign people, and a CNN
learns a name by its spelling as much as by its context, so a new name after
``وقالت وزيرة الخارجية`` is missed. Replacing the ``PER`` mentions of some training
examples with other names, in the same context, teaches the context. The names come
from two places: our own list (``corpus/names/person_names.tsv``: given names by gender
and family names), combined at random, and the ``PER`` mentions the augmenter has
already read in the training stream. Everything else in the example (other entities,
tokens marked missing, sentence starts) is kept. Used as the train corpus's
``augmenter`` in ``configs/ner.cfg``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import registry

PERSON = "PER"
GENDERS = ("f", "m")


@dataclass
class NamePool:
    """Names to put in place of a mention: our list plus the mentions read so far."""

    given: dict[str, list[str]]
    family: list[str]
    seen: list[tuple[str, ...]] = field(default_factory=list)
    max_seen: int = 20000

    def remember(self, words: tuple[str, ...], rng: random.Random) -> None:
        """Keep a mention read in the stream; once the pool is full a new mention replaces
        a random kept one with probability max_seen / (max_seen + 1), so the pool leans to
        recent mentions (not a uniform reservoir sample). Not one with a one-letter word,
        a clitic cut off by the segmenter."""
        if min(len(w) for w in words) < 2:
            return
        if len(self.seen) < self.max_seen:
            self.seen.append(words)
        else:
            k = rng.randrange(len(self.seen) + 1)
            if k < self.max_seen:
                self.seen[k] = words

    def draw(self, n_words: int, seen_share: float, rng: random.Random) -> list[str]:
        """A full name, or one word (mostly a family name) for a one-word mention."""
        if self.seen and rng.random() < seen_share:
            words = list(rng.choice(self.seen))
            return words if n_words > 1 else words[-1:]
        given = rng.choice(self.given[rng.choice(GENDERS)]).split()
        if n_words > 1:
            return given + [rng.choice(self.family)]
        return [rng.choice(self.family)] if rng.random() < 0.7 else given[:1]


def read_person_names(path: Path) -> NamePool:
    """Read ``name<TAB>part<TAB>gender`` rows (part: given/family; gender f, m or -)."""
    given: dict[str, list[str]] = {g: [] for g in GENDERS}
    family: list[str] = []
    lines = Path(path).read_text(encoding="utf8").splitlines()
    rows = [(i, line) for i, line in enumerate(lines, 1) if line and not line.startswith("#")]
    for i, line in rows[1:]:  # the first row names the columns
        cells = line.split("\t")
        if len(cells) != 3 or not cells[0].strip():
            raise ValueError(f"{path}:{i}: expected name<TAB>part<TAB>gender, got {line!r}")
        name, part, gender = cells
        if part == "family":
            family.append(name)
        elif part == "given" and gender in GENDERS:
            given[gender].append(name)
        else:
            raise ValueError(f"{path}:{i}: part must be given (with gender f or m) or family,"
                             f" got {part!r} {gender!r}")
    if not family or not all(given.values()):
        raise ValueError(f"{path}: needs family names and given names of both genders")
    return NamePool(given, family)


def swap_names(nlp: Language, example: Example, replacements: dict[int, list[str]]) -> Example:
    """A copy of ``example`` whose ``PER`` mentions starting at the given token indices
    are replaced by the given words; the predicted side is tokenized anew."""
    ref = example.reference
    has_starts = ref.has_annotation("SENT_START")
    words: list[str] = []
    spaces: list[bool] = []
    iob: list[str] = []
    starts: list[bool | None] = []
    mentions = {e.start: e for e in ref.ents if e.start in replacements}
    i = 0
    while i < len(ref):
        token = ref[i]
        if i in mentions:
            span = mentions[i]
            new = replacements[i]
            words.extend(new)
            spaces.extend([True] * (len(new) - 1) + [bool(span[-1].whitespace_)])
            iob.extend([f"B-{PERSON}"] + [f"I-{PERSON}"] * (len(new) - 1))
            starts.extend([token.is_sent_start] + [False] * (len(new) - 1))
            i = span.end
            continue
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
        iob.append(token.ent_iob_ if token.ent_iob_ in ("", "O") else
                   f"{token.ent_iob_}-{token.ent_type_}")
        starts.append(token.is_sent_start)
        i += 1
    reference = Doc(ref.vocab, words=words, spaces=spaces, ents=iob,
                    sent_starts=starts if has_starts else None)
    return Example(nlp.make_doc(reference.text), reference)


def plan_replacements(mentions: list[Span], pool: NamePool, seen_share: float,
                      rng: random.Random) -> dict[int, list[str]]:
    """New words for every mention, consistent within the document: the same name
    gets the same replacement, and a one-word mention of an earlier full name
    (``أنان`` after ``كوفي أنان``) gets the new family name."""
    by_text: dict[str, list[str]] = {}
    by_last_word: dict[str, list[str]] = {}
    out: dict[int, list[str]] = {}
    for span in mentions:
        if span.text in by_text:
            new = by_text[span.text]
        elif len(span) == 1 and span.text in by_last_word:
            new = by_last_word[span.text][-1:]
        else:
            new = pool.draw(len(span), seen_share, rng)
        by_text[span.text] = new
        if len(span) > 1:
            by_last_word.setdefault(span[-1].text, new)
        out[span.start] = new
    return out


@registry.augmenters("khabar.name_swap.v1")
def create_name_swap_augmenter(
    names: Path, probability: float, seen_share: float = 0.5, seed: int = 0
) -> Callable[[Language, Example], Iterator[Example]]:
    """Yield each training example, or with ``probability`` (if it has ``PER``
    mentions) a copy with all of them renamed; ``seen_share`` of the names are
    mentions read earlier in the stream, the rest our given + family names."""
    if not 0.0 <= probability <= 1.0 or not 0.0 <= seen_share <= 1.0:
        raise ValueError("probability and seen_share must be between 0 and 1")
    pool = read_person_names(names)
    rng = random.Random(seed)

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        mentions = [e for e in example.reference.ents if e.label_ == PERSON]
        for span in mentions:
            pool.remember(tuple(t.text for t in span), rng)
        if not mentions or rng.random() >= probability:
            yield example
            return
        yield swap_names(nlp, example, plan_replacements(mentions, pool, seen_share, rng))

    return augment
