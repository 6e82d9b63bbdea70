"""The lexical rules (``extract_names``, ``extract_triggers``) applied to one article's extractor.

``loaders/extract.py`` calls these at fixed points of its own passes, one line each, so the
rules over the model's words stay in their modules and the extractor keeps its shape:

1. :func:`refine_suffix_names` right after the names found by their endings: each starts after
   the verbs and prepositions before it; a bracketed registered place joins the name; two
   bodies written together (X县人民政府Y大学) are two; a common noun (上市公司) is no name.
2. :func:`add_lexical_names` after the gazetteer places: organizations the model tags and
   the items of enumerations.
3. :func:`after_dedupe` after the extractor's own de-duplication: 甲乙 and 甲乙体育用品有限公司
   are one firm; a bare 高新区 refers back to the zone named before.
4. :func:`add_name_places` before the relations: a bracketed place is where its name lies.
5. :func:`add_lexical_relations` for each sentence: leaders and attraction (``extract_triggers``).

Example
-------
>>> from chainkg.loaders.extract import extract_text
>>> doc = extract_text("近年来，甲乙市引进丙丁物流、戊己包装等行业巨头。")
>>> sorted(e.name for e in doc.entities if e.type == "Company")
['丙丁物流', '戊己包装']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from chainkg.loaders.extract_names import (
    TokenIndex,
    bracketed_place_names,
    enumerations,
    firms_after_a_designation,
    invested_projects,
    is_short_form,
    joining_conjunction,
    name_start,
    organization_tokens,
    place_on_token_boundaries,
    projects_by_ending,
)
from chainkg.loaders.extract_triggers import (
    attraction_facts,
    home_place,
    investment_facts,
    landed_where_said_facts,
    leader_marks,
    main_zone,
    possessive_site_facts,
)
from chainkg.loaders.gazetteer import PlaceEntry, county_short_forms

#: The extractor these passes work on (``extract._Extractor``): its text, spans, gazetteers and
#: the few of its steps they reuse (``_add``, ``_named``, ``_strip_place_prefix``).
_Extractor = Any


@dataclass
class LexicalSpan:
    """A mention these passes add, with the fields the extractor reads from its own spans
    (``start``, ``end``, ``type``, ``name``, ``key`` — what identifies it — and ``extra``)."""

    start: int
    end: int
    type: str
    name: str
    key: str
    extra: dict = field(default_factory=dict)


__all__ = ["LexicalSpan", "rules_only", "lexical_rules_enabled", "holds_a_name_word", "holds_a_noun", "holds_only_nouns", "is_common_noun", "place_end", "on_word_boundaries", "part_of_a_longer_word", "refine_suffix_names", "add_lexical_names", "add_projects_by_ending", "after_dedupe", "paragraph_home", "merge_short_forms", "add_name_places",
           "add_lexical_relations"]

_ORGS = ("Company", "ResearchInstitute", "GovernmentBody", "Association")
_SUFFIX_NAMED = (*_ORGS, "IndustrialPark", "DevelopmentZone")
# A government that signs with a university or firm is written right before it: X县人民政府Y大学.
_GOVERNMENT_FIRST = re.compile(r"^(.{2,10}?人民政府)(.{2,}(?:大学|学院|研究院|集团|公司))$")


_ENABLED: ContextVar[bool] = ContextVar("lexical_rules", default=True)


@contextmanager
def rules_only() -> Iterator[None]:
    """Extract without the lexical model and the rules over its words (the extractor as it was
    before them): what ``benchmarks/extraction.py`` compares against.

    >>> from chainkg.loaders.extract import extract_text
    >>> with rules_only():
    ...     sorted(e.name for e in extract_text("推动县域经济和县域产业发展。").entities)
    ['和县']
    >>> sorted(e.name for e in extract_text("推动县域经济和县域产业发展。").entities)
    []
    """
    token = _ENABLED.set(False)
    try:
        yield
    finally:
        _ENABLED.reset(token)


def lexical_rules_enabled() -> bool:
    """Whether the rules over the model's words run (not inside :func:`rules_only`)."""
    return _ENABLED.get()


#: the model's tags of a word that can be (part of) a name: places, bodies, proper nouns
_NAME_WORD_TAGS = ("LOC", "ORG", "PER", "nz", "nw")


def holds_a_name_word(ex: _Extractor, start: int, end: int) -> bool:
    """Whether the model reads a word of a name (a place, a body, a proper noun) in
    ``[start, end)``: 甲乙县丙丁物流 does, 进行 / 全产业链 do not (never without the model).

    >>> from types import SimpleNamespace as S
    >>> holds_a_name_word(S(text="福州马祖合作园区"), 0, 6), holds_a_name_word(S(text="进行园区"), 0, 2)
    (True, False)
    """
    return _ENABLED.get() and any(t.tag in _NAME_WORD_TAGS for t in TokenIndex.of(ex.text).within(start, end))


#: the model's tags of a word that names a thing (a noun of any kind, a name); a verb (迈入, 依托),
#: an adjective (优质) or a count (有17家) names no industry
_NOUN_TAGS = ("n", "nz", "nw", "an", "ORG")


def holds_a_noun(ex: _Extractor, start: int, end: int) -> bool:
    """Whether the model reads a noun or a body's name in ``[start, end)`` (always, without the
    model): the words before 产业 / 产业链 name an industry only then (迈入|产业链中高端 and
    甲镇乃至乙市|产业 — places alone — name none).

    >>> from types import SimpleNamespace as S
    >>> text = "带动企业迈入产业链高端，发展陶瓷产业"
    >>> holds_a_noun(S(text=text), 4, 6), holds_a_noun(S(text=text), 14, 16)
    (False, True)
    """
    return not _ENABLED.get() or any(t.tag in _NOUN_TAGS for t in TokenIndex.of(ex.text).within(start, end))


def holds_only_nouns(ex: _Extractor, start: int, end: int) -> bool:
    """Whether the model reads every word of ``[start, end)`` as a noun, and the words end at
    ``end`` (锂电|新能源: yes; 千亿 / 是: no); never without the model.

    >>> from types import SimpleNamespace as S
    >>> holds_only_nouns(S(text="锂电新能源产业"), 2, 5), holds_only_nouns(S(text="锂电新能源千亿产业园"), 2, 7)
    (True, False)
    """
    if not _ENABLED.get():
        return False  # (the model's words are never read on the rules-only path: that runs the model)
    words = TokenIndex.of(ex.text).within(start, end)
    return bool(words) and words[0].start == start and words[-1].end == end and all(t.tag in ("n", "nz", "nw", "vn") for t in words)


def place_end(ex: _Extractor, start: int, end: int) -> int | None:
    """Where the gazetteer place matched at ``[start, end)`` ends on the model's word boundaries
    (``extract_names.place_on_token_boundaries``): the match itself, else the longest shorter
    name of the gazetteer at the same start that does (X县域 → X), else None (和县域 → none)."""
    if not _ENABLED.get():
        return end
    index = TokenIndex.of(ex.text)
    for stop in range(end, start + 1, -1):
        if ex.text[start:stop] in ex.places and place_on_token_boundaries(index, start, stop):
            return stop
    return None


def counties_read_by_the_model(ex: _Extractor) -> list[tuple[int, int, PlaceEntry]]:
    """A Fujian county by its short form (``gazetteer.county_short_forms``: 福安, 海沧) where the
    model reads a place: the whole word it tags ``LOC``, or the end of one after a place the
    gazetteer knows (厦门|海沧). Never without the model (many short forms are ordinary words).

    >>> from types import SimpleNamespace as S
    >>> from chainkg.loaders.gazetteer import place_gazetteer
    >>> [(a, b, e.name) for a, b, e in counties_read_by_the_model(S(text="项目已延伸至古田、福鼎等地。", places=place_gazetteer(), spans=[]))]
    [(6, 8, '古田县'), (9, 11, '福鼎市')]
    """
    if not _ENABLED.get():
        return []
    forms = county_short_forms()
    found = []
    for token in TokenIndex.of(ex.text).tokens:
        if token.tag != "LOC":
            continue
        for cut in (0, *(k for k in range(2, len(token.word) - 1) if token.word[:k] in ex.places)):
            start = token.start + cut
            if token.word[cut:] in forms and not any(s.start < token.end and start < s.end for s in ex.spans
                                                     if s.type == "AdministrativeArea" and s.end - s.start > 1):
                found.append((start, token.end, forms[token.word[cut:]]))
                break
    return found


def towns_by_their_stems(ex: _Extractor, stems: dict[str, PlaceEntry]) -> list[tuple[int, int, PlaceEntry]]:
    """Where a town the text names in full (甲乙镇, 甲乙乡) is written again by its stem (甲乙):
    where the model reads the stem as a whole place word (甲乙|智能制造园, 走进甲乙). ``stems`` maps
    each stem to its town. Never without the model (a stem alone is often a word).

    >>> from types import SimpleNamespace as S
    >>> from chainkg.loaders.extract_towns import Town, town_entry
    >>> entry = town_entry(Town(0, 3, "东石镇", None))
    >>> text = "东石镇依托区位优势。记者走进东石智能制造园，东石化工厂投产。"
    >>> [(a, b, e.name) for a, b, e in towns_by_their_stems(S(text=text), {"东石": entry})]
    [(14, 16, '东石镇')]
    """
    if not _ENABLED.get() or not stems:
        return []
    return [(token.start, token.end, stems[token.word]) for token in TokenIndex.of(ex.text).tokens
            if token.tag == "LOC" and token.word in stems]


def is_common_noun(ex: _Extractor, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is one word the model tags as a common noun (化合物, 新材料), not
    a name's word (never without the model).

    >>> from types import SimpleNamespace as S
    >>> text = "打造化合物半导体产业基地"
    >>> is_common_noun(S(text=text), 2, 5)
    True
    """
    if not _ENABLED.get():
        return False
    words = TokenIndex.of(ex.text).within(start, end)
    return len(words) == 1 and (words[0].start, words[0].end) == (start, end) and words[0].tag in ("n", "vn")


def on_word_boundaries(ex: _Extractor, start: int, end: int) -> bool:
    """Whether ``[start, end)`` starts and ends on the model's words (always, without the model):
    甲乙 is the short form of 甲乙县 in 甲乙引进…, not in 丙甲乙.

    >>> from types import SimpleNamespace as S
    >>> on_word_boundaries(S(text="张三在北京工作"), 3, 5), on_word_boundaries(S(text="张三在北京工作"), 4, 6)
    (True, False)
    """
    return not _ENABLED.get() or place_on_token_boundaries(TokenIndex.of(ex.text), start, end)


def part_of_a_longer_word(ex: _Extractor, start: int, end: int) -> bool:
    """Whether ``[start, end)`` starts or ends inside a word of the model that is no organization's
    name (never, without the model): 城区 in 老城区 and 和县 in 和县域 are parts of other words;
    台湾 opening the firm's word 台湾甲乙电子有限公司 is the firm's place.

    >>> from types import SimpleNamespace as S
    >>> part_of_a_longer_word(S(text="老城区改造加快推进"), 1, 3)
    True
    >>> part_of_a_longer_word(S(text="台湾甲乙电子有限公司落户"), 0, 2)
    False
    """
    if not _ENABLED.get():
        return False
    index = TokenIndex.of(ex.text)
    if start in index.starts and end in index.ends:
        return False
    return not any(w.tag == "ORG" for w in index.within(start, end))


def lists_kinds_of_work(text: str, start: int, end: int) -> bool:
    """Whether the list ``text[start:end]`` (items parted by 、) names kinds of work, not bodies or
    projects: no word the model reads as (part of) a name, and most items end in an activity
    (铸造、机械加工、建材生产: the model's ``vn``). Never, without the model.

    >>> lists_kinds_of_work("引进铸造、机械加工、建材生产等项目", 2, 14), lists_kinds_of_work("甲乙化纤、丙丁材料等项目", 0, 9)
    (True, False)
    """
    if not _ENABLED.get():
        return False
    index = TokenIndex.of(text)
    if any(t.tag in _NAME_WORD_TAGS for t in index.within(start, end)):
        return False
    items = [m for m in re.finditer(r"[^、]+", text[start:end])]
    activities = sum(index.token(start + m.end() - 1).tag == "vn" for m in items)
    return 2 * activities > len(items)


def straddles_words(ex: _Extractor, start: int, end: int) -> bool:
    """Whether ``[start, end)`` both starts and ends inside the model's words: a label read across
    two words (自动|化工|厂 in 自动化工厂) is no mention of it (never, without the model).

    >>> from types import SimpleNamespace as S
    >>> text = "工人在自动化工厂忙碌"
    >>> straddles_words(S(text=text), 5, 7), straddles_words(S(text=text), 0, 2)
    (True, False)
    """
    if not _ENABLED.get():
        return False
    index = TokenIndex.of(ex.text)
    return start not in index.starts and end not in index.ends


#: a count in a name's place (两个…产业基地): a description, not a name
_A_COUNT = "[一两二三四五六七八九十几]个"


def refine_suffix_names(ex: _Extractor, suffixes: str) -> None:
    """Names found by their endings (``suffixes``, one pattern) start after the last word that
    cannot be inside a name; bracketed-place names replace the tails they hold."""
    if not _ENABLED.get():
        return
    index = TokenIndex.of(ex.text)
    kept = []
    for span in ex.spans:
        if span.type in _SUFFIX_NAMED and (suffix := re.search(f"(?:{suffixes})$", span.name)):
            start = name_start(index, span.start, span.end, len(suffix.group()),
                               park=span.type in ("IndustrialPark", "DevelopmentZone"))
            span.start, span.name = start, ex.text[start:span.end]
            span.key = span.name
            if re.search(r"最|第一|首家|之一|" + _A_COUNT, span.name):
                continue  # 全球最大华人半导体行业协会, 两个鞋服产业基地: a description or a count, not a name
            kind_at = span.end - len(suffix.group())
            body = [(t.start, t.end, t.tag) for t in index.within(span.start, kind_at)]
            if len(body) == 1 and body[0][:2] == (span.start, kind_at) and body[0][2] in ("v", "vn"):
                continue  # 用于|工业园区, 一手抓|开发区: a verb, no name, before the ending
            if single := next((t for t in index.within(span.start, span.end)
                               if t.start == span.start and t.end == span.end), None):
                if single.tag in ("n", "vn"):  # 上市公司, 全资子公司: a common noun, no name
                    continue
            if glued := _GOVERNMENT_FIRST.match(span.name):
                first = glued.group(1)
                kept.append(LexicalSpan(span.start, span.start + len(first), "GovernmentBody", first, first))
                span.start += len(first)
                span.name = span.key = glued.group(2)
        kept.append(span)
    ex.spans = kept
    before = len(ex.spans)
    ex._named("产业基地", "park", "IndustrialPark")  # 甲乙半导体产业基地 takes tenants as a park does
    for span in ex.spans[before:]:  # (its start, like the others', after the last word no name holds: 地处|X产业基地)
        span.start = name_start(index, span.start, span.end, 4, park=True)
        span.name = span.key = ex.text[span.start:span.end]
    ex.spans = [s for s in ex.spans if not (s.name.endswith("产业基地") and _descriptive_base(ex, s.name))]
    for mention in bracketed_place_names(ex.text, ex.places):
        ex.spans = [s for s in ex.spans if not (mention.start <= s.start and s.end <= mention.end)]
        ex.spans.append(LexicalSpan(mention.start, mention.end, mention.type, mention.name, mention.name,
                              {"bracketed_place": mention.extra["place"]}))


def _descriptive_base(ex: _Extractor, name: str) -> bool:
    """千亿国家级石化产业基地, 半导体产业基地: a rank, size or bare industry before 产业基地 says
    what kind of base, not which one."""
    stem = ex._strip_place_prefix(name)[:-4]
    stem = re.sub(r"^(?:绿色|生态|新型|现代化?|高端|智能化)+", "", stem)  # 绿色石化产业基地: a kind of base
    return bool(re.search(r"一流|千亿|百亿|国家级|省级|重要|\d|" + _A_COUNT, stem)) or not stem or stem in ex.chains \
        or any(stem == c or stem.endswith(c) and len(stem) - len(c) <= 1 for c in ex.chains)


def _industries(ex: _Extractor) -> tuple[str, ...]:
    return tuple(sorted(ex.chains, key=len, reverse=True)) + ("纺织", "制瓷", "文旅", "锂电", "鞋业", "工业", "产业")


def add_lexical_names(ex: _Extractor) -> None:
    """Organizations the model tags and the items of enumerations, where the extractor's
    own rules found nothing."""
    if not _ENABLED.get():
        return
    index = TokenIndex.of(ex.text)
    taken = [(s.start, s.end) for s in ex.spans if s.type not in ("Observation",)]
    for mention in enumerations(ex.text, index, ex.places):
        inside = [s for s in ex.spans if s.start <= mention.start and mention.end <= s.end and s.type in (*_ORGS, "Project")]
        if inside:
            for span in inside:
                span.extra.setdefault("list", mention.extra)
            continue
        if any(s.start < mention.end and mention.start < s.end for s in ex.spans
               if s.type not in ("AdministrativeArea", "IndustrialChain", "Observation")):
            continue
        if mention.name in ex.places or mention.name in ex.chains:
            continue
        ex.spans.append(LexicalSpan(mention.start, mention.end, mention.type, mention.name, mention.name,
                              {"list": mention.extra}))
        taken.append((mention.start, mention.end))
    for mention in invested_projects(ex.text):
        if not any(s.start <= mention.start and mention.end <= s.end and s.type == "Project" for s in ex.spans):
            ex.spans.append(LexicalSpan(mention.start, mention.end, "Project", mention.name, mention.name, dict(mention.extra)))
    for mention in organization_tokens(ex.text, index, taken, ex.places, _industries(ex)):
        ex.spans.append(LexicalSpan(mention.start, mention.end, mention.type, mention.name, mention.name))
        taken.append((mention.start, mention.end))
    for mention in firms_after_a_designation(ex.text, index):
        if mention.name not in ex.places and mention.name not in ex.chains \
                and not any(a < mention.end and mention.start < b for a, b in taken):
            ex.spans.append(LexicalSpan(mention.start, mention.end, mention.type, mention.name, mention.name))
            taken.append((mention.start, mention.end))
    for token in index.tokens:
        stem = token.word.removesuffix("区").removesuffix("园")
        if token.tag == "LOC" and _PARK_WORD.fullmatch(token.word) and token.word not in ex.places \
                and ex.text.count(stem + "园") >= 2 \
                and not any(s.start < token.end and token.start < s.end for s in ex.spans if s.type not in ("IndustrialChain", "Observation")) \
                and not any(s.end == token.start for s in ex.spans if s.type == "DevelopmentZone"):  # (甲开发区|乙园区: the zone's park)
            ex.spans.append(LexicalSpan(token.start, token.end, "IndustrialPark", token.word, token.word))


# a word the model reads as a place that is a park by its ending, named twice or more (安东园 …
# 安东园区): 甲乙园, 甲乙园区 (no 公园, 花园, 家园 …)
# (nor one named by a scope or rank, 中国X园区, 国家级X园: a kind of park, a title)
_PARK_WORD = re.compile(r"(?!中国|全国|国家|全省|省级|国际)[\u4e00-\u9fff]{2,6}(?<![公花家校果茶乐庄菜陵墓游植物动])园区?")


def add_projects_by_ending(ex: _Extractor) -> None:
    """Projects named by their ending alone (``extract_names.projects_by_ending``), where no other
    rule found a name in their place: the extractor's own project rules read the text first."""
    if not _ENABLED.get():
        return
    for mention in projects_by_ending(ex.text, TokenIndex.of(ex.text)):
        overlapping = [s for s in ex.spans if s.start < mention.end and mention.start < s.end
                       and s.type not in ("AdministrativeArea", "IndustrialChain", "Observation")]
        if mention.name in ex.places:
            continue
        if overlapping:
            # 甲乙公司|A及B生产项目: a name whose 及 joins its parts replaces the project found after the
            # 及 (B生产项目); the firm that opens it keeps its own name, as it does before a capacity
            # (甲乙纸业|年产390万吨X项目: the project is named after the firm)
            parts = [s for s in overlapping if s.type == "Project" and s.end == mention.end and s.start > mention.start]
            opening_firm = [s for s in overlapping if s.start == mention.start and s.end < mention.end and s.type in _ORGS]
            if not (joining_conjunction(mention.name) is not None and all(s in parts or s in opening_firm for s in overlapping)
                    or overlapping == opening_firm and _CAPACITY_AFTER.match(ex.text, opening_firm[0].end)):
                continue
            ex.spans = [s for s in ex.spans if not any(s is part for part in parts)]
        ex.spans.append(LexicalSpan(mention.start, mention.end, "Project", mention.name, mention.name))


# a capacity right after a firm's name, in the name of the firm's project: (二期)(年产)390万吨
_CAPACITY_AFTER = re.compile(r"(?:[一二三四五六七八九十\d]期)?(?:年产(?:能)?|年处理|年加工|新增)?[\d.]+(?:万|亿|千)?(?:吨|台|套|件|平方米|片|辆|GWh|MW)")
# the generic word a zone or park's name ends in, which alone refers back to it: 高新区, 开发区
_BACK_REFERENCE = re.compile(r"(?<![\u3400-\u9fffA-Za-z0-9])(高新区|开发区|经开区|台商区|产业基地|产业园|基地)(?=[\u3400-\u9fff])")


def after_dedupe(ex: _Extractor) -> None:
    """Passes over the final names: short forms join their full names; a bare 高新区 / 开发区 /
    产业基地 after a clause break refers back to the last zone or park named with that ending;
    the bracketed place of a name is a place mention of its own."""
    if not _ENABLED.get():
        return
    for span in ex.spans:
        if span.type in _ORGS and span.name.endswith("等") and len(span.name) >= 3:  # 甲乙矿业等4家企业
            span.end -= 1
            span.name = span.key = span.name[:-1]
    merge_short_forms(ex)
    for match in _BACK_REFERENCE.finditer(ex.text):
        if any(s.start <= match.start() < s.end for s in ex.spans if s.type != "Observation"):
            continue
        earlier = [s for s in ex.spans if s.end <= match.start() and s.type in ("DevelopmentZone", "IndustrialPark")
                   and s.name.endswith(match.group())]
        if earlier:
            last = earlier[-1]
            ex.spans.append(LexicalSpan(match.start(), match.end(), last.type, last.name, last.key, {"refers_back": True}))
    for span in [s for s in ex.spans if "bracketed_place" in s.extra]:
        place = span.extra["bracketed_place"]
        at = ex.text.find(place, span.start, span.end)
        entry = next((ex.places[f] for f in (place, place + "县", place + "市", place + "区") if f in ex.places), None)
        if at >= 0 and entry is not None and not any(s.start == at and s.type == "AdministrativeArea" for s in ex.spans):
            ex.spans.append(LexicalSpan(at, at + len(place), entry.type, entry.name, entry.id, {"place": entry}))
    ex.spans.sort(key=lambda s: (s.start, -(s.end - s.start)))


_DEFINED_SHORT_FORM = re.compile(r"[(（]以下简称[“\"‘]?([^()（）“”\"‘’]{2,12})[”\"’]?[)）]")
_DEFINABLE = ("Company", "ResearchInstitute", "Project", "IndustrialPark")


_ZONE_KIND = re.compile(r"(?:经济技术|经济|高新技术产业)开发区$")


def _short_zone_names(name: str) -> set[str]:
    """The short names a zone's full name is written in: without the kind of its development
    (甲乙开发区), and the usual abbreviations 高新区 and 经开区.

    >>> sorted(_short_zone_names("甲乙高新技术产业开发区")), sorted(_short_zone_names("甲乙经济技术开发区"))
    (['甲乙开发区', '甲乙高新区'], ['甲乙开发区', '甲乙经开区'])
    """
    short = {_ZONE_KIND.sub("开发区", name)}
    short |= {name.removesuffix(full) + abbreviation for full, abbreviation in _ZONE_ABBREVIATIONS if name.endswith(full)}
    return short - {name}


_ZONE_ABBREVIATIONS = (("高新技术产业开发区", "高新区"), ("经济技术开发区", "经开区"))


_SHORT_LEGAL_FORM = re.compile(r"(?<!有限|集团)公司$")


def merge_short_forms(ex: _Extractor) -> None:
    """A firm's short form (甲乙, 甲乙公司) and its full name (甲乙体育用品有限公司, 永春甲乙股份有限公司)
    in the same article are one entity: the short mention takes the full name's key."""
    firms = [s for s in ex.spans if s.type == "Company"]
    for short in firms:
        brand = ex._strip_place_prefix(short.name)
        place = short.name[:len(short.name) - len(brand)]  # 甲市乙丙 for 甲市乙丙科技有限公司: the same place opens both
        # 甲乙公司 for 甲乙卫浴有限公司: the brand and 公司 (a name in its legal form is a name in full)
        bare = short.name.removesuffix("公司") if _SHORT_LEGAL_FORM.search(short.name) else short.name
        for full in firms:
            if full is not short and (is_short_form(short.name, ex._strip_place_prefix(full.name))
                                      or bare != short.name and len(bare) >= 2 and len(full.name) > len(short.name)
                                      and is_short_form(bare, ex._strip_place_prefix(full.name))
                                      or place and full.name.startswith(place) and len(brand) >= 2
                                      and is_short_form(brand, ex._strip_place_prefix(full.name))):
                short.key = full.key
                break
    # 甲乙开发区 for 甲乙经济开发区, 甲乙高新区 for 甲乙高新技术产业开发区: a zone's short name is the same
    # zone, when the article names it in full too
    zones = sorted((s for s in ex.spans if s.type == "DevelopmentZone"), key=lambda s: len(s.name), reverse=True)
    for short in zones:
        full = next((z for z in zones if len(z.name) > len(short.name) and short.name in _short_zone_names(z.name)), None)
        if full is not None:
            short.key = full.key
    # X(以下简称“Y”): the text defines the short form itself, for a project or park as for a firm
    for match in _DEFINED_SHORT_FORM.finditer(ex.text):
        full = max((f for f in ex.spans if f.end == match.start() and f.type in _DEFINABLE), key=lambda f: f.end - f.start, default=None)
        if full is None:
            continue
        for short in ex.spans:
            if short.name == match.group(1) and short.type == full.type and short is not full:
                short.key = full.key


def add_name_places(ex: _Extractor) -> None:
    """A name's bracketed place is where it lies (甲乙(泉州)科技有限公司 → 泉州市; a province in
    brackets is where the firm registered, not where it lies), before the
    extractor reads the place that opens a name (甲乙 is none, 福建(尤溪)X项目 lies in 尤溪县)."""
    if not _ENABLED.get():
        return
    for span in [s for s in ex.spans if "bracketed_place" in s.extra]:
        place = next((p for p in ex.spans if p.type == "AdministrativeArea" and span.start < p.start and p.end < span.end), None)
        if place is not None and place.extra["place"].admin_level != "province":  # 甲乙(福建)X公司: registered there
            sentence = _sentence_holding(ex._sentence_list, span) or (span.start, span.end)
            ex._add(span, "locatedIn", place, 0.9, sentence, rule="bracketed_place")


def _sentence_holding(sentences: list[tuple[int, int]], span) -> tuple[int, int] | None:
    """The first sentence (in text order, not overlapping) that holds ``span``, or None."""
    position = bisect_right(sentences, (span.start, float("inf"))) - 1
    if position >= 0 and sentences[position][0] <= span.start and span.end <= sentences[position][1]:
        return sentences[position]
    return None


def _home_place(ex: _Extractor):
    """Where an article's own 我市引进… / 引进X (no place in the sentence) brings things: the zone
    it is about (``extract_triggers.main_zone``), else its prefecture (``home_place``), counted
    again only when the spans changed."""
    stamp = (id(ex.spans), len(ex.spans))
    cached = getattr(ex, "_home_cache", None)
    if cached is None or cached[0] != stamp:
        cached = (stamp, main_zone(ex.spans) or home_place(ex.spans))
        ex._home_cache = cached
    return cached[1]


def paragraph_home(ex: _Extractor, sentence: tuple[int, int]):
    """Where a sentence that names no place of its own happens: the county, town, zone or park
    that opens its paragraph, else the article's home (its main zone, else its prefecture)."""
    return _paragraph_subject(ex, sentence) or _home_place(ex)


def _paragraph_subject(ex: _Extractor, sentence: tuple[int, int]):
    """The county, town, zone or park that opens the sentence's paragraph (甲区把X作为首位产业…。
    目前，已吸引A、B等…落户。), when it lies in the article's region and is no neighbour; None
    for a paragraph that opens otherwise or with a prefecture (the article's home says that)."""
    p0, _ = ex._paragraph_of(sentence)
    first = ex._sentence_list[bisect_left(ex._sentence_list, (p0,))]
    if first == sentence:
        return None
    subject = ex._sentence_subject(first, ex.index.within(ex.spans, *first))
    if subject is None or subject.type not in ("AdministrativeArea", "DevelopmentZone", "IndustrialPark") \
            or not ex._in_region(subject):
        return None
    level = getattr(subject.extra.get("place"), "admin_level", None)
    return subject if level not in ("prefecture", "province", "country") else None


def add_lexical_relations(ex: _Extractor, sentence: tuple[int, int], named: list) -> None:
    """Leaders and attraction in one sentence (see ``extract_triggers``)."""
    if not _ENABLED.get():
        return
    for span in leader_marks(ex.text, sentence, named):
        span.extra["listed_as_leader"] = True
    position = bisect_left(ex._sentence_list, sentence)  # the list is in text order
    previous = ex._sentence_list[position - 1] if position else None
    # the rules read the spans of this sentence and the one before; the article's home place
    # (from all of its spans) is counted once, not once per sentence
    near = ex.index.overlapping(ex.spans, previous[0] if previous else sentence[0], sentence[1] + 1)
    # (a sentence that names no place: the paragraph's subject, else the article's home)
    facts = attraction_facts(ex.text, sentence, near, named, previous,
                             home=lambda: _paragraph_subject(ex, sentence) or _home_place(ex)) \
        + investment_facts(ex.text, sentence, named) + possessive_site_facts(ex.text, sentence, near, named) \
        + landed_where_said_facts(ex.text, sentence, near, named)
    for subject, predicate, object_, confidence, rule, *mood in facts:
        ex._add(subject, predicate, object_, confidence, sentence, *[("modality", m) for m in mood], rule=rule)
