"""Find a chain or a place by any name a planner might type: 半导体, semiconductor, bandaoti,
集成电路, 南安, Nan'an, nananshi… An unknown name gets a clear error with close matches.

Example
-------
>>> from chainkg.analyses.embedded import EmbeddedGraph, seed_kg
>>> graph = EmbeddedGraph(seed_kg())
>>> resolve_chain(graph, "bandaoti").name, resolve_region(graph, "Nan'an").name
('半导体', '南安市')
>>> resolve_region(graph, "台商区").name
'泉州台商投资区'
"""

from __future__ import annotations

import difflib
from functools import lru_cache

from chainkg.analyses.rows import PLACE_CLASSES, ChainGraph, PlaceName
from chainkg.errors import ChainKGError

# The matching key lives below the loaders, which match article names with it too;
# it stays importable from here for callers that found it here first.
from chainkg.text import normalize_name

__all__ = ["normalize_name", "resolve_chain", "resolve_region", "resolve_thing"]


@lru_cache(maxsize=4096)
def _pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text))


def _keys(thing: PlaceName) -> list[tuple[str, int]]:
    """(normalized key, rank) — rank 0 for the canonical name, larger for looser forms."""
    keys = [(thing.name, 0)]
    if thing.name_en:
        keys.append((thing.name_en, 1))
    keys.extend((alias, 2) for alias in thing.aliases)
    keys.extend((_pinyin(n), 3) for n in (thing.name, *thing.aliases) if not n.isascii())
    return [(normalize_name(k), rank) for k, rank in keys if k]


def resolve_thing(graph: ChainGraph, text: str, classes: frozenset[str], what: str) -> PlaceName:
    """The one chain / place of ``classes`` that ``text`` names (or its IRI or id, such as
    ``chain/semiconductor``); else a ChainKGError naming close matches."""
    candidates = [t for t in graph.named_things() if set(t.classes) & classes]
    by_id = [t for t in candidates if text in (t.iri, t.iri.rsplit("/id/", 1)[-1])]
    if by_id:
        return by_id[0]
    wanted = normalize_name(text)
    matches: dict[str, tuple[int, PlaceName]] = {}
    for thing in candidates:
        for key, rank in _keys(thing):
            if key == wanted and (thing.iri not in matches or rank < matches[thing.iri][0]):
                matches[thing.iri] = (rank, thing)
    if matches:
        best = min(rank for rank, _ in matches.values())
        top = sorted((t for rank, t in matches.values() if rank == best), key=lambda t: t.iri)
        if len(top) == 1:
            return top[0]
        names = ", ".join(f"{t.name} ({t.iri.rsplit('/', 1)[-1]})" for t in top)
        raise ChainKGError(f"{what} {text!r} is ambiguous: {names}")
    vocabulary: dict[str, str] = {}
    for thing in candidates:
        for key, _ in _keys(thing):
            vocabulary.setdefault(key, thing.name)
    close = difflib.get_close_matches(wanted, list(vocabulary), n=8, cutoff=0.5)
    suggestions = list(dict.fromkeys(vocabulary[c] for c in close))[:5]
    hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
    raise ChainKGError(f"unknown {what} {text!r}{hint}")


def resolve_chain(graph: ChainGraph, text: str) -> PlaceName:
    """An industrial chain by Chinese name, English name, alias or pinyin.

    A name that belongs to a segment gets an error that names its chain.
    """
    try:
        return resolve_thing(graph, text, frozenset({"IndustrialChain"}), "chain")
    except ChainKGError as unknown:
        try:
            segment = resolve_thing(graph, text, frozenset({"ChainSegment"}), "segment")
        except ChainKGError:
            raise unknown from None
        chain_id = segment.iri.rsplit("/", 1)[0]
        chain = next((t for t in graph.named_things() if t.iri == chain_id), None)
        raise ChainKGError(f"{text!r} is the segment {segment.name} of the chain {chain.name if chain else chain_id}: "
                           f"ask about the chain (--chain {chain.name if chain else chain_id})") from None


def resolve_region(graph: ChainGraph, text: str) -> PlaceName:
    """An administrative area, development zone or park by any of its names."""
    return resolve_thing(graph, text, PLACE_CLASSES, "region")
