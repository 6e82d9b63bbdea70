"""One exception hierarchy; every message names the file, line or field and what to do.

Library code raises these only for *user* errors — a bad file, a bad value, a server that
cannot be reached — and lets programming errors surface as themselves; the command line
turns the first into one line and exit status 2 (1 for a graph that does not conform to the
shapes) and anything else into exit status 3 (see ``chainkg.cli.main``).

Messages stay one line of at most :data:`MAX_MESSAGE` characters, whatever the input held:
a value is quoted through :func:`brief`, never as the repr of the whole value.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

__all__ = ["MAX_MESSAGE", "ChainKGError", "SourceError", "ValidationFailed", "brief", "one_line"]

#: The longest error message printed (characters).
MAX_MESSAGE = 500

# Everything str.splitlines() breaks on: a message holding one would print as several lines.
_LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def one_line(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` with its line breaks made spaces, cut to ``limit`` characters.

    >>> one_line("bad\\nvalue\\u2028here")
    'bad value here'
    >>> len(one_line("x" * 10_000))
    500
    """
    text = _LINE_BREAKS.sub(" ", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def brief(value: Any, limit: int = 60) -> str:
    """A short description of a value for an error message: its type and a clipped repr.

    >>> brief("abc"), brief(5), brief(list(range(1000)))
    ("str 'abc'", 'int 5', 'a list of 1000 items')
    >>> brief("长" * 100, limit=8)
    "str '长长长长长长长长'…"
    """
    kind = type(value).__name__
    if isinstance(value, str | bytes):
        return f"{kind} {value[:limit]!r}" + ("…" if len(value) > limit else "")
    if isinstance(value, dict | list | tuple | set):
        return f"a {'mapping' if isinstance(value, dict) else kind} of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    text = repr(value)
    return f"{kind} {text[:limit]}" + ("…" if len(text) > limit else "")


class ChainKGError(Exception):
    """Base of every error chainkg raises on purpose; the CLI prints it as one line."""


class SourceError(ChainKGError):
    """Bad input in a source file: says where (``file:line``) and which field.

    >>> str(SourceError("facts.yaml", "bad class", line=12, field="type"))
    'facts.yaml:12: type: bad class'
    """

    def __init__(self, path: str | Path, message: str, *, line: int | None = None, field: str | None = None):
        self.path = str(path)
        self.line = line
        self.field = field
        self.message = message
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(one_line(f"{where}: {field}: {message}" if field else f"{where}: {message}"))


class ValidationFailed(ChainKGError):
    """The built graph does not conform to the SHACL shapes."""
