"""Registries by industry code: the code → segment table, credit codes, registered addresses,
and a synthetic registry filling the gap matrix; plus corpus firms in a generated registry
landing on the nodes the articles built."""

import csv
import json
import shutil

import pytest

from chainkg.cli import main
from chainkg.errors import SourceError
from chainkg.graph.build import chain_ids, load_facts
from chainkg.loaders.gazetteer import place_gazetteer
from chainkg.loaders.industry_codes import (
    INDUSTRY_TABLE,
    Classification,
    classify_industry,
    credit_check_character,
    credit_code_problem,
    industry_table,
    read_industry_table,
)
from chainkg.loaders.reviewed import PLACES_FACTS
from chainkg.loaders.tables import CLASSIFIED, load_table, resolve_address
from chainkg.ontology.templates import load_chain_templates

from _paths import CORPUS, REPO

REGISTRY = REPO / "tests" / "fixtures" / "registry"


# --- the code → segment table against the ttl -------------------------------------------------


def _ttl_pairs() -> set[tuple[str, str]]:
    """(code, segment id) for every ckg:industryCode on a segment in the chain templates."""
    return {(code, s.id) for chain in load_chain_templates().values() for s in chain.segments for code in s.industry_codes}


def _chain_codes() -> set[tuple[str, str]]:
    """(code, chain id) for every ckg:industryCode on a chain (chains.ttl)."""
    from rdflib import Graph
    from rdflib.namespace import RDF

    from chainkg.ontology.terms import CHAIN_FILES, CKG, DATA_NS

    graph = Graph()
    for path in CHAIN_FILES:
        graph.parse(path, format="turtle")
    return {(str(code), str(chain).removeprefix(str(DATA_NS))) for chain in graph.subjects(RDF.type, CKG.IndustrialChain)
            for code in graph.objects(chain, CKG.industryCode)}


def test_every_segment_code_in_the_ttl_is_in_the_table_or_its_difference_is_explained():
    rows = read_industry_table(INDUSTRY_TABLE)
    table_pairs = {(r.code, r.target) for r in rows}
    for code, segment in _ttl_pairs():
        if (code, segment) in table_pairs:
            continue
        differing = [r for r in rows if r.code == code and r.basis == "differs"]
        assert differing and all(segment.rsplit("/", 1)[1] in r.why for r in differing), (code, segment)


def test_every_ttl_row_of_the_table_is_in_the_ttl_and_every_other_row_says_why():
    pairs = _ttl_pairs() | _chain_codes()
    for row in read_industry_table(INDUSTRY_TABLE):
        assert row.target in chain_ids(), row
        assert row.source.startswith("GB/T 4754-2017"), row
        if row.basis == "ttl":
            assert (row.code, row.target) in pairs, row
        else:
            assert len(row.why) > 20, row
        if row.rule != "one":
            assert len(row.why) > 20, row


def test_every_chain_code_in_the_ttl_reaches_that_chain_through_the_table():
    table = industry_table()
    for code, chain in _chain_codes():
        assert code in table, (code, chain)
        assert any(r.target == chain or r.target.startswith(chain + "/") for r in table[code]), (code, chain)


def test_one_code_has_one_rule_and_a_choice_or_a_sharing_has_several_targets():
    for code, rows in industry_table().items():
        assert len({r.rule for r in rows}) == 1, code
        assert (len(rows) > 1) == (rows[0].rule in ("all", "choose")), code


# --- classification rules ----------------------------------------------------------------------


def _classify(code: str, products: str | None = None) -> Classification:
    found = classify_industry(code, products)
    assert found is not None, code
    return found


def _targets(code: str, products: str | None = None) -> list[str]:
    return [t.target for t in _classify(code, products).targets]


def test_a_class_matches_its_group_or_division_by_longest_prefix():
    assert _classify("3973").matched_code == "3973"
    assert _classify("1952").matched_code == "195"
    assert _targets("1952") == ["chain/footwear_apparel/finished_goods"]
    assert _classify("2651").matched_code == "2651"  # a class row wins over its division 26
    assert _classify("2641").matched_code == "26"
    assert classify_industry("6210") is None


def test_a_choice_is_made_by_the_products_text_or_left_at_chain_level():
    assert _targets("261", "乙烯裂解") == ["chain/petrochemicals/olefins"]
    assert _targets("261", "对二甲苯") == ["chain/petrochemicals/aromatics"]
    assert _targets("261", "化工原料") == ["chain/petrochemicals"]


def test_a_shared_product_is_placed_in_every_chain_that_lists_it():
    assert set(_targets("3072")) == {
        "chain/ceramics/sanitary_ceramics", "chain/sanitary_hardware/ceramic_ware"}


def test_a_division_code_is_narrowed_by_the_words_of_the_products_text():
    found = _classify("C3599", "工业机器人本体及控制器")
    assert found.words == {"chain/smart_equipment/robot_body": "工业机器人", "chain/smart_equipment/core_components": "控制器"}
    assert _targets("3599", "医疗器械") == ["chain/smart_equipment"]


def test_text_that_is_no_code_is_refused():
    with pytest.raises(ValueError, match="no GB/T 4754-2017 code"):
        classify_industry("集成电路")


# --- credit codes -----------------------------------------------------------------------------


def test_the_credit_check_character_follows_gb_32100():
    # weights 3^i mod 31; the value is 31 − (sum mod 31), 31 written as 0
    assert credit_check_character("00000000000000000") == "0"
    assert credit_check_character("10000000000000000") == "Y"  # 31 − 1 = 30, the last character
    assert credit_code_problem("9135050" + "0MA2Y0001X" + "X") is None
    assert "check character" in str(credit_code_problem("91350500MA2Y0001X0"))
    assert "18" in str(credit_code_problem("91350500MA2Y0001X"))
    assert "never occur" in str(credit_code_problem("91350500MA2Y0001IX"))


def _registry_copy(tmp_path, edit=None):
    folder = tmp_path / "registry"
    shutil.copytree(REGISTRY, folder)
    if edit:
        path = folder / "registry.csv"
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder / "registry.table.yaml"


def test_a_bad_credit_code_names_the_file_row_and_column(tmp_path):
    mapping = _registry_copy(tmp_path, lambda text: text.replace("91350500MA2Y0003X0", "91350500MA2Y0003X9"))
    with pytest.raises(SourceError) as caught:
        load_table(mapping)
    message = str(caught.value)
    assert "registry.csv" in message and "row 3" in message and "统一社会信用代码" in message
    assert "the check character is '9', GB 32100-2015 gives '0'" in message


def test_a_bad_industry_code_names_the_row_and_column(tmp_path):
    mapping = _registry_copy(tmp_path, lambda text: text.replace(",6520,", ",集成电路,"))
    with pytest.raises(SourceError, match=r"row 3: column 国民经济行业代码: '集成电路' is no GB/T 4754-2017 code"):
        load_table(mapping)


def test_credit_codes_are_kept_on_the_entity_and_written_to_rdf(tmp_path):
    facts = load_table(REGISTRY / "registry.table.yaml")
    firm = next(e for e in facts.entities.values() if e.name == "合成示例甲半导体有限公司")
    assert firm.credit_code == "91350500MA2Y0001XX"
    out = tmp_path / "out"
    assert main(["build", "--out", str(out), "--no-report", str(PLACES_FACTS), str(REGISTRY / "registry.table.yaml")]) == 0
    assert '"91350500MA2Y0001XX"' in (out / "graph.ttl").read_text(encoding="utf-8")


# --- registered addresses ---------------------------------------------------------------------


def _place_id(address: str) -> str | None:
    place = resolve_address(address, place_gazetteer()).place
    return place.id if place else None


def test_an_address_resolves_to_its_county_or_its_coded_town():
    assert _place_id("福建省泉州市南安市合成路1号") == "area/350583"
    assert _place_id("泉州市惠安县张坂镇合成路6号") == "area/350521106"
    found = resolve_address("晋江合成镇合成路7号", place_gazetteer())
    assert (_place_id("晋江合成镇合成路7号"), found.town, found.town_name) == ("area/350582", None, "合成镇")
    assert _place_id("泉州台商投资区合成路") == "zone/quanzhou_tib"  # the longest name first
    assert _place_id("合成路南安市1号") is None  # a place name past the start is no division


def test_a_registered_address_with_no_division_is_the_rows_error(tmp_path):
    mapping = _registry_copy(tmp_path, lambda text: text.replace("南安市合成路3号", "合成路3号"))
    with pytest.raises(SourceError, match=r"row 3: column 注册地址: no county or other division"):
        load_table(mapping)


def test_the_synthetic_registry_places_each_row_by_code_and_address():
    facts = load_table(REGISTRY / "registry.table.yaml")
    by_name = {e.name: e.id for e in facts.entities.values()}
    placed = {(facts.entities[r.subject].name, r.object) for r in facts.relations if r.method == CLASSIFIED}
    assert placed == {
        ("合成示例甲半导体有限公司", "chain/semiconductor/wafer_fab"),
        ("合成示例乙微电子有限公司", "chain/semiconductor/wafer_fab"),
        ("合成示例丙芯片设计有限公司", "chain/semiconductor/ic_design"),
        ("合成示例丁化工有限公司", "chain/petrochemicals/aromatics"),
        ("合成示例戊化工有限公司", "chain/petrochemicals"),
        ("合成示例己陶瓷有限公司", "chain/ceramics/sanitary_ceramics"),
        ("合成示例己陶瓷有限公司", "chain/sanitary_hardware/ceramic_ware"),
        ("合成示例庚鞋业有限公司", "chain/footwear_apparel/finished_goods"),
        ("合成示例辛装备有限公司", "chain/smart_equipment/robot_body"),
        ("合成示例辛装备有限公司", "chain/smart_equipment/core_components"),
    }
    located = {facts.entities[r.subject].name: r.object for r in facts.relations if r.predicate == "locatedIn"}
    assert located["合成示例己陶瓷有限公司"] == "area/350521106"
    assert located["合成示例庚鞋业有限公司"] == "area/350582"
    assert "合成示例壬餐饮有限公司" in by_name and "合成示例壬餐饮有限公司" not in {name for name, _ in placed}
    for relation in facts.relations:
        assert relation.evidence is not None and facts.entities[relation.subject].name in relation.evidence.quote


# --- the gap matrix -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def registry_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("registry") / "out"
    assert main(["build", "--out", str(out), "--no-report", str(PLACES_FACTS), str(REGISTRY / "registry.table.yaml")]) == 0
    return out


def test_the_registry_fills_segments_in_the_gap_report_with_rows_as_evidence(registry_build, capsys):
    capsys.readouterr()
    assert main(["gaps", "--data", str(registry_build), "--chain", "半导体", "--region", "南安市", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    segments = {s["name"]: s for s in report["segments"]}
    assert segments["晶圆制造"]["status"] == "present"
    assert {e["name"] for e in segments["晶圆制造"]["entries"]} == {"合成示例甲半导体有限公司", "合成示例乙微电子有限公司"}
    assert segments["芯片设计"]["status"] == "weak" and segments["封装测试"]["status"] == "missing"
    entry = next(e for e in segments["晶圆制造"]["entries"] if e["name"] == "合成示例甲半导体有限公司")
    assert entry["evidence"] == ["91350500MA2Y0001XX,合成示例甲半导体有限公司,福建省泉州市南安市合成路1号,C3973,集成电路制造"]
    assert entry["note"].startswith("classified: GB/T 4754-2017 3973 → 3973 集成电路制造 → 半导体/晶圆制造")
    assert entry["basis"] == "inferred"


def test_the_gap_text_labels_classified_facts(registry_build, capsys):
    capsys.readouterr()
    assert main(["gaps", "--data", str(registry_build), "--chain", "卫浴五金", "--region", "惠安县"]) == 0
    text = capsys.readouterr().out
    assert "[陶瓷洁具] 合成示例己陶瓷有限公司[推断]" in text
    assert "[推断: classified: GB/T 4754-2017 3072 → 3072 卫生陶瓷制品制造 → 卫浴五金/陶瓷洁具" in text


def test_the_gap_matrix_counts_a_firm_in_a_coded_town_in_its_county(registry_build, capsys):
    capsys.readouterr()
    assert main(["gaps", "--all", "--data", str(registry_build), "--region", "泉州市", "--json"]) == 0
    matrix = json.dumps(json.loads(capsys.readouterr().out), ensure_ascii=False)
    assert "合成示例己陶瓷有限公司" not in matrix  # statuses only
    capsys.readouterr()
    assert main(["gaps", "--data", str(registry_build), "--chain", "陶瓷", "--region", "惠安县", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    sanitary = next(s for s in report["segments"] if s["iri"].endswith("/sanitary_ceramics"))
    assert sanitary["status"] == "weak" and [e["name"] for e in sanitary["entries"]] == ["合成示例己陶瓷有限公司"]


# --- real names: corpus firms in a generated registry ---------------------------------------------


def _corpus_firms(facts, count: int = 6):
    """Firms the extractor found in the corpus, each with the Quanzhou county an article places it in."""
    counties = {e.id: e for e in facts.entities.values() if e.admin_level == "county" and (e.division_code or "").startswith("3505")}
    located = {r.subject: r.object for r in facts.relations if r.predicate == "locatedIn" and r.object in counties}
    firms = sorted((e for e in facts.entities.values() if "Company" in e.types and e.id in located
                    and any(s.endswith(".extracted") for s in e.sources)), key=lambda e: e.name)
    return [(firm, counties[located[firm.id]]) for firm in firms[:count]]


def test_corpus_firms_in_a_registry_land_on_the_nodes_the_articles_built(tmp_path):
    alone = load_facts([PLACES_FACTS, CORPUS])
    chosen = _corpus_firms(alone)
    assert len(chosen) >= 3
    rows = tmp_path / "firms.csv"
    with rows.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["统一社会信用代码", "企业名称", "注册地址", "国民经济行业代码"])
        for index, (firm, county) in enumerate(chosen, 1):
            first17 = f"91350500MA2W{index:04d}Q"
            writer.writerow([first17 + credit_check_character(first17), firm.name, f"{county.name}合成路{index}号", "3973"])
    mapping = tmp_path / "firms.table.yaml"
    mapping.write_text("source: {id: generated_registry, title: generated registry of corpus firms}\n"
                       "table: {file: firms.csv, format: csv}\n"
                       "entity: {type: Company, name: {column: 企业名称}, credit_code: {column: 统一社会信用代码},"
                       " industry_code: {column: 国民经济行业代码}}\n"
                       "relations: [{predicate: locatedIn, object: {address: 注册地址}}]\n", encoding="utf-8")
    both = load_facts([PLACES_FACTS, mapping, CORPUS])

    def companies(facts):
        return sorted(e.name for e in facts.entities.values() if "Company" in e.types)

    assert companies(both) == companies(alone)  # no row made a node of its own
    for firm, county in chosen:
        [node] = [e for e in both.entities.values() if e.name == firm.name and "Company" in e.types]
        assert "generated_registry" in node.sources and node.credit_code is not None
        said = {(r.predicate, r.object) for r in alone.relations if r.subject == firm.id}
        now = {(r.predicate, r.object) for r in both.relations if r.subject == node.id}
        assert said <= now  # every fact the articles stated of the firm is on the registry's node
        assert ("operatesIn", "chain/semiconductor/wafer_fab") in now and ("locatedIn", county.id) in now
