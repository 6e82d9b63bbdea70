"""What kind of place a park-like name is, read from the words around it.

The extractor types a name by its ending (…产业园 is a park, …经济开发区 a zone). The words
around the name sometimes say otherwise, or say more:

- **a shared ending** (:func:`shared_ending_items`): ``甲乙、丙丁石化园区`` names two parks, the
  first written only by its place (甲乙石化园区) — news drops the ending all items share;
- **called a zone** (:func:`called_a_zone`): ``X工业区是…省级经济开发区`` — an industrial district
  the text calls a development zone is one, whatever its ending;
- **a phase run as a project** (:func:`phase_called_a_project`): ``X产业园(二期)作为项目…`` /
  ``X产业园(二期)，项目总投资…`` — a park's phase the text reports as a project is that project;
- **a park opening a project's name** (:func:`park_opening_project`): ``甲乙智造园丙丁项目``, where
  the article names 甲乙智造园 on its own too, is the project that builds that park;
- **the park named again by its kind** (:func:`park_named_by_its_kind`): ``园区一期…`` /
  ``该园区…`` opening a sentence after a paragraph about 甲乙产业园 is 甲乙产业园 again;
- **a title in apposition** (:func:`titles_in_apposition`): ``作为…、全国唯一的X产业园区，Y开发区…``
  — what a 作为 clause calls the zone or park that opens the next clause is a title of it,
  not a park of its own.

Nothing here names a park: the rules read the frame.

Example
-------
>>> text = "甲乙、丙丁石化园区作为载体。"
>>> shared_ending_items(text, text.index("丙丁"), "丙丁石化园区", {"甲乙"}.__contains__)
[(0, 2, '甲乙石化园区')]
>>> called_a_zone("戊己工业区是福建省的省级经济开发区。", 5)
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = ["shared_ending_items", "called_a_zone", "phase_called_a_project", "park_opening_project",
           "titles_in_apposition", "park_named_by_its_kind", "ANAPHOR_REACH"]

_CJK = r"\u3400-\u9fff"
# X是(…的)(省级)经济开发区: the copula and a zone's kind, within one clause
_IS_A_ZONE = re.compile(r"(?:是|为|系|属于)[^，。；,;]{0,10}?(?:经济技术开发区|经济开发区|高新技术产业开发区|高新区|开发区)(?:之一)?[，。；,;]")
# …(二期)作为项目 / …(二期)，项目总投资: what follows the phase reports on it as a project
_RUN_AS_PROJECT = re.compile(r"(?:作为|[，,])项目")
_AS = "作为"


def shared_ending_items(text: str, start: int, name: str, is_place: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """(start, end, full name) of each item of ``A、B、C<ending>`` before the name at ``start``
    that is written only by its place: each takes the ending the last name gives after its own
    place (or, when that place is unknown, after as many characters as the item has). Items are
    read right to left while they are places (``is_place``) written between 、.

    >>> text = "在甲乙、丙丁、戊己经济开发区。"
    >>> places = {"甲乙", "丙丁", "戊己"}.__contains__
    >>> shared_ending_items(text, text.index("戊己"), "戊己经济开发区", places)
    [(4, 6, '丙丁经济开发区'), (1, 3, '甲乙经济开发区')]
    >>> shared_ending_items("甲乙、丙丁园区", 3, "丙丁园区", places)
    []
    """
    head = next((n for n in range(min(4, len(name) - 2), 1, -1) if is_place(name[:n])), 0)
    found = []
    end = start - 1
    while end > 0 and text[end] == "、":
        item = next((text[end - n:end] for n in (4, 3, 2) if end - n >= 0 and is_place(text[end - n:end])), None)
        if item is None:
            break
        ending = name[head or len(item):]
        # the shared words must be more than a bare ending (甲乙、丙丁园区 names places and one park)
        if len(ending) < 4:
            break
        found.append((end - len(item), end, item + ending))
        end -= len(item) + 1
    return found


def called_a_zone(text: str, end: int) -> bool:
    """Whether the name that ends at ``end`` is called a development zone right after it
    (X是…开发区), which makes it a zone whatever its ending.

    >>> called_a_zone("戊己工业区是重要的产业平台。", 5)
    False
    """
    return bool(_IS_A_ZONE.match(text, end))


def phase_called_a_project(text: str, end: int) -> bool:
    """Whether a park's phase that ends at ``end`` is reported as a project (作为项目代表 /
    ，项目总投资…).

    >>> phase_called_a_project("甲乙产业园(二期)作为项目代表参加开工活动。", 9)
    True
    >>> phase_called_a_project("甲乙产业园(二期)已有企业入驻。", 9)
    False
    """
    return bool(_RUN_AS_PROJECT.match(text, end))


def park_opening_project(project: str, parks: Sequence[str]) -> str | None:
    """The park (of the article's ``parks``) whose whole name opens the project's name and is
    followed by more name before 项目 / 工程 (甲乙园丙丁项目 builds 甲乙园), or None.

    >>> park_opening_project("甲乙智造园丙丁项目", ["甲乙智造园", "戊己产业园"])
    '甲乙智造园'
    >>> park_opening_project("甲乙智造园项目", ["甲乙智造园"]) is None
    True
    """
    return next((park for park in sorted(parks, key=len, reverse=True)
                 if project.startswith(park) and len(re.sub(r"(?:项目|工程)$", "", project)) - len(park) >= 2), None)


def titles_in_apposition(text: str, start: int, end: int, opens_next_clause: Callable[[int], bool]) -> bool:
    """Whether the name at ``text[start:end]`` ends a 作为 clause (作为…、X，) whose next clause
    opens with a zone or park (``opens_next_clause(position)``): then it is what that zone or
    park is called, not a park of its own.

    >>> text = "作为全省唯一的甲乙石化产业园区，丙丁开发区因石化而出名。"
    >>> titles_in_apposition(text, 7, 15, lambda at: text.startswith("丙丁开发区", at))
    True
    >>> text = "作为甲乙产业园的龙头企业，丙丁公司扩产。"
    >>> titles_in_apposition(text, 2, 7, lambda at: False)
    False
    """
    if not re.match(r"[，,]", text[end:end + 1]):
        return False
    clause_start = max(text.rfind(mark, 0, start) for mark in "，,。；;\n") + 1
    if _AS not in text[clause_start:start]:
        return False
    return opens_next_clause(end + 1)


#: How far back (characters) the park a sentence names by its kind (园区…) may have been named.
ANAPHOR_REACH = 400
# 园区 / 该园区 / 本园区 opening a sentence, or 该园区 / 本园区 anywhere: the park spoken of, not parks in
# general (园区建设 / 园区经济 / 园区化 open a statement about parks as such)
_BY_ITS_KIND = re.compile(r"(?:该|本)?园区(?![建经化内外们])")


def park_named_by_its_kind(text: str, at: int, parks: Sequence[tuple[int, int, str]], opening: bool) -> tuple[int, int] | None:
    """The span of 园区 at ``at`` when it names a park the text named before, and which park:
    ``(end of the word, index into parks)``; ``parks`` are (start, end, key) of park mentions in
    text order. At a sentence's opening (``opening``) 园区 suffices; elsewhere it takes 该 / 本. The
    park is the last one named within ``ANAPHOR_REACH`` characters before, and it must be the
    only park its paragraph names (two parks there: which one is meant the words do not say).

    >>> text = "甲乙产业园一期已投产。园区二期正在建设。"
    >>> park_named_by_its_kind(text, text.index("园区"), [(0, 5, "p1")], opening=True)
    (13, 0)
    >>> park_named_by_its_kind("甲乙产业园与丙丁产业园已投产。园区二期在建。", 15, [(0, 5, "p1"), (6, 11, "p2")], opening=True) is None
    True
    """
    word = _BY_ITS_KIND.match(text, at)
    if word is None or (not opening and word.group().startswith("园")):
        return None
    before = [i for i, (start, end, _) in enumerate(parks) if end <= at and at - end <= ANAPHOR_REACH]
    if not before:
        return None
    paragraph_start = text.rfind("\n", 0, parks[before[-1]][0]) + 1  # (of the last park named)
    if len({parks[i][2] for i in before if parks[i][0] >= paragraph_start}) > 1:
        return None
    return word.end(), before[-1]
