"""khabar: an Arabic news pipeline for spaCy (entities, quotes, events)."""

from .about import __version__
from .extensions import Event, Quote, register_extensions

register_extensions()

__all__ = ["Event", "Quote", "__version__", "register_extensions"]
