"""Thinc architectures of khabar's trained components (registered for configs).

``khabar.EventModel.v1`` holds the trigger and argument classifiers of the event component.
``khabar.FeatureClassifier.v1`` classifies rows that come as a pair ``(dense, ids)``: dense
vectors taken from ``doc.tensor`` (the shared tok2vec's output, used as fixed features) and
columns of hashed symbolic features (lemmas, dependency paths, rule decisions). Each column
gets its own hash embedding; the concatenation goes through a Maxout layer to a softmax.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, Softmax, chain, concatenate
from thinc.types import Floats2d, Ints2d

FeatureRows = tuple[Floats2d, Ints2d]


@registry.architectures("khabar.FeatureClassifier.v1")
def build_feature_classifier(
    n_columns: int,
    embed_width: int = 16,
    embed_rows: int = 2000,
    hidden_width: int = 128,
    maxout_pieces: int = 2,
    dropout: float = 0.1,
    nO: int | None = None,
) -> Model[FeatureRows, Floats2d]:
    """Softmax over ``nO`` classes from dense features and ``n_columns`` hashed ids;
    ``hidden_width`` 0 makes it a linear model (less to overfit on small data)."""
    embeds = concatenate(
        *(HashEmbed(embed_width, embed_rows, column=i, seed=17 + i) for i in range(n_columns))
    )
    if not hidden_width:
        return chain(dense_and_embedded(embeds), Softmax(nO))
    return chain(
        dense_and_embedded(embeds),
        Maxout(hidden_width, nP=maxout_pieces, dropout=dropout, normalize=True),
        Softmax(nO),
    )


@registry.architectures("khabar.EventModel.v1")
def build_event_model(triggers: Model, arguments: Model) -> Model:
    """The two classifiers of ``khabar_event_model``, reached as ``get_ref("triggers")``
    and ``get_ref("arguments")``; the container itself is never called."""
    return Model(
        "event_model", _no_forward, layers=[triggers, arguments],
        refs={"triggers": triggers, "arguments": arguments},
    )


def _no_forward(model: Model, X: object, is_train: bool) -> object:
    raise NotImplementedError("call the 'triggers' and 'arguments' layers of the event model")


def dense_and_embedded(embeds: Model[Ints2d, Floats2d]) -> Model[FeatureRows, Floats2d]:
    """``(X, ids)`` → ``[X | embeds(ids)]``; X gets no gradient (its tok2vec is frozen)."""
    return Model("dense_and_embedded", _forward, init=_init, layers=[embeds])


def _forward(
    model: Model[FeatureRows, Floats2d], inputs: FeatureRows, is_train: bool
) -> tuple[Floats2d, Callable[[Floats2d], FeatureRows]]:
    dense, ids = inputs
    embedded, backprop_embeds = model.layers[0](ids, is_train)
    width = dense.shape[1]
    output = model.ops.xp.hstack([model.ops.asarray2f(dense), embedded])

    def backprop(d_output: Floats2d) -> FeatureRows:
        d_ids = backprop_embeds(d_output[:, width:])
        return model.ops.alloc2f(*dense.shape), d_ids

    return output, backprop


def _init(model: Model[FeatureRows, Floats2d], X: FeatureRows | None = None,
          Y: Floats2d | None = None) -> None:
    model.layers[0].initialize(X=X[1] if X is not None else None)
