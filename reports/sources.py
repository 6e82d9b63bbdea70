"""The sources a build read, as the pages name them: a one-line title for the whole build and
a source list (title, date, kind), from each source's own ``dcterms:title`` and
``dcterms:issued`` in the graph.

A page title never glues every article's title together: one article gives its title, several
give the place the graph covers and how many sources it holds; the list below the title names
them all.

Example
-------
>>> from chainkg.graph.build import build_seed_dataset
>>> from chainkg.graph.rdf import union_graph
>>> sources = source_documents(union_graph(build_seed_dataset()))
>>> [(s.kind, s.date) for s in sources.values()][:1]
[('article', '2024-03')]
>>> build_title(sources)
'泉州市工业(产业)园区标准化建设2024年第一季度拉练活动'
>>> build_title({}), one_line("第一行\\n第二行" + "长" * 80)[-1]
('chainkg', '…')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import DCTERMS, RDF, Graph

from chainkg.ontology.terms import CKG

__all__ = ["SourceInfo", "source_documents", "build_title", "report_title", "one_line", "REFERENCE_KIND"]

#: ``dcterms:type`` of a reference table (division codes, registries), as the loaders write it.
REFERENCE_KIND = "reference_table"
_TITLE_CHARACTERS = 60


@dataclass(frozen=True)
class SourceInfo:
    """One source document: its title (one line), date as given (``2024-03``) and kind."""

    iri: str
    title: str
    date: str | None
    kind: str

    @property
    def short_id(self) -> str:
        """The last part of the IRI (the file or table name the build was given)."""
        return self.iri.rsplit("/", 1)[-1]


def one_line(text: str, limit: int = _TITLE_CHARACTERS) -> str:
    """``text`` as one line of at most ``limit`` characters, an ellipsis showing a cut."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def source_documents(graph: Graph) -> dict[str, SourceInfo]:
    """Every ``SourceDocument`` of ``graph`` by IRI, articles first, then by date and title."""
    found = []
    for node in set(graph.subjects(RDF.type, CKG.SourceDocument)):
        title = graph.value(node, DCTERMS.title)
        date = graph.value(node, DCTERMS.issued)
        kind = graph.value(node, DCTERMS.type)
        iri = str(node)
        # a title with hardly a word in it (a table header's bar, a garbled line) says less than the file name
        readable = title is not None and sum(c.isalnum() for c in str(title)) >= 4
        found.append(SourceInfo(iri, one_line(str(title)) if readable else iri.rsplit("/", 1)[-1],
                                str(date) if date is not None else None, str(kind) if kind is not None else "article"))
    found.sort(key=lambda s: (s.kind == REFERENCE_KIND, s.date or "9999", s.title, s.iri))
    return {s.iri: s for s in found}


def build_title(sources: Mapping[str, SourceInfo], place: str | None = None) -> str:
    """One line naming the build: the article's title when there is one article, else the
    place (when given) and the number of articles and tables."""
    articles = [s for s in sources.values() if s.kind != REFERENCE_KIND]
    tables = len(sources) - len(articles)
    if len(articles) == 1:
        return articles[0].title
    if not sources:
        return "chainkg"
    counts = "、".join(part for part in (f"{len(articles)} 篇文章" if articles else "", f"{tables} 份参考表" if tables else "") if part)
    return f"{place + ' ' if place else ''}产业链知识图谱 · {counts}"


def report_title(kg, sources: Mapping[str, SourceInfo]) -> str:
    """:func:`build_title` with the prefectures the graph's counties lie in as its place."""
    prefectures = sorted({kg.nodes[v].get("name", v) for u, v, key in kg.edges(keys=True)
                          if key == "locatedIn" and kg.nodes[u].get("admin_level") == "county"
                          and kg.nodes[v].get("admin_level") == "prefecture"})
    return build_title(sources, "、".join(prefectures) or None)
