"""The UD evaluator on a hand-made gold/system pair whose scores were computed by hand.

Gold ``وبالمدينة زار الوزير.``: و + ب + المدينة in one multiword token, then زار (root),
الوزير, ``.``. The system segments the first token as و + بالمدينة, attaches الوزير to
بالمدينة, gives زار the wrong lemma, الوزير the wrong case and ``.`` the tag SYM.

- Tokens 4/4 and Sentences 1/1 match.
- Words: in the multiword region only و aligns (LCS of و ب المدينة / و بالمدينة), plus
  زار, الوزير and ``.``: 4 aligned of 6 gold and 5 system words → P 4/5, R 4/6.
- UPOS (``.`` wrong), Lemma (زار), UFeats (الوزير; AdpType is not universal), UAS/LAS
  (الوزير's head is unaligned) each have 3 correct: P 3/5, R 3/6; XPOS 4 correct.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from khabar import ud_eval
from khabar.corpus.padt import parse_conllu

GOLD = """# newdoc id = d1
# sent_id = d1#1
# text = وبالمدينة زار الوزير.
1-3\tوبالمدينة\t_\t_\t_\t_\t_\t_\t_\t_
1\tو\tو\tCCONJ\t_\t_\t4\tcc\t_\t_
2\tب\tب\tADP\t_\t_\t3\tcase\t_\t_
3\tالمدينة\tمدينة\tNOUN\t_\tCase=Gen\t4\tobl\t_\t_
4\tزار\tزار\tVERB\t_\tAspect=Perf\t0\troot\t_\t_
5\tالوزير\tوزير\tNOUN\t_\tCase=Nom|Definite=Def\t4\tnsubj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_

"""
SYSTEM = """# text = وبالمدينة زار الوزير.
1-2\tوبالمدينة\t_\t_\t_\t_\t_\t_\t_\t_
1\tو\tو\tCCONJ\t_\t_\t3\tcc\t_\t_
2\tبالمدينة\tمدينة\tNOUN\t_\tCase=Gen\t3\tobl\t_\t_
3\tزار\tزور\tVERB\t_\tAdpType=Prep|Aspect=Perf\t0\troot\t_\t_
4\tالوزير\tوزير\tNOUN\t_\tCase=Acc|Definite=Def\t2\tnsubj\t_\tSpaceAfter=No
5\t.\t.\tSYM\t_\t_\t3\tpunct\t_\t_

"""
EXPECTED = {
    "Tokens": (4, 4, 4),  # correct, gold, system
    "Sentences": (1, 1, 1),
    "Words": (4, 6, 5),
    "UPOS": (3, 6, 5),
    "XPOS": (4, 6, 5),
    "UFeats": (3, 6, 5),
    "Lemma": (3, 6, 5),
    "UAS": (3, 6, 5),
    "LAS": (3, 6, 5),
}


def assert_scores(scores: dict[str, dict[str, float]]) -> None:
    for name, (correct, gold, system) in EXPECTED.items():
        p, r = correct / system, correct / gold
        assert scores[name]["p"] == pytest.approx(p), name
        assert scores[name]["r"] == pytest.approx(r), name
        assert scores[name]["f"] == pytest.approx(2 * p * r / (p + r)), name
    assert scores["Words"]["f"] == pytest.approx(8 / 11)
    assert scores["UAS"]["aligned_accuracy"] == pytest.approx(3 / 4)


def test_conllu_scores_by_hand(tmp_path: Path) -> None:
    (tmp_path / "gold.conllu").write_text(GOLD, encoding="utf8")
    (tmp_path / "sys.conllu").write_text(SYSTEM, encoding="utf8")
    assert_scores(ud_eval.evaluate_conllu(tmp_path / "gold.conllu", tmp_path / "sys.conllu"))
    perfect = ud_eval.evaluate_conllu(tmp_path / "gold.conllu", tmp_path / "gold.conllu")
    assert all(s["f"] == 1.0 for s in perfect.values())


def to_doc(conllu: str) -> Doc:
    """A Doc with one token per syntactic word, as a segmenting tokenizer would produce."""
    (sentence,) = parse_conllu(conllu.splitlines())
    nlp = spacy.blank("ar")
    words = [w.form for w in sentence.words]
    spaces = ["SpaceAfter=No" not in w.misc for w in sentence.words]
    for m in sentence.mwts:
        spaces[m.first - 1 : m.last] = [False] * (m.last - m.first) + [True]
    spaces[-1] = False
    position = {w.id: i for i, w in enumerate(sentence.words)}
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        pos=[w.upos for w in sentence.words],
        morphs=[w.feats.replace("_", "") for w in sentence.words],
        lemmas=[w.lemma for w in sentence.words],
        heads=[position.get(w.head, i) for i, w in enumerate(sentence.words)],
        deps=[w.deprel for w in sentence.words],
        sent_starts=[i == 0 for i in range(len(words))],
    )


def test_doc_scores_match_the_conllu_scores() -> None:
    gold, system = to_doc(GOLD), to_doc(SYSTEM)
    assert gold.text == "وبالمدينة زار الوزير."
    assert_scores(ud_eval.evaluate_docs([gold], [system]))


def test_text_mismatch_is_an_error() -> None:
    other = SYSTEM.replace("الوزير", "الامير")
    with pytest.raises(ValueError, match="differ"):
        ud_eval.evaluate(
            ud_eval.from_sentences(parse_conllu(GOLD.splitlines())),
            ud_eval.from_sentences(parse_conllu(other.splitlines())),
        )


def test_plain_tokens_with_different_boundaries_do_not_align() -> None:
    gold = ud_eval.from_sentences(parse_conllu(["1\tab\t_\tX\t_\t_\t0\troot\t_\t_", ""]))
    sys_lines = ["1\ta\t_\tX\t_\t_\t0\troot\t_\tSpaceAfter=No", "2\tb\t_\tX\t_\t_\t1\tdep\t_\t_"]
    scores = ud_eval.evaluate(gold, ud_eval.from_sentences(parse_conllu(sys_lines)))
    assert scores["Words"]["r"] == 0.0 and scores["Tokens"]["p"] == 0.0
    assert scores["Sentences"]["f"] == 1.0


def test_gold_texts_per_sentence_or_document() -> None:
    sentences = list(parse_conllu((GOLD + GOLD.replace("# newdoc id = d1\n", "")).splitlines()))
    assert ud_eval.gold_texts(sentences, per_document=False) == ["وبالمدينة زار الوزير."] * 2
    assert ud_eval.gold_texts(sentences, per_document=True) == [
        "وبالمدينة زار الوزير. وبالمدينة زار الوزير."
    ]
