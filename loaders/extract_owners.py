"""Whose a project is, read from its name: news names a project after the firm that builds it.

A project's name often opens with its firm's name or short form — the firm given in full
elsewhere in the article (甲乙科技有限公司 …, then 甲乙科技丙烯项目) or named alone in a list of
firms (甲乙、丙丁等企业 …, then 丙丁服装工厂项目). The project is then that firm's
(``developedBy``). The rule reads only the names the extractor found in the same article: it
knows no firm; a firm that appears only inside this project's own name is left to the rule that
reads a firm's legal form there (``firm_names_project``), one inside another project's name counts.

Example
-------
>>> forms = firm_forms(["甲乙科技有限公司", "丙丁"])
>>> firms_opening("甲乙科技己二酸项目", forms), firms_opening("丙丁服装智慧工厂项目", forms)
(['甲乙科技有限公司'], ['丙丁'])
>>> firms_opening("丙丁项目", forms), firms_opening("丙丁", forms), firms_opening("甲乙新区项目", firm_forms(["甲乙丙有限公司"]))
(['丙丁'], [], [])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from chainkg.loaders.extract_names import without_legal_form

__all__ = ["firm_forms", "firms_opening"]

#: the fewest characters a project's name holds after its firm's (产品 + 项目: 己二酸项目, 二期)
_REST = 2


def firm_forms(firms: Iterable[str], strip_place: Callable[[str], str] = lambda name: name) -> dict[str, list[str]]:
    """The forms a project's name may open with, each with the firms written so: a firm's name
    without its opening places, and that without its legal form.

    >>> firm_forms(["福建甲乙铜业有限公司", "丙丁"], lambda n: n.removeprefix("福建"))
    {'甲乙铜业有限公司': ['福建甲乙铜业有限公司'], '甲乙铜业': ['福建甲乙铜业有限公司'], '丙丁': ['丙丁']}
    """
    forms: dict[str, list[str]] = {}
    for firm in dict.fromkeys(firms):
        own = strip_place(firm)
        for form in dict.fromkeys((own, without_legal_form(own))):
            if len(form) >= 2:
                forms.setdefault(form, []).append(firm)
    return forms


def firms_opening(project: str, forms: dict[str, list[str]], strip_place: Callable[[str], str] = lambda name: name) -> list[str]:
    """The firms (of :func:`firm_forms`) whose longest form opens the project's name with at
    least two characters left after it; [] when none does."""
    brand = strip_place(project)
    for length in range(len(brand) - _REST, 1, -1):
        if (found := forms.get(brand[:length])) is not None:
            return found
    return []

