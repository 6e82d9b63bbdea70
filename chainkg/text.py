"""Text helpers every layer may use: they sit beside ``chainkg.errors``, below the ontology.

Only plain-string functions with no knowledge of the graph live here, so that loaders
(matching names in articles) and analyses (matching what a planner typed) share one
definition without an import running from a lower layer to a higher one.

Example
-------
>>> normalize_name("Nan'an") == normalize_name("nan an") == "nanan"
True
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_name"]

# Spaces and the punctuation people type differently in the same name (Nan'an, Nan’an, Nan-an).
_IGNORED = re.compile(r"[\s'’\-_·.()（）]")


def normalize_name(text: str) -> str:
    """Lower case, no spaces, apostrophes, hyphens or tone marks: ``"Nan'an"`` → ``"nanan"``.

    Two spellings of a name that differ only in those get the same key.

    Examples
    --------
    >>> normalize_name("Nán'ān")
    'nanan'
    >>> normalize_name("泉州（台商）投资区")
    '泉州台商投资区'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _IGNORED.sub("", plain).lower()
