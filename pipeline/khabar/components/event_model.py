"""``khabar_event_model``: ACE event extraction, lexicon rules plus trained classifiers.

The component runs the ``khabar_events`` lexicon rules itself and keeps their triggers and
arguments; two trained classifiers add what the rules miss. The trigger classifier looks at
the words that were triggers in the training data where the rules found none (هبطت،
أبحر …) and labels them with an ACE subtype or ``O``; the argument classifier scores every
(trigger, candidate) pair of a sentence (entities, time expressions, noun phrases, and any
noun or name the parser sees) that the rules did not take, and labels it with a role or
``None``. A decision is added at ``trigger_add`` / ``argument_add`` probability.

Both classifiers read the shared tok2vec's output (``doc.tensor``, frozen: it is trained for
the NER and the parse) and hashed symbolic features: lemma, dependency path, the word
before a candidate, and the rules' own decisions (``khabar.event_features``). Labels, roles,
the type → role table and the trigger words are learned from the training data and
serialized with the component. Why the models do not overrule the rules: trained on our
153 train articles, a trigger classifier over all candidates stayed far below the lexicon
on held-out train articles, and every threshold at which the models could veto a rule
decision lowered F1 there and on dev.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy import util as spacy_util
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import ensure_path
from spacy.vocab import Vocab
from thinc.api import Config, Model, Optimizer, set_dropout_rate
from thinc.types import Floats2d

from .. import architectures  # noqa: F401  (registers khabar.FeatureClassifier.v1)
from ..event_features import (
    NO_RULE,
    Candidate,
    DocAnalysis,
    analyse,
    pair_candidates,
    pair_rows,
    token_range,
    trigger_candidates,
    trigger_key,
    trigger_rows,
    word_kind,
)
from ..extensions import EVENTS_KEY, offset_pair, register_extensions
from ..scoring import overlaps
from .events import (
    EVENT_SCORE_WEIGHTS,
    LEXICON_FILE,
    Lexicon,
    load_lexicon_data,
    score_event_examples,
    valid_span,
)

register_extensions()

OUTSIDE = "O"
NO_ROLE = "None"
Offsets = tuple[int, int]
Pair = tuple[tuple[int, int], str, Candidate]

_MODEL_CONFIG = """
[model]
@architectures = "khabar.EventModel.v1"

[model.triggers]
@architectures = "khabar.FeatureClassifier.v1"
n_columns = 6
embed_width = 16
embed_rows = 2000
hidden_width = 128
maxout_pieces = 2
dropout = 0.1

[model.arguments]
@architectures = "khabar.FeatureClassifier.v1"
n_columns = 15
embed_width = 16
embed_rows = 2000
hidden_width = 128
maxout_pieces = 2
dropout = 0.1
"""
DEFAULT_MODEL = Config().from_str(_MODEL_CONFIG)["model"]


class TrainedEventExtractor(TrainablePipe):
    """Sets ``doc._.events`` from the rules and the trigger and argument classifiers.

    ``cfg`` holds what training learned (labels, roles, type → role table, trigger words,
    the tensor width); the settings (distance, single roles, thresholds) come from the
    config, so ``spacy.load(..., config=...)`` can change them on a trained pipeline."""

    def __init__(
        self, vocab: Vocab, model: Model, name: str, *, lexicon: Lexicon,
        max_distance: int, single_roles: list[str], trigger_add: float, argument_add: float,
    ) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.lexicon = lexicon
        self.max_distance = max_distance
        self.single_roles = frozenset(single_roles)
        self.trigger_add = trigger_add
        self.argument_add = argument_add
        self.cfg: dict[str, Any] = {
            "trigger_labels": [], "roles": [], "type_roles": {}, "trigger_words": [],
            "tensor_width": 0,
        }

    # -- labels

    @property
    def trigger_labels(self) -> list[str]:
        return self.cfg["trigger_labels"]

    @property
    def roles(self) -> list[str]:
        return self.cfg["roles"]

    @property
    def trigger_words(self) -> frozenset[str]:
        return frozenset(self.cfg["trigger_words"])

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.trigger_labels)

    # -- prediction

    def predict(self, docs: Iterable[Doc]) -> list[list[dict[str, Any]]]:
        return [self._predict_doc(doc) for doc in docs]

    def _predict_doc(self, doc: Doc) -> list[dict[str, Any]]:
        if len(doc) == 0:
            return []
        analysis = analyse(doc, self.lexicon)
        if not analysis.text.strip():
            return []
        width = self.cfg["tensor_width"]
        labels = [OUTSIDE if t == NO_RULE else t for t in analysis.rule_types]
        tokens = self._open_tokens(analysis)
        if tokens:
            triggers = self.model.get_ref("triggers")
            scores = triggers.ops.to_numpy(
                triggers.predict(self._on_device(triggers, trigger_rows(analysis, width, tokens))))
            for i, row in zip(tokens, scores, strict=True):
                k = int(row[1:].argmax()) + 1
                if row[k] >= self.trigger_add:
                    labels[i] = self.trigger_labels[k]
        triggers = self._trigger_spans(analysis, labels)
        found = {
            tokens: [(1.0, role, span) for role, span in self._rule_arguments(analysis, tokens)]
            for tokens, _, _ in triggers
        }
        pairs: list[Pair] = []
        for tokens, etype, _ in triggers:
            taken = [span for _, _, span in found[tokens]]
            pairs.extend(
                (tokens, etype, c)
                for c in pair_candidates(analysis, tokens, self.max_distance)
                if not any(overlaps(c.offsets, span) for span in taken)
                and c.offsets not in analysis.ruled_out
            )
        if pairs:
            model = self.model.get_ref("arguments")
            probs = model.ops.to_numpy(
                model.predict(self._on_device(model, pair_rows(analysis, pairs, width))))
            for (tokens, etype, cand), row in zip(pairs, probs, strict=True):
                role, p = self._likeliest_role(etype, row)
                if p >= self.argument_add and valid_span(cand.offsets, analysis.text):
                    found[tokens].append((p, role, cand.offsets))
        return [
            {"trigger": list(offsets), "type": etype,
             "arguments": self._keep_single_roles(found[tokens])}
            for tokens, etype, offsets in triggers
        ]

    def _open_tokens(self, analysis: DocAnalysis) -> list[int]:
        """Trigger candidates the rules left: the trigger classifier decides on them."""
        return [i for i in trigger_candidates(analysis, self.trigger_words)
                if analysis.rule_types[i] == NO_RULE]

    @staticmethod
    def _rule_arguments(
        analysis: DocAnalysis, tokens: tuple[int, int]
    ) -> list[tuple[str, Offsets]]:
        """The rules' arguments of the rule trigger on ``tokens`` (none for a trigger the
        model added)."""
        event = analysis.rule_events_at.get(tokens)
        return [] if event is None else [
            (a["role"], offset_pair(a["span"])) for a in event["arguments"]]

    def _trigger_spans(
        self, analysis: DocAnalysis, labels: list[str]
    ) -> list[tuple[tuple[int, int], str, Offsets]]:
        """Runs of tokens with one subtype, inside one whitespace word, as triggers. Their
        offsets are the rules' where a rule trigger lies on the same tokens (the rules know
        which letters are clitics), else the tokens' own."""
        doc = analysis.doc
        rule_spans = {tokens: offset_pair(event["trigger"])
                      for tokens, event in analysis.rule_events_at.items()}
        found, i = [], 0
        while i < len(doc):
            label = labels[i]
            if label == OUTSIDE:
                i += 1
                continue
            end = i + 1
            while end < len(doc) and labels[end] == label and not doc[end - 1].whitespace_:
                end += 1
            offsets = rule_spans.get((i, end)) or self._word_offsets(doc, i, end)
            if valid_span(offsets, analysis.text):
                found.append(((i, end), label, offsets))
            i = end
        return found

    @staticmethod
    def _word_offsets(doc: Doc, start: int, end: int) -> Offsets:
        """Tokens ``start:end`` with the pronoun suffix tokens of their written word after
        them: a trigger keeps its suffix (``يتوجه``, which the tokenizer reads as يتوج + ه),
        as the contract's spans do; proclitics before it stay out."""
        while end < len(doc) and not doc[end - 1].whitespace_ and doc[end].is_alpha:
            end += 1
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])

    def _likeliest_role(self, etype: str, probs: numpy.ndarray) -> tuple[str, float]:
        """The likeliest of the roles that ``etype`` takes in the training data."""
        best, best_p = NO_ROLE, 0.0
        for role in self.cfg["type_roles"].get(etype, []):
            p = float(probs[self.roles.index(role)])
            if p > best_p:
                best, best_p = role, p
        return best, best_p

    def _keep_single_roles(self, found: list[tuple[float, str, Offsets]]) -> list[dict[str, Any]]:
        """One Place and one Time per event (the rules' or else the likeliest), every other
        role as found."""
        single = self.single_roles
        best: dict[str, tuple[float, str, Offsets]] = {}
        for item in found:
            if item[1] in single and (item[1] not in best or item[0] > best[item[1]][0]):
                best[item[1]] = item
        kept = [item for item in found if item[1] not in single or best[item[1]] is item]
        kept.sort(key=lambda item: item[2])
        return [{"role": role, "span": list(span)} for _, role, span in kept]

    def set_annotations(self, docs: Iterable[Doc], events: list[list[dict[str, Any]]]) -> None:
        for doc, found in zip(docs, events, strict=True):
            doc._.events = found

    # -- training

    def _gold(self, eg: Example) -> tuple[DocAnalysis, list[str], list[Pair], list[str]]:
        """Token labels and labelled pairs of one example, on the predicted tokens. Gold
        arguments that no candidate overlaps become candidates, so the model sees them."""
        doc = eg.predicted
        analysis = analyse(doc, self.lexicon)
        labels = [OUTSIDE] * len(doc)
        pairs: list[Pair] = []
        roles: list[str] = []
        for event in eg.reference.user_data.get(EVENTS_KEY, []):
            tokens = token_range(doc, offset_pair(event["trigger"]))
            if tokens is None:
                continue
            for i in range(*tokens):
                labels[i] = event["type"]
            gold_args = []
            for arg in event.get("arguments", []):
                span = offset_pair(arg["span"])
                arg_tokens = token_range(doc, span)
                if arg_tokens is not None:
                    gold_args.append((arg["role"], span, arg_tokens))
            candidates = pair_candidates(analysis, tokens, self.max_distance)
            for _, span, arg_tokens in gold_args:
                if not any(overlaps((c.start, c.end), arg_tokens) for c in candidates):
                    a, b = arg_tokens
                    root = doc[a:b].root
                    candidates.append(Candidate(a, b, word_kind(root), span, root.i))
            for cand in candidates:
                role = NO_ROLE
                for gold_role, _, arg_tokens in gold_args:
                    if overlaps((cand.start, cand.end), arg_tokens):
                        role = gold_role
                        break
                pairs.append((tokens, event["type"], cand))
                roles.append(role)
        return analysis, labels, pairs, roles

    def update(
        self, examples: Iterable[Example], *, drop: float = 0.0,
        sgd: Optimizer | None = None, losses: dict[str, float] | None = None,
    ) -> dict[str, float]:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        set_dropout_rate(self.model, drop)
        width = self.cfg["tensor_width"]
        trigger_batches, argument_batches = [], []
        for eg in examples:
            if len(eg.predicted) == 0:
                continue
            analysis, labels, pairs, roles = self._gold(eg)
            tokens = self._open_tokens(analysis)
            if tokens:
                trigger_batches.append(
                    (trigger_rows(analysis, width, tokens), [labels[i] for i in tokens]))
            if pairs:
                argument_batches.append((pair_rows(analysis, pairs, width), roles))
        for ref, batches, names in (
            ("triggers", trigger_batches, self.trigger_labels),
            ("arguments", argument_batches, self.roles),
        ):
            if batches:
                losses[self.name] += self._update_classifier(ref, batches, names)
        if sgd is not None:
            self.finish_update(sgd)
        return losses

    def _update_classifier(
        self, ref: str, batches: list[tuple[tuple[numpy.ndarray, numpy.ndarray], list[str]]],
        names: list[str],
    ) -> float:
        model = self.model.get_ref(ref)
        xp = model.ops.xp
        index = {name: k for k, name in enumerate(names)}
        gold = xp.asarray([index.get(label, 0) for _, labels in batches for label in labels])
        rows = (numpy.vstack([r[0] for r, _ in batches]), numpy.vstack([r[1] for r, _ in batches]))
        probs, backprop = model.begin_update(self._on_device(model, rows))
        rows_n = xp.arange(len(gold))
        d_probs = probs.copy()
        d_probs[rows_n, gold] -= 1.0  # softmax + cross-entropy: d(logits) = probs - truth
        backprop(d_probs / len(gold))
        return float(-xp.log(probs[rows_n, gold] + 1e-9).sum() / len(gold))

    @staticmethod
    def _on_device(model: Model, rows: tuple[numpy.ndarray, numpy.ndarray]) -> tuple[Any, Any]:
        return model.ops.asarray2f(rows[0]), model.ops.asarray(rows[1])

    def get_loss(self, examples: Iterable[Example], scores: Floats2d) -> tuple[float, Floats2d]:
        raise NotImplementedError("the loss is computed inside update()")

    def initialize(
        self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None,
    ) -> None:
        """Labels, roles and the type → role table from the training examples."""
        examples = list(get_examples())
        types, roles, type_roles, words = set(), set(), {}, set()
        for eg in examples:
            for event in eg.reference.user_data.get(EVENTS_KEY, []):
                types.add(event["type"])
                tokens = token_range(eg.reference, offset_pair(event["trigger"]))
                if tokens is not None:
                    words.update(trigger_key(t) for t in eg.reference[tokens[0]:tokens[1]])
                for arg in event.get("arguments", []):
                    roles.add(arg["role"])
                    type_roles.setdefault(event["type"], set()).add(arg["role"])
        if not types:
            raise ValueError(f"{self.name}: the training examples hold no gold events")
        self.cfg["trigger_labels"] = [OUTSIDE, *sorted(types)]
        self.cfg["roles"] = [NO_ROLE, *sorted(roles)]
        self.cfg["type_roles"] = {t: sorted(r) for t, r in sorted(type_roles.items())}
        self.cfg["trigger_words"] = sorted(words)
        # the sample needs the predicted docs annotated by the components before this one
        # (on copies: the examples stay as they are); nlp.components, as spacy train
        # disables the frozen ones while initializing
        sample_docs = [eg.predicted.copy() for eg in examples[:10]]
        if nlp is not None:
            for name, proc in nlp.components:
                if name == self.name:
                    break
                sample_docs = [proc(doc) for doc in sample_docs]
        tensors = [d.tensor for d in sample_docs if len(d) and getattr(d.tensor, "size", 0)]
        if not tensors:
            raise ValueError(f"{self.name}: no doc.tensor in the examples; put a tok2vec before it")
        width = tensors[0].shape[1]
        self.cfg["tensor_width"] = int(width)
        analyses = [analyse(d, self.lexicon) for d in sample_docs if len(d)]
        x_trig = [trigger_rows(a, width, list(range(len(a.doc)))) for a in analyses]
        self._initialize_classifier("triggers", x_trig, len(self.trigger_labels))
        pairs = [(a, [((c.start, c.end), self.trigger_labels[1], c) for c in a.candidates[:5]])
                 for a in analyses if a.candidates]
        if not pairs:
            raise ValueError(f"{self.name}: no argument candidates (nouns, names, entities) "
                             f"in the first {len(sample_docs)} training examples")
        x_args = [pair_rows(a, p, width) for a, p in pairs]
        self._initialize_classifier("arguments", x_args, len(self.roles))

    def _initialize_classifier(self, ref: str, rows: list, n_classes: int) -> None:
        model = self.model.get_ref(ref)
        X = (numpy.vstack([r[0] for r in rows]), numpy.vstack([r[1] for r in rows]))
        model.initialize(X=self._on_device(model, X), Y=model.ops.alloc2f(len(X[0]), n_classes))

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, float]:
        return score_event_examples(examples)

    # -- serialization: the rule lexicon travels with the model

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        super().to_disk(path, exclude=exclude)
        srsly.write_json(ensure_path(path) / LEXICON_FILE, self.lexicon.data)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TrainedEventExtractor:
        self.lexicon = Lexicon(srsly.read_json(ensure_path(path) / LEXICON_FILE))
        return super().from_disk(path, exclude=exclude)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """As ``TrainablePipe.to_bytes`` (``cfg``, ``vocab``, ``model``), plus ``lexicon``."""
        return spacy_util.to_bytes({
            "cfg": lambda: srsly.json_dumps(self.cfg),
            "lexicon": lambda: srsly.json_dumps(self.lexicon.data),
            "vocab": lambda: self.vocab.to_bytes(exclude=exclude),
            "model": self.model.to_bytes,
        }, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> TrainedEventExtractor:
        def set_lexicon(b: bytes) -> None:
            self.lexicon = Lexicon(srsly.json_loads(b))

        spacy_util.from_bytes(data, {
            "cfg": lambda b: self.cfg.update(srsly.json_loads(b)),
            "lexicon": set_lexicon,
            "vocab": lambda b: self.vocab.from_bytes(b, exclude=exclude),
            "model": self.model.from_bytes,
        }, exclude)
        return self


@Language.factory(
    "khabar_event_model",
    assigns=["doc._.events"],
    requires=["doc.tensor"],
    default_config={
        "model": DEFAULT_MODEL,
        "lexicon_path": None,
        "max_distance": 30,
        "single_roles": ["Place", "Time"],
        "trigger_add": 0.9,
        "argument_add": 0.4,
    },
    default_score_weights=EVENT_SCORE_WEIGHTS,
)
def make_event_model(
    nlp: Language, name: str, model: Model, lexicon_path: str | None, max_distance: int,
    single_roles: list[str], trigger_add: float, argument_add: float,
) -> TrainedEventExtractor:
    """Trained triggers and arguments on top of the packaged (or ``lexicon_path``) rules."""
    return TrainedEventExtractor(
        nlp.vocab, model, name, lexicon=Lexicon(load_lexicon_data(lexicon_path)),
        max_distance=max_distance, single_roles=single_roles, trigger_add=trigger_add,
        argument_add=argument_add,
    )

