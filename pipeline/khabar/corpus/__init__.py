"""Readers and converters for the corpora in ``../shared/corpora`` and our own ``corpus/``."""
