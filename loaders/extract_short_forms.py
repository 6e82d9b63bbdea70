"""Short forms named again in later sentences: the same firm, not a new word.

News gives a firm's full name once and then writes a short form of it. The extractor finds a
name by its ending (…有限公司) or by the model's tags; a short form standing alone later in
the text has neither, and its first characters may even read as a place (甲乙 of 甲乙时代 is
a prefecture's short name). Two kinds of short form are read from the language:

- **declared** (:func:`declared_short_forms`): the text says it, ``X(以下简称“Y”)`` or
  ``X(简称“Y”)``;
- **implied by a bracketed region** (:func:`bracket_free_short_form`): a firm registered as
  ``甲乙(福建)铸锻有限公司`` is later ``甲乙铸锻``: its name without the region and the legal form.

A firm's name written again where no rule read it (说起…就不得不提甲乙) is a mention too
(:func:`add_repeated_name_mentions`), when it stands on the model's word boundaries.

Every later occurrence of a short form (:func:`later_occurrences`) is a mention of the full
name's entity; a place read inside that occurrence is part of the name, not a place mention.

Example
-------
>>> text = "甲乙时代科技股份有限公司(以下简称“甲乙时代”)落户。丙丁客车生产的客车搭载甲乙时代的电池。"
>>> declared_short_forms(text)
[(12, 24, '甲乙时代')]
>>> later_occurrences(text, "甲乙时代", 24)
[(38, 42)]
>>> bracket_free_short_form("甲乙(福建)铸锻有限公司")
'甲乙铸锻'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = ["declared_short_forms", "bracket_free_short_form", "later_occurrences", "add_short_form_mentions",
           "add_repeated_name_mentions"]

_DECLARED = re.compile(r"[(（](?:以下)?简称[:：]?[“\"‘「]?([^()（）“”\"‘’「」，,。]{2,12}?)[”\"’」]?[)）]")
# a region in brackets between a firm's brand and its trade words: 甲乙(福建)铸锻有限公司
_BRACKETED_REGION = re.compile(r"(?P<brand>[^()（）]{2,6})[(（][^()（）]{2,4}[)）](?P<trade>[^()（）]{2,8}?)"
                               r"(?:股份有限公司|有限责任公司|有限公司)")
_CJK_OR_LATIN = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")
_CLAUSE_END = re.compile(r"[，。；！？,;!?]")
# (a park's or project's short form — 甲乙园区 for 甲乙高新技术产业园区 — stays as the rules read it:
# its place word, 甲乙, then says where a clause's facts are, and the time views are built on that)
_FIRM_TYPES = ("Company", "ResearchInstitute")


def declared_short_forms(text: str) -> list[tuple[int, int, str]]:
    """(where the declaration opens, where it ends, short form) for each ``(以下简称“Y”)`` /
    ``(简称Y)``: the full name ends where the declaration opens.

    >>> declared_short_forms("丙丁集团有限公司(简称丙丁)。")
    [(8, 14, '丙丁')]
    """
    return [(m.start(), m.end(), m.group(1)) for m in _DECLARED.finditer(text)]


def bracket_free_short_form(name: str) -> str | None:
    """A firm's name without its bracketed region and legal form (甲乙(福建)铸锻有限公司 →
    甲乙铸锻), the form news uses after giving the full name; None when the name has no
    bracketed region or what is left is under four characters (too short to be one firm's).

    >>> bracket_free_short_form("甲乙科技有限公司") is None, bracket_free_short_form("甲(福建)乙有限公司") is None
    (True, True)
    """
    match = _BRACKETED_REGION.fullmatch(name)
    if match is None:
        return None
    short = match.group("brand") + match.group("trade")
    return short if len(short) >= 4 else None


def later_occurrences(text: str, short: str, after: int) -> list[tuple[int, int]]:
    """Where ``short`` stands in ``text`` from ``after`` on, as a word of its own: not glued to a
    longer name that starts before it (a letter or digit right before it continues that name).

    >>> later_occurrences("甲乙铸锻投产，A甲乙铸锻不是。", "甲乙铸锻", 0)
    [(0, 4)]
    """
    found = []
    at = text.find(short, after)
    while at >= 0:
        if not (at > 0 and re.match(r"[A-Za-z0-9]", text[at - 1])):
            found.append((at, at + len(short)))
        at = text.find(short, at + len(short))
    return found


def add_short_form_mentions(ex: Any) -> None:
    """Add a mention of the full name's entity at each later occurrence of its short form, in
    place of the places read inside it (extractor passes: after the names are de-duplicated)."""
    forms: list[tuple[Any, str, int]] = []
    for opening, closing, short in declared_short_forms(ex.text):
        full = max((s for s in ex.spans if s.end == opening and s.type in _FIRM_TYPES), key=lambda s: s.end - s.start, default=None)
        if full is not None and _CJK_OR_LATIN.search(short):
            forms.append((full, short, closing))
    for span in ex.spans:
        if span.type == "Company" and (implied := bracket_free_short_form(span.name)) is not None:
            forms.append((span, implied, span.end))
    added = []
    for full, short, after in forms:
        for start, end in later_occurrences(ex.text, short, after):
            overlapping = [s for s in ex.spans if s.start < end and start < s.end and s.type != "Observation"]
            if any(s.type != "AdministrativeArea" for s in overlapping) or any(s.start < start or s.end > end for s in overlapping):
                continue  # a name the rules read already (or one reaching past the short form) is theirs
            ex.spans = [s for s in ex.spans if s not in overlapping]
            added.append(type(full)(start, end, full.type, short, full.key, {"short_form_of": full.name}))
    if added:
        ex.spans.extend(added)
        ex.spans.sort(key=lambda s: (s.start, -(s.end - s.start)))


def add_repeated_name_mentions(ex: Any, on_word_boundaries: Callable[[int, int], bool]) -> None:
    """Add a mention of a firm at each occurrence of its name that no rule read (no span
    overlaps it) and that starts and ends on words (``on_word_boundaries``): the firm named again
    in a sentence whose frame the name rules do not know, or ending a clause there. Names that are places or chain words
    are left alone."""
    firms = {s.name: s for s in ex.spans if s.type == "Company" and not s.extra.get("brand_of")}
    added = []
    for name, firm in firms.items():
        if len(name) < 2 or ex._is_known_word(name):
            continue
        for start, end in later_occurrences(ex.text, name, 0):
            # (a name that ends a clause needs no word boundary before it: the model glues a
            # one-character verb to it, 提|甲乙 read as 提甲|乙)
            if any(s.start < end and start < s.end for s in ex.index.overlapping(ex.spans, start, end)) \
                    or not (on_word_boundaries(start, end) or _CLAUSE_END.match(ex.text, end)):
                continue
            added.append(type(firm)(start, end, firm.type, name, firm.key, {"repeated": True}))
    if added:
        ex.spans.extend(added)
        ex.spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
