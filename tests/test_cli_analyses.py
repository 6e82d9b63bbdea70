"""`chainkg gaps / leaders / candidates` as a planner runs them, embedded and on Neo4j."""

import json
from typing import Any

from chainkg.cli import main


def run_json(capsys, *argv) -> Any:  # whatever JSON the command printed, as json.loads gives it
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def without_engine_name(data) -> str:
    """The JSON as text, with the engine's name the one field in which the engines differ."""
    return json.dumps(data, ensure_ascii=False).replace('"engine": "cypher"', '"engine": "embedded"')


def test_gaps_semiconductor_nanan_is_present_at_chain_level_with_its_evidence(capsys):
    report = run_json(capsys, "gaps", "--chain", "半导体", "--region", "南安市")
    assert [s["name"] for s in report["segments"]] == ["EDA与IP", "半导体设备", "半导体材料", "分立器件",
                                                      "芯片设计", "晶圆制造", "封装测试", "半导体应用"]
    assert report["chain_status"] == "present"
    assert {s["status"] for s in report["segments"]} == {"unsegmented"}
    assert report["chain_level"][0]["name"] == "南安芯谷半导体科技产业港"


def test_gaps_table_is_readable(capsys):
    assert main(["gaps", "--chain", "LED", "--region", "anxi"]) == 0
    out = capsys.readouterr().out
    assert "光电 · 安溪县  (embedded)  present 强 1 · missing 缺 4" in out
    assert "下游   光电应用终端  present 强  5             安溪芯园(5家)[推断]" in out
    assert "[光电应用终端] 安溪芯园(5家)[推断]: “安溪和永春都积极对接大湾区,安溪芯园招引5家光电产业应用终端企业落地;”" in out


def test_leaders_region_huian_ranks_nanwang_with_its_sentence(capsys):
    assert main(["leaders", "--region", "惠安县"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[3].startswith("1  南王")
    assert "南王 — 龙头 纸业包装: “同时,惠安县发挥南王龙头作用" in out
    # the chain comes from a reference table, not the sentence: the table says so, with the note
    assert "[推断: the sentence says 龙头 with 下游食品 projects; the chain (paper packaging → food) is named by" in out


def test_leaders_central_lists_undesignated_firms_apart(capsys):
    assert main(["leaders", "--region", "丰泽区"]) == 0
    assert "no firm the sources designate 龙头 / 链主" in capsys.readouterr().out
    central = run_json(capsys, "leaders", "--region", "丰泽区", "--central")
    assert [(c["name"], c["listed_for"]) for c in central] == [("河钢3D打印增材制造中心", "")]


def test_inferences_are_labelled_in_the_json(capsys):
    report = run_json(capsys, "gaps", "--chain", "LED", "--region", "安溪")
    [entry] = next(s for s in report["segments"] if s["name"] == "光电应用终端")["entries"]
    assert entry["basis"] == "inferred" and entry["note"].startswith("placed on the segment by the words")


def test_gaps_all_exports_one_sheet_per_chain_with_chinese_headers(tmp_path, capsys):
    import openpyxl

    out = tmp_path / "gaps.xlsx"
    assert main(["gaps", "--all", "--region", "泉州市", "--format", "xlsx", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert "光电" in book.sheetnames and "半导体" in book.sheetnames and len(book.sheetnames) == 14
    sheet = book["光电"]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["位置", "环节"] and "安溪县" in header and "南安市" in header
    rows = {row[1]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["光电应用终端"]["安溪县"] == "强" and rows["衬底"]["安溪县"] == "缺"
    assert rows["整链"]["南安市"] == "未覆盖"
    assert not list(tmp_path.glob(".staging-*"))


def test_csv_and_json_exports(tmp_path, capsys):
    import csv

    out = tmp_path / "candidates.csv"
    assert main(["gaps", "--chain", "LED", "--region", "安溪", "--format", "csv", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert {r["表"] for r in rows} == {"光电", "光电(整链)"}
    assert next(r for r in rows if r["环节"] == "光电应用终端")["状态"] == "强"
    assert main(["gaps", "--chain", "LED", "--region", "安溪", "--format", "xlsx"]) == 2  # xlsx needs --out


def test_the_analyses_read_the_users_build_by_default(tmp_path, monkeypatch, capsys):
    """With no --data, the build in $CHAINKG_OUT (default out/) is read, and stderr says so."""
    build = tmp_path / "mine"
    monkeypatch.setenv("CHAINKG_OUT", str(build))
    assert main(["build", "--no-report"]) == 0
    capsys.readouterr()
    assert main(["gaps", "--chain", "LED", "--region", "安溪"]) == 0
    assert capsys.readouterr().err.splitlines()[0] == f"reading graph: {build / 'graph.trig'}"


def test_leaders_chain_machine_tools_shows_the_chain_leader(capsys):
    leaders = run_json(capsys, "leaders", "--chain", "工业母机")
    assert leaders[0]["name"] == "中国机械总院海西分院"
    assert leaders[0]["designations"][0]["kind"] == "chain_leader"
    assert "国内工业母机链主企业" in leaders[0]["designations"][0]["sentences"][0]


def test_candidates_with_no_gap_say_why(capsys):
    assert main(["candidates", "--chain", "半导体", "--region", "南安市"]) == 0
    assert "南安市的半导体产业链只在整链层面见于来源(未细分到环节),没有可据以招商的缺口" in capsys.readouterr().out
    assert main(["candidates", "--chain", "卫浴五金", "--region", "石狮市"]) == 0  # 九牧 is tied to 石狮
    assert "来源中没有与石狮市无关联、从事卫浴五金产业链缺口环节的外地企业" in capsys.readouterr().out


def test_unknown_names_exit_2_with_close_matches(capsys):
    assert main(["gaps", "--chain", "半导", "--region", "南安"]) == 2
    read, error = capsys.readouterr().err.splitlines()  # which graph, then the one-line error
    assert read.startswith("reading graph: the bundled Quanzhou seed")
    assert error == "chainkg: error: unknown chain '半导'; did you mean 半导体?"


def test_analyses_on_a_graph_file(built_out, capsys):
    report = run_json(capsys, "gaps", "--chain", "卫浴五金", "--region", "石狮市", "--data", str(built_out / "graph.ttl"))
    statuses = {s["name"]: s["status"] for s in report["segments"]}
    assert statuses["电镀"] == "weak" and statuses["五金水暖"] == "weak" and statuses["陶瓷洁具"] == "missing"


def test_the_neo4j_engine_gives_the_same_json(neo4j_settings, loaded_seed, monkeypatch, capsys):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    for argv in (["gaps", "--chain", "智能电子终端", "--region", "永春"], ["leaders", "--region", "惠安县"]):
        embedded = run_json(capsys, *argv)
        cypher = run_json(capsys, *argv, "--engine", "neo4j")
        assert without_engine_name(cypher) == without_engine_name(embedded)


def test_a_build_folder_is_read_as_its_graph_and_the_first_line_says_which(built_out, capsys, tmp_path):
    """`--data out2/` once failed with "unknown RDF file type ''"; the folder's graph.trig is read now."""
    assert main(["gaps", "--chain", "半导体", "--region", "南安市", "--data", str(built_out), "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines()[0] == f"reading graph: {built_out / 'graph.trig'}"
    assert json.loads(captured.out)["chain_name"] == "半导体"
    assert main(["gaps", "--chain", "半导体", "--region", "南安市", "--json"]) == 0
    assert capsys.readouterr().err.splitlines()[0].startswith("reading graph: the bundled Quanzhou seed")
    assert main(["gaps", "--chain", "半导体", "--region", "南安市", "--data", str(tmp_path)]) == 2
    assert "a folder with no graph file" in capsys.readouterr().err
