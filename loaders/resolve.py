"""Entity resolution across sources: which names are one thing, by which rule, how sure.

Every source names things its own way: an article says 甲乙纸业 and later 甲纸, a second one
甲乙纸业有限公司, a registry 甲乙纸业(泉州)有限公司 with its credit code; a park is 丙丁产业园区
in one text and 丙丁产业园 in the next, 鲤城区高新区 here and 鲤城高新区 there. This module decides
which of them are one node and records why, so that a planner can check and correct it.

Rules, surest first (each a :class:`Link` between two *candidates*, one per name-derived id):

``decision``       a person said so (the reviewed-decisions file, ``loaders.decisions``);
``credit_code``    the same 统一社会信用代码; ``stock_code``: the same stock code;
``same_name``      the same name, after case, width, spaces and traditional characters;
``alias``          one's name is the other's declared alias (简称, 以下简称, 原名) or alias;
``name_variant``   the same name once legal forms (有限公司, 股份有限公司, 集团), a bracketed place
                   ((泉州), (中国)), the form of a leading place (鲤城区 / 鲤城) and the length of a
                   park's ending (产业园区 / 产业园) are set aside;
``abbreviation``   an organization's short form (甲纸 for 甲乙纸业: same first character, the short
                   name's characters in order in the long one), among organizations of one class;
``retyped``        a bare name the extractor guessed to be a firm (no 公司, 集团 … of its own) that
                   another source names as a park or zone: it is that park.

What is never merged (each refusal a :class:`NearMiss` in the report): two different credit
codes; two entities a person declared distinct (a reviewed-facts file's two ids, or a ``split``
decision); an organization whose name says its class (甲乙研究院, 甲乙有限公司) with a park or
with an organization of another class; a park with a company whose name says it is one.

Resolution is a greedy clustering: links are taken surest first and two groups join unless a
refusal holds between any of their members. The group keeps the id of its reviewed member, else
of the candidate seen first (reviewed and table facts come before articles).

Example
-------
>>> from chainkg.loaders.records import Entity, FactSet, entity_identifiers
>>> a = Entity("org/a", ("Company",), "甲乙纸业")
>>> b = Entity("org/b", ("Company",), "甲乙纸业(泉州)有限公司")
>>> c = Entity("park/c", ("IndustrialPark",), "甲乙纸业产业园")
>>> result = resolve_entities([a, b, c])
>>> result.ids["org/b"], result.ids["park/c"]
('org/a', 'park/c')
>>> [(m.rule, m.names) for m in result.merges]
[('name_variant', ('甲乙纸业', '甲乙纸业(泉州)有限公司'))]
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from chainkg.loaders.records import Entity, FactSet, entity_identifiers
from chainkg.loaders.text import to_simplified
from chainkg.text import normalize_name

__all__ = ["KIND", "RULE_CONFIDENCE", "Link", "Merge", "NearMiss", "Resolution", "resolve_entities", "name_key",
           "variant_key", "class_by_name", "merge_id", "is_abbreviation", "place_code", "place_key", "join_written", "county_codes", "located_in",
           "rename_entities"]

#: The kind of thing an entity class is: only entities of one kind may merge.
KIND = {"Company": "organization", "ResearchInstitute": "organization", "GovernmentBody": "organization",
        "Association": "organization", "StockExchange": "organization", "IndustrialPark": "park",
        "DevelopmentZone": "zone", "AdministrativeArea": "place", "Project": "project"}

#: How sure each rule is — priors set by hand, not measurements: the corpus builds hold 48
#: merges, 42 of them one name written twice (README, "Entity resolution"); a person's decision
#: and a shared registry key are certain.
RULE_CONFIDENCE: dict[str, Decimal] = {
    "decision": Decimal("1"), "credit_code": Decimal("1"), "stock_code": Decimal("1"),
    "same_name": Decimal("0.98"), "alias": Decimal("0.95"), "retyped": Decimal("0.94"),
    "name_variant": Decimal("0.93"), "abbreviation": Decimal("0.8"),
}

# An organization's class from the end of its name; a name ending otherwise says nothing.
_CLASS_BY_ENDING = (
    ("ResearchInstitute", re.compile(r"(?:大学|学院|研究院|研究所|研究中心|实验室|总院|分院)$")),
    ("Association", re.compile(r"(?:协会|商会|联合会|同业公会|公会|学会|联盟)$")),
    ("GovernmentBody", re.compile(r"(?:人民政府|管委会|管理委员会|局|厅|委员会|办公室)$")),
    ("Company", re.compile(r"(?:公司|集团|有限|股份|厂)$")),
    ("IndustrialPark", re.compile(r"(?:园区|产业园|工业园|基地|产业港|科技城)$")),
    ("DevelopmentZone", re.compile(r"(?:开发区|高新区|投资区|投资专区|试验区)$")),
    ("Project", re.compile(r"(?:项目|工程)$")),
)
# (集团 is kept: 甲集团 and 甲(中国)有限公司 are a group and one of its firms)
_LEGAL_FORM = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|公司)$")
_BRACKETED = re.compile(r"[(（]([^()（）]{1,8})[)）]")
_PARK_ENDING = re.compile(r"(产业|工业)?园区$")


def class_by_name(name: str) -> str | None:
    """The class a name's own ending says, else None (a bare name: 甲乙, 甲乙纸业).

    >>> class_by_name("甲乙研究院"), class_by_name("甲乙纸业有限公司"), class_by_name("甲乙纸业")
    ('ResearchInstitute', 'Company', None)
    """
    name = name.strip()
    return next((cls for cls, ending in _CLASS_BY_ENDING if ending.search(name)), None)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The name as one key: simplified characters, half width, no case, spaces or brackets.

    >>> name_key("甲乙紙業（泉州）") == name_key("甲乙纸业(泉州)")
    True
    """
    return normalize_name(to_simplified(unicodedata.normalize("NFKC", name)))


@lru_cache(maxsize=65536)
def variant_key(name: str, kind: str) -> str | None:
    """The name with what varies between sources set aside, else None when little would be left.

    A bracketed place or 中国, the legal form of an organization, the form of a leading place
    (鲤城区 and 鲤城 both become the county's code) and a park's ending (产业园区 → 产业园).

    >>> variant_key("鲤城区高新区", "zone") == variant_key("鲤城高新区", "zone")
    True
    >>> variant_key("甲乙纸业(泉州)有限公司", "organization") == variant_key("甲乙纸业", "organization")
    True
    >>> variant_key("有限公司", "organization") is None
    True
    """
    text = unicodedata.normalize("NFKC", to_simplified(name)).strip()
    text = _BRACKETED.sub(lambda m: "" if _is_place(m.group(1)) else m.group(0), text)
    if kind == "organization":
        text = _LEGAL_FORM.sub("", text)
    elif kind == "park":
        text = _PARK_ENDING.sub(lambda m: (m.group(1) or "") + "园", text)
    code, rest = _leading_place(text)
    if len(rest) < 2 or (code is not None and kind == "place"):
        return None
    return f"{code or ''}|{normalize_name(rest)}"


def _bracketed_places(name: str) -> frozenset[str]:
    """The places a name holds in brackets: 甲乙(泉州)有限公司 → {泉州}."""
    return frozenset(m.group(1) for m in _BRACKETED.finditer(to_simplified(unicodedata.normalize("NFKC", name)))
                     if _is_place(m.group(1)))


def _is_place(text: str) -> bool:
    return text in ("中国", "中国大陆") or text in _places()


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, ...]]:
    """Place name or short form → the GB/T 2260 codes of every division of that name (鼓楼区:
    four cities' districts), from the national table and the reference places."""
    from chainkg.loaders.gazetteer import division_short_forms, division_table, place_gazetteer

    codes: dict[str, set[str]] = defaultdict(set)
    for name, entry in place_gazetteer().items():
        if entry.type == "AdministrativeArea" and entry.division_code and len(name) >= 2:
            codes[name].add(entry.division_code)
    for row in division_table():  # the gazetteer keeps the first of two same-named divisions
        for name in (row.name, *division_short_forms(row, {})):
            if name in codes:
                codes[name].add(row.code)
    return {name: tuple(sorted(found)) for name, found in codes.items()}


def place_code(name: str) -> str | None:
    """The GB/T 2260 code of the place a name opens with (the most specific), else None.

    >>> place_code("泉州市鲤城区甲乙局"), place_code("甲乙纸业")
    ('350502', None)
    """
    return _leading_place(unicodedata.normalize("NFKC", to_simplified(name)).strip())[0]


def place_key(name: str) -> str | None:
    """What tells apart the place a name opens with: its code, or — for a name several divisions
    share (连江县: 福州's and 马祖's) — the word itself; None when it opens with no place.

    >>> place_key("沙县区人民政府"), place_key("连江县人民政府"), place_key("甲乙纸业")
    ('350427', '连江县', None)
    """
    text = unicodedata.normalize("NFKC", to_simplified(name)).strip()
    code, _ = _leading_place(text)
    if code is not None:
        return code
    places = _places()
    return next((text[:n] for n in range(min(len(text) - 1, 12), 1, -1) if text[:n] in places), None)


def _leading_place(text: str) -> tuple[str | None, str]:
    """(the code of the most specific place the name opens with, the rest): 泉州市鲤城区X → (350502, X)."""
    places, code = _places(), None
    while True:
        found = next((text[:n] for n in range(min(len(text) - 1, 12), 1, -1) if text[:n] in places), None)
        if found is None:
            return code, text
        # a name several divisions share (鼓楼区) is the one inside the place before it, and
        # with none before it, no place at all: 福州市鼓楼区 and 南京市鼓楼区 stay apart
        inside = [c for c in places[found] if code is None or _holds(code, c)]
        if len(inside) != 1:
            return code, text
        code, text = inside[0], text[len(found):]


def _holds(outer: str, inner: str) -> bool:
    """Whether a division code lies within another (350582 in 350500 in 350000)."""
    prefix = outer
    while prefix.endswith("00") and len(prefix) > 2:
        prefix = prefix[:-2]
    return inner != outer and inner.startswith(prefix)


def _place_less(name: str) -> str | None:
    """The name's key without the place it opens with, None when it opens with none."""
    code, rest = _leading_place(unicodedata.normalize("NFKC", to_simplified(name)).strip())
    return name_key(rest) if code is not None and rest else None


def is_abbreviation(short: str, long: str) -> bool:
    """甲纸 abbreviates 甲乙纸业: same first character, its characters in order in the long name.

    >>> is_abbreviation("甲纸", "甲乙纸业"), is_abbreviation("纸业", "甲乙纸业"), is_abbreviation("甲乙", "甲乙")
    (True, False, False)
    """
    if not 2 <= len(short) <= 3 or len(short) >= len(long) or short[0] != long[0]:
        return False
    position = 0
    for ch in short:
        position = long.find(ch, position)
        if position < 0:
            return False
        position += 1
    return True


def merge_id(first: str, second: str) -> str:
    """A merge's stable id, from the two candidate ids it joins (in either order).

    >>> merge_id("org/a", "org/b") == merge_id("org/b", "org/a")
    True
    """
    pair = "|".join(sorted((first, second)))
    return "merge/" + hashlib.sha1(pair.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Link:
    """Evidence that two candidates are one thing."""

    first: str
    second: str
    rule: str
    names: tuple[str, str]

    @property
    def confidence(self) -> Decimal:
        return RULE_CONFIDENCE[self.rule]


@dataclass(frozen=True)
class Merge:
    """Two candidates made one node: which (``first`` ← ``second``), by which rule and names, how
    sure, from which sources. The node's id is the group's (``Resolution.ids``)."""

    id: str
    first: str
    second: str
    rule: str
    names: tuple[str, str]
    confidence: Decimal
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class NearMiss:
    """Two candidates that a rule would join but a refusal keeps apart, and why."""

    first: str
    second: str
    rule: str
    names: tuple[str, str]
    why: str


@dataclass
class Resolution:
    """Candidate id → resolved id, the merges made and the near-misses refused."""

    ids: dict[str, str] = field(default_factory=dict)
    merges: list[Merge] = field(default_factory=list)
    near_misses: list[NearMiss] = field(default_factory=list)
    #: Candidates whose class yields to their group's (a guessed firm that is a park).
    retyped: set[str] = field(default_factory=set)
    #: Each candidate's first record (its names, evidence and sources), for reports and review.
    candidates: dict[str, Entity] = field(default_factory=dict)

    @property
    def before(self) -> int:
        return len(self.ids)

    @property
    def after(self) -> int:
        return len(set(self.ids.values()))


@dataclass
class _Candidate:
    entity: Entity
    order: int
    reviewed: bool
    names: list[str]
    kind: str
    declared: frozenset[str]  # the classes a person wrote or its own name says (none: a guess)
    sources: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.entity.id


def _candidate(entity: Entity, order: int, reviewed: bool) -> _Candidate:
    names = list(dict.fromkeys((entity.name, *entity.aliases)))
    by_name = class_by_name(entity.name)
    declared = frozenset(entity.types) if reviewed else frozenset({by_name} if by_name else ())
    return _Candidate(entity, order, reviewed, names, KIND.get(entity.types[0], entity.types[0]), declared,
                      entity.sources)


def resolve_entities(entities: Iterable[Entity], reviewed: Iterable[str] = (), *,
                     identifiers: Mapping[str, Mapping[str, str]] | None = None,
                     merges: Iterable[tuple[str, str]] = (), splits: Iterable[tuple[str, str]] = (),
                     counties: Mapping[str, Iterable[str]] | None = None) -> Resolution:
    """Decide which entities are one thing.

    Parameters
    ----------
    entities
        The candidates in source order (reviewed and table facts first); an id given twice is
        one candidate whose names gather.
    reviewed
        Ids a person wrote (reviewed facts, tables): they keep their class and id, and two of
        them never merge by rule.
    identifiers
        Candidate id → {``credit_code`` | ``stock_code``: value}: hard keys.
    merges, splits
        Pairs of candidate ids a person joined or kept apart (``loaders.decisions``).
    counties
        Candidate id → the GB/T 2260 codes its sources locate it in (:func:`county_codes`): two
        groups that each have counties, none shared, are two things (丰泽区's and 洛江区's
        数字经济产业园), unless a person joined them.
    """
    reviewed = set(reviewed)
    identifiers = identifiers or {}
    candidates: dict[str, _Candidate] = {}
    repeats: list[Merge] = []
    for entity in entities:
        known = candidates.get(entity.id)
        if known is None:
            candidates[entity.id] = _candidate(entity, len(candidates), entity.id in reviewed)
        else:
            known.names.extend(n for n in (entity.name, *entity.aliases) if n not in known.names)
            new_sources = tuple(s for s in entity.sources if s not in known.sources)
            if new_sources and known.kind != "place":  # (a place is one by its code, not its name)
                # the same name in another source: that source's mentions join the node
                repeats.append(Merge(merge_id(f"{entity.id}@{','.join(known.sources)}", f"{entity.id}@{','.join(new_sources)}"),
                                     entity.id, entity.id, "same_name", (known.entity.name, entity.name),
                                     RULE_CONFIDENCE["same_name"], (*known.sources[:1], *new_sources)))
            known.sources = tuple(dict.fromkeys((*known.sources, *entity.sources)))
    apart = {frozenset(pair) for pair in splits}
    links = [Link(a, b, "decision", (candidates[a].entity.name, candidates[b].entity.name))
             for a, b in merges if a in candidates and b in candidates and a != b]
    links += _hard_key_links(candidates, identifiers)
    near_misses: list[NearMiss] = []
    links += _name_links(candidates, near_misses)
    located = {cid: county_codes(codes) for cid, codes in (counties or {}).items()}
    result = _cluster(candidates, links, apart, identifiers, located)
    result.near_misses[:0] = near_misses
    result.near_misses = list(dict.fromkeys(result.near_misses))
    result.merges[:0] = repeats
    result.candidates = {cid: c.entity for cid, c in candidates.items()}
    return result


def _hard_key_links(candidates: dict[str, _Candidate], identifiers: Mapping[str, Mapping[str, str]]) -> list[Link]:
    links = []
    for rule in ("credit_code", "stock_code"):
        holders: dict[str, list[str]] = defaultdict(list)
        for cid, keys in identifiers.items():
            if cid in candidates and keys.get(rule):
                holders[keys[rule].upper()].append(cid)
        for ids in holders.values():
            links += [Link(ids[0], other, rule, (candidates[ids[0]].entity.name, candidates[other].entity.name))
                      for other in ids[1:]]
    return links


def _name_links(candidates: dict[str, _Candidate], near_misses: list[NearMiss]) -> list[Link]:
    """Links from names: the same name, an alias, a variant, an abbreviation, a guessed firm that is a park."""
    links: list[Link] = []
    first_by_key: dict[tuple[str, str], tuple[str, str]] = {}  # (kind, key) → (candidate, the name)
    first_by_variant: dict[tuple[str, str], tuple[str, str]] = {}
    for candidate in candidates.values():
        derived = _place_less(candidate.names[0])
        for position, name in enumerate(candidate.names):
            if position and name_key(name) == derived:
                continue  # its name less its place (乙产业园区 of 甲市乙产业园区): no other place's park
            key = (candidate.kind, name_key(name))
            if key not in first_by_key:
                first_by_key[key] = (candidate.id, name)
            elif first_by_key[key][0] != candidate.id:
                other, other_name = first_by_key[key]
                both_primary = position == 0 and candidates[other].names[0] == other_name
                links.append(Link(other, candidate.id, "same_name" if both_primary else "alias", (other_name, name)))
            # variants of its own name only: an alias may be a bare generic form (乙产业园区 for
            # 甲地乙产业园区) that would make every such park one
            variant = variant_key(name, candidate.kind) if position == 0 else None
            if variant is None:
                continue
            variant_at = (candidate.kind, variant)
            if variant_at not in first_by_variant:
                first_by_variant[variant_at] = (candidate.id, name)
            elif first_by_variant[variant_at][0] != candidate.id:
                other, other_name = first_by_variant[variant_at]
                theirs, mine = _bracketed_places(other_name), _bracketed_places(name)
                if theirs and mine and theirs != mine:  # 甲乙鞋业(厦门) and 甲乙鞋业(泉州): two firms
                    near_misses.append(NearMiss(other, candidate.id, "name_variant", (other_name, name),
                                                "different places in brackets"))
                else:
                    links.append(Link(other, candidate.id, "name_variant", (other_name, name)))
    # a bare name the extractor took for a firm, which another source names as a park or zone
    for candidate in candidates.values():
        if candidate.kind != "organization" or candidate.declared:
            continue
        for kind in ("park", "zone"):
            found = next((first_by_key[(kind, name_key(n))] for n in candidate.names if (kind, name_key(n)) in first_by_key),
                         None)
            if found is not None:
                links.append(Link(found[0], candidate.id, "retyped", (found[1], candidate.entity.name)))
                break
    links += _abbreviation_links(candidates, near_misses)
    return links


def _abbreviation_links(candidates: dict[str, _Candidate], near_misses: list[NearMiss]) -> list[Link]:
    """甲纸 ~ 甲乙纸业 among organizations, compared only within the same first character.

    A short name that several organizations' names could abbreviate is joined to none of them.
    """
    by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for candidate in candidates.values():
        if candidate.kind == "organization":
            for name in candidate.names:
                by_first[name[:1]].append((candidate.id, name))
    found: list[Link] = []
    for group in by_first.values():
        for short_id, short in ((cid, name) for cid, name in group if 2 <= len(name) <= 3):
            # only a firm's name is cut short so (安踏 for a lab of 安踏's is no abbreviation)
            longs = {cid: name for cid, name in group if cid != short_id and is_abbreviation(short, name)
                     and candidates[cid].entity.types[0] == "Company"}
            if len(longs) == 1:
                [(long_id, long)] = longs.items()
                found.append(Link(long_id, short_id, "abbreviation", (long, short)))
            elif longs:
                near_misses += [NearMiss(cid, short_id, "abbreviation", (name, short),
                                         f"{short} could abbreviate {len(longs)} names") for cid, name in longs.items()]
    # two short names for one long one (中石化, 中石油 → 中国石油化工…): neither is sure
    shorts_of: dict[str, set[str]] = defaultdict(set)
    for link in found:
        shorts_of[link.first].add(name_key(link.names[1]))
    links = []
    for link in found:
        if len(shorts_of[link.first]) > 1:
            near_misses.append(NearMiss(link.first, link.second, "abbreviation", link.names,
                                        f"{len(shorts_of[link.first])} short names fit {link.names[0]}"))
        else:
            links.append(link)
    return links


def _refusal(first: _Candidate, second: _Candidate, link: Link) -> str | None:
    """Why two candidates may not be one, else None."""
    if link.rule == "decision":
        return None
    if first.reviewed and second.reviewed:
        return "both written by a person as different entities"
    if link.rule == "retyped":
        return None if first.kind != second.kind else "same kind"
    if first.kind != second.kind:
        return f"a {first.kind} and a {second.kind}"
    if first.kind == "organization" and first.declared and second.declared and not first.declared & second.declared:
        return f"one is a {'/'.join(sorted(first.declared))}, the other a {'/'.join(sorted(second.declared))}"
    return None


def _cluster(candidates: dict[str, _Candidate], links: list[Link], apart: set[frozenset[str]],
             identifiers: Mapping[str, Mapping[str, str]], located: Mapping[str, frozenset[str]]) -> Resolution:
    group_of = {cid: cid for cid in candidates}
    members: dict[str, list[str]] = {cid: [cid] for cid in candidates}
    result = Resolution()
    order = {cid: c.order for cid, c in candidates.items()}
    for link in sorted(links, key=lambda lk: (-lk.confidence, order[lk.first], order[lk.second])):
        a, b = group_of[link.first], group_of[link.second]
        if a == b:
            continue
        why = _refusal(candidates[link.first], candidates[link.second], link) or _groups_refuse(
            members[a], members[b], candidates, apart, identifiers, link.rule == "decision", located)
        if why is not None:
            result.near_misses.append(NearMiss(link.first, link.second, link.rule, link.names, why))
            continue
        for cid in members[b]:
            group_of[cid] = a
        members[a].extend(members.pop(b))
        sources = tuple(dict.fromkeys((*candidates[link.first].sources, *candidates[link.second].sources)))
        result.merges.append(Merge(merge_id(link.first, link.second), link.first, link.second, link.rule, link.names,
                                   link.confidence, sources))
    for group in members.values():
        # the node is its reviewed member, else — when the group holds a park or zone that a
        # guessed firm (or, by a person's merge, a project) turned out to be — that park, else
        # the candidate seen first
        places = any(candidates[cid].kind in ("park", "zone") for cid in group)
        head = min(group, key=lambda cid: (not candidates[cid].reviewed,
                                           places and candidates[cid].kind not in ("park", "zone"), order[cid]))
        for cid in group:
            result.ids[cid] = head
            if candidates[cid].kind != candidates[head].kind:
                result.retyped.add(cid)
    return result


def _groups_refuse(first: list[str], second: list[str], candidates: dict[str, _Candidate],
                   apart: set[frozenset[str]], identifiers: Mapping[str, Mapping[str, str]], decided: bool,
                   located: Mapping[str, frozenset[str]]) -> str | None:
    codes = {identifiers.get(cid, {}).get("credit_code", "").upper() for cid in first} - {""}
    other_codes = {identifiers.get(cid, {}).get("credit_code", "").upper() for cid in second} - {""}
    if codes and other_codes and not codes & other_codes:
        return "different credit codes"
    if any(frozenset((x, y)) in apart for x in first for y in second):
        return "kept apart by a review decision"
    if not decided and sum(candidates[cid].reviewed for cid in (*first, *second)) > 1:
        return "both groups hold an entity a person wrote"
    if not decided and {_declared_kinds(first, candidates), _declared_kinds(second, candidates)} == {"organization", "place"}:
        return "a park or zone and an organization whose name says it is one"
    classes = frozenset().union(*(candidates[c].declared for c in first if candidates[c].kind == "organization"))
    other_classes = frozenset().union(*(candidates[c].declared for c in second if candidates[c].kind == "organization"))
    if not decided and classes and other_classes and not classes & other_classes:
        return f"one group is a {'/'.join(sorted(classes))}, the other a {'/'.join(sorted(other_classes))}"
    here = frozenset().union(*(located.get(cid, frozenset()) for cid in first))
    there = frozenset().union(*(located.get(cid, frozenset()) for cid in second))
    if not decided and here and there and not here & there:
        return f"located in different counties ({', '.join(sorted(here))} / {', '.join(sorted(there))})"
    return None


def county_codes(codes: Iterable[str]) -> frozenset[str]:
    """The county-level GB/T 2260 codes among place ids or codes (a town's county; prefectures
    and provinces say too little to tell two things apart).

    >>> sorted(county_codes(["area/350504", "area/350521106", "area/350500", "park/x1"]))
    ['350504', '350521']
    """
    found = set()
    for code in codes:
        code = code.removeprefix("area/")
        if code.isdigit() and len(code) >= 6 and code[4:6] != "00":
            found.add(code[:6])
    return frozenset(found)


def _declared_kinds(group: list[str], candidates: dict[str, _Candidate]) -> str | None:
    """``place`` if a group holds a park or zone, ``organization`` if an organization whose name says so."""
    if any(candidates[cid].kind in ("park", "zone") for cid in group):
        return "place"
    if any(candidates[cid].declared for cid in group):
        return "organization"
    return None


def join_written(facts: FactSet) -> tuple[FactSet, list[Merge], list[NearMiss]]:
    """Entities of reviewed files and tables made one where two sources name one thing: by a
    shared credit or stock code, or by the same name, a declared alias or a name variant between
    *different* sources (an official list's 甲区乙中心 and a review's 甲乙中心).
    Two entities of one file stay two: its author wrote them apart. The entity seen first keeps
    its id; every fact about the others moves onto it.

    >>> a = Entity("org/a", ("Company",), "甲乙纸业有限公司", credit_code="91350500MA0000001X", sources=("t1",))
    >>> b = Entity("org/b", ("Company",), "甲乙纸业(泉州)有限公司", credit_code="91350500MA0000001X", sources=("t2",))
    >>> c = Entity("park/c", ("IndustrialPark",), "鲤城区甲乙园", sources=("t1",))
    >>> d = Entity("park/d", ("IndustrialPark",), "鲤城甲乙园", sources=("t2",))
    >>> joined, merges, _ = join_written(FactSet(entities={e.id: e for e in (a, b, c, d)}))
    >>> sorted(joined.entities), [m.rule for m in merges]
    (['org/a', 'park/c'], ['credit_code', 'name_variant'])
    """
    written = [e for e in facts.entities.values() if e.types[0] in KIND and e.types[0] != "AdministrativeArea"]
    keyed = {e.id: keys for e in written if (keys := entity_identifiers(e))}
    candidates = {e.id: _candidate(e, n, True) for n, e in enumerate(written)}
    links = _hard_key_links(candidates, keyed)
    counties = {cid: county_codes(objects) for cid, objects in located_in(facts.relations).items()}
    refused = []
    for link in _name_links(candidates, []):
        if link.rule not in ("same_name", "alias", "name_variant") or not _may_join(candidates[link.first], candidates[link.second]):
            continue
        here, there = counties.get(link.first, frozenset()), counties.get(link.second, frozenset())
        if here and there and not here & there:
            refused.append(NearMiss(link.first, link.second, link.rule, link.names, "located in different counties"))
        else:
            links.append(link)
    if not links:
        return facts, [], refused
    # the links join as a person's decisions would; credit codes still keep two firms apart
    result = resolve_entities(written, set(candidates), identifiers=keyed, merges=[(lk.first, lk.second) for lk in links])
    rules = {frozenset((lk.first, lk.second)): lk for lk in sorted(links, key=lambda lk: lk.confidence)}  # surest wins
    merges = []
    for merge in result.merges:
        by = rules.get(frozenset((merge.first, merge.second)))
        if by is not None:
            merges.append(replace(merge, rule=by.rule, names=by.names, confidence=by.confidence))
    renamed = {old: new for old, new in result.ids.items() if old != new}
    refused += [n for n in result.near_misses if n.why == "different credit codes"]
    return rename_entities(facts, renamed), merges, refused


def _may_join(first: _Candidate, second: _Candidate) -> bool:
    """Two written entities of different sources, of one kind, whose classes agree."""
    return (not set(first.sources) & set(second.sources) and first.kind == second.kind
            and bool(first.declared & second.declared))


def located_in(relations: Iterable) -> dict[str, set[str]]:
    """Subject id → the objects of its ``locatedIn`` relations (for ``resolve_entities(counties=…)``)."""
    found: dict[str, set[str]] = defaultdict(set)
    for relation in relations:
        if relation.predicate == "locatedIn":
            found[relation.subject].add(relation.object)
    return found


def rename_entities(facts: FactSet, renamed: Mapping[str, str]) -> FactSet:
    """A new fact set with entity ids replaced (``old → new``), renamed entities merged into their new one."""
    if not renamed:
        return facts
    out = FactSet(sources=dict(facts.sources))
    for entity in facts.entities.values():
        out.merge(FactSet(entities={renamed.get(entity.id, entity.id): replace(entity, id=renamed.get(entity.id, entity.id))}))
    out.mentions = [replace(m, entity_id=renamed.get(m.entity_id, m.entity_id)) for m in facts.mentions]
    out.relations = list(dict.fromkeys(
        replace(r, subject=renamed.get(r.subject, r.subject), object=renamed.get(r.object, r.object)) for r in facts.relations))
    out.observations = [replace(o, about=renamed.get(o.about, o.about)) for o in facts.observations]
    return out
