"""The one spelling normalisation of Arabic that features, matching and scoring share.

ANNOTATION.md compares speaker names without diacritics or tatweel, with alef
forms unified, ة/ه and ى/ي unified; the lexical features and the rule components
match words the same way, so undotted and vocalised news spellings meet.
"""

from __future__ import annotations

import re

# Arabic diacritics, Quranic marks and tatweel, as a regex character-class body.
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
LETTER_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"}
LETTER_FOLD = str.maketrans(LETTER_MAP)
_MARKS_RE = re.compile(f"[{MARKS}]")


def normalize(text: str) -> str:
    """``text`` without diacritics or tatweel, with the letters of ``LETTER_MAP`` unified."""
    return _MARKS_RE.sub("", text).translate(LETTER_FOLD)
