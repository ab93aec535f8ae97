"""Arabic lexical features for the hashed embeddings of ``tok2vec``.

spaCy's defaults suit cased alphabets: SHAPE is ``xxxx`` for every Arabic word,
PREFIX is the first letter (usually a clitic), and ``والكويت``, ``بالكويت`` and
``الكويت`` share no feature at all. Until the tokenizer splits clitics, we
redefine the lexeme attributes the embedding reads:

- NORM: the orthographically normalised word (no diacritics or tatweel, one alef,
  ى→ي, ة→ه), so spelling variants of news text share a row;
- PREFIX: the stem with proclitics (و ف ب ل ك س and the article) removed;
- SUFFIX: the last three letters of that stem;
- SHAPE: the proclitic string that was removed plus a digit/latin/punct class.

They are set by an ``after_creation`` callback named in the config, so a loaded
pipeline recomputes them exactly as in training.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import NORM, PREFIX, SHAPE, SUFFIX
from spacy.language import Language
from spacy.util import registry

from .orthography import normalize

# Proclitic sequences: conjunction, preposition or future particle, and the article.
_PROCLITIC = re.compile(r"^(?P<p>[وف]?[بكل]?ال|[وف]?لل|[وف][بكلس]?|[بكل])(?P<s>\w+)$")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def split_proclitics(word: str) -> tuple[str, str]:
    """``(proclitics, stem)`` of a normalised word: a guess that keeps short words whole
    (``وزير``); a wrong split costs little since the embedding also sees the full NORM."""
    m = _PROCLITIC.match(word)
    if not m:
        return "", word
    min_stem = 3 if m.group("p").endswith(("ال", "لل")) else 4
    return (m.group("p"), m.group("s")) if len(m.group("s")) >= min_stem else ("", word)


def stem(word: str) -> str:
    return split_proclitics(normalize(word))[1]


def stem_suffix(word: str) -> str:
    return stem(word)[-3:]


def clitic_shape(word: str) -> str:
    norm = normalize(word)
    if any(c.isdigit() for c in norm):
        kind = "d"
    elif _ARABIC.search(norm):
        kind = "a"
    elif any(c.isalpha() for c in norm):
        kind = "l"
    else:
        kind = "p"
    return f"{split_proclitics(norm)[0]}|{kind}"


@registry.callbacks("khabar.ArabicLexAttrs.v1")
def create_arabic_lex_attrs() -> Callable[[Language], Language]:
    """Config: ``[nlp.after_creation] @callbacks = "khabar.ArabicLexAttrs.v1"``."""

    def apply(nlp: Language) -> Language:
        nlp.vocab.lex_attr_getters.update(
            {NORM: normalize, PREFIX: stem, SUFFIX: stem_suffix, SHAPE: clitic_shape}
        )
        return nlp

    return apply
