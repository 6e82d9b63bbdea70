"""Closed vocabularies — the values a property may take — read from the SHACL shapes.

``shapes.ttl`` is the one place that lists them (``sh:in``): the validator enforces them on a
built graph, and the reviewed-facts checker asks :func:`allowed_values` for the same lists,
so a new admin level or project status is one edit to the shapes.

Example
-------
>>> from chainkg.ontology import CKG
>>> allowed_values(CKG.leadershipKind)
('chain_leader', 'leading_enterprise')
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from chainkg.ontology.terms import SHAPES_FILE

__all__ = ["allowed_values"]


def allowed_values(prop: URIRef) -> tuple[str, ...]:
    """The values ``prop`` may take, in the order of its ``sh:in`` list in ``shapes.ttl``.

    Parameters
    ----------
    prop
        An ontology property, e.g. ``CKG.adminLevel``.

    Raises
    ------
    LookupError
        No shape lists the values of ``prop`` (it is not a closed vocabulary).

    Examples
    --------
    >>> from chainkg.ontology import CKG
    >>> allowed_values(CKG.adminLevel)
    ('country', 'province', 'prefecture', 'county', 'township')
    >>> allowed_values(CKG.divisionCode)
    Traceback (most recent call last):
    ...
    LookupError: shapes.ttl lists no allowed values (sh:in) for https://w3id.org/chainkg/ontology#divisionCode
    """
    try:
        return _lists_by_path()[prop]
    except KeyError:
        raise LookupError(f"{SHAPES_FILE.name} lists no allowed values (sh:in) for {prop}") from None


@lru_cache(maxsize=1)
def _lists_by_path() -> dict[URIRef, tuple[str, ...]]:
    """Every ``sh:in`` list of the shapes by the property it constrains (parsed once)."""
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    lists: dict[URIRef, tuple[str, ...]] = {}
    for shape, head in shapes.subject_objects(SH["in"]):
        path = shapes.value(shape, SH.path)
        if not isinstance(path, URIRef):
            continue  # an sh:in on a path expression constrains no single property
        values = tuple(str(value) for value in Collection(shapes, head))
        # Two shapes may constrain one property (it appears on two classes); they must agree,
        # or a checker asking "what may this be?" would get an answer SHACL contradicts.
        if lists.setdefault(path, values) != values:
            raise ValueError(f"{SHAPES_FILE.name}: two different sh:in lists for {path}: {lists[path]} and {values}")
    return lists
