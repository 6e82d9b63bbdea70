"""Brands: names that share a firm's brand say the firm owns what they name.

A firm's *brand* is the words of its name that are its own: the name without the places it
opens with (and a place in brackets, 甲乙(泉州)科技有限公司), without 中国, and without a tail of
generic words and legal form (科技 / 实业 / 控股 … 有限公司, 集团) — or its short form, when the
text gives one (甲乙 for 甲乙体育用品有限公司). Names that open with that brand and more:

- a laboratory, institute or centre (甲乙运动科学实验室) is part of the firm (subOrganizationOf);
- a firm (甲乙(福建)铸锻有限公司) is part of the group the brand names (甲乙集团), unless it is a
  group or holding itself (甲乙控股有限公司 holds, it is not held);
- a park (甲乙丙丁建筑科技产业园) is the firm's (developedBy).

A brand of one character, a place or a generic word is no brand. Nothing here names a firm of
any article: the rules read the shape of names.

Example
-------
>>> is_place = {"泉州市", "泉州", "福建省", "福建"}.__contains__
>>> firm_brand(["甲乙(泉州)筑工科技有限公司"], is_place), firm_brand(["甲乙体育用品有限公司", "甲乙"], is_place)
('甲乙筑工', '甲乙')
>>> opens_with_brand("甲乙(福建)铸锻有限公司", "甲乙", is_place), opens_with_brand("甲乙", "甲乙", is_place)
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["names_a_place", "brand_stem", "firm_brand", "opens_with_brand", "is_group_or_holding"]

_BRACKETED = re.compile(r"[(（][^()（）]{1,8}[)）]")
# generic words and legal form at the end of a firm's name: what is left is its brand
_FIRM_TAIL = re.compile(r"(?:科技|实业|发展|控股|投资|国际|工贸|贸易|股份|集团|有限|责任)*(?:有限(?:责任)?公司|股份公司|公司|集团)$")
_GROUP = re.compile(r"(?:集团|控股|总公司)")
_LEVELS = ("省", "市", "区", "县", "镇", "乡")


def names_a_place(words: str, is_place: Callable[[str], bool]) -> bool:
    """Whether the words are a place, or one without its level (海沧 for 海沧区, 台湾 for 台湾省).

    >>> names_a_place("甲乙", {"甲乙区"}.__contains__), names_a_place("丙丁", {"甲乙区"}.__contains__)
    (True, False)
    """
    return is_place(words) or any(is_place(words + level) for level in _LEVELS)


def brand_stem(name: str, is_place: Callable[[str], bool]) -> str:
    """The name without brackets, the places it opens with and 中国.

    >>> brand_stem("福建甲乙(泉州)科技有限公司", {"福建", "泉州"}.__contains__)
    '甲乙科技有限公司'
    """
    stem = _BRACKETED.sub("", name)
    stripped = True
    while stripped:
        stripped = False
        for length in range(min(len(stem) - 2, 7), 1, -1):
            if names_a_place(stem[:length], is_place) or stem[:length] == "中国":
                stem, stripped = stem[length:], True
                break
    return stem


def firm_brand(names: Iterable[str], is_place: Callable[[str], bool]) -> str | None:
    """The brand of a firm the text names by ``names`` (its full name and short forms): the
    shortest short form that opens the full name's stem, else the stem without its generic tail;
    None when that leaves fewer than two characters or a place."""
    stems = sorted({brand_stem(n, is_place) for n in names}, key=len)
    full = stems[-1] if stems else ""
    short = [s for s in stems[:-1] if full.startswith(s) and len(s) >= 2]
    brand = short[0] if short else _FIRM_TAIL.sub("", full)
    if len(brand) < 2 or brand == full or names_a_place(brand, is_place):
        return None
    return brand


def opens_with_brand(name: str, brand: str, is_place: Callable[[str], bool]) -> bool:
    """Whether ``name`` opens with ``brand`` and goes on (a name that is the brand is the firm)."""
    stem = brand_stem(name, is_place)
    return stem.startswith(brand) and len(stem) > len(brand)


def is_group_or_holding(name: str) -> bool:
    """甲乙集团, 甲乙控股有限公司: a body that holds others.

    >>> is_group_or_holding("甲乙集团"), is_group_or_holding("甲乙铸锻有限公司")
    (True, False)
    """
    return bool(_GROUP.search(name))
