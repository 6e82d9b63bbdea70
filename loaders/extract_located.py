"""Where a name says its bearer lies: the places a name opens with, and places by short forms.

News writes a county's short form once the article has named it in full (沙县区 …, then
沙县小吃, 沙县X公司), and names bodies after the place they serve (X市商务局, X县人民政府,
X市Y协会) or are in (X市Y区Z产业园). The rules here read those shapes; they name no place,
firm or park of any article, only the division table's own names and levels.

- **Short forms named in full** (:func:`short_forms_named_in_full`): a county or district the
  text names in full (甲乙县) is also meant where the text writes its short form (甲乙), the
  division suffix left off; the gazetteer lists short forms only where they are safe
  nationwide, the article's own full name makes them safe in that article.
- **The run of places a name opens with** (:func:`opening_run`): 福建省|三明|X公司,
  厦门|海沧|X产业基地 — each the longest gazetteer name, or the short form of a division whose
  parent is the place before it (海沧 after 厦门 is 海沧区), that starts where the one before
  ended. The last of the run is the nearest place the name gives.
- **A province alone is no body's site** (:func:`gives_a_site`): 福建X有限公司, 福建X大学 — a
  body's name whose only place is a province says where it is registered or whom it serves, not
  where it lies, and gives no ``locatedIn``; a project's (福建X一体化项目) says where it is built.

Example
-------
>>> from chainkg.loaders.gazetteer import place_gazetteer
>>> places = place_gazetteer()
>>> [(e.name, end) for e, end in opening_run("福建省三明甲乙食品有限公司", places)]
[('福建省', 3), ('三明市', 5)]
>>> [e.name for e, _ in opening_run("厦门海沧甲乙产业基地", places)]
['厦门市', '海沧区']
>>> gives_a_site(opening_run("福建甲乙实业有限公司", places))
False
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from chainkg.loaders.gazetteer import PlaceEntry, short_form

__all__ = ["names_an_origin", "unit_of_a_parent", "opening_run", "gives_a_site", "short_forms_named_in_full", "child_by_short_form"]

# the levels whose short forms the text may use once it has named the full form
_SHORTENED_LEVELS = ("county",)
# what may follow a place's short form inside the run of a name: the next place or the name
_MAX_PLACE = 9


def child_by_short_form(words: str, parent: PlaceEntry, places: Mapping[str, PlaceEntry]) -> PlaceEntry | None:
    """The division under ``parent`` whose short form opens ``words`` (厦门|海沧… → 海沧区), the
    longest such form first; None when none does.

    >>> from chainkg.loaders.gazetteer import place_gazetteer
    >>> places = place_gazetteer()
    >>> child_by_short_form("海沧半导体", places["厦门市"], places).name
    '海沧区'
    >>> child_by_short_form("海沧半导体", places["福州市"], places) is None
    True
    """
    for length in range(min(len(words) - 1, 6), 1, -1):
        stem = words[:length]
        for level in "区县市":
            entry = places.get(stem + level)
            if entry is not None and entry.parent == parent.id and entry.type == "AdministrativeArea":
                return entry
    return None


def opening_run(name: str, places: Mapping[str, PlaceEntry]) -> list[tuple[PlaceEntry, int]]:
    """The places a name opens with, one after another (see the module's rules), each with
    where its words end in the name. Zones count as places (泉州开发区X园区); the name itself is
    never its own place.

    >>> from chainkg.loaders.gazetteer import place_gazetteer
    >>> [e.name for e, _ in opening_run("龙岩市新罗区甲乙工业园区", place_gazetteer())]
    ['龙岩市', '新罗区']
    >>> opening_run("甲乙科技有限公司", place_gazetteer())
    []
    """
    run: list[tuple[PlaceEntry, int]] = []
    at = 0
    while at < len(name) - 1:
        found = None
        for length in range(min(len(name) - at - 1, _MAX_PLACE), 1, -1):
            entry = places.get(name[at:at + length])
            if entry is not None and entry.type in ("AdministrativeArea", "DevelopmentZone"):
                found = (entry, length)
                break
        if found is None and run:
            child = child_by_short_form(name[at:], run[-1][0], places)
            if child is not None:
                length = next(n for n in range(min(len(name) - at - 1, 6), 1, -1)
                              if any(places.get(name[at:at + n] + level) is child for level in "区县市"))
                found = (child, length)
        if found is None or (run and (found[0].id == run[-1][0].id or _wider(found[0], run[-1][0]))):
            break  # 甲县台湾X专区: a province after a place outside it opens no site, it is the name's
        at += found[1]
        run.append((found[0], at))
    return run


def _wider(later: PlaceEntry, earlier: PlaceEntry) -> bool:
    """Whether a province named after a place does not hold it (泉港 then 台湾: a name's word, not a
    narrower site); places of one level side by side (甲市乙市两地…) are left as they were.

    >>> from chainkg.loaders.gazetteer import place_gazetteer
    >>> places = place_gazetteer()
    >>> _wider(places["台湾省"], places["泉港区"]), _wider(places["晋江市"], places["泉州市"])
    (True, False)
    """
    if later.admin_level != "province" or not later.division_code or not earlier.division_code:
        return False
    return not earlier.division_code.startswith(later.division_code[:2])


def gives_a_site(run: Sequence[tuple[PlaceEntry, int]], project: bool = False) -> bool:
    """Whether the run of places a name opens with says where its bearer lies. A province alone
    does for a project (福建X一体化项目: a project is named after where it is built), not for a
    body (福建X有限公司, 福建X大学: the province is where it registered or whom it serves).

    >>> from chainkg.loaders.gazetteer import place_gazetteer
    >>> places = place_gazetteer()
    >>> gives_a_site([(places["福建省"], 3), (places["三明市"], 5)]), gives_a_site([(places["福建省"], 3)]), gives_a_site([])
    (True, False, False)
    >>> gives_a_site([(places["福建省"], 3)], project=True)
    True
    """
    return bool(run) and (project or run[-1][0].admin_level != "province")


# a body's name, then one of its units (甲乙大学丙丁学院, 甲乙集团丙丁分公司): the unit's words end it
_PARENT_THEN_UNIT = re.compile(r"(.{2,12}?(?:大学|集团|总院|研究院|公司))(.{2,16}(?:学院|研究院|研究所|分院|分公司|实验室|中心))")


def unit_of_a_parent(name: str) -> int | None:
    """Where a unit's own words start in a name that opens with its parent body (甲乙大学|丙丁学院
    → 4), or None. A place opening such a name is the parent's (甲市大学 is in 甲市, its college
    may be anywhere); a place opening the unit's words is the unit's own site.

    >>> unit_of_a_parent("甲乙大学丙丁学院"), unit_of_a_parent("甲乙大学") is None, unit_of_a_parent("甲乙科技有限公司") is None
    (4, True, True)
    """
    match = _PARENT_THEN_UNIT.fullmatch(name)
    return match.start(2) if match else None


def names_an_origin(entry: PlaceEntry, in_region: bool) -> bool:
    """Whether a place written right before a body's name (or opening it) says where the body
    comes from and lies: a province outside the article's region (``in_region`` False) — news on
    one area writes 甲省X科技 for a firm from elsewhere. Inside the region a province says only
    where a body registered (``gives_a_site``), and a country is no site at all.

    >>> from chainkg.loaders.gazetteer import place_gazetteer
    >>> province = place_gazetteer()["福建省"]
    >>> names_an_origin(province, in_region=False), names_an_origin(province, in_region=True)
    (True, False)
    >>> names_an_origin(place_gazetteer()["厦门市"], in_region=False)
    False
    """
    return entry.type == "AdministrativeArea" and entry.admin_level == "province" and not in_region


def short_forms_named_in_full(text: str, found: Sequence[tuple[int, int, PlaceEntry]]) -> list[tuple[int, int, PlaceEntry]]:
    """Where ``text`` writes the short form of a county it names in full (``found``: the places
    matched so far, as (start, end, entry)). Occurrences inside a place already found are left
    out; the caller checks word boundaries.

    >>> from chainkg.loaders.gazetteer import place_gazetteer
    >>> county = place_gazetteer()["海沧区"]
    >>> text = "海沧区打造园区，海沧引进项目"
    >>> [(a, b, e.name) for a, b, e in short_forms_named_in_full(text, [(0, 3, county)])]
    [(8, 10, '海沧区')]
    """
    taken = [(a, b) for a, b, _ in found]
    forms: dict[str, PlaceEntry] = {}
    for start, end, entry in found:
        if entry.type != "AdministrativeArea" or entry.admin_level not in _SHORTENED_LEVELS or text[start:end] != entry.name:
            continue
        stem = short_form(entry.name)
        if stem and stem != entry.name and stem not in forms:
            forms[stem] = entry
    if not forms:
        return []
    pattern = re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))
    return [(m.start(), m.end(), forms[m.group()]) for m in pattern.finditer(text)
            if not any(a <= m.start() < b for a, b in taken)]
