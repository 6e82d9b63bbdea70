"""Towns, townships and sub-districts (…镇 / …乡 / …街道) that the division table does not list.

The national table stops at counties; news names the towns below them all the time
(甲县乙镇, 落地乙镇, 乙镇发展…产业). A town is read from the language, not from a list:

- **The model's place word** (``LOC``) that ends in 镇, 乡 or 街道, with two to four characters
  before the suffix once the places it opens with are set aside (永春|达埔镇 is 达埔镇 of 永春县).
- **Not a kind of town**: a stem holding 之 (鲍鱼之乡: a title), or a word the model tags as a
  description right before it (现代化|新市镇, 特色|小镇) names what a town is like, not which.
- **Its county**: the county (or city, district) written right before it, or opening the same
  word, is its parent; the parent places it in the article's region like any division.

A town found here is an ``AdministrativeArea`` at the ``township`` level; its id is a hash of
its parent and name (``area/x…``), so the same town named after the same county is one entity.

Example
-------
>>> from chainkg.loaders.gazetteer import place_gazetteer
>>> [(t.name, t.parent.name if t.parent else None) for t in town_mentions("位于安溪县甲乙镇的工厂投产。", place_gazetteer())]
[('甲乙镇', '安溪县')]
>>> town_mentions("打造现代化新市镇，这里是鲍鱼之乡。", place_gazetteer())
[]
>>> [(t.name, t.parent.name) for t in town_mentions("寿宁县南阳镇的工厂投产。", place_gazetteer())]
[('南阳镇', '寿宁县')]
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from chainkg.loaders.extract_located import opening_run
from chainkg.loaders.extract_names import TokenIndex
from chainkg.loaders.gazetteer import PlaceEntry

__all__ = ["Town", "town_mentions", "town_entry"]

_TOWN_WORD = re.compile(r"(?:镇|乡|街道)$")
# tags of a word that describes the town after it (现代化新市镇, 美丽乡镇), rather than names its county
_DESCRIBING_TAGS = ("a", "ad", "an", "vn", "d")
_COUNTY_LEVELS = ("county", "prefecture")


@dataclass(frozen=True)
class Town:
    """A town named in the text: ``text[start:end] == name``, its county's entry (or None)."""

    start: int
    end: int
    name: str
    parent: PlaceEntry | None


def town_entry(town: Town) -> PlaceEntry:
    """The gazetteer-like entry of a town the division table does not list.

    >>> from chainkg.loaders.gazetteer import place_gazetteer
    >>> entry = town_entry(Town(0, 3, "甲乙镇", place_gazetteer()["安溪县"]))
    >>> entry.admin_level, entry.parent, entry.id.startswith("area/x")
    ('township', 'area/350524', True)
    """
    parent = town.parent.id if town.parent else ""
    digest = hashlib.sha1(f"{parent}:{town.name}".encode()).hexdigest()[:12]
    return PlaceEntry(f"area/x{digest}", town.name, "AdministrativeArea", None, "township", (),
                      town.parent.id if town.parent else None)


def town_mentions(text: str, places: Mapping[str, PlaceEntry]) -> list[Town]:
    """Every town the model's words name in ``text`` that ``places`` does not list (see the
    module's rules), in text order."""
    index = TokenIndex.of(text)
    found: list[Town] = []
    for position, token in enumerate(index.tokens):
        if token.tag != "LOC" or not _TOWN_WORD.search(token.word) or token.word in places:
            continue
        run = opening_run(token.word, places)
        opened = run[-1][1] if run else 0
        if len(_TOWN_WORD.sub("", token.word[opened:])) < 2:
            run, opened = [], 0  # 南阳镇: a town named like a city (南阳), not that city's 镇
        name = token.word[opened:]
        stem = _TOWN_WORD.sub("", name)
        if not 2 <= len(stem) <= 4 or "之" in stem or name in places:
            continue
        before = index.tokens[position - 1] if position else None
        parent = run[-1][0] if run else None
        if parent is None and before is not None:
            if before.tag in _DESCRIBING_TAGS:
                continue  # 现代化新市镇: a kind of town
            entry = places.get(before.word)
            if entry is not None and entry.type == "AdministrativeArea" and entry.admin_level in _COUNTY_LEVELS:
                parent = entry
        if parent is not None and parent.admin_level not in _COUNTY_LEVELS:
            parent = None  # 福建省甲镇: a province is too far up to be a town's parent
        found.append(Town(token.start + opened, token.end, name, parent))
    return _named_again(text, found, places)


def _named_again(text: str, found: list[Town], places: Mapping[str, PlaceEntry]) -> list[Town]:
    """The towns found, and every other place their full names stand in the text: the model
    reads a town once, then may glue it to a verb (甲县乙镇引进…); the article's own town name is
    that town wherever it recurs. A county right before a mention is its parent."""
    taken = {(t.start, t.end) for t in found}
    for name in dict.fromkeys(t.name for t in found):
        for match in re.finditer(re.escape(name), text):
            if (match.start(), match.end()) in taken:
                continue
            parent = next((entry for n in range(min(9, match.start()), 1, -1)
                           if (entry := places.get(text[match.start() - n:match.start()])) is not None
                           and entry.type == "AdministrativeArea" and entry.admin_level in _COUNTY_LEVELS), None)
            found.append(Town(match.start(), match.end(), name, parent))
    return sorted(found, key=lambda t: t.start)
