"""Whose a project is, read from its name: news names a project after the firm that builds it.

A project's name often opens with its firm's name or short form — the firm given in full
elsewhere in the article (甲乙科技有限公司 …, then 甲乙科技丙烯项目) or named alone in a list of
firms (甲乙、丙丁等企业 …, then 丙丁服装工厂项目). The project is then that firm's
(``developedBy``). The rule reads only the names the extractor found in the same article: it
knows no firm, and a firm that appears only inside the project's own name is left to the rule
that reads a firm's legal form there (``firm_names_project``).

Example
-------
>>> firm_opening("甲乙科技己二酸项目", ["甲乙科技有限公司", "丙丁"])
'甲乙科技有限公司'
>>> firm_opening("丙丁服装智慧工厂项目", ["甲乙科技有限公司", "丙丁"])
'丙丁'
>>> firm_opening("丙丁项目", ["丙丁"]), firm_opening("丙丁", ["丙丁"])
('丙丁', None)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from chainkg.loaders.extract_names import LEGAL_FORM

__all__ = ["firm_opening"]

#: the fewest characters a project's name holds after its firm's (产品 + 项目: 己二酸项目, 二期)
_REST = 2
# a firm's legal form, at its name's end: 甲乙铜业有限公司 is written 甲乙铜业 in its projects' names
_WITHOUT_LEGAL_FORM = re.compile(LEGAL_FORM + "$")


def firm_opening(project: str, firms: Iterable[str], strip_place: Callable[[str], str] = lambda name: name) -> str | None:
    """The firm (one of ``firms``) whose name or short form opens the project's name, the
    longest such opening first; None when none does. ``strip_place`` removes a name's opening
    places (福建甲乙有限公司 → 甲乙有限公司), from the project's name and the firms' alike.

    >>> firm_opening("福建甲乙铜业二期项目", ["福建甲乙铜业有限公司"], lambda n: n.removeprefix("福建"))
    '福建甲乙铜业有限公司'
    >>> firm_opening("甲乙新区项目", ["甲乙丙有限公司"]) is None   # 甲乙 opens both, but 甲乙丙 is the firm
    True
    """
    brand = strip_place(project)
    best: tuple[int, str] | None = None
    for firm in firms:
        own = strip_place(firm)
        for form in (own, _WITHOUT_LEGAL_FORM.sub("", own)):
            if len(form) >= 2 and len(brand) - len(form) >= _REST and brand.startswith(form) \
                    and (best is None or len(form) > best[0]):
                best = (len(form), firm)
    return best[1] if best else None
