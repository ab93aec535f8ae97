"""UD Arabic-PADT (UD v1 era, dev + test only) → UD v2 sentences with a reconstructed raw text.

The shared copy (``ud_padt_v1_devtest/``, see its PROVENANCE.md) is segmented into syntactic
words, fully vocalised, labelled with UD v1 relations and has no ``# text`` and no multiword
token lines. To train a clitic-segmenting tokenizer and score it on raw text we need the
orthographic sentence, so this module rebuilds it from the syntactic words and records, for
every word, its character span in that text.

UD v1 → v2 (checked against the data; the v2 PADT release applies the same renamings)

=================  ============================================================================
v1                 v2
=================  ============================================================================
``dobj``           ``obj``
``nsubjpass``      ``nsubj:pass``; ``csubjpass`` → ``csubj:pass``; ``auxpass`` → ``aux:pass``
``mwe``            ``fixed``; ``name`` → ``flat``; ``foreign`` → ``flat:foreign``
``neg``            ``advmod`` (``det`` when the word is a DET), as the v2 guidelines say
``remnant``        first remnant of an elided clause → ``conj`` of the predicate governing its
                   correspondent, later remnants of that clause → ``orphan`` of the first one
                   (the promotion rule of the v2 ellipsis guidelines; no remnant occurs in PADT)
``nmod``           ``obl`` when the head is a VERB/AUX, or an ADJ/ADV and the dependent has a
                   ``case`` child (v2 ``obl`` = nominal dependent of a predicate)
``cc``             re-attached from the first conjunct to the next following conjunct of the
                   same head (v2 attaches cc to the conjunct it introduces)
root ``و``/``ف``   PADT v1 makes a sentence-initial conjunction the root (796 of 1,490
                   sentences) with the clauses as ``parataxis``/``advcl``/``dep``; the first
                   clause becomes the root, the conjunction its ``cc``, further clauses ``conj``
UPOS ``CONJ``      ``SCONJ`` when the word is a ``mark``, else ``CCONJ``
``Definite=Red``   ``Definite=Cons``; ``Foreign=Foreign`` → ``Foreign=Yes``;
                   ``Negative=Neg`` → ``Polarity=Neg``; other features are unchanged
=================  ============================================================================

Known v1 oddities left as they are: relative pronouns attached as ``cc`` to their antecedent
and a few ``cc``-attached nouns (fixed by hand only in v2.2).

Forms: FORM and LEMMA lose the vocalisation (U+064B–U+0652, U+0670, tatweel); the vocalised
form is kept in MISC ``Vform=`` (and ``Vlemma=``), the original MISC (``Translit=`` …) follows.

Raw text reconstruction (:func:`rule_surface`)

- proclitics: a one-letter و ف ب ل ك س or interrogative أ that is a CONJ/ADP/PART joins the
  next word (not punctuation); ل + article drops the alef (``للمدينة``), and the article's ل
  too when the stem starts with ل (``للجنة``, ``لله``); ب ك و ف + article keep both;
- enclitics: a personal pronoun (XPOS ``SP``) in the genitive or accusative joins the
  preceding word; that word's final ة → ت, ى → ا, verbal ``وا`` → ``و``, and a final hamza
  takes the seat its (vocalised) case vowel asks for (ئ after i, ؤ after u, أ after a unless
  it follows an alef); ي + pronoun ي merge into one letter (``فيّ``), the pronoun keeping it;
- fused pairs: من/عن + ما/من → مما ممن عما عمن, في + ما → فيما, أن + لا → ألا;
- spacing: no space before ``. , ، : ; ! ? ؟ ) ] } » %``, none after ``( [ { «``, straight
  quotes alternate open/close within the sentence, ``- / . , : ر`` between two numbers join.

Where MWT lines or ``# text`` exist they are ground truth (:func:`gold_surface`: MWT forms
give the tokens, ``# text`` the spacing, runs of whitespace become one space), and
:class:`Agreement` measures the rules against them; the PADT files here have neither. As a
proxy, 93.6% of the 7,328 reconstructed clitic-joined tokens occur in 15,000 articles of the
shared raw news; the misses checked by hand were rare but well-formed words.

What cannot be recovered: the original spelling variants that PADT normalised (hamza seats
and bare alef ا/أ/إ in unvocalised sources, ى/ي and ه/ة confusions, missing hamzas), digits
(PADT has Arabic-Indic digits; the source's style is unknown), the source's punctuation
spacing and quote characters, whether ``في ما``/``كل ما``-type pairs were written joined (only the
pairs above are joined), tatweel and any elongation, and the original line/paragraph layout
(a PADT "sentence" is often a whole paragraph).

Tokens PADT left unanalysed (XPOS ``U``: unvocalised, clitics unsplit, e.g. ``وذلك``) are
already orthographic words and are kept whole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..paths import REPO_ROOT, corpora_dir

PADT_DIRNAME = "ud_padt_v1_devtest"
DEFAULT_VERSION = "c4a942c_2016-04-22"  # lemmas and a few corrections over r1.2; same words
SPLIT_FILE = REPO_ROOT / "corpus" / "ud_padt_split.json"
TUNE_EVERY = 7  # every 7th dev document (sorted ids, 1-based) is tune, the rest train

_DIACRITICS = re.compile("[\u064b-\u0652\u0670]")
_TATWEEL = "\u0640"
_FATHA, _DAMMA, _KASRA = "\u064e", "\u064f", "\u0650"

DEPREL_V1_TO_V2 = {
    "dobj": "obj",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "mwe": "fixed",
    "name": "flat",
    "foreign": "flat:foreign",
    "neg": "advmod",
}
FEATURE_V1_TO_V2 = {
    "Definite=Red": "Definite=Cons",
    "Foreign=Foreign": "Foreign=Yes",
    "Negative=Neg": "Polarity=Neg",
}
PROCLITICS = frozenset("وفبلكسأ")
PROCLITIC_UPOS = frozenset({"CONJ", "CCONJ", "SCONJ", "ADP", "PART"})
FUSED_PAIRS = {
    ("من", "ما"): "م",
    ("من", "من"): "م",
    ("عن", "ما"): "ع",
    ("عن", "من"): "ع",
    ("في", "ما"): "في",
    ("أن", "لا"): "أ",
}
_PUNCT_UPOS = frozenset({"PUNCT", "SYM"})
_NO_SPACE_BEFORE = frozenset(".,،:;!?؟)]}»%")
_NO_SPACE_AFTER = frozenset("([{«")
_NUMBER_JOINERS = frozenset("-/.,:ر")


# --------------------------------------------------------------------------- CoNLL-U


@dataclass
class Word:
    """One syntactic-word line of a CoNLL-U file (ids and heads as ints, 0 = root)."""

    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    deps: str = "_"
    misc: str = "_"

    def misc_value(self, key: str) -> str | None:
        for item in self.misc.split("|"):
            k, sep, v = item.partition("=")
            if sep and k == key:
                return v
        return None


@dataclass
class MultiwordToken:
    first: int
    last: int
    form: str
    misc: str = "_"


@dataclass
class Sentence:
    comments: list[tuple[str, str]]
    words: list[Word]
    mwts: list[MultiwordToken] = field(default_factory=list)

    def meta(self, key: str) -> str | None:
        return next((v for k, v in self.comments if k == key), None)


def _parse_comment(line: str) -> tuple[str, str]:
    """``# key = value`` (UD v2) or ``# key value`` (PADT v1's ``# sent_id s-p1``)."""
    body = line[1:].strip()
    key, sep, value = body.partition("=")
    if sep and (" " not in key.strip() or key.strip() in ("newdoc id", "newpar id")):
        return key.strip(), value.strip()
    key, _, value = body.partition(" ")
    return key, value.strip()


def parse_conllu(lines: Iterable[str]) -> Iterator[Sentence]:
    """Sentences of CoNLL-U text; empty nodes (``1.1``) are skipped, MWT ranges kept."""
    comments: list[tuple[str, str]] = []
    words: list[Word] = []
    mwts: list[MultiwordToken] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            if words:
                yield Sentence(comments, words, mwts)
            comments, words, mwts = [], [], []
        elif line.startswith("#"):
            comments.append(_parse_comment(line))
        else:
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"not a 10-column CoNLL-U line: {line!r}")
            if "-" in cols[0]:
                first, last = cols[0].split("-")
                mwts.append(MultiwordToken(int(first), int(last), cols[1], cols[9]))
            elif "." not in cols[0]:
                head = int(cols[6]) if cols[6] != "_" else 0
                words.append(Word(int(cols[0]), *cols[1:6], head, *cols[7:10]))  # type: ignore[arg-type]
    if words:
        yield Sentence(comments, words, mwts)


def read_conllu(path: Path | str) -> list[Sentence]:
    with open(path, encoding="utf8") as f:
        return list(parse_conllu(f))


# --------------------------------------------------------------------------- v1 → v2


def devocalise(form: str) -> str:
    """Drop short vowels, shadda, tanwin, dagger alef and tatweel; a lone tatweel (PADT's
    dash-like punctuation) is kept so that no word becomes empty."""
    bare = _DIACRITICS.sub("", form)
    stripped = bare.replace(_TATWEEL, "")
    return stripped or bare or form


def convert_feats(feats: str) -> str:
    if feats in ("", "_"):
        return "_"
    items = [FEATURE_V1_TO_V2.get(f, f) for f in feats.split("|")]
    return "|".join(sorted(items, key=lambda f: f.split("=")[0].lower()))


def _children(words: Sequence[Word], head_id: int) -> list[Word]:
    return [w for w in words if w.head == head_id]


def _promote_conjunction_root(words: list[Word]) -> None:
    """v1 PADT's root conjunction → cc of the first clause, which becomes the root."""
    root = next((w for w in words if w.head == 0), None)
    if root is None or root.upos not in ("CONJ", "CCONJ"):
        return
    clauses = [w for w in _children(words, root.id) if w.deprel in ("parataxis", "advcl", "dep")]
    if not clauses:
        return
    new_root, others = clauses[0], clauses[1:]
    new_root.head, new_root.deprel = 0, "root"
    root.head, root.deprel = new_root.id, "cc"
    for w in _children(words, root.id):
        w.head = new_root.id
        if w in others:
            w.deprel = "conj"


def _convert_remnants(words: list[Word]) -> None:
    by_id = {w.id: w for w in words}
    first_remnant: dict[int, Word] = {}  # governing predicate of the correspondent → promoted
    for w in words:
        if w.deprel != "remnant":
            continue
        correspondent = by_id[w.head]
        predicate = correspondent.head or correspondent.id
        if predicate in first_remnant:
            w.head, w.deprel = first_remnant[predicate].id, "orphan"
        else:
            first_remnant[predicate] = w
            w.head, w.deprel = predicate, "conj"


def _reattach_cc(words: list[Word]) -> None:
    for w in words:
        if w.deprel != "cc" or not w.head:
            continue
        following = [c for c in _children(words, w.head) if c.deprel == "conj" and c.id > w.id]
        if following and w.head < w.id:
            w.head = following[0].id


def _relabel(words: list[Word]) -> None:
    by_id = {w.id: w for w in words}
    for w in words:
        head = by_id.get(w.head)
        if w.deprel == "neg" and w.upos == "DET":
            w.deprel = "det"
        w.deprel = DEPREL_V1_TO_V2.get(w.deprel, w.deprel)
        if w.deprel == "nmod" and head is not None and _is_predicate(head, w, words):
            w.deprel = "obl"
        if w.upos == "CONJ":
            w.upos = "SCONJ" if w.deprel == "mark" else "CCONJ"
        w.feats = convert_feats(w.feats)


def _is_predicate(head: Word, dependent: Word, words: Sequence[Word]) -> bool:
    if head.upos in ("VERB", "AUX"):
        return True
    has_case = any(c.deprel == "case" for c in _children(words, dependent.id))
    return head.upos in ("ADJ", "ADV") and has_case


def _with_vocalisation(w: Word) -> Word:
    misc = [f"Vform={w.form}"]
    lemma = devocalise(w.lemma) if w.lemma not in ("_", "") else "_"
    if lemma not in ("_", w.lemma):
        misc.append(f"Vlemma={w.lemma}")
    misc += [m for m in w.misc.split("|") if m != "_"]
    return replace(w, form=devocalise(w.form), lemma=lemma, misc="|".join(misc))


def convert_sentence(sentence: Sentence) -> Sentence:
    """A UD v2 copy of a v1 sentence with unvocalised FORM/LEMMA (the input is untouched)."""
    words = [replace(w) for w in sentence.words]
    _convert_remnants(words)
    _promote_conjunction_root(words)
    _reattach_cc(words)
    _relabel(words)
    words = [_with_vocalisation(w) for w in words]
    return Sentence(list(sentence.comments), words, list(sentence.mwts))


# --------------------------------------------------------------------------- surface text


@dataclass(frozen=True)
class Piece:
    """A syntactic word's slice of the raw text; ``norm`` is its underlying form."""

    word: int  # index into the sentence's words
    start: int
    end: int
    text: str
    norm: str


@dataclass(frozen=True)
class SurfaceToken:
    """An orthographic (whitespace/punctuation-delimited) token and its syntactic words."""

    start: int
    end: int
    text: str
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Surface:
    text: str
    tokens: tuple[SurfaceToken, ...]

    @property
    def pieces(self) -> list[Piece]:
        return [p for t in self.tokens for p in t.pieces]

    def spaces(self) -> list[bool]:
        """Whether whitespace follows each piece (spaCy's ``spaces``)."""
        return [p.end < len(self.text) and self.text[p.end].isspace() for p in self.pieces]


def vocalised(w: Word) -> str:
    return w.misc_value("Vform") or w.form


def _case_digit(w: Word) -> str:
    return w.xpos[8] if len(w.xpos) == 10 else ""


def is_proclitic(w: Word, nxt: Word | None) -> bool:
    return (
        nxt is not None
        and w.form in PROCLITICS
        and w.upos in PROCLITIC_UPOS
        and nxt.upos not in _PUNCT_UPOS
    )


def is_enclitic(w: Word, prev: Word | None) -> bool:
    """An attached personal pronoun: genitive/accusative ``SP`` (independent ones are nominative
    ``هو``, ``هم`` … or ``إياه``, which PADT tags as a separate word)."""
    if prev is None or prev.upos in _PUNCT_UPOS or w.upos != "PRON" or not w.xpos.startswith("SP"):
        return False
    case = _case_digit(w) or (
        "2" if "Case=Gen" in w.feats else "4" if "Case=Acc" in w.feats else ""
    )
    return case in ("2", "4")


def _fuses(w: Word, nxt: Word | None) -> bool:
    return nxt is not None and (w.form, nxt.form) in FUSED_PAIRS


def rule_groups(words: Sequence[Word]) -> list[list[int]]:
    """Word indices grouped into orthographic tokens by the clitic rules."""
    groups: list[list[int]] = []
    joined_to_next = False
    for i, w in enumerate(words):
        prev = words[i - 1] if i else None
        nxt = words[i + 1] if i + 1 < len(words) else None
        if groups and (joined_to_next or is_enclitic(w, prev)):
            groups[-1].append(i)
        else:
            groups.append([i])
        joined_to_next = is_proclitic(w, nxt) or _fuses(w, nxt)
    return groups


def mwt_groups(sentence: Sentence) -> list[list[int]]:
    """Word indices grouped by the sentence's multiword token lines."""
    index = {w.id: i for i, w in enumerate(sentence.words)}
    ranges = {m.first: m.last for m in sentence.mwts}
    groups: list[list[int]] = []
    i = 0
    while i < len(sentence.words):
        first = sentence.words[i].id
        last = ranges.get(first, first)
        groups.append([index[n] for n in range(first, last + 1)])
        i = index[last] + 1
    return groups


def _has_article(w: Word) -> bool:
    voc = vocalised(w)
    if voc != w.form:  # vocalised: the article is اَل (اِل is a hamzat-wasl stem)
        return voc.startswith("اَل")
    return w.form.startswith("ال") and len(w.form) > 2


def _after_lam(form: str) -> str:
    """The article after the preposition ل: ال drops its alef, and its ل when the stem starts
    with ل (ل + اللجنة = للجنة)."""
    stem = form[2:]
    return stem if stem.startswith("ل") else form[1:]


def _hamza_seat(voc: str) -> str:
    """Seat of a word-final hamza before a suffix, from the case vowel that follows it."""
    vowel = voc[-1] if voc and _DIACRITICS.match(voc[-1]) else ""
    base = devocalise(voc)
    if vowel == _KASRA:
        return "ئ"
    if vowel == _DAMMA:
        return "ؤ"
    if vowel == _FATHA and not base[:-1].endswith("ا"):
        return "أ"
    return base[-1]


def host_before_suffix(w: Word, suffix: str) -> str:
    """The spelling of a word before an attached pronoun."""
    form = w.form
    if suffix == "ي" and form.endswith("ي"):
        return form[:-1] or form
    if form.endswith("ة"):
        return form[:-1] + "ت"
    if form.endswith("ى"):
        return form[:-1] + "ا"
    if form.endswith("وا") and w.upos == "VERB":
        return form[:-1]
    if form.endswith("ء"):
        return form[:-1] + _hamza_seat(vocalised(w))
    return form


def _piece_texts(words: Sequence[Word], group: Sequence[int]) -> list[str]:
    texts = []
    for k, i in enumerate(group):
        w = words[i]
        prev = words[group[k - 1]] if k else None
        nxt = words[group[k + 1]] if k + 1 < len(group) else None
        text = w.form
        if nxt is not None and is_enclitic(nxt, w):
            text = host_before_suffix(w, nxt.form)
        elif nxt is not None and _fuses(w, nxt):
            text = FUSED_PAIRS[(w.form, nxt.form)]
        if prev is not None and prev.form == "ل" and is_proclitic(prev, w) and _has_article(w):
            text = _after_lam(text)
        texts.append(text)
    return texts


def _fit_to(texts: list[str], surface: str) -> list[str]:
    """Split a ground-truth token among its words when the rules spell it differently:
    the rule lengths are kept where possible, every word gets at least one character."""
    if "".join(texts) == surface:
        return texts
    out, pos = [], 0
    for k, t in enumerate(texts):
        remaining = len(texts) - k - 1
        end = (
            len(surface)
            if not remaining
            else min(max(pos + 1, pos + len(t)), len(surface) - remaining)
        )
        out.append(surface[pos:end])
        pos = end
    return out


def rule_spaces(tokens: Sequence[str]) -> list[bool]:
    """Whether a space follows each orthographic token (see the module docstring)."""
    spaces = [True] * len(tokens)
    quote_open = False
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        prev = tokens[i - 1] if i else ""
        if tok == '"':
            closing = quote_open or not nxt or nxt in _NO_SPACE_BEFORE
            quote_open = not closing
            if closing and i:
                spaces[i - 1] = False
            elif not closing:
                spaces[i] = False
        if tok in _NO_SPACE_BEFORE and i:
            spaces[i - 1] = False
        if tok in _NO_SPACE_AFTER:
            spaces[i] = False
        if tok in _NUMBER_JOINERS and prev[-1:].isdigit() and nxt[:1].isdigit():
            spaces[i - 1] = spaces[i] = False
    spaces[-1:] = [False]
    return spaces


def build_surface(
    words: Sequence[Word],
    groups: Sequence[Sequence[int]],
    token_texts: Sequence[str] | None,
    spaces: Sequence[bool] | None = None,
) -> Surface:
    """Lay out the tokens: pieces from the rules, fitted to ``token_texts`` where given."""
    piece_texts = [_piece_texts(words, g) for g in groups]
    if token_texts is not None:
        piece_texts = [_fit_to(t, s) for t, s in zip(piece_texts, token_texts, strict=True)]
    if spaces is None:
        spaces = rule_spaces(["".join(t) for t in piece_texts])
    tokens, pos, chunks = [], 0, []
    for group, texts, space in zip(groups, piece_texts, spaces, strict=True):
        start, pieces = pos, []
        for i, text in zip(group, texts, strict=True):
            pieces.append(Piece(i, pos, pos + len(text), text, words[i].form))
            pos += len(text)
        tokens.append(SurfaceToken(start, pos, "".join(texts), tuple(pieces)))
        chunks.append("".join(texts) + (" " if space else ""))
        pos += 1 if space else 0
    return Surface("".join(chunks), tuple(tokens))


def rule_surface(words: Sequence[Word]) -> Surface:
    """The raw text and spans that the reconstruction rules alone give."""
    return build_surface(words, rule_groups(words), None)


def _gold_spaces(
    sentence: Sentence, groups: Sequence[Sequence[int]], texts: list[str]
) -> list[bool] | None:
    """Spacing from ``# text`` when its letters are the tokens', else from SpaceAfter=No."""
    text = sentence.meta("text")
    if text is not None and re.sub(r"\s", "", text) == "".join(texts):
        spaces, pos = [], 0
        for t in texts:
            pos = text.index(t, pos) + len(t)
            spaces.append(pos < len(text) and text[pos].isspace())
        return spaces
    if not sentence.mwts and not any("SpaceAfter=No" in w.misc for w in sentence.words):
        return None
    last_misc = {m.last: m.misc for m in sentence.mwts}
    return [
        "SpaceAfter=No" not in last_misc.get(sentence.words[g[-1]].id, sentence.words[g[-1]].misc)
        for g in groups
    ]


def gold_surface(sentence: Sentence) -> Surface:
    """The surface text using MWT lines and ``# text`` where the data has them."""
    words = sentence.words
    if not sentence.mwts and sentence.meta("text") is None:
        return rule_surface(words)
    groups = mwt_groups(sentence) if sentence.mwts else rule_groups(words)
    mwt_form = {m.first: m.form for m in sentence.mwts}
    texts = [mwt_form.get(words[g[0]].id) or "".join(_piece_texts(words, g)) for g in groups]
    return build_surface(words, groups, texts, _gold_spaces(sentence, groups, texts))


@dataclass
class Agreement:
    """How often the rules reproduce ground truth (MWT forms, ``# text``) where it exists."""

    tokens: int = 0
    tokens_equal: int = 0
    texts: int = 0
    texts_equal: int = 0
    texts_equal_no_space: int = 0

    def add(self, sentence: Sentence) -> None:
        rules = rule_surface(sentence.words)
        if sentence.mwts:
            by_first = {t.pieces[0].word: t.text for t in rules.tokens}
            index = {w.id: i for i, w in enumerate(sentence.words)}
            for m in sentence.mwts:
                self.tokens += 1
                self.tokens_equal += by_first.get(index[m.first]) == m.form
        text = sentence.meta("text")
        if text is not None:
            self.texts += 1
            self.texts_equal += rules.text == text
            self.texts_equal_no_space += re.sub(r"\s", "", rules.text) == re.sub(r"\s", "", text)

    def summary(self) -> str:
        if not self.tokens and not self.texts:
            return "no ground truth in the data (no '# text', no multiword token lines)"
        return (
            f"multiword tokens {self.tokens_equal}/{self.tokens}, sentence texts "
            f"{self.texts_equal}/{self.texts} exact, {self.texts_equal_no_space}/{self.texts} "
            "ignoring whitespace"
        )


# --------------------------------------------------------------------------- corpus


@dataclass
class PadtSentence:
    """A converted sentence with its document, new sentence id and surface text."""

    doc_id: str
    sent_id: str
    sentence: Sentence  # UD v2 labels, unvocalised forms
    surface: Surface


def document_id(sentence: Sentence) -> str:
    """``AFP_ARB_20000715.0011`` from ``# orig_file_sentence AFP_ARB_20000715.0011#1``."""
    for key in ("orig_file_sentence", "sent_id"):
        value = sentence.meta(key)
        if value and "#" in value:
            return value.rsplit("#", 1)[0]
    doc = sentence.meta("newdoc id")
    if doc:
        return doc
    raise ValueError(f"no document id in {sentence.comments}")


def convert_file(path: Path) -> list[PadtSentence]:
    out = []
    for sentence in read_conllu(path):
        v2 = convert_sentence(sentence)
        doc_id = document_id(sentence)
        orig = sentence.meta("orig_file_sentence") or sentence.meta("sent_id") or ""
        out.append(PadtSentence(doc_id, orig, v2, gold_surface(v2)))
    return out


def padt_dir(version: str = DEFAULT_VERSION) -> Path:
    return corpora_dir() / PADT_DIRNAME / version


def document_ids(sentences: Iterable[PadtSentence]) -> list[str]:
    return sorted({s.doc_id for s in sentences})


def make_split(dev_docs: Iterable[str], test_docs: Iterable[str]) -> dict[str, object]:
    """train/tune from the dev documents (every TUNE_EVERY-th of the sorted ids is tune);
    the official test documents are the test set."""
    dev = sorted(dev_docs)
    tune = [d for n, d in enumerate(dev, 1) if n % TUNE_EVERY == 0]
    return {
        "note": (
            f"UD Arabic-PADT v1 (r1.2/{DEFAULT_VERSION}) by document (orig_file_sentence before "
            f"'#'): test = the ar-ud-test documents; tune = every {TUNE_EVERY}th of the sorted "
            "ar-ud-dev document ids (1-based), train = the other dev documents. "
            "Written by khabar.corpus.padt.make_split."
        ),
        "train": [d for d in dev if d not in tune],
        "tune": tune,
        "test": sorted(test_docs),
    }


def load_split(path: Path = SPLIT_FILE) -> dict[str, list[str]]:
    data = json.loads(path.read_text(encoding="utf8"))
    return {k: data[k] for k in ("train", "tune", "test")}


def load_padt(
    version: str = DEFAULT_VERSION, split: dict[str, list[str]] | None = None
) -> dict[str, list[PadtSentence]]:
    """All PADT sentences converted and divided by document into train/tune/test."""
    folder = padt_dir(version)
    sentences = convert_file(folder / "ar-ud-dev.conllu") + convert_file(
        folder / "ar-ud-test.conllu"
    )
    split = split or load_split()
    where = {d: name for name, docs in split.items() for d in docs}
    missing = sorted({s.doc_id for s in sentences} - where.keys())
    if missing:
        raise ValueError(f"documents not in the split file: {missing[:5]}")
    out: dict[str, list[PadtSentence]] = {name: [] for name in split}
    for s in sentences:
        out[where[s.doc_id]].append(s)
    return out


# --------------------------------------------------------------------------- writers


def _misc(items: Iterable[str]) -> str:
    kept = [i for i in items if i and i != "_"]
    return "|".join(kept) or "_"


def format_conllu(sent: PadtSentence, newdoc: bool = False) -> str:
    """UD v2 CoNLL-U: ``# text``, MWT lines for multi-word tokens, SpaceAfter=No."""
    lines = [f"# newdoc id = {sent.doc_id}"] if newdoc else []
    lines += [f"# sent_id = {sent.sent_id}", f"# text = {sent.surface.text}"]
    words = sent.sentence.words
    spaces = sent.surface.spaces()
    index = 0
    for token in sent.surface.tokens:
        last = index + len(token.pieces) - 1
        no_space = [] if spaces[last] or last == len(words) - 1 else ["SpaceAfter=No"]
        if len(token.pieces) > 1:
            span = f"{words[index].id}-{words[last].id}"
            lines.append("\t".join([span, token.text, *"_" * 7, _misc(no_space)]))
            no_space = []
        for piece in token.pieces:
            w = words[piece.word]
            misc = _misc([*w.misc.split("|"), *(no_space if piece.word == last else [])])
            cols = [w.id, w.form, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel, w.deps, misc]
            lines.append("\t".join(map(str, cols)))
        index = last + 1
    return "\n".join(lines) + "\n\n"


def write_conllu(sentences: Sequence[PadtSentence], path: Path) -> None:
    with open(path, "w", encoding="utf8") as f:
        for i, s in enumerate(sentences):
            f.write(format_conllu(s, newdoc=i == 0 or sentences[i - 1].doc_id != s.doc_id))


def sentence_to_doc(vocab: Vocab, sent: PadtSentence) -> Doc:
    """A gold Doc: one token per syntactic word, texts are slices of the raw text and
    ``norm_`` is the underlying form where the spelling differs (ل + لمدينة → المدينة)."""
    words = sent.sentence.words
    pieces = sent.surface.pieces
    ws = [words[p.word] for p in pieces]
    position = {w.id: i for i, w in enumerate(words)}
    doc = Doc(
        vocab,
        words=[p.text for p in pieces],
        spaces=sent.surface.spaces(),
        pos=[w.upos for w in ws],
        tags=[w.xpos for w in ws],
        morphs=[w.feats if w.feats != "_" else "" for w in ws],
        lemmas=[w.lemma if w.lemma != "_" else "" for w in ws],
        heads=[position[w.head] if w.head else i for i, w in enumerate(ws)],
        deps=["ROOT" if not w.head else w.deprel for w in ws],
        sent_starts=[i == 0 for i in range(len(ws))],
    )
    for token, piece in zip(doc, pieces, strict=True):
        if piece.norm != piece.text:
            token.norm_ = piece.norm
    return doc


def documents_to_docs(vocab: Vocab, sentences: Sequence[PadtSentence]) -> list[Doc]:
    """One Doc per document (sentences joined by a space), ``user_data['doc_id']`` set."""
    docs: list[Doc] = []
    start = 0
    for i in range(1, len(sentences) + 1):
        if i == len(sentences) or sentences[i].doc_id != sentences[start].doc_id:
            doc = Doc.from_docs([sentence_to_doc(vocab, s) for s in sentences[start:i]])
            doc.user_data["doc_id"] = sentences[start].doc_id
            docs.append(doc)
            start = i
    return docs
