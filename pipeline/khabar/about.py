"""Package metadata kept in one place so setup.cfg, the CLI and model meta agree."""

__title__ = "khabar"
__version__ = "0.11.0"
MODEL_NAME = "ar_khabar_md"
