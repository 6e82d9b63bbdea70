"""Review decisions: what a person accepted, rejected, merged or split, applied by every build.

``chainkg review`` writes them (the same from a notebook: :func:`record_decision`), keyed by
stable ids, to a YAML file whose name ends in ``.decisions.yaml`` (default
``review.decisions.yaml``). A build given the file — as a source, or beside the sources — applies it:

- ``reject`` a fact (``fact/…``): the fact is left out, and never comes back from the same
  sentence (its id is made of the source, the two names, the predicate and the sentence);
- ``accept`` a fact: it stays, with ``method = reviewed`` and confidence 1;
- ``merge`` two entities (their ids, as the graph or ``chainkg resolve --report`` shows them):
  one node, whatever the names say;
- ``split`` two entities: never one node (a rejected merge).

The file::

    # chainkg review decisions — applied by every build given this file
    decisions:
    - {action: reject, id: fact/0a1b2c3d4e5f, note: a plan not a plant, by: 王工, date: 2026-11-27}
    - {action: split, entities: [org/x1f2e3d4c5b6a, park/x9a8b7c6d5e4f], id: merge/123456789abc}

Example
-------
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "review.decisions.yaml"
>>> record_decision(path, Decision("reject", id="fact/0a1b2c3d4e5f", note="a plan, not a plant"))
>>> load_decisions(path).rejected
frozenset({'fact/0a1b2c3d4e5f'})
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from chainkg.errors import SourceError
from chainkg.loaders.validation import LineMap, Text, check_schema, load_yaml

__all__ = ["DECISIONS_SUFFIX", "DEFAULT_DECISIONS", "Decision", "Decisions", "fact_id", "is_decisions_file",
           "load_decisions", "record_decision", "check_decision"]

DECISIONS_SUFFIX = ".decisions.yaml"
DEFAULT_DECISIONS = Path("review" + DECISIONS_SUFFIX)
_FACT_ID = r"^fact/[0-9a-f]{12}$"
_ENTITY_ID = r"^[a-z]+/[A-Za-z0-9_.\-]+$"


def is_decisions_file(path: str | Path) -> bool:
    """A review decisions file, by its name: ``*.decisions.yaml``."""
    return Path(path).name.endswith(DECISIONS_SUFFIX)


def fact_id(source: str, subject_name: str, predicate: str, object_name: str, sentence: str) -> str:
    """A fact's stable id: the same source, names, predicate and sentence give the same id.

    Names rather than node ids: a merge decided later does not change the id of a fact.

    >>> same = fact_id("d1.extracted", "甲乙纸业", "locatedIn", "晋江市", "甲乙纸业位于晋江。")
    >>> same == fact_id("d1.extracted", "甲乙纸业", "locatedIn", "晋江市", "甲乙纸业位于 晋江。"), len(same)
    (True, 17)
    """
    text = "\x1f".join((source, subject_name, predicate, object_name, "".join(sentence.split())))
    return "fact/" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


class _Entry(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    action: Literal["accept", "reject", "merge", "split"]
    id: Annotated[Text, Field(max_length=64)] | None = None
    entities: list[Annotated[Text, Field(pattern=_ENTITY_ID, max_length=256)]] | None = None
    note: Text | None = None
    by: Text | None = None
    date: Text | None = None  # (not `on`: YAML 1.1 reads a bare on: as true)

    @model_validator(mode="after")
    def _targets(self) -> _Entry:
        if self.action in ("accept", "reject"):
            if self.id is None or not re.fullmatch(_FACT_ID, self.id):
                raise ValueError(f"{self.action} needs the fact's id (fact/ and 12 hex digits)")
        elif self.entities is None or len(self.entities) != 2 or self.entities[0] == self.entities[1]:
            raise ValueError(f"{self.action} needs two different entity ids in 'entities'")
        if self.date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.date):
            raise ValueError("'date' must be a date YYYY-MM-DD")
        return self


class _File(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    decisions: list[_Entry] = Field(default_factory=list)


@dataclass(frozen=True)
class Decision:
    """One decision a person made (see the module)."""

    action: Literal["accept", "reject", "merge", "split"]
    id: str | None = None
    entities: tuple[str, str] | None = None
    note: str | None = None
    by: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Decisions:
    """Every decision of one or more files, as the build applies them (a later decision wins)."""

    accepted: frozenset[str] = frozenset()
    rejected: frozenset[str] = frozenset()
    merges: tuple[tuple[str, str], ...] = ()
    splits: tuple[tuple[str, str], ...] = ()
    files: tuple[Path, ...] = field(default=())

    @classmethod
    def of(cls, decisions: list[Decision], files: tuple[Path, ...] = ()) -> Decisions:
        facts: dict[str, str] = {}
        pairs: dict[frozenset[str], tuple[str, tuple[str, str]]] = {}
        for decision in decisions:
            if decision.entities is not None:
                pairs[frozenset(decision.entities)] = (decision.action, decision.entities)
            elif decision.id is not None:
                facts[decision.id] = decision.action
        return cls(frozenset(k for k, v in facts.items() if v == "accept"),
                   frozenset(k for k, v in facts.items() if v == "reject"),
                   tuple(pair for action, pair in pairs.values() if action == "merge"),
                   tuple(pair for action, pair in pairs.values() if action == "split"), files)

    def decided(self, item_id: str, entities: tuple[str, str] | None = None) -> bool:
        """Whether a person already decided on this fact or this pair of entities."""
        if entities is not None:
            return any(frozenset(entities) == frozenset(p) for p in (*self.merges, *self.splits))
        return item_id in self.accepted or item_id in self.rejected


def _read(path: Path) -> list[Decision]:
    document = load_yaml(path)
    if document is None:
        return []
    if not isinstance(document, LineMap):
        raise SourceError(path, "expected a mapping with a 'decisions' list")
    checked = check_schema(_File, document, path)
    return [Decision(e.action, e.id, tuple(e.entities) if e.entities else None, e.note, e.by, e.date)  # type: ignore[arg-type]
            for e in checked.decisions]


def load_decisions(*paths: str | Path) -> Decisions:
    """The decisions of these files (a missing file: none), later files and entries winning.

    Raises
    ------
    SourceError
        Malformed YAML or an entry that is not a decision (naming the file, line and field).
    """
    found = [Path(p) for p in paths if Path(p).is_file()]
    return Decisions.of([d for path in found for d in _read(path)], tuple(found))


def check_decision(decision: Decision) -> None:
    """Raise :class:`~chainkg.errors.ChainKGError` if the decision is not one a file may hold
    (checked before writing, so a bad decision never reaches the file every build reads)."""
    from pydantic import ValidationError

    from chainkg.errors import ChainKGError

    try:
        _Entry.model_validate({k: (list(v) if isinstance(v, tuple) else v) for k, v in vars_of(decision).items()
                               if v is not None})
    except ValidationError as error:
        raise ChainKGError(f"not a decision: {error.errors()[0]['msg']}") from None


def record_decision(path: str | Path, decision: Decision) -> None:
    """Add one decision to the file (created if missing), written atomically: a crash leaves the old file."""
    path = Path(path)
    entries = _read(path) if path.is_file() else []
    if decision.date is None:
        decision = replace(decision, date=date.today().isoformat())
    check_decision(decision)
    entries.append(decision)
    rows = [{k: (list(v) if isinstance(v, tuple) else v) for k, v in vars_of(e).items() if v is not None}
            for e in entries]
    text = ("# chainkg review decisions — applied by every build given this file (chainkg review --help)\n"
            + yaml.safe_dump({"decisions": rows}, allow_unicode=True, sort_keys=False, width=120))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def vars_of(decision: Decision) -> dict[str, object]:
    """The decision's fields in the file's order."""
    return {"action": decision.action, "id": decision.id, "entities": decision.entities, "note": decision.note,
            "by": decision.by, "date": decision.date}
