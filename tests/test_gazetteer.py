"""The place gazetteer from the shipped division table gives what the jionlp-based one gave."""

import importlib.util
import json
import re
import subprocess
import sys
from dataclasses import asdict

import pytest

from chainkg.errors import SourceError
from chainkg.loaders.gazetteer import (
    DivisionRow,
    LiteralFinder,
    division_short_forms,
    division_table,
    literal_trie_pattern,
    place_gazetteer,
    prefecture_stems,
    read_division_table,
    short_form,
)
from chainkg.loaders.reviewed import PLACES_FACTS, load_reviewed_facts

from _paths import CORPUS, REPO

SAMPLE = REPO / "tests" / "data" / "gazetteer_jionlp_sample.json"


def _without_non_aliases(entry: dict) -> dict:
    """The jionlp gazetteer gave each province its short form's characters as aliases (福建 →
    福, 建: a string read as a sequence) and five divisions their own name as an alias (香港,
    吉林市). Neither ever resolved a name: single characters are not matched, and the name is
    matched as the name. The new table gives neither; everything else must be equal."""
    return {**entry, "aliases": [a for a in entry["aliases"] if len(a) >= 2 and a != entry["name"]]}


def test_every_sampled_name_resolves_to_the_entry_the_jionlp_gazetteer_gave():
    expected = json.loads(SAMPLE.read_text(encoding="utf-8"))["entries"]
    gazetteer = place_gazetteer()
    got = {name: asdict(gazetteer[name]) for name in expected if name in gazetteer}
    assert sorted(got) == sorted(expected)  # no name lost
    for name, entry in got.items():
        # the one thing the new table adds: a province's short form (浙江省 → 浙江; jionlp gave
        # only the reference table's 福建 and 广东)
        entry["aliases"] = [a for a in entry["aliases"] if a in expected[name]["aliases"] or not (
            entry["admin_level"] == "province" and a == short_form(entry["name"]))]
    assert got == {name: _without_non_aliases(entry) for name, entry in expected.items()}
    assert gazetteer["浙江"].name == "浙江省" and gazetteer["台湾"].name == "台湾省"


def test_the_sample_covers_all_of_fujian_and_divisions_elsewhere():
    # So the comparison above cannot pass on a thin sample: every division of Fujian in the
    # table, and the 18 chosen divisions outside it.
    expected = json.loads(SAMPLE.read_text(encoding="utf-8"))["entries"]
    sampled = {e["id"] for e in expected.values()}
    fujian = [row for row in division_table() if row.code.startswith("35")]
    assert len(fujian) == 1 + 9 + 84
    # Two names were already taken, by a division earlier in the table (南京's 鼓楼区 and
    # 张家界's 永定区), so no name leads to 福州's or 龙岩's: first come, first served.
    assert [row.name for row in fujian if f"area/{row.code}" not in sampled] == ["鼓楼区", "永定区"]
    assert place_gazetteer()["鼓楼区"].division_code != "350102"
    assert {"area/310000", "area/532901", "area/632500", "area/810000"} <= sampled


def test_nothing_is_printed_or_imported_from_jionlp():
    code = ("import sys, chainkg.loaders.gazetteer as g; g.place_gazetteer(); "
            "print(sorted(m for m in ('jionlp', 'jiojio', 'requests') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert (run.stdout, run.stderr) == ("[]\n", "")


@pytest.mark.parametrize("name, short", [
    ("晋江市", "晋江"), ("泉港区", "泉港"), ("福建省", "福建"), ("惠安县", "惠安"),
    ("内蒙古自治区", "内蒙古"), ("广西壮族自治区", "广西"), ("新疆维吾尔自治区", "新疆"),
    ("西藏自治区", "西藏"),                       # 藏 alone is not a people's name here
    ("香港特别行政区", "香港"), ("大理白族自治州", "大理"), ("伊犁哈萨克自治州", "伊犁"),
    ("锡林郭勒盟", "锡林郭勒"), ("和田地区", "和田"), ("双江拉祜族佤族布朗族傣族自治县", "双江"),
    ("鄂伦春自治旗", "鄂伦春"), ("顺河回族区", "顺河"), ("浦东新区", "浦东"), ("克什克腾旗", "克什克腾"),
    ("云县", None), ("城区", None), ("芒市", None),   # one character would be left
    ("香港", None), ("省直辖行政区划", None),          # no division suffix
])
def test_short_form_rule(name, short):
    assert short_form(name) == short


def test_the_rule_gives_the_short_forms_the_reference_table_writes_by_hand():
    reference = load_reviewed_facts(PLACES_FACTS)
    divisions = [e for e in reference.entities.values() if e.admin_level in ("province", "prefecture", "county")]
    assert len(divisions) == 16  # 福建, 广东, 深圳, 泉州 and its 12 counties and districts
    assert [e.name for e in divisions if short_form(e.name) not in e.aliases] == []


def test_prefecture_short_forms_and_their_exceptions():
    provinces = {"吉林": "吉林省", "上海": "上海市", "海南": "海南省"}
    assert division_short_forms(DivisionRow("350500", "泉州市", "prefecture", "350000"), provinces) == ("泉州",)
    assert division_short_forms(DivisionRow("220200", "吉林市", "prefecture", "220000"), provinces) == ()
    assert division_short_forms(DivisionRow("310000", "上海市", "prefecture", "310000"), provinces) == ("上海",)
    assert division_short_forms(DivisionRow("350582", "晋江市", "county", "350500"), provinces) == ()
    assert division_short_forms(DivisionRow("350000", "福建省", "province", None), provinces) == ("福建",)
    stems = prefecture_stems(division_table())
    assert division_short_forms(DivisionRow("220000", "吉林省", "province", None), provinces, stems) == ()
    assert division_short_forms(DivisionRow("710000", "台湾省", "province", None), provinces, stems) == ("台湾",)
    places = place_gazetteer()
    assert (places["克州"].name, places["巴州"].division_code, places["海南州"].name) == (
        "克孜勒苏柯尔克孜自治州", "652800", "海南藏族自治州")
    assert "兴安" not in places and "阿里" not in places and "吉林" not in places
    assert (places["上海"].division_code, places["上海"].admin_level) == ("310000", "prefecture")


def test_division_table_shape():
    rows = division_table()
    levels = {(row.code, row.level) for row in rows}  # a municipality is a province and a prefecture
    quanzhou = [row.name for row in rows if row.parent_code == "350500"]
    assert len(quanzhou) == 12 and "晋江市" in quanzhou and "泉港区" in quanzhou
    assert sum(1 for row in rows if row.parent_code == "350000") == 9
    assert all(len(row.code) == 6 and row.code.isdigit() for row in rows)
    assert all((row.parent_code, "prefecture") in levels for row in rows if row.level == "county")
    assert all((row.parent_code, "province") in levels for row in rows if row.level == "prefecture")
    assert all(row.parent_code is None for row in rows if row.level == "province")


def test_a_bad_row_is_named_by_file_and_line(tmp_path):
    table = tmp_path / "divisions.tsv"
    table.write_text("code\tname\tlevel\tparent_code\tshort_forms\n"
                     "350000\t福建省\tprovince\t\t\n"
                     "350500\t泉州市\tcity\t350000\t\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"divisions\.tsv:3: level: 'city' is not one of"):
        read_division_table(table)
    table.write_text("code\tname\tlevel\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"divisions\.tsv:1: the header must be"):
        read_division_table(table)


def _generator():
    # tools/ is a folder of scripts, not a package: load the generator from its file.
    spec = importlib.util.spec_from_file_location("make_division_table", REPO / "tools" / "make_division_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generator_keeps_levels_order_and_only_the_short_forms_the_rule_misses():
    # A few lines in jionlp's layout: tabs for the level, towns below counties, a district of
    # Taiwan without a code.
    lines = ["吉林省\t220000\t吉林", "\t吉林市\t220200\t吉林市", "\t\t船营区\t220204\t船营", "\t\t\t北山街道",
             "青海省\t630000\t青海", "\t海南藏族自治州\t632500\t海南州", "\t\t共和县\t632521\t共和",
             "福建省\t350000\t福建", "\t泉州市\t350500\t泉州", "\t\t晋江市\t350582\t晋江",
             "台湾省\t710000\t台湾", "\t台北市\t710100\t台北", "\t\t中正区"]
    generator = _generator()
    assert generator.table_rows(generator.parse(lines)) == [
        ["220000", "吉林省", "province", "", ""],
        ["220200", "吉林市", "prefecture", "220000", ""],   # the rule already keeps it from 吉林
        ["220204", "船营区", "county", "220200", ""],
        ["630000", "青海省", "province", "", ""],
        ["632500", "海南藏族自治州", "prefecture", "630000", "海南州"],
        ["632521", "共和县", "county", "632500", ""],
        ["350000", "福建省", "province", "", ""],
        ["350500", "泉州市", "prefecture", "350000", ""],
        ["350582", "晋江市", "county", "350500", ""],
        ["710000", "台湾省", "province", "", ""],
        ["710100", "台北市", "prefecture", "710000", ""],
    ]


def test_the_trie_pattern_matches_what_the_longest_first_alternation_matches():
    names = [n for n in place_gazetteer() if len(n) >= 2]
    flat = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    trie = re.compile(literal_trie_pattern(names))
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts.append("".join(sorted(names)))  # every name, each run into the next
    for text in texts:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert [m.group() for m in trie.finditer("泉州市晋江市")] == ["泉州市", "晋江市"]  # the longest at each start


def test_the_literal_finder_finds_what_the_trie_pattern_finds():
    names = [n for n in place_gazetteer() if len(n) >= 2]
    finder, trie = LiteralFinder(names), re.compile(literal_trie_pattern(names))
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts += ["".join(sorted(names)), "泉州市晋江市", "晋", ""]  # names run together; too short to hold one
    for text in texts:
        assert [m.span() for m in finder.finditer(text)] == [m.span() for m in trie.finditer(text)]
    assert sum(1 for _ in finder.finditer(texts[-4])) > 1000


def test_the_literal_finder_refuses_a_one_character_name():
    with pytest.raises(ValueError, match="two characters"):
        LiteralFinder(["北京", "京"])


def test_a_trie_of_nothing_matches_nothing_and_special_characters_stay_literal():
    assert re.compile(literal_trie_pattern([])).search("任何文字") is None
    assert [m.group() for m in re.compile(literal_trie_pattern(["a.b", "a(b)"])).finditer("axb a.b a(b)")] == ["a.b", "a(b)"]
