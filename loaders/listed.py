"""Listed companies as an outside pool for 招商 candidates: a user's own copy of the public
A-share dataset liuhuanyong/ChainKnowledgeGraph (``data/*.json``, JSON lines), read apart from
the Quanzhou graph — pool firms are never written into it.

Files read (in the dataset's folder)
------------------------------------
- ``company.json``: ``{"name": 简称, "fullname": 全称, "code": "600000", "location": 交易所, "time": 上市日期}``
- ``company_industry.json``: ``{"company_code": "600000.SH", "industry_code": 申万三级代码,
  "industry_name": …, "company_name": 简称, "rel": "所属行业"}``

申万 industries → chain segments
-------------------------------
``data/shenwan_segments.csv`` (sw_code, sw_name, target, basis, why, source): ``label`` rows
are sourced — the 申万 name is a label of the segment in ``ontology/chain_templates.ttl``;
``judgement`` rows are this project's reading of a broader 申万 industry.

Example
-------
>>> from pathlib import Path
>>> pool = load_listed_pool(Path(__file__).parents[1] / "tests" / "fixtures" / "listed")
>>> [(f.name, f.industries[0].sw_name) for f in pool.firms][:2]
[('合成晶圆', '集成电路制造'), ('合成封测', '集成电路封测')]
>>> [row.target for row in pool_placements(pool.firms[0])]
['chain/semiconductor/wafer_fab']
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from chainkg.errors import SourceError

__all__ = ["SHENWAN_TABLE", "ShenwanRow", "PoolIndustry", "ListedFirm", "ListedPool", "shenwan_table",
           "load_listed_pool", "pool_placements"]

SHENWAN_TABLE = Path(__file__).resolve().parent / "data" / "shenwan_segments.csv"
_COLUMNS = ["sw_code", "sw_name", "target", "basis", "why", "source"]
_MAX_POOL_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class ShenwanRow:
    sw_code: str
    sw_name: str
    target: str
    basis: str  # label (sourced) | judgement
    why: str
    source: str
    line: int


@dataclass(frozen=True)
class PoolIndustry:
    sw_code: str
    sw_name: str


@dataclass(frozen=True)
class ListedFirm:
    code: str  # the six digits (600000)
    name: str
    fullname: str
    exchange: str
    industries: tuple[PoolIndustry, ...]


@dataclass(frozen=True)
class ListedPool:
    folder: Path
    firms: tuple[ListedFirm, ...]


@lru_cache(maxsize=1)
def shenwan_table() -> dict[str, ShenwanRow]:
    """The shipped 申万 → segment table, by 申万 code."""
    rows: dict[str, ShenwanRow] = {}
    with SHENWAN_TABLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        if next(reader, None) != _COLUMNS:
            raise SourceError(SHENWAN_TABLE, f"the header must be {','.join(_COLUMNS)}", line=1)
        for line, fields in enumerate(reader, start=2):
            if len(fields) != len(_COLUMNS) or fields[3] not in ("label", "judgement"):
                raise SourceError(SHENWAN_TABLE, "expected 6 fields with basis label or judgement", line=line)
            sw_code, sw_name, target, basis, why, source = fields
            rows[sw_code] = ShenwanRow(sw_code, sw_name, target, basis, why, source, line)
    return rows


def _json_lines(path: Path) -> list[dict]:
    if not path.is_file():
        raise SourceError(path, "missing: the pool folder needs company.json and company_industry.json "
                                "(liuhuanyong/ChainKnowledgeGraph data/)")
    if path.stat().st_size > _MAX_POOL_BYTES:
        raise SourceError(path, f"larger than {_MAX_POOL_BYTES // 2**20} MB")
    records = []
    for line, text in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            raise SourceError(path, f"not a JSON object: {error.msg}", line=line) from None
        if not isinstance(record, dict):
            raise SourceError(path, "not a JSON object", line=line)
        records.append(record)
    return records


def load_listed_pool(folder: str | Path) -> ListedPool:
    """The listed firms of a ChainKnowledgeGraph ``data`` folder, each with its 申万 industries."""
    folder = Path(folder)
    industries: dict[str, list[PoolIndustry]] = {}
    for record in _json_lines(folder / "company_industry.json"):
        code = str(record.get("company_code", "")).split(".")[0]
        industries.setdefault(code, []).append(PoolIndustry(str(record.get("industry_code", "")),
                                                            str(record.get("industry_name", ""))))
    firms = []
    for line, record in enumerate(_json_lines(folder / "company.json"), start=1):
        code, name = str(record.get("code", "")), str(record.get("name", ""))
        if not code or not name:
            raise SourceError(folder / "company.json", "a company needs 'code' and 'name'", line=line)
        firms.append(ListedFirm(code, name, str(record.get("fullname") or name), str(record.get("location", "")),
                                tuple(industries.get(code, ()))))
    return ListedPool(folder, tuple(firms))


def pool_placements(firm: ListedFirm) -> list[ShenwanRow]:
    """The table rows that place a listed firm on chains, one per 申万 industry the table maps."""
    table = shenwan_table()
    return [table[industry.sw_code] for industry in firm.industries if industry.sw_code in table]
