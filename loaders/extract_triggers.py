"""Trigger words that say who leads a chain and who was brought in where, one sentence at a time.

- Leaders: ``以X为龙头 / 链主 / 核心``, ``X为“链主”``, ``龙头(企业)——X``, and every item of a list
  called 龙头 / 链主 (``落地A、B两大龙头企业``) — :func:`leader_marks` marks them; the extractor
  ties a marked firm to the sentence's (or paragraph's) one chain.
- Attraction: ``引进 / 招引 / 吸引 / 引入 X`` — X (a firm, institute or project, or every item of
  the list that follows) is attracted to the sentence's place; ``X落户 / 落地 / 进驻 / 入驻 Y`` —
  X is attracted to Y and lies there — :func:`attraction_facts`.
- Investment: ``X投资N亿元的Y项目`` — X develops Y — :func:`investment_facts`.
- Sites: ``甲园区的X项目`` / ``在甲镇的Y公司`` — X lies where the words before 的 name —
  :func:`possessive_site_facts`; ``落户甲市的X公司`` / ``落地乙县的Y项目`` — X was brought in there too —
  :func:`landed_where_said_facts`.

The rules read spans that have ``start``, ``end``, ``type`` (the extractor's entity spans) and
return them; they name no firm or place.

Example
-------
>>> from types import SimpleNamespace as S
>>> text = "甲市引进乙公司。"
>>> place, firm = S(start=0, end=2, type="AdministrativeArea", extra={}), S(start=4, end=7, type="Company", extra={})
>>> [(f[1], f[2] is place) for f in attraction_facts(text, (0, 8), [place, firm], [firm])]
[('attractedTo', True)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from chainkg.loaders.extract_places import skip_opening_adverbials

__all__ = ["leader_marks", "attraction_facts", "sentence_place", "home_place", "main_zone", "investment_facts",
           "possessive_site_facts", "landed_where_said_facts"]

_BODIES = ("Company", "ResearchInstitute", "Project")
_WHERE = ("AdministrativeArea", "DevelopmentZone", "IndustrialPark")
_ATTRACT = re.compile(r"(?:成功)?(?:引进|招引|吸引|引入|招来)(?:了)?")
_ARRIVE = re.compile(r"(?:已|已经|正式|成功|顺利|先后|相继|意向|签约|陆续)*(落户|落地|进驻|入驻)(?:于|到|在)?")
_CLAUSE = re.compile(r"[，,；;：:。！？]")
# 签约 / 签下 a list of projects: what the place signed for is what it brought in
_SIGN = re.compile(r"(?:集中|现场|成功|专场)?(?:签约|签下)(?!仪式|活动|大会|现场|成果)")
# a count of firms or projects the verb's clause brings in without naming them: 一批…企业, 多家…项目
_UNNAMED_OBJECTS = re.compile(r"(?:一批|多家|众多|一些|[\d一二三四五六七八九十]+家)[^，。；]{0,10}?(?:企业|项目)")
# the clause says they came to stay: 入驻 / 落户 / 进驻
_SETTLE_WORDS = re.compile(r"入驻|落户|进驻")
# …等一批企业落户 / 入驻 / 落地 after a list the verb of attraction opened: they settled there
_SETTLE_AFTER_LIST = re.compile(r"(?:落户|入驻|进驻|落地)(?![^，。；]{0,4}(?:签约|仪式|活动))")
# 落户园区 / 入驻该园: the park the sentence is about, named again by its kind
_THE_PARK = re.compile(r"(?:本|该|我)?(?:园区|园)(?![\u4e00-\u9fff]{0,1}(?:内外|周边))")
_PARKS = ("DevelopmentZone", "IndustrialPark")
# the verb of arrival ends its clause: 等四家企业入驻。 / 入驻，
_CLAUSE_ENDS = re.compile(r"(?:了)?(?:[，,。；;！？]|$)")
# what joins a place to the body it holds: 甲开发区的X项目, 甲县企业Y公司 (a firm of the county)
_POSSESSIVE_LINK = re.compile(r"(?:的|企业|的企业)$")
# what after a firm's name makes the phrase name a unit of it: X公司|研发中心, X集团|分公司
_UNIT_OF_A_BODY = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:中心|分公司|子公司|办事处|分院|实验室|研究院)")
# 甲市的X项目 / 甲省的Y公司: a city's or province's own, said of what it counts, not where it lies
_WIDE_LEVELS = ("prefecture", "province")


# 以 A、B、C(等)(N家)(企业) 为(产业链)“龙头/链主” (or 为代表的“链主”企业): a list of any length between
# 以 and 为, no clause break
_LEADER_FRAME = re.compile(r"以[^，。；,;为以]{2,200}?(?:等)?(?:[\d一二两三四五六七八九十]+家)?(?:企业)?为(?:产业链|行业|产业)?"
                           r"(?:代表的)?[“\"]?(?:龙头|链主|领军|领头羊|首(?![要位选次批个家席创发]))")
# what right after a firm calls it a leader: X这一龙头, X(逐渐)成为(一家)Y龙头企业, X起到了“领头羊”作用
_CALLED_A_LEADER_AFTER = re.compile(
    r"(?:这一|这家|这个)[“\"]?(?:龙头|链主|领头羊)"
    r"|这样[^，。；,;]{0,12}?的(?:行业|产业)?[“\"]?(?:龙头|链主|领军|领头羊)"
    r"|[^，。；,;]{0,8}?成为[^，。；,;]{0,12}?[“\"]?(?:龙头|链主|领军|领头羊)(?:企业)?"
    r"|[^，。；,;]{0,6}?(?:起到|发挥)了?[“\"]?(?:龙头|链主|领头羊|引领)[”\"]?(?:带动)?作用")


# a designation that introduces the list after it: …龙头企业，它们分别是：A、B / 龙头企业有A、B和C
_LEADERS_INTRODUCED = re.compile(r"(?:龙头|链主|领军)企业[^，。；,;]{0,4}?[，,]?(?:它们|其中)?(?:分别是|分别为|包括|有)[：:]?")
# what may stand between two firms of that list
_LIST_JOINT = re.compile(r"\s*(?:、|和|及|以及|与|，|,)\s*")
# a later clause of a sentence whose subject is a firm: …，也是全国X龙头企业之一 / …，作为龙头企业带动…
_A_LATER_CLAUSE_CALLS_IT_A_LEADER = re.compile(
    r"[，,](?:也|还|更|均|都|已)?(?:是|作为|成为)[^，。；,;]{0,16}?[“\"]?(?:龙头|链主|领军)(?:企业)?[”\"]?(?:之一)?(?=[，。；,;]|带动|$)")


def _introduced_leaders(text: str, sentence: tuple[int, int], named: Sequence[Any]) -> list[Any]:
    """The firms of the list a designation introduces (…龙头企业，它们分别是：A、B、C): from the
    first name right after it, each next name joined by 、 / 和 / 及 and nothing else.

    >>> from types import SimpleNamespace as S
    >>> text = "本市还有几家龙头企业，它们分别是：甲乙公司、丙丁公司。"
    >>> firms = [S(start=17, end=21, type="Company"), S(start=22, end=26, type="Company")]
    >>> _introduced_leaders(text, (0, len(text)), firms) == firms
    True
    """
    s0, s1 = sentence
    firms = sorted((s for s in named if s.type in ("Company", "ResearchInstitute")), key=lambda s: s.start)
    found: list[Any] = []
    for match in _LEADERS_INTRODUCED.finditer(text, s0, s1):
        at = match.end()
        for firm in firms:
            if firm.start < at:
                continue
            if firm.start != at and not _LIST_JOINT.fullmatch(text, at, firm.start):
                break
            found.append(firm)
            at = firm.end
    return found


def leader_marks(text: str, sentence: tuple[int, int], named: Sequence[Any]) -> list[Any]:
    """The organizations a sentence designates as leaders.

    >>> from types import SimpleNamespace as S
    >>> firm = S(start=1, end=5, type="Company", extra={})
    >>> leader_marks("以甲乙集团为龙头，打造产业链。", (0, 15), [firm]) == [firm]
    True
    >>> leader_marks("以甲乙集团为例，打造产业链。", (0, 14), [firm])
    []
    >>> text = "以丙丁股份、戊己石业、庚辛集团3家企业为龙头。"
    >>> last = S(start=11, end=15, type="Company", extra={})
    >>> leader_marks(text, (0, len(text)), [last]) == [last]
    True
    >>> text, subject = "甲乙食品公司是民营企业，也是全国食品龙头企业之一。", S(start=0, end=6, type="Company", extra={})
    >>> leader_marks(text, (0, len(text)), [subject]) == [subject]
    True
    """
    s0, s1 = sentence
    marked = []
    frames = [m.span() for m in _LEADER_FRAME.finditer(text, s0, s1)]
    introduced = _introduced_leaders(text, sentence, named)
    for span in named:
        if span.type not in ("Company", "ResearchInstitute"):
            continue
        if any(a < span.start and span.end < b for a, b in frames) or any(span is o for o in introduced):
            marked.append(span)  # 以A、B、C…N家企业为龙头 / 龙头企业分别是A、B: every firm the frame lists
            continue
        before = text[max(s0, span.start - 12):span.start]
        after = text[span.end:min(s1, span.end + 16)]
        if re.search(r"以(?:[^，。；]{0,8}?、)?$", before) and re.match(r"(?:[^，。；为]{0,10}?、[^，。；为]{0,10}?)?(?:等)?(?:企业)?为(?:产业链|行业|产业)?[“\"]?(?:龙头|链主|核心|引领|首(?![要位选次批个家席创发]))", after):
            marked.append(span)  # 以X为龙头 / 以X、Y等企业为链主
        elif re.match(r"(?:作)?为[^，。；为]{0,8}?[“\"]?(?:链主|龙头)(?:企业)?[”\"]?(?=[，。；、]|$)", after):
            marked.append(span)  # X为“链主”
        elif re.search(r"(?:龙头|链主|领军)(?:企业)?(?:——|—|：|:)?$", before) and not re.search(r"发挥|带动", before):
            marked.append(span)  # 行业龙头——X
            marked.extend(_listed_after(text, span, named))  # 龙头企业X、Y和Z: each item of the list
        elif span.extra.get("list", {}).get("leaders"):
            marked.append(span)  # 落地A、B两大龙头企业
        elif _CALLED_A_LEADER_AFTER.match(text, span.end, s1):
            marked.append(span)  # X这一龙头 / X逐渐成为一家Y龙头企业 / X起到了“领头羊”作用
        elif span.start == skip_opening_adverbials(text, s0, s1) and _A_LATER_CLAUSE_CALLS_IT_A_LEADER.search(text, span.end, s1):
            marked.append(span)  # X是…的企业，也是全国食品龙头企业之一 / X…，作为龙头企业带动…: the sentence's subject
    return marked


def _listed_after(text: str, first: Any, named: Sequence[Any]) -> list[Any]:
    """The firms written right after ``first`` as further items of its list (X、Y和Z)."""
    items, last = [], first
    for span in sorted(named, key=lambda s: s.start):
        if span.start < last.end or span.type not in ("Company", "ResearchInstitute"):
            continue
        if not _ITEM_JOINT.fullmatch(text, last.end, span.start):
            break
        items.append(span)
        last = span
    return items


# what joins two items of a list of names (、 / 和 / 及 / 以及 / 与)
_ITEM_JOINT = re.compile(r"\s*(?:、|和|及|以及|与)\s*")


def sentence_place(text: str, sentence: tuple[int, int], spans: Sequence[Any], before: int) -> Any | None:
    """The place a sentence speaks of at ``before``: the last area, zone or park written before
    it in the sentence that is not inside another name, else None."""
    return _last_place(_free_places(sentence, spans), before)


def _free_places(sentence: tuple[int, int], spans: Sequence[Any]) -> list[Any]:
    """The areas, zones and parks from the sentence's start on that are not inside another name."""
    s0, _ = sentence
    names = [s for s in spans if s.type not in ("AdministrativeArea", "IndustrialChain", "Observation")]
    return [s for s in spans if s.type in _WHERE and s0 <= s.start
            and not any(n.start <= s.start and s.end <= n.end and n is not s and n.type not in _WHERE for n in names)]


def _last_place(free: Sequence[Any], before: int) -> Any | None:
    places = [s for s in free if s.end <= before]
    return max(places, key=lambda s: (s.end, s.end - s.start)) if places else None


def main_zone(spans: Sequence[Any]) -> Any | None:
    """The development zone an article is about: the one it names at least twice and at least
    twice as often as any other zone (its short forms share its key), never a neighbour; else None.

    >>> from types import SimpleNamespace as S
    >>> zone, other = S(type="DevelopmentZone", key="zone/1", extra={}), S(type="DevelopmentZone", key="zone/2", extra={})
    >>> main_zone([zone, zone, zone, other]) is zone, main_zone([zone, other])
    (True, None)
    """
    counts: dict[str, list[Any]] = {}
    for span in spans:
        if span.type == "DevelopmentZone" and not span.extra.get("neighbour"):
            counts.setdefault(span.key, []).append(span)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < 2 or len(ranked) > 1 and len(ranked[0]) < 2 * len(ranked[1]):
        return None
    return ranked[0][0]


def home_place(spans: Sequence[Any]) -> Any | None:
    """The prefecture an article is about (what 我市 / 本市 stand for): the one its places point to
    most, each mention of a prefecture or of one of its counties a vote; None on a tie.

    >>> from types import SimpleNamespace as S
    >>> city = S(type="AdministrativeArea", key="area/1", extra={"place": S(admin_level="prefecture", parent=None, id="area/1")})
    >>> county = S(type="AdministrativeArea", key="area/2", extra={"place": S(admin_level="county", parent="area/1", id="area/2")})
    >>> home_place([city, county]) is city
    True
    """
    votes: dict[str, int] = {}
    mentions: dict[str, Any] = {}
    for span in spans:
        entry = span.extra.get("place") if span.type == "AdministrativeArea" else None
        level = getattr(entry, "admin_level", None)
        if level == "prefecture":
            mentions.setdefault(span.key, span)
            votes[span.key] = votes.get(span.key, 0) + 1
        elif level == "county" and getattr(entry, "parent", None):
            parent = getattr(entry, "parent", "")
            votes[parent] = votes.get(parent, 0) + 1
    ranked = sorted(((n, key) for key, n in votes.items() if key in mentions), reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return _home_county(spans, ranked[0][1]) or mentions[ranked[0][1]]


def _home_county(spans: Sequence[Any], prefecture: str) -> Any | None:
    """The county of ``prefecture`` an article is about: named more often than the prefecture
    itself, twice at least, and at least twice as often as any other of its counties (a county's
    news names its county again and again, its prefecture once or twice), else None.

    >>> from types import SimpleNamespace as S
    >>> city = S(type="AdministrativeArea", key="area/1", extra={"place": S(admin_level="prefecture", parent=None, id="area/1")})
    >>> county = S(type="AdministrativeArea", key="area/2", extra={"place": S(admin_level="county", parent="area/1", id="area/2")})
    >>> _home_county([city, county, county], "area/1") is county, _home_county([city, county], "area/1")
    (True, None)
    >>> _home_county([city, city, county], "area/1") is None
    True
    """
    counts: dict[str, int] = {}
    first: dict[str, Any] = {}
    own = 0
    for span in spans:
        entry = span.extra.get("place") if span.type == "AdministrativeArea" else None
        if getattr(entry, "id", None) == prefecture:
            own += 1
        elif getattr(entry, "admin_level", None) == "county" and getattr(entry, "parent", None) == prefecture:
            counts[span.key] = counts.get(span.key, 0) + 1
            first.setdefault(span.key, span)
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] <= max(own, 1) or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return first[ranked[0][0]]


def _signed(text: str, sentence: tuple[int, int], free: Sequence[Any], bodies: Sequence[Any], home: Any | None) -> list[tuple]:
    """``(专场)签约A项目、B项目等N个项目``: each project (a name ending in 项目 / 工程) of the list the
    verb governs, in its clause, is attracted to the place before the verb, else to the article's
    home place (0.7): a place signs for what it brings in.

    >>> from types import SimpleNamespace as S
    >>> text = "甲县签约乙丙项目、丁戊工程等2个项目。"
    >>> place = S(start=0, end=2, type="AdministrativeArea", extra={})
    >>> projects = [S(start=4, end=8, type="Project", extra={"list": 1}), S(start=9, end=13, type="Project", extra={"list": 1})]
    >>> [(f[0].start, f[2] is place, f[4]) for f in _signed(text, (0, 21), [place], projects, None)]
    [(4, True, 'signed'), (9, True, 'signed')]
    """
    s0, s1 = sentence
    facts: list[tuple] = []
    for verb in _SIGN.finditer(text, s0, s1):
        place = _last_place(free, verb.start()) or home
        if place is None:
            continue
        clause_end = next((m.start() for m in _CLAUSE.finditer(text, verb.end(), s1)), s1)
        for body in bodies:
            if body.type == "Project" and verb.end() <= body.start and body.end <= clause_end \
                    and (body.start == verb.end() or body.extra.get("list")):
                facts.append((body, "attractedTo", place, 0.7, "signed"))
    return facts


# 与A、B、C(等N家企业)(集中)签约: whom a place signs with
_SIGNED_WITH = re.compile(r"与([^，。；]{2,400}?)(?:等[\d一二三四五六七八九十两]*[家个]?(?:企业|公司|客商|项目)?)?"
                          r"(?:集中|现场|成功|正式|分别|顺利)?(?:签约|签订|签署)")


def _signed_with(text: str, sentence: tuple[int, int], free: Sequence[Any], bodies: Sequence[Any]) -> list[tuple]:
    """``甲区…与A公司、B公司等N家企业集中签约``: each firm or project between 与 and the verb is
    attracted to the place named before 与 in the sentence (0.7): a place signs with whom it
    brings in. Two firms signing with each other (no place before) say nothing of a place.

    >>> from types import SimpleNamespace as S
    >>> text = "甲区与乙丙公司、丁戊株式会社等2家企业集中签约。"
    >>> place = S(start=0, end=2, type="AdministrativeArea", extra={})
    >>> firms = [S(start=3, end=7, type="Company", extra={}), S(start=8, end=13, type="Company", extra={})]
    >>> [(f[0].start, f[2] is place, f[4]) for f in _signed_with(text, (0, len(text)), [place], firms)]
    [(3, True, 'signed_with'), (8, True, 'signed_with')]
    """
    s0, s1 = sentence
    facts: list[tuple] = []
    for frame in _SIGNED_WITH.finditer(text, s0, s1):
        place = _last_place(free, frame.start())
        if place is None:
            continue
        for body in bodies:
            if body.type in ("Company", "Project") and frame.start(1) <= body.start and body.end <= frame.end(1):
                facts.append((body, "attractedTo", place, 0.7, "signed_with"))
    return facts


def _tenants_listed_next(text: str, sentence: tuple[int, int], free: Sequence[Any], bodies: Sequence[Any]) -> list[tuple]:
    """``X吸引了一批…企业(意向)入驻，A、B、C等N个首批入驻项目…``: a clause that brings in firms
    without naming them (一批 / 多家 … 企业) and the list of names that opens the next clause are
    one thing said twice — each item was attracted to the place before the verb (0.7) and, when
    the clause says they settle (入驻 / 落户), lies there (0.7). Each fact carries its own verb's
    mood: 吸引了 is done, 意向入驻 only intended (a sixth item, the modality).

    >>> from types import SimpleNamespace as S
    >>> text = "甲园区吸引了一批企业入驻，乙科技、丙电子等3家企业已投产。"
    >>> park = S(start=0, end=3, type="IndustrialPark", extra={})
    >>> firms = [S(start=13, end=16, type="Company", extra={"list": 1}), S(start=17, end=20, type="Company", extra={"list": 1})]
    >>> sorted((f[0].start, f[1], f[5]) for f in _tenants_listed_next(text, (0, 29), [park], firms))
    [(13, 'attractedTo', 'stated'), (13, 'locatedIn', 'stated'), (17, 'attractedTo', 'stated'), (17, 'locatedIn', 'stated')]
    """
    s0, s1 = sentence
    facts: list[tuple] = []
    for verb in _ATTRACT.finditer(text, s0, s1):
        clause_end = next((m.start() for m in _CLAUSE.finditer(text, verb.end(), s1)), s1)
        place = _last_place(free, verb.start())
        if place is None or clause_end >= s1 or not _UNNAMED_OBJECTS.search(text, verb.end(), clause_end) \
                or any(verb.end() <= b.start < clause_end for b in bodies):
            continue
        next_end = next((m.start() for m in _CLAUSE.finditer(text, clause_end + 1, s1)), s1)
        listed = [b for b in bodies if clause_end < b.start and b.end <= next_end and b.extra.get("list")]
        if len(listed) < 2 or listed[0].start != clause_end + 1:
            continue  # the names must open the next clause, as a list
        settle = _SETTLE_WORDS.search(text, verb.end(), clause_end)
        # 吸引了…意向入驻: the bringing in is done (stated), the settling only intended
        attracted = "intended" if re.search(r"将|拟|计划|力争|争取", text[s0:verb.start()]) else "stated"
        settled = "intended" if settle and re.search(r"意向|将|拟|计划", text[verb.end():settle.start()]) else "stated"
        for body in listed:
            facts.append((body, "attractedTo", place, 0.7, "attracts_listed_next", attracted))
            if settle:
                facts.append((body, "locatedIn", place, 0.7, "settles_listed_next", settled))
    return facts


def investment_facts(text: str, sentence: tuple[int, int], named: Sequence[Any]) -> list[tuple]:
    """``X投资N亿元的Y项目``: the organization X right before 投资 develops project Y (0.8):
    (subject, predicate, object, confidence, rule).

    >>> from types import SimpleNamespace as S
    >>> firm, project = S(start=0, end=4, type="Company", extra={}), S(start=12, end=18, type="Project", extra={})
    >>> [(f[0] is project, f[1]) for f in investment_facts("甲乙公司投资3.2亿元的丙丁钢构项目。", (0, 19), [firm, project])]
    [(True, 'developedBy')]
    """
    facts: list[tuple] = []
    for project in [s for s in named if s.type == "Project"]:
        said = re.search(r"投资[\d.]+(?:亿|万)?(?:元|美元|港元)的$", text[max(sentence[0], project.start - 16):project.start])
        if said:
            at = project.start - len(said.group())
            investor = next((s for s in named if s.end == at and s.type in ("Company", "ResearchInstitute")), None)
            if investor is not None:
                facts.append((project, "developedBy", investor, 0.8, "investment_of"))
    return facts


def attraction_facts(text: str, sentence: tuple[int, int], spans: Sequence[Any], named: Sequence[Any],
                     previous: tuple[int, int] | None = None, home: Callable[[], Any] | None = None) -> list[tuple]:
    """(subject, predicate, object, confidence, rule) of attraction and arrival in one sentence.

    ``引进 / 招引 / 吸引 / 引入`` then names in the same clause (a list with them): each is
    attracted to the sentence's place before the verb (0.8), or, when the sentence names none
    (我市引进…), to the prefecture the article names most (0.6). A sentence that opens with 其中 goes on
    with the one before: its projects are among those the previous sentence brought in (0.7). ``X(成功)落户 / 落地 / 进驻 /
    入驻 Y``: X is attracted to Y (落户 / 落地) and lies in Y (0.8); without a place after the
    verb nothing is said of who brought X in (推动X落地 is help, not attraction).

    ``spans`` need only be those that reach into this sentence and the previous one; ``home``
    gives the article's prefecture (default: :func:`home_place` of ``spans``).
    """
    s0, s1 = sentence
    facts: list[tuple] = []
    bodies = [s for s in named if s.type in _BODIES and not re.search(r"一批|多个|多家|若干|一些", text[s.start:s.end])]
    if not _ATTRACT.search(text, previous[0] if previous else s0, s1) and not _SIGN.search(text, s0, s1):
        home = None
    else:
        home = home() if home is not None else home_place(spans)
    earlier = _ATTRACT.search(text, *previous) if previous is not None and re.match(r"其中", text[s0:s1]) else None
    if previous is not None and earlier is not None:
        place = sentence_place(text, previous, spans, earlier.start()) or home
        if place is not None:
            facts.extend((body, "attractedTo", place, 0.7, "attracted_earlier") for body in bodies if body.type == "Project")
    free = _free_places(sentence, spans)  # once per sentence, not once per verb
    for verb in _ATTRACT.finditer(text, s0, s1):
        place = _last_place(free, verb.start())
        confidence = 0.8
        if place is None:  # 我市引进… or no subject at all: the article's own prefecture
            place, confidence = home, 0.6
        if place is None:
            continue
        clause_end = next((m.start() for m in _CLAUSE.finditer(text, verb.end(), s1)), s1)
        listed = [s for s in bodies if verb.end() <= s.start and s.end <= clause_end
                  and (s.start - verb.end() <= 12 or s.extra.get("list"))]
        # 吸引A、B等一批企业落户: the clause says they came to stay, in the place that drew them
        settled = listed and (place.type in _PARKS or getattr(place.extra.get("place"), "admin_level", None) == "township") \
            and _SETTLE_AFTER_LIST.search(text, max(s.end for s in listed), clause_end)
        for body in listed:
            if not any(o is not body and o.start <= body.start and body.end <= o.end for o in listed):
                facts.append((body, "attractedTo", place, confidence, "attracts" if confidence > 0.6 else "attracts_home"))  # 引进X总院Y分院: Y分院 came, not X总院
                if settled:
                    facts.append((body, "locatedIn", place, 0.7, "attracts_to_settle"))
    facts.extend(_signed(text, sentence, free, bodies, home))
    facts.extend(_signed_with(text, sentence, free, bodies))
    facts.extend(_tenants_listed_next(text, sentence, free, bodies))
    for verb in _ARRIVE.finditer(text, s0, s1):
        # the names right before the verb, or a list of them whose tail (等N家…) reaches it
        arrivals = [s for s in bodies if s.end <= verb.start() and s.end >= verb.start() - 80
                    and not _CLAUSE.search(text, s.end, verb.start())
                    and re.fullmatch(r"(?:[、和及与][^，。；]*|等[^，。；]{0,20}|[^，。；、]{0,4})", text[s.end:verb.start()])]
        target = next((s for s in spans if s.start == verb.end() and s.type in _WHERE), None)
        if target is not None:
            target = max((s for s in spans if s.start == verb.end() and s.type in _WHERE), key=lambda s: s.end - s.start)
        elif _THE_PARK.match(text, verb.end()):  # 甲园区…已有A、B等项目落户园区: the park the sentence speaks of
            target = next((p for p in [_last_place(free, verb.start())] if p is not None and p.type in _PARKS), None)
        elif arrivals and _CLAUSE_ENDS.match(text, verb.end()):
            facts.extend(_settled_with_no_place_after(text, verb, arrivals, free, previous, spans))
            continue
        for body in arrivals:
            if target is not None:
                if verb.group(1) in ("落户", "落地"):
                    facts.append((body, "attractedTo", target, 0.8, "arrives_attracted"))
                facts.append((body, "locatedIn", target, 0.8, "arrives_located"))
    return facts


def _settled_with_no_place_after(text: str, verb: re.Match, arrivals: Sequence[Any], free: Sequence[Any],
                                 previous: tuple[int, int] | None, spans: Sequence[Any]) -> list[tuple]:
    """``甲园区一期…，A、B等四家企业入驻。``: a verb of arrival that ends its clause settles the bodies
    before it in the park the sentence opened with (0.7); in a sentence that names no place at
    all, in the one park the sentence before named (0.6) — not a heading's (a line with no full
    stop names the article's topic), and not one of two parks. ``签约入驻``: they signed to come."""
    host, rule = _last_place(free, min(s.start for s in arrivals)), "settle_in_the_sentences_park"
    if host is None and not free and previous is not None and text[previous[1] - 1:previous[1]] in ("。", "！", "；", ";"):
        before = _free_places(previous, spans)
        parks = [p for p in before if p.type in _PARKS
                 and not any(o is not p and o.start <= p.start and p.end <= o.end for o in before)]  # (甲园乙分园: one)
        if len({p.key for p in parks}) == 1:
            host, rule = parks[0], "settle_in_the_last_park"
    if host is None or host.type not in _PARKS:
        return []
    facts: list[tuple] = []
    for body in arrivals:
        facts.append((body, "locatedIn", host, 0.7 if rule == "settle_in_the_sentences_park" else 0.6, rule))
        if "签约" in verb.group():
            facts.append((body, "attractedTo", host, 0.6, rule))
    return facts


def possessive_site_facts(text: str, sentence: tuple[int, int], spans: Sequence[Any], named: Sequence[Any]) -> list[tuple]:
    """``甲开发区的X项目`` / ``在甲镇乙工业园区的Y公司`` / ``甲区企业Y公司``: a project or firm right
    after a place, zone or park and 的 (or 企业) lies there (0.7), and so do the items written one
    after another after it (0.6): (subject, "locatedIn", object, confidence, rule). Not a neighbour
    (紧邻甲区的X), not a place that is itself part of a longer name, not a city or a province
    (甲市的X项目 is one the city counts as its own, wherever in it it lies), and not a unit of the
    body (甲市的X公司研发中心).

    >>> from types import SimpleNamespace as S
    >>> text = "分别是甲乙开发区的丙丁项目。"
    >>> zone, project = S(start=3, end=8, type="DevelopmentZone", extra={}), S(start=9, end=13, type="Project", extra={})
    >>> [(f[0] is project, f[1], f[2] is zone) for f in possessive_site_facts(text, (0, 14), [zone, project], [project])]
    [(True, 'locatedIn', True)]
    """
    facts: list[tuple] = []
    for body in named:
        link = _POSSESSIVE_LINK.search(text, max(sentence[0], body.start - 3), body.start)
        if body.type not in _BODIES or link is None or link.start() <= sentence[0] \
                or body.extra.get("inside") or _UNIT_OF_A_BODY.match(text, body.end):
            continue  # (甲市的X公司研发中心: what lies there is the centre, another body)
        holders = [s for s in spans if s.end == link.start() and s.type in _WHERE and not s.extra.get("neighbour")
                   and getattr(s.extra.get("place"), "admin_level", None) not in _WIDE_LEVELS and not _inside_a_name(s, named)]
        if holders:
            holder = max(holders, key=lambda s: s.end - s.start)
            facts.append((body, "locatedIn", holder, 0.7, "possessive_site"))
            # 甲开发区的A项目、B项目和C项目: the 的 governs the items written one after another after it
            last = body
            for other in sorted((o for o in named if o.type == body.type and o.start > body.start), key=lambda o: o.start):
                if text[last.end:other.start] not in ("、", "和", "及", "以及"):
                    break
                facts.append((other, "locatedIn", holder, 0.6, "possessive_site_list"))
                last = other
    return facts


def _inside_a_name(place: Any, named: Sequence[Any]) -> bool:
    """Whether ``place`` is a word of a longer name of a body (甲市X公司的 …: 甲市 is the firm's)."""
    return any(n is not place and n.start <= place.start and place.end <= n.end and n.type not in _WHERE for n in named)


# a verb of arrival right before a place and 的 (落户甲市的X, 签约落地乙县的Y项目)
_LANDED_AT = re.compile(r"(?:落户|落地|进驻|入驻|扎根)(?:于|在|到)?$")


def landed_where_said_facts(text: str, sentence: tuple[int, int], spans: Sequence[Any], named: Sequence[Any]) -> list[tuple]:
    """``落户甲市的X公司`` / ``落地乙县的Y项目`` / ``入驻丙园区的Z公司``: X came to the place (attractedTo,
    0.7) and lies there (0.7; a city or province too, as the words say no finer place). Not a
    neighbour, nor a place inside a longer name.

    >>> from types import SimpleNamespace as S
    >>> text = "落地甲县的乙丙项目已开工。"
    >>> place, project = S(start=2, end=4, type="AdministrativeArea", extra={}), S(start=5, end=9, type="Project", extra={})
    >>> [(f[1], f[2] is place) for f in landed_where_said_facts(text, (0, 13), [place, project], [project])]
    [('attractedTo', True), ('locatedIn', True)]
    """
    facts: list[tuple] = []
    places_ending: dict[int, list[Any]] = {}  # (looked up by where each body's 的 stands, no scan per body)
    for s in spans:
        if s.type in _WHERE and not s.extra.get("neighbour") and s.start > sentence[0] \
                and _LANDED_AT.search(text, max(sentence[0], s.start - 4), s.start):
            places_ending.setdefault(s.end, []).append(s)
    for body in named:
        if body.type not in _BODIES or body.extra.get("inside") or not text.startswith("的", body.start - 1):
            continue
        holders = [s for s in places_ending.get(body.start - 1, ()) if not _inside_a_name(s, named)]
        if holders:
            holder = max(holders, key=lambda s: s.end - s.start)
            facts.append((body, "attractedTo", holder, 0.7, "landed_where_said"))
            facts.append((body, "locatedIn", holder, 0.7, "landed_where_said"))
    return facts
