"""Gazetteers the article loader matches against: the national division table (provinces,
prefectures, counties with GB/T 2260 codes, shipped as ``data/gbt2260_divisions.tsv``; its
source and date are in ``data/README.md``), the reference places (zones, 管委会), and the
ontology's chain labels. No firm names: firms are found by rules.

Which names resolve to a division
---------------------------------
- Every division by its full name (福建省, 泉州市, 晋江市).
- A prefecture also by its short form: the full name less its division suffix
  (``short_form``: 深圳市 → 深圳), except where that is one character or the short form of
  another province (吉林市 keeps only its full name), and except where the table lists the forms
  in use (克州, 巴州, 海南州; ``-`` for none: 兴安盟, 阿里地区).
- A province also by its short form (台湾省 → 台湾, 新疆维吾尔自治区 → 新疆): news names
  provinces that way, and no province's short form is an ordinary word.
- Counties by their full names only. Nationwide, a county's short form is often an ordinary
  word (通道, 互助, 资源); Quanzhou's counties get theirs (晋江, 泉港) from the reference table,
  which wins over the national one.
- When two divisions share a name, the first in the table's row order keeps it.

Example
-------
>>> places = place_gazetteer()
>>> places["晋江"].name, places["晋江"].division_code
('晋江市', '350582')
>>> places["深圳"].division_code
'440300'
>>> places["台商区"].name
'泉州台商投资区'
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from chainkg.errors import SourceError
from chainkg.loaders.reviewed import PLACES_FACTS, load_reviewed_facts
from chainkg.ontology.templates import load_chain_templates

__all__ = [
    "DIVISION_TABLE",
    "DivisionRow",
    "PlaceEntry",
    "ChainEntry",
    "short_form",
    "division_short_forms",
    "prefecture_stems",
    "read_division_table",
    "division_table",
    "place_gazetteer",
    "county_short_forms",
    "chain_gazetteer",
    "literal_trie_pattern",
    "LiteralFinder",
]

DIVISION_TABLE = Path(__file__).resolve().parent / "data" / "gbt2260_divisions.tsv"
#: Short forms of a division that the news of the planners' region uses for something else:
#: 海西 is 海峡西岸 (the West Strait region: 海西分院, 海西零碳园区), not 海西蒙古族藏族自治州.
_SHORT_FORMS_MEANING_ELSE = frozenset({"海西"})
#: The province whose counties made districts since the table's date are also matched by their
#: new names (X县 → X区): Fujian, the planners' region (GB/T 2260 code 35).
_NEWS_PROVINCE = "35"
_COLUMNS = ["code", "name", "level", "parent_code", "short_forms"]
_LEVELS = ("province", "prefecture", "county")


@dataclass(frozen=True)
class DivisionRow:
    """One row of the national division table.

    ``short_forms`` is None where the rule (``short_form``) decides, else the forms in use
    (an empty tuple for none).
    """

    code: str
    name: str
    level: str  # province | prefecture | county
    parent_code: str | None
    short_forms: tuple[str, ...] | None = None


@dataclass(frozen=True)
class PlaceEntry:
    id: str
    name: str
    type: str  # AdministrativeArea | DevelopmentZone | GovernmentBody
    division_code: str | None
    admin_level: str | None
    aliases: tuple[str, ...]
    parent: str | None


@dataclass(frozen=True)
class ChainEntry:
    id: str  # chain/... or chain/.../segment
    name: str
    chain: str
    is_segment: bool


# The 55 minority peoples as autonomous areas name them (双江拉祜族佤族布朗族傣族自治县), and 各族.
_PEOPLES = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 "
            "景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 "
            "保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各").split()
# Five names also stand without 族 before 自治… (新疆维吾尔自治区, 伊犁哈萨克自治州); the one-character
# ones never do, so 西藏 keeps its 藏.
_BARE_PEOPLES = ("蒙古", "维吾尔", "哈萨克", "柯尔克孜", "锡伯")
_PEOPLE_AT_END = re.compile("(?:" + "|".join(sorted((p + "族" for p in _PEOPLES), key=len, reverse=True)) + ")$")
_BARE_PEOPLE_AT_END = re.compile("(?:" + "|".join(_BARE_PEOPLES) + ")$")
_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")
# Longest first, so 特别行政区 is tried before 区 and 自治县 before 县.
_SUFFIXES = ("特别行政区", *_AUTONOMOUS, "地区", "新区", "省", "市", "县", "区", "盟", "旗")


def literal_trie_pattern(names: Iterable[str]) -> str:
    """A regular expression for any of ``names`` that matches what ``A|B|…`` with the longest
    name first would, written as a trie: at each position only the names that begin with its
    character are tried (thousands of place names cost one look per character, not one each).

    >>> pattern = re.compile(literal_trie_pattern(["北京", "北京市", "南京市", "南安"]))
    >>> pattern.pattern
    '(?:北京(?:市)?|南(?:京市|安))'
    >>> [m.group() for m in pattern.finditer("北京市到南安、北京")]
    ['北京市', '南安', '北京']
    """
    trie: dict = {}
    for name in names:
        node = trie
        for character in name:
            node = node.setdefault(character, {})
        node[""] = {}  # a name ends here
    return _trie_branch(trie) or "(?!)"  # (no names: a pattern that never matches)


def _trie_branch(node: dict) -> str:
    """The pattern for what may follow ``node`` of the trie: its longer names first (greedy),
    then nothing when a name ends at the node."""
    alternatives = []
    for character in sorted(c for c in node if c):
        tail, child = re.escape(character), node[character]
        while len(child) == 1 and "" not in child:  # one way on and no name ending: one literal
            (only,) = child
            tail, child = tail + re.escape(only), child[only]
        alternatives.append(tail + _trie_branch(child))
    if not alternatives:
        return ""
    inner = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return f"(?:{inner})?" if "" in node else inner


class LiteralFinder:
    """Finds any of ``names`` in a text as ``re.finditer`` of :func:`literal_trie_pattern`
    would (left to right, the longest name at each position, no overlaps), several times
    faster: the pattern is tried only where the text's next two characters begin a name, a
    set look-up instead of the regular expression engine's step at every character.

    >>> finder = LiteralFinder(["北京", "北京市", "南京市", "南安"])
    >>> [(m.start(), m.group()) for m in finder.finditer("北京市到南安、北京")]
    [(0, '北京市'), (4, '南安'), (7, '北京')]
    """

    def __init__(self, names: Iterable[str]) -> None:
        names = list(names)
        if any(len(name) < 2 for name in names):
            raise ValueError("LiteralFinder looks names up by their first two characters: each needs two")
        self.pattern = re.compile(literal_trie_pattern(names))
        self._beginnings = frozenset(name[:2] for name in names)

    def finditer(self, text: str) -> Iterator[re.Match]:
        beginnings, match = self._beginnings, self.pattern.match
        at, last = 0, len(text) - 1
        while at < last:
            if text[at:at + 2] in beginnings and (found := match(text, at)):
                yield found
                at = found.end()
            else:
                at += 1


def short_form(name: str) -> str | None:
    """The short form of a division's full name: less its suffix and the peoples it names.

    None when no division suffix ends the name, or when one character would be left (云县,
    城区): a single character is far more often part of a word than the place.

    Examples
    --------
    >>> short_form("晋江市"), short_form("泉港区"), short_form("福建省")
    ('晋江', '泉港', '福建')
    >>> short_form("双江拉祜族佤族布朗族傣族自治县"), short_form("新疆维吾尔自治区"), short_form("浦东新区")
    ('双江', '新疆', '浦东')
    >>> short_form("云县") is None, short_form("香港") is None
    (True, True)
    """
    suffix = next((s for s in _SUFFIXES if name.endswith(s)), None)
    if suffix is None:
        return None
    stem = name[: -len(suffix)]
    while True:  # peoples named before the suffix, as long as two characters of place remain
        match = _PEOPLE_AT_END.search(stem) or (suffix in _AUTONOMOUS and _BARE_PEOPLE_AT_END.search(stem))
        if not match or match.start() < 2:
            break
        stem = stem[: match.start()]
    return stem if len(stem) >= 2 else None


def division_short_forms(row: DivisionRow, province_short_forms: Mapping[str, str],
                         prefecture_stems: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The short forms the gazetteer matches for one row of the division table.

    ``province_short_forms`` maps each province's short form to its full name, to keep a
    prefecture from taking a province's (吉林市 in 吉林省; 上海市 is both, and keeps 上海);
    ``prefecture_stems`` (:func:`prefecture_stems`) keeps a province from taking a prefecture's.

    Examples
    --------
    >>> provinces = {"吉林": "吉林省", "上海": "上海市"}
    >>> division_short_forms(DivisionRow("350500", "泉州市", "prefecture", "350000"), provinces)
    ('泉州',)
    >>> division_short_forms(DivisionRow("220200", "吉林市", "prefecture", "220000"), provinces)
    ()
    >>> division_short_forms(DivisionRow("310000", "上海市", "prefecture", "310000"), provinces)
    ('上海',)
    >>> division_short_forms(DivisionRow("653000", "克孜勒苏柯尔克孜自治州", "prefecture", "650000", ("克州", "克孜勒苏")), provinces)
    ('克州', '克孜勒苏')
    >>> stems = frozenset({"吉林", "泉州"})
    >>> division_short_forms(DivisionRow("710000", "台湾省", "province", None), provinces, stems)
    ('台湾',)
    >>> division_short_forms(DivisionRow("220000", "吉林省", "province", None), provinces, stems)
    ()
    """
    if row.level == "province":
        # 浙江, 台湾, 内蒙古: a province's short form names it in running text — unless a
        # prefecture goes by it (吉林市, 海南州, the municipality 上海市, 香港): the prefecture keeps it
        form = short_form(row.name)
        return (form,) if form is not None and form not in prefecture_stems else ()
    if row.level != "prefecture":
        return ()
    if row.short_forms is not None:
        return row.short_forms
    form = short_form(row.name)
    if form is None or province_short_forms.get(form, row.name) != row.name:
        return ()
    return (form,)


def prefecture_stems(rows: Sequence[DivisionRow]) -> frozenset[str]:
    """Every prefecture's name and the two-character start of each (吉林市 → 吉林, 海南藏族自治州 →
    海南, 香港): the words a province's short form must not be to be its own."""
    prefectures = [row.name for row in rows if row.level == "prefecture"]
    return frozenset(prefectures) | {form for name in prefectures if (form := short_form(name))} | {
        name[:2] for name in prefectures}


def read_division_table(path: Path) -> tuple[DivisionRow, ...]:
    """The rows of a division table file (columns as in ``data/gbt2260_divisions.tsv``), in order.

    Raises SourceError naming the file and line of a row that does not fit.
    """
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        if next(reader, None) != _COLUMNS:
            raise SourceError(path, f"the header must be {' '.join(_COLUMNS)} (tab-separated)", line=1)
        for line, fields in enumerate(reader, start=2):
            if len(fields) != len(_COLUMNS):
                raise SourceError(path, f"{len(fields)} tab-separated fields, expected {len(_COLUMNS)}", line=line)
            code, name, level, parent_code, forms = fields
            if level not in _LEVELS:
                raise SourceError(path, f"{level!r} is not one of {', '.join(_LEVELS)}", line=line, field="level")
            short_forms = None if forms == "" else () if forms == "-" else tuple(forms.split("/"))
            rows.append(DivisionRow(code, name, level, parent_code or None, short_forms))
    return tuple(rows)


@lru_cache(maxsize=1)
def division_table() -> tuple[DivisionRow, ...]:
    """The national division table, in its file's row order (which decides shared names).

    >>> [row.name for row in division_table() if row.parent_code == "350500"][:3]
    ['金门县', '丰泽区', '南安市']
    """
    return read_division_table(DIVISION_TABLE)


@lru_cache(maxsize=1)
def place_gazetteer() -> dict[str, PlaceEntry]:
    """Every name and short form of a place → its entry (see the module's rules)."""
    entries: dict[str, PlaceEntry] = {}
    rows = division_table()
    province_forms = {form: row.name for row in rows if row.level == "province" and (form := short_form(row.name))}
    stems = prefecture_stems(rows)
    for row in rows:
        aliases = division_short_forms(row, province_forms, stems)
        entry = PlaceEntry(f"area/{row.code}", row.name, "AdministrativeArea", row.code, row.level, aliases,
                           f"area/{row.parent_code}" if row.parent_code else None)
        for name in (row.name, *aliases):
            entries.setdefault(name, entry)
    # A county-level city made a district keeps its old name in the news (龙海市 is now 龙海区):
    # X市 names district X区 when no other place is called X市 —
    # and a county made a district goes by its new name before the table has it (长泰县 → 长泰区)
    for row in rows:
        if row.level == "county" and row.name.endswith("区") and len(row.name) >= 3:
            entries.setdefault(row.name[:-1] + "市", entries[row.name])
        elif row.level == "county" and row.name.endswith("县") and len(row.name) >= 3 and row.code.startswith(_NEWS_PROVINCE):
            entries.setdefault(row.name[:-1] + "区", entries[row.name])  # (only where the news is: X区 is a common word ending)
    for form in _SHORT_FORMS_MEANING_ELSE:
        if form in entries and entries[form].name != form:
            del entries[form]
    # The reference table: zones, their 管委会, the towns it codes. It wins over the national table.
    reference = load_reviewed_facts(PLACES_FACTS)
    parents = {r.subject: r.object for r in reference.relations if r.predicate == "locatedIn"}
    for entity in reference.entities.values():
        entry = PlaceEntry(entity.id, entity.name, entity.types[0], entity.division_code, entity.admin_level,
                           tuple(a for a in entity.aliases if a not in ("我市", "全市", "全省")), parents.get(entity.id))
        for name in (entity.name, *entry.aliases):
            entries[name] = entry
    return entries


@lru_cache(maxsize=1)
def county_short_forms() -> dict[str, PlaceEntry]:
    """The short forms of the counties of the planners' region (Fujian: 福安 for 福安市, 海沧 for
    海沧区) that ``place_gazetteer`` leaves out: many are ordinary words too (平和, 光泽, 马尾), so
    the extractor takes one only where the Chinese model reads a place (``extract_lexical``).

    >>> forms = county_short_forms()
    >>> forms["福安"].name, forms["海沧"].division_code, "晋江" in forms
    ('福安市', '350205', False)
    """
    places = place_gazetteer()
    forms: dict[str, PlaceEntry] = {}
    for row in division_table():
        form = short_form(row.name)
        if row.level == "county" and row.code.startswith(_NEWS_PROVINCE) and form and len(form) >= 2 \
                and form not in places and form not in _SHORT_FORMS_MEANING_ELSE:
            forms.setdefault(form, places[row.name])
    return forms


@lru_cache(maxsize=1)
def chain_gazetteer() -> dict[str, ChainEntry]:
    """Chain names and aliases → the chain (segments are placed later, by loaders.segments)."""
    entries: dict[str, ChainEntry] = {}
    for chain in load_chain_templates().values():
        for name in (chain.name, *chain.aliases, chain.name + "产业"):
            if len(name) >= 2 and not name.isascii() or name in ("LED", "IC"):
                entries.setdefault(name, ChainEntry(chain.id, chain.name, chain.id, False))
    return entries
