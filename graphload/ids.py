"""Kept for code written against the old layout: id minting lives in
:mod:`graphload.model`, name folding in :mod:`graphload.vocab.text`."""

from graphload.model import (
    council_code_for_id,
    kind_code,
    organisation_id,
    peer_id,
    recommendation_id,
    review_id,
    signpost_id,
    theme_id,
)
from graphload.vocab.text import fold, slugify

__all__ = [
    "council_code_for_id",
    "fold",
    "kind_code",
    "organisation_id",
    "peer_id",
    "recommendation_id",
    "review_id",
    "signpost_id",
    "slugify",
    "theme_id",
]
