# Everything a user or CI needs, each target doing its own set-up in .venv.
#   make demo [FILE=path]   run the shipped model on an article and print the result
#   make test               the whole test suite (what .ci/run calls)
#   make model              rebuild the model from ../shared/corpora (project.yml)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MODEL_VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' pipeline/khabar/about.py)
MODEL_PKG := models/ar_khabar_md-$(MODEL_VERSION)
STAMP := $(VENV)/.khabar-installed

.PHONY: demo test lint model install clean

$(STAMP): setup.cfg pyproject.toml $(MODEL_PKG)/meta.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first, from the CPU wheel, so that nothing later pulls CUDA builds
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev,train,dask,trf]'
	$(BIN)/pip install -q --force-reinstall --no-deps ./$(MODEL_PKG)
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/khabar demo $(FILE)

test: $(STAMP)
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests

model: $(STAMP)
	$(BIN)/python -m spacy project run all

clean:
	rm -rf $(VENV) training packages
