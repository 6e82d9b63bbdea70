"""Status statements: what a clause says of a project's or park's stage, and what they add up to.

A project or park goes 规划 → 签约 → 开工 → 在建 → 投产. An article states where it stands in the
clause that names it (and the clauses after it in the same sentence, while no other firm, park
or project is named: the name stays their topic), in the words before the name in its own
clause (开工建设…项目, 在建的…), or, when none of these says anything, by the set it is picked
from (集中开工项目32个，其中…项目有甲、乙: :func:`set_status`):

==========================  ======================================================================
status                      the words
==========================  ======================================================================
``planned``                 规划建设 / 拟建 / 计划建设 / 筹建 / 谋划; or any word below under a plan or
                            target (将 / 拟 / 计划 / 力争 / 争取 / 预计 / 冲刺…) or as a condition
                            (建成后 / 投产后: "once built")
``signed``                  签约 / 签订 / 签署
``started``                 开工 / 动工 / 奠基 / 开建
``under_construction``      在建 / 建设中 / 施工 / 加快建设 / 加紧建设 / 正在建设
``in_operation``            竣工 / 建成 / 投产 / 投用 / 运营 / 达产 / 试生产 / 投入使用 / 落成 / 开园
==========================  ======================================================================

已 / 已经 / 正式 / 顺利 / 全面 / 正在 just before a word mark it done, whatever plan the clause
also names (计划总投资…的项目已投入试生产). A clause states one status: its most advanced done one,
else *planned*. Within one article a plan never stands beside a more advanced status of the same
thing (an article that reports a start and then what is 规划建设 describes the plan's content, not
a step back), and each status is stated once, from its first clause.

Each statement is an :class:`~chainkg.loaders.records.Observation` of measure ``project_status``
(value 1: one thing in that status) with ``project_status``, the sentence as evidence and the
clause as its ``label``; :func:`chainkg.loaders.dates.date_facts` dates it by that clause
(去年7月开工 → the year before the article's, July). A thing's status is its latest dated
statement (:func:`decided_status`); statements of the same date that disagree are all kept, and
the most advanced decides, as a relation reported done outweighs a plan of the same date.

Nothing here names a firm, park or project of any article: the rules read the words of a stage.

Example
-------
>>> [clause_status(c) for c in ["甲乙项目于去年7月开工", "力争甲乙项目年底投产", "甲乙产业园已建成投产", "总体规划面积60平方公里"]]
['started', 'planned', 'in_operation', None]
>>> decided_status([("2020", "planned"), ("2024-03", "in_operation")], "2021-06-01")
'planned'
>>> decided_status([("2020", "planned"), ("2024-03", "in_operation")], None)
'in_operation'
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from chainkg.loaders.records import FactSet, Observation, Origin, TextSpan
from chainkg.loaders.text import NormalizedText, normalize_annotated_text

__all__ = ["STATUSES", "STATUS_MEASURE", "STATUS_HOLDERS", "STATUS_ZH", "status_rank", "clause_status",
           "status_statements", "set_status", "statuses_of", "decided_status", "written_statuses", "settle_statuses",
           "resolved_statuses"]

#: Every status, least advanced first (the order a later statement of the same date loses to).
STATUSES = ("planned", "signed", "started", "under_construction", "in_operation")
#: Chinese labels, as a planner writes them.
STATUS_ZH = {"planned": "规划", "signed": "签约", "started": "开工", "under_construction": "在建", "in_operation": "投产"}
#: The measure of a status statement (an ``Observation`` with ``project_status`` and value 1).
STATUS_MEASURE = "project_status"
#: What a status is read for.
STATUS_HOLDERS = ("Project", "IndustrialPark")

_WORDS = (
    ("in_operation", r"竣工|建成|投产|投用|运营(?!总部|中心|商|管理)|达产|试生产|投入使用|投入生产|落成|开园"),
    ("under_construction", r"在建|建设中(?![国心])|施工|加快建设|加紧建设|正在建设"),
    ("started", r"开工|动工|奠基|开建"),
    ("signed", r"签约|签订|签署"),
    ("planned", r"规划建设|拟建|计划建设|筹建|谋划|规划中"),
)
_WORD = re.compile("|".join(f"(?P<{status}>{words})" for status, words in _WORDS))
# just before a word: it is done (or going on), whatever plan the clause names
_DONE = re.compile(r"(?:已|已经|均已|正在)(?:正式|顺利|全面|全部|基本|加紧|加快)?$")
# between a thing's name and a word: the firms in it, not the thing, do what follows (入驻企业已投产)
_ITS_FIRMS = re.compile(r"企业|公司|厂家|商户|机构|\d+家")
# anywhere before a word in its clause: a plan, a target or a forecast
_FUTURE = re.compile(r"将(?!军|近)|拟|计划(?!总投资|投资)|力争|争取|预计|有望|目标|冲刺|即将|预期|等候|等待|待")
# right after a word: a condition ("once built"), not a report
_CONDITION = re.compile(r"后|之后|以后|时")
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
# a semicolon or a full stop ends a name's run: what follows has a subject of its own
_SENTENCE_END = re.compile(r"[。！？!?\n；;]")
# a set of projects a status word names (集中开工项目32个, 签约的重点项目): 其中 later in the sentence
# picks members out of it, and the things it lists then are in that status
_STATUS_SET = re.compile(rf"(?:{'|'.join(words for _, words in _WORDS)})[^，,；;。]{{0,6}}项目")


def status_rank(status: str) -> int:
    """How advanced a status is (``planned`` 0 … ``in_operation`` 4).

    >>> status_rank("planned") < status_rank("started") < status_rank("in_operation")
    True
    """
    return STATUSES.index(status)


def clause_status(clause: str, planning: bool = False) -> str | None:
    """The status one clause states (see the module), else None. ``planning``: an earlier clause
    of the sentence set a plan's mood (力争…，建成…), which holds until a word is marked done.

    >>> clause_status("项目建成后"), clause_status("计划总投资15亿元的项目已投入试生产"), clause_status("冲刺9月主体竣工目标")
    ('planned', 'in_operation', 'planned')
    >>> clause_status("建成区域最大的基地", planning=True), clause_status("建设中国运营总部")
    ('planned', None)
    """
    done: list[str] = []
    planned = False
    # (a plan's word before a status word is one that ends before it: the first one found, once —
    # a clause of thousands of names and status words cost a scan of its start for each)
    first_future = _FUTURE.search(clause)
    for match in _WORD.finditer(clause):
        status = match.lastgroup or ""
        if _DONE.search(clause, max(0, match.start() - 8), match.start()):
            done.append(status)
        elif status == "planned" or planning or first_future is not None and first_future.end() <= match.start() \
                or _CONDITION.match(clause, match.end()):
            planned = True
        else:
            done.append(status)
    done = [s for s in done if s != "planned"]
    if done:
        return max(done, key=status_rank)
    return "planned" if planned else None


def set_status(text: str, sentence_start: int, start: int) -> str | None:
    """The status of a set a thing at ``start`` is picked from: a clause before it in its sentence
    names projects by a status word, and 其中 ("of them") stands between that clause and the thing.

    >>> text = "今年已集中开工项目12个，其中，超亿元的项目有甲乙产业园、丙丁项目等。"
    >>> set_status(text, 0, text.index("甲乙")), set_status(text, 0, text.index("今年"))
    ('started', None)
    >>> text = "今年计划开工项目12个，其中有甲乙产业园。"
    >>> set_status(text, 0, text.index("甲乙"))
    'planned'
    """
    cut = text.rfind("其中", sentence_start, start)
    if cut < 0:
        return None
    named = list(_STATUS_SET.finditer(text, sentence_start, cut))
    if not named:
        return None
    found = named[-1]
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, sentence_start, found.start())),
                       default=sentence_start)
    return clause_status(text[clause_start:found.end()])


def _clauses(text: str, start: int, end: int, sentence: tuple[int, int], breaks: Sequence[int],
             other_starts: Sequence[int]) -> list[tuple[int, int]]:
    """The clause of ``text[start:end]`` (from the break before it) and the clauses after it in its
    sentence, up to one that names something else. ``breaks``: the positions of the text's clause
    breaks (:data:`_CLAUSE_BREAK`, one character each), ``other_starts``: where the names start
    (any at ``start`` is this one's), both sorted — looked up by bisection, so a sentence of thousands of names costs a
    logarithm per name, not a scan of the sentence.

    >>> text = "甲项目开工，乙园区在建，正在施工"
    >>> breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    >>> [text[a:b] for a, b in _clauses(text, 0, 3, (0, len(text)), breaks, [6])]
    ['甲项目开工']
    """
    sentence_start, sentence_end = sentence
    pieces: list[tuple[int, int]] = []
    before = bisect_left(breaks, start) - 1
    at = breaks[before] + 1 if before >= 0 and breaks[before] >= sentence_start else sentence_start
    while at < sentence_end:
        following = bisect_left(breaks, max(at, end))
        found = breaks[following] if following < len(breaks) and breaks[following] < sentence_end else None
        right = found if found is not None else sentence_end
        first_other = bisect_left(other_starts, at)
        while first_other < len(other_starts) and other_starts[first_other] == start:
            first_other += 1  # (a name at this one's start is this one)
        if pieces and first_other < len(other_starts) and other_starts[first_other] < right:
            break  # another thing is named: what follows is about it
        pieces.append((at, right))
        at = right + 1
        if found is None:
            break
    return pieces


def status_statements(norm: NormalizedText, original: str, named: Sequence[tuple[int, int, str, str]],
                      source: str) -> list[Observation]:
    """Status statements for the projects and parks of one article.

    ``norm``: the article's normalized text (``loaders.text``); ``original``: its text as read;
    ``named``: (start, end, entity id, class) of every named thing in ``norm`` — firms, parks,
    projects, zones: a statement is read for the projects and parks (:data:`STATUS_HOLDERS`), and
    any other name ends a name's run of clauses.

    >>> from chainkg.loaders.text import normalize_article
    >>> text = "甲乙项目于去年7月开工，目前正在加紧施工。"
    >>> [(o.about, o.project_status, o.label) for o in status_statements(normalize_article(text), text,
    ...   [(0, 4, "project/a", "Project")], "s")]
    [('project/a', 'started', '甲乙项目于去年7月开工'), ('project/a', 'under_construction', '目前正在加紧施工')]
    """
    text = norm.text
    starts = sorted(a for a, _, _, _ in named)
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    holders = [(a, b, about, kind) for a, b, about, kind in named if kind in STATUS_HOLDERS]

    def statement(about: str, status: str, clause: str, start: int, end: int) -> Observation:
        """One status statement, the sentence ``text[start:end]`` its evidence."""
        a, b = norm.original_span(start, end)
        return Observation(about=about, measure=STATUS_MEASURE, value=Decimal(1), unit="项", source_id=source,
                           project_status=status, label=clause, evidence=TextSpan(source, a, b, original[a:b]))

    found: dict[tuple[str, str], Observation] = {}
    for start, end, about, kind in sorted(holders):
        stop = _SENTENCE_END.search(text, end)
        sentence_end = stop.start() if stop else len(text)
        sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 2000), start)), default=0)
        planning = False
        stated = False
        for a, b in _clauses(text, start, end, (sentence_start, sentence_end), breaks, starts):
            # the words after the name when the clause holds it (开工建设甲项目: the words before count too)
            said = text[a:b] if not a <= start < b else text[a:start] + "甲" + text[end:b]
            clause = text[a:b].strip()
            status = clause_status(_ITS_FIRMS.split(said)[0], planning)
            planning = planning or bool(_FUTURE.search(clause))
            stated = stated or status is not None
            if status is None or (about, status) in found or (status == "signed" and kind != "Project"):
                continue  # a park's 签约 is of the projects it draws
            found[(about, status)] = statement(about, status, clause, sentence_start, sentence_end)
        if not stated and (status := set_status(text, sentence_start, start)) is not None and (about, status) not in found:
            found[(about, status)] = statement(about, status, text[sentence_start:sentence_end].strip(),
                                               sentence_start, sentence_end)
    advanced = {about: max(status_rank(s) for a, s in found if a == about) for about, _ in found}
    return [o for (about, status), o in found.items() if status != "planned" or advanced[about] == 0]


def statuses_of(facts: FactSet) -> dict[str, list[Observation]]:
    """Every status statement of ``facts``, by the thing it is about."""
    found: dict[str, list[Observation]] = {}
    for observation in facts.observations:
        if observation.measure == STATUS_MEASURE and observation.project_status:
            found.setdefault(observation.about, []).append(observation)
    return found


def decided_status(statements: Iterable[tuple[str | None, str]], as_of: str | None = None) -> str | None:
    """The status that ``(date, status)`` statements give as of ``as_of`` (None: every statement).

    The latest statement known then decides (an undated one counts as known at every date, and as
    older than any dated one); of several of that date, the most advanced. When every statement is
    dated after ``as_of``, the first one stands: the least the thing was when anything named it.

    >>> decided_status([("2024-07", "started"), ("2024-07", "signed"), (None, "planned")])
    'started'
    >>> decided_status([("2024-07", "started"), ("2025-08-29", "under_construction")], "2020-01-01")
    'started'
    """
    statements = [(d, s) for d, s in statements if s in STATUSES]
    if not statements:
        return None
    known = [(d or "", status_rank(s), s) for d, s in statements if d is None or as_of is None or d <= as_of]
    if known:
        return max(known)[2]
    return min((d or "", -status_rank(s), s) for d, s in statements)[2]


def written_statuses(facts: FactSet) -> dict[str, Observation]:
    """The statuses a person wrote (reviewed files' and tables' ``status``), each as a statement of
    its source dated by the source's ``published`` date: ask before articles join ``facts``, while
    a written thing's sources are the written ones."""
    found = {}
    for about, entity in facts.entities.items():
        sources = [facts.sources[s] for s in entity.sources if s in facts.sources]
        if entity.status in STATUSES and sources:
            source = max(sources, key=lambda d: d.published or "")
            found[about] = Observation(about=about, measure=STATUS_MEASURE, value=Decimal(1), unit="项",
                                       source_id=source.id, project_status=entity.status,
                                       label=f"status as written ({entity.status})",
                                       evidence=entity.evidence[0] if entity.evidence else None,
                                       stated_on=source.published)
    return found


def settle_statuses(facts: FactSet, written: Mapping[str, Observation] | None = None) -> FactSet:
    """``facts`` with each thing's ``status`` its latest statement's (:func:`decided_status`), in place
    (entities are replaced, not edited); a thing with no statement keeps the status it has.

    ``written``: :func:`written_statuses`. A thing with a written status and statements of other
    sources gets its written status as a statement too, so that the dates decide between them in
    every engine: a status written in 2024 is not overridden by an undated article's word.
    """
    written = written or {}
    for about, statements in statuses_of(facts).items():
        entity = facts.entities.get(about)
        if entity is None:
            continue
        if (mine := written.get(about)) is not None and all(o.source_id != mine.source_id for o in statements):
            facts.observations.append(mine)
            statements = [*statements, mine]
        status = decided_status((o.stated_on, o.project_status or "") for o in statements)
        if status is not None and status != entity.status:
            facts.entities[about] = replace(entity, status=status)
    return facts


def resolved_statuses(statements: Iterable[Observation], ids: Mapping[str, str], known: Container[str],
                      origin: Origin | None = None) -> list[Observation]:
    """Statements about resolved ids (``ids``: extracted id → resolved), only of things ``known``,
    each with its sentence as plain simplified text (for display) and its ``origin``."""
    found = []
    for statement in statements:
        about = ids.get(statement.about, statement.about)
        if about in known:
            evidence = statement.evidence
            if evidence is not None:
                evidence = replace(evidence, plain_text=normalize_annotated_text(evidence.quote).text)
            found.append(replace(statement, about=about, evidence=evidence, origin=origin))
    return found
