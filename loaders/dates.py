"""Dates as sources state them: a document's own date, a date in a sentence, relative words.

A fact is dated by what its source says, never by a guess:

- **a document's date**: a dateline in its first lines — ``发布日期:2025年07月28日``,
  ``日期:2024-07-04``, ``更新时间:2011/6/2``, ``2010-8-10 8:43:54``, ``2022-07-15``,
  ``2023年6月26日讯`` (:func:`document_date`); else the date a user gives (``chainkg build
  --date FILE=DATE`` or a ``dates.csv`` beside the articles, :func:`read_dates_manifest`);
  else none, and the facts are *undated*;
- **a date in the sentence** (:func:`sentence_date`): ``2024年2月底`` → ``2024-02``, ``去年7月``
  → the year before the document's, July; ``今年`` / ``去年`` / ``前年`` / ``昨日`` resolve
  against the document's date and stay unresolved without one. A date *after* the
  document's is a plan's target (``力争2026年投产``), not when the fact was stated, so it is
  not used.

Dates are ISO text at the precision the words give: ``2024``, ``2024-02`` or ``2024-02-29``.
Compared as text they order as the periods they start (``"2024-03" <= "2024-03-01"``), so an
"as of" date tests a fact dated by month from the first day of that month, in Python and in
Cypher alike.

Example
-------
>>> from datetime import date
>>> sentence_date("中科玮创项目于去年7月开工", date(2025, 8, 29))
'2024-07'
>>> sentence_date("截至2024年2月底,在建项目42个", None)
'2024-02'
>>> document_date("标题\\n发布日期:2025年07月28日 来源:某网")
datetime.date(2025, 7, 28)
"""

from __future__ import annotations

import csv
import os
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from chainkg.errors import SourceError
from chainkg.loaders.extract_status import STATUS_MEASURE
from chainkg.loaders.records import FactSet

__all__ = ["DATE_PHRASE", "DATELINE", "resolve_date_phrase", "document_date", "sentence_date", "sentence_dates",
           "iso_date", "is_after", "parse_user_date", "read_dates_manifest", "DATES_MANIFEST", "learned_date",
           "date_precision", "date_facts", "fact_sentence"]

#: A date phrase as the extractor reports it (figures of measure ``date``); kept as it was
#: in ``extract.py``, whose rules and tests read its groups.
DATE_PHRASE = re.compile(r"(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?|(\d{1,2})月(\d{1,2})日|昨日|昨天|去年|今年|前年")
#: A dateline of a news wire (``2023年6月26日讯``), as the extractor looks for it.
DATELINE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:讯|电)")

# Datelines of web pages: a label (发布日期 / 日期 / 更新时间 / 时间 / 来源…) or a bare date with a
# time after it; the year, month and day in Chinese or with - / separators.
_PAGE_DATELINE = re.compile(
    r"(?:(?:发布|更新|发稿)?(?:日期|时间)\s*[:：]\s*)?"
    r"(?<!\d)((?:19|20)\d{2})\s*(?:年|-|/)\s*(\d{1,2})\s*(?:月|-|/)\s*(\d{1,2})(?!\d)\s*(?:日)?")
_WINDOW = 300  # a dateline stands in the first lines

# Dates in a sentence, most specific first: 2024年2月(底/末/初), 去年7月, 2024年, 今年, 昨日.
_SENTENCE_DATE = re.compile(
    r"(?P<year>(?:19|20)\d{2})年(?:(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?)?"
    r"|(?P<relative>去年|今年|前年)(?:(?P<rmonth>\d{1,2})月(?:(?P<rday>\d{1,2})日)?)?"
    r"|(?P<monthday>(?P<mmonth>\d{1,2})月(?P<mday>\d{1,2})日)"
    r"|(?P<yesterday>昨日|昨天)")

#: The file a user writes beside their articles to date them: ``file,published[,learned]``.
DATES_MANIFEST = "dates.csv"


def resolve_date_phrase(match: re.Match, document: date | None) -> str | None:
    """ISO form of a :data:`DATE_PHRASE` match; relative ones (昨日, 去年) against the document's date.

    >>> resolve_date_phrase(DATE_PHRASE.search("昨日"), date(2024, 3, 1)), resolve_date_phrase(DATE_PHRASE.search("去年"), date(2024, 3, 1))
    ('2024-02-29', '2023')
    >>> resolve_date_phrase(DATE_PHRASE.search("2017年"), None), resolve_date_phrase(DATE_PHRASE.search("8月27日"), None)
    ('2017', '--08-27')
    """
    text = match.group(0)
    year, month, day, month2, day2 = match.groups()
    if year:
        return "-".join([year] + [f"{int(x):02d}" for x in (month, day) if x])
    if month2:
        return f"{document.year}-{int(month2):02d}-{int(day2):02d}" if document else f"--{int(month2):02d}-{int(day2):02d}"
    if document is None:
        return None
    if text in ("昨日", "昨天"):
        return (document - timedelta(days=1)).isoformat()
    return str(document.year + {"去年": -1, "今年": 0, "前年": -2}[text])


def document_date(text: str) -> date | None:
    """The date a document gives itself in its first lines (a dateline), else None.

    >>> document_date("某某新闻 2010-8-10 8:43:54 中国路面机械网")
    datetime.date(2010, 8, 10)
    >>> document_date("更新时间:2011/6/2 来源:某网"), document_date("没有日期的文章")
    (datetime.date(2011, 6, 2), None)
    """
    head = text[:_WINDOW]
    for pattern in (DATELINE, _PAGE_DATELINE):
        for match in pattern.finditer(head):
            try:
                return date(*map(int, match.groups()[:3]))
            except ValueError:
                continue  # 2024-13-40: not a date
    return None


def _valid(year: int, month: int | None, day: int | None) -> bool:
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def _iso(year: int, month: int | None, day: int | None) -> str:
    return "-".join([f"{year:04d}"] + [f"{x:02d}" for x in (month, day) if x])


def sentence_dates(sentence: str, document: date | None, precision: int = 10) -> list[str]:
    """Every date the sentence states, resolved against the document's date (unresolvable ones
    left out). ``precision``: how much of the document's ISO date is known (4 year, 7 month,
    10 day): 昨日 and 5月17日 need its day, 去年 / 今年 its year.

    >>> sentence_dates("2017年开工,去年投产", date(2024, 3, 1))
    ['2017', '2023']
    >>> sentence_dates("昨日开工", date(2024, 3, 1), precision=7)
    []
    """
    found = []
    for match in _SENTENCE_DATE.finditer(sentence):
        if match["year"]:
            year, month, day = int(match["year"]), match["month"], match["day"]
        elif match["relative"]:
            if document is None:
                continue
            year = document.year + {"去年": -1, "今年": 0, "前年": -2}[match["relative"]]
            month, day = match["rmonth"], match["rday"]
        elif match["monthday"]:  # 5月17日: in the document's year
            if document is None or precision < 10:
                continue
            year, month, day = document.year, match["mmonth"], match["mday"]
        else:
            if document is None or precision < 10:
                continue
            found.append((document - timedelta(days=1)).isoformat())
            continue
        month_n, day_n = (int(month) if month else None), (int(day) if day else None)
        if day_n and not month_n:
            continue
        if _valid(year, month_n, day_n):
            found.append(_iso(year, month_n, day_n))
    return found


def is_after(first: str, second: str) -> bool:
    """Whether the period ``first`` names lies wholly after ``second`` (compared at the coarser precision).

    >>> is_after("2024-03-15", "2024-03"), is_after("2024-04", "2024-03-15"), is_after("2025", "2024-12")
    (False, True, True)
    """
    size = min(len(first), len(second))
    return first[:size] > second[:size]


def sentence_date(sentence: str, document: date | None, published: str | None = None) -> str | None:
    """The date a fact in ``sentence`` holds from: the latest date the sentence states that is
    not after the document's own (``published``, default the document's date; a later one is
    a plan's target), else None.

    >>> sentence_date("力争2026年投产", date(2024, 3, 1)) is None
    True
    >>> sentence_date("南王去年深交所A股成功上市", date(2024, 3, 1))
    '2023'
    >>> sentence_date("2024年3月15日召开", date(2024, 3, 1), "2024-03")  # a month-precise source date bounds by month
    '2024-03-15'
    """
    ceiling = published or (document.isoformat() if document else None)
    precision = len(ceiling) if ceiling else 10
    dates = [d for d in sentence_dates(sentence, document, precision) if ceiling is None or not is_after(d, ceiling)]
    return max(dates) if dates else None


_REMARK = re.compile(r"[（(][^（）()]*[）)]")


def fact_sentence(sentence: str, names: tuple[str, ...]) -> str:
    """The part of ``sentence`` that dates a fact about ``names``: a bracketed remark
    (``南王龙头作用(去年深交所A股成功上市)``) dates only the facts it names, so the sentence
    without its remarks, plus each remark that names one of ``names``.

    >>> fact_sentence("惠安县发挥南王龙头作用(去年深交所A股成功上市),引进食品项目", ("惠安县", "食品"))
    '惠安县发挥南王龙头作用,引进食品项目'
    >>> fact_sentence("惠安县发挥南王龙头作用(去年深交所A股成功上市),引进食品项目", ("南王", "深交所"))
    '惠安县发挥南王龙头作用,引进食品项目 (去年深交所A股成功上市)'
    """
    remarks = [m.group(0) for m in _REMARK.finditer(sentence) if any(n and n in m.group(0) for n in names)]
    return " ".join([_REMARK.sub("", sentence), *remarks])


def iso_date(value: object) -> str | None:
    """A user's or a file's date as ISO text (``2024-03``, ``2024-03-01``, a ``date``), else None.

    >>> iso_date("2024-3"), iso_date(date(2024, 3, 1)), iso_date("2024年3月"), iso_date("soon")
    ('2024-03', '2024-03-01', '2024-03', None)
    """
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = re.fullmatch(r"((?:19|20)\d{2})(?:\s*(?:-|/|年)\s*(\d{1,2})(?:\s*(?:-|/|月)\s*(\d{1,2})\s*日?)?\s*月?)?", text)
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2]) if match[2] else None, int(match[3]) if match[3] else None
    return _iso(year, month, day) if _valid(year, month, day) else None


def parse_user_date(text: str, where: str = "--date") -> str:
    """:func:`iso_date` or a :class:`SourceError` naming where the date was given."""
    found = iso_date(text)
    if found is None:
        raise SourceError(where, f"not a date: {text!r} (give YYYY, YYYY-MM or YYYY-MM-DD)")
    return found


def date_precision(iso: str) -> date:
    """The first day of the period an ISO date names (``2024-03`` → 2024-03-01)."""
    parts = [int(x) for x in iso.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def read_dates_manifest(path: Path) -> dict[str, tuple[str | None, str | None]]:
    """``file name → (published, learned)`` from a ``dates.csv`` (columns ``file``,
    ``published``, optional ``learned``; ``#`` starts a comment line).

    Raises
    ------
    SourceError
        A missing column, or a value that is no date, naming the file and line.
    """
    dates: dict[str, tuple[str | None, str | None]] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.lstrip().startswith("#"))
        if rows.fieldnames is None or not {"file", "published"} <= set(rows.fieldnames):
            raise SourceError(path, "a dates manifest needs the columns file,published (and optionally learned)")
        for number, row in enumerate(rows, start=2):
            name = (row.get("file") or "").strip()
            published = (row.get("published") or "").strip()
            learned = (row.get("learned") or "").strip()
            if not name:
                raise SourceError(f"{path}:{number}", "file: empty")
            dates[name] = (parse_user_date(published, f"{path}:{number}: published") if published else None,
                           parse_user_date(learned, f"{path}:{number}: learned") if learned else None)
    return dates


def learned_date(path: Path | None) -> str | None:
    """When the graph learned a source: the day its file was last written (UTC), clamped to
    ``SOURCE_DATE_EPOCH`` when that is set (the reproducible-builds convention), so two
    builds of the same files record the same day; None for a source with no file.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamps = []
    if path is not None:
        try:
            stamps.append(path.stat().st_mtime)
        except OSError:
            pass
    if epoch and epoch.strip().isdigit():
        stamps = [min(stamps + [int(epoch)])] if stamps else [int(epoch)]
    if not stamps:
        return None
    return datetime.fromtimestamp(stamps[0], UTC).date().isoformat()


def date_facts(facts: FactSet) -> FactSet:
    """``facts`` with every relation and observation dated (in place; records are replaced, not
    edited): ``stated_on`` from a date in its sentence (:func:`sentence_date`) else its
    source's ``published``, ``learned_on`` from its source's ``learned``. A date already set
    (a reviewer's ``stated_on:``) is kept; a fact whose source gives no date stays undated.

    >>> from chainkg.loaders.records import Relation, SourceDocument, TextSpan
    >>> said = TextSpan("s", 0, 9, "南王去年深交所A股成功上市", "南王去年深交所A股成功上市")
    >>> facts = FactSet(sources={"s": SourceDocument("s", "article", "t", published="2024-03", learned="2026-11-27")},
    ...                 relations=[Relation("org/a", "listedOn", "org/b", "s", evidence=said), Relation("org/a", "locatedIn", "area/c", "s")])
    >>> [(r.stated_on, r.learned_on) for r in date_facts(facts).relations]
    [('2023', '2026-11-27'), ('2024-03', '2026-11-27')]
    """
    from dataclasses import replace

    anchors: dict[str, tuple[date | None, str | None, str | None]] = {}
    for source in facts.sources.values():
        published = iso_date(source.published) if source.published else None
        anchors[source.id] = (date_precision(published) if published else None, published, source.learned)

    def names(entity_id: str) -> tuple[str, ...]:
        entity = facts.entities.get(entity_id)
        return (entity.name, *entity.aliases) if entity is not None else ()

    def dated(record):
        anchor, published, learned = anchors.get(record.source_id, (None, None, None))
        stated = record.stated_on
        if stated is None:
            sentence = record.evidence.plain_text or record.evidence.quote if record.evidence is not None else ""
            if getattr(record, "measure", None) == STATUS_MEASURE and record.label:
                sentence = record.label  # a status statement: its own clause dates it (去年7月开工，目前在建)
            ends = (record.subject, record.object) if hasattr(record, "subject") else (record.about,)
            sentence = fact_sentence(sentence, tuple(n for end in ends for n in names(end)))
            if published is None and getattr(record, "modality", None) == "intended":
                sentence = ""  # a plan in an undated source: a year in it may be its target (力争到2027年)
            stated = sentence_date(sentence, anchor, published) or published
            if stated and published and published.startswith(stated):
                stated = published  # 2024年 in a source of 2024-03: the source's date says more
        if stated == record.stated_on and (record.learned_on or learned) == record.learned_on:
            return record
        return replace(record, stated_on=stated, learned_on=record.learned_on or learned)

    facts.relations[:] = [dated(r) for r in facts.relations]
    facts.observations[:] = [dated(o) for o in facts.observations]
    return facts
