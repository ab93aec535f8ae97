"""The name-swap augmenter of configs/ner.cfg (khabar.augment)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from khabar.augment import NamePool, plan_replacements, read_person_names, swap_names

REPO = Path(__file__).resolve().parents[1]
NAMES = REPO / "corpus" / "names" / "person_names.tsv"

WORDS = ["وقال", "كوفي", "أنان", "في", "نيويورك", "إن", "أنان", "و", "بلير", "اتفقا", "."]
SPACES = [True, True, True, True, True, True, True, False, True, False, False]
IOB = ["O", "B-PER", "I-PER", "O", "B-GPE", "O", "B-PER", "O", "B-PER", "", "O"]


def reference(nlp) -> Doc:
    return Doc(nlp.vocab, words=WORDS, spaces=SPACES, ents=IOB,
               sent_starts=[True] + [False] * (len(WORDS) - 1))


def augmenter(probability: float):
    return registry.augmenters.get("khabar.name_swap.v1")(names=NAMES, probability=probability)


def test_renamed_copy_keeps_everything_but_the_names(blank_nlp):
    ref = reference(blank_nlp)
    [out] = augmenter(1.0)(blank_nlp, Example(blank_nlp.make_doc(ref.text), ref))
    new = out.reference
    people = [e for e in new.ents if e.label_ == "PER"]
    assert len(people) == 3 and [e.text for e in people] != ["كوفي أنان", "أنان", "بلير"]
    assert [(e.text, e.label_) for e in new.ents if e.label_ != "PER"] == [("نيويورك", "GPE")]
    # the token marked missing stays missing, the sentence start stays
    assert [t.ent_iob_ for t in new if t.text == "اتفقا"] == [""]
    assert new[0].is_sent_start and new.text.endswith("اتفقا.")
    # the proclitic stays attached to the new name, as in the text
    assert "و" + people[2].text in new.text
    # the predicted side is the same text, tokenized anew, and aligns
    assert out.predicted.text == new.text
    tags = out.get_aligned_ner()
    assert tags.count("B-PER") + tags.count("U-PER") >= 2
    for person in people:  # a name inside a token the segmenter kept whole is missing, not O
        covered = [tags[t.i] for t in out.predicted.char_span(
            person.start_char, person.end_char, alignment_mode="expand")]
        assert "O" not in covered and any(covered) or covered == [None]


def test_a_later_surname_mention_gets_the_new_surname(blank_nlp):
    ref = reference(blank_nlp)
    mentions = [e for e in ref.ents if e.label_ == "PER"]
    pool = read_person_names(NAMES)
    plan = plan_replacements(mentions, pool, seen_share=0.0, rng=random.Random(1))
    full, later = plan[1], plan[6]
    assert len(full) == 2 and later == full[-1:]
    new = swap_names(blank_nlp, Example(blank_nlp.make_doc(ref.text), ref), plan).reference
    assert [e.text for e in new.ents if e.label_ == "PER"][:2] == [" ".join(full), later[0]]


def test_probability_zero_and_examples_without_people_pass_through(blank_nlp):
    ref = reference(blank_nlp)
    example = Example(blank_nlp.make_doc(ref.text), ref)
    assert list(augmenter(0.0)(blank_nlp, example)) == [example]
    plain = Doc(blank_nlp.vocab, words=["في", "نيويورك"], ents=["O", "B-GPE"])
    plain_example = Example(blank_nlp.make_doc(plain.text), plain)
    assert list(augmenter(1.0)(blank_nlp, plain_example)) == [plain_example]


def test_names_read_in_the_stream_are_reused_but_not_clitic_fragments():
    pool = NamePool(given={"f": ["هدى"], "m": ["هشام"]}, family=["الخليلي"])
    rng = random.Random(0)
    pool.remember(("ل", "وتارو"), rng)
    pool.remember(("جورج", "بوش"), rng)
    assert pool.seen == [("جورج", "بوش")]
    assert pool.draw(2, seen_share=1.0, rng=rng) == ["جورج", "بوش"]
    assert pool.draw(1, seen_share=1.0, rng=rng) == ["بوش"]
    assert pool.draw(2, seen_share=0.0, rng=rng)[-1] == "الخليلي"


def test_a_bad_names_file_says_where(tmp_path: Path):
    bad = tmp_path / "names.tsv"
    bad.write_text("# comment\nname\tpart\tgender\nهدى\tgiven\tf\nالخليلي\tsurname\t-\n",
                   encoding="utf8")
    with pytest.raises(ValueError, match=r"names.tsv:4: part must be"):
        read_person_names(bad)
    bad.write_text("name\tpart\tgender\nهدى given f\n", encoding="utf8")
    with pytest.raises(ValueError, match=r"names.tsv:2: expected"):
        read_person_names(bad)


def test_our_name_list_keeps_the_name_probe_held_out():
    """benchmarks/name_probe.py measures names the NER never saw in our list."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import name_probe
    finally:
        sys.path.pop(0)
    probe_words = {w for name in name_probe.MEN + name_probe.WOMEN for w in name.split()}
    pool = read_person_names(NAMES)
    ours = {w for names in (*pool.given.values(), pool.family) for name in names
            for w in name.split()}
    assert len(pool.given["f"]) > 50 and len(pool.family) > 50
    assert not ours & probe_words
