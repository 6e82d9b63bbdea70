r"""Tables in — registries, park rosters, project lists — through a declared column mapping.

A mapping file (YAML) names the table, its format and how its columns become ontology terms::

    source: {id: quanzhou_park_projects, title: 泉州市工业园区标准化建设项目清单, citation: https://…}
    table:  {file: projects.csv, format: csv}          # csv | tsv | whitespace | parquet | excel (sheet: …)
    entity:
      type: IndustrialPark                             # or {column: 类型, map: {园区: IndustrialPark, 项目: Project}}
      name: {column: 项目名称, strip: "★"}
      id_prefix: park                                  # ids: park/t<hash of the name>, stable
      note: {column: 备注}
    relations:
      - {predicate: locatedIn, object: {place: 属地}}   # a place name, through the gazetteer
      - {predicate: operatesIn, object: {chain: 产业链}}  # a chain name or alias

Every row is checked before anything is returned: an error names the file, the row number and
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
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from chainkg.errors import SourceError
from chainkg.loaders.gazetteer import chain_gazetteer, place_gazetteer
from chainkg.loaders.records import Entity, FactSet, Origin, Relation, SourceDocument, TextSpan
from chainkg.loaders.text import normalize_annotated_text
from chainkg.ontology import CLASSES, RELATIONS

__all__ = ["FORMATS", "TableRow", "TableLoad", "read_table", "load_table", "is_table_mapping"]

FORMATS = ("csv", "tsv", "whitespace", "parquet", "excel")


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
    """A YAML file with a ``table:`` section is a table mapping, not reviewed facts."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return False
    return isinstance(document, dict) and "table" in document


def _text_rows(path: Path, fmt: str) -> list[TableRow]:
    text = path.read_text(encoding="utf-8-sig")
    lines, offsets, position = [], [], 0
    for line in text.splitlines(keepends=True):
        lines.append(line)
        offsets.append(position)
        position += len(line)
    if fmt == "whitespace":
        split = [line.split() for line in lines]
    else:
        split = list(csv.reader(io.StringIO(text), delimiter="\t" if fmt == "tsv" else ","))
        if len(split) != len([line for line in lines if line.strip()]):
            split = [next(csv.reader([line], delimiter="\t" if fmt == "tsv" else ",")) if line.strip() else [] for line in lines]
    header_index = next((i for i, cells in enumerate(split) if cells), None)
    if header_index is None:
        raise SourceError(path, "the table is empty")
    header = [c.strip() for c in split[header_index]]
    rows = []
    for number, index in enumerate(range(header_index + 1, len(split)), 1):
        cells = split[index]
        if not cells:
            continue
        if fmt == "whitespace" and len(cells) > len(header):  # a last column with spaces in it
            cells = cells[: len(header) - 1] + [" ".join(cells[len(header) - 1:])]
        values = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
        line = lines[index].rstrip("\r\n")
        rows.append(TableRow(number, values, (offsets[index], offsets[index] + len(line)), line))
    return rows


def read_table(path: str | Path, fmt: str, *, sheet: str | None = None) -> list[TableRow]:
    """The rows of a table file as dicts by header, numbered from 1."""
    path = Path(path)
    if fmt not in FORMATS:
        raise SourceError(path, f"unknown table format {fmt!r} (one of {', '.join(FORMATS)})")
    if not path.exists():
        raise SourceError(path, "table file not found")
    if fmt in ("csv", "tsv", "whitespace"):
        return _text_rows(path, fmt)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        records = pq.read_table(path).to_pylist()
        return [TableRow(i, {k: "" if v is None else str(v) for k, v in r.items()}, None, None) for i, r in enumerate(records, 1)]
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    cells = [["" if c is None else str(c).strip() for c in row] for row in worksheet.iter_rows(values_only=True)]
    header = cells[0]
    # openpyxl pads rows to the sheet's recorded width, but a sheet saved without one gives each
    # row its own length: a short row lacks the later columns (and the mapping says which one).
    return [TableRow(i, dict(zip(header, row, strict=False)), None, None) for i, row in enumerate(cells[1:], 1) if any(row)]


def _slug(prefix: str, name: str) -> str:
    return f"{prefix}/t{hashlib.sha1(name.encode('utf-8')).hexdigest()[:12]}"


class _Mapper:
    def __init__(self, mapping_path: Path, mapping: dict, source: SourceDocument):
        self.path = mapping_path
        self.mapping = mapping
        self.source = source
        self.places = place_gazetteer()
        self.chains = chain_gazetteer()

    def fail(self, row: TableRow, column: str, message: str) -> SourceError:
        return SourceError(self.source.file or self.path, f"row {row.number}: column {column}: {message}")

    def look_up(self, row: TableRow, column: str, entries: dict, what: str):
        """The gazetteer entry the row's ``column`` names; an unknown name is the row's error."""
        text = self.value(row, {"column": column}, what)
        entry = entries.get(text)
        if entry is None:
            raise self.fail(row, column, f"unknown {what} {text!r}")
        return entry

    def value(self, row: TableRow, spec, what: str) -> str:
        if isinstance(spec, str):
            return spec
        column = spec.get("column")
        if column not in row.values:
            raise self.fail(row, str(column), f"no such column (the table has: {', '.join(row.values)})")
        text = row.values[column]
        for ch in spec.get("strip", ""):
            text = text.replace(ch, "")
        text = text.strip()
        if "map" in spec:
            if text not in spec["map"] and "default" not in spec:
                raise self.fail(row, column, f"{what} {text!r} is not in the mapping's map")
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
            raise self.fail(row, str(type_spec), f"unknown class {entity_type!r}")
        entity_id = _slug(spec.get("id_prefix", "org"), name)
        evidence: tuple[TextSpan, ...] = ()
        if row.span is not None and row.text is not None:  # a text format's row: both or neither
            evidence = (TextSpan(self.source.id, row.span[0], row.span[1], row.text, normalize_annotated_text(row.text).text),)
        note = self.value(row, {**spec["note"], "required": False}, "note") if "note" in spec else None
        entity = Entity(id=entity_id, types=(entity_type,), name=name, note=note or None, evidence=evidence,
                        sources=(self.source.id,), origin=Origin(str(self.path), row.number))
        facts = FactSet(entities={entity_id: entity})
        for relation_spec in self.mapping.get("relations", []):
            predicate = relation_spec["predicate"]
            if predicate not in RELATIONS:
                raise SourceError(self.path, f"unknown property {predicate!r}", field="relations")
            target = relation_spec["object"]
            if "place" in target:
                entry = self.look_up(row, target["place"], self.places, "place")
                object_id = entry.id
                facts.entities.setdefault(object_id, Entity(
                    id=object_id, types=(entry.type,), name=entry.name, aliases=entry.aliases,
                    division_code=entry.division_code, admin_level=entry.admin_level, sources=(self.source.id,)))
            elif "chain" in target:
                object_id = self.look_up(row, target["chain"], self.chains, "chain").id
            else:
                raise SourceError(self.path, "a relation's object needs 'place' or 'chain'", field="relations")
            facts.relations.append(Relation(
                entity_id, predicate, object_id, self.source.id, Decimal("1"), "reviewed",
                evidence=evidence[0] if evidence else None,
                note=None if evidence else f"table row {row.number}", origin=Origin(str(self.path), row.number)))
        return facts


def load_table(mapping_path: str | Path, *, skip_bad_rows: bool = False) -> FactSet:
    """Load a table through its mapping; see the module docstring for the mapping's shape."""
    return load_table_report(mapping_path, skip_bad_rows=skip_bad_rows).facts


def load_table_report(mapping_path: str | Path, *, skip_bad_rows: bool = False) -> TableLoad:
    """:func:`load_table`, also returning the rows it skipped (with ``skip_bad_rows``)."""
    mapping_path = Path(mapping_path)
    try:
        mapping = yaml.safe_load(mapping_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(mapping_path, "file not found") from None
    except yaml.YAMLError as error:
        raise SourceError(mapping_path, f"malformed YAML: {error}") from None
    for section in ("source", "table", "entity"):
        if not isinstance(mapping.get(section), dict):
            raise SourceError(mapping_path, f"missing the '{section}' mapping", field=section)
    table = mapping["table"]
    file = (mapping_path.parent / table["file"]).resolve()
    source_spec = mapping["source"]
    data = file.read_bytes() if file.exists() else b""
    source = SourceDocument(id=source_spec["id"], kind="table", title=source_spec["title"], file=file,
                            sha256=hashlib.sha256(data).hexdigest(), citation=source_spec.get("citation"),
                            note=f"table loaded through {mapping_path.name}")
    rows = read_table(file, table.get("format", "csv"), sheet=table.get("sheet"))
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
