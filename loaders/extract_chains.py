"""Chains as an article names them, and the firms, projects and places it says are in them.

The ontology's labels (``chain_gazetteer``) know the chains the templates list. News names
many more, and names the listed ones in its own words; the rules here read both:

- **Mentions** (:func:`chain_mentions`): the words before a head — ``X产业链``, ``X产业集群``,
  ``X产业``, ``X行业``, ``X领域`` (``打造X产业链`` included) — and each item of a list before one
  (``A、B和C等优势产业``, ``以A、B等为主的战略性新兴产业``; the list's own category after 等, as
  in ``A、B等新材料产业``, is a mention too). Generic words (发展, 打造, 重点, 新兴, 传统, 主导,
  特色, 优势, 千亿, 三大 …) and a leading place (the possessor) are stripped; what is left must
  look like the name of an industry (2–8 characters, no verb, not a kind of firm or project).
- **Resolution** (:func:`resolve_chain`): words that are a template's label (its prefLabel or
  an altLabel of ``ontology/chains.ttl``, GB/T 4754 class names among them: 纺织, 造纸), or
  that end in one (纸包装制品 → 纸业包装, 精细化工 → 石化, 光芯片 → 半导体), are that template
  chain; failing that, words that hold a label anywhere (纸包装制品). Otherwise the mention is a
  chain of its own, ``chain/x<hash of its words>``, named by the text (物流, 工程机械).
- **Hosts** (:func:`possessor_of`, :func:`label_possessor`): the place, zone or park written
  right before the mention or its list (``龙岩机械产业``, ``厦门的集成电路产业``, ``莆田千亿鞋服
  产业集群``), or before a chain's label that opens a statement (``洛江区智能装备已建成…``), grows it.
- **Members** (:func:`chain_members`): a firm or project named in the clause of a chain
  mention operates in it; in the sentence, or in a paragraph that names one chain only, at
  lower confidence.

Nothing here names a firm, a park or a sentence of any article: the rules read the words
that news uses for industries.

Example
-------
>>> [(m.words, m.name) for m in chain_mentions("着力打造水产品精深加工、纸包装制品等3条重点产业链")]
[('水产品精深加工', '水产品精深加工'), ('纸包装制品', '纸业包装')]
>>> resolve_chain("集成电路").chain_id, resolve_chain("物流").template
('chain/semiconductor', False)
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Container, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol, TypeVar

from chainkg.loaders.extract_names import level_of_a_pronoun
from chainkg.loaders.gazetteer import chain_gazetteer
from chainkg.loaders.lexical import Token, lexical_tokens

__all__ = ["ChainName", "ChainMention", "SpanLike", "chain_labels", "resolve_chain",
           "strip_generic_words", "chain_mentions", "possessor_of", "label_possessor", "chain_members",
           "MEMBER_CONFIDENCE", "narrows", "names_a_wider_trade", "split_compound", "IndustryFrame", "industry_frames",
           "made_in_named_chains", "DISPLAY_INDUSTRY"]

#: How sure a member fact is, by how near the firm is to the chain's words.
MEMBER_CONFIDENCE = {"clause": 0.7, "sentence": 0.6, "paragraph": 0.5}

_CJK = r"\u3400-\u9fff"
# the head word, unless it begins a longer word: 产业园 / 产业基金 / 行业协会 are names or bodies,
# 产业化 a process, 产业项目 / 产业链配套项目 a kind of project, 产业生产基地 a plant
_HEAD = re.compile(r"(?>产业链|产业集群|产业|行业|领域|工业(?=体系|格局)|(?<=[\u3400-\u9fff]{2})业(?=方面))(?!园|基金|协会|商会|联盟|工人|项目|化|政策|扶持|资金|基地|工业|平台|合作|创新|融合"
                   r"|延伸|领先|第|前列|排名|内|壁垒|对接|配套|生产基地|专家|运营)")
# what ends the words of a mention on its left (the list may hold 、 和 与 及)
_LEFT_DELIMITERS = set("，。；：！？“”‘’「」『』（）()[]【】《》\n ,;:!?|·…") | set(map(chr, range(0x2500, 0x2580)))
# how far left of its head a list of industries may begin
_REACH = 60
_LIST_SEPARATOR = re.compile(r"以及|、|和|与|及|[+＋]")
#: Words that qualify an industry without naming one; stripped from either end of a mention.
_GENERIC = sorted((
    "发展", "打造", "重点", "新兴", "传统", "主导", "特色", "优势", "等", "战略性", "战略", "支柱", "先导", "未来",
    "千亿级", "百亿级", "万亿级", "千亿", "百亿", "万亿", "百强", "县域", "全", "整个", "各类", "相关", "配套",
    "上下游", "中下游", "上游", "中游", "下游", "核心", "首位", "富民", "民生", "有根", "本地", "当地", "我国", "中国",
    "全国", "全球", "国内外", "海内外", "国内", "省内", "市内", "区内", "县内", "境内", "国际", "世界", "全省", "全市", "全区", "全县", "我市", "该市", "本市", "两地", "各地",
    "区域", "为主的", "为主", "多元", "的", "之一", "业内", "细分", "更多", "多家", "最大", "最强", "最具", "两岸", "一批", "主要", "新一代", "高质量", "规上", "规模以上", "先进",
    "现代", "高端", "高新", "高新技术", "基础", "其他", "其它", "多个", "众多", "一些", "诸多",
    "台资", "外资", "港资", "侨资", "内资", "民营", "国有",  # who owns the firms, not what they make
    "绿色", "低碳", "生态", "代表", "世界级", "国家级", "省级", "市级", "国家",  # (how or how high, not what)
    "标杆", "示范", "样板",  # (what it is held up as)
    "省内外", "市内外", "海峡两岸", "前沿", "小微", "中小", "大型", "中型", "小型",  # (where from, how big)
), key=len, reverse=True)
# 以…为主(的) / 为重点 / 为核心 right before generic words and the head: the list inside is the industries
_LIST_FRAMED = re.compile(r"以([^以，。；]{2,}?)为(?:主|主导|重点|核心|支撑)的?$")
# counts that qualify a list: 三大, 6条, 两个, 两家
_COUNT = re.compile(r"[一二两三四五六七八九十百\d]+(?:大|条|个|类|项|种|家|批|栋)")
_GENERIC_WORD = "|".join([*map(re.escape, _GENERIC), _COUNT.pattern])
_GENERIC_AT_START = re.compile(f"^(?:{_GENERIC_WORD})+")
_GENERIC_AT_END = re.compile(f"(?:{_GENERIC_WORD})+$")
#: Verbs and function words after which the words of an industry begin (打造|X产业链).
_STOP_WORDS = sorted((
    "打造", "发展", "形成", "壮大", "培育", "聚焦", "推动", "推进", "围绕", "涉及", "布局", "覆盖", "构建", "建设", "建成",
    "成为", "包括", "涵盖", "聚力", "锚定", "深耕", "专注", "从事", "拓展", "集聚", "瞄准", "支持", "鼓励", "做强",
    "做大", "做优", "延伸", "完善", "健全", "提升", "加快", "促进", "带动", "引领", "振兴", "升级", "转型", "关注",
    "引进", "招引", "导入", "吸引", "投向", "属于", "位居", "共有", "拥有", "提出", "实施", "推出", "出台",
    "激发", "注入", "助力", "赋能", "融入", "融合", "对接", "承接", "托举", "补齐", "强化", "优化", "做精", "丰富",
    "发布", "入选", "举办", "举行", "召开", "参加", "获评", "列入", "纳入", "实现", "突破", "达到", "保持", "持续",
    "不断", "加速", "大力", "积极", "全力", "着力", "努力", "正式", "同时", "进一步", "降低", "提高", "增强", "继",
    "有一些", "有些", "有着", "吹响", "作为", "通过", "整合", "显示", "表示", "认为", "介绍", "驱动",
    "做足", "做实", "做深", "做好", "标志着", "标志", "探索", "撬动", "植入",
    "的", "是", "为", "在", "了", "将", "把", "对", "以", "向", "由", "从", "到", "让", "被", "使", "于", "着", "给", "与其",
), key=len, reverse=True)
# 显示 after the kind of screen is the display industry (新型显示, 平板显示), not the verb (数据显示)
_DISPLAY_KINDS = ("新型", "平板", "柔性", "液晶", "激光", "触控", "曲面", "高清", "智能", "车载")
#: 新型显示, 平板显示 …: an industry whose last word the model reads as a verb
DISPLAY_INDUSTRY = re.compile(f"(?:{'|'.join(_DISPLAY_KINDS)})显示$")
_STOP_WORD = re.compile("".join(f"(?<!{kind})" for kind in _DISPLAY_KINDS) + "显示|"
                        + "|".join(map(re.escape, (w for w in _STOP_WORDS if w != "显示"))))
# words of a mention that say it is no industry: a verb left inside, a kind of body or place
# (经济 too — 县域经济, 民营经济 — but for the economies news counts as industries: 数字经济, 循环经济 …)
_NOT_AN_INDUSTRY = re.compile(
    r"企业|公司|集团|项目|园区|基地|中心|平台|环节|市场|机构|部门|协会|政府|人才|资金|工作|活动|问题|方面|水平|规模|体系|生态"
    r"|产业|行业|领域|产值|结构|链条|地区|区位|(?<!数字|循环|海洋|低空|银发|平台|林下|临港|会展|夜间)经济|城市|乡村|建设|发展|转型|升级|推进|招商|合作|投资|服务业态|新业态|业态|方向|目标|生命周期|年|月|日"
    r"|[这那该此其每各本我你他它们]|第|之|所|及其|以上|以下|^[A-Za-z\d]+$|^(?:服务|工业|农业)$"  # (工业, 农业, 服务业: whole sectors)
    r"|(?<!终)端$|装置$"  # (资源供应端, 产品制造端: a side of a chain; 裂解装置: a plant's unit)
    # events, people, buildings, brands, traders and places (摄影大赛, 企业高管, 生产厂房, 基础设施, 供应商,
    # 开发区, 区域内 / 省内外)
    r"|大赛|比赛|展览|博览|论坛|研讨会|峰会|高管|专家|人士|人员|厂房|车间|设施$|品牌$|(?<!电)商$|区$|[内外]$")
#: Industries one character names (茶产业, 铜产业, 钨产业): metals, materials and goods; any other
#: single character before a head word is a word of the sentence (该产业, 新产业, 大产业).
_ONE_CHARACTER_INDUSTRIES = frozenset("钢铁铝铜锌镍钛锂钴钨钼锡镁硅氟竹茶酒纸糖盐")


@dataclass(frozen=True)
class ChainName:
    """What words of the text resolve to: a template chain, or a chain named by the text."""

    chain_id: str
    name: str
    template: bool


@dataclass(frozen=True)
class ChainMention:
    """One chain named in the (normalized) text: its words ``text[start:end]`` (generic words
    and a possessing place stripped), what they resolve to, and where the mention's list
    begins (``list_start``: the possessor ends there), its head word and where that ends."""

    start: int
    end: int
    words: str
    chain_id: str
    name: str
    template: bool
    list_start: int
    head_end: int
    head: str = "产业"


class SpanLike(Protocol):
    """What the rules read of an entity mention of the extractor."""

    start: int
    end: int
    type: str
    name: str
    key: str


@lru_cache(maxsize=1)
def chain_labels() -> dict[str, tuple[str, str]]:
    """Every word that names a template chain → (chain id, chain name): its prefLabel and
    altLabels (GB/T 4754 class names among them), two characters or more (``LED``, ``IC`` too)."""
    return {name: (entry.chain, entry.name) for name, entry in chain_gazetteer().items()}


S = TypeVar("S", bound=SpanLike)
C = TypeVar("C", bound=SpanLike)


def _new_chain_id(name: str) -> str:
    return f"chain/x{hashlib.sha1(name.encode('utf-8')).hexdigest()[:12]}"


def resolve_chain(words: str) -> ChainName:
    """The chain the words name: a template chain when they are one of its labels,
    or end in one (the head of a Chinese compound comes last), or else hold one; otherwise a
    chain of their own.

    >>> resolve_chain("纸包装制品").name, resolve_chain("精细化工").name, resolve_chain("纺织新材料").name
    ('纸业包装', '石化', '新材料')
    >>> resolve_chain("氟新材料").template, resolve_chain("光芯片").name
    (False, '光芯片')
    >>> chain = resolve_chain("工程机械")
    >>> chain.template, chain.name, chain.chain_id.startswith("chain/x")
    (False, '工程机械', True)
    """
    labels = chain_labels()
    words = _KIND_OF.get(words, words)
    if words.startswith("新型") and "新" + words[2:] in labels:
        words = "新" + words[2:]  # 新型材料 is 新材料: 新型 is 新's long form before a noun
    if words in labels:
        chain_id, name = labels[words]
        return ChainName(chain_id, name, True)
    found = [(words.rfind(label) + len(label), len(label), label) for label in labels if label in words]
    if found:
        ending = [f for f in found if f[0] == len(words)]
        if ending and narrows(words[:len(words) - max(ending)[1]], labels):
            return ChainName(_new_chain_id(words), words, False)  # 氟新材料, 光芯片: a narrower industry
        chain_id, name = labels[max(ending or found)[2]]
        return ChainName(chain_id, name, True)
    return ChainName(_new_chain_id(words), words, False)


#: Products whose industry is a template chain's, the words news uses for the whole trade
#: (小吃 are foods: 沙县小吃产业 is the food industry of 沙县; 鞋类 are shoes, the trade of 鞋业).
_KIND_OF = {"小吃": "食品", "特色小吃": "食品", "休闲零食": "食品", "零食": "食品", "鞋类": "鞋业", "鞋": "鞋业"}

#: Broad fields news joins to a narrower industry or to each other in one compound:
#: 新能源新材料 names two fields, 锂电新能源 the 锂电 industry of the 新能源 field.
_FIELDS = ("新能源", "新材料")


def split_compound(words: str) -> list[tuple[int, str]]:
    """The industries a compound of fields names, each with its offset in ``words``: two broad
    fields side by side are two (新能源新材料), a narrower industry before the field 新能源 is
    that industry (锂电新能源 → 锂电, 光伏新能源 → 光伏) unless it is a material (稀土新能源);
    other words are one industry.

    >>> split_compound("新能源新材料"), split_compound("锂电新能源"), split_compound("稀土新能源")
    ([(0, '新能源'), (3, '新材料')], [(0, '锂电')], [(0, '稀土新能源')])
    """
    for first in _FIELDS:
        rest = words[len(first):]
        if words.startswith(first) and rest in _FIELDS:
            return [(0, first), (len(first), rest)]
    narrower = words[:-3]
    if words.endswith("新能源") and len(narrower) >= 2 and strip_generic_words(narrower) == narrower \
            and not _MATERIAL_END.search(narrower):
        return [(0, narrower)]  # (稀土新能源: a material's energy uses, one industry of its own)
    return [(0, words)]


# the last character of a material's name: 不锈钢, 铝合金, 石墨, 化纤, 稀土, 玻璃, 塑料, 橡胶 …
_MATERIAL_END = re.compile(r"(?:[金钢铁铝铜锌镍钛锂钠钴硅碳氟氢磷硫钨钼锡镁墨烯纤土瓷胶璃料竹木石]|稀土)$")


def narrows(modifier: str, labels: Container[str] = frozenset()) -> bool:
    """Whether the words before a chain's label name a narrower industry of their own: one
    character the model reads as a noun, an element or a medium (氟|新材料, 光|芯片), or a noun
    that names a material (不锈钢|新材料, 石墨|新材料) — not an adjective (精细|化工), a verb
    (纺织|新材料), a count (第三代), a kind of use or owner (运动|鞋服, 国家|石化), nor another
    chain's label.

    >>> narrows("氟"), narrows("光"), narrows("不锈钢"), narrows("精细"), narrows("运动"), narrows("第三代")
    (True, True, True, False, False, False)
    """
    if not modifier or modifier in labels or not re.fullmatch(f"[{_CJK}]+", modifier) \
            or (len(modifier) > 1 and not _MATERIAL_END.search(modifier)):
        return False
    return all(token.tag in ("n", "nz") for token in lexical_tokens(modifier))


# GB/T 4754 divisions the templates take as altLabels of a narrower chain (化学原料和化学制品制造业
# for 石化, 纺织业 for 鞋服): in a firm's own name such a word says its trade, not which chain
_WIDER_TRADES = frozenset({"化工", "化学原料", "化学制品", "纺织"})


def names_a_wider_trade(words: str) -> bool:
    """Whether the chain words inside a firm's or project's name are a whole industry division
    that a template chain only narrows (X化工 makes chemicals of any kind, X纺织 any textile),
    so the name does not say the firm is in that chain.

    >>> names_a_wider_trade("化工"), names_a_wider_trade("纺织"), names_a_wider_trade("石化"), names_a_wider_trade("食品")
    (True, True, False, False)
    """
    return words in _WIDER_TRADES


def strip_generic_words(words: str) -> str:
    """The words without the generic words and counts at either end.

    >>> strip_generic_words("战略性新兴"), strip_generic_words("千亿鞋服"), strip_generic_words("现代物流")
    ('', '鞋服', '物流')
    >>> strip_generic_words("等三大特色"), strip_generic_words("全")
    ('', '')
    """
    return _GENERIC_AT_END.sub("", _GENERIC_AT_START.sub("", words))


def _after_last_stop_word(words: str) -> int:
    """Where the words of an industry begin: after the last verb or function word."""
    return max((m.end() for m in _STOP_WORD.finditer(words)), default=0)


def _looks_like_an_industry(words: str) -> bool:
    """Two to eight characters, Chinese (or a few Latin letters and digits: 3D打印, LED), no verb
    or word of a body, place or process.

    >>> _looks_like_an_industry("工程机械"), _looks_like_an_industry("重点企业"), _looks_like_an_industry("5G基站建设")
    (True, False, False)
    >>> _looks_like_an_industry("茶"), _looks_like_an_industry("新"), _looks_like_an_industry("产品制造端")
    (True, False, False)
    """
    return ((2 <= len(words) <= 8 or words in _ONE_CHARACTER_INDUSTRIES) and bool(re.fullmatch(rf"[{_CJK}A-Za-z\d]+", words)) and bool(re.search(f"[{_CJK}]", words))
            and not _NOT_AN_INDUSTRY.search(words)
            and not any(m.end() - m.start() >= 2 for m in _STOP_WORD.finditer(words)))


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of the list ``text[start:end]`` as spans, split at 、 和 与 及 以及."""
    items, at = [], start
    for separator in [*_LIST_SEPARATOR.finditer(text, start, end), None]:
        stop = separator.start() if separator else end
        items.append((at, stop))
        at = separator.end() if separator else end
    return items


def _place_prefix(words: str, places: Container[str]) -> int:
    """The length of the longest place name the words open with (0 for none)."""
    return next((n for n in range(min(len(words) - 1, 9), 1, -1) if _is_place(words[:n], places)), 0)


def _is_place(words: str, places: Container[str]) -> bool:
    """A place's name, or its short form without 省 / 市 / 县 / 区 (连江 for 连江县)."""
    return words in places or any(words + level in places for level in "省市县区")


def _after_last_place(text: str, start: int, end: int, places: Container[str]) -> int:
    """Where the words after the last place name inside ``text[start:end]`` begin (``start`` if
    none): the place is their possessor, what comes before it belongs to the sentence."""
    for at in range(end - 3, start, -1):
        if length := _place_prefix(text[at:end], places):
            return at + length + len(text[at + length:end]) - len(strip_generic_words(text[at + length:end]).lstrip())
    return start


# the model's tags of words that open no industry's name: verbs, adverbs, numbers, pronouns,
# prepositions, conjunctions, particles, times and places (开展|稀土, 越来|越多|电子信息, 五十亿|海洋,
# 早期|长汀|稀土); 有关 / 涉及 (tagged as nouns of action) say what a thing concerns
_OPENS_NO_INDUSTRY = {"v", "vd", "ad", "d", "m", "q", "r", "p", "c", "u", "xc", "TIME", "LOC"}
_CONCERNING = {"有关", "涉及", "关于"}


def _past_words_of_no_industry(tokens, starts: list[int], start: int, end: int, least: int = 2) -> int:
    """Where the words of an industry in ``[start, end)`` begin once the model's words that open
    no industry are left off the front (an adjective too, right after an adverb: 越来|越多); at
    least ``least`` characters stay.

    >>> from chainkg.loaders.lexical import lexical_tokens
    >>> text = "早期长汀稀土产业"
    >>> tokens = lexical_tokens(text)
    >>> text[_past_words_of_no_industry(tokens, [t.start for t in tokens], 0, 6):6]
    '稀土'
    >>> text = "锻造甲乙湾千亿钢铁产业集群"
    >>> tokens = lexical_tokens(text)
    >>> text[_past_words_of_no_industry(tokens, [t.start for t in tokens], 4, 9):9]
    '钢铁'
    >>> text = "打造百亿氟新材料产业集群"
    >>> tokens = lexical_tokens(text)
    >>> text[_past_words_of_no_industry(tokens, [t.start for t in tokens], 2, 8):8]
    '氟新材料'
    """
    at = bisect_right(starts, start) - 1
    if at < 0 or at >= len(tokens):
        return start
    if tokens[at].start < start:  # 罗源|湾千亿钢铁: the span opens inside a word of the model
        if tokens[at].tag not in _OPENS_NO_INDUSTRY or end - tokens[at].end < least:
            return start
        if tokens[at].tag == "m" and (number := _A_NUMBER.match(tokens[at].word)) and tokens[at].start + number.end() <= start:
            return start  # 百亿|氟新材料: what is left of the number's word is the industry's
        start, at = tokens[at].end, at + 1
    after_adverb = False
    while at < len(tokens) and end - tokens[at].end >= least:
        token = tokens[at]
        if token.tag in _OPENS_NO_INDUSTRY or token.word in _CONCERNING or (after_adverb and token.tag == "a"):
            after_adverb = token.tag in ("d", "ad")
            start = token.end
            at += 1
            if token.tag == "m" and (number := _A_NUMBER.match(token.word)) and number.end() < len(token.word):
                return token.start + number.end()  # 百亿氟|新材料: the count ends before 氟, the industry's
        else:
            break
    return start


# the last word of firms inside a mention's words (企业有国内X领域): the industry's words follow it
_LAST_BODY_WORD = re.compile(r"(?:企业|公司|集团)(?!.*(?:企业|公司|集团))(?:有|包括|是)?")
# a place's level word left at an industry's front (我省碳化硅, 福州片区物联网)
_LEVEL_OPENING = re.compile(r"片区|园区|新区|[省市县区镇乡]")
# the number a word of the model opens with, and its measure word when one character at most follows
# (百亿 of 百亿氟, 三大 of 三大, 千名 of 千名)
_A_NUMBER = re.compile(r"[\d.%零〇一二两三四五六七八九十百千万亿几多余数]+(?:[大家名个条类项种批栋位座](?![\u3400-\u9fff]{2}))?")


def _ends_on_no_noun(tokens, starts: list[int], end: int) -> bool:
    """Whether the model's word that ends at ``end`` is a number, measure, adverb, adjective,
    pronoun or particle (an industry's words end on a noun or a noun of action).

    >>> from chainkg.loaders.lexical import lexical_tokens
    >>> text = "形成多学科多行业集聚"
    >>> tokens = lexical_tokens(text)
    >>> _ends_on_no_noun(tokens, [t.start for t in tokens], text.index("行业"))
    True
    """
    at = bisect_right(starts, end - 1) - 1
    return 0 <= at < len(tokens) and tokens[at].end == end and tokens[at].tag in ("m", "q", "d", "a", "ad", "r", "u", "p", "c")


def _tagged_a_name(tokens, starts: list[int], start: int, end: int) -> bool:
    """Whether the model reads the item ``[start, end)`` as (holding) an organization's or a
    person's name."""
    at = max(0, bisect_right(starts, start) - 1)
    while at < len(tokens) and tokens[at].start < end:
        if tokens[at].tag in ("ORG", "PER") and tokens[at].end > start:
            return True
        at += 1
    return False


def _stripped_span(text: str, start: int, end: int, places: Container[str]) -> tuple[int, int]:
    """The span of the words without generic words and a leading place name (its possessor)."""
    words = text[start:end]
    core = strip_generic_words(words)
    if not core:
        return start, start
    start += words.find(core)
    end = start + len(core)
    if (opening := _place_prefix(core, places)) and (rest := strip_generic_words(core[opening:])):
        start = end - len(rest)
    return start, end


def _listed_industries(text: str, start: int, end: int, head: str) -> list[tuple[int, int]]:
    """The spans of the industries in ``text[start:end]``, the words before a head word: the items
    of a list (A、B和C等), then the list's category (the words between 等 and the head)."""
    listed = text.rfind("等", start, end)
    if listed >= 0:
        spans = _items(text, start, listed)
        category = (listed + 1 + _after_last_stop_word(text[listed + 1:end]), end)
        if head == "行业" and not strip_generic_words(text[category[0]:category[1]]):
            spans = []  # A、B等行业龙头: the items are the industry's firms
        elif head == "领域":  # A、B等领域 lists products and techniques as often as industries
            spans = [s for s in spans if resolve_chain(text[s[0]:s[1]]).template]
    else:
        spans = _items(text, start, end)
        category = spans.pop()
        if spans and not strip_generic_words(text[category[0]:category[1]]):
            spans = []  # 科技创新和产业创新, 基础设施、商住、产业: the head is an item, not a list's category
    return [*spans, category]


def chain_mentions(text: str, names: Sequence[tuple[int, int]] = (), places: Container[str] = frozenset(),
                   tokens: Sequence[Token] | None = None) -> list[ChainMention]:
    """Every chain the text names by a head word (产业链 / 产业集群 / 产业 / 行业 / 领域), one per
    item of a list before it. ``names`` are spans of names found already (a head inside one,
    as in 泉州市食品行业协会, is the name's); ``places`` are place names a mention may open with
    (``龙岩机械产业``: the words are 机械, 龙岩 is their possessor). ``tokens`` are the model's words
    of the text (read from the model when None; ``()``: read without them).

    >>> [m.words for m in chain_mentions("以氟新材料、石墨和石墨烯、生物医药等为主的战略性新兴产业")]
    ['氟新材料', '石墨', '石墨烯', '生物医药']
    >>> [m.name for m in chain_mentions("龙岩机械产业的发展水平", places={"龙岩"})]
    ['机械']
    >>> chain_mentions("完善产业链条，推动传统产业升级")
    []
    """
    mentions: list[ChainMention] = []
    if tokens is None:
        tokens = lexical_tokens(text)
    starts = [t.start for t in tokens]
    for head in _HEAD.finditer(text):
        if any(a <= head.start() < b for a, b in names):
            continue
        if abbreviated := _abbreviated_industries(text, head):
            mentions.extend(abbreviated)
            continue
        if taken := _taken_as_an_industry(text, head, names):
            mentions.append(taken)
            continue
        end = head.start()
        if end > 0 and text[end - 1] in "”」』":  # “A+B”产业链: the words are the quoted ones
            end -= 1
        left = end
        while left > 0 and end - left < _REACH and text[left - 1] not in _LEFT_DELIMITERS:
            left -= 1
        if (label := _QUOTED_COUNT.search(text, max(0, left - 16), left)) and not strip_generic_words(text[left:end]):
            # A、B等“3+1”主导产业: the quote counts the list before it, the list is the industries
            end = label.start()
            left = end
            while left > 0 and end - left < _REACH and text[left - 1] not in _LEFT_DELIMITERS:
                left -= 1
        cut_off = left > 0 and text[left - 1] not in _LEFT_DELIMITERS  # the first words are not all here
        first = left + _after_last_stop_word(text[left:end])
        listed = text.rfind("等", left, first)
        if listed >= 0 and not strip_generic_words(text[first:end]):
            # 以A、B等为主的战略性新兴产业: what follows the last verb is generic, the list is before it
            first = left + _after_last_stop_word(text[left:listed + 1])
        elif not strip_generic_words(text[first:end]) and (frame := _LIST_FRAMED.search(text, left, first)):
            first, end = frame.span(1)  # 以A、B、C为主的四大主导产业: the list between 以 and 为主
        spans = _listed_industries(text, first, end, head.group())
        if cut_off and spans and spans[0][0] == left:
            spans = spans[1:]
        if len(spans) > 1:
            if sum(_tagged_a_name(tokens, starts, *_stripped_span(text, a, b, places)) for a, b in spans) >= 2:
                # 以甲乙、丙丁等重点产业链条为主导: the model reads two items as firms' or persons' names
                # (one may be its slip), so the list names the chain's firms; only a template's label is an industry
                spans = [(a, b) for a, b in spans if resolve_chain(text[a:b]).template]
        left = first
        for a, b in spans:
            if (body := _LAST_BODY_WORD.search(text, a, b)) and b - body.end() >= 2:
                a = body.end()  # 入驻的企业有国内|电子取证领域: the words after the firms' word are the industry's
            a, b = _stripped_span(text, a, b, places)
            if not _looks_like_an_industry(text[a:b]):  # 再次按下海沧|半导体产业: what follows its last place
                a = _after_last_place(text, a, b, places)
            # (标志|上杭|铜产业: one character may stay when it names an industry)
            a = _past_words_of_no_industry(tokens, starts, a, b, 1 if text[b - 1:b] in _ONE_CHARACTER_INDUSTRIES else 2)
            if len(rest := _GENERIC_AT_START.sub("", text[a:b])) >= 2 and rest[0] not in "省市县区镇乡":
                a = b - len(rest)  # 占|全省|印刷包装: generic words the model's verb came before (not 高新|区)
            if (level := _LEVEL_OPENING.match(text, a, b)) and b - level.end() >= 2 \
                    and (len(level.group()) > 1 or level_of_a_pronoun(text, a)):
                a = level.end()  # 我省|碳化硅, 福州片区|物联网: the place's level word, not the industry's
            words = text[a:b]
            if _ends_on_no_noun(tokens, starts, b) and not resolve_chain(words).template:
                continue  # 多学科多|行业: the words end on a number or an adjective, no industry's noun
            if not _looks_like_an_industry(words) or _is_place(words, places) or any(s < b and a < e for s, e in names):
                continue
            if (trade := _TRADE_ENDING.search(words)) and len(strip_generic_words(words[:trade.start()])) >= 2 \
                    and (trade.group() != "业" or trade.start() >= 4):
                words = words[:trade.start()]  # 新型建材业, 机械加工业: the industry is what is made
                b = a + len(words)
            for offset, part in split_compound(words):
                chain = resolve_chain(part)
                mentions.append(ChainMention(a + offset, a + offset + len(part), part, chain.chain_id, chain.name,
                                             chain.template, left, head.end(), head.group()))
    mentions.extend(_led_trades(text, names, places, mentions))
    if tokens != ():  # (a rule over the model's tags)
        mentions.extend(_leaders_industries(text, names, places, mentions))
    return mentions


# 以X为龙头的Y业 / 为主体的A、B制造业: the trades a frame's firms lead, named by 业 alone (not 产业 /
# 行业 / 企业 …, the head words the rules above read)
_LED_TRADE = re.compile(r"为(?:龙头|主体|核心|链主|引领)的([^，。；：:、等\s]{2,12}(?:、[^，。；：:、等\s]{2,12})*?)"
                        r"(?<![产行企农事物创商])(?<![^加]工)业(?=[，。；、等,;]|$)")
# …为龙头的X(的)生产规模 / 产值 / 产量 / 出口: X, the goods the frame's firms make, is their trade
_LED_GOODS = re.compile(r"为(?:龙头|主体|核心|链主|引领)的([^，。；：:、等\s的]{2,10}?)的?(?:生产|产量|产值|出口|销量)")
# the trade word after an industry's goods: 甲乙加工 / 制造 / 生产 / 冶炼 (业)
_TRADE_WORDS = "加工|制造|生产|冶炼"
_TRADE_WORD = re.compile(f"(?:{_TRADE_WORDS})$")


def _led_trades(text: str, names: Sequence[tuple[int, int]], places: Container[str],
                found: Sequence[ChainMention]) -> list[ChainMention]:
    """``以X为龙头的Y加工业`` / ``以A、B为龙头的C、D制造业``: each trade the frame names is an industry
    (its goods, without 加工 / 制造 / 生产 / 冶炼), where no head word named it already; so are the
    goods of ``以X为龙头的Y的生产规模`` (产值 / 产量 / 出口).

    >>> [m.name for m in _led_trades("以甲乙为龙头的鞋类加工业，以丙丁为龙头的机电、通用设备制造业", [], set(), [])]
    ['鞋服', '机电', '通用设备']
    >>> [m.name for m in _led_trades("以甲乙、丙丁等为龙头的运动健身器材的生产规模全国第一", [], set(), [])]
    ['运动健身器材']
    """
    mentions = []
    frames = sorted([*_LED_TRADE.finditer(text), *_LED_GOODS.finditer(text)], key=lambda m: m.start())
    for frame in frames:
        if any(a < frame.end() and frame.start(1) < b for a, b in names) or any(frame.start(1) <= m.start < frame.end() for m in found):
            continue
        for a, b in _items(text, frame.start(1), frame.end(1)):
            a, b = _stripped_span(text, a, b, places)
            if (trade := _TRADE_WORD.search(text, a, b)) and trade.start() - a >= 2:
                b = trade.start()
            words = text[a:b]
            if _looks_like_an_industry(words) and not _is_place(words, places):
                chain = resolve_chain(words)
                mentions.append(ChainMention(a, b, words, chain.chain_id, chain.name, chain.template, frame.start(1), frame.end(), "业"))
    return mentions


# an industry's trade word and 业 (甲乙加工业 / 制造业 / 冶炼业), or 业 after four characters or more
_TRADE_ENDING = re.compile(f"(?:{_TRADE_WORDS})?业$")

# 新能源龙头企业 / 光伏领军企业: the words right before name the industry the firms lead
_LEADER_HEAD = re.compile(r"(?:龙头|领军|链主)企业")


def _leaders_industries(text: str, names: Sequence[tuple[int, int]], places: Container[str],
                        found: Sequence[ChainMention]) -> list[ChainMention]:
    """``X龙头企业`` (领军 / 链主): X, the words right before, is the industry its leaders lead —
    one industry, not a list (甲乙、丙丁等龙头企业 lists firms), and no word the model reads as a
    name or a place.

    >>> [m.name for m in _leaders_industries("新能源龙头企业甲乙集团落户。", [], set(), [])]
    ['新能源']
    >>> _leaders_industries("引进甲乙、丙丁等龙头企业。", [], set(), [])
    []
    >>> [m.name for m in _leaders_industries("依托甲乙、丙丁等一批石墨与石墨烯龙头企业", [], set(), [])]
    ['石墨', '石墨烯']
    """
    mentions = []
    for head in _LEADER_HEAD.finditer(text):
        if any(a <= head.start() < b for a, b in names) or any(m.end == head.start() for m in found):
            continue
        left = head.start()
        while left > 0 and head.start() - left < 12 and text[left - 1] not in _LEFT_DELIMITERS:
            left -= 1
        left += _after_last_stop_word(text[left:head.start()])
        if listed := list(_AFTER_A_LIST.finditer(text, left, head.start())):
            left = listed[-1].end()  # A、B等一批|X龙头企业: the firms are listed, X is their industry
        if re.search(r"以及|、|[+＋]", text[left:head.start()]):
            continue
        parts = [(left + m.start(), left + m.end()) for m in re.finditer(r"[^与和及]+", text[left:head.start()])]
        found_here: list[ChainMention] = []
        for start, end in parts:  # 石墨与石墨烯龙头企业: the leaders of both
            a, b = _stripped_span(text, start, end, places)
            words = text[a:b]
            if not _looks_like_an_industry(words) or _is_place(words, places) or len(words) > 6 \
                    or any(t.tag in ("ORG", "PER", "LOC") for t in lexical_tokens(words)):
                found_here = []
                break
            chain = resolve_chain(words)
            found_here.append(ChainMention(a, b, words, chain.chain_id, chain.name, chain.template, left, head.end(), head.group()))
        mentions.extend(found_here)
    return mentions


# 等 / 等一批 / 等N家 closing a list of firms before their industry and 龙头企业
_AFTER_A_LIST = re.compile(r"等(?:一批|[\d一二三四五六七八九十两几多]+[家个])?")


# 等“3+1” / 等“1+N”: a quoted count of the industries just listed
_QUOTED_COUNT = re.compile(r"等?[“\"][\dA-Za-z+＋一二三四五六七八九十]{1,8}[”\"]$")

_NUMERALS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
# “香醋瓷”三大(特色)产业: a quoted run of single characters, then its count
_ABBREVIATED = re.compile(rf"“([{_CJK}]{{2,6}})”([两二三四五六])大((?:{_GENERIC_WORD})*)$")


# 把X作为(“强产业”)首位产业: X is the industry; only generic or quoted words stand between 作为 and the head
_TAKEN_AS = re.compile(r"把([^把，。；：、]{2,10}?)作为((?:[“\"‘][^”\"’，。]{1,6}[”\"’])?[^，。；“”]{0,6})$")


def _taken_as_an_industry(text: str, head: re.Match, names: Sequence[tuple[int, int]]) -> ChainMention | None:
    """``把X作为首位产业`` / ``把X作为“强产业”主导产业``: X, the words taken as the industry.

    >>> _taken_as_an_industry("把海洋装备作为首位产业", next(_HEAD.finditer("把海洋装备作为首位产业")), []).words
    '海洋装备'
    """
    match = _TAKEN_AS.search(text, max(0, head.start() - 30), head.start())
    if match is None or strip_generic_words(re.sub(r"[“”\"‘’]|[^“”\"‘’]*产业", "", match.group(2))):
        return None
    a, b = match.span(1)
    words = text[a:b]
    if not _looks_like_an_industry(words) or any(s < b and a < e for s, e in names):
        return None
    chain = resolve_chain(words)
    return ChainMention(a, b, words, chain.chain_id, chain.name, chain.template, a, head.end(), head.group())


def _abbreviated_industries(text: str, head: re.Match) -> list[ChainMention]:
    """“甲乙丙”三大产业: each quoted character stands for one industry, as many as the count
    says — the one template label of two characters that ends in it (瓷 → 陶瓷), else the
    character's trade (X业: 茶 → 茶业). The quote's opening is where the list begins (永春|“…”: its possessor).

    >>> [(m.words, m.name) for m in _abbreviated_industries("“茶瓷”两大产业", next(_HEAD.finditer("“茶瓷”两大产业")))]
    [('茶业', '茶业'), ('陶瓷', '陶瓷')]
    """
    match = _ABBREVIATED.search(text, max(0, head.start() - 20), head.start())
    if match is None or len(match.group(1)) != _NUMERALS[match.group(2)]:
        return []
    two_character: dict[str, set[str]] = {}
    for label in chain_labels():
        if len(label) == 2:
            two_character.setdefault(label[1], set()).add(label)
    found = []
    for at, character in enumerate(match.group(1), start=match.start(1)):
        ending = two_character.get(character, set())
        words = next(iter(ending)) if len(ending) == 1 else character + "业"
        chain = resolve_chain(words)
        found.append(ChainMention(at, at + 1, words, chain.chain_id, chain.name, chain.template, match.start(),
                                  head.end(), head.group()))
    return found


def possessor_of(text: str, mention: ChainMention, spans: Sequence[S], where: tuple[str, ...]) -> S | None:
    """The place, zone or park (a span of a type in ``where``) written right before the mention's
    list, with nothing between but generic words and 的: 龙岩|机械产业, 厦门的|集成电路产业.

    >>> from types import SimpleNamespace as S
    >>> text = "厦门的集成电路产业"
    >>> place = S(start=0, end=2, type="AdministrativeArea", name="厦门市", key="area/350200")
    >>> possessor_of(text, chain_mentions(text)[0], [place], ("AdministrativeArea",)).name
    '厦门市'
    """
    for start in sorted({mention.start, mention.list_start}, reverse=True):
        before = [s for s in spans if s.type in where and start - 16 < s.end <= start]
        for span in sorted(before, key=lambda s: (-s.end, s.start))[:1]:
            between = text[span.end:start]
            if not strip_generic_words(between) or re.fullmatch(r"(?:的|市|县|区)?", between):
                return span
        inside = [s for s in spans if s.type in where and s.start == start and s.end <= mention.start]
        if inside:
            return max(inside, key=lambda s: s.end)
    return None


# what follows a chain label that a place's words make the subject of: 洛江区智能装备|已建成…
_LABEL_AS_SUBJECT = re.compile(r"(?:已|正|将|形成|建成|成为|产值|规模|集群|产业基地)")


def label_possessor(text: str, chain: SpanLike, spans: Sequence[S], where: tuple[str, ...]) -> S | None:
    """The place right before a chain's bare label when the two open a statement about the
    chain (洛江区智能装备已建成百亿产业集群, 海沧半导体产业基地): the place grows it.

    >>> from types import SimpleNamespace as S
    >>> text = "洛江区智能装备已建成百亿产业集群"
    >>> place = S(start=0, end=3, type="AdministrativeArea", name="洛江区", key="area/350504")
    >>> chain = S(start=3, end=7, type="IndustrialChain", name="智能装备", key="chain/smart_equipment")
    >>> label_possessor(text, chain, [place], ("AdministrativeArea",)).name
    '洛江区'
    >>> label_possessor("洛江区智能装备产业园", chain, [place], ("AdministrativeArea",)) is None
    True
    """
    if not _LABEL_AS_SUBJECT.match(text, chain.end):
        return None
    before = [s for s in spans if s.type in where and s.end in (chain.start, chain.start - 1)]
    if before and text[before[0].end:chain.start] in ("", "的"):
        return max(before, key=lambda s: s.end - s.start)
    return None


def _clause_bounds(text: str, sentence: tuple[int, int], position: int) -> tuple[int, int]:
    s0, s1 = sentence
    left = max((m.end() for m in re.finditer(r"[，,;；:：]", text[s0:position])), default=0) + s0
    right = next((position + m.start() for m in re.finditer(r"[，,;；:：]", text[position:s1])), s1)
    return left, right


# words that say a list spans several industries: 等多个领域, 多个产业, 各领域
_MANY_FIELDS = re.compile(r"(?:多个|多种|各个?|诸多|众多|多)(?:领域|产业|行业|板块)")


def chain_members(text: str, sentence: tuple[int, int], paragraph: tuple[int, int], chains: Sequence[C],
                  paragraph_chains: Sequence[C], members: Sequence[S],
                  said_of_others: Container[int] = ()) -> list[tuple[S, C, str]]:
    """(member, chain, scope): each firm or project of the sentence (``members``) operates in
    the one chain its clause names (scope ``clause``), else the one chain its sentence names
    (``sentence``), else the one chain its paragraph names (``paragraph``); ``MEMBER_CONFIDENCE``
    gives each scope its prior confidence. A clause, sentence or paragraph naming two or more chains
    says nothing about which one a firm is in. A paragraph's chain whose sentence names firms or
    projects of its own (``said_of_others``: where those chains start) is said of them, not of the
    paragraph's other members (A、B、C等项目落地。其中，C由丁公司投资，拟打造X产业: X is C's) —
    unless it follows a sentence's one member (A项目落地。该项目由丁公司投资，是X行业的…).

    >>> from types import SimpleNamespace as S
    >>> text = "形成氟新材料产业链，甲公司、乙公司为其子公司。"
    >>> chain = S(start=2, end=6, type="IndustrialChain", name="氟新材料", key="chain/x1")
    >>> firms = [S(start=10, end=13, type="Company", name="甲公司", key="a"), S(start=14, end=17, type="Company", name="乙公司", key="b")]
    >>> [(m.name, c.name, p) for m, c, p in chain_members(text, (0, 24), (0, 24), [chain], [chain], firms)]
    [('甲公司', '氟新材料', 'sentence'), ('乙公司', '氟新材料', 'sentence')]
    """
    found = []
    for member in members:
        clause = _clause_bounds(text, sentence, member.start)
        for scope, (a, b), pool in (("clause", clause, chains), ("sentence", sentence, chains),
                                    ("paragraph", paragraph, paragraph_chains)):
            named = {c.key: c for c in pool if a <= c.start and c.end <= b and (
                scope != "paragraph" or c.start not in said_of_others or c.start > member.start and len(members) == 1)}
            if named and _MANY_FIELDS.search(text, a, b):
                break  # 涵盖A、B、C等多个领域: the words say several, though one was read as a chain
            if len(named) == 1:
                found.append((member, next(iter(named.values())), scope))
                break
            if named:
                break
    return found


@dataclass(frozen=True)
class IndustryFrame:
    """An industry described by its firms: ``以A、B为龙头的Y产业`` / ``由A、B和C组成的Y产业``. The
    members are named in ``[members_start, members_end)``; the industry's words begin within a
    few characters after ``industry_from`` (the frame's 的); ``role`` is the frame's word (为龙头,
    组成 …)."""

    members_start: int
    members_end: int
    role: str
    industry_from: int


# 以A为主体/龙头/核心的, 由A、B和C组成/构成的 — then the industry
_INDUSTRY_FRAME = re.compile(r"(以|由)([^，。；:：]{2,200}?)(为主体|为龙头|为核心|为引领|为链主|为主|组成|构成)的")


def industry_frames(text: str, start: int, end: int) -> list[IndustryFrame]:
    """The industry frames in ``text[start:end]`` (one sentence).

    >>> [(f.role, f.members_start, f.members_end) for f in industry_frames("由甲乙医药、丙丁药业组成的医药产业", 0, 17)]
    [('组成', 1, 10)]
    """
    return [IndustryFrame(m.start(2), m.end(2), m.group(3), m.end()) for m in _INDUSTRY_FRAME.finditer(text, start, end)]


# what a chain's words may go on with and still name that chain: X制造 / X生产 is making X
_MAKING = re.compile(r"(?:制造|生产|加工)$")


def made_in_named_chains(mentions: Sequence[ChainMention]) -> list[ChainMention]:
    """X制造 (X生产, X加工) where the article names the chain X in its own words too: chain X
    (甲乙装备制造产业 next to 甲乙装备产业 is 甲乙装备, not the template that 装备制造 would map to).

    >>> a = ChainMention(0, 4, "甲乙装备", "chain/x1", "甲乙装备", False, 0, 6)
    >>> b = ChainMention(8, 14, "甲乙装备制造", "chain/intelligent-equipment", "智能装备", True, 8, 16)
    >>> [m.name for m in made_in_named_chains([a, b])]
    ['甲乙装备', '甲乙装备']
    """
    named = {m.words: m for m in mentions}
    found = []
    for mention in mentions:
        making = _MAKING.search(mention.words)
        own = named.get(mention.words[:making.start()]) if making else None
        if own is not None and own.chain_id != mention.chain_id:
            mention = replace(mention, chain_id=own.chain_id, name=own.name, template=own.template)
        found.append(mention)
    return found
