"""Bad input exits non-zero with a message naming the file, line or field; outputs stay intact."""

import re
import shutil

import pytest
import yaml
from rdflib import Graph
from rdflib.query import ResultRow

from chainkg.cli import main
from chainkg.errors import SourceError
from chainkg.graph.build import load_facts
from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS, load_reviewed_facts
from chainkg.ontology import CKG, SHAPES_FILE, allowed_values


@pytest.fixture()
def facts_copy(tmp_path):
    """A copy of the seed facts and its article, to break in one place."""
    shutil.copy(SEED_FACTS.parent / "seed_quanzhou_parks_2024q1.txt", tmp_path)
    target = tmp_path / SEED_FACTS.name
    shutil.copy(SEED_FACTS, target)
    return target


def replace_once(path, old: str, new: str) -> int:
    """Replace the first `old` in `path`; return its 1-based line number."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text[:at].count("\n") + 1


def test_missing_file():
    with pytest.raises(SourceError, match=r"nope\.yaml: file not found"):
        load_facts(["nope.yaml"])


def test_malformed_yaml_names_the_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("source:\n  id: x\n  kind: article\nentities: [\n  - {id: org/a\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad\.yaml:\d+: malformed YAML"):
        load_reviewed_facts(bad)


def test_unknown_class_names_line_field_and_suggests(facts_copy):
    line = replace_once(facts_copy, "type: Company", "type: Compnay")
    with pytest.raises(SourceError) as error:
        load_reviewed_facts(facts_copy)
    assert str(error.value).startswith(f"{facts_copy}:{line}: type: unknown class 'Compnay'")
    assert "did you mean Company" in str(error.value)


def test_unknown_property_names_line_and_field(facts_copy):
    line = replace_once(facts_copy, "predicate: hostsChain", "predicate: hostChain")
    with pytest.raises(SourceError, match=rf":{line}: predicate: unknown property 'hostChain' \(did you mean hostsChain"):
        load_reviewed_facts(facts_copy)


def test_quote_that_does_not_match_its_offsets(facts_copy):
    text = facts_copy.read_text(encoding="utf-8")
    first_start = yaml.safe_load(text)["relations"][0]["evidence"]["start"]
    line = replace_once(facts_copy, f"start: {first_start}\n    end:", f"start: {first_start + 1}\n    end:")
    with pytest.raises(SourceError) as error:
        load_reviewed_facts(facts_copy)
    message = str(error.value)
    assert f"{facts_copy}:" in message and "quote: quote does not match the file" in message
    assert f"the quote stands at [{first_start}," in message
    assert int(message.split(":")[1]) in range(line, line + 3)


def test_article_changed_since_review(facts_copy):
    article = facts_copy.parent / "seed_quanzhou_parks_2024q1.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"sha256: seed_quanzhou_parks_2024q1\.txt has changed since review"):
        load_reviewed_facts(facts_copy)


def test_unknown_reference_is_named_with_its_line(facts_copy):
    line = replace_once(facts_copy, "object: area/350582", "object: area/350599")
    with pytest.raises(SourceError, match=rf"{facts_copy.name}:{line}: object: unknown id 'area/350599'"):
        load_facts([PLACES_FACTS, facts_copy])


def test_relation_outside_its_domain_is_refused(facts_copy):
    line = replace_once(facts_copy, "subject: park/nanan_xingu\n  predicate: locatedIn", "subject: park/nanan_xingu\n  predicate: listedOn")
    with pytest.raises(SourceError, match=rf":{line}: subject: listedOn does not take a IndustrialPark"):
        load_facts([PLACES_FACTS, facts_copy])


@pytest.mark.parametrize(
    "breakage",
    [
        ("type: Company", "type: Compnay"),
        ("predicate: hostsChain", "predicate: hostChain"),
        ("quote: ", "quote: X"),
    ],
)
def test_build_with_bad_input_exits_nonzero_and_leaves_outputs_intact(tmp_path, facts_copy, capsys, breakage):
    out = tmp_path / "out"
    assert main(["build", "--out", str(out), str(PLACES_FACTS), str(facts_copy)]) == 0
    before = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert len(before) == 6 + 2 * 14  # 4 graph files, report.html, gaps.html, a matrix and a chain map per chain
    replace_once(facts_copy, *breakage)
    capsys.readouterr()
    assert main(["build", "--out", str(out), str(PLACES_FACTS), str(facts_copy)]) == 2
    error = capsys.readouterr().err.splitlines()[-1]
    assert error.startswith(f"chainkg: error: {facts_copy}:")
    assert {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_build_of_a_missing_source_exits_2(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path), str(tmp_path / "missing.yaml")]) == 2
    assert "missing.yaml: file not found" in capsys.readouterr().err


#: Each closed-vocabulary field of a facts file: the ontology property whose shape lists its
#: values, the bundled file and a line in it that sets the field, and how errors name it.
VOCABULARY_FIELDS = [
    ("admin_level", CKG.adminLevel, PLACES_FACTS, "admin_level: province", "admin level"),
    ("status", CKG.status, SEED_FACTS, "  status: in_operation", "project status"),
    ("leadership_kind", CKG.leadershipKind, SEED_FACTS, "leadership_kind: chain_leader", "leadership kind"),
    ("measure", CKG.measure, SEED_FACTS, "measure: project_count", "measure"),
    ("bound", CKG.bound, SEED_FACTS, "bound: exact", "bound"),
    ("project_status", CKG.projectStatus, SEED_FACTS, "project_status: in_operation", "project status"),
]


def sh_in_values(prop) -> set[str]:
    """The values shapes.ttl lists for ``prop``, read with SPARQL (not with the code under test)."""
    rows = Graph().parse(SHAPES_FILE).query(
        "PREFIX sh: <http://www.w3.org/ns/shacl#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
        "SELECT DISTINCT ?value WHERE { ?shape sh:path ?prop ; sh:in ?list . ?list rdf:rest*/rdf:first ?value }",
        initBindings={"prop": prop})
    values = set()
    for row in rows:
        assert isinstance(row, ResultRow)  # a SELECT answers rows (rdflib types every kind of answer alike)
        values.add(str(row.value))
    return values


def facts_file_copy(tmp_path, source):
    """A copy of a bundled facts file (and the seed's article beside it) to change."""
    shutil.copy(SEED_FACTS.parent / "seed_quanzhou_parks_2024q1.txt", tmp_path)
    return shutil.copy(source, tmp_path / source.name)


@pytest.mark.parametrize("field, prop, source, line_text, what", VOCABULARY_FIELDS, ids=[f[0] for f in VOCABULARY_FIELDS])
def test_the_checker_allows_exactly_the_values_the_shapes_list(tmp_path, field, prop, source, line_text, what):
    listed = sh_in_values(prop)
    assert len(listed) >= 2 and set(allowed_values(prop)) == listed
    path = facts_file_copy(tmp_path, source)
    original = path.read_text(encoding="utf-8")
    # every listed value loads ...
    for value in sorted(listed):
        path.write_text(original.replace(line_text, line_text.split(":")[0] + ": " + value, 1), encoding="utf-8")
        load_reviewed_facts(path)
    # ... and one outside the list is refused with file, line and field, and the list it must come from
    path.write_text(original, encoding="utf-8")
    line = replace_once(path, line_text, line_text.split(":")[0] + ": zzzz")
    with pytest.raises(SourceError) as error:
        load_reviewed_facts(path)
    message = str(error.value)
    assert message.startswith(f"{path}:{line}: {field}: unknown {what} 'zzzz' (expected one of: ")
    assert set(message.split("expected one of: ")[1].rstrip(")").split(", ")) == listed


def test_a_close_miss_is_refused_with_a_suggestion_from_the_shapes(tmp_path):
    path = facts_file_copy(tmp_path, PLACES_FACTS)
    line = replace_once(path, "admin_level: province", "admin_level: provinces")
    with pytest.raises(SourceError, match=rf"^{re.escape(str(path))}:{line}: admin_level: unknown admin level 'provinces' "
                                          r"\(did you mean province\?\)$"):
        load_reviewed_facts(path)


def test_a_qualifier_the_records_declare_is_read_from_a_facts_file_and_checked_against_the_shapes(tmp_path):
    """modality was added as one field on Relation; the facts reader takes it with no edit of its own."""
    path = facts_file_copy(tmp_path, SEED_FACTS)
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("  leadership_kind: chain_leader\n",
                                     "  leadership_kind: chain_leader\n  modality: intended\n", 1), encoding="utf-8")
    [lead] = [r for r in load_reviewed_facts(path).relations if r.leadership_kind == "chain_leader"]
    assert lead.modality == "intended"
    assert set(allowed_values(CKG.modality)) == sh_in_values(CKG.modality) == {"stated", "intended"}
    path.write_text(original, encoding="utf-8")
    line = replace_once(path, "  leadership_kind: chain_leader", "  leadership_kind: chain_leader\n  modality: maybe") + 1
    with pytest.raises(SourceError, match=rf"^{re.escape(str(path))}:{line}: modality: unknown modality 'maybe'"):
        load_reviewed_facts(path)


# --- Issue 13: every bad input one short line (each on a minimal input made here) -----------

import time  # noqa: E402  (kept beside the tests that use it)

from chainkg.errors import MAX_MESSAGE  # noqa: E402
from chainkg.loaders.tables import load_table, read_table  # noqa: E402

MINIMAL_FACTS = "source: {id: s, kind: reference_table, title: 标题}\n"


def one_line_error(call) -> str:
    """The SourceError ``call`` raises, checked to be one line of at most 500 characters."""
    with pytest.raises(SourceError) as error:
        call()
    message = str(error.value)
    assert len(message) <= MAX_MESSAGE and len(message.splitlines()) == 1, message[:1000]
    return message


def cli_error(capsys, argv) -> tuple[int, str]:
    """Exit status and the one stderr line of a failing command."""
    capsys.readouterr()
    status = main(argv)
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("chainkg: error:")]
    assert len(lines) == 1 and len(lines[0]) <= MAX_MESSAGE
    return status, lines[0]


def test_a_486_byte_anchor_bomb_fails_fast_with_a_short_line(tmp_path, capsys):
    levels = "".join(f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True))
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + levels, encoding="utf-8")
    assert 300 <= bomb.stat().st_size <= 486  # 9**9 ≈ 387 million strings once expanded
    started = time.perf_counter()
    status, line = cli_error(capsys, ["validate", str(bomb)])
    assert time.perf_counter() - started < 1.0
    assert status == 2 and line == (f"chainkg: error: {bomb}:1: malformed YAML: aliases expand to more than 100000 "
                                    "extra nodes: refused as a possible anchor bomb")


@pytest.mark.parametrize("text, problem", [
    ("a: &a [*a]\n", "an alias refers to a node that contains it"),
    ("[" * 200 + "]" * 200 + "\n", "nested deeper than 64 levels"),
    ("".join(f"k{i}: &x{i} 1\n" for i in range(101)) + "l: [" + ", ".join(f"*x{i}" for i in range(101)) + "]\n",
     "more than 100 aliases (*name): refused as a possible anchor bomb"),
    ("value: " + "9" * 5000 + "\n", "malformed YAML: a value Python cannot hold"),
])
def test_yaml_that_no_loader_should_build_is_one_line(tmp_path, text, problem):
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    assert problem in one_line_error(lambda: load_reviewed_facts(path))


@pytest.mark.parametrize("target, problem", [("/dev/zero", "/dev/zero: not a regular file (a device, pipe or socket)"),
                                             (".", "is a folder, not a file")])
def test_a_source_file_that_is_a_device_or_a_folder_is_one_line(tmp_path, capsys, target, problem):
    path = tmp_path / "f.yaml"
    path.write_text(f"source: {{id: s, kind: article, title: t, file: {target}}}\n", encoding="utf-8")
    status, line = cli_error(capsys, ["validate", str(path)])
    assert status == 2 and line.startswith(f"chainkg: error: {path}:1: file: source file ") and line.endswith(problem)


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    import chainkg.loaders.validation as validation

    monkeypatch.setattr(validation, "MAX_YAML_BYTES", 10)
    path = tmp_path / "f.yaml"
    path.write_text(MINIMAL_FACTS, encoding="utf-8")
    assert one_line_error(lambda: load_reviewed_facts(path)) == (
        f"{path}: file is {len(MINIMAL_FACTS.encode())} bytes; the limit for this kind of file is 10")


@pytest.mark.parametrize("section, field, value, expected", [
    ("relations", "confidence", ".nan", "expected a finite number, got float nan"),
    ("relations", "confidence", "-.inf", "expected a finite number, got float -inf"),
    ("relations", "confidence", "true", "expected a number, got bool True"),
    ("observations", "value", "1.0e+400", "expected a finite number, got float inf"),
    ("observations", "value", "'1e99999'", "expected a number between 1e-30 and 1e30, got str '1e99999'"),
])
def test_a_number_that_is_not_a_finite_number_is_one_line(tmp_path, section, field, value, expected):
    records = {"relations": "  - {subject: org/a, predicate: locatedIn, object: area/350582, confidence: 1}\n",
               "observations": "  - {about: org/a, measure: firm_count, value: 1, unit: 家, period: {label: x}}\n"}
    path = tmp_path / "f.yaml"
    path.write_text(MINIMAL_FACTS + f"{section}:\n" + records[section].replace(f"{field}: 1", f"{field}: {value}"),
                    encoding="utf-8")
    assert one_line_error(lambda: load_reviewed_facts(path)) == f"{path}:3: {field}: {expected}"


@pytest.mark.parametrize("text, line, field, expected", [
    ("source: {id: s, kind: article}\n", 1, "title", "required field is missing"),
    ("source: {id: s, kind: reference_table, title: [a, b]}\n", 1, "title", "expected text, got a list of 2 items"),
    (MINIMAL_FACTS + "entities:\n  - id: org/a\n    type: Company\n", 3, "name", "required field is missing"),
    (MINIMAL_FACTS + "entities:\n  - id: org/a\n    name: 甲\n    type: Company\n    aliases: 乙\n", 6, "aliases",
     "expected a list, got str '乙'"),
    (MINIMAL_FACTS + "relations:\n  - subject: org/a\n    object: org/b\n", 3, "predicate", "required field is missing"),
    (MINIMAL_FACTS + "relations:\n  - {subject: org/a, predicate: p, object: org/b, evidence: {start: x, end: 2, quote: q}}\n",
     3, "start", "expected a whole number, got str 'x'"),
    (MINIMAL_FACTS + "relations:\n  - {subject: org/a, predicate: p, object: org/b, confidnce: 1}\n", 3, "confidnce",
     "unknown field (not part of this file format)"),
    (MINIMAL_FACTS + "entities: 5\n", 2, "entities", "expected a list, got int 5"),
])
def test_a_facts_key_missing_or_of_the_wrong_type_names_line_and_field(tmp_path, text, line, field, expected):
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    assert one_line_error(lambda: load_reviewed_facts(path)).startswith(f"{path}:{line}: {field}: {expected}")


def test_a_huge_value_is_quoted_briefly_not_in_full(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text(MINIMAL_FACTS + "entities:\n  - {id: org/a, name: 甲, type: " + "Q" * 100_000 + "}\n", encoding="utf-8")
    message = one_line_error(lambda: load_reviewed_facts(path))
    assert message.startswith(f"{path}:3: type: unknown class 'QQQQ") and "Q" * 81 not in message


ENCODED_FACTS = MINIMAL_FACTS + "entities:\n  - {id: area/350582, type: AdministrativeArea, name: 晋江市, aliases: [晋江]}\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk", "big5"])
def test_a_facts_file_loads_alike_in_every_supported_encoding(tmp_path, encoding):
    path = tmp_path / "f.yaml"
    traditional = {"标题": "標題", "晋江": "晉江"}  # Big5 holds traditional characters only
    text = ENCODED_FACTS
    for simplified, big5 in traditional.items():
        text = text.replace(simplified, big5) if encoding == "big5" else text
    path.write_bytes(text.encode(encoding))
    entity = load_reviewed_facts(path).entities["area/350582"]
    assert (entity.name, entity.aliases) == (("晋江市", ("晋江",)) if encoding != "big5" else ("晉江市", ("晉江",)))


def test_bytes_in_no_supported_encoding_are_one_line(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(b"source: \x80\xff\xfe\x80\n")
    assert one_line_error(lambda: load_reviewed_facts(path)) == (
        f"{path}: not text in UTF-8, UTF-8 with BOM, UTF-16, GB 18030 / GBK, Big5; convert it to UTF-8 or name its "
        "encoding with 'encoding:'")


# --- Tables: mappings, encodings, CSV cells, Parquet and Excel --------------------------------

TABLE_MAPPING = """source: {id: roster, title: 名录}
table: {file: roster.csv, format: csv}
entity: {type: IndustrialPark, name: {column: 园区}, id_prefix: park}
relations:
  - {predicate: locatedIn, object: {place: 属地}}
"""


def write_mapping(folder, text=TABLE_MAPPING):
    path = folder / "roster.table.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, line, field, expected", [
    ("source: {id: roster, title: 名录}", "source: {id: roster}", 1, "title", "required field is missing"),
    ("{file: roster.csv, format: csv}", "{format: csv}", 2, "file", "required field is missing"),
    ("{file: roster.csv, format: csv}", "{file: [a], format: csv}", 2, "file", "expected text, got a list of 1 item"),
    ("name: {column: 园区}", "name: {colum: 园区}", 3, "column", "required field is missing"),
    ("name: {column: 园区}, ", "", 3, "name", "required field is missing"),
    ("{predicate: locatedIn, object: {place: 属地}}", "{object: {place: 属地}}", 5, "predicate", "required field is missing"),
    ("name: {column: 园区}", "name: {column: 园区, map: 5}", 3, "map", "expected a mapping, got int 5"),
    ("object: {place: 属地}", "object: {}", 5, "object", "a relation's object needs exactly one of 'place'"),
    ("format: csv", "format: xls", 2, "format", "expected 'csv', 'tsv', 'whitespace', 'parquet' or 'excel', got str 'xls'"),
])
def test_a_mapping_key_missing_or_of_the_wrong_type_names_line_and_field(tmp_path, old, new, line, field, expected):
    assert old in TABLE_MAPPING
    path = write_mapping(tmp_path, TABLE_MAPPING.replace(old, new))
    (tmp_path / "roster.csv").write_text("属地,园区\n晋江市,甲乙产业园\n", encoding="utf-8")
    assert one_line_error(lambda: load_table(path)).startswith(f"{path}:{line}: {field}: {expected}")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_a_table_loads_alike_in_every_supported_encoding(tmp_path, encoding):
    path = write_mapping(tmp_path)
    (tmp_path / "roster.csv").write_bytes("属地,园区\n晋江市,甲乙产业园\n南安市,丙丁科技园\n".encode(encoding))
    facts = load_table(path)
    names = {facts.entities[r.subject].name: r.object for r in facts.relations}
    assert names == {"甲乙产业园": "area/350582", "丙丁科技园": "area/350583"}


def test_a_big5_table_is_read_as_big5(tmp_path):
    """Big5 holds traditional characters only; names are stored simplified."""
    path = write_mapping(tmp_path, TABLE_MAPPING.replace("园区", "園區").split("relations:")[0])
    (tmp_path / "roster.csv").write_bytes("屬地,園區\n晉江市,甲乙產業園\n南安市,丙丁科技園\n".encode("big5"))
    assert sorted(e.name for e in load_table(path).entities.values()) == ["丙丁科技园", "甲乙产业园"]


def test_a_tables_encoding_can_be_named_and_a_wrong_name_is_one_line(tmp_path):
    (tmp_path / "roster.csv").write_bytes("属地,园区\n晋江市,甲乙产业园\n".encode("utf-16-le"))
    path = write_mapping(tmp_path, TABLE_MAPPING.replace("format: csv}", "format: csv, encoding: utf-16-le}"))
    assert [e.name for e in load_table(path).entities.values() if "IndustrialPark" in e.types] == ["甲乙产业园"]
    path = write_mapping(tmp_path, TABLE_MAPPING.replace("format: csv}", "format: csv, encoding: no-such-codec}"))
    assert one_line_error(lambda: load_table(path)) == f"{tmp_path / 'roster.csv'}: encoding: unknown text encoding 'no-such-codec'"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r\n", "\n"])
def test_a_line_separator_inside_a_quoted_csv_cell_stays_in_its_cell(tmp_path, separator):
    path = write_mapping(tmp_path, TABLE_MAPPING.replace("name: {column: 园区}", "name: {column: 园区}, note: {column: 备注}"))
    (tmp_path / "roster.csv").write_text(f'属地,园区,备注\n晋江市,甲乙产业园,"一期{separator}二期"\n南安市,丙丁科技园,无\n',
                                         encoding="utf-8", newline="")
    facts = load_table(path)
    notes = {e.name: e.note for e in facts.entities.values() if "IndustrialPark" in e.types}
    assert notes == {"甲乙产业园": f"一期{separator}二期", "丙丁科技园": "无"}
    [second] = [r for r in facts.relations if facts.entities[r.subject].name == "丙丁科技园"]
    assert second.evidence is not None and second.evidence.quote == "南安市,丙丁科技园,无"


def test_malformed_csv_is_one_line_naming_the_line(tmp_path):
    (tmp_path / "t.csv").write_text("a,b\n" + "x," * 3 + '"' + "y" * 200_000 + "\n", encoding="utf-8")
    assert one_line_error(lambda: read_table(tmp_path / "t.csv", "csv")).startswith(
        f"{tmp_path / 't.csv'}: line 2: not valid CSV: field larger than field limit")


@pytest.mark.parametrize("content, expected", [
    (b"", "not a readable Parquet file: "),
    (b"PAR1 this is not parquet PAR1", "not a readable Parquet file: "),
])
def test_an_empty_or_corrupt_parquet_file_is_one_line(tmp_path, content, expected):
    (tmp_path / "t.parquet").write_bytes(content)
    assert one_line_error(lambda: read_table(tmp_path / "t.parquet", "parquet")).startswith(f"{tmp_path / 't.parquet'}: {expected}")


def xlsx(path, rows, title="名录"):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_an_empty_corrupt_or_sheetless_excel_file_is_one_line(tmp_path):
    import zipfile

    path = tmp_path / "t.xlsx"
    path.write_bytes(b"")
    assert "not a readable Excel (.xlsx) file: BadZipFile" in one_line_error(lambda: read_table(path, "excel"))
    with zipfile.ZipFile(path, "w") as archive:  # a zip without the parts a workbook needs
        archive.writestr("hello.txt", "hi")
    assert "not a readable Excel (.xlsx) file: KeyError" in one_line_error(lambda: read_table(path, "excel"))
    xlsx(path, [["属地", "园区"], ["晋江市", "甲乙产业园"]])
    assert one_line_error(lambda: read_table(path, "excel", sheet="别的")) == f"{path}: sheet: no sheet '别的' (the workbook has: 名录)"
    assert [r.values for r in read_table(path, "excel", sheet="名录")] == [{"属地": "晋江市", "园区": "甲乙产业园"}]
    xlsx(path, [])
    assert one_line_error(lambda: read_table(path, "excel")) == f"{path}: sheet '名录' is empty"


@pytest.mark.parametrize("target", ["/dev/zero", "."])
def test_a_table_file_that_is_a_device_or_a_folder_is_one_line(tmp_path, target):
    path = write_mapping(tmp_path, TABLE_MAPPING.replace("file: roster.csv", f"file: {target}"))
    expected = "not a regular file (a device, pipe or socket)" if target == "/dev/zero" else "is a folder, not a file"
    assert one_line_error(lambda: load_table(path)).endswith(expected)


# --- Exit codes: one handler in the command line -----------------------------------------------


def test_an_internal_error_exits_3_with_one_line_and_the_traceback_only_under_debug(tmp_path, capsys, monkeypatch):
    import chainkg.graph.build

    def broken(sources):
        raise ZeroDivisionError("x" * 5000)  # a bug of ours, not the user's input

    monkeypatch.setattr(chainkg.graph.build, "load_facts", broken)
    path = tmp_path / "f.yaml"
    path.write_text(MINIMAL_FACTS, encoding="utf-8")
    status, line = cli_error(capsys, ["validate", str(path)])
    assert status == 3 and line.startswith("chainkg: error: internal error: ZeroDivisionError: xxx")
    assert "Traceback" not in capsys.readouterr().err
    assert main(["--debug", "validate", str(path)]) == 3
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):") and "ZeroDivisionError" in err
    assert err.splitlines()[-1].startswith("chainkg: error: internal error: ZeroDivisionError")


def test_bad_input_exits_2_and_a_nonconforming_graph_1(tmp_path, capsys):
    path = tmp_path / "f.yaml"
    path.write_text(MINIMAL_FACTS + "entities: 5\n", encoding="utf-8")
    status, line = cli_error(capsys, ["validate", str(path)])
    assert status == 2 and line == f"chainkg: error: {path}:2: entities: expected a list, got int 5"
    graph = tmp_path / "g.ttl"  # a park with no name: the shapes require one
    graph.write_text("@prefix ckg: <https://w3id.org/chainkg/ontology#> .\n<urn:x:p> a ckg:IndustrialPark .\n", encoding="utf-8")
    status, line = cli_error(capsys, ["validate", str(graph)])
    assert status == 1 and line.startswith("chainkg: error: ") and "SHACL violation" in line
