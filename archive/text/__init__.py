"""Vietnamese text normalisation, shared by ingest, search and highlighting.

Everything that compares Vietnamese text goes through here: NFC, one tone-mark placement
("Tỉnh uỷ" and "Tỉnh ủy" are one word), diacritic folding with đ → d, slugs and sort keys.
"""

from .normalise import (
    canonical,
    collation_key,
    fold,
    given_name_first,
    initial_letter,
    nfc,
    slugify_vi,
    sort_key,
    starts_with_word,
)

__all__ = [
    "canonical",
    "collation_key",
    "fold",
    "given_name_first",
    "initial_letter",
    "nfc",
    "slugify_vi",
    "sort_key",
    "starts_with_word",
]
