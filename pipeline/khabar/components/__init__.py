"""Trainable and rule-based pipeline components of khabar, one per module."""
