"""The Arabic tokenizer: spaCy's ``ar`` rules with the punctuation gaps of news text closed.

spaCy's Arabic suffix rules only split a final period after a letter, so a quote
closing a sentence (``جميعا».``, ``"داعش".``) stays one token and the sentence
boundary is lost. We add suffix rules for a period after closing quotes, brackets
and digits. The rules are serialized with the tokenizer, so a trained pipeline
needs no side files.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.lang.ar import Arabic
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_suffix_regex, registry

CLOSING_MARKS = "»”’\"')\\]}›"
EXTRA_SUFFIXES = [
    rf"(?<=[{CLOSING_MARKS}])\.",  # جميعا». / "داعش".
    r"(?<=[0-9٠-٩])\.",  # في عام 2016.
    r"(?<=[0-9٠-٩])[%٪]",  # 50% / ٥٠٪
]


def arabic_suffixes() -> list[str]:
    return list(Arabic.Defaults.suffixes or []) + EXTRA_SUFFIXES


@registry.tokenizers("khabar.ArabicTokenizer.v1")
def create_arabic_tokenizer() -> Callable[[Language], Tokenizer]:
    """Config entry: ``[nlp.tokenizer] @tokenizers = "khabar.ArabicTokenizer.v1"``."""

    def make_tokenizer(nlp: Language) -> Tokenizer:
        tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        tokenizer.suffix_search = compile_suffix_regex(arabic_suffixes()).search
        return tokenizer

    return make_tokenizer
