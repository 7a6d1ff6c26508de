"""Kept because migration 0007 names `stories.organisations.validate_country`: the organisations
live in `stories/models/organisations.py`; import them from `stories.models`."""

from stories.models.organisations import validate_country  # noqa: F401
