"""Leaders by the role the text gives them: 发挥 (突出, 强化) X(的)龙头 / 链主 / 引领 / 带动 / 领军作用.

A firm named as what plays a leader's role leads the chain of its sentence (the rules in
``extract._pattern_relations`` choose the chain). The holder must be a name: a common noun
plays the same role in the same words (发挥政策的引领作用, 发挥重大项目的带动作用), so a holder
that ends in a kind of thing, an activity or a role is none. 带动 and 领军 count only as the
holder's 作用: alone they say any firm's effect on growth (带动就业).

Nothing here names a firm of any article: the rules read the words of the role.

Example
-------
>>> [text[a:b] for text in ["发挥甲乙微电子的带动作用", "发挥重大项目的带动作用", "发挥丙丁集团龙头作用"]
...  for a, b in role_holders(text)]
['甲乙微电子', '丙丁集团']
"""

from __future__ import annotations

import re

__all__ = ["LEADING_ROLE", "role_holders"]

_CJK = r"\u3400-\u9fff"
#: the role after the holder (group 1: 链主 says a chain leader, the rest a leading enterprise)
LEADING_ROLE = re.compile(r"的?(龙头|链主|引领|(?:带动|领军)作用)")
_HOLDER = re.compile(rf"(?:发挥|突出|强化)了?([{_CJK}A-Za-z0-9]{{2,8}}?){LEADING_ROLE.pattern}")
# the words a common noun before the role is made of: kinds of thing, activities, roles and means,
# and what ranks them (重大项目, 龙头企业, 骨干企业): a holder of nothing else is no name
_GENERIC_WORD = re.compile(
    r"(?:项目|企业|公司|集团|平台|园区|基地|政策|投资|资金|资本|产业|集群|优势|人才|市场|政府|部门|作用|示范|龙头|链主"
    r"|品牌|机制|载体|功能|辐射|科技|创新|服务|区位|资源|文化|组织|党建|协会|商会|行业|主体|力量|效应|窗口|招商"
    r"|重大|重点|骨干|优质|大型|头部|领军|核心|链上|本地|外资|民营|国有|各类|各|大)")


def _is_a_name(words: str) -> bool:
    return bool(_GENERIC_WORD.sub("", words))


def role_holders(text: str) -> list[tuple[int, int]]:
    """The spans of the names written as what plays a leader's role (see the module)."""
    return [match.span(1) for match in _HOLDER.finditer(text) if _is_a_name(match.group(1))]
