"""The codes a firm registry carries: GB/T 4754-2017 industry codes → chain segments, and
GB 32100-2015 unified social credit codes (统一社会信用代码).

Industry codes → segments
-------------------------
``data/industry_segments.csv`` maps a code to what it feeds, one row per (code, target); its
columns are ``code, code_name, target, rule, basis, why, source``:

- **target**: a segment (``chain/semiconductor/wafer_fab``) or, for a code that names a whole
  chain and no one segment (35 专用设备制造业), the chain.
- **rule**, the same on every row of one code: ``one`` (a single target), ``all`` (the code's
  product sits in several templates — 3072 卫生陶瓷 is both 卫生陶瓷 in ceramics and 陶瓷洁具
  in sanitary ware — so the firm is placed on each), ``choose`` (the targets are alternatives —
  261 is olefins *or* aromatics — and the row's products text must name one; else the firm is
  placed on the chain only).
- **basis**: ``ttl`` (the pair is in ``ontology/chain_templates.ttl`` / ``chains.ttl``),
  ``differs`` (the ttl says otherwise and ``why`` says why) or ``added`` (not in the ttl;
  ``why`` says why and ``source`` names the class title it rests on).

A registry code is matched by its longest prefix in the table: a 4-digit class (2614) matches
a class row (2614), else its group (261), else its division (26). A chain target is refined
by the products text too: a segment of that chain whose words (its labels in the ttl) the
text names is chosen, as for ``choose``.

Example
-------
>>> [t.target for t in classify_industry("3973").targets]
['chain/semiconductor/wafer_fab']
>>> found = classify_industry("C2614", "乙烯、丙烯及其衍生物的生产")
>>> found.matched_code, [t.target for t in found.targets], found.chosen_by
('261', ['chain/petrochemicals/olefins'], '乙烯')
>>> [t.target for t in classify_industry("2614", "化工原料销售").targets]
['chain/petrochemicals']
>>> classify_industry("7211") is None   # no chain in the templates
True
>>> credit_code_problem("91350500MA2XN8QY0U") is None, credit_code_problem("91350500MA2XN8QY0X")
(True, "the check character is 'X', GB 32100-2015 gives 'U'")
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from chainkg.errors import SourceError
from chainkg.ontology.templates import load_chain_templates

__all__ = ["INDUSTRY_TABLE", "RULES", "BASES", "IndustryRow", "Classification", "industry_table", "read_industry_table",
           "normalize_industry_code", "classify_industry", "credit_check_character", "credit_code_problem"]

INDUSTRY_TABLE = Path(__file__).resolve().parent / "data" / "industry_segments.csv"
_COLUMNS = ["code", "code_name", "target", "rule", "basis", "why", "source"]
RULES = ("one", "all", "choose")
BASES = ("ttl", "differs", "added")


@dataclass(frozen=True)
class IndustryRow:
    """One row of the industry-code table (``line``: its line in the file, for citing it)."""

    code: str
    code_name: str
    target: str
    rule: str
    basis: str
    why: str
    source: str
    line: int


@dataclass(frozen=True)
class Classification:
    """Where a code (and products text) places a firm: ``targets`` (table rows, their targets
    possibly narrowed to a segment: see ``segment``), the code the table matched, and the word
    of the products text that chose, if one did."""

    code: str
    matched_code: str
    targets: tuple[IndustryRow, ...]
    chosen_by: str | None = None
    #: target → the word of the products text that chose it (targets the code alone gave are absent)
    words: dict[str, str] = field(default_factory=dict)


def read_industry_table(path: Path) -> tuple[IndustryRow, ...]:
    """The rows of an industry-code table; a row that does not fit names its line."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        if next(reader, None) != _COLUMNS:
            raise SourceError(path, f"the header must be {','.join(_COLUMNS)}", line=1)
        for line, fields in enumerate(reader, start=2):
            if len(fields) != len(_COLUMNS):
                raise SourceError(path, f"{len(fields)} fields, expected {len(_COLUMNS)}", line=line)
            code, code_name, target, rule, basis, why, source = (f.strip() for f in fields)
            row = IndustryRow(code, code_name, target, rule, basis, why, source, line)
            if not re.fullmatch(r"[0-9]{2,4}", row.code):
                raise SourceError(path, f"{row.code!r} is no GB/T 4754 code (2–4 digits)", line=line, field="code")
            if row.rule not in RULES:
                raise SourceError(path, f"{row.rule!r} is not one of {', '.join(RULES)}", line=line, field="rule")
            if row.basis not in BASES:
                raise SourceError(path, f"{row.basis!r} is not one of {', '.join(BASES)}", line=line, field="basis")
            rows.append(row)
    return tuple(rows)


@lru_cache(maxsize=1)
def industry_table() -> dict[str, tuple[IndustryRow, ...]]:
    """The shipped table, rows grouped by code."""
    grouped: dict[str, list[IndustryRow]] = {}
    for row in read_industry_table(INDUSTRY_TABLE):
        grouped.setdefault(row.code, []).append(row)
    return {code: tuple(rows) for code, rows in grouped.items()}


# A registry writes the class as 3973, C3973 (with its section letter) or 3973 集成电路制造.
_REGISTRY_CODE = re.compile(r"^[A-Ta-t]?\s*([0-9]{2,4})(?![0-9])")


def normalize_industry_code(text: str) -> str | None:
    """The 2–4 digits of a registry's industry code, else None.

    >>> normalize_industry_code("C3973"), normalize_industry_code("3973 集成电路制造"), normalize_industry_code("39731")
    ('3973', '3973', None)
    """
    match = _REGISTRY_CODE.match(text.strip())
    return match.group(1) if match else None


def _segment_words() -> dict[str, tuple[str, ...]]:
    """Each segment's words (prefLabel and altLabels), longest first, by segment id."""
    return {s.id: s.keywords for chain in load_chain_templates().values() for s in chain.segments}


def _chain_segments(chain_id: str) -> tuple[str, ...]:
    template = load_chain_templates().get(chain_id)
    return tuple(s.id for s in template.segments) if template else ()


def _named(text: str, segment_ids) -> list[tuple[int, str, str]]:
    """(position, word, segment) for each segment whose words the text names, first mention
    first; a word inside a longer word of another segment does not count."""
    words = _segment_words()
    hits = [(m.start(), m.end(), word, sid) for sid in segment_ids for word in words.get(sid, ())
            for m in re.finditer(re.escape(word), text)]
    kept = [h for h in hits if not any(o[3] != h[3] and o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0]
                                       for o in hits)]
    first: dict[str, tuple[int, str, str]] = {}
    for start, _, word, sid in sorted(kept, key=lambda h: (h[0], -(h[1] - h[0]))):
        first.setdefault(sid, (start, word, sid))
    return sorted(first.values())


def classify_industry(code: str, products: str | None = None) -> Classification | None:
    """Where the table places a firm of GB/T 4754-2017 ``code`` (see the module's rules), or
    None when no row matches (an industry outside the chain templates).

    Raises ValueError for text that is no 2–4 digit code.
    """
    digits = normalize_industry_code(code)
    if digits is None:
        raise ValueError(f"{code[:40]!r} is no GB/T 4754-2017 code (2–4 digits, optionally after its section letter)")
    table = industry_table()
    matched = next((digits[:n] for n in (4, 3, 2) if n <= len(digits) and digits[:n] in table), None)
    if matched is None:
        return None
    rows = table[matched]
    text = products or ""
    if rows[0].rule == "choose":
        named = _named(text, [r.target for r in rows])
        if named:
            words = {sid: word for _, word, sid in named}
            return Classification(digits, matched, tuple(r for r in rows if r.target in words), named[0][1], words)
        chains = dict.fromkeys(r.target.rsplit("/", 1)[0] for r in rows)
        return Classification(digits, matched, tuple(_on(rows[0], chain) for chain in chains))
    placed: list[IndustryRow] = []
    chosen: dict[str, str] = {}
    for row in rows:
        segments = _chain_segments(row.target)
        named = _named(text, segments) if segments else []
        if named:  # a chain target the products text narrows to the segments it names
            placed.extend(_on(row, sid) for _, _, sid in named)
            chosen.update({sid: word for _, word, sid in named})
        else:
            placed.append(row)
    return Classification(digits, matched, tuple(placed), next(iter(chosen.values()), None), chosen)


def _on(row: IndustryRow, target: str) -> IndustryRow:
    return IndustryRow(row.code, row.code_name, target, row.rule, row.basis, row.why, row.source, row.line)


# --- GB 32100-2015 unified social credit codes ------------------------------------------------

#: The 31 characters of a credit code (no I, O, S, V, Z), in the order of their values.
CREDIT_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # 3^i mod 31


def credit_check_character(first17: str) -> str:
    """The check character GB 32100-2015 gives the first 17 characters of a credit code.

    >>> credit_check_character("91350500MA2XN8QY0")
    'U'
    """
    total = sum(CREDIT_CHARACTERS.index(ch) * w for ch, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARACTERS[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """What is wrong with a 统一社会信用代码, or None when it is well formed and its check
    character is right."""
    if len(code) != 18:
        return f"{len(code)} characters, a credit code has 18"
    bad = sorted({ch for ch in code if ch not in CREDIT_CHARACTERS})
    if bad:
        return f"characters {''.join(bad)!r} never occur in a credit code (0–9 and A–Y less I, O, S, V, Z)"
    if not code[2:8].isdigit():
        return "characters 3–8 (the registering authority's division code) must be digits"
    expected = credit_check_character(code[:17])
    if code[17] != expected:
        return f"the check character is {code[17]!r}, GB 32100-2015 gives {expected!r}"
    return None
