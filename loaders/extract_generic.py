"""What reads like a name but names nothing: slogans, clause fragments, kinds and ranks.

The extractor finds names by their endings (…产业园, …公司, …项目). News wraps those endings
in language that is no name at all, and these rules describe that language:

- **a slogan or an honour** (:func:`in_slogan_frame`): what a place sets out to become or is
  called — 打造 / 建设成 / 争创 / 成为 / 被评为 + a title (中国X谷, 全国X基地) or a quoted
  phrase — is an aim, not a park or firm that exists;
- **words that open a clause** (:data:`CLAUSE_OPENERS`): the title of a policy (关于推进…),
  a target (力争…), what a list is (项目有…) stand before a name, never in it;
- **a kind, a grade, a rank or a quality instead of a name** (:func:`names_a_kind`): a name's
  words before its ending made only of such words (国外大公司, 内资项目, 省级经济开发区,
  高端全产业基地) or holding a ranking (十大, 百强, 优秀) say what sort of thing, not which one;
- **a chain's park after a word of time or sort** (:func:`chain_park_of_a_sort`): 以往的X产业园 /
  这类X产业园, where X is only a chain's label, speaks of such parks in general, not of one;
- **a chain's firms as a kind** (:func:`firms_of_a_kind`): …的X企业(之一) says what sort of firm
  the subject is, not a firm named X企业;
- **a brand that is a common noun or a park** (:func:`is_no_brand`): the words before a chain's
  label in a park's name (X半导体产业基地) name a firm only when they are a name, not a noun the
  model reads as common (化合物) nor a park's own words (X园 of X园区).

Nothing here names a firm, park or sentence of any article: the rules read the frame.

Example
-------
>>> text = "甲乙区致力打造中国光谷。"
>>> in_slogan_frame(text, text.index("中国"), text.index("。"))
True
>>> names_a_kind("国外大", "公司"), names_a_kind("省级", "经济开发区"), names_a_kind("甲乙", "公司")
(True, True, False)
"""

from __future__ import annotations

import re
from collections.abc import Container

__all__ = ["CLAUSE_OPENERS", "in_slogan_frame", "names_a_kind", "chain_park_of_a_sort", "firms_of_a_kind", "is_no_brand"]

#: Words that open a clause before a name and are never part of one: a policy's title (关于 /
#: 推进 / 加快 …), a target (力争 / 争取), what a list is (项目有 / 企业有).
CLAUSE_OPENERS = ("关于", "推进", "加快", "力争", "争取", "努力", "项目有", "企业有", "园区有")

# What a place sets out to build or become, or what it is called: the verb before a slogan.
_SLOGAN_VERB = re.compile(r"(?:打造|打造成|建设|建设成|建成|争创|创建|创成|成为|建设成为|誉为|称为|评为|被评为|荣获)[“\"‘]?$")
# what a place is positioned as is a kind of park or zone, never one by name: 功能定位为绿色食品精深加工产业园区
_POSITIONED_AS = re.compile(r"定位(?:为|于|是)[“\"‘]?$")
# A title opens a slogan: a name no place gives, only a nation, the world or a rank (中国X谷, 全国X基地).
_TITLE = re.compile(r"^(?:中国|全国|全省|全球|世界|国际|亚洲|东南|海峡|两岸|国家级|世界级|一流|首个|第一)")
# A ranking is a title given, never a name: 十大X, 百强X, 20强, 优秀X, 示范X.
_RANKING = re.compile(r"[一二三四五六七八九十百千\d]+(?:大|强)|优秀|前列|一批|多家|若干")
# Words that say what sort of thing or how good: without a word of a name, a kind.
_KIND_WORDS = re.compile(
    r"国外|国内|海外|境外|境内|外资|内资|外商|台资|民营|国有|外地|本地|当地|大型|中小|小型|大|小|知名|龙头|骨干|头部|优质"
    r"|高端|中高端|全产业链|全产业|产业链|高新技术|现代化|国际化|智能化|数字化|绿色|新型|综合|一流|重点|重大|特色|主导|优势"
    r"|省级|市级|县级|区级|国家级|世界级|千亿级?|百亿级?|全|新|高|各类|相关|其他|其它|有关|部分|多个|若干"
    r"|在建|续建|新建|新开工|签约|招商|储备|产业|工业|技术改造|技改|改扩建|扩建|改造|升级")
# …of these, the ones that grade or qualify (a bare chain before an ending is a park's own name:
# 甲链产业园; a grade or quality before it makes it a kind: 省级半导体高新区)
_GRADE_WORDS = re.compile(r"省级|市级|县级|区级|国家级|世界级|千亿级?|百亿级?|高端|中高端|一流|现代化|国际化|优质|知名|大型")


def in_slogan_frame(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is a slogan or an honour: right after a verb of
    aim or naming (打造, 争创, 成为, 被评为 …), quoted or opening with a title (中国, 全国,
    世界 …) or holding a ranking; or what a place is positioned as (定位为X产业园区: a kind).

    >>> text = "高新区被评为全国十大优秀产业园，打造“丙丁芯谷”，打造甲乙半导体产业基地。"
    >>> in_slogan_frame(text, 6, text.index("，"))
    True
    >>> at = text.index("丙丁芯谷")
    >>> in_slogan_frame(text, at, at + 4)
    True
    >>> at = text.index("甲乙半导体")
    >>> in_slogan_frame(text, at, text.index("。"))
    False
    """
    if _POSITIONED_AS.search(text, max(0, start - 4), start):
        return True
    if not _SLOGAN_VERB.search(text, max(0, start - 6), start):
        return False
    name = text[start:end]
    quoted = text[start - 1:start] in "“\"‘" and start > 0
    return quoted or bool(_TITLE.match(name) or _RANKING.search(name))


def names_a_kind(stem: str, ending: str, chains: Container[str] = ()) -> bool:
    """Whether a name's words before its ending (``stem``) say a kind rather than which one
    (a place among them makes a name: 甲乙高新技术 产业园区 is that place's park): nothing but
    kind, grade and quality words (国外大 公司,
    内资 项目, 高端全产业 基地), a grade or quality with a chain's label (省级半导体 高新区), or
    a ranking anywhere (十大…优秀 产业园). ``chains`` are the chain labels the text may hold.

    >>> names_a_kind("内资", "项目"), names_a_kind("大陆十大集成电路优秀", "产业园")
    (True, True)
    >>> names_a_kind("省级半导体", "高新区", {"半导体"}), names_a_kind("集成电路", "产业园", {"集成电路"})
    (True, False)
    >>> names_a_kind("智能化改造", "项目"), names_a_kind("甲乙光电", "产业园", {"光电"})
    (True, False)
    """
    if not stem or _RANKING.search(stem):
        return True
    rest = _KIND_WORDS.sub("", stem)
    if not rest:
        return True
    return bool(_GRADE_WORDS.search(stem)) and rest in chains


# Words of time or sort before a name that make it any such thing: 以往的 / 传统的 / 这类 …
_OF_A_SORT = re.compile(r"(?:以往|过去|从前|此前|传统|一般|普通|通常|常见)的$|(?:这类|此类|这种|此种|那种|同类|各类)$")


def chain_park_of_a_sort(text: str, start: int, stem: str, chains: Container[str]) -> bool:
    """Whether the name at ``start``, whose words before its ending (``stem``) are only a chain's
    label, follows a word of time or sort (以往的, 传统的, 这类 …): parks of that chain in
    general, not one park.

    >>> text = "不同于以往的智能装备产业园，甲乙智能装备产业园已投用。"
    >>> chain_park_of_a_sort(text, 6, "智能装备", {"智能装备"})
    True
    >>> chain_park_of_a_sort(text, text.index("甲乙"), "甲乙智能装备", {"智能装备"})
    False
    """
    return stem in chains and bool(_OF_A_SORT.search(text, max(0, start - 4), start))


# …的 + label + 企业: a kind of firm (中国最大的X企业之一), as 企业 is never a name's own ending
_KIND_OF_FIRM = re.compile(r"(?:龙头|骨干|领军|重点|知名)?企业")


def firms_of_a_kind(text: str, start: int, end: int) -> bool:
    """Whether the chain label at ``text[start:end]`` stands between 的 and 企业: the kind of firm
    a sentence says its subject is (最大的X企业之一), not the words of a firm's name.

    >>> text = "甲乙集团成为全国最大的工程机械企业之一。"
    >>> firms_of_a_kind(text, text.index("工程"), text.index("企业"))
    True
    >>> text = "甲乙机械企业集团投产。"
    >>> firms_of_a_kind(text, 2, 4)
    False
    """
    return text[start - 1:start] == "的" and start > 0 and bool(_KIND_OF_FIRM.match(text, end))


def is_no_brand(brand: str, common_noun: bool, park_names: list[str]) -> bool:
    """Whether the words before a chain's label in a park's name are no firm's brand: a noun the
    model reads as common (``common_noun``: 化合物, 新材料), a park's own words (ending in 园 /
    谷 / 城 / 港, or opening a park's name in ``park_names``: 甲乙园 of 甲乙园区).

    >>> is_no_brand("化合物", True, []), is_no_brand("甲乙园", False, ["甲乙园区"]), is_no_brand("甲乙", False, [])
    (True, True, False)
    """
    if common_noun or re.search(r"[园谷城港区]$", brand):
        return True
    return any(p != brand and p.startswith(brand) and re.fullmatch(r"园区?|区", p[len(brand):]) for p in park_names)
