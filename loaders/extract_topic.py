"""The chain an article is about, from its title: what its projects work in when no sentence says.

A report on one industry (甲市X产业转型升级成效显著) lists that industry's projects by their
short names (A、B、C等项目平稳建设) in paragraphs that never name the chain again. The title
says it once for the whole article:

- **the title** is the article's first line, when it is short and holds no full stop (a
  heading, not a paragraph);
- **its chain** is the one chain it names as an industry (a chain mention whose head word is
  产业 / 行业); a title naming two chains, or a chain only as a word of a name or a slogan,
  gives none;
- **whose**: projects the sentences gave no chain take it. Firms do not: a firm in a report on
  an industry may be its customer, its investor or its host.

Example
-------
>>> title_span("甲市X产业转型升级成效显著\\n正文。")
(0, 13)
>>> title_span("甲市推进项目建设。乙县也在推进。\\n")
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["TITLE_LENGTH", "title_span", "title_chain"]

#: A first line longer than this is a paragraph, not a heading.
TITLE_LENGTH = 60


def title_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the article's title: its first non-blank line when that is a heading
    (at most ``TITLE_LENGTH`` characters, no full stop)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end]
    if not line or len(line) > TITLE_LENGTH or "。" in line:
        return None
    return start, end


def title_chain(text: str, chains: Sequence[Any]) -> Any | None:
    """The one chain the title names as an industry, among the article's chain mentions
    (``chains``: spans with ``start``, ``end``, ``key`` and ``extra["mention"].head``), or None.

    >>> from types import SimpleNamespace as S
    >>> text = "甲市石化产业转型升级成效显著\\n"
    >>> chain = S(start=2, end=4, key="chain/petrochemical", extra={"mention": S(head="产业")})
    >>> title_chain(text, [chain]) is chain
    True
    >>> title_chain("打造石化园区\\n", [S(start=2, end=4, key="c", extra={})]) is None
    True
    """
    bounds = title_span(text)
    if bounds is None:
        return None
    named = [c for c in chains if bounds[0] <= c.start and c.end <= bounds[1]]
    if len({c.key for c in named}) != 1:
        return None
    industry = [c for c in named if "mention" in c.extra and c.extra["mention"].head in ("产业", "行业")]
    return industry[0] if industry else None
