"""``khabar_entity_cleanup``: entity spans never begin or end with spaces, punctuation or
function words.

The transition-based NER can open or close an entity on a newline or a period
(``شهر رمضان.\\n``), or run one word too far into a relative clause or a
prepositional phrase (``صندوق النقد الدولي الذي``, ``اللجنة التنفيذية في``, ``الشركة
الراعية ل``); ANNOTATION.md forbids spans that start or end in whitespace, and no name
ends with a relative pronoun, a preposition or a conjunction. Edge tokens that are
whitespace or punctuation (not ``%``) are dropped from each entity, and so are the last tokens when
they are one of ``edge_words`` (config); an entity left empty is removed.

Names also stop where the description around them starts (GUIDELINES.md: a description
around a name tags the name only). A name runs on into the status word after it
(``حزب العدالة والتنمية الحاكم``, ``وكالة الأنباء السعودية الرسمية``) or into the title
of the person named next (``مجلس الشورى الدكتور …``): ``status_words`` are dropped from
the end of a name of two or more words, not a person's (``محمد بن سعد الحاكم``, ``سوسن
الشاعر``: surnames), and ``trailing_titles`` only from an ORG. A class noun before a
borrowed name is not part of it (``شركة سوني``, ``صحيفة ليبرتيه``, ``موقع إنستاغرام``):
``leading_designators`` are dropped from an ORG whose other words are no definite nouns
but nationality adjectives at most (``شركة هاليبرتون الأمريكية``; ``شركة نفط الكويت``
keeps its head), ``media_designators`` from any ORG (``صحيفة الوطن``), unless the name has
a ``لل``/``ل`` purpose phrase (``شركة جبل عمر للتطوير``). After ``باسم`` (``المتحدث باسم
الحكومة نذير العرباوي``) the NER often runs the body on into the spokesman's name: an ORG
there ends at its last definite word, and the indefinite words after it are the person;
so does an ORG that opens with one of ``name_titles`` (a person's title in construct:
``عضو لجنة الأمن والدفاع النيابية حيدر الساعدي``), which then also loses the title.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..org_patterns import CONSTRUCT_HEADS, DEFINITE_HEADS

# punctuation characters that are part of a value's span
UNIT_SIGNS = frozenset({"%", "٪", "$", "€", "£", "‰"})
# labels of values, whose spans include their period words (الأسبوع المقبل، العام الحالي)
VALUE_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"})
# relative pronouns, prepositions and conjunctions, as whole tokens
DEFAULT_EDGE_WORDS = [
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللاتي", "اللواتي",
    "اللائي", "في", "من", "على", "إلى", "الى", "عن", "مع", "حتى", "منذ", "لدى", "عند",
    "و", "ف", "ب", "ل", "ك", "أو", "ثم", "أن", "إن",
]
# status words that describe a named body or person rather than name it
DEFAULT_STATUS_WORDS = [
    "الرسمي", "الرسمية", "الحاكم", "الحاكمة", "السابق", "السابقة", "الأسبق", "الحالي",
    "الحالية", "الشقيق", "الشقيقة", "الإرهابي", "الإرهابية", "الانقلابي", "الانقلابية",
    "التابع", "التابعة", "الناطق", "الناطقة", "الصاعد", "الهابط", "المكلف", "المكلفة",
    "المقرر", "المقبل", "المقبلة", "المنافس", "المستضيف", "المضيف", "المحظور", "المحظورة",
    "المنحل", "المنحلة", "المجاور", "المجاورة", "الصادر", "الصادرة", "البالغ", "البالغة",
    "الواقع", "الواقعة", "المنعقد", "المنعقدة",
]
# titles of the person named after an organisation (مجلس الشورى الدكتور …); not الشيخ
# (كفر الشيخ، شرم الشيخ) nor الإعلامية, also the adjective of شبكة الجزيرة الإعلامية
DEFAULT_TRAILING_TITLES = [
    "الدكتور", "الدكتورة", "السيد", "السيدة", "اللواء", "الفريق", "المستشار",
    "المهندس", "المهندسة", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "المشير",
    "الأستاذ", "الأستاذة", "المدرب", "اللاعب", "الكابتن", "المحامي", "الفنان", "الفنانة",
    "أخصائي",
]
# class nouns written before a borrowed name (شركة سوني، موقع إنستاغرام)
DEFAULT_LEADING_DESIGNATORS = ["شركة", "شبكة", "جماعة"]
# class nouns of the media, written before any title (صحيفة الوطن، صحيفة ليبرتيه)
DEFAULT_MEDIA_DESIGNATORS = ["صحيفة", "جريدة", "مجلة", "موقع"]
# titles that begin a name inside an organisation's name (مدينة الملك عبدالعزيز)
ROYAL_TITLES = frozenset({"الملك", "الأمير", "الشيخ", "السلطان", "الإمام", "الرئيس"})
# the word before the body a spokesman speaks for (المتحدث باسم الحكومة), whole or after ب
DEFAULT_BODY_MARKERS = ["باسم", "بإسم", "اسم", "إسم"]
# a person's titles, which begin no organisation's name (المديرة العامة للصحة، المحامية
# ليلى الهاشمي); the feminine forms are rarer in the NER training data than the masculine
DEFAULT_LEADING_TITLES = [
    "المدير", "المديرة", "الوزير", "الوزيرة", "الرئيسة", "المحامي", "المحامية", "المفوض",
    "المفوضة", "المتحدث", "المتحدثة", "الناطق", "الناطقة", "السفير", "السفيرة", "النائب",
    "النائبة", "المستشار", "المستشارة", "الدكتور", "الدكتورة", "المهندس", "المهندسة",
    "المندوب", "المندوبة", "القاضي", "القاضية", "المبعوث", "المبعوثة", "الأمين", "الأمينة",
]


@Language.factory(
    "khabar_entity_cleanup", assigns=["doc.ents"],
    default_config={"edge_words": DEFAULT_EDGE_WORDS, "status_words": DEFAULT_STATUS_WORDS,
                    "trailing_titles": DEFAULT_TRAILING_TITLES,
                    "leading_designators": DEFAULT_LEADING_DESIGNATORS,
                    "media_designators": DEFAULT_MEDIA_DESIGNATORS,
                    "leading_titles": DEFAULT_LEADING_TITLES,
                    "body_markers": DEFAULT_BODY_MARKERS,
                    "name_titles": []},
)
def make_entity_cleanup(nlp: Language, name: str, edge_words: list[str],
                        status_words: list[str], trailing_titles: list[str],
                        leading_designators: list[str],
                        media_designators: list[str],
                        leading_titles: list[str],
                        body_markers: list[str],
                        name_titles: list[str]) -> EntityCleanup:
    return EntityCleanup(edge_words, status_words, trailing_titles, leading_designators,
                         media_designators, leading_titles, body_markers, name_titles)


class EntityCleanup:
    def __init__(self, edge_words: Iterable[str] = (), status_words: Iterable[str] = (),
                 trailing_titles: Iterable[str] = (),
                 leading_designators: Iterable[str] = (),
                 media_designators: Iterable[str] = (),
                 leading_titles: Iterable[str] = (),
                 body_markers: Iterable[str] = (),
                 name_titles: Iterable[str] = ()) -> None:
        self.edge_words = frozenset(edge_words)
        self.status_words = frozenset(status_words)
        self.trailing_titles = frozenset(trailing_titles)
        self.leading_designators = frozenset(leading_designators)
        self.media_designators = frozenset(media_designators)
        self.designators = self.leading_designators | self.media_designators
        self.leading_titles = frozenset(leading_titles)
        self.body_markers = frozenset(body_markers)
        self.name_titles = frozenset(name_titles)
        self.org_heads = frozenset(CONSTRUCT_HEADS) | frozenset(DEFINITE_HEADS)

    @staticmethod
    def _is_junk(doc: Doc, i: int) -> bool:
        """Space or punctuation, but not a unit sign that belongs to a value (``25%``)."""
        return doc[i].is_space or (doc[i].is_punct and doc[i].text not in UNIT_SIGNS)

    def _is_function_word(self, doc: Doc, start: int, i: int) -> bool:
        """One of ``edge_words`` that ends the entity as a separate word after a full word:
        ``ك`` glued to the word before it is a suffix of the name (سالجوك), and after a
        short token it is a letter of a spelled-out name (سي إن إن، إم تي في). Checked at
        the end of an entity only: at its start و/ف/ك/أو may begin the name (واس، أو
        غلوبو)."""
        if doc[i].text not in self.edge_words:
            return False
        if i == start:
            return True
        if not doc[i - 1].whitespace_:
            return False
        j, written = i - 1, len(doc[i - 1].text)  # the whole written word before it
        while j > start and not doc[j - 1].whitespace_:
            j -= 1
            written += len(doc[j].text)
        return written >= 3

    def _trim(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        while start < end and self._is_junk(doc, start):
            start += 1
        while end > start and (self._is_junk(doc, end - 1)
                               or self._is_function_word(doc, start, end - 1)):
            end -= 1
        return start, end

    @staticmethod
    def _words(doc: Doc, start: int, end: int) -> int:
        """Written words in tokens ``start:end`` (clitics glued to a word count once)."""
        return sum(1 for i in range(start, end) if doc[i].whitespace_ or i == end - 1) \
            if end > start else 0

    def _describes(self, doc: Doc, start: int, end: int, label: str) -> bool:
        """The last token is a status word or (after an ORG) a title, standing as a word of
        its own after at least two words of name. Not in a person's name, where such words
        are surnames (``سوسن الشاعر``, ``محمد بن سعد الحاكم``), nor a title after a place."""
        last = doc[end - 1]
        if label in VALUE_LABELS or label == "PER" or not doc[end - 2].whitespace_:
            return False
        if last.text not in self.status_words and (
                label != "ORG" or last.text not in self.trailing_titles):
            return False
        return self._words(doc, start, end - 1) >= 2

    def _designated(self, doc: Doc, start: int, end: int, label: str) -> bool:
        """``شركة سوني``, ``صحيفة الوطن``: an ORG that starts with a class noun followed by a
        name: for the media any title, for others a borrowed (indefinite) name, and no
        ``ل`` purpose phrase (``شركة الصفوة للإسمنت`` is the name)."""
        first = doc[start].text
        if label != "ORG" or end - start < 2 or not doc[start].whitespace_ \
                or first not in self.designators:
            return False
        rest = [t for t in doc[start + 1:end] if not t.is_punct]
        if not rest or any(t.text.startswith("لل") or t.text == "ل" for t in rest):
            return False
        if first in self.media_designators:
            return True
        # a borrowed name: no definite word, or only nationality adjectives (هاليبرتون
        # الأمريكية); an Arabic construct name keeps its head (شركة نفط الكويت)
        return not any(t.norm_.startswith("ال") and not t.norm_.endswith(("ي", "ية"))
                       for t in rest)

    def _after_title(self, doc: Doc, start: int, end: int, label: str) -> tuple[int, str]:
        """An ORG that starts with a person's title (``المحامية ليلى الهاشمي``): the
        organisation named after the title (``المدير العام لشركة …`` keeps ``شركة …``), else
        the person named right after it, else nothing: ``(start, label)``, start == end for
        nothing. Other entities come back unchanged."""
        if label != "ORG" or doc[start].text not in self.leading_titles:
            return start, label
        for k in range(start + 1, end):
            if doc[k].text in self.org_heads:
                return k, label
        k = start + 1
        if k < end and not doc[k].is_punct and not doc[k].norm_.startswith("ال"):
            return k, "PER"  # an indefinite word after the title: a name
        return end, label

    def _spokesman_split(self, doc: Doc, start: int, end: int, label: str) -> int:
        """Where the person starts inside an ORG after ``باسم`` (``الحكومة نذير العرباوي``)
        or inside one that opens with, or follows, a person's title in construct
        (``عضو لجنة الأمن والدفاع النيابية حيدر الساعدي``, ``name_titles``): the first
        indefinite word after a definite one that starts the last two or three words, or
        ``end`` for none."""
        before = doc[start - 1].text if start > 0 else ""
        marked = (before in self.body_markers and (
            len(before) > 3 or (start > 1 and doc[start - 2].text == "ب"))) \
            or doc[start].text in self.name_titles or before in self.name_titles
        if label != "ORG" or not marked:
            return end
        for k in range(start + 1, end):
            prev, word = doc[k - 1], doc[k]
            if (prev.norm_.startswith("ال") and prev.whitespace_ and word.is_alpha
                    and len(word.text) > 1 and not word.norm_.startswith("ال")
                    and word.text not in self.edge_words and self._looks_like_name(doc, k, end)):
                return k
        return end

    def _looks_like_name(self, doc: Doc, start: int, end: int) -> bool:
        """Two or three whole words, none a function word, not after a royal title that
        begins a name inside the ORG (``مدينة الملك عبدالعزيز``)."""
        words = doc[start:end]
        return 2 <= len(words) <= 3 and all(
            t.is_alpha and len(t.text) > 1 and t.text not in self.edge_words
            and (t.whitespace_ or t.i == end - 1) for t in words) \
            and doc[start - 1].text not in ROYAL_TITLES

    def __call__(self, doc: Doc) -> Doc:
        cleaned = []
        changed = False
        for ent in doc.ents:
            start, end = self._trim(doc, ent.start, ent.end)
            label = ent.label_
            person = self._spokesman_split(doc, start, end, label) if start < end else end
            if person < end:
                cleaned.append(Span(doc, person, end, label="PER"))
                changed = True
                start, end = self._trim(doc, start, person)
                if start < end and doc[start].text in self.name_titles:
                    start += 1  # the title is the person's
            if start < end:
                start, label = self._after_title(doc, start, end, label)
            while end - start > 2 and self._describes(doc, start, end, label):
                start, end = self._trim(doc, start, end - 1)
            if start < end and self._designated(doc, start, end, label):
                start, end = self._trim(doc, start + 1, end)
            changed |= (start, end, label) != (ent.start, ent.end, ent.label_)
            if start < end:
                cleaned.append(Span(doc, start, end, label=label, kb_id=ent.kb_id))
        if changed:
            doc.ents = cleaned
        return doc
