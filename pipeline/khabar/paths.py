"""Where the third-party data lives: ``../shared`` beside the repo unless configured."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """The shared data folder: ``$KHABAR_SHARED`` if set, else ``../shared`` next to the repo."""
    env = os.environ.get("KHABAR_SHARED")
    return Path(env) if env else REPO_ROOT.parent / "shared"


def corpora_dir() -> Path:
    return shared_dir() / "corpora"
