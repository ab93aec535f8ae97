"""The Arabic tokenizer: spaCy's ``ar`` rules with the punctuation gaps of news text
closed, then clitic segmentation.

spaCy's Arabic suffix rules only split a final period after a letter, so a quote
closing a sentence (``جميعا».``, ``"داعش".``) stays one token and the sentence
boundary is lost. We add suffix rules for a period after closing quotes, brackets
and digits (``khabar.ArabicTokenizer.v1``).

``khabar.ArabicTokenizer.v2`` also splits each word into its clitics with a trained
:class:`~khabar.segmenter.CliticSegmenter` (``وبالكويت`` → و + ب + الكويت), as UD
Arabic-PADT segments syntactic words. Every token's text is a substring of the input,
so ``doc.text`` and all offsets are unchanged; the underlying form goes to ``norm_``
(``للكويت`` → ``ل`` + ``لكويت`` with norm ``الكويت``; ``رسالته`` → ``رسالت`` (norm
``رسالة``) + ``ه``). The rules and the segmenter are serialized with the tokenizer, so
a trained pipeline needs no side files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.attrs import NORM
from spacy.lang.ar import Arabic
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry
from spacy.vocab import Vocab

from .segmenter import CliticSegmenter

CLOSING_MARKS = "»”’\"')\\]}›"
OPENING_MARKS = "«“‘\"'(\\[{‹"
ARABIC_LETTER = "\u0621-\u064A\u0671-\u06D3"
HARAKAT = "\u064B-\u0655\u0670"
DIRECTION_MARKS = "\u200e\u200f"  # left-to-right / right-to-left marks of scraped text
DASHES = "\\-—–"
EXTRA_SUFFIXES = [
    rf"(?<=[{CLOSING_MARKS}])\.",  # جميعا». / "داعش".
    r"(?<=[0-9٠-٩])\.",  # في عام 2016.
    r"(?<=[0-9٠-٩])[%٪]",  # 50% / ٥٠٪
]
# v2 also splits what news text glues to the end of a word.
GLUED_SUFFIXES = [
    r"(?<=[%٪])\.",  # 35%.
    rf"(?<=[{HARAKAT}{DIRECTION_MARKS}])\.",  # دولاراً. (spaCy's rule wants a letter before)
    rf"(?<=[{ARABIC_LETTER}{HARAKAT}A-Za-z{CLOSING_MARKS}])[{DASHES}]+",  # سبق- / (CNN)--
    rf"(?<=[{ARABIC_LETTER}{HARAKAT}0-9])/",  # قد يهمك أيضا/ / فرانس24/ أ ف ب
    # a number glued to a word (قتل57 شخصا، الرياض26 شوال), not the decimal ر of 3ر3 nor
    # an ordinal after a tatweel (الـ7)
    r"(?<=[\u0621-\u063F\u0641-\u064A]{2})[0-9٠-٩]+",
]


# Between digits, - and / separate numbers (١٥-٨, 2001/2002), as in UD; spaCy's rule
# for - only knows Western digits. Between Arabic letters, a comma, period or quotation
# mark written without its space is a token of its own (أفريقيا،على, قال.وأضاف,
# موقع"سكاي); a one-letter abbreviation keeps its period (prefix rule below).
EXTRA_INFIXES = [
    r"(?<=[0-9٠-٩])[-/](?=[0-9٠-٩])",
    rf"(?<=[{ARABIC_LETTER}{HARAKAT}{DIRECTION_MARKS}])[،؛.](?=[{ARABIC_LETTER}])",
    rf"(?<=[{ARABIC_LETTER}])[{OPENING_MARKS}{CLOSING_MARKS}](?=[{ARABIC_LETTER}])",
]
# A proclitic written on what follows it is a token of its own: the conjunction و on a
# number (و15), و/ف on an opening quotation mark (و"تسنيم"), and a proclitic with a
# tatweel before a quotation mark, a Latin word or a number (بـ"أوبك", لـCNN; a
# decorative tatweel as in بـيـروت stays). A period or dash glued to the start of a word goes too
# (".حمزة" in lists).
EXTRA_PREFIXES = [
    # a one-letter abbreviation keeps its period, which then ends no sentence: د.عبدالله,
    # م.أنس, أ.ف.ب (the period of a longer word glued to the next one is split below)
    rf"[{ARABIC_LETTER}]\.(?=[{ARABIC_LETTER}])",
    r"و(?=[0-9٠-٩])",
    rf"[وف](?=[{OPENING_MARKS}])",
    rf"(?:[وف]?[بلك]|[وف])ـ(?=[{OPENING_MARKS}A-Za-z0-9٠-٩])",
    rf"[.{DASHES}](?=[{ARABIC_LETTER}])",
]
# spaCy's URL pattern takes any dotted word for a domain (د.عبدالله); a URL here must
# start with a scheme or www, or be a Latin-script domain with a lower-case ending
# (reuters.com, not Dr.Ahmed).
URL_PATTERN = r"^(?:(?i:https?|ftp)://|(?i:www)\.)\S+$|^[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?$"


def arabic_suffixes() -> list[str]:
    return list(Arabic.Defaults.suffixes or []) + EXTRA_SUFFIXES


@registry.tokenizers("khabar.ArabicTokenizer.v1")
def create_arabic_tokenizer() -> Callable[[Language], Tokenizer]:
    """Config entry: ``[nlp.tokenizer] @tokenizers = "khabar.ArabicTokenizer.v1"``."""

    return v1_rule_tokenizer


def v1_rule_tokenizer(nlp: Language) -> Tokenizer:
    tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
    tokenizer.suffix_search = compile_suffix_regex(arabic_suffixes()).search
    return tokenizer


def rule_tokenizer(nlp: Language) -> Tokenizer:
    """The v1 rules plus the splits of glued punctuation and proclitics above (used by v2)."""
    tokenizer = v1_rule_tokenizer(nlp)
    tokenizer.suffix_search = compile_suffix_regex(arabic_suffixes() + GLUED_SUFFIXES).search
    tokenizer.infix_finditer = compile_infix_regex(
        list(Arabic.Defaults.infixes or []) + EXTRA_INFIXES
    ).finditer
    tokenizer.prefix_search = compile_prefix_regex(
        list(Arabic.Defaults.prefixes or []) + EXTRA_PREFIXES
    ).search
    tokenizer.url_match = re.compile(URL_PATTERN).match
    # spaCy's exceptions .م .ت .هـ would now rejoin a glued period to the next word
    # (ج.م.ع → ج .م . ع); the period is split by the prefix rule instead.
    tokenizer.rules = {k: v for k, v in tokenizer.rules.items() if k not in {".م", ".ت", ".هـ"}}
    return tokenizer


class CliticTokenizer:
    """The rule tokenizer followed by clitic segmentation of every token.

    Without a segmenter (before ``initialize``) it behaves like the rule tokenizer.
    Attributes it does not define (``add_special_case``, ``explain``, ...) are those
    of the rule tokenizer."""

    def __init__(
        self, vocab: Vocab, rules: Tokenizer, segmenter: CliticSegmenter | None = None
    ) -> None:
        self.vocab = vocab
        self.rules = rules
        self.segmenter = segmenter

    def __getattr__(self, name: str) -> Any:
        if name in {"rules", "vocab", "segmenter"}:
            raise AttributeError(name)
        return getattr(self.rules, name)

    def __call__(self, text: str) -> Doc:
        doc = self.rules(text)
        if self.segmenter is None:
            return doc
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[str | None] = []
        for token in doc:
            analysis = self.segmenter.analyse(token.text)
            pieces = analysis.pieces(token.text)
            for j, (piece, norm) in enumerate(zip(pieces, analysis.norms, strict=True)):
                words.append(piece)
                spaces.append(j == len(pieces) - 1 and bool(token.whitespace_))
                norms.append(norm if norm != piece else None)
        if len(words) == len(doc):
            return doc
        segmented = Doc(self.vocab, words=words, spaces=spaces)
        norm_of = self.vocab.lex_attr_getters.get(NORM, str)
        for token, norm in zip(segmented, norms, strict=True):
            if norm is not None:
                token.norm_ = norm_of(norm)
        return segmented

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    def initialize(self, get_examples=None, *, nlp=None, segmenter: str | None = None) -> None:  # noqa: ANN001
        """``[initialize.tokenizer] segmenter = "training/segmenter/segmenter.json"``
        (written by ``python -m khabar.build.segmenter``).

        spaCy validates these settings with pydantic, which resolves the annotations
        in its own module: hence builtins only."""
        if segmenter is not None:
            self.segmenter = CliticSegmenter.from_dict(srsly.read_json(segmenter))

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        return srsly.msgpack_dumps(
            {
                "rules": self.rules.to_bytes(exclude=exclude),
                "segmenter": self.segmenter.to_dict() if self.segmenter else None,
            }
        )

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> CliticTokenizer:
        msg = srsly.msgpack_loads(data)
        self.rules.from_bytes(msg["rules"], exclude=exclude)
        seg = msg.get("segmenter")
        self.segmenter = CliticSegmenter.from_dict(seg) if seg else None
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        Path(path).write_bytes(self.to_bytes(exclude=exclude))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> CliticTokenizer:
        return self.from_bytes(Path(path).read_bytes(), exclude=exclude)


def clitic_nlp(segmenter: str | Path) -> Language:
    """A blank Arabic pipeline whose tokenizer is v2 with the segmenter file loaded
    (for build scripts that tokenize outside a trained pipeline)."""
    nlp = spacy.blank(
        "ar", config={"nlp": {"tokenizer": {"@tokenizers": "khabar.ArabicTokenizer.v2"}}}
    )
    nlp.tokenizer.initialize(segmenter=str(segmenter))
    return nlp


@registry.tokenizers("khabar.ArabicTokenizer.v2")
def create_clitic_tokenizer() -> Callable[[Language], CliticTokenizer]:
    """Config entry: ``[nlp.tokenizer] @tokenizers = "khabar.ArabicTokenizer.v2"``; the
    segmenter is loaded by ``[initialize.tokenizer] segmenter = PATH``."""

    def make_tokenizer(nlp: Language) -> CliticTokenizer:
        return CliticTokenizer(nlp.vocab, rule_tokenizer(nlp))

    return make_tokenizer
