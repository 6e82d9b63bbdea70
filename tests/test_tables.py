"""Table loaders: CSV, TSV, Parquet, Excel and the official whitespace list, through a mapping."""

import shutil

import pytest

from chainkg.cli import main
from chainkg.errors import SourceError
from chainkg.loaders.reviewed import PLACES_FACTS
from chainkg.loaders.tables import load_table, load_table_report

from _paths import CORPUS, REPO

D6 = REPO / "examples" / "d6_park_projects.table.yaml"
ROWS = [("晋江市", "永佳智能装备产业园", "智能装备"), ("南安", "南安芯谷半导体科技产业港", "半导体"),
        ("台商区", "智能电气产业园", "智能电气")]
MAPPING = """source: {{id: roster, title: 园区名录}}
table: {{file: {file}, format: {fmt}}}
entity: {{type: IndustrialPark, name: {{column: 园区}}, id_prefix: park}}
relations:
  - {{predicate: locatedIn, object: {{place: 属地}}}}
  - {{predicate: hostsChain, object: {{chain: 产业链}}}}
"""


def write_table(folder, fmt, rows=ROWS):
    header = ["属地", "园区", "产业链"]
    if fmt in ("csv", "tsv"):
        sep = "," if fmt == "csv" else "\t"
        path = folder / f"roster.{fmt}"
        path.write_text("\n".join(sep.join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = folder / "roster.parquet"
        pq.write_table(pa.table({h: [r[i] for r in rows] for i, h in enumerate(header)}), path)
    else:
        from openpyxl import Workbook

        path = folder / "roster.xlsx"
        book = Workbook()
        sheet = book.worksheets[0]  # a new workbook's one sheet (``active`` may be None to a type checker)
        for row in [header, *rows]:
            sheet.append(list(row))
        book.save(path)
    mapping = folder / f"roster_{fmt}.table.yaml"
    mapping.write_text(MAPPING.format(file=path.name, fmt=fmt), encoding="utf-8")
    return mapping


def summary(facts):
    return sorted((facts.entities[r.subject].name, r.predicate, r.object) for r in facts.relations)


def test_the_official_list_as_a_worked_example():
    facts = load_table(D6)
    parks = [e for e in facts.entities.values() if "IndustrialPark" in e.types]
    projects = [e for e in facts.entities.values() if "Project" in e.types]
    assert len(parks) == 14 and [p.name for p in projects] == ["泉州伟恒卫生用品生产项目"]
    located = {facts.entities[r.subject].name: r.object for r in facts.relations}
    assert located["鲤城区高新区科创中心"] == "area/350502" and located["泉州泉港电子化学新材料产业园"] == "area/350505"
    text = (CORPUS / "d6_quanzhou_park_projects_table.txt").read_text(encoding="utf-8")
    for relation in facts.relations:
        evidence = relation.evidence
        assert evidence is not None and text[evidence.start:evidence.end] == evidence.quote
    assert next(e for e in parks if e.name == "泉州数字经济产业园").note == "试点项目"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "parquet", "excel"])
def test_every_format_gives_the_same_facts(tmp_path, fmt):
    facts = load_table(write_table(tmp_path, fmt))
    assert summary(facts) == sorted([
        ("永佳智能装备产业园", "locatedIn", "area/350582"), ("永佳智能装备产业园", "hostsChain", "chain/smart_equipment"),
        ("南安芯谷半导体科技产业港", "locatedIn", "area/350583"), ("南安芯谷半导体科技产业港", "hostsChain", "chain/semiconductor"),
        ("智能电气产业园", "locatedIn", "zone/quanzhou_tib"), ("智能电气产业园", "hostsChain", "chain/smart_electrical")])


def test_a_bad_row_is_named_and_nothing_is_half_loaded(tmp_path):
    mapping = write_table(tmp_path, "csv", ROWS + [("火星市", "某园区", "半导体"), ("晋江市", "", "半导体")])
    with pytest.raises(SourceError) as error:
        load_table(mapping)
    message = str(error.value)
    assert "2 bad row(s), nothing loaded" in message
    assert "row 4: column 属地: unknown place '火星市'" in message


def test_bad_rows_can_be_skipped_and_are_reported(tmp_path):
    mapping = write_table(tmp_path, "csv", ROWS + [("晋江市", "某园区", "芯片设备维修")])
    result = load_table_report(mapping, skip_bad_rows=True)
    assert len(result.facts.relations) == 6
    assert result.skipped == [f"{tmp_path / 'roster.csv'}: row 4: column 产业链: unknown chain '芯片设备维修'"]


def test_build_takes_a_table_mapping(tmp_path):
    shutil.copy(D6, tmp_path / "d6.table.yaml")
    (tmp_path / "d6.table.yaml").write_text(
        D6.read_text(encoding="utf-8").replace("../../shared/corpus/", str(CORPUS) + "/"), encoding="utf-8")
    assert main(["build", "--out", str(tmp_path / "out"), "--no-report", str(PLACES_FACTS), str(tmp_path / "d6.table.yaml")]) == 0
    assert "泉州岁金未来科技城(一期)" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
