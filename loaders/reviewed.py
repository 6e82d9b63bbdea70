"""Reviewed facts: a human-written YAML file of entities, relations and figures → records.

The file's shape (see ``data/seed_quanzhou_parks_2024q1.facts.yaml``)::

    source:    {id, kind: article | reference_table, file, sha256, title, encoding, ...}
    entities:  [{id, type, name, name_en, aliases, division_code, admin_level, status, evidence}]
    mentions:  [{id, evidence}]            # entities declared elsewhere that the source names
    relations: [{subject, predicate, object, confidence, evidence, and any qualifier the records
                 declare: leadership_kind, modality, scope, scope_note, note}]
    observations: [{about, measure, value, unit, bound, period: {start, end, label}, evidence}]

Every evidence is ``{start, end, quote}``: character offsets into the original file and the
text found there. The file is read by :func:`~chainkg.loaders.validation.load_yaml` (bounded:
no anchor bombs) and checked against :class:`FactsFile` before anything else looks at it, so
a missing key or a value of the wrong type is an error naming its line. Anything wrong — an unknown class or property, a quote that does not
match its offsets — raises :class:`~chainkg.errors.SourceError` naming the file, line and
field. Cross-file checks (does every id exist?) happen in :func:`check_references`.

Example
-------
>>> facts = load_reviewed_facts(SEED_FACTS)
>>> facts.entities["org/nanwang"].name
'南王'
"""

from __future__ import annotations

import difflib
import hashlib
import re
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, create_model

from chainkg.errors import SourceError, brief
from chainkg.loaders.dates import date_facts, learned_date
from chainkg.loaders.records import (
    RELATION_QUALIFIERS,
    Entity,
    FactSet,
    Mention,
    Observation,
    Origin,
    Relation,
    SourceDocument,
    TermField,
    TextSpan,
)
from chainkg.loaders.text import MAX_ARTICLE_BYTES, decode_source, normalize_annotated_text, read_source_file
from chainkg.loaders.units import UNITS
from chainkg.loaders.validation import LineMap, Number, Text, check_schema, finite_decimal, load_yaml
from chainkg.ontology import CKG, CLASSES, RELATIONS, allowed_values

__all__ = [
    "DATA_DIR",
    "SEED_FACTS",
    "PLACES_FACTS",
    "FactsFile",
    "load_reviewed_facts",
    "check_references",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
SEED_FACTS = DATA_DIR / "seed_quanzhou_parks_2024q1.facts.yaml"
PLACES_FACTS = DATA_DIR / "quanzhou_places.yaml"

# Closed vocabularies (admin levels, statuses, leadership kinds, measures, bounds) are not
# listed here: each field asks the ontology for the sh:in list of its property in shapes.ttl.
# Source kinds belong to this file format, not to the graph, so they stay here.
SOURCE_KINDS = ("article", "reference_table")
_ID = re.compile(r"^[a-z]+/[A-Za-z0-9_.\-]+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


_LineMap = LineMap


# --- The file format as a schema: types and required keys, checked before any use ----------


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


_Id = Annotated[Text, Field(max_length=256)]


def _one_or_many(value: Any) -> Any:
    """Evidence may be one span or a list of them; a single string is one class name."""
    return [value] if isinstance(value, dict | str) else value


class SpanEntry(_Strict):
    start: StrictInt = Field(ge=0)
    end: StrictInt = Field(ge=0)
    quote: Text


class SourceEntry(_Strict):
    id: _Id
    kind: Text
    title: Text
    file: Text | None = None
    encoding: Text | None = None  # the cited article's, when it is neither UTF-8 nor detected
    sha256: Text | None = None
    language: Text | None = None
    published: Text | None = None
    citation: Text | None = None
    note: Text | None = None


class EntityEntry(_Strict):
    id: _Id
    type: Annotated[list[Text], BeforeValidator(_one_or_many), Field(min_length=1)]
    name: Text
    name_en: Text | None = None
    aliases: list[Text] | None = None
    division_code: Text | None = None
    admin_level: Text | None = None
    status: Text | None = None
    note: Text | None = None
    evidence: Annotated[list[SpanEntry], BeforeValidator(_one_or_many)] | None = None


class MentionEntry(_Strict):
    id: _Id
    evidence: Annotated[list[SpanEntry], BeforeValidator(_one_or_many)] | None = None


class _RelationBase(_Strict):
    subject: _Id
    predicate: Text
    object: _Id
    confidence: Number | None = None
    evidence: SpanEntry | None = None


#: Schema type of a qualifier by its value kind (``records.ValueKind``); text otherwise.
_QUALIFIER_TYPES: dict[str, Any] = {"entity": _Id, "integer": Annotated[StrictInt, Field(ge=1)]}

#: A relation: its three parts, confidence, evidence and every qualifier the records declare.
RelationEntry = create_model(  # type: ignore[call-overload]  # field definitions built from RELATION_QUALIFIERS
    "RelationEntry", __base__=_RelationBase,
    **{term.field: (_QUALIFIER_TYPES.get(term.value, Text) | None, None) for term in RELATION_QUALIFIERS},
)


class PeriodEntry(_Strict):
    start: Text | None = None
    end: Text | None = None
    label: Text | None = None


class ObservationEntry(_Strict):
    about: _Id
    measure: Text
    value: Number
    unit: Text
    bound: Text | None = None
    period: PeriodEntry | None = None
    project_status: Text | None = None
    label: Text | None = None
    evidence: SpanEntry | None = None


class FactsFile(_Strict):
    """The shape of a reviewed-facts file; what each value means is checked after it."""

    source: SourceEntry
    entities: list[EntityEntry] | None = None
    mentions: list[MentionEntry] | None = None
    relations: list[RelationEntry] | None = None  # type: ignore[valid-type]  # a model built above
    observations: list[ObservationEntry] | None = None


class _Reader:
    """Reads one facts file, raising SourceError with file, line and field."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, message: str, node: Any = None, field: str | None = None) -> SourceError:
        line = None
        if isinstance(node, _LineMap):
            line = node.key_lines.get(field, node.line) if field else node.line
        return SourceError(self.path, message, line=line, field=field)

    def origin(self, node: _LineMap) -> Origin:
        return Origin(str(self.path), node.line, tuple(sorted(node.key_lines.items())))

    def get(self, node: _LineMap, field: str, kind: type | tuple = str, required: bool = True, default=None):
        if field not in node or node[field] is None:
            if required:
                raise self.fail(f"missing required field '{field}'", node, None)
            return default
        value = node[field]
        if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, kind):
            expected = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.fail(f"expected {expected}, got {brief(value)}", node, field)
        return value

    def choice(self, node: _LineMap, field: str, allowed, required: bool = False, what: str = "value"):
        value = self.get(node, field, str, required=required)
        if value is not None and value not in allowed:
            raise self.fail(f"unknown {what} {_quoted(value)}{_suggest(value, allowed)}", node, field)
        return value

    def mapping_list(self, document: _LineMap, field: str) -> list[_LineMap]:
        items = document.get(field) or []
        if not isinstance(items, list):
            raise self.fail("expected a list", document, field)
        for item in items:
            if not isinstance(item, _LineMap):
                raise self.fail(f"each item must be a mapping, got {brief(item)}", document, field)
        return items


def _quoted(value: Any) -> str:
    """A value's repr for a message, clipped (a name may be a whole paragraph)."""
    if not isinstance(value, str):
        return brief(value)
    return repr(value) if len(value) <= 80 else repr(value[:80]) + "…"


def _suggest(value: str, allowed) -> str:
    allowed = list(allowed)
    # difflib compares every pair: past a few hundred candidates or characters, skip the hint
    close = difflib.get_close_matches(value, allowed, n=3, cutoff=0.6) if len(value) <= 200 and len(allowed) <= 5000 else []
    if close:
        return f" (did you mean {', '.join(close)}?)"
    return f" (expected one of: {', '.join(allowed)})" if len(allowed) <= 30 else ""


def load_reviewed_facts(path: str | Path) -> FactSet:
    """Read a reviewed-facts YAML file into a :class:`FactSet`, checking every field.

    Parameters
    ----------
    path
        The YAML file. An article source's ``file`` is resolved relative to it.

    Raises
    ------
    SourceError
        Missing or unreadable file, malformed YAML, unknown class, property or unit,
        evidence whose quote does not match the original text at its offsets.
    """
    path = Path(path)
    reader = _Reader(path)
    document = load_yaml(path)
    if not isinstance(document, _LineMap):
        raise SourceError(path, "expected a mapping with 'source', 'entities', 'relations'")
    check_schema(FactsFile, document, path)

    source_node = document.get("source")
    if not isinstance(source_node, _LineMap):
        raise reader.fail("missing the 'source' mapping", document, "source")
    source, original = _read_source(reader, source_node)

    facts = FactSet(sources={source.id: source})
    span = _EvidenceReader(reader, source, original)
    for node in reader.mapping_list(document, "entities"):
        entity = _read_entity(reader, node, source, span)
        if entity.id in facts.entities:
            raise reader.fail(f"entity {_quoted(entity.id)} declared twice in this file", node, "id")
        facts.entities[entity.id] = entity
    for node in reader.mapping_list(document, "mentions"):
        facts.mentions.append(
            Mention(
                entity_id=_read_id(reader, node, "id"),
                source_id=source.id,
                evidence=span.many(node),
                origin=reader.origin(node),
            )
        )
    for node in reader.mapping_list(document, "relations"):
        facts.relations.append(_read_relation(reader, node, source, span))
    for node in reader.mapping_list(document, "observations"):
        facts.observations.append(_read_observation(reader, node, source, span))
    # every fact dated as its sentence or its source says (a reviewer's own stated_on: kept)
    return date_facts(facts)


def _read_source(reader: _Reader, node: _LineMap) -> tuple[SourceDocument, str | None]:
    source_id = reader.get(node, "id")
    if not re.fullmatch(r"[A-Za-z0-9_.\-]+", source_id):
        raise reader.fail(f"source id {_quoted(source_id)} must be letters, digits, '_', '.' or '-'", node, "id")
    kind = reader.choice(node, "kind", SOURCE_KINDS, required=True, what="source kind")
    file_name = reader.get(node, "file", required=kind == "article")
    file_path = original = sha256 = None
    if file_name is not None:
        try:
            file_path = (reader.path.parent / file_name).resolve()
            data = read_source_file(file_path, MAX_ARTICLE_BYTES)
        except SourceError as error:
            raise reader.fail(f"source file {error}", node, "file") from None
        except (OSError, ValueError) as error:  # a path the system cannot even resolve (a NUL in it)
            raise reader.fail(f"cannot resolve the source file: {error}", node, "file") from None
        sha256 = hashlib.sha256(data).hexdigest()
        expected = reader.get(node, "sha256", required=False)
        if expected is not None and expected != sha256:
            raise reader.fail(
                f"{file_path.name} has changed since review (sha256 {sha256[:12]}…, file says {expected[:12]}…); "
                "re-check the quotes and update sha256",
                node,
                "sha256",
            )
        try:
            original = decode_source(data, file_path, reader.get(node, "encoding", required=False))
        except SourceError as error:
            raise reader.fail(f"source file {error}", node, "encoding" if "encoding" in node else "file") from None
    source = SourceDocument(
        id=source_id,
        kind=kind,
        title=reader.get(node, "title"),
        file=file_path,
        sha256=sha256,
        language=reader.get(node, "language", required=False),
        published=reader.get(node, "published", required=False),
        citation=reader.get(node, "citation", required=False),
        note=reader.get(node, "note", required=False),
        learned=learned_date(reader.path),
    )
    return source, original


class _EvidenceReader:
    """Checks evidence spans against the original text of the source."""

    def __init__(self, reader: _Reader, source: SourceDocument, original: str | None):
        self.reader = reader
        self.source = source
        self.original = original

    def one(self, node: _LineMap, field: str = "evidence") -> TextSpan | None:
        evidence = node.get(field)
        if evidence is None:
            if self.source.kind == "article":
                raise self.reader.fail("every fact from an article needs evidence {start, end, quote}", node, field)
            return None
        if not isinstance(evidence, _LineMap):
            raise self.reader.fail("evidence must be a mapping {start, end, quote}", node, field)
        return self._span(evidence)

    def many(self, node: _LineMap, field: str = "evidence") -> tuple[TextSpan, ...]:
        evidence = node.get(field)
        if evidence is None:
            if self.source.kind == "article":
                raise self.reader.fail("every fact from an article needs evidence {start, end, quote}", node, field)
            return ()
        items = evidence if isinstance(evidence, list) else [evidence]
        if not all(isinstance(item, _LineMap) for item in items):
            raise self.reader.fail("evidence must be a list of {start, end, quote}", node, field)
        return tuple(self._span(item) for item in items)

    def _span(self, node: _LineMap) -> TextSpan:
        reader = self.reader
        start = reader.get(node, "start", int)
        end = reader.get(node, "end", int)
        quote = reader.get(node, "quote")
        if self.original is None:
            raise reader.fail("this source has no file: its facts cannot cite offsets", node, "start")
        if not 0 <= start < end <= len(self.original):
            raise reader.fail(f"span [{start}, {end}) is outside the file (length {len(self.original)})", node, "start")
        found = self.original[start:end]
        if found != quote:
            hint = ""
            at = self.original.find(quote)
            if at >= 0:
                hint = f"; the quote stands at [{at}, {at + len(quote)})"
            raise reader.fail(f"quote does not match the file at [{start}, {end}): file has {found[:40]!r}…{hint}", node, "quote")
        return TextSpan(self.source.id, start, end, quote, normalize_annotated_text(quote).text)


def _read_id(reader: _Reader, node: _LineMap, field: str) -> str:
    value = reader.get(node, field)
    if not _ID.match(value):
        raise reader.fail(f"id {_quoted(value)} must look like 'kind/slug' (e.g. org/nanwang, area/350521)", node, field)
    return value


def _read_entity(reader: _Reader, node: _LineMap, source: SourceDocument, span: _EvidenceReader) -> Entity:
    types = node.get("type")
    types = [types] if isinstance(types, str) else types
    if not types or not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        raise reader.fail("type must be a class name or a list of them", node, "type")
    for class_name in types:
        if class_name not in CLASSES:
            raise reader.fail(f"unknown class {_quoted(class_name)}{_suggest(class_name, CLASSES)}", node, "type")
    aliases = node.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise reader.fail("aliases must be a list of names", node, "aliases")
    division_code = reader.get(node, "division_code", required=False)
    if division_code is not None and not re.fullmatch(r"\d{6}|\d{9}|\d{12}", division_code):
        raise reader.fail(f"division code {_quoted(division_code)} must have 6, 9 or 12 digits", node, "division_code")
    name = reader.get(node, "name")
    if not name.strip():
        raise reader.fail("name is empty", node, "name")
    return Entity(
        id=_read_id(reader, node, "id"),
        types=tuple(types),
        name=name,
        name_en=reader.get(node, "name_en", required=False),
        aliases=tuple(aliases),
        division_code=division_code,
        admin_level=reader.choice(node, "admin_level", allowed_values(CKG.adminLevel), what="admin level"),
        status=reader.choice(node, "status", allowed_values(CKG.status), what="project status"),
        note=reader.get(node, "note", required=False),
        evidence=span.many(node) if "evidence" in node or source.kind == "article" else (),
        sources=(source.id,),
        origin=reader.origin(node),
    )


def _decimal(reader: _Reader, node: _LineMap, field: str, default: str | None = None) -> Decimal:
    value = node.get(field, default)
    try:
        return finite_decimal(value)
    except ValueError as error:
        raise reader.fail(str(error), node, field) from None


def _read_relation(reader: _Reader, node: _LineMap, source: SourceDocument, span: _EvidenceReader) -> Relation:
    predicate = reader.get(node, "predicate")
    if predicate not in RELATIONS:
        raise reader.fail(f"unknown property {_quoted(predicate)}{_suggest(predicate, RELATIONS)}", node, "predicate")
    confidence = _decimal(reader, node, "confidence", "1")
    if not Decimal(0) <= confidence <= Decimal(1):
        raise reader.fail(f"confidence {confidence} must lie in [0, 1]", node, "confidence")
    return Relation(
        subject=_read_id(reader, node, "subject"),
        predicate=predicate,
        object=_read_id(reader, node, "object"),
        source_id=source.id,
        confidence=confidence,
        method="reviewed",
        evidence=span.one(node),
        origin=reader.origin(node),
        **{term.field: _read_qualifier(reader, node, term) for term in RELATION_QUALIFIERS if node.get(term.field) is not None},
    )


def _read_qualifier(reader: _Reader, node: _LineMap, term: TermField) -> Any:
    """A qualifier the records declare, by its field name: an entity id, a whole number, a
    value of the ontology's closed list for its property (``sh:in``), or free text."""
    if term.value == "entity":
        return _read_id(reader, node, term.field)
    if term.value == "integer":
        return int(node[term.field])  # the schema has checked it: a whole number ≥ 1
    try:
        allowed = allowed_values(CKG[term.term])
    except LookupError:
        return reader.get(node, term.field, required=False)
    return reader.choice(node, term.field, allowed, what=term.field.replace("_", " "))


def _read_observation(reader: _Reader, node: _LineMap, source: SourceDocument, span: _EvidenceReader) -> Observation:
    period = node.get("period") or _LineMap()
    if not isinstance(period, _LineMap):
        raise reader.fail("period must be a mapping {start, end, label}", node, "period")
    for field in ("start", "end"):
        value = period.get(field)
        if value is not None and not (isinstance(value, str) and _DATE.match(value)):
            raise reader.fail(f"period {field} {_quoted(value)} must be a date YYYY-MM-DD", period, field)
    if not any(period.get(field) for field in ("start", "end", "label")):
        raise reader.fail("an observation needs a period (start, end or label)", node, "period")
    return Observation(
        about=_read_id(reader, node, "about"),
        measure=reader.choice(node, "measure", allowed_values(CKG.measure), required=True, what="measure"),
        value=_decimal(reader, node, "value"),
        unit=reader.choice(node, "unit", UNITS, required=True, what="unit"),
        source_id=source.id,
        bound=reader.choice(node, "bound", allowed_values(CKG.bound), what="bound") or "exact",
        period_start=period.get("start"),
        period_end=period.get("end"),
        period_label=period.get("label"),
        project_status=reader.choice(node, "project_status", allowed_values(CKG.projectStatus),
                                      what="project status"),
        label=reader.get(node, "label", required=False),
        evidence=span.one(node),
        origin=reader.origin(node),
    )


def check_references(facts: FactSet, known_ids: set[str] | frozenset[str] = frozenset()) -> None:
    """Check that every id a relation, mention or observation names is declared.

    ``known_ids`` are ids declared outside the fact set (chains from the ontology).
    Also checks each relation's subject and object classes against the property's
    domain and range.

    Raises
    ------
    SourceError
        Naming the file and line of the first offending record.
    """
    entities = facts.entities

    def classes_of(entity_id: str) -> set[str]:
        if entity_id in entities:
            return set(entities[entity_id].types)
        return {"IndustrialChain"} if entity_id.startswith("chain/") else set()

    def require(entity_id: str, origin: Origin | None, field: str) -> None:
        if entity_id not in entities and entity_id not in known_ids:
            candidates = list(entities) + list(known_ids)
            raise SourceError(
                origin.path if origin else "<facts>",
                f"unknown id {_quoted(entity_id)}{_suggest(entity_id, candidates) if candidates else ''}",
                line=origin.line_of(field) if origin else None,
                field=field,
            )

    for mention in facts.mentions:
        require(mention.entity_id, mention.origin, "id")
    for relation in facts.relations:
        require(relation.subject, relation.origin, "subject")
        require(relation.object, relation.origin, "object")
        if relation.scope:
            require(relation.scope, relation.origin, "scope")
        term = RELATIONS[relation.predicate]
        for field, entity_id, allowed in (
            ("subject", relation.subject, term.domain),
            ("object", relation.object, term.range),
        ):
            if not classes_of(entity_id) & allowed:
                origin = relation.origin
                raise SourceError(
                    origin.path if origin else "<facts>",
                    f"{relation.predicate} does not take a {'/'.join(sorted(classes_of(entity_id)))} "
                    f"({entity_id}) as its {field}; allowed: {', '.join(sorted(allowed))}",
                    line=origin.line_of(field) if origin else None,
                    field=field,
                )
    for observation in facts.observations:
        require(observation.about, observation.origin, "about")
