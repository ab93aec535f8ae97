"""configs/trf.cfg and khabar.build.encoder, offline (HF_HUB_OFFLINE=1), on a tiny BERT built
here: `python -m khabar.build.encoder` pretrains a 2-layer BertConfig with a WordPiece
vocabulary (trained by `tokenizers`) on text we write, for a few steps on the CPU;
configs/trf.cfg then trains on it for 2 steps on tiny NER and UD Docs, and the saved
pipeline is reloaded with `spacy.load` without the encoder's directory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
import srsly
from spacy.cli.train import train
from spacy.tokens import Doc, DocBin, Span

from khabar.ner_eval import extension_only_components
from khabar.segmenter import CliticSegmenter
from tests.conftest import ud_doc

os.environ.setdefault("HF_HUB_OFFLINE", "1")
transformers = pytest.importorskip("transformers")
pytest.importorskip("tokenizers")
pytest.importorskip("spacy_transformers")
torch = pytest.importorskip("torch")

safetensors_torch = pytest.importorskip("safetensors.torch")

from khabar.build import encoder, mlm  # noqa: E402  (needs the trf extra)

CONFIG_DIR = Path(__file__).parents[1] / "configs"
LISTENING = ("ner", "morphologizer", "trainable_lemmatizer", "parser")

# Raw news for the encoder, with clitics: و+قال, ب+الكويت, ل+لرئيس, رسالت+ه, ...
RAW_TEXTS = [
    "وقال أمير الكويت في رسالته للرئيس إن الاجتماع عقد بالكويت.",
    "وأضاف الرئيس أن الوزير وصل إلى بيروت أمس وبالكويت عقد اجتماعا.",
    "وقال الوزير في رسالته إن الشركة أعلنت أرباحها للمساهمين.",
    "التقى خالد الجارالله وزير خارجية قطر في الكويت وقال إن الحوار مستمر.",
]
SEGMENTER_FREQ = {w: 9 for w in ("قال", "أضاف", "الكويت", "الرئيس", "رسالة", "أمير", "المساهمين")}
CLITIC_TEXT = "وقال الأمير: إن رسالته للرئيس وصلت وبالكويت اجتماعا في عام 2016."

# Training Docs in clitic tokens, each with its own annotation only.
# NER: (words, spaces, entities as (start, end, label))
NER_DOCS = [
    (
        ["و", "قال", "خالد", "الجارالله", "في", "الكويت", "."],
        [False, True, True, True, True, False, False],
        [(2, 4, "PER"), (5, 6, "GPE")],
    ),
    (
        ["وصلت", "سعاد", "إلى", "بيروت", "."],
        [True, True, True, False, False],
        [(1, 2, "PER"), (3, 4, "GPE")],
    ),
]
# UD: (words, UPOS, heads, relations)
UD_DOCS = [
    (
        ["التقى", "خالد", "وزير", "خارجية", "قطر", "في", "الكويت", "."],
        ["VERB", "PROPN", "NOUN", "NOUN", "PROPN", "ADP", "PROPN", "PUNCT"],
        [0, 0, 1, 2, 3, 6, 0, 0],
        ["ROOT", "nsubj", "appos", "nmod", "nmod", "case", "obl", "punct"],
    ),
    (
        ["و", "أعلنت", "شركة", "أرامكو", "أرباح", "ها", "."],
        ["CCONJ", "VERB", "NOUN", "PROPN", "NOUN", "PRON", "PUNCT"],
        [1, 1, 1, 2, 1, 4, 1],
        ["cc", "ROOT", "nsubj", "nmod", "obj", "nmod", "punct"],
    ),
]


def write_segmenter(folder: Path) -> Path:
    path = folder / "segmenter.json"
    srsly.write_json(path, CliticSegmenter(SEGMENTER_FREQ).to_dict())
    return path


def write_corpus(folder: Path) -> Path:
    """NER Docs (entities only) under ner/ and UD Docs (no entities) beside them: the
    mixed corpus directory of configs/trf.cfg."""
    nlp = spacy.blank("ar")
    ner = DocBin()
    for words, spaces, ents in NER_DOCS:
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        doc.ents = [Span(doc, s, e, label) for s, e, label in ents]
        ner.add(doc)
    ud = DocBin()
    for words, pos, heads, deps in UD_DOCS:
        doc = ud_doc(nlp.vocab, words, pos, heads, deps)
        assert not doc.has_annotation("ENT_IOB")
        ud.add(doc)
    (folder / "ner").mkdir(parents=True)
    ner.to_disk(folder / "ner" / "ner.spacy")
    ud.to_disk(folder / "ud.spacy")
    return folder


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("trf")
    return {"folder": folder, "segmenter": write_segmenter(folder)}


@pytest.fixture(scope="module")
def tiny_bert(tiny: dict[str, Path]) -> Path:
    """A 2-layer BERT pretrained for 3 steps by khabar.build.encoder on RAW_TEXTS."""
    folder = tiny["folder"]
    raw = folder / "raw_news.jsonl"
    srsly.write_jsonl(raw, [{"text": t} for t in RAW_TEXTS * 3])
    out = folder / "tiny_bert"
    # fmt: off
    args = [
        str(out), "--raw-jsonl", str(raw), "--segmenter", str(tiny["segmenter"]),
        "--vocab-size", "300", "--min-frequency", "1", "--layers", "2", "--hidden", "32",
        "--heads", "2", "--intermediate", "64", "--max-length", "32", "--steps", "3",
        "--batch-size", "4", "--log-every", "1", "--save-every", "3", "--held-out", "0.1",
        "--max-shard-size", "50000", "--device", "cpu",
    ]
    # fmt: on
    assert encoder.main(args) == 0
    return out


def test_trf_config_has_the_md_components_on_a_transformer():
    trf = spacy.util.load_config(CONFIG_DIR / "trf.cfg")
    md = spacy.util.load_config(CONFIG_DIR / "md.cfg")
    expected = [p for p in md["nlp"]["pipeline"] if p not in ("tok2vec", "ud_tok2vec")]
    assert [p for p in trf["nlp"]["pipeline"] if p != "transformer"] == expected
    assert trf["nlp"]["tokenizer"] == md["nlp"]["tokenizer"]
    assert trf["initialize"]["components"] == md["initialize"]["components"]
    assert trf["components"]["transformer"]["model"]["name"] == "${paths.encoder}"
    for name in LISTENING:
        listener = trf["components"][name]["model"]["tok2vec"]
        assert listener["@architectures"] == "spacy-transformers.TransformerListener.v1"
        assert listener["upstream"] == "transformer"


def test_encoder_pretrains_a_bert_that_transformers_loads(tiny_bert: Path):
    assert (tiny_bert / "config.json").exists() and (tiny_bert / "tokenizer.json").exists()
    shards = sorted(tiny_bert.glob("*.safetensors"))
    assert len(shards) > 1 and (tiny_bert / "model.safetensors.index.json").exists()
    model = transformers.AutoModel.from_pretrained(tiny_bert)
    assert model.config.num_hidden_layers == 2 and model.config.hidden_size == 32
    # stored in float16, loaded as float32
    saved_config = json.loads((tiny_bert / "config.json").read_text(encoding="utf8"))
    assert saved_config["torch_dtype"] == "float16" and model.dtype == torch.float32
    tokenizer = transformers.AutoTokenizer.from_pretrained(tiny_bert)
    assert tokenizer.is_fast
    # the vocabulary was trained on clitic tokens: word pieces start where clitics do
    assert tokenizer.tokenize("وقال") == ["و", "##قال"]
    assert tokenizer.tokenize("وبالكويت") == ["و", "##ب", "##الكويت"]
    summary = json.loads((tiny_bert / "pretraining.json").read_text(encoding="utf8"))
    assert summary["step"] == 3 and summary["loss"] > 0
    assert summary["clitic_boundary_agreement"] > 0.9
    assert (
        (tiny_bert / "data" / "clitic_text.txt")
        .read_text(encoding="utf8")
        .startswith("و قال أمير الكويت في رسالت ه ل لرئيس")
    )


def test_encoder_refuses_weights_that_do_not_fit_a_shard():
    config = transformers.BertConfig(
        vocab_size=1000,
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
    )
    model = transformers.BertForMaskedLM(config)
    assert mlm.check_sizes(model, "float16", 64_000) == model.num_parameters() * 2
    with pytest.raises(SystemExit, match="word_embeddings.*vocab-size"):
        mlm.check_sizes(model, "float32", 64_000)


def test_masking_never_picks_special_pieces_and_labels_only_the_picked():
    ids = torch.tensor([[2, 10, 11, 12, 13, 14, 15, 3, 0, 0]] * 400)
    special = torch.tensor([0, 2, 3])
    gen = torch.Generator().manual_seed(0)
    inputs, labels = mlm.mask_pieces(ids, special, 4, 20, 0.15, gen)
    picked = labels != mlm.IGNORE
    assert not picked[:, [0, 7, 8, 9]].any()
    assert torch.equal(labels[picked], ids[picked])
    assert torch.equal(inputs[~picked], ids[~picked])
    share = picked[:, 1:7].float().mean().item()
    assert 0.12 < share < 0.18
    masked = (inputs[picked] == 4).float().mean().item()
    assert 0.72 < masked < 0.88


def test_a_batch_with_nothing_masked_has_zero_loss():
    config = {"vocab_size": 20, "hidden_size": 8, "num_hidden_layers": 1,
              "num_attention_heads": 2, "intermediate_size": 16, "max_position_embeddings": 16,
              "pad_token_id": 0}  # fmt: skip
    model = mlm.build_model(config)
    ids = torch.tensor([[2, 10, 11, 3, 0]])
    loss = mlm.masked_loss(model, ids, torch.full_like(ids, mlm.IGNORE), 0)
    assert float(loss.detach()) == 0.0 and loss.requires_grad
    labels = torch.full_like(ids, mlm.IGNORE)
    labels[0, 1] = 10
    assert float(mlm.masked_loss(model, ids, labels, 0).detach()) > 0


def test_the_time_budget_shortens_the_decay():
    schedule = mlm.Schedule(total=1000, warmup=100)
    assert schedule(0) == pytest.approx(0.01) and schedule(100) == 1.0
    # 0.5 s a step and 200 s left after 200 steps: 400 more steps fit
    schedule.total = mlm.fitted_steps(1000, 200, 0.5, 200.0, 100)
    assert schedule.total == 600 and schedule(350) == pytest.approx(0.5)
    assert mlm.fitted_steps(1000, 200, 0.5, 10_000.0, 100) == 1000
    # no time left: stop after the steps done, never inside the warm-up
    assert mlm.fitted_steps(1000, 50, 0.5, 0.0, 100) == 100


def test_pretraining_runs_without_spacy_and_exports_a_model(
    tiny: dict[str, Path], tiny_bert: Path
):
    """The GPU machine has torch and transformers but not spaCy: mlm.py runs as a plain
    script on the prepared data, and the export loads its weights."""
    folder = tiny["folder"]
    weights = folder / "mlm_only"
    script = Path(mlm.__file__)
    blocked = "import runpy, sys; sys.modules['spacy'] = sys.modules['khabar'] = None; "
    run = "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')"
    # fmt: off
    argv = [
        str(script), str(tiny_bert / "data"), str(weights), "--layers", "1",
        "--hidden", "32", "--heads", "2", "--intermediate", "64", "--max-length", "32",
        "--steps", "4", "--batch-size", "4", "--log-every", "2", "--save-every", "2",
        "--held-out", "0.1", "--max-shard-size", "30000", "--device", "cpu",
        "--max-seconds", "600", "--calibration-steps", "2", "--max-position", "64",
    ]
    # fmt: on
    subprocess.run([sys.executable, "-c", blocked + run, *argv], check=True, cwd=folder)
    assert len(list(weights.glob("weights-*.safetensors"))) > 1
    summary = json.loads((weights / "mlm.json").read_text(encoding="utf8"))
    assert summary["steps"] == 4 and summary["held_out_loss"] > 0
    exported = folder / "exported"
    encoder.main(
        [str(exported), "--stage", "export", "--data-dir", str(tiny_bert / "data"),
         "--mlm-dir", str(weights), "--max-shard-size", "30000"]
    )  # fmt: skip
    model = transformers.BertForMaskedLM.from_pretrained(exported)
    assert model.config.num_hidden_layers == 1
    stored = safetensors_torch.load_file(str(weights / "weights-00001.safetensors"))
    name, tensor = next(iter(stored.items()))
    assert torch.equal(model.state_dict()[name].half(), tensor)
    assert model.cls.predictions.decoder.weight is model.bert.embeddings.word_embeddings.weight
    assert json.loads((exported / "pretraining.json").read_text(encoding="utf8"))["steps"] == 4


@pytest.fixture(scope="module")
def trained(tiny: dict[str, Path], tiny_bert: Path) -> Path:
    """configs/trf.cfg trained for 2 steps on the tiny BERT; the BERT's directory is
    removed before the result is used, so loading must not need it."""
    folder = tiny["folder"]
    corpus = write_corpus(folder / "corpus")
    encoder_copy = folder / "encoder_copy"
    shutil.copytree(tiny_bert, encoder_copy)
    overrides = {
        "paths.train": str(corpus),
        "paths.dev": str(corpus),
        "paths.encoder": str(encoder_copy),
        "paths.segmenter": str(tiny["segmenter"]),
        "system.gpu_allocator": None,
        "training.max_steps": 2,
        "training.eval_frequency": 1,
    }
    train(CONFIG_DIR / "trf.cfg", folder / "trf", overrides=overrides)
    shutil.rmtree(encoder_copy)
    return folder / "trf" / "model-last"


@pytest.mark.slow
def test_trf_config_trains_two_steps_and_reloads(trained: Path):
    nlp = spacy.load(trained)
    assert nlp.pipe_names == spacy.util.load_config(CONFIG_DIR / "trf.cfg")["nlp"]["pipeline"]
    doc = nlp("وقال خالد الجارالله: «نعمل معا». وأضاف أن الاجتماع عقد في الكويت.")
    assert [t.text for t in doc][:2] == ["و", "قال"]  # the clitic tokenizer is in the pipeline
    assert doc.has_annotation("SENT_START") and doc.has_annotation("DEP")
    assert doc.has_annotation("POS") and doc.has_annotation("LEMMA")
    assert isinstance(doc._.quotes, list) and isinstance(doc._.events, list)
    assert any(e.label_ == "DATE" for e in nlp("في عام 2016").ents)
    # through the serialized pipeline as well
    assert [t.pos_ for t in nlp.from_bytes(nlp.to_bytes())(doc.text)] == [t.pos_ for t in doc]
    # the NER evaluation leaves out quotes and events, not the encoder its listeners read
    skipped = extension_only_components(nlp)
    assert "transformer" not in skipped and "khabar_quotes" in skipped


@pytest.mark.slow
def test_clitic_tokens_align_with_word_pieces(trained: Path):
    nlp = spacy.load(trained)
    doc = nlp(CLITIC_TEXT)
    tokens = [t.text for t in doc]
    for clitics in (["و", "قال"], ["رسالت", "ه"], ["ل", "لرئيس"], ["و", "ب", "الكويت"]):
        i = next(i for i in range(len(tokens)) if tokens[i : i + len(clitics)] == clitics)
        assert all(not t.whitespace_ for t in doc[i : i + len(clitics) - 1])  # one word
    trf_data = doc._.trf_data
    align = trf_data.align
    assert len(align.lengths) == len(doc)
    assert all(n > 0 for n in align.lengths), "every clitic token gets word pieces"
    # our encoder's pieces start where the clitics do: each clitic has pieces of its own
    pieces = [p for strings in trf_data.wordpieces.strings for p in strings]
    start = next(i for i in range(len(tokens)) if tokens[i : i + 3] == ["و", "ب", "الكويت"])
    own = [[pieces[int(j)] for j in align[start + k].dataXd.ravel()] for k in range(3)]
    assert own == [["و"], ["##ب"], ["##الكويت"]]
    # the listeners read one row per spaCy token
    transformer = nlp.get_pipe("transformer")
    width = transformer.model.get_dim("nO")
    assert sorted(transformer.listener_map) == sorted(LISTENING)
    for name in LISTENING:
        (listener,) = transformer.listener_map[name]
        # TransformerListener.v1: chain(the listener, pooling of its pieces per token)
        (pooled,) = [n for n in nlp.get_pipe(name).model.walk() if n.layers[:1] == [listener]]
        (rows,) = pooled.predict([doc])
        assert rows.shape == (len(doc), width)
