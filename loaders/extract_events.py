"""Projects of an event the article reports: a signing or a groundbreaking that a zone, park or
place holds (``甲高新区举行…项目签约开竣工活动``), and the paragraphs that go on about it
(``此次签约项目共8个……分别为A项目、B项目``) without naming where. The projects such a paragraph
names lie where the event was held, and the signed ones were brought in there.

The rule reads spans with ``start``, ``end``, ``type`` (the extractor's entity spans); it names
no firm or place.

Example
-------
>>> text = "近日，甲高新区举行项目签约活动。\\n此次签约项目共2个，分别为乙项目、丙项目。"
>>> held_at(text, 7)
True
>>> [m.group() for m in _ABOUT_THE_EVENT.finditer(text)]
['此次签约']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["EVENT_HOSTS", "about_the_event", "event_host", "event_kind", "held_at", "signed_projects", "held_in_sentence"]

#: the span types that hold an event
EVENT_HOSTS = ("DevelopmentZone", "IndustrialPark", "AdministrativeArea")

# 举行 / 举办 / 召开 … (project) signing / groundbreaking … 活动 / 仪式 / 大会: the event, up to its sentence's end
_EVENT = re.compile(r"(?:举行|举办|召开)[^。！？\n]{0,40}?(?:签约|开工|竣工|开竣工|招商)[^。！？\n]{0,20}?(?:活动|仪式|大会)")
# 在…举行的…签约仪式上，{host}: the event, then who took part
_TOOK_PART = re.compile(r"(?:举行|举办|召开)的[^。！？\n]{0,30}?(?:签约|开工|竣工|开竣工|招商)[^。！？\n]{0,20}?(?:活动|仪式|大会)上[，,]?")
# 此次 / 本次 (集中) 签约 / 开工 / 竣工 …, N个(集中)签约项目: a sentence about the event just reported
_ABOUT_THE_EVENT = re.compile(r"(?:此次|本次)(?:集中)?(?:签约|开竣工|开工|竣工)"
                              r"|[\d一二三四五六七八九十两]+个(?:集中)?(?:签约|开竣工|开工|竣工)项目")
# the kinds of project a clause speaks of: 签约项目 / 开工项目 / 竣工项目
_KIND = re.compile(r"签约|开竣工|开工|竣工")


def held_at(text: str, end: int) -> bool:
    """Whether the words right after ``end`` (a host's name) say it held a signing or
    groundbreaking (``甲区举行2022年重大项目集中签约活动``; a bracket may come between).

    >>> held_at("甲区(乙区)举行重大项目签约仪式", 2), held_at("甲区举行座谈会", 2)
    (True, False)
    """
    after = re.match(r"[(（][^()（）]{1,10}[)）]", text[end:end + 12])
    return bool(_EVENT.match(text, end + (after.end() if after else 0)))


def event_kind(text: str, start: int, end: int) -> str | None:
    """The last kind of event project named in ``text[start:end]`` — 签约 (signed), 开工 / 竣工 /
    开竣工 (started or finished) — or None.

    >>> event_kind("此次签约项目共8个，其中开工项目3个", 0, 17), event_kind("项目总投资3亿元", 0, 8)
    ('开工', None)
    """
    kinds = _KIND.findall(text, start, end)
    return kinds[-1] if kinds else None


def event_host(text: str, spans: Sequence[Any]) -> Any | None:
    """The zone, park or place an article's event was held at: the first such span whose name is
    followed by 举行…签约/开工…活动 (see :func:`held_at`), or that opens the clause after
    举行的…签约仪式上， (it took part); None when the article reports none.

    >>> from types import SimpleNamespace as S
    >>> text = "近日，甲高新区举行项目签约活动。"
    >>> zone = S(start=3, end=7, type="DevelopmentZone", extra={})
    >>> event_host(text, [zone]) is zone
    True
    """
    took_part = {m.end() for m in _TOOK_PART.finditer(text)}
    return next((s for s in sorted(spans, key=lambda s: s.start) if s.type in EVENT_HOSTS and not s.extra.get("neighbour")
                 and (held_at(text, s.end) or s.start in took_part)), None)


def about_the_event(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a paragraph) goes on about the reported event (此次签约…)."""
    return bool(_ABOUT_THE_EVENT.search(text, start, end))


# a list of projects the sentence says were signed, after it (签约的项目包括 / 顺利签约落地重大项目3个，分别是 /
# 参加“云签约”的项目包括) or before it (A项目、B项目在现场顺利签约)
_SIGNED_LIST_FOLLOWS = re.compile(
    r"签约(?:落地)?[”\"]?的(?:重大|重点|产业|招商)?项目(?:共[\d一二三四五六七八九十两]+个)?[，,]?(?:包括|有|主要有|分别是|分别为|为)"
    r"|签约(?:落地)?(?:重大|重点|产业|招商)?项目(?:共)?[\d一二三四五六七八九十两]+个[，,]?(?:分别)?(?:是|为|包括)"
    r"|参加(?:现场|云)?[“\"]?签约[”\"]?的[\d一二三四五六七八九十两]*个?(?:重大|重点|产业)?项目(?:中)?[，,]?")
_SIGNED_AFTER_LIST = re.compile(r"(?:在现场|现场|集中|成功|顺利|正式)+签约")
# 活动在X(成功)举行: where the sentence's event took place
_HELD_IN = re.compile(r"(?:成功|隆重|顺利)?举行")


def signed_projects(text: str, sentence: tuple[int, int], spans: Sequence[Any]) -> list[Any]:
    """The projects a sentence lists as signed: the ones after ``签约的项目包括`` / ``签约落地重大项目3个，
    分别是`` / ``参加“云签约”的项目包括``, or the list right before ``在现场顺利签约`` (only 、 and
    和 between them).

    >>> from types import SimpleNamespace as S
    >>> text = "本次签约的项目包括甲项目、乙项目。"
    >>> [text[p.start:p.end] for p in signed_projects(text, (0, len(text)), [S(start=9, end=12, type="Project"), S(start=13, end=16, type="Project")])]
    ['甲项目', '乙项目']
    >>> text = "甲项目、乙项目在现场顺利签约。"
    >>> [text[p.start:p.end] for p in signed_projects(text, (0, len(text)), [S(start=0, end=3, type="Project"), S(start=4, end=7, type="Project")])]
    ['甲项目', '乙项目']
    """
    s0, s1 = sentence
    if "签约" not in text[s0:s1]:
        return []
    projects = sorted((p for p in spans if p.type == "Project" and s0 <= p.start and p.end <= s1), key=lambda p: p.start)
    found: list[Any] = []
    for match in _SIGNED_LIST_FOLLOWS.finditer(text, s0, s1):
        found += [p for p in projects if p.start >= match.end() and not re.search(r"[。；;]", text[match.end():p.start])]
    for match in _SIGNED_AFTER_LIST.finditer(text, s0, s1):
        listed: list[Any] = []
        at = match.start()
        for project in reversed([p for p in projects if p.end <= match.start()]):
            if re.fullmatch(r"[、和及与]?", text[project.end:at]) or not listed and project.end == at:
                listed.append(project)
                at = project.start
            else:
                break
        found += listed
    return sorted({id(p): p for p in found}.values(), key=lambda p: p.start)


def held_in_sentence(text: str, sentence: tuple[int, int], spans: Sequence[Any]) -> Any | None:
    """The place, zone or park a sentence says its event was held in (``签约活动在甲区成功举行``), or None.

    >>> from types import SimpleNamespace as S
    >>> text = "签约活动在甲区成功举行。"
    >>> held_in_sentence(text, (0, len(text)), [S(start=5, end=7, type="AdministrativeArea")]).end
    7
    """
    s0, s1 = sentence
    return next((s for s in spans if s.type in EVENT_HOSTS and s0 <= s.start and s.end <= s1
                 and text[s.start - 1:s.start] == "在" and _HELD_IN.match(text, s.end)), None)
