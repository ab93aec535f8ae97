"""``khabar_titled_names``: a person named right after a title, where the NER missed or cut
the name.

News introduces a person by a title phrase and then the name: ``وزيرة الخارجية الفنلندية
إلينا فالتونين``, ``الناطق العسكري العميد يحيى رسول``, ``المتحدثة باسم المفوضية أولغا
سارادو``. The NER learned few foreign, female and Maghrebi names, so it often leaves such a
name out or takes only part of it; the speaker of a quote is then a bare title. The title
phrase is easy to read: the title, its definite genitives and adjectives (``الخارجية
الفنلندية``), a body after ``باسم`` or ``ل``, and more titles (``العميد``). The words right
after it that the tagger reads as proper or foreign (UPOS ``PROPN`` or ``X``, as UD
Arabic-PADT tags names), up to ``max_name_words`` of them and followed by a clause
boundary (a complementizer, a preposition, punctuation, the sentence's end), are the name:
they become a PER entity, or extend the PER entity the NER found inside them. Entities of
other labels there are left alone. Three settings, on in ``configs/md.cfg`` since 0.11.0,
read wider phrases: nouns in construct (``رئيس وزراء سنغافورة``), a place after a
preposition (``المدعية العامة في مرسيليا``) and a given name the tagger reads as a common
noun before a name word.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..orthography import LETTER_FOLD
from .entity_cleanup import DEFAULT_BODY_MARKERS

# person titles, masculine stems without the article; the feminine adds ة
DEFAULT_TITLES = [
    "وزير", "رئيس", "نائب", "متحدث", "ناطق", "مدير", "أمين", "مستشار", "سفير", "مندوب",
    "مبعوث", "ممثل", "محافظ", "قائد", "زعيم", "عضو", "مساعد", "وكيل", "قاضي", "محامي",
    "دكتور", "مهندس", "أستاذ", "بروفيسور", "سيد", "ناشط", "باحث", "محلل", "خبير", "صحفي",
    "كاتب", "مراسل", "مدرب", "لاعب", "مهاجم", "مدافع", "حارس", "فنان", "مخرج",
    "مغني", "لواء", "عميد", "عقيد", "مقدم", "رائد", "نقيب", "مشير", "جنرال",
    "مفوض", "منسق", "مسؤول", "عمدة", "حاكم", "والي", "أمير", "شيخ", "مدعي", "آمر",
]
# words that carry a title phrase on: the entity cleanup's body markers (المتحدث باسم
# الحكومة) and عام (مدير عام الشركة)
DEFAULT_LINKS = [*DEFAULT_BODY_MARKERS, "عام"]
# tags of the words of a name the NER missed (UD Arabic-PADT tags most names X); with NOUN
# and ADJ a name runs on into the words after it (حيدر العبادي بإقالة عدد)
DEFAULT_NAME_TAGS = ["PROPN", "X"]
# tags of the word after a name: a complementizer, a preposition, punctuation
DEFAULT_BOUNDARY_TAGS = ["SCONJ", "ADP", "PUNCT"]
# entities a title phrase runs through (وزير خارجية فرنسا، المتحدث باسم الأمم المتحدة)
BODY_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
_ARTICLE = "ال"
_ALEFS = frozenset("اأإآ")


@Language.factory(
    "khabar_titled_names", assigns=["doc.ents"],
    requires=["token.pos", "token.morph", "doc.ents"],
    default_config={"titles": DEFAULT_TITLES, "links": DEFAULT_LINKS,
                    "name_tags": DEFAULT_NAME_TAGS, "boundary_tags": DEFAULT_BOUNDARY_TAGS,
                    "max_name_words": 4, "max_title_words": 8, "construct_nouns": False,
                    "place_prepositions": [], "given_name_tags": []},
)
def make_titled_names(nlp: Language, name: str, titles: list[str], links: list[str],
                      name_tags: list[str], boundary_tags: list[str], max_name_words: int,
                      max_title_words: int, construct_nouns: bool,
                      place_prepositions: list[str], given_name_tags: list[str],
                      ) -> TitledNames:
    """``construct_nouns``, ``place_prepositions`` and ``given_name_tags`` (0.11.0; off by
    default, so a pipeline saved without them keeps its output) widen what is read."""
    return TitledNames(titles, links, name_tags, boundary_tags, max_name_words,
                       max_title_words, construct_nouns=construct_nouns,
                       place_prepositions=place_prepositions, given_name_tags=given_name_tags)


def _fold(word: str) -> str:
    return word.translate(LETTER_FOLD)


class TitledNames:
    def __init__(self, titles: Iterable[str], links: Iterable[str] = DEFAULT_LINKS,
                 name_tags: Iterable[str] = DEFAULT_NAME_TAGS,
                 boundary_tags: Iterable[str] = DEFAULT_BOUNDARY_TAGS,
                 max_name_words: int = 4, max_title_words: int = 8, *,
                 construct_nouns: bool = False, place_prepositions: Iterable[str] = (),
                 given_name_tags: Iterable[str] = ()) -> None:
        stems = {_fold(t) for t in titles}
        self.titles = frozenset(stems | {s + _fold("ة") for s in stems})
        self.links = frozenset(_fold(w) for w in links)
        self.name_tags = frozenset(name_tags)
        self.boundary_tags = frozenset(boundary_tags)
        self.max_name_words = max_name_words
        self.max_title_words = max_title_words
        # a noun in construct continues the phrase (رئيسة مجلس إدارة بنك المنامة)
        self.construct_nouns = construct_nouns
        # a preposition before a place or body continues it (المدعية العامة في مرسيليا)
        self.place_prepositions = frozenset(_fold(w) for w in place_prepositions)
        # tags a given name may have where a name word follows it (نزهة/NOUN بنعلي/X)
        self.given_name_tags = frozenset(given_name_tags)

    def _is_title(self, token) -> bool:  # noqa: ANN001
        word = _fold(token.norm_)
        if word.startswith(_fold(_ARTICLE)):
            word = word[len(_ARTICLE):]
        return word in self.titles

    @staticmethod
    def _definite(token) -> bool:  # noqa: ANN001
        """Written with the article, or after ``لل`` (the norm restores it: ل + لاجئين);
        not a word that merely folds to ال (إلينا)."""
        text = token.text
        return token.is_alpha and (text.startswith(_ARTICLE) or (
            token.norm_.startswith(_ARTICLE) and text[:1] not in _ALEFS))

    def _title_end(self, doc: Doc, i: int, end: int, ent_at: dict[int, Span]) -> int:
        """The token after the title phrase that opens with title ``i``."""
        j = i + 1
        while j < end and j - i <= self.max_title_words:
            token = doc[j]
            ent = ent_at.get(j)
            if ent is not None and ent.label_ in BODY_LABELS:
                j = ent.end
            elif (self._definite(token) or self._is_title(token)
                  or _fold(token.text) in self.links):
                j += 1
            elif token.pos_ == "ADP" and not token.whitespace_ and j + 1 < end and \
                    _fold(doc[j + 1].text) in self.links:
                j += 2  # ب + اسم
            elif token.pos_ == "ADP" and not token.whitespace_ and j + 1 < end and (
                    self._definite(doc[j + 1]) or j + 1 in ent_at
                    or self._in_construct(doc[j + 1])):
                j += 1  # لل / ل / ب glued to a definite word or a name: للاجئين، لشركة أبل
            elif self._in_construct(token):
                j += 1
            elif _fold(token.text) in self.place_prepositions and j + 1 in ent_at \
                    and ent_at[j + 1].start == j + 1 and ent_at[j + 1].label_ in BODY_LABELS:
                j = ent_at[j + 1].end
            else:
                break
        return j

    def _in_construct(self, token) -> bool:  # noqa: ANN001
        return self.construct_nouns and token.pos_ == "NOUN" and token.is_alpha \
            and "Cons" in token.morph.get("Definite")

    def _word_end(self, doc: Doc, k: int, end: int) -> int:
        """The token after the written word that starts at token ``k``."""
        while k < end - 1 and not doc[k].whitespace_:
            k += 1
        return k + 1

    def _name_end(self, doc: Doc, j: int, end: int) -> int:
        """The token after the run of name words from ``j`` (``j`` for none): whole written
        words whose last token has a name tag, the first one also with no clitic before it
        (فالتونين, read ف + التونين, is a name's second word)."""
        k, words = j, 0
        while k < end and words < self.max_name_words:
            nxt = self._word_end(doc, k, end)
            tokens = doc[k:nxt]
            tags = self.name_tags
            if words == 0 and self.given_name_tags and nxt < end:
                after = doc[nxt:self._word_end(doc, nxt, end)]
                if after[-1].pos_ in self.name_tags and after[-1].is_alpha:
                    tags = tags | self.given_name_tags
            if tokens[-1].pos_ not in tags or not tokens[-1].is_alpha:
                break
            if len(tokens) > 1 and (words == 0 or any(len(t) > 1 or not t.is_alpha
                                                      for t in tokens[:-1])):
                break
            if (words == 0 and self._definite(tokens[-1])) or self._is_title(tokens[-1]):
                break
            k, words = nxt, words + 1
        return k

    def _person_end(self, doc: Doc, start: int, end: int) -> int:
        """Where the words after the NER's person name stop: at a definite word, which
        continues the clause (عوض العقيلي التهنئة), not the name."""
        for k in range(start, end):
            if self._definite(doc[k]):
                return k
        return end

    @staticmethod
    def _words(doc: Doc, start: int, end: int) -> int:
        return sum(1 for t in doc[start:end] if t.whitespace_ or t.i == end - 1)

    def _at_boundary(self, doc: Doc, k: int, end: int) -> bool:
        return k >= end or doc[k].pos_ in self.boundary_tags or doc[k].is_punct

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("POS"):
            return doc
        ents = list(doc.ents)
        ent_at = {i: e for e in ents for i in range(e.start, e.end)}
        new: list[Span] = []
        drop: set[Span] = set()
        for sent in doc.sents if doc.has_annotation("SENT_START") else [doc[:]]:
            i = sent.start
            while i < sent.end:
                if not self._is_title(doc[i]) or i in ent_at:
                    i += 1
                    continue
                j = self._title_end(doc, i, sent.end, ent_at)
                if j == i + 1 and not self._definite(doc[i]):
                    i += 1  # مستشار أبحاث: an indefinite title before its genitive
                    continue
                k = self._name_end(doc, j, sent.end)
                inside = {ent_at[t] for t in range(j, k) if t in ent_at}
                if inside and self.construct_nouns:
                    k = self._person_end(doc, max(e.end for e in inside), k)
                if k > j and self._at_boundary(doc, k, sent.end):
                    fits = all(e.label_ == "PER" and e.start >= j and e.end <= k for e in inside)
                    # a name of one word only where it extends the NER's (العميد يحيى رسول)
                    if fits and (inside or self._words(doc, j, k) >= 2):
                        drop |= inside
                        new.append(Span(doc, j, k, label="PER"))
                i = max(k, i + 1)
        if new:
            doc.ents = [e for e in ents if e not in drop] + new
        return doc
