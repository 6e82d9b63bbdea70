"""One exception hierarchy; every message names the file, line or field and what to do."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ChainKGError", "SourceError", "ValidationFailed"]


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
        super().__init__(f"{where}: {field}: {message}" if field else f"{where}: {message}")


class ValidationFailed(ChainKGError):
    """The built graph does not conform to the SHACL shapes."""
