"""Who supplies whom: the frames in which news says one firm's goods go into another's.

A supply fact (``suppliesTo``: seller → buyer) is rarely written with the word 供应. These
frames describe the language that says it; each reads two organization mentions of one
sentence and the words around them:

- **carried parts** (:func:`carried_parts`): ``B生产的…, 搭载(着) / 采用 / 配备 S的…`` — what B
  makes carries S's parts, so S supplies B;
- **serving a buyer** (:func:`serves_buyer`): ``S…为 / 给 / 向 B 配套 / 供货 / 供应 / 提供…产品``;
- **named a supplier** (:func:`named_supplier`): ``S是 / 成为 B的(核心)供应商 / 配套商``, and
  ``B的供应商S``;
- **in the supply chain** (:func:`in_supply_chain`): ``S进入 / 打入 B(的)供应链 / 采购体系``.

Nothing here names a firm: the rules read the frame. Mentions are anything with ``start`` and
``end`` offsets into ``text``; each function returns ``(seller, buyer)`` pairs of them.

Example
-------
>>> from types import SimpleNamespace as S
>>> text = "由甲乙客车公司生产的客车，搭载着丙丁科技的动力电池。"
>>> buyer, seller = S(start=1, end=7), S(start=16, end=20)
>>> [(s.start, b.start) for s, b in carried_parts(text, (0, len(text)), [buyer, seller])]
[(16, 1)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

__all__ = ["SUPPLY_FRAMES", "carried_parts", "serves_buyer", "named_supplier", "in_supply_chain", "supply_pairs"]


class _Mention(Protocol):
    start: int
    end: int


M = TypeVar("M", bound=_Mention)

# after the buyer: what it makes (生产的 / 制造的 …), then within the sentence a verb of carrying parts
_MAKES_THEN_CARRIES = re.compile(r"(?:所)?(?:生产|制造|推出|研发|打造|组装)的[^。；！？]{0,30}?(?:搭载|采用|配备|装配|装载|选用|使用)(?:着|著|了)?$")
# after the seller: its goods (的 / 生产的 / 提供的 …)
_GOODS_OF = re.compile(r"(?:生产|提供|供应|研发|制造)?的")
# before the buyer: to whom; after it: what is given
_TO_WHOM = re.compile(r"(?:为|给|向)$")
_GIVES = re.compile(r"(?:提供|批量)?(?:配套|供货|供应|供给)|提供[^，。；]{0,12}?(?:产品|零部件|配件|部件|材料|原料|芯片|模组|电池)")
# the seller called the buyer's supplier
_IS = re.compile(r"是|为|成为|作为|系")
_SUPPLIER_WORD = r"的(?:核心|主要|重要|一级|二级|合格|优秀|全球|指定|战略)?(?:供应商|配套商|供货商|配套企业|配套厂商?)"
_SUPPLIER_OF = re.compile(_SUPPLIER_WORD)
_SUPPLIER_BEFORE = re.compile(_SUPPLIER_WORD + r"(?:之一)?$")
# the seller entering the buyer's supply chain
_ENTERS = re.compile(r"(?:成功|已|先后|陆续)?(?:进入|打入|切入|跻身|纳入)$")
_CHAIN_OF = re.compile(r"(?:的)?(?:全球|核心|一级)?(?:供应链|供应体系|配套体系|采购体系|供应商体系|供应商名录)")


def _in(sentence: tuple[int, int], mentions: Sequence[M]) -> list[M]:
    return sorted((m for m in mentions if sentence[0] <= m.start and m.end <= sentence[1]), key=lambda m: m.start)


def carried_parts(text: str, sentence: tuple[int, int], mentions: Sequence[M]) -> list[tuple[M, M]]:
    """``B生产的X, 搭载(着) S的Y``: S's goods go into what B makes.

    >>> from types import SimpleNamespace as S
    >>> text = "甲乙汽车生产的车型采用丙丁电子的芯片。"
    >>> [(s.start, b.start) for s, b in carried_parts(text, (0, len(text)), [S(start=0, end=4), S(start=11, end=15)])]
    [(11, 0)]
    """
    found = []
    inside = _in(sentence, mentions)
    for i, buyer in enumerate(inside):
        for seller in inside[i + 1:]:
            between = text[buyer.end:seller.start]
            if _MAKES_THEN_CARRIES.match(between) and _GOODS_OF.match(text, seller.end, sentence[1]):
                found.append((seller, buyer))
                break
    return found


def serves_buyer(text: str, sentence: tuple[int, int], mentions: Sequence[M]) -> list[tuple[M, M]]:
    """``S为B配套`` / ``S向B供货`` / ``S给B提供…零部件``: the nearest organization before the buyer
    in the sentence supplies it.

    >>> from types import SimpleNamespace as S
    >>> text = "甲乙精密长期为丙丁汽车配套。"
    >>> [(s.start, b.start) for s, b in serves_buyer(text, (0, len(text)), [S(start=0, end=4), S(start=7, end=11)])]
    [(0, 7)]
    """
    found = []
    inside = _in(sentence, mentions)
    for i, buyer in enumerate(inside):
        if i == 0 or not _TO_WHOM.search(text, max(sentence[0], buyer.start - 1), buyer.start):
            continue
        if _GIVES.match(text, buyer.end, sentence[1]) and not re.search(r"[。；]", text[inside[i - 1].end:buyer.start]):
            found.append((inside[i - 1], buyer))
    return found


def named_supplier(text: str, sentence: tuple[int, int], mentions: Sequence[M]) -> list[tuple[M, M]]:
    """``S是B的核心供应商`` and ``B的供应商S``.

    >>> from types import SimpleNamespace as S
    >>> text = "甲乙材料成为丙丁集团的核心供应商，丙丁集团的配套商戊己科技也来了。"
    >>> firms = [S(start=0, end=4), S(start=6, end=10), S(start=17, end=21), S(start=25, end=29)]
    >>> [(s.start, b.start) for s, b in named_supplier(text, (0, len(text)), firms)]
    [(0, 6), (25, 17)]
    """
    found = []
    inside = _in(sentence, mentions)
    for i, first in enumerate(inside[:-1]):
        second = inside[i + 1]
        if _IS.fullmatch(text, first.end, second.start) and _SUPPLIER_OF.match(text, second.end, sentence[1]):
            found.append((first, second))
        elif _SUPPLIER_BEFORE.fullmatch(text, first.end, second.start):
            found.append((second, first))
    return found


def in_supply_chain(text: str, sentence: tuple[int, int], mentions: Sequence[M]) -> list[tuple[M, M]]:
    """``S成功进入B(的)供应链``.

    >>> from types import SimpleNamespace as S
    >>> text = "甲乙电子成功进入丙丁手机供应链。"
    >>> [(s.start, b.start) for s, b in in_supply_chain(text, (0, len(text)), [S(start=0, end=4), S(start=8, end=12)])]
    [(0, 8)]
    """
    found = []
    inside = _in(sentence, mentions)
    for i, seller in enumerate(inside[:-1]):
        buyer = inside[i + 1]
        if _ENTERS.fullmatch(text, seller.end, buyer.start) and _CHAIN_OF.match(text, buyer.end, sentence[1]):
            found.append((seller, buyer))
    return found


#: (rule name, frame, prior confidence): what ``supply_pairs`` reads, in order.
SUPPLY_FRAMES = (("carried_parts", carried_parts, 0.7), ("serves_buyer", serves_buyer, 0.7),
                 ("named_supplier", named_supplier, 0.8), ("in_supply_chain", in_supply_chain, 0.7))


def supply_pairs(text: str, sentence: tuple[int, int], mentions: Sequence[M]) -> list[tuple[M, M, str, float]]:
    """(seller, buyer, rule, prior) for every frame that holds in the sentence.

    >>> from types import SimpleNamespace as S
    >>> text = "甲乙精密向丙丁汽车供货。"
    >>> [(s.start, b.start, rule) for s, b, rule, _ in supply_pairs(text, (0, len(text)), [S(start=0, end=4), S(start=5, end=9)])]
    [(0, 5, 'serves_buyer')]
    """
    return [(seller, buyer, rule, prior) for rule, frame, prior in SUPPLY_FRAMES
            for seller, buyer in frame(text, sentence, mentions)]
