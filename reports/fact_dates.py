"""Each fact's date as the pages show it, and which facts are stale.

Rules
-----
- **A fact's date** is the date its statements give it (``analyses.timeline``): when it was
  first stated (``knownSince``) and, when a later source reported a plan done, that date too
  (``statedSince``): ``2022-05-18，2024-03 转投产``; and its newest statement when a later
  source repeats it (``statedDates``): ``2020，最新 2023-05``. A fact whose source gives no date reads
  ``日期不详`` — never a guessed date.
- **The reference date** is the ``--as-of`` date when one is given, else the newest date of any
  fact in the graph — never the wall clock, so two builds of the same sources write the same
  bytes.
- **Stale** (陈旧): a dated fact whose newest statement known at the reference date (a fact
  restated by a later source is as new as that source) is before the reference date minus the
  threshold (``--stale-years``, default 3). Dates compare as ISO text,
  so ``2021-06`` counts from its first day, as in ``analyses.timeline``. An undated fact (one of
  its statements undated: no ``knownSince``) is never stale: a statement of unknown date may be
  the newest, and the page says 日期不详 instead.
- A **segment rests on stale news** when every entry it counts is stale.

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> dates = FactDates(seed_kg(), stale_years=3)
>>> dates.reference, dates.cutoff
('2024-03', '2021-03')
>>> dates.label({"known_since": "2022-05-18", "stated_since": "2024-03"}), dates.label({})
('2022-05-18，2024-03 转投产', '日期不详')
>>> dates.label({"known_since": "2020", "stated_dates": ["2020", "2023-05"]})
'2020，最新 2023-05'
>>> dates.is_stale({"known_since": "2020"}), dates.is_stale({"known_since": "2022"}), dates.is_stale({})
(True, False, False)
>>> dates.is_stale({"known_since": "2020", "stated_dates": ["2020", "2023-05"]})  # restated in 2023
False
>>> dates.label({"stated_since": "2019"}), dates.is_stale({"stated_since": "2019"})
('日期不详，2019 报告建成', False)
"""

from __future__ import annotations

import networkx as nx

__all__ = ["DEFAULT_STALE_YEARS", "UNDATED_ZH", "STALE_ZH", "FactDates", "reference_date", "years_before"]

#: How many years before the reference date a fact's newest date may lie before it reads stale.
DEFAULT_STALE_YEARS = 3
UNDATED_ZH = "日期不详"
STALE_ZH = "陈旧"


def _newest(data: dict, as_of: str | None = None) -> str | None:
    """The date of the fact's newest statement (known as of ``as_of``, when given)."""
    if not data.get("known_since"):
        return None  # a statement of unknown date could be the newest
    dates = [data["known_since"], *(d for d in (data.get("stated_since"), *data.get("stated_dates", ())) if d)]
    return max((d for d in dates if as_of is None or d <= as_of), default=data["known_since"])


def reference_date(kg: nx.MultiDiGraph, as_of: str | None = None) -> str | None:
    """``as_of`` when given, else the newest date of any fact in ``kg`` (None: no fact is dated).

    >>> from chainkg.analyses.embedded import seed_kg
    >>> reference_date(seed_kg()), reference_date(seed_kg(), "2023-12-31")
    ('2024-03', '2023-12-31')
    """
    if as_of is not None:
        return as_of
    dates = [d for _, _, data in kg.edges(data=True) if data.get("sources") and (d := _newest(data))]
    return max(dates) if dates else None


def years_before(date: str, years: int) -> str:
    """``date`` (ISO text at any precision) moved back ``years`` years, at the same precision.

    >>> years_before("2025-08-29", 3), years_before("2024-03", 1), years_before("2024-02-29", 1)
    ('2022-08-29', '2023-03', '2023-02-28')
    """
    year, *rest = date.split("-")
    if rest[-1:] == ["29"] and rest[0] == "02":
        rest = ["02", "28"]  # no 29 February in most years; the day before keeps the order
    return "-".join([f"{int(year) - years:04d}", *rest])


class FactDates:
    """The dates and stale marks of one page, from the graph it draws and its reference date.

    ``as_of``: the date the page answers as of (None: the newest date in ``kg``).
    """

    def __init__(self, kg: nx.MultiDiGraph, *, stale_years: int = DEFAULT_STALE_YEARS, as_of: str | None = None):
        self.kg = kg
        self.stale_years = stale_years
        self.reference = reference_date(kg, as_of)
        self.cutoff = years_before(self.reference, stale_years) if self.reference else None

    def edge(self, subject: str, target: str, predicate: str) -> dict | None:
        """The attributes of the fact ``subject —predicate→ target`` (None: no such edge)."""
        return self.kg.get_edge_data(subject, target, key=predicate) if self.kg.has_node(subject) else None

    @staticmethod
    def label(data: dict) -> str:
        """When the fact was stated (and reported done, when later), or 日期不详."""
        known, stated = data.get("known_since"), data.get("stated_since")
        if not known:
            return UNDATED_ZH + (f"，{stated} 报告建成" if stated else "")
        label = known if not stated or stated == known else f"{known}，{stated} 转投产"
        latest = max(data.get("stated_dates") or [known])
        return label if latest <= max(known, stated or "") else f"{label}，最新 {latest}"

    def is_stale(self, data: dict) -> bool:
        """Whether the fact's newest date lies before the cutoff (undated: never)."""
        newest = _newest(data, self.reference)
        return bool(newest and self.cutoff and newest < self.cutoff)

    def legend(self) -> str:
        """The rule as a planner reads it beside the page."""
        if self.reference is None:
            return f"{STALE_ZH}：无任何带日期的事实，无法判断新旧。"
        return (f"{STALE_ZH}：最新日期早于 {self.cutoff}（参照日 {self.reference} 前 {self.stale_years} 年）的事实；"
                f"{UNDATED_ZH}的事实不判新旧。")
