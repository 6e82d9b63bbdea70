r"""Tables in — registries, park rosters, project lists — through a declared column mapping.

A mapping file (YAML) names the table, its format and how its columns become ontology terms::

    source: {id: quanzhou_park_projects, title: 泉州市工业园区标准化建设项目清单, citation: https://…}
    table:  {file: projects.csv, format: csv}          # csv | tsv | whitespace | parquet | excel (sheet: …)
                                                       # text tables may name their encoding: (else detected)
    entity:
      type: IndustrialPark                             # or {column: 类型, map: {园区: IndustrialPark, 项目: Project}}
      name: {column: 项目名称, strip: "★"}
      id_prefix: park                                  # ids: park/t<hash of the name>, stable
      note: {column: 备注}
      # a firm registry may also name (loaders.industry_codes):
      # industry_code: {column: 行业代码}   GB/T 4754-2017 → chain segments, method = classified
      # products: {column: 经营范围}        chooses among a code's segments by the words it names
      # credit_code: {column: 统一社会信用代码}  check character verified; kept on the entity
      # stock_code: {column: 股票代码}
    relations:
      - {predicate: locatedIn, object: {place: 属地}}   # a place name, through the gazetteer
      - {predicate: operatesIn, object: {chain: 产业链}}  # a chain name or alias
      - {predicate: locatedIn, object: {address: 注册地址}}  # a registered address: county or coded town

The mapping is checked against :class:`MappingFile` (a missing key or a value of the wrong
type names its line) and the table is read within size limits: a text table in UTF-8 (with or
without a byte-order mark), UTF-16, GB 18030 / GBK or Big5, CSV parsed by the csv module over
the whole file (a line separator inside a quoted cell stays in the cell), an unreadable
Parquet or Excel file or a missing sheet a one-line error. Every row is checked before anything is returned: an error names the file, the row number and
the column; by default one bad row fails the whole load (nothing half-loaded), and
``skip_bad_rows=True`` loads the good rows and reports the bad ones. For text formats each
fact's evidence is the row's own line (offsets into the file).

Example
-------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "parks.csv").write_text("属地,园区\n晋江市,甲乙智能装备产业园\n南安,丙丁芯谷\n", encoding="utf-8")
>>> _ = (folder / "parks.table.yaml").write_text(
...     "source: {id: demo, title: demo}\ntable: {file: parks.csv, format: csv}\n"
...     "entity: {type: IndustrialPark, name: {column: 园区}, id_prefix: park}\n"
...     "relations: [{predicate: locatedIn, object: {place: 属地}}]\n", encoding="utf-8")
>>> facts = load_table(folder / "parks.table.yaml")
>>> sorted((facts.entities[r.subject].name, r.object) for r in facts.relations)
[('丙丁芯谷', 'area/350583'), ('甲乙智能装备产业园', 'area/350582')]
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

from chainkg.errors import SourceError, brief
from chainkg.loaders.gazetteer import PlaceEntry, chain_gazetteer, place_gazetteer
from chainkg.loaders.industry_codes import classify_industry, credit_code_problem
from chainkg.loaders.records import Entity, FactSet, Origin, Relation, SourceDocument, TextSpan
from chainkg.loaders.text import decode_source, normalize_annotated_text, read_source_file
from chainkg.loaders.validation import Text, check_schema, load_yaml
from chainkg.ontology import CLASSES, RELATIONS
from chainkg.ontology.templates import load_chain_templates

__all__ = ["FORMATS", "MAX_TABLE_BYTES", "MAX_TABLE_CELLS", "MappingFile", "TableRow", "TableLoad", "read_table",
           "load_table", "load_table_report", "is_table_mapping", "CLASSIFIED", "AddressMatch", "resolve_address"]

FORMATS = ("csv", "tsv", "whitespace", "parquet", "excel")
#: The largest table file read (a province's firm registry as CSV is some tens of MB).
MAX_TABLE_BYTES = 512 * 1024 * 1024
#: Rows × columns a binary table may declare: Parquet and xlsx are compressed, so their size
#: on disk does not bound what they unpack to.
MAX_TABLE_CELLS = 50_000_000


# --- The mapping file as a schema -------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class ColumnSpec(_Strict):
    """A value read from a column: characters stripped, mapped through ``map``."""

    column: Text
    strip: Text = ""
    map: dict[Text, Text] | None = None
    default: Text | None = None
    required: StrictBool = True


class SuffixSpec(_Strict):
    """A class chosen by how the name ends (``项目`` → Project), else ``default``."""

    by_name_suffix: dict[Text, Text]
    default: Text | None = None


class ObjectSpec(_Strict):
    place: Text | None = None
    chain: Text | None = None
    address: Text | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> ObjectSpec:
        if sum(value is not None for value in (self.place, self.chain, self.address)) != 1:
            raise ValueError("a relation's object needs exactly one of 'place' (a column of place names), "
                             "'chain' (a column of chain names) or 'address' (a column of registered addresses)")
        return self


class RelationSpec(_Strict):
    predicate: Text
    object: ObjectSpec


class SourceSpec(_Strict):
    id: Text = Field(pattern=r"^[A-Za-z0-9_.\-]+$", max_length=200)
    title: Text
    citation: Text | None = None
    note: Text | None = None


class TableSpec(_Strict):
    file: Text = Field(min_length=1)
    format: Literal["csv", "tsv", "whitespace", "parquet", "excel"] = "csv"
    sheet: Text | None = None
    encoding: Text | None = None


class EntitySpec(_Strict):
    type: Text | ColumnSpec | SuffixSpec
    name: Text | ColumnSpec
    id_prefix: Text = Field(default="org", pattern=r"^[a-z]+$")
    note: ColumnSpec | None = None
    #: GB/T 4754-2017 code: places the row on chain segments (``loaders.industry_codes``)
    industry_code: ColumnSpec | None = None
    #: products / 经营范围: chooses among the segments of one code by the words it names
    products: ColumnSpec | None = None
    #: hard keys kept on the entity: 统一社会信用代码 (check character verified) and stock code
    credit_code: ColumnSpec | None = None
    stock_code: ColumnSpec | None = None


class MappingFile(_Strict):
    """The shape of a table mapping (see the module docstring)."""

    source: SourceSpec
    table: TableSpec
    entity: EntitySpec
    relations: list[RelationSpec] = []


@dataclass(frozen=True)
class TableRow:
    number: int  # 1-based data row (the header is row 0)
    values: dict
    span: tuple[int, int] | None  # offsets of the row's line, for text formats
    text: str | None


@dataclass
class TableLoad:
    facts: FactSet
    skipped: list[str] = field(default_factory=list)


def is_table_mapping(path: Path) -> bool:
    """A YAML file with a ``table:`` section is a table mapping, not reviewed facts (a file
    that cannot be read is left to the facts reader, which says why)."""
    try:
        document = load_yaml(path)
    except SourceError:
        return False
    return isinstance(document, dict) and "table" in document


_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _physical_lines(text: str) -> list[tuple[int, str]]:
    """Lines as CSV and a text editor see them, with their offsets: ended by \\n, \\r\\n or \\r
    only (str.splitlines() would also break at U+2028, U+0085, \\x0b, \\x0c and \\x1c–\\x1e,
    which a cell may hold)."""
    return [(m.start(), m.group()) for m in _PHYSICAL_LINE.finditer(text)]


def _records(path: Path, text: str, fmt: str) -> Iterator[tuple[list[str], int, int]]:
    """Each record's cells and the span of its text (one line, or several for a quoted cell
    that holds line breaks)."""
    lines = _physical_lines(text)
    if fmt == "whitespace":
        for start, line in lines:
            yield line.split(), start, start + len(line.rstrip("\r\n"))
        return
    consumed = 0

    def feed() -> Iterator[str]:
        nonlocal consumed
        for _, line in lines:
            consumed += 1
            yield line

    reader = csv.reader(feed(), delimiter="\t" if fmt == "tsv" else ",")
    while True:
        first = consumed
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise SourceError(path, f"line {consumed}: not valid {fmt.upper()}: {error}") from None
        start = lines[first][0]
        last_start, last_line = lines[consumed - 1]
        yield cells, start, last_start + len(last_line.rstrip("\r\n"))


def _text_rows(path: Path, fmt: str, encoding: str | None) -> list[TableRow]:
    text = decode_source(read_source_file(path, MAX_TABLE_BYTES), path, encoding)
    if text.startswith("\ufeff"):  # a byte-order mark the codec kept (UTF-16 declared by name)
        text = text[1:]
    header: list[str] | None = None
    rows: list[TableRow] = []
    number = 0  # records after the header, blank ones included (as a reader counts them)
    for cells, start, end in _records(path, text, fmt):
        if header is not None:
            number += 1
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if fmt == "whitespace" and len(cells) > len(header):  # a last column with spaces in it
            cells = cells[: len(header) - 1] + [" ".join(cells[len(header) - 1:])]
        values = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
        rows.append(TableRow(number, values, (start, end), text[start:end]))
    if header is None:
        raise SourceError(path, "the table is empty")
    return rows


def read_table(path: str | Path, fmt: str, *, sheet: str | None = None, encoding: str | None = None) -> list[TableRow]:
    """The rows of a table file as dicts by header, numbered from 1.

    Raises
    ------
    SourceError
        An unknown format, a file that is missing, too large or not a regular file, text in
        no known encoding, malformed CSV, an unreadable Parquet or Excel file, a missing or
        empty sheet.
    """
    path = Path(path)
    if fmt not in FORMATS:
        raise SourceError(path, f"unknown table format {fmt[:40]!r} (one of {', '.join(FORMATS)})")
    if fmt in ("csv", "tsv", "whitespace"):
        return _text_rows(path, fmt, encoding)
    data = read_source_file(path, MAX_TABLE_BYTES)
    if fmt == "parquet":
        return _parquet_rows(path, data)
    return _excel_rows(path, data, sheet)


def _parquet_rows(path: Path, data: bytes) -> list[TableRow]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(pa.BufferReader(data))
        metadata = parquet.metadata
        if metadata.num_rows * max(metadata.num_columns, 1) > MAX_TABLE_CELLS:
            raise SourceError(path, f"the table declares {metadata.num_rows:,} rows × {metadata.num_columns} columns; "
                                    f"the limit is {MAX_TABLE_CELLS:,} cells")
        records = parquet.read().to_pylist()
    except (pa.ArrowException, OSError, ValueError) as error:  # ArrowInvalid, a truncated or foreign file
        raise SourceError(path, f"not a readable Parquet file: {_first_line(error)}") from None
    if not records and not parquet.schema_arrow.names:
        raise SourceError(path, "the table is empty")
    return [TableRow(i, {str(k): "" if v is None else str(v) for k, v in r.items()}, None, None)
            for i, r in enumerate(records, 1)]


def _excel_rows(path: Path, data: bytes, sheet: str | None) -> list[TableRow]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError, EOFError) as error:
        # a file that is no xlsx, or an xlsx zip missing a part openpyxl needs
        raise SourceError(path, f"not a readable Excel (.xlsx) file: {type(error).__name__}: {_first_line(error)}") from None
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise SourceError(path, f"no sheet {sheet[:60]!r} (the workbook has: {', '.join(workbook.sheetnames)[:200]})",
                              field="sheet")
        if not workbook.sheetnames:
            raise SourceError(path, "the workbook has no sheets")
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        cells: list[list[str]] = []
        count = 0
        for row in worksheet.iter_rows(values_only=True):
            count += len(row)
            if count > MAX_TABLE_CELLS:
                raise SourceError(path, f"the sheet has more than {MAX_TABLE_CELLS:,} cells")
            cells.append(["" if c is None else str(c).strip() for c in row])
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError) as error:
        raise SourceError(path, f"not a readable Excel (.xlsx) sheet: {type(error).__name__}: {_first_line(error)}") from None
    finally:
        workbook.close()
    cells = [row for row in cells if any(row)]
    if not cells:
        raise SourceError(path, f"sheet {worksheet.title!r} is empty")
    header = cells[0]
    # openpyxl pads rows to the sheet's recorded width, but a sheet saved without one gives each
    # row its own length: a short row lacks the later columns (and the mapping says which one).
    return [TableRow(i, dict(zip(header, row, strict=False)), None, None) for i, row in enumerate(cells[1:], 1)]


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return (text.splitlines()[0] if text else "")[:200]


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _quoted(value: Any) -> str:
    """A cell's repr for a message, clipped (a cell may hold a whole paragraph)."""
    text = str(value)
    return repr(text) if len(text) <= 80 else repr(text[:80]) + "…"


def _slug(prefix: str, name: str) -> str:
    return f"{prefix}/t{hashlib.sha1(name.encode('utf-8')).hexdigest()[:12]}"


#: ``method`` of a fact a registry row's industry code places on a chain segment.
CLASSIFIED = "classified"
#: The code alone decides: the row states the code; the table, a judgement, maps it.
CLASSIFIED_CONFIDENCE = Decimal("0.9")
#: The products text chose among a code's segments: words, like ``loaders.segments``.
CHOSEN_CONFIDENCE = Decimal("0.8")


def _joined(*notes: str | None) -> str | None:
    return "; ".join(n for n in notes if n) or None


def _target_name(target: str) -> str:
    for chain in load_chain_templates().values():
        if chain.id == target:
            return chain.name
        for segment in chain.segments:
            if segment.id == target:
                return f"{chain.name}/{segment.name}"
    return target


@dataclass(frozen=True)
class AddressMatch:
    """What a registered address names: the divisions read from its start, the coded town (or
    the name of a town the table lacks), and the place to locate the firm in."""

    divisions: tuple[PlaceEntry, ...]
    town: PlaceEntry | None
    town_name: str | None
    place: PlaceEntry | None


_TOWN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道)")
_LONGEST_PLACE = 12
_SPECIFIC = {"township": 0, "county": 1, "prefecture": 3, "province": 4}


def resolve_address(address: str, places) -> AddressMatch:
    """Read the divisions an address opens with: from its start, the longest gazetteer name
    that begins where the last one ended (so 晋江 never matches inside 南晋江路, and 泉州台商投资区
    wins over 泉州), then a town (…镇 / …乡 / …街道) right after them. The firm is placed in the
    town when the division table codes it, else in the county (or the zone, prefecture,
    province: the most specific named).

    >>> from chainkg.loaders.gazetteer import place_gazetteer
    >>> found = resolve_address("福建省泉州市晋江市甲乙镇创新路1号", place_gazetteer())
    >>> [d.name for d in found.divisions], found.town_name, found.place.name
    (['福建省', '泉州市', '晋江市'], '甲乙镇', '晋江市')
    >>> found = resolve_address("泉州市惠安县张坂镇1号", place_gazetteer())
    >>> found.town.name, found.place.id
    ('张坂镇', 'area/350521106')
    """
    text = unicodedata.normalize("NFKC", address).replace(" ", "")
    position = 2 if text.startswith("中国") else 0
    divisions: list[PlaceEntry] = []
    town_name = None
    while position < len(text):
        length = next((n for n in range(min(_LONGEST_PLACE, len(text) - position), 1, -1)
                       if text[position:position + n] in places), 0)
        if length:
            entry = places[text[position:position + length]]
            divisions.append(entry)
            position += length
            if entry.admin_level == "township":
                town_name = entry.name
                break
            continue
        named_town = _TOWN_NAME.match(text, position)
        if named_town and divisions:
            town_name = named_town.group()
        break
    town = next((d for d in divisions if d.admin_level == "township"), None)
    ranked = sorted(divisions, key=lambda d: _SPECIFIC.get(d.admin_level or "", 2))
    return AddressMatch(tuple(divisions), town, town_name, ranked[0] if ranked else None)


class _Mapper:
    def __init__(self, mapping_path: Path, mapping: dict, source: SourceDocument):
        self.path = mapping_path
        self.mapping = mapping
        self.source = source
        self.places = place_gazetteer()
        self.chains = chain_gazetteer()

    def fail(self, row: TableRow, column: str, message: str) -> SourceError:
        return SourceError(self.source.file or self.path, f"row {row.number}: column {_clip(column)}: {message}")

    def look_up(self, row: TableRow, column: str, entries: dict, what: str):
        """The gazetteer entry the row's ``column`` names; an unknown name is the row's error."""
        text = self.value(row, {"column": column}, what)
        entry = entries.get(text)
        if entry is None:
            raise self.fail(row, column, f"unknown {what} {_quoted(text)}")
        return entry

    def value(self, row: TableRow, spec, what: str) -> str:
        if isinstance(spec, str):
            return spec
        column = spec.get("column")
        if column not in row.values:
            raise self.fail(row, str(column), f"no such column (the table has: {', '.join(row.values)[:200]})")
        text = row.values[column]
        for ch in spec.get("strip", ""):
            text = text.replace(ch, "")
        text = text.strip()
        if "map" in spec:
            if text not in spec["map"] and "default" not in spec:
                raise self.fail(row, column, f"{what} {_quoted(text)} is not in the mapping's map")
            text = spec["map"].get(text, spec.get("default"))
        if not text and spec.get("required", True):
            raise self.fail(row, column, f"empty {what}")
        return text

    def row_facts(self, row: TableRow) -> FactSet:
        spec = self.mapping["entity"]
        name = self.value(row, spec["name"], "name")
        name = normalize_annotated_text(name).text
        type_spec = spec["type"]
        if isinstance(type_spec, dict) and "by_name_suffix" in type_spec:
            entity_type = next((cls for suffix, cls in type_spec["by_name_suffix"].items() if name.endswith(suffix)),
                               type_spec.get("default"))
        else:
            entity_type = self.value(row, type_spec, "type")
        if entity_type not in CLASSES:
            column = type_spec.get("column", "type") if isinstance(type_spec, dict) else "type"
            raise self.fail(row, str(column), f"unknown class {_quoted(entity_type)}")
        credit_code = self.credit_code(row, spec)
        # a registry's firm is its credit code, not its name: two firms of one name stay two
        entity_id = _slug(spec.get("id_prefix", "org"), name if credit_code is None else f"credit:{credit_code.upper()}")
        evidence: tuple[TextSpan, ...] = ()
        if row.span is not None and row.text is not None:  # a text format's row: both or neither
            evidence = (TextSpan(self.source.id, row.span[0], row.span[1], row.text, normalize_annotated_text(row.text).text),)
        note = self.value(row, {**spec["note"], "required": False}, "note") if "note" in spec else None
        entity = Entity(id=entity_id, types=(entity_type,), name=name, note=note or None, evidence=evidence,
                        sources=(self.source.id,), origin=Origin(str(self.path), row.number),
                        credit_code=credit_code, stock_code=self.optional(row, spec, "stock_code"))
        facts = FactSet(entities={entity_id: entity})
        quoted = evidence[0] if evidence else None
        for relation_spec in self.mapping.get("relations", []):
            predicate = relation_spec["predicate"]  # checked against the ontology on loading the mapping
            target = relation_spec["object"]  # exactly one of place, chain and address (MappingFile)
            where_note = None
            if "chain" in target:
                object_id = self.look_up(row, target["chain"], self.chains, "chain").id
            else:
                if "place" in target:
                    entry = self.look_up(row, target["place"], self.places, "place")
                else:
                    entry, where_note = self.address(row, target["address"])
                object_id = entry.id
                facts.entities.setdefault(object_id, Entity(
                    id=object_id, types=(entry.type,), name=entry.name, aliases=entry.aliases,
                    division_code=entry.division_code, admin_level=entry.admin_level, sources=(self.source.id,)))
            facts.relations.append(Relation(
                entity_id, predicate, object_id, self.source.id, Decimal("1"), "reviewed", evidence=quoted,
                note=_joined(where_note, None if evidence else f"table row {row.number}"),
                origin=Origin(str(self.path), row.number)))
        facts.relations.extend(self.classified(row, spec, entity_id, quoted))
        return facts

    def optional(self, row: TableRow, spec: dict, key: str) -> str | None:
        """The row's value for an optional entity column the mapping names (None if unnamed or empty)."""
        if key not in spec:
            return None
        return self.value(row, spec[key], key.replace("_", " ")) or None

    def credit_code(self, row: TableRow, spec: dict) -> str | None:
        code = self.optional(row, spec, "credit_code")
        if code is None:
            return None
        code = unicodedata.normalize("NFKC", code).upper()  # full-width digits and letters as registries paste them
        problem = credit_code_problem(code)
        if problem is not None:
            raise self.fail(row, spec["credit_code"]["column"], f"统一社会信用代码 {_quoted(code)}: {problem}")
        return code

    def address(self, row: TableRow, column: str) -> tuple[PlaceEntry, str | None]:
        """The place a registered address resolves to (its town when the division table codes
        it, else its county), and a note naming a town the table does not code."""
        text = self.value(row, {"column": column}, "address")
        found = resolve_address(text, self.places)
        if found.place is None:
            raise self.fail(row, column, f"no county or other division found at the start of the address {_quoted(text)}")
        note = f"registered address in {found.town_name} (a town the division table does not code)" \
            if found.town_name and found.town is None else None
        return found.place, note

    def classified(self, row: TableRow, spec: dict, entity_id: str, quoted: TextSpan | None) -> list[Relation]:
        """operatesIn facts from the row's GB/T 4754-2017 code (``method = classified``)."""
        code = self.optional(row, spec, "industry_code")
        if code is None:
            return []
        try:
            found = classify_industry(code, self.optional(row, spec, "products"))
        except ValueError as error:
            raise self.fail(row, spec["industry_code"]["column"], str(error)) from None
        if found is None:
            return []  # an industry no chain template covers: the firm stays off the chains
        where = "" if quoted else f"; table row {row.number}"
        relations = []
        for target in found.targets:
            word = found.words.get(target.target)
            relations.append(Relation(
                entity_id, "operatesIn", target.target, self.source.id,
                CHOSEN_CONFIDENCE if word else CLASSIFIED_CONFIDENCE, CLASSIFIED, evidence=quoted,
                note=f"classified: GB/T 4754-2017 {found.code} → {target.code} {target.code_name} → "
                     f"{_target_name(target.target)} (industry_segments.csv line {target.line}, rule {target.rule})"
                     + (f"; the products text names {word}" if word else "") + where,
                origin=Origin(str(self.path), row.number)))
        return relations


def load_table(mapping_path: str | Path, *, skip_bad_rows: bool = False) -> FactSet:
    """Load a table through its mapping; see the module docstring for the mapping's shape."""
    return load_table_report(mapping_path, skip_bad_rows=skip_bad_rows).facts


def load_table_report(mapping_path: str | Path, *, skip_bad_rows: bool = False) -> TableLoad:
    """:func:`load_table`, also returning the rows it skipped (with ``skip_bad_rows``)."""
    mapping_path = Path(mapping_path)
    mapping = load_yaml(mapping_path)
    if not isinstance(mapping, dict):
        raise SourceError(mapping_path, f"expected a mapping with 'source', 'table', 'entity', got {brief(mapping)}")
    spec = check_schema(MappingFile, mapping, mapping_path)
    mapping = spec.model_dump(exclude_none=True)  # the checked values, numbers in text fields now text
    try:
        file = (mapping_path.parent / spec.table.file).resolve()
    except (OSError, ValueError) as error:  # a path the system cannot resolve (a NUL in it)
        raise SourceError(mapping_path, f"cannot resolve the table file: {error}", field="file") from None
    for relation in spec.relations:
        if relation.predicate not in RELATIONS:
            raise SourceError(mapping_path, f"unknown property {relation.predicate[:60]!r}", field="predicate")
    rows = read_table(file, spec.table.format, sheet=spec.table.sheet, encoding=spec.table.encoding)
    data = read_source_file(file, MAX_TABLE_BYTES)
    source = SourceDocument(id=spec.source.id, kind="table", title=spec.source.title, file=file,
                            sha256=hashlib.sha256(data).hexdigest(), citation=spec.source.citation,
                            note=f"table loaded through {mapping_path.name}")
    mapper = _Mapper(mapping_path, mapping, source)
    result = TableLoad(FactSet(sources={source.id: source}))
    errors = []
    for row in rows:
        try:
            result.facts.merge(mapper.row_facts(row))
        except SourceError as error:
            if not skip_bad_rows:
                errors.append(str(error))
            else:
                result.skipped.append(str(error))
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise SourceError(mapping_path, f"{len(errors)} bad row(s), nothing loaded: {errors[0]}{more}")
    return result
