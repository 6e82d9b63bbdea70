"""Which places of an article are where its facts are, and which are only named beside them.

A news sentence names places for many reasons. Only some say where something is:

- **Neighbours and comparisons** (:func:`neighbour_places`): a place after 紧邻 / 毗邻 / 邻近 /
  靠近 / 对接 / 辐射 / 连接 / 连通 / 直达 / 北承 / 南接 …, between 与 and 接壤 / 相邻 / 毗邻 /
  隔海相望, between 距(离) and its distance (…公里 / 分钟 / 小时), between 来自 and the 的 of
  the firms or traders it brings (来自X的客商), right before 客商 / 侨商 / 籍 (厦门客商: where
  investors come from), or before an industry's move (承接X石化产业转移, X产业西进: where it moves
  from), is not where the sentence's facts are. Such a
  place gives no ``locatedIn``, ``hostsChain`` or ``attractedTo`` (the extractor skips it).
- **Openings** (:func:`skip_opening_adverbials`): the words that set a sentence's time or order
  (当前， 近年来， 2022年， 其中， 一、) come before its subject, and are skipped to find it.
- **A province in a body's name** (:func:`mark_registrations`): 福建X有限公司, X(福建)铸锻有限公司,
  福建X大学 — the province says where the body registered or whom it serves; the name holds it,
  the article does not speak of the province there (no place mention, no ``locatedIn``).
- **Region of concern** (:func:`region_of_concern`, :func:`in_region`): the prefectures whose
  places hold the article's facts; a county belongs to a prefecture by the division table's
  parent codes (the gazetteer's ``parent``), not by any list of counties.

Example
-------
>>> text = "南安园区紧邻厦门国际机场和厦门市翔安区，位于泉州厦门30分钟经济圈内。"
>>> [text[a:b] for a, b in neighbour_places(text, [(6, 8), (13, 16), (16, 19), (23, 25)])]
['厦门', '厦门市', '翔安区']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from chainkg.loaders.gazetteer import PlaceEntry

__all__ = ["neighbour_places", "skip_opening_adverbials", "place_of_kind", "prefecture_of", "region_of_concern", "in_region",
           "mark_registrations"]

_CLAUSE_END = re.compile(r"[，,;；。:：!！?？\n]")
#: A place after one of these (to the end of its clause) is a neighbour, a market or a partner.
_NEIGHBOUR_BEFORE = re.compile(r"紧邻|毗邻|邻近|临近|靠近|紧靠|背靠|面向|对接|辐射|连接|连通|直达|通达|直通|接轨"
                               r"|[东南西北](?:承|接|连|临|靠|邻|望)")
#: …and a place between 与 and one of these (与X接壤; 同 and 和 open too many words: 同安, 和平).
_NEIGHBOUR_AFTER = re.compile(r"接壤|相邻|毗邻|交界|隔海相望|隔江相望|相望|相连|对接")
_WITH = re.compile(r"(?<![参给])与")
# X客商 / X籍乡亲: where traders, investors or emigrants come from
_ORIGIN_AFTER = re.compile(r"客商|商人|侨商|台商(?!投资区)|港商|乡亲|侨胞|籍")  # (甲市台商投资区: the zone's name)
# X(石化)产业转移 / 西进 / 外溢: where an industry moves from, not where the facts are (a place
# that itself 承接 or 引进 the move comes before those words, and stays local)
# (the words between are the industry's, no verb: 甲县抓住沿海产业转移的时机 — 甲县 seizes the move, stays local)
_MOVES_FROM = re.compile(r"[^，,。；;承接引抓把借顺利迎]{0,6}?(?:产业)?(?:转移|西进|外溢)")
# 距(离)X N公里, 离X N分钟: the place whose distance is given
_DISTANCE = re.compile(r"(?:距离?|离)([^，,。；;]{1,20}?)(?:约|仅|不到|不足|只有)?[\d一二三四五六七八九十百千半]+(?:多|余)?"
                       r"(?:公里|千米|分钟|小时|海里)")
# 来自X的(客商 / 企业 / 投资商): where those who come are from
_FROM = re.compile(r"来自([^，,。；;]{1,20}?)的")
# what ends a run of neighbour places: the sentence moves on to where something is or happens
_LOCAL_AGAIN = re.compile(r"在|位于|落户|落地|入驻|地处|坐落")
#: Words that set a sentence's time, order or source before its subject.
_OPENING = re.compile(r"(?:(?:当前|目前|眼下|近日|近期|近年来|近年|今年以来|今年|去年|同时|此外|另外|其中|据悉|据介绍|据了解|"
                      r"不久前|前不久|最近|近来|如今|此前|随后|此后|截至目前|年初以来|年初|年底|上半年|下半年|"
                      r"记者(?:从[^，,。]{1,20})?(?:了解到|获悉|注意到|看到)|"
                      r"与此同时|下一步|未来|日前|昨日|昨天|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来)?|\d{1,2}月\d{1,2}日"
                      r"|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])[，,、]?\s*)+")


def neighbour_places(text: str, places: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans among ``places`` that the text names as a neighbour, a comparison, a market
    reached or an origin — not as where its facts are.

    >>> text = "该县与福州市接壤，距离厦门约100公里。"
    >>> [text[a:b] for a, b in neighbour_places(text, [(3, 6), (11, 13)])]
    ['福州市', '厦门']
    >>> text = "来自台湾的一家企业将在晋江落地"
    >>> [text[a:b] for a, b in neighbour_places(text, [(2, 4), (11, 13)])]
    ['台湾']
    >>> neighbour_places("晋江市发展鞋服产业", [(0, 3)])
    []
    >>> text = "泉港区承接台湾石化产业转移"
    >>> [text[a:b] for a, b in neighbour_places(text, [(0, 3), (5, 7)])]
    ['台湾']
    >>> neighbour_places("永春县抓住沿海产业转移的时机", [(0, 3)])
    []
    """
    found: set[tuple[int, int]] = set()

    def clause_end(position: int) -> int:
        end = _CLAUSE_END.search(text, position)
        return end.start() if end else len(text)

    for cue in _NEIGHBOUR_BEFORE.finditer(text):
        end = clause_end(cue.end())
        local = _LOCAL_AGAIN.search(text, cue.end(), end)
        found.update(p for p in places if cue.end() <= p[0] and p[1] <= (local.start() if local else end))
    for cue in _NEIGHBOUR_AFTER.finditer(text):
        start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, cue.start())), default=0)
        with_ = [m for m in _WITH.finditer(text, start, cue.start())]
        if with_:
            found.update(p for p in places if with_[-1].end() <= p[0] and p[1] <= cue.start())
    found.update(p for p in places if _ORIGIN_AFTER.match(text, p[1]) or _MOVES_FROM.match(text, p[1]))
    for pattern in (_DISTANCE, _FROM):
        for match in pattern.finditer(text):
            found.update(p for p in places if match.start(1) <= p[0] and p[1] <= match.end(1))
    return sorted(found)


def skip_opening_adverbials(text: str, start: int, end: int) -> int:
    """Where a sentence's subject may begin: after its opening words of time, order or source.

    >>> text = "当前，连江锚定打造现代化国际城市"
    >>> text[skip_opening_adverbials(text, 0, len(text)):][:2]
    '连江'
    >>> skip_opening_adverbials("晋江市发展鞋服产业", 0, 9)
    0
    """
    opening = _OPENING.match(text, start, end)
    return opening.end() if opening else start


def prefecture_of(entry: PlaceEntry, by_id: Mapping[str, PlaceEntry]) -> str | None:
    """The id of the prefecture a place is in (itself for a prefecture), by the parent codes
    of the division table; None for a province or a place the table does not place.

    >>> from chainkg.loaders.gazetteer import place_gazetteer
    >>> places = place_gazetteer()
    >>> by_id = {e.id: e for e in places.values()}
    >>> prefecture_of(places["翔安区"], by_id), prefecture_of(places["晋江"], by_id)
    ('area/350200', 'area/350500')
    """
    seen = set()
    while entry is not None and entry.id not in seen:
        seen.add(entry.id)
        if entry.admin_level == "prefecture":
            return entry.id
        parent = by_id.get(entry.parent) if entry.parent else None
        if parent is None and entry.division_code and len(entry.division_code) >= 6 and entry.admin_level != "province":
            parent = by_id.get(f"area/{entry.division_code[:4]}00")  # a town or county: its code's prefecture
        entry = parent  # type: ignore[assignment]
    return None


def region_of_concern(entries: Iterable[PlaceEntry], by_id: Mapping[str, PlaceEntry]) -> set[str]:
    """The prefectures an article's facts are in: those of the places it names (neighbours left
    out by the caller), the most named first and any named at least half as often.

    >>> from chainkg.loaders.gazetteer import place_gazetteer
    >>> places = place_gazetteer()
    >>> by_id = {e.id: e for e in places.values()}
    >>> sorted(region_of_concern([places["晋江"], places["石狮"], places["泉州"], places["厦门"]], by_id))
    ['area/350500']
    """
    counts = Counter(p for p in (prefecture_of(e, by_id) for e in entries) if p is not None)
    if not counts:
        return set()
    most = max(counts.values())
    return {p for p, n in counts.items() if 2 * n >= most}


def in_region(entry: PlaceEntry, region: set[str], by_id: Mapping[str, PlaceEntry]) -> bool:
    """Whether a place lies in the region of concern (a province holds it too: 福建省 holds
    泉州市). With no region known, every place does.

    >>> from chainkg.loaders.gazetteer import place_gazetteer
    >>> places = place_gazetteer()
    >>> by_id = {e.id: e for e in places.values()}
    >>> in_region(places["翔安区"], {"area/350500"}, by_id), in_region(places["福建"], {"area/350500"}, by_id)
    (False, True)
    """
    if not region:
        return True
    prefecture = prefecture_of(entry, by_id)
    if prefecture is None:
        return entry.admin_level == "province" and any(by_id[p].parent == entry.id for p in region if p in by_id)
    return prefecture in region


class _Mention(Protocol):
    start: int
    end: int
    type: str
    extra: dict


def mark_registrations(spans: Sequence[_Mention], bodies: Sequence[_Mention]) -> int:
    """Mark (``extra["registration"]``) each province mention that lies inside a body's longer
    name (福建|甲乙实业有限公司, 甲乙(福建)铸锻有限公司): the rules still read it as the opening of
    the name (福建省三明|X公司 lies in 三明市), but it is no place the article names. Returns how
    many were marked.

    >>> from types import SimpleNamespace as S
    >>> province = S(start=0, end=3, type="AdministrativeArea", extra={"place": S(admin_level="province")})
    >>> firm = S(start=0, end=11, type="Company", extra={})
    >>> mark_registrations([province, firm], [firm]), province.extra["registration"]
    (1, True)
    """
    marked = 0
    for span in spans:
        entry = span.extra.get("place")
        if span.type != "AdministrativeArea" or getattr(entry, "admin_level", None) != "province":
            continue
        if any(b.start <= span.start and span.end <= b.end and b.end - b.start > span.end - span.start for b in bodies):
            span.extra["registration"] = True
            marked += 1
    return marked


def place_of_kind(places: Sequence[Any], level: str) -> Any | None:
    """The place a 全市 / 我县 / 该区 stands for: among the article's place spans (``places``: spans
    with ``start``, ``name``, ``key``; zones count for 区), the one whose name ends in ``level``
    that the text names most, the first named on a tie; None when none does.

    >>> from types import SimpleNamespace as S
    >>> spans = [S(start=0, name="甲乙市", key="a"), S(start=9, name="丙丁县", key="b"), S(start=20, name="甲乙市", key="a")]
    >>> place_of_kind(spans, "市").name, place_of_kind(spans, "县").name, place_of_kind(spans, "区")
    ('甲乙市', '丙丁县', None)
    """
    counts: dict[str, list[Any]] = {}
    for span in places:
        if span.name.endswith(level) or level == "区" and getattr(span, "type", "") == "DevelopmentZone":
            counts.setdefault(span.key, []).append(span)
    if not counts:
        return None
    return max(counts.values(), key=lambda spans: (len(spans), -spans[0].start))[0]
