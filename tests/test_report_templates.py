"""The report pages come from our package: templates, the vendored vis-network, its licence;
the gap report's columns come from the graph, not from region codes in the code."""

import hashlib
import json
import re
import sys
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

from chainkg.graph.build import build_dataset, load_facts
from chainkg.graph.iris import entity_iri
from chainkg.graph.networkx_projection import to_networkx
from chainkg.graph.rdf import facts_to_dataset, union_graph
from chainkg.loaders.records import Relation
from chainkg.loaders.reviewed import PLACES_FACTS
from chainkg.reports import page_templates
from chainkg.reports.gap_report import (
    Prefecture,
    gap_matrix,
    gap_prefectures,
    gap_report_files,
    matrix_svg,
    render_gap_report,
)
from chainkg.reports.pyvis_report import render_report_html

from _paths import REPO

VENDOR = REPO / "reports" / "vendor" / "vis-network"

# Generated test data: a prefecture other than Quanzhou with two county-level units, a third
# county marked nominal by the test data itself, and two made-up firms in machine-tool segments.
OTHER_PREFECTURE = """\
source: {id: generated_zhangzhou_places, kind: reference_table, title: generated test places, citation: tests}
entities:
- {id: area/350000, type: AdministrativeArea, name: 福建省, name_en: Fujian, division_code: "350000", admin_level: province}
- {id: area/350600, type: AdministrativeArea, name: 漳州市, name_en: Zhangzhou, division_code: "350600", admin_level: prefecture}
- {id: area/350602, type: AdministrativeArea, name: 芗城区, division_code: "350602", admin_level: county}
- {id: area/350603, type: AdministrativeArea, name: 龙文区, division_code: "350603", admin_level: county}
- {id: area/350605, type: AdministrativeArea, name: 长泰区, division_code: "350605", admin_level: county, note: nominal (a generated marking)}
- {id: org/generated_cutting, type: Company, name: "FIRM_A"}
- {id: org/generated_forming, type: Company, name: 样例锻压设备有限公司}
relations:
- {subject: area/350600, predicate: locatedIn, object: area/350000}
- {subject: area/350602, predicate: locatedIn, object: area/350600}
- {subject: area/350603, predicate: locatedIn, object: area/350600}
- {subject: area/350605, predicate: locatedIn, object: area/350600}
- {subject: org/generated_cutting, predicate: locatedIn, object: area/350602}
- {subject: org/generated_forming, predicate: locatedIn, object: area/350603}
"""
HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"


#: (firm, segment) of the generated firms: facts files name chains, not segments, so these are records.
OTHER_PREFECTURE_SEGMENTS = (("org/generated_cutting", "chain/machine_tools/cutting"),
                             ("org/generated_forming", "chain/machine_tools/forming"))


def _kg(tmp_path: Path, *sources: Path, firm_name: str = "样例数控刀具有限公司", segments=OTHER_PREFECTURE_SEGMENTS):
    path = tmp_path / "zhangzhou.yaml"
    path.write_text(OTHER_PREFECTURE.replace("FIRM_A", firm_name), encoding="utf-8")
    facts = load_facts([*sources, path])
    facts.relations.extend(Relation(firm, "operatesIn", segment, "generated_zhangzhou_places")
                           for firm, segment in segments)
    return to_networkx(union_graph(facts_to_dataset(facts)))


def _iri(record_id: str) -> str:
    return str(entity_iri(record_id))


# --- the gap report's columns ---------------------------------------------------------------

def test_gap_report_of_another_prefecture_has_that_prefectures_counties(tmp_path):
    kg = _kg(tmp_path)
    assert gap_prefectures(kg) == [Prefecture(_iri("area/350600"), "漳州市", "Zhangzhou", "350600")]
    matrix = gap_matrix(kg, "chain/machine_tools")
    assert matrix.columns == ((_iri("area/350602"), "芗城区"), (_iri("area/350603"), "龙文区"))
    assert matrix.groups == (("漳州市", 2),)
    cutting, forming = kg.nodes[_iri("chain/machine_tools/cutting")]["name"], kg.nodes[_iri("chain/machine_tools/forming")]["name"]
    weak = {(label, s.name) for (_, label), report in zip(matrix.columns, matrix.reports, strict=True)
            for s in report.segments if s.status == "weak"}
    assert weak == {("芗城区", cutting), ("龙文区", forming)}

    files_ = gap_report_files(kg)
    page = files_["gaps.html"]
    assert "对照漳州市的县市区与开发区" in page and "泉州" not in page
    assert "长泰区" not in page  # the county the data marks nominal
    assert "<th>芗城区</th><th>龙文区</th></tr>" in page and "colspan" not in page  # one prefecture: no headings
    svg = files_["gaps/machine_tools.svg"]
    assert re.findall(r'text-anchor="middle">([^<]+)</text>', svg)[:2] == ["芗城区", "龙文区"]


def test_a_county_is_left_out_for_its_nominal_marking_not_its_code(tmp_path):
    text = PLACES_FACTS.read_text(encoding="utf-8")
    assert ", note: nominal (administered from Taiwan)}" in text
    unmarked = tmp_path / "places_unmarked.yaml"
    unmarked.write_text(text.replace(", note: nominal (administered from Taiwan)}", "}"), encoding="utf-8")
    marked_labels = [label for _, label in gap_matrix(to_networkx(union_graph(build_dataset([PLACES_FACTS]))),
                                                      "chain/food").columns]
    unmarked_labels = [label for _, label in gap_matrix(to_networkx(union_graph(build_dataset([unmarked]))),
                                                        "chain/food").columns]
    assert "金门县" not in marked_labels and len(marked_labels) == 13
    assert unmarked_labels == marked_labels[:8] + ["金门县"] + marked_labels[8:]  # 350527 sits between 350526 and 350581


def test_several_prefectures_give_one_set_of_columns_each(tmp_path):
    # 洛江区 also hosts the parts segment (made up for the test): the sources then cover
    # Quanzhou's machine tools segment by segment, and its cutting and forming are missing
    kg = _kg(tmp_path, PLACES_FACTS, segments=(*OTHER_PREFECTURE_SEGMENTS, ("area/350504", "chain/machine_tools/components")))
    assert [p.name for p in gap_prefectures(kg)] == ["泉州市", "漳州市"]
    matrix = gap_matrix(kg, "chain/machine_tools")
    assert matrix.groups == (("泉州市", 13), ("漳州市", 2))
    assert [label for _, label in matrix.columns][-2:] == ["芗城区", "龙文区"]
    assert re.findall(r'font-weight="bold">([^<]+)</text>', matrix_svg(matrix))[1:] == ["泉州市", "漳州市"]

    page = gap_report_files(kg)["gaps.html"]
    assert "对照泉州市、漳州市的县市区与开发区" in page
    found = re.search(r'<section id="machine_tools" class="chain">.*?</section>', page, re.S)
    assert found is not None
    section = found.group(0)
    assert '<tr><th></th><th colspan="13">泉州市</th><th colspan="2">漳州市</th></tr>' in section
    # the Zhangzhou firms are outside Quanzhou and work in segments Quanzhou lacks; nobody is outside Zhangzhou
    for_quanzhou = section.split("<h3>招商候选 · 泉州市</h3>")[1].split("<h3>")[0]
    for_zhangzhou = section.split("<h3>招商候选 · 漳州市</h3>")[1].split("</div>")[0]
    assert "样例数控刀具有限公司" in for_quanzhou and "样例锻压设备有限公司" in for_quanzhou
    assert "来源没有提到与本地无关联的外地企业" in for_zhangzhou


# --- escaping -----------------------------------------------------------------------------

def test_a_closing_script_tag_in_a_name_stays_inside_the_data(tmp_path):
    kg = _kg(tmp_path, firm_name=HOSTILE)
    page = render_report_html(kg, title="<b>title</b>")
    assert page.count("</script>") == 3  # data, vis-network, our script: nothing else closes an element
    found = re.search(r'id="chainkg-data">(.*?)</script>', page, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    assert HOSTILE in [n["label"] for n in data["nodes"]]
    assert "<title>&lt;b&gt;title&lt;/b&gt;</title>" in page

    gaps = gap_report_files(kg)
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in gaps["gaps.html"]  # the firm in its table cell, as text
    assert gaps["gaps.html"].count("<script") == gaps["gaps.html"].count("</script>") == 1  # our own, at the end
    assert "<img" not in gaps["gaps.html"]
    for text in (gaps["gaps/machine_tools.svg"], gaps["gaps/machine_tools-map.svg"]):
        assert "<script" not in text and "<img" not in text


# --- vis-network from our package, with its licence ---------------------------------------------

_OPENED: list[str] = []
_RECORDING = [False]


def _record_open(event, args):
    if event == "open" and _RECORDING[0] and isinstance(args[0], (str, Path)):
        _OPENED.append(str(Path(args[0]).resolve()))


sys.addaudithook(_record_open)  # audit hooks cannot be removed; this one records only while a test asks


def test_the_report_inlines_the_vendored_vis_network_and_reads_nothing_of_pyvis_lib(seed_kg):
    import pyvis

    page_templates.vis_network_assets.cache_clear()
    _OPENED.clear()
    _RECORDING[0] = True
    try:
        page = render_report_html(seed_kg)
    finally:
        _RECORDING[0] = False
    pyvis_lib = str(Path(pyvis.__file__).resolve().parent / "lib")
    assert str((VENDOR / "vis-network.min.js").resolve()) in _OPENED
    assert not [p for p in _OPENED if p.startswith(pyvis_lib)]
    assert page_templates.VIS_NETWORK_VERSION == (VENDOR / "VERSION").read_text().strip() == "9.1.2"
    assert " * @version 9.1.2\n" in page
    assert (VENDOR / "vis-network.min.js").read_text(encoding="utf-8") in page


def test_the_vendored_files_are_the_ones_their_readme_names():
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    for name in ("vis-network.min.js", "vis-network.css"):
        digest = hashlib.sha256((VENDOR / name).read_bytes()).hexdigest()
        assert f"| `{name}` | `{digest}` |" in readme
    header = (VENDOR / "vis-network.min.js").read_text(encoding="utf-8")[:800]
    assert "@version 9.1.2" in header and "dual licensed" in header and "Almende B.V" in header


def test_the_licence_ships_in_the_package_and_the_notice_names_it():
    package = files("chainkg.reports")
    licence = package.joinpath("vendor/vis-network/LICENSE").read_text(encoding="utf-8")
    assert "The MIT License (MIT)" in licence and "Apache License\n                           Version 2.0" in licence
    assert "Copyright (c) 2014-2017 Almende B.V." in licence
    # what a wheel holds: every vendored and template file matches a package-data pattern of chainkg.reports
    patterns = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["chainkg.reports"]
    shipped = {p for pattern in patterns for p in (REPO / "reports").glob(pattern) if p.is_file()}
    wanted = {p for folder in ("templates", "vendor") for p in (REPO / "reports" / folder).rglob("*") if p.is_file()}
    assert wanted <= shipped and VENDOR / "LICENSE" in shipped
    assert {p.name for p in (REPO / "reports" / "templates").iterdir()} >= {"report.html.j2", "gaps.html.j2", "gaps.svg.j2"}
    notice = (REPO / "NOTICE").read_text(encoding="utf-8")
    assert "vis-network 9.1.2" in notice and "Almende B.V" in notice and "MIT License" in notice and "Apache License 2.0" in notice
    assert (REPO / "LICENSE").read_text(encoding="utf-8").lstrip().startswith("Apache License")


def test_every_template_is_autoescaped_and_marks_nothing_safe_itself():
    assert page_templates._environment().autoescape is True
    for template in (REPO / "reports" / "templates").glob("*.j2"):
        source = template.read_text(encoding="utf-8").replace(" ", "")
        assert "|safe" not in source and "autoescapefalse" not in source, template.name


# --- what the seed's gap report says ------------------------------------------------------

def _matrix_cells(page: str, slug: str) -> dict[tuple[str, str], str]:
    """(row header, column label) → cell text of one chain's table in gaps.html."""
    from lxml import html as lxml_html  # type: ignore[import-untyped]  # trafilatura's dependency

    [table] = lxml_html.fromstring(page).xpath(f'//section[@id="{slug}"]//table')
    columns = [th.text_content() for th in table.xpath(".//thead/tr[last()]/th")][1:]
    cells = {}
    for row in table.xpath(".//tbody/tr"):
        header, *tds = row.xpath("./th|./td")
        for column, td in zip(columns, tds, strict=True):
            cells[(header.text_content(), column)] = td.text_content()
    return cells


@pytest.mark.parametrize("slug, county, counted", [
    ("semiconductor", "南安市", ""), ("food", "惠安县", "惠安县(10家)"), ("ceramics", "德化县", "古洋工业园区(27家)"),
    ("smart_terminals", "永春县", "永春县(6家)"), ("optoelectronics", "安溪县", "安溪芯园(5家)")])
def test_the_seed_gap_report_shows_each_chain_the_seed_places_in_a_county(seed_kg, slug, county, counted):
    cells = _matrix_cells(render_gap_report(seed_kg), slug)
    chain_row = cells[("整链", county)]
    assert chain_row.startswith("整链有") and counted in chain_row


def test_the_seed_gap_report_marks_no_segment_missing_where_the_chain_is_not_discussed(seed_kg):
    page = render_gap_report(seed_kg)
    for slug in re.findall(r'<section id="([a-z_]+)" class="chain">', page):
        cells = _matrix_cells(page, slug)
        for county in {column for _, column in cells}:
            column = {row: text for (row, c), text in cells.items() if c == county}
            segments = [text for row, text in column.items() if not row.startswith("整链")]
            if any(text.startswith("缺") for text in segments):
                assert any(text.startswith(("强", "弱", "规划")) for text in segments), (slug, county)
    # the stated counts reach the cells: 安溪's applications segment holds five firms
    assert _matrix_cells(page, "optoelectronics")[("下游 · 光电应用终端", "安溪县")].startswith("强 5")
