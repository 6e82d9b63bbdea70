"""Names in article text read with the lexical model's words and tags (``loaders/lexical.py``).

The article loader's first rules find names by their endings (…有限公司, …产业园) and by
gazetteers. These rules add what the model's words tell about the same text:

- a gazetteer place counts only where the words start and end with it (``和县`` is no place in
  ``…和县域经济…``, nor ``城区`` in ``老城区``): :func:`place_on_token_boundaries`;
- a name found by its ending starts after the last verb, preposition, conjunction, adverb or
  appositive head before it (``通过X``, ``携手X``, ``全球石化巨头X``): :func:`name_start`;
- a registered place in brackets belongs to the name (``甲乙(泉州)科技有限公司``):
  :func:`bracketed_place_names`;
- ``X投资N亿元的Y项目`` names a project Y: :func:`invested_projects`;
- words the model tags as an organization are firms, institutes or bodies when their shape
  allows it (not a place, not a bare government organ, not a place's industry):
  :func:`organization_tokens`; the industry words after them belong to the name (``恒远`` +
  ``化工``): :func:`_attach_tail`;
- a short form of a firm named in full in the same article (``甲乙`` for ``甲乙体育用品有限公司``)
  names the same firm: :func:`is_short_form`;
- every item of an enumeration (``A、B和C等N家…企业``) takes the list's type:
  :func:`enumerations`.

Example
-------
>>> text = "全市引进甲乙物流、丙丁包装等行业巨头。"
>>> [(m.name, m.type) for m in enumerations(text, TokenIndex.of(text))]
[('甲乙物流', 'Company'), ('丙丁包装', 'Company')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from chainkg.loaders.extract_generic import names_a_kind
from chainkg.loaders.lexical import Token, lexical_tokens

__all__ = ["without_legal_form", "is_brandless", "Mention", "TokenIndex", "place_on_token_boundaries", "name_start", "level_of_a_pronoun", "bracketed_place_names", "invested_projects", "projects_by_ending", "joins_parts_of_a_project", "joining_conjunction", "named_project_lists", "firms_after_a_designation",
           "lists_projects", "projects_introduced",
           "organization_tokens", "is_short_form", "enumerations", "Enumeration", "organization_type"]

_CJK = r"\u3400-\u9fff"
_NAME = rf"[{_CJK}A-Za-z0-9]"

# Parts of speech that end whatever came before a name: prepositions, conjunctions, particles,
# adverbs, pronouns, punctuation, times.
_BREAK_TAGS = {"p", "c", "u", "d", "r", "w", "xc", "vd", "ad", "TIME"}
#: Nouns that stand in apposition before a name: 全球石化巨头X, 中国企业X, 行业龙头X.
_FIRM_HEADS = "巨头|龙头|企业|链主|领军企业|龙头企业|品牌|子公司|分公司"
#: Nouns that frame what follows (工业方面有X, 此次大会X开发区): the topic or the event, never a name's.
_FRAMING_NOUNS = "方面|大会|会议|论坛|仪式"
_APPOSITIVE_HEADS = re.compile(f"(?:{_FIRM_HEADS}|{_FRAMING_NOUNS}|客商|外商|台商)$")
# …before a park's or zone's name: a park is named after whom it hosts (台商甲乙产业园区), so the
# investors' words are part of it there
_APPOSITIVE_HEADS_BEFORE_A_PARK = re.compile(f"(?:{_FIRM_HEADS}|{_FRAMING_NOUNS})$")
#: Words after an organization's own name that belong to it: its industry and legal form.
_TAIL_WORDS = re.compile(
    r"(?:物流|包装|彩印|印刷|印务|精机|机械|电子|电子信息|微电子|科技|信息|技术|化工|化学|材料|新材料|能源|新能源|实业|控股|"
    r"集团|股份|有限公司|有限责任公司|股份有限公司|公司|食品|纺织|服装|鞋业|鞋服|陶瓷|建材|矿业|医药|生物|光电|半导体|"
    r"智能|装备|设备|制造|重工|工业|汽车|电器|电气|环保|贸易|商贸|供应链|体育|体育用品|用品|卫浴|水暖|家居|石化|钢构|钢铁|"
    r"锂电|电池|动力电池|光伏|芯片|集成电路|石墨烯|文旅|旅游|制药|药业|纸业|钢铁|不锈钢|矿业|"
    r"化纤|纤维|织造|针织|印染|服饰|制衣|鞋材|石材|石业|竹业|木业|茶业|家具|五金|工艺|塑胶|塑料|橡胶|纸品|"
    r"储能|电力|风电|光学|数码|通信|软件|网络|物联|农业|粮油|饮料|乳业|水产|海洋|铜业|铝业|钨业|稀土|工贸|进出口|置业)$")
_LEGAL_FORM = r"(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团|控股|公司)"
# A designation right before a firm's name: 龙头企业X, 领军企业X, 链主企业X, 头部企业X, 行业龙头——X
_DESIGNATION = re.compile(r"(?:龙头|领军|链主|骨干|头部|标杆|领跑)(?:企业|者)(?:——|—|：|:)?")
_DESIGNATION_BEFORE = re.compile(_DESIGNATION.pattern + "$")
#: A government organ with no name of its own: 市政府, 区委, 市林业局, 区人大常委会 (after levels).
_BARE_ORGAN = re.compile(r"(?:[省市县区镇乡]*(?:委|政府|委市政府|人大|人大常委会|常委会|政协|纪委|[^\s]{0,3}局|[^\s]{0,3}厅))+")
#: A government or a department of it (经贸局, 国资委, 招商办, 投资促进委员会), not a party or
#: legislative body (市委, 人大, 政协) nor two bodies written as one (市委市政府)
_DEPARTMENT = re.compile(r"(?:人民)?政府|[\u4e00-\u9fff]{1,5}(?:局|厅)|[\u4e00-\u9fff]{1,6}委员会|(?:国资|发改|经信|工信|科|商|卫健|教)委"
                         r"|[\u4e00-\u9fff]{1,3}办")
#: News outlets: the article's source line, not what it is about.
_MEDIA = re.compile(r"(?:日报|晚报|早报|新闻网|在线|电视台|广播电台|新华社?|通讯社|网)$")
#: How an organization's name ends tells its kind.
_ORG_KINDS = (("ResearchInstitute", r"(?:大学|学院|研究院|研究所|研究中心|实验室|总院|分院)$"),
              ("Association", r"(?:协会|商会|联合会|同业公会|公会|学会)$"),
              ("GovernmentBody", r"(?:政府|管委会|管理委员会|局|厅|委员会|办公室|^.{1,3}部|^.{1,3}办"
                                 r"|(?:国资|发改|经信|工信|科|商|卫健|教)委|(?:招商|台|侨|外|金融)办)$"))
#: What follows a word that opens a longer name (a lab, park, project or event of that body).
_OPENS_A_LONGER_NAME = re.compile(r"[^，。；、\s和与及]{0,10}?(?:实验室|中心|研究院|学院|产业园|工业园|园区|开发区|基地|项目|工程|协会|商会"
                                  r"|洽谈会|博览会|交易会|展览会|大会|论坛|峰会)")
#: Phrases of the political language that the model takes for organizations.
_SLOGANS = re.compile(r"^新时代|^新征程|^新发展|山海协作")
#: A name that is only a (place's) industry: 甲市石化, 乙县锂电新能源.
_ONLY_INDUSTRY = re.compile(rf"(?:{_TAIL_WORDS.pattern[:-1]})+$")
# A count or ordinal inside a name: 十大, 12个, 一批 — a kind of thing, not a name.
_COUNTED = re.compile(r"[一二三四五六七八九十两百千\d]+(?:大|个|家|批|项|类|条)|一批|多家|若干")


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in the normalized text: offsets, entity type and the name."""

    start: int
    end: int
    type: str
    name: str
    extra: dict = field(default_factory=dict, compare=False, hash=False)


class TokenIndex:
    """The model's words of one text, with the word at each character."""

    def __init__(self, tokens: tuple[Token, ...]):
        self.tokens = tokens
        self.text = "".join(t.word for t in tokens)
        self.at: list[int] = []
        for i, token in enumerate(tokens):
            self.at.extend([i] * (token.end - token.start))
        self.starts = {t.start for t in tokens}
        self.ends = {t.end for t in tokens}

    @staticmethod
    @lru_cache(maxsize=8)
    def of(text: str) -> TokenIndex:
        """The index of ``text`` (kept for the last few texts: rules share it)."""
        return TokenIndex(lexical_tokens(text))

    def token(self, position: int) -> Token:
        return self.tokens[self.at[position]]

    def within(self, start: int, end: int) -> list[Token]:
        """The words that overlap ``[start, end)``."""
        if start >= end:
            return []
        return list(self.tokens[self.at[start]:self.at[end - 1] + 1])


def organization_type(name: str) -> str:
    """The kind of organization a name's ending says.

    >>> organization_type("甲乙大学"), organization_type("丙丁商会"), organization_type("戊己科技")
    ('ResearchInstitute', 'Association', 'Company')
    """
    return next((kind for kind, ending in _ORG_KINDS if re.search(ending, name)), "Company")


def place_on_token_boundaries(index: TokenIndex, start: int, end: int) -> bool:
    """Whether a gazetteer match ``[start, end)`` is a place in the words of the text: it starts
    where a word starts and ends where a word ends, or opens a longer word (``泉州开发区``), or
    lies inside a word the model itself tags as a place or an organization.

    >>> text = "推动县域经济和县域产业发展"
    >>> index = TokenIndex.of(text)
    >>> at = text.index("和县")
    >>> place_on_token_boundaries(index, at, at + 2)
    False
    >>> text = "安徽省和县引进项目"
    >>> place_on_token_boundaries(TokenIndex.of(text), 3, 5)
    True
    """
    first, last = index.token(start), index.token(end - 1)
    start_ok = first.start == start or first.tag in ("LOC", "ORG")
    end_ok = last.end == end or last.start == start or last.tag in ("LOC", "ORG")
    return start_ok and end_ok


def _breaks_a_name(token: Token, tags: frozenset[str] | set[str] = _BREAK_TAGS, heads: re.Pattern = _APPOSITIVE_HEADS) -> bool:
    return (token.tag in tags or (token.tag == "v" and (len(token.word) >= 2 or token.word in _LINKING_VERBS))
            or bool(_A_PHASE.fullmatch(token.word)) or token.word in _DETERMINERS
            or bool(heads.search(token.word)) and token.tag in ("n", "vn"))


# a phase before a name (一期|南部轻纺园: the first phase is that park), not after it (X园二期)
_A_PHASE = re.compile(r"[一二三四五六七八九十\d]+期")
# words that say how much of a thing is meant (整个|安东园区): never a name's
_DETERMINERS = frozenset({"整个", "全部", "所有", "各个", "每个", "整片"})
# verbs of one character that link a subject to what it has or is (该县有X工业园区): never a name's
_LINKING_VERBS = frozenset("有是为")

# 我县 / 全市 / 本区 …: a level word right after one of these belongs to it
_LEVELS = frozenset("省市县区镇乡")
_OUR_OR_WHOLE = frozenset("我全本该各")


def level_of_a_pronoun(text: str, at: int) -> bool:
    """Whether ``text[at]`` is a level word (省 / 市 / 县 …) that belongs to the pronoun or 全 right
    before it (我县, 全市, 该区), not to the words after it.

    >>> level_of_a_pronoun("我省碳化硅", 1), level_of_a_pronoun("福州市场", 2)
    (True, False)
    """
    return text[at:at + 1] in _LEVELS and text[at - 1:at] in _OUR_OR_WHOLE if at > 0 else False


def name_start(index: TokenIndex, start: int, end: int, suffix_length: int, tags: frozenset[str] | set[str] = _BREAK_TAGS,
               park: bool = False) -> int:
    """Where a name found by its ending (``text[end - suffix_length:end]``) really starts: after
    the last word before the ending that cannot be inside a name (a preposition, conjunction,
    adverb, a verb of two characters or more, punctuation, an appositive head such as 巨头 /
    企业; for a ``park``, not 台商 / 客商: 台商X产业园区 is named after its tenants), then past any
    verb left at its front; the body before the ending keeps two characters at least.

    >>> text = "高新区携手甲乙市集成电路协会举办招聘会"
    >>> end = text.index("协会") + 2
    >>> text[name_start(TokenIndex.of(text), 0, end, 2):end]
    '甲乙市集成电路协会'
    >>> text = "我县甲乙石化工业园区"
    >>> text[name_start(TokenIndex.of(text), 0, len(text), 4, park=True):]
    '甲乙石化工业园区'
    """
    body_end = end - suffix_length
    cut = start
    for token in index.within(start, body_end):
        heads = _APPOSITIVE_HEADS_BEFORE_A_PARK if park else _APPOSITIVE_HEADS
        if token.end <= body_end and token.start >= start and _breaks_a_name(token, tags, heads) and body_end - token.end >= 2 \
                and not joins_two_words(index.text, token.start, token.end):
            cut = max(cut, token.end)
    if head := list(re.finditer(r"巨头|龙头|企业|名企", index.text[cut:body_end])):  # 中国企业X, 内资食品名企X (one word to the model)
        if body_end - (cut + head[-1].end()) >= 2:
            cut += head[-1].end()
    for token in index.within(cut, body_end):  # a verb (or preposition) left at the front: 使X集团, 有X园
        if token.start == cut and token.tag in ("v", "p", "c") and body_end - token.end >= 2:
            cut = token.end
        else:
            break
    if level_of_a_pronoun(index.text, cut) and body_end - cut > 2:
        cut += 1  # 我县|甲乙工业园区: the level is the pronoun's (我县, 全市), not the name's
    return cut


def joins_two_words(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a middle dot written inside a name, between two of its
    words (武夷山·甲乙健康中心项目, 安溪中关村·乙丙智谷产业园), not a list's bullet or separator.

    >>> joins_two_words("武夷山·甲乙项目", 3, 4), joins_two_words("·甲乙项目", 0, 1), joins_two_words("甲乙、丙丁", 2, 3)
    (True, False, False)
    """
    return text[start:end] in ("·", "•") and start > 0 and end < len(text) \
        and bool(_NAME_CHARACTER.match(text, start - 1)) and bool(_NAME_CHARACTER.match(text, end))


_NAME_CHARACTER = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def bracketed_place_names(text: str, places: Mapping[str, object]) -> list[Mention]:
    """Names that hold their registered place in brackets: ``甲乙(泉州)科技有限公司``,
    ``甲乙(尤溪)纺织项目``. The whole is one name; ``extra['place']`` is the bracketed place.

    >>> [(m.name, m.type, m.extra["place"]) for m in bracketed_place_names("引进甲乙(泉州)科技有限公司。", {"泉州": 1})]
    [('甲乙(泉州)科技有限公司', 'Company', '泉州')]
    """
    found = []
    pattern = (rf"({_NAME}{{1,8}})[(（]({_NAME}{{2,6}})[)）]({_NAME}{{0,24}}?"
               rf"(?:{_LEGAL_FORM}|项目|工程|产业园区|工业园区|产业园|工业园|产业区|集控区|基地|种植园))")
    for match in re.finditer(pattern, text):
        place = match.group(2)
        if not any(form in places for form in (place, place + "县", place + "市", place + "区", place + "镇", place.rstrip("市县区省"))):
            continue
        index = TokenIndex.of(text)
        opening = match.start(1) + max((m.end() for m in re.finditer(r"[\d的了和与及在]", match.group(1))), default=0)
        if match.end(1) - opening < 1:
            continue
        start = name_start(index, opening, match.end(1) + 2, 2) if match.end(1) - opening > 2 else opening
        start = min(start, match.end(1) - 1)
        while (word := index.token(start)).tag == "PER" and word.start == start and word.end < match.end(1):
            start = word.end  # (记者 甲乙丙|丁戊(翔安)产业区: a byline's name lost its bracket, it is none of the name's)
        name = text[start:match.end()]
        kind = ("Project" if re.search(r"(?:项目|工程|生产基地|制造基地)$", name) else
                "IndustrialPark" if re.search(r"(?:园区?|产业区|集控区|基地)$", name) and not name.endswith("种植园")
                else organization_type(name))
        if kind == "IndustrialPark" and name.endswith("种植园"):
            kind = "Project"
        found.append(Mention(start, match.end(), kind, name, {"place": place}))
    return found


def invested_projects(text: str) -> list[Mention]:
    """``X投资N亿元的Y项目``: Y, from after the 的 to 项目 / 工程, is a project's name; ``extra``
    holds where the investor's words end (before 投资).

    >>> [(m.name, m.type) for m in invested_projects("甲乙公司投资3.2亿元的丙丁钢构项目、戊己工程")]
    [('丙丁钢构项目', 'Project')]
    """
    pattern = rf"投资[\d.]+(?:亿|万)?(?:元|美元|港元)的({_NAME}{{2,24}}?(?:项目|工程))(?=[，。；、\n]|$)"
    return [Mention(m.start(1), m.end(1), "Project", m.group(1), {"investor_end": m.start()})
            for m in re.finditer(pattern, text)]


# 项目 that ends a name, not a longer word (项目部, 项目建设) or a project's attribute (项目用地)
_PROJECT_WORD = re.compile(r"(?:项目|(?:生产基地|制造基地|生产线)(?!项目|工程))"
                           r"(?!部|组|办|建设|经理|管理|化|库|资金|用地|单位|负责人|投资|总投资|签约|名称)")
# a superlative or rank before a name's words describes a kind (全球最大的X生产基地), it names none
_DESCRIBED_BEFORE = re.compile(r"(?:最大|最强|最具|第一|首个|首家|一流|之一|领先)的?$")
# where the words of a project's name can begin: a clause or list break, a quote, a table's rule
_NAME_OPENS_AFTER = set("，。、；：“”‘’「」『』（）()《》【】\n ,;:!?|…") | set(map(chr, range(0x2500, 0x2580)))
# the model's tags of words a name never holds: verbs, prepositions, particles, numbers, adverbs
_NEVER_IN_A_NAME = {"v", "vd", "p", "u", "c", "d", "m", "q", "w", "ad", "r", "xc", "TIME"}
# verbs after which a project's own name follows (引进X项目, 落地X项目), unlike 投资 / 建设 / 发展 X项目
_BRINGS_A_PROJECT = {"引进", "引入", "招引", "落地", "落户", "签约", "签下", "签订", "迎来", "推进", "推动", "开工", "启动", "包括", "有",
                     # verbs of visiting (记者来到X项目现场): what follows is the project visited, by its name
                     "来到", "走进", "走访", "参观", "观摩", "考察", "调研", "探访", "前往", "深入", "视察", "察看", "查看", "巡查", "实地"}
#: a superlative opening what would be a project's name: 最大化工项目 is a rank, no name
SUPERLATIVE_FIRST = re.compile(r"最|第[一二三]|首家|首个|唯一")
# the last words of a kind of project rather than a name: 重大项目, 招商项目, 下游项目, 一批项目
_A_KIND_OF_PROJECT_AT_END = re.compile(r"(?:重大|重点|招商|产业|在建|新建|续建|签约|配套|高端|优质|示范|试点|民生|基建|基础设施|社会事业"
                              r"|竣工|开工|投产|落地|洽谈|储备|预备|技改|改造|工业|外资|内资|台资|上下游|中下游|下游|上游|各类"
                              r"|好|大|新|子|省级|市级|县级|一批|这些|该|本|此|等)$")


# the kinds of body a name may be written after (全国民企第3名企业甲乙集团): no word of the name
_GENERIC_HEADS = ("企业", "公司")


def _firm_before_capacity(index: TokenIndex, stops: list[Token], start: int, left: int) -> int:
    """Where a project's name starts when the words cut at a capacity (甲乙铜业|40万吨|铜冶炼项目,
    甲乙化学(泉州)|60万吨|/|年|环氧丙烷项目): at the firm's name right before the capacity, when the
    model reads one there; else ``start``. The capacity is part of the project's name."""
    if not stops or stops[-1].end != start or stops[-1].tag not in ("m", "q"):
        return start
    first = stops[-1]  # back over the capacity's words: 60万吨 / 年
    for token in reversed(stops[:-1]):
        if token.end != first.start or not (token.tag in ("m", "q") or token.word == "/"):
            break
        first = token
    if first.tag != "m" or not _QUANTITY_FIRST.match(index.text, first.start):
        return start
    while first.start > left and _BEFORE_A_CAPACITY.fullmatch((word := index.token(first.start - 1)).word):
        first = word  # 甲乙纸业|二期|年产|390万吨: a phase and 年产 belong to the capacity
    firm = index.token(first.start - 1) if first.start > left else None
    return firm.start if firm is not None and firm.tag == "ORG" and firm.start >= left else start


# what a capacity may open with in a project's name: its phase, 年产 / 年处理 … (甲乙纸业二期年产5万吨X项目)
_BEFORE_A_CAPACITY = re.compile(r"[一二三四五六七八九十\d]期|年产(?:能)?|年处理|年加工|年产值|产能|新增")
# the model's tags of words that make a project's name a clause: pronouns and prepositions
# anywhere (怎样|让, 以|此次), and at its opening a conjunction, an adverb or a particle (或|拟建)
_CLAUSE_ANYWHERE = {"r", "p"}
_CLAUSE_OPENING = {"c", "d", "ad", "u"}


def reads_as_a_clause(words: str) -> bool:
    """Whether the words before a project's ending (项目) read, to the model, as a clause rather
    than a name: a pronoun, a preposition or 是 anywhere, or a conjunction, adverb, particle or
    one-character verb first (或拟建涉|卫浴, 怎样让). A verb of two characters may open a name
    (年产10万吨…).

    >>> reads_as_a_clause("怎样让"), reads_as_a_clause("以此次"), reads_as_a_clause("甲乙纺织技改")
    (True, True, False)
    """
    tokens = lexical_tokens(words)
    if not tokens:
        return False
    first = tokens[0]
    return (any(t.tag in _CLAUSE_ANYWHERE or t.word == "是" for t in tokens)
            or first.tag in _CLAUSE_OPENING or first.tag == "v" and len(first.word) == 1)


def projects_by_ending(text: str, index: TokenIndex) -> list[Mention]:
    """Names that end in 项目 (or 生产基地 / 制造基地 / 生产线: a plant) wherever they stand: the
    words before the ending back to a clause break,
    a quote or the last word the model reads as a verb, preposition, particle or number (签约落地
    总投资5亿元的|X化纤项目), when one of them is a name's (a proper noun, an organization or a
    person) and the last is not a kind (重大 / 招商 项目).
    After a verb that makes rather than brings (投资 / 建设 X项目) the words say what is made.

    >>> text = "在甲县乙丙工业园区的丁戊纺织项目上，推进重大招商项目。"
    >>> [m.name for m in projects_by_ending(text, TokenIndex.of(text))]
    ['丁戊纺织项目']
    >>> text = "宏帆游艇二期项目总建筑面积约2万平方米。"
    >>> [m.name for m in projects_by_ending(text, TokenIndex.of(text))]
    ['宏帆游艇二期项目']
    """
    found = []
    for match in _PROJECT_WORD.finditer(text):
        left = match.start()
        while left > 0 and match.start() - left < 24 and text[left - 1] not in _NAME_OPENS_AFTER:
            left -= 1
        stops = [t for t in index.within(left, match.start())
                 if (t.tag in _NEVER_IN_A_NAME and not _PHASE.fullmatch(t.word) and not joins_two_words(text, t.start, t.end))
                 or t.word in ("的", "在", "于", "将", "为", "其中")]
        stops = _without_joining_conjunctions(text, stops, left, match.end())
        if stops and stops[-1].tag in ("v", "vd") and stops[-1].word not in _BRINGS_A_PROJECT:
            continue  # 投资|光通信器件设计制造项目: after a verb of making, the words say what is made
        start = max(stops[-1].end if stops else left, left)
        start = _firm_before_capacity(index, stops, start, left)
        if text.startswith(_GENERIC_HEADS, start) and match.start() - start >= 6:
            start += 2  # 民企第3名企业|甲乙集团X项目: the kind before the firm's name
        words = index.within(start, match.start())
        if match.start() - start < 2 or _A_KIND_OF_PROJECT_AT_END.search(text[start:match.start()]) \
                or SUPERLATIVE_FIRST.match(text, start, match.start()) \
                or _DESCRIBED_BEFORE.search(text, max(0, start - 6), start):
            continue
        if any(t.tag in ("nz", "ORG", "PER", "nw") for t in words):  # (a place's own: the extractor's rules)
            found.append(Mention(start, match.end(), "Project", text[start:match.end()]))
    return found


_CLAUSE_BREAKS = "，。；：,;:\n"
_CONJUNCTION = re.compile("以及|和|及|与")
# a project's phase, a number the model reads apart that is the name's word: 甲乙游艇|二期|项目
_PHASE = re.compile(r"[一二三四五六七八九十\d]期")


def _without_joining_conjunctions(text: str, stops: list[Token], left: int, end: int) -> list[Token]:
    """The stops before a project's ending less the conjunctions that join two parts of its name
    (甲乙散热材料及|液态金属生产项目: :func:`joins_parts_of_a_project`)."""
    kept: list[Token] = []
    clause = max(text.rfind(mark, 0, left) for mark in _CLAUSE_BREAKS) + 1  # the list it may close
    words = text[clause:end]
    for stop in stops:
        item_start = kept[-1].end if kept else left
        conjunction = _CONJUNCTION.match(words, stop.start - clause) if stop.word in ("以及", "和", "及", "与") else None
        if conjunction and joins_parts_of_a_project(words, conjunction, item_start - clause):
            continue
        kept.append(stop)
    return kept


def _attach_tail(index: TokenIndex, token_position: int) -> int:
    """The end of an organization's name: its word, and the industry and legal-form words after it."""
    end = index.tokens[token_position].end
    for token in index.tokens[token_position + 1:token_position + 4]:
        if token.start == end and _TAIL_WORDS.search(token.word) and _TAIL_WORDS.fullmatch(token.word) \
                and token.tag in ("n", "nz", "vn", "ORG"):
            end = token.end
        else:
            break
    return end


def _is_a_name(name: str, places: Mapping[str, object], industries: tuple[str, ...]) -> bool:
    """Whether an organization word can name one body: not a place, a bare government organ
    (市政府, 区委), a news outlet, a count, a place's industry (甲市石化, 乙县纺织) or a single
    character."""
    if len(name) < 2 or re.fullmatch(r"[大小子总分母]?公司", name) or name in places or _BARE_ORGAN.fullmatch(name) or _MEDIA.search(name) or _COUNTED.search(name) \
            or _SLOGANS.search(name) or re.search(r"最|第一|首家", name) or _NO_BODY_END.search(name):
        return False
    if re.match(r"国家|中国|全国|全省|全市", name) and organization_type(name) == "Company" and not re.search(_LEGAL_FORM + "$", name):
        return False  # 国家石化(产业), 中国专业(…): national words open a phrase, not a firm's name
    rest = name
    for length in range(min(len(name) - 1, 7), 1, -1):
        if name[:length] in places:
            rest = name[length:]
            break
    if rest != name and _DEPARTMENT.fullmatch(rest):
        return True  # 南安市经贸局, 邵武市政府: a named place's government or one of its departments
    if rest != name and (_BARE_ORGAN.fullmatch(rest) or _ONLY_INDUSTRY.fullmatch(rest)
                         or any(rest.startswith(word) and len(rest) - len(word) <= 1 for word in industries)):
        return False
    return not re.fullmatch(r"[A-Za-z0-9]+", name)  # latin initials stand beside a name, not as one


#: A news medium or a report's byline (甲乙日报讯, 丙丁晚报, 中新社, 新华社, X广播电视台): the source
#: of the text, not an organization it speaks of.
NEWS_MEDIUM = re.compile(r"(?:日报|晚报|商报|都市报|时报|报社|报业集团|报业|新闻网|新闻社|通讯社|广播电视台|电视台|电台"
                         r"|融媒体中心|中新社|新华社)讯?$|(?:报|网|台)讯$")
# what ends a word the model may tag as an organization that is none: an industry (汽车行业), money
# (注册资本金)
_NO_BODY_END = re.compile(r"(?:行业|产业|资本金|资金)$")
# what follows an item of a list of government departments: more items, then 等(相关)部门 / 单位
_LIST_OF_DEPARTMENTS_AFTER = re.compile(r"(?:[、和及与][^，。；、和及与]{1,10})*等(?:相关|职能|有关)?(?:部门|单位|机关)")
# what follows an item of a list of industries: more items, then 等 (N条 / 大) … 产业链 / 产业 / 行业 / 领域
# (an item holds no 和 / 及 / 与: a separator that could also be an item's character made every split a try)
_LIST_OF_INDUSTRIES_AFTER = re.compile(r"(?:[、和及与][^，。；、和及与]{1,12})*等?[\d一二三四五六七八九十两]*(?:条|大|个)?"
                                       r"(?:重点|主导|新兴|战略性|优势|特色)*(?:产业链|产业集群|产业|行业|领域)")


#: a firm's full name before the name of its park (甲乙科技有限公司|丙丁科技园)
FIRM_BEFORE_ITS_PARK = re.compile(r".{2,30}?(?:有限责任公司|股份有限公司|有限公司)(?=.{3})")
# a park's word after an industry's (…食品园, …科技园, …物流园, …创业园): the suffix rules know only the
# longer endings (产业园, 工业园, 园区 …); 公园, 花园, 校园 … are no parks of industry
_A_PARK_BY_ITS_WORD = re.compile(r"[\u3400-\u9fff]{2}园$")
_NO_PARK_WORD = re.compile(r"(?:公|花|家|校|果|茶|乐|庄|菜|陵|墓|动物|植物|幼儿|游)园$|产业园$|工业园$")


def organization_tokens(text: str, index: TokenIndex, taken: list[tuple[int, int]], places: Mapping[str, object],
                        industries: tuple[str, ...]) -> list[Mention]:
    """Organizations the model tags (``ORG``) where no name was found yet (``taken`` spans), with
    the industry and legal-form words after them, when their shape allows a name
    (:func:`_is_a_name`). Before 项目 / 工程 the word opens a project's name and is left alone.

    >>> text = "恒远化工等企业入驻园区。"
    >>> [(m.name, m.type) for m in organization_tokens(text, TokenIndex.of(text), [], {}, ())]
    [('恒远化工', 'Company')]
    """
    found = []
    for i, token in enumerate(index.tokens):
        if token.tag != "ORG":
            continue
        end = _attach_tail(index, i)
        start = token.start
        if plain := re.match(rf"{_NAME}+", text[start:end]):  # a table's rules or a space end the name
            end = start + plain.end()
        else:
            continue
        start = name_start(index, start, end, min(2, end - start))  # 中国企业X
        start = _past_glued_opening(text, start, end)  # 由甲乙医药: the model read 由 into the name
        if i > 1 and start == token.start and _split_off_the_front(index.tokens[i - 2], index.tokens[i - 1]):
            start = index.tokens[i - 1].start  # 企业|中|甲乙: the model read the name's first character apart
        while end - start > 2 and text[end - 1] in "为在的和与":  # 甲乙为…: the verb is not the name's
            end -= 1
        if (firm := FIRM_BEFORE_ITS_PARK.match(text, start, end)) is not None and _A_PARK_BY_ITS_WORD.search(text, start, end):
            start = firm.end()  # 甲乙科技有限公司丙丁科技园: the firm's park (the firm is read by its legal form)
        name = text[start:end]
        if _A_PARK_BY_ITS_WORD.search(name) and not _NO_PARK_WORD.search(name) and len(name) >= 4 \
                and not any(a < end and start < b and not (start <= a and b <= end) for a, b in taken):
            found.append(Mention(start, end, "IndustrialPark", name))  # 甲市乙丙食品园: a park the model reads as a body
            continue  # (a place or an industry inside its name is the park's own word)
        designated = bool(_DESIGNATION_BEFORE.search(text, max(0, start - 8), start))  # 龙头企业|厦门钨业
        if any(a < end and start < b and not _opens_with_place(text, start, end, a, b, places)
               and not (designated and a == start and b < end - 1 and text[a:b] in places) for a, b in taken) \
                or _OPENS_A_LONGER_NAME.match(text, end) \
                and not re.match(r"[，。；、等]", text[end:end + 1]):
            continue
        listed = text[start - 1:start] == "、" or text[end:end + 1] in ("、", "等")
        if len(name) == 2 and not listed:
            continue  # two characters alone are too often a word the model misreads (a product, a standard)
        if re.search(r"(?:园|园区|开发区|基地|城)$", name):
            continue  # a park's name: the park rules read those
        if _DESIGNATION.match(text, end) and not re.search(_LEGAL_FORM + "$", name):
            continue  # 新能源汽车|龙头企业X: the industry a firm after it leads, no firm
        if _LIST_OF_INDUSTRIES_AFTER.match(text, end):
            continue  # 涉及新材料、新能源汽车等7条产业链: an item of a list of industries
        if _LIST_OF_DEPARTMENTS_AFTER.match(text, end):
            continue  # 与住建、工信等部门联动: an item of a list of government departments, no firm
        if NEWS_MEDIUM.search(name):
            continue  # 甲乙日报讯, 中新社: the byline of the report, not a body the report speaks of
        if _is_a_name(name, places, industries):
            found.append(Mention(start, end, organization_type(name), name))
    return found


def _opens_with_place(text: str, start: int, end: int, a: int, b: int, places: Mapping[str, object]) -> bool:
    """Whether the name found at ``a:b`` is the place a name at ``start:end`` opens with (泉州市|科学技术局):
    that place is the body's own word, not a name that takes its characters.

    >>> _opens_with_place("泉州市科学技术局", 0, 8, 0, 3, {"泉州市": None}), _opens_with_place("泉州市科学技术局", 0, 8, 3, 6, {})
    (True, False)
    """
    return a == start and b < end and text[a:b] in places and organization_type(text[start:end]) != "Company"


def _split_off_the_front(before: Token, single: Token) -> bool:
    """Whether ``single``, one character the model read as a direction word (中 / 东 / 南 …)
    right before an organization, is the organization's first character: only where no noun it
    could qualify stands before it — after punctuation or an appositive head (…企业|中|甲乙).

    >>> _split_off_the_front(Token(0, 2, "企业", "n"), Token(2, 3, "中", "f")), _split_off_the_front(Token(0, 2, "园区", "n"), Token(2, 3, "中", "f"))
    (True, False)
    """
    return single.tag == "f" and len(single.word) == 1 and (before.tag == "w" or bool(_APPOSITIVE_HEADS.search(before.word)))


# characters that open a clause as prepositions or conjunctions (由X投资, 以X为龙头, 对接X, 与X签约)
_GLUED_OPENERS = frozenset("由以对向在将从把被让使经据与和及跟同为")


# the adverbs of 还有 / 也有 / 另有 …: 有 after one of them says "there is", it opens no name
_BEFORE_THERE_IS = frozenset("还也另共均都又并尚仍")


def _past_glued_opening(text: str, start: int, end: int) -> int:
    """Where an organization the model tagged in context really starts when its first character
    opens a clause (由 / 以 / 对 / 与 …): the model reads the word alone once more, and the
    prepositions, conjunctions and verbs it now finds at the front are dropped (at least two
    characters stay). After 、 a 和 / 与 / 及 begins an item's own name (甲、和乙供热).

    >>> _past_glued_opening("由甲乙丙医药", 0, 6), _past_glued_opening("、和乙供热公司", 1, 7)
    (1, 1)
    >>> _past_glued_opening("还有甲乙科技有限公司", 1, 10), _past_glued_opening("、有甲科技有限公司", 1, 9)
    (2, 1)
    """
    if text[start:start + 1] == "有" and text[start - 1:start] in _BEFORE_THERE_IS and end - start >= 4:
        return start + 1  # 还有|甲乙科技: "there is also"; 有 opening a name after anything else is the name's
    if end - start < 4 or text[start] not in _GLUED_OPENERS or (text[start - 1:start] == "、" and text[start] in "和与及"):
        return start
    cut = 0
    for token in lexical_tokens(text[start:end]):
        if token.tag not in ("p", "c", "v", "vd", "d", "u") or end - start - token.end < 2:
            break
        cut = token.end
    return start + cut


_LEGAL_FORM_AT_END = re.compile(_LEGAL_FORM + "$")


def without_legal_form(name: str) -> str:
    """A firm's name less its legal form: 甲乙铜业有限公司 is written 甲乙铜业 in its projects' names.

    >>> without_legal_form("甲乙铜业有限公司"), without_legal_form("甲乙铜业")
    ('甲乙铜业', '甲乙铜业')
    """
    return _LEGAL_FORM_AT_END.sub("", name)


_BRANDLESS = re.compile(f"(?:{_TAIL_WORDS.pattern.removesuffix('$')})*{_LEGAL_FORM}")


def is_brandless(name: str) -> bool:
    """Whether a firm's name is only trade words and a legal form, with no brand before them
    (陶瓷有限公司 is what is left of 瑞和陶瓷有限公司 cut at its 和).

    >>> is_brandless("陶瓷有限公司"), is_brandless("甲乙陶瓷有限公司")
    (True, False)
    """
    return bool(_BRANDLESS.fullmatch(name))


def is_short_form(short: str, full: str) -> bool:
    """Whether ``short`` is a short form of the firm named ``full`` (its place prefix removed):
    the full name starts with it and goes on only with industry words and a legal form. A
    branch (…分公司, …研究院, a bracketed region) is another body.

    >>> is_short_form("甲乙", "甲乙体育用品有限公司"), is_short_form("甲乙", "甲乙(福建)铸锻有限公司")
    (True, False)
    >>> is_short_form("甲乙", "甲乙运动科学实验室"), is_short_form("甲乙", "甲乙公司")
    (False, True)
    """
    if len(short) < 2 or not full.startswith(short) or full == short:
        return False
    rest = full[len(short):]
    if re.search(r"[(（)）]|分公司|子公司|分院|研究院|研究所|实验室|学院|大学|中心|协会", rest):
        return False
    return bool(re.fullmatch(rf"{_NAME}{{0,10}}?{_LEGAL_FORM}", rest)) or bool(_TAIL_WORDS.fullmatch(rest))


@dataclass(frozen=True, slots=True)
class Enumeration:
    """A list of names that one head word types: ``A、B和C等N家龙头企业``.

    ``items`` are the names; ``head`` the word after the list (企业 / 项目 / 巨头 / 品牌 …);
    ``leaders`` whether the list is called 龙头 / 链主 / 领军; ``start``/``end`` the list's span
    with its head."""

    items: tuple[Mention, ...]
    head: str
    leaders: bool
    start: int
    end: int


# a name's word, or a quoted brand inside it (甲村“乙丙”文旅项目)
_NAME_PART = rf"(?:{_NAME}|“{_NAME}{{1,10}}”)"
# A list of names: items split by 、, a conjunction only before the last (和 / 及 / 与 are also
# characters of names, and a conjunction allowed between any two items let a pattern try every
# split of a long list), or two names joined by one conjunction
_LIST_OF_NAMES = (rf"(?:{_NAME_PART}{{2,20}}?、){{1,40}}{_NAME_PART}{{2,20}}?(?:(?:和|及|与|以及){_NAME_PART}{{2,20}}?)?"
                  rf"|{_NAME_PART}{{2,20}}?(?:和|及|与|以及){_NAME_PART}{{2,20}}?")
_ENUMERATION = re.compile(
    rf"({_LIST_OF_NAMES})"
    r"(等(?:\d+|[一二三四五六七八九十两]+)?(?:多)?(?:家|个|批|大)?|(?:\d+|[两三四五六七八九十])(?:大|家|个))"
    r"([^，。；、]{0,10}?)(企业|项目|巨头|品牌|公司|龙头|链主|的(?:投建|投产|建设|落地|入驻|进驻))"
)
# A clause (no ，。； inside: no list crosses one) and the head words one of those lists ends in.
_CLAUSE = re.compile(r"[^，。；]+")
_ENUMERATION_HEAD = re.compile(r"企业|项目|巨头|品牌|公司|龙头|链主|的(?:投建|投产|建设|落地|入驻|进驻)")


def _counted_lists(text: str) -> list[re.Match]:
    """The matches of :data:`_ENUMERATION` in ``text``, the pattern tried only in the clauses that
    hold one of its head words (the same matches, at a third of the cost).

    >>> [m.group(1) for m in _counted_lists("甲乙、丙丁等企业，戊己、庚辛等地。")]
    ['甲乙、丙丁']
    """
    return [match for clause in _CLAUSE.finditer(text) if _ENUMERATION_HEAD.search(text, clause.start(), clause.end())
            for match in _ENUMERATION.finditer(text, clause.start(), clause.end())]


# 以A、B和C为(产业链)“龙头” / 链主: a list of leaders with no count or kind word after it
_LEADER_LIST = re.compile(
    rf"以({_LIST_OF_NAMES}|{_NAME}{{2,12}}?)(等?)((?:企业|公司)?)为(?:产业链|行业|产业)?[“\"]?(龙头|链主)"
)
# what an item of a list of firms never is: a chain, a field, a kind of product or work
#: A product after a firm's words in a list (甲乙半导体|设备、丙丁|检测设备): the process it serves,
#: then the kind of product. An industry word before a bare kind is the firm's (X半导体, X电子 are
#: firms' names: ``_TAIL_WORDS``); materials are left alone (甲乙材料 may be a whole name).
_PRODUCT_TAIL = re.compile(
    r"(?:光学|激光|精密|数控|自动化|检测|测试|量测|光刻|刻蚀|镀膜|沉积|清洗|封装|封测|薄膜|晶体)?"
    r"(?:设备|装备|器件|仪器|零部件|耗材)$")
# an item's opening amount: (其中)(计划)总投资N亿元(的)
_AMOUNT_FIRST = re.compile(r"(?:(?:其中)?(?:计划|预计)?总?投资(?:额)?(?:约|达|超)?)?[\d.]+(?:万|亿)(?:元|美元)的?")
_NOT_A_LIST_HEAD = re.compile(r"部门|单位|方面|领域|产业|环节|方向|地区|国家|城市")  # (等行业巨头 is a list of firms)
_NAME_TAGS = {"ORG", "PER", "LOC", "nz", "m", "TIME", "nw"}
# an item that opens with a number and 号 continues the item before it: 作业区6号、9号、11号泊位
_NUMBERED_PART = re.compile(r"[\d一二三四五六七八九十]+号")
_NOT_AN_ITEM = re.compile(r"产业|行业|领域|环节|方向|设计|制造|封装|测试|应用|材料$|设备$|服务|配套|研发|生产|加工|基地|平台|中心$|合作$"
                          r"|的|为主|组成|构成")  # (…企业为主体的X, 由A和B组成的: a clause, not a name)
# what may stand between a list and its head 项目 when the items are projects: nothing, or a kind
# of project by its rank or stage (重大, 重点, 在建 …), not what the firms do (入驻, 配套, 设计)
_KIND_OF_PROJECT = re.compile(r"(?:重大|重点|在建|续建|新建|产业|工业|省级|市级)*")
# verbs of arrival: before a list of 项目 (引进A、B等项目) or after it (A、B等项目落地)
_ARRIVAL_BEFORE = re.compile(r"(?:引进|招引|引入|吸引)[^，。；]*$")
_ARRIVAL_AFTER = re.compile(r"(?:相继|先后|陆续|已|成功|正式|顺利)*(?:落地|落户|入驻|进驻)")
# an item that is a project's own name: …项目 / …工程 (with a name before it)
_PROJECT_ITEM = re.compile(rf"{_NAME_PART}{{2,}}(?:项目|工程)")


def _without_product(text: str, start: int, end: int) -> tuple[int, int]:
    """A list item's span without the product after the firm's words (甲乙半导体|设备, 丙丁|检测
    设备): the firm's words end where the product's begin. The firm keeps two characters at least.

    >>> text = "甲乙半导体设备、丙丁检测设备、戊己设备"
    >>> [text[slice(*_without_product(text, a, b))] for a, b in ((0, 7), (8, 14), (15, 19))]
    ['甲乙半导体', '丙丁', '戊己设备']
    """
    product = _PRODUCT_TAIL.search(text, start, end)
    if product is None or product.start() - start < 2:
        return start, end
    if product.end() - product.start() == 2 and not _ends_in_an_industry(text[start:product.start()]):
        return start, end  # 甲乙设备: no process, no industry word before the kind: the words may be a name
    return start, product.start()


def _ends_in_an_industry(name: str) -> bool:
    """A name's shape: two characters or more, then an industry or legal-form word (甲乙物流)."""
    tail = _TAIL_WORDS.search(name)
    return tail is not None and tail.start() >= 2


def lists_projects(text: str, start: int, words_start: int, end: int) -> bool:
    """Whether the list ``text[start:end]`` ending in 项目 lists projects by their short names:
    nothing but a rank or stage stands between 等 (or the count) and 项目 (等重大项目, not
    等入驻项目 / 等配套项目), and no verb of arrival governs the list (引进A、B等项目, A、B等项目落地:
    what arrives is named by the firm that comes). ``words_start`` is where the words before
    项目 begin, after 等 and any count.

    >>> text = "推进甲乙化纤、丙丁材料等重大项目建设"
    >>> lists_projects(text, 2, text.index("重大"), text.index("建设"))
    True
    >>> text = "推动甲乙化学、丙丁等项目落地"
    >>> lists_projects(text, 2, text.index("项目"), text.index("落地"))
    False
    """
    clause_start = max((m.end() for m in re.finditer(r"[，。；：,;:]", text[:start])), default=0)
    return bool(_KIND_OF_PROJECT.fullmatch(text[words_start:end - 2])) and not _ARRIVAL_BEFORE.search(text, clause_start, start) \
        and not _ARRIVAL_AFTER.match(text, end)


# 的项目有 / 项目包括 A、B(和C)等: a list that the word 项目 introduces
# (a title in 《》 may open an item: 《甲乙》演艺项目)
_INTRODUCED_PART = rf"(?:{_NAME_PART}|《{_NAME}{{1,12}}》)"
_PROJECTS_INTRODUCED = re.compile(rf"项目(?:共?[\d一二三四五六七八九十两]+个[，,]?(?:分别是|分别为|包括)|有|包括|包含|主要有|分别是|分别为)[:：]?"
                                  rf"((?:{_INTRODUCED_PART}{{2,24}}?(?:、|和|及|以及))*"
                                  rf"{_INTRODUCED_PART}{{2,24}}?)(?=等|[，。；,;]|$)")


# a list of projects each named in full: A项目、B项目(、C工程)
_NAMED_PROJECT_LIST = re.compile(r"(?:[^、，。；：:,;\n“”]{2,30}?(?:项目|工程)、){1,40}[^、，。；：:,;\n“”]{2,30}?(?:项目|工程)(?=[等在和及与，。；,;：:\n]|$)")


_LIST_INTRODUCER = re.compile(r"(?:分别是|分别为|主要有|包括|即)[:：]?")
# words that say a list names kinds: 项目类型有…, 分为…
_KINDS_INTRODUCED = re.compile(r"类型|类别|种类|分为|分成")


def named_project_lists(text: str) -> list[tuple[int, int]]:
    """The items of lists of projects each named with its own 项目 / 工程 (``A项目、B项目、C项目在现场
    签约``): each item is a project. The first item only where a clause break opens it (else the
    words before it may be a verb or a subject: other rules find where it starts); a list one of
    whose items says a kind (工业项目, 新建项目), or that 类型 / 分为 introduces, names kinds.

    >>> text = "此次，甲乙纸品生产项目、丙丁物流园项目在现场签约。"
    >>> [text[a:b] for a, b in named_project_lists(text)]
    ['甲乙纸品生产项目', '丙丁物流园项目']
    >>> named_project_lists("此次，甲乙纸品生产项目、工业项目在现场签约。")
    []
    """
    spans = []
    for match in _NAMED_PROJECT_LIST.finditer(text):
        offset = match.start()
        if any(names_a_kind(item[-6:-2], item[-2:]) or names_a_kind(item[:-2], item[-2:]) for item in match.group().split("、")[1:]) \
                or _KINDS_INTRODUCED.search(text, max(0, match.start() - 6), match.start() + match.group().find("、")):
            continue  # 项目类型有新建项目、老旧厂房改造项目: one kind among the items, so all are kinds
        for i, item in enumerate(match.group().split("、")):
            start, end = offset, offset + len(item)
            offset = end + 1
            if i == 0 and (opening := _LIST_INTRODUCER.match(item)):
                start, item = start + opening.end(), item[opening.end():]  # 分别是|A项目
            elif i == 0 and start > 0 and text[start - 1] not in "，。；：:,;\n":
                continue
            words = TokenIndex.of(text).within(start, end)  # (the article's words, read in their context)
            if i == 0 and any(t.tag == "v" and not (k == 0 and t.word == "年产") for k, t in enumerate(words)):
                continue  # 专场签约|A项目: a verb before the first item (the capacity's 年产 is the name's)
            if len(item) < 6 or names_a_kind(item[:-2], item[-2:]) or _COUNTED.search(item) or reads_as_a_clause(item[:-2]) \
                    or any(t.word in ("有", "是", "为", "包括") for t in words):
                continue  # (工业方面有X项目, A和B产业链有X项目: a clause, the project at its end is another rule's)
            spans.append((start, end))
    return spans


# 项目 standing for many: 签约的项目, 重点项目, 此次落地项目 (not 该项目 / 本项目: one project's parts follow)
_MANY_PROJECTS = re.compile(r"(?:(?<![该本此])的|签约|重点|重大|招商|开工|竣工|投产|落地)$")


def projects_introduced(text: str, of_many: bool = False) -> list[tuple[int, int]]:
    """The items of a list that 项目有 / 项目包括 introduces (``其中投资超10亿元的项目有A、B等``):
    each is a project, whatever its name ends in (a park or a 科技城 being built is a project).
    ``of_many``: only where 项目 stands for many projects (签约的项目包括 / 重点项目有), not for one
    whose parts follow (该项目包括厂房、仓库).

    >>> text = "其中，超10亿元的项目有甲乙建筑产业园、丙丁科技城等。"
    >>> [text[a:b] for a, b in projects_introduced(text)]
    ['甲乙建筑产业园', '丙丁科技城']
    >>> projects_introduced("该项目包括研发中心、生产车间等。", of_many=True)
    []
    """
    spans = []
    for match in _PROJECTS_INTRODUCED.finditer(text):
        counted = re.match(r"项目共?[\d一二三四五六七八九十两]+个", match.group())
        if of_many and not counted and not _MANY_PROJECTS.search(text, max(0, match.start() - 4), match.start()):
            continue
        offset = match.start(1)
        items = match.group(1)
        separators = [m for m in re.finditer(r"、|以及|和|及", items)]
        separators = [m for i, m in enumerate(separators) if m.group() == "、" or not joins_parts_of_a_project(
            items, m, max((n.end() for n in separators[:i] if n.group() == "、"), default=0))]
        for separator in [*separators, None]:
            stop = match.start(1) + separator.start() if separator else match.end(1)
            spans.append((offset, stop))
            offset = match.start(1) + separator.end() if separator else match.end(1)
    return spans


# the units a plant's capacity is counted in
_CAPACITY_UNITS = "吨|台|套|件|辆|片|千瓦|兆瓦|立方米|平方米"
# a quantity opening an item: 10万吨精密铜箔 is what a plant makes, no body's name
_QUANTITY_FIRST = re.compile(rf"[\d.]+(?:万|千|亿|百)?(?:{_CAPACITY_UNITS}|只|米|平米|亩|公里)")
# a plant's yearly capacity, which opens its project's name: 100万吨/年乙烯…项目, 30万套/年…工程
_CAPACITY = re.compile(rf"^[\d.]+(?:万|千|亿)?(?:{_CAPACITY_UNITS})/")


def _capacity_before(text: str, start: int) -> int | None:
    """Where a capacity written right before ``start`` begins (``100万吨/`` before ``年乙烯``), when
    the words at ``start`` go on with its 年: the figure is the project's, not a word of a list
    of its own (年乙烯 names nothing).

    >>> text = "推进100万吨/年乙烯及炼油改扩建项目"
    >>> _capacity_before(text, text.index("年")), _capacity_before("甲乙项目", 0)
    (2, None)
    """
    if not text.startswith("年", start):
        return None
    figure = re.search(rf"[\d.]+(?:万|千|亿)?(?:{_CAPACITY_UNITS})/$", text[max(0, start - 16):start])
    return start - len(figure.group()) if figure else None


_PLACE_ENDING = re.compile(r"[省市县区镇乡村州岛湾港]$|地区$|片区$|[东南西北中部]$")


def _named_after_a_place(name: str, places: Mapping[str, object]) -> bool:
    """Whether an item the model reads as a place is a firm named after one: a place of the
    table, then words of no place (厦门|天马, not 闽东|北 or 泉州湾).

    >>> _named_after_a_place("泉州甲乙", {"泉州": None}), _named_after_a_place("泉州湾", {"泉州": None})
    (True, False)
    """
    return any(name[:n] in places and len(name) - n >= 2 and name[n:] not in places and not _PLACE_ENDING.search(name)
               for n in (2, 3, 4))


_NAMED_PROJECT_END = re.compile(r"(?:项目|工程)$")


def joining_conjunction(name: str) -> re.Match[str] | None:
    """The first 和 / 及 / 与 / 以及 of one item that joins two parts of its project's name
    (:func:`joins_parts_of_a_project`), or None.

    >>> joining_conjunction("甲乙总部及丙丁基地项目").start(), joining_conjunction("甲乙项目及丙丁项目")
    (4, None)
    """
    return next((m for m in _CONJUNCTION.finditer(name) if joins_parts_of_a_project(name, m, 0)), None)


def joins_parts_of_a_project(items: str, conjunction: re.Match[str], item_start: int) -> bool:
    """Whether the conjunction (和 / 及 / 与 / 以及) in ``items`` joins two parts of one project's
    name rather than two items: the item it stands in ends in its own 项目 / 工程 and the words
    before it (from ``item_start``) do not (甲乙总部及丙丁基地项目 is one project, what it builds;
    甲乙项目及丙丁项目 is two).

    >>> items = "甲乙总部及丙丁基地项目、戊己项目和庚辛项目"
    >>> [joins_parts_of_a_project(items, m, 0 if m.start() < 11 else 12) for m in re.finditer("及|和", items)]
    [True, False]
    """
    item_end = items.find("、", conjunction.end())
    after = items[conjunction.end():item_end if item_end >= 0 else len(items)]
    before = items[item_start:conjunction.start()]
    others = (items[:max(item_start - 1, 0)].split("、") if item_start else []) + \
        (items[item_end + 1:].split("、") if item_end >= 0 else [])
    # (A集团、B化工和C项目: where the other items are no projects, 和 joins two items of a list of bodies)
    return len(before) >= 2 and bool(_NAMED_PROJECT_END.search(after)) and not _NAMED_PROJECT_END.search(before) \
        and all(_NAMED_PROJECT_END.search(other) for other in others if other)


def _separators(items: str, offset: int, index: TokenIndex) -> list[re.Match[str]]:
    """Where a list's items part: at every 、, and at a 和 / 及 / 与 / 以及 that stands as a word of its
    own (not the 和 of 碳中和), does not follow a bare place (厦门和乙卫浴项目 is one item: a
    place alone is no item of a list of firms or projects) nor a single character (宏和食品).

    >>> items = "碳中和示范区项目、厦门和乙卫浴项目、丙丁项目和戊己项目"
    >>> [m.group() for m in _separators(items, 0, TokenIndex.of(items))]
    ['、', '、', '和']
    """
    found: list[re.Match[str]] = []
    for separator in re.finditer(r"、|以及|和|及|与", items):
        if separator.group() != "、":
            at = offset + separator.start()
            item_start = found[-1].end() if found else 0
            piece = index.within(offset + item_start, at)
            if at not in index.starts or len(piece) == 1 and piece[0].tag == "LOC" \
                    or separator.start() - item_start < 2 \
                    or joins_parts_of_a_project(items, separator, item_start):
                continue  # (甲和食品: one character before 和 is no item, the 和 is the name's)
        found.append(separator)
    return found


def _past_a_pronoun_and_its_verb(index: TokenIndex, start: int, end: int) -> int:
    """Past a pronoun, adverbs and the verb they lead into at ``start`` (此次签约|A, 本次共签约|A, 该区引进|A):
    the list's first item starts after them, if two characters of it are left before ``end``.

    >>> text = "此次签约甲乙纤维项目"
    >>> text[_past_a_pronoun_and_its_verb(TokenIndex.of(text), 0, len(text)):]
    '甲乙纤维项目'
    """
    tokens = index.within(start, end)
    if not tokens or tokens[0].start != start or tokens[0].tag != "r":
        return start
    for token in tokens[1:]:
        if token.tag in ("v", "vn") and end - token.end >= 2:
            return token.end
        if token.tag != "d":
            break
    return start


# the words a name after a designation may hold: nouns, proper nouns, a person's or a body's name
_WORDS_OF_A_NAME = ("n", "nz", "nw", "PER", "ORG", "j")


def firms_after_a_designation(text: str, index: TokenIndex) -> list[Mention]:
    """Firms named right after the words that designate them (``储能领域领军企业|甲乙智能落户…``,
    ``光伏产业龙头企业——甲乙能源``): the nouns and names up to the next verb, preposition or
    break, two to ten characters, when the last word is a firm's (an industry word or a legal
    form, :data:`_TAIL_WORDS`) or the model reads a name among them. A short name needs no
    legal form here: the designation says a firm follows.

    >>> text = "国内氢能装备领域领军企业甲乙科技在湖里区设立总部。"
    >>> [m.name for m in firms_after_a_designation(text, TokenIndex.of(text))]
    ['甲乙科技']
    >>> text = "发挥龙头企业带动作用。"
    >>> firms_after_a_designation(text, TokenIndex.of(text))
    []
    """
    found = []
    for match in _DESIGNATION.finditer(text):
        tokens = index.within(match.end(), min(len(text), match.end() + 12))
        if match.end() not in index.starts:
            if not tokens or tokens[0].tag != "ORG" or tokens[0].end - match.end() < 3:
                continue
            # 龙头|企业甲乙科技: the model glued the designation's last word to the firm's name
            tokens[0] = Token(match.end(), tokens[0].end, text[match.end():tokens[0].end], "ORG")
        words = []
        for token in tokens:
            if token.tag not in _WORDS_OF_A_NAME or token.word in ("之一", "作用", "企业", "地位", "优势"):
                break
            words.append(token)
        while words and (words[-1].end - words[0].start > 10):
            words.pop()
        if not words or words[-1].end - words[0].start < 3:
            continue
        start, end = words[0].start, words[-1].end
        name = text[start:end]
        ends_as_a_firm = bool(re.search(f"(?:{_TAIL_WORDS.pattern})$", name))
        if not (ends_as_a_firm or any(t.tag in ("PER", "ORG", "nz") for t in words)) or _NOT_AN_ITEM.search(name) \
                or _TAIL_WORDS.fullmatch(name) or len(name) < 4 and not any(t.tag in ("PER", "ORG", "nz") for t in words):
            continue  # 龙头企业|产业, 领军企业|科技: a field or an industry word alone
        found.append(Mention(start, end, organization_type(name), name, {"designated": True}))
    return found


def enumerations(text: str, index: TokenIndex, places: Mapping[str, object] = {}) -> list[Mention]:
    """Items of lists that a head word types (``A、B和C等(N家/一批/多家)…企业/项目/巨头/品牌``, and
    ``以A、B和C为龙头 / 链主``: leaders, so firms):
    firms, or projects for a list of (重大 / 重点 …) 项目 that no verb of arrival governs
    (:func:`lists_projects`; an item that ends as a body does, 甲乙集团, stays a body). The first item starts after the verb or preposition before it (引进A → A).
    ``extra`` holds the list's head, whether it calls them leaders, and the list's span.
    Items that name a field rather than a body (芯片设计, 新材料产业) are left out, and a list none
    of whose items looks like a name (no word the model tags as a name, none ending in an
    industry word after two characters) is no list of names.

    >>> text = "落地甲乙电子、丙丁精机两大龙头企业。"
    >>> [(m.name, m.extra["leaders"]) for m in enumerations(text, TokenIndex.of(text))]
    [('甲乙电子', True), ('丙丁精机', True)]
    >>> text = "以甲乙股份、丙丁石材为龙头。"
    >>> [(m.name, m.type, m.extra["leaders"]) for m in enumerations(text, TokenIndex.of(text))]
    [('甲乙股份', 'Company', True), ('丙丁石材', 'Company', True)]
    """
    found: list[Mention] = []
    counted = _counted_lists(text)
    leader_lists = [m for m in _LEADER_LIST.finditer(text) if not any(c.start() < m.end() and m.start() < c.end() for c in counted)]
    for match in sorted([*counted, *leader_lists], key=lambda m: m.start()):
        head = match.group(4)
        words = match.group(3)
        if _NOT_A_LIST_HEAD.search(words):
            continue
        leaders = bool(re.search(r"龙头|链主|领军", words + head))
        pieces: list[tuple[int, int]] = []
        offset = match.start(1)
        capacity = _capacity_before(text, match.start(1))
        for separator in [*_separators(match.group(1), match.start(1), index), None]:
            stop = match.start(1) + separator.start() if separator else match.end(1)
            if capacity is not None and not pieces and separator is not None and separator.group() != "、":
                continue  # N万吨/年A及B项目: the capacity measures the whole item, up to the list's next 、
            pieces.append((capacity if capacity is not None and not pieces else offset, stop))
            offset = match.start(1) + separator.end() if separator else match.end(1)
        pieces = [_without_product(text, a, b) for a, b in pieces]
        # 其中总投资33亿元的A项目、总投资20亿元B项目: each item's amount is the sentence's, not the name's
        pieces = [(m.end() if (m := _AMOUNT_FIRST.match(text, a, b)) and b - m.end() >= 2 else a, b) for a, b in pieces]
        pieces = [(_past_glued_opening(text, a, b) if i else a, b) for i, (a, b) in enumerate(pieces)]  # 、由B、C…
        first_start, first_end = pieces[0]
        # (签约A及B项目、…: the name starts before the 及 that joins its parts)
        joined = first_start + m.start() if (m := joining_conjunction(text[first_start:first_end])) else first_end
        cut = (name_start(index, first_start, joined + 1, 1, {"p", "c", "u", "d", "w", "vd", "ad"})
               if joined - first_start > 2 and capacity is None and match.re is not _LEADER_LIST else first_start)
        cut = _past_a_pronoun_and_its_verb(index, cut, joined)
        # (以A、B为龙头: the list starts right after 以, whatever the model reads there — 以|允升科技)
        if cut > first_start and _TAIL_WORDS.fullmatch(text[cut:first_end]):
            # 引进|泛林|半导体: the model read the firm's word as a verb; an industry word alone is no name
            cut = max((t.start for t in index.within(first_start, cut) if t.end == cut and t.start > first_start
                       and t.tag == "v"), default=cut)
        pieces[0] = (cut, first_end)
        items = []
        for a, b in pieces:
            name = text[a:b]
            is_project = bool(_PROJECT_ITEM.fullmatch(_CAPACITY.sub("", name))) and not re.search(r"(?:重点|重大|产业|在建|签约)(?:项目|工程)$", name)
            if len(name) < 2 or _COUNTED.search(name) or not is_project and (_NOT_AN_ITEM.search(name) or len(name) > 12) \
                    or not is_project and _QUANTITY_FIRST.match(name) or _NUMBERED_PART.match(name):
                continue  # (10万吨精密铜箔、450万平方米覆铜板等…项目: what the project makes, how much)
            # A、B等(重大)项目: the items are projects the text names by their short names, unless an
            # item's ending makes it a body (甲乙集团, 丙丁大学); A、B等入驻 / 配套 / 设计项目 name the
            # firms that come with their projects
            listed_project = head == "项目" and lists_projects(text, match.start(), match.start(3), match.end()) \
                and not is_project and organization_type(name) == "Company" and not re.search(_LEGAL_FORM + "$", name)
            items.append(Mention(a, b, "Project" if is_project or listed_project else organization_type(name), name,
                                 {"head": head, "leaders": leaders, "list": (match.start(), match.end())}))
        if 2 * len(items) < len(pieces) and not any(m.type == "Project" and _PROJECT_ITEM.fullmatch(m.name) for m in items):
            continue  # most items name fields or kinds (芯片设计、晶圆制造…): no list of names (a …项目 names itself)
        tags = [[t.tag for t in index.within(m.start, m.end)] for m in items]
        if not any(set(t) & _NAME_TAGS or _ends_in_an_industry(m.name) or _PROJECT_ITEM.fullmatch(m.name)
                   for m, t in zip(items, tags, strict=True)):
            continue  # 甲机乙机、精密铸件等8大项目: kinds of product, no names
        # 闽东北、闽西南: regions; 甲市乙丙 (a place, then two characters or more of no place) is a firm
        found.extend(m for m, t in zip(items, tags, strict=True) if set(t) != {"LOC"} or _named_after_a_place(m.name, places))
    return found
