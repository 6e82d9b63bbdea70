"""Listed companies as an outside pool: the ChainKnowledgeGraph format, the 申万 → segment
table, and `chainkg candidates --pool` (a labelled synthetic pool in tests/fixtures/listed)."""

import csv
import json

import pytest

from chainkg.cli import main
from chainkg.errors import SourceError
from chainkg.graph.build import chain_ids
from chainkg.loaders.listed import SHENWAN_TABLE, load_listed_pool, shenwan_table
from chainkg.loaders.reviewed import PLACES_FACTS
from chainkg.ontology.templates import load_chain_templates

from _paths import REPO

POOL = REPO / "tests" / "fixtures" / "listed"
REGISTRY = REPO / "tests" / "fixtures" / "registry" / "registry.table.yaml"


def test_the_pool_reads_the_datasets_json_lines_with_each_firms_industries():
    pool = load_listed_pool(POOL)
    assert [(f.code, f.fullname, f.exchange) for f in pool.firms][:1] == [("900001", "合成示例晶圆制造股份有限公司", "上海证券交易所")]
    assert {f.name: [i.sw_code for i in f.industries] for f in pool.firms}["合成传媒"] == ["720902"]


def test_a_missing_pool_file_is_named(tmp_path):
    (tmp_path / "company.json").write_text((POOL / "company.json").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(SourceError, match="company_industry.json"):
        load_listed_pool(tmp_path)


def test_every_label_row_of_the_shenwan_table_names_a_label_of_its_segment():
    labels = {s.id: s.keywords for chain in load_chain_templates().values() for s in chain.segments}
    with SHENWAN_TABLE.open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == len(shenwan_table())  # one row per 申万 code
    for row in shenwan_table().values():
        assert row.target in chain_ids() and row.source.startswith("申万行业分类 2021")
        if row.basis == "label":
            assert any(word in row.sw_name for word in labels[row.target]), row


@pytest.fixture(scope="module")
def registry_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("pool") / "out"
    assert main(["build", "--out", str(out), "--no-report", str(PLACES_FACTS), str(REGISTRY)]) == 0
    return out


def test_candidates_draw_from_the_pool_with_industry_segment_and_mapping_row(registry_build, capsys):
    capsys.readouterr()
    assert main(["candidates", "--data", str(registry_build), "--chain", "半导体", "--region", "南安市",
                 "--pool", str(POOL), "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    pool = {c["name"]: c for c in answer["pool"]}
    assert set(pool) == {"合成封测", "合成设计"}  # 晶圆制造 is present there; 大众出版 maps to no chain
    assert pool["合成封测"]["industry"] == "270107 集成电路封测"
    assert (pool["合成封测"]["segment"], pool["合成封测"]["segment_status"]) == ("封装测试", "missing")
    assert pool["合成封测"]["mapping_row"].startswith("shenwan_segments.csv line 3 (label:")
    assert pool["合成封测"]["basis"] == "reference_table" and "参考表推定" in answer["pool_note"]
    assert answer["candidates"] == []  # the graph's own candidates stay apart


def test_the_pool_is_labelled_in_the_text_and_never_enters_the_graph(registry_build, capsys):
    capsys.readouterr()
    assert main(["candidates", "--data", str(registry_build), "--chain", "半导体", "--region", "南安市",
                 "--pool", str(POOL)]) == 0
    text = capsys.readouterr().out
    assert "reference-table facts (参考表推定), not source sentences" in text
    assert "合成设计  900003  270104 数字芯片设计  芯片设计  weak" in text
    graph = (registry_build / "graph.ttl").read_text(encoding="utf-8")
    assert "合成封测" not in graph and "900002" not in graph
