"""Gazetteers the article loader matches against: the national division table (jionlp ships
it: provinces, prefectures, counties with GB/T 2260 codes and short forms), the reference
places (zones, 管委会), and the ontology's chain labels. No firm names: firms are found by rules.

Example
-------
>>> places = place_gazetteer()
>>> places["晋江"].name, places["晋江"].division_code
('晋江市', '350582')
>>> places["深圳"].division_code
'440300'
>>> places["台商区"].name
'泉州台商投资区'
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from functools import lru_cache

from chainkg.loaders.reviewed import PLACES_FACTS, load_reviewed_facts
from chainkg.ontology.templates import load_chain_templates

__all__ = ["PlaceEntry", "ChainEntry", "place_gazetteer", "chain_gazetteer"]


@dataclass(frozen=True)
class PlaceEntry:
    id: str
    name: str
    type: str  # AdministrativeArea | DevelopmentZone | GovernmentBody
    division_code: str | None
    admin_level: str | None
    aliases: tuple[str, ...]
    parent: str | None


@dataclass(frozen=True)
class ChainEntry:
    id: str  # chain/... or chain/.../segment
    name: str
    chain: str
    is_segment: bool


def _national_table() -> dict:
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import jionlp

        return jionlp.china_location_loader()


@lru_cache(maxsize=1)
def place_gazetteer() -> dict[str, PlaceEntry]:
    """Every name and short form of a place → its entry (longest names win on clashes)."""
    entries: dict[str, PlaceEntry] = {}

    def add(names, entry: PlaceEntry) -> None:
        for name in names:
            if len(name) >= 2 and (name not in entries or entries[name].admin_level == "province"):
                entries.setdefault(name, entry)

    for province, pv in _national_table().items():
        p_entry = PlaceEntry(f"area/{pv['_admin_code']}", pv["_full_name"], "AdministrativeArea", pv["_admin_code"],
                             "province", tuple(pv.get("_alias") or ()), None)
        add([province, *p_entry.aliases], p_entry)
        for city, cv in pv.items():
            if city.startswith("_"):
                continue
            c_entry = PlaceEntry(f"area/{cv['_admin_code']}", cv["_full_name"], "AdministrativeArea", cv["_admin_code"],
                                 "prefecture", tuple(cv.get("_alias") or ()), p_entry.id)
            add([city, *c_entry.aliases], c_entry)
            for county, dv in cv.items():
                if county.startswith("_") or not isinstance(dv, dict):
                    continue
                d_entry = PlaceEntry(f"area/{dv['_admin_code']}", dv["_full_name"], "AdministrativeArea",
                                     dv["_admin_code"], "county", tuple(a for a in (dv.get("_alias") or ()) if len(a) >= 2),
                                     c_entry.id)
                add([county, *d_entry.aliases], d_entry)
    # The reference table: zones, their 管委会, the towns it codes. It wins over the national table.
    reference = load_reviewed_facts(PLACES_FACTS)
    parents = {r.subject: r.object for r in reference.relations if r.predicate == "locatedIn"}
    for entity in reference.entities.values():
        entry = PlaceEntry(entity.id, entity.name, entity.types[0], entity.division_code, entity.admin_level,
                           tuple(a for a in entity.aliases if a not in ("我市", "全市", "全省")), parents.get(entity.id))
        for name in (entity.name, *entry.aliases):
            entries[name] = entry
    return entries


@lru_cache(maxsize=1)
def chain_gazetteer() -> dict[str, ChainEntry]:
    """Chain names and aliases → the chain (segments are placed later, by loaders.segments)."""
    entries: dict[str, ChainEntry] = {}
    for chain in load_chain_templates().values():
        for name in (chain.name, *chain.aliases, chain.name + "产业"):
            if len(name) >= 2 and not name.isascii() or name in ("LED", "IC"):
                entries.setdefault(name, ChainEntry(chain.id, chain.name, chain.id, False))
    return entries
