"""Chinese units of reported figures → a QUDT unit and a multiplier.

There is no QUDT unit for 亿元: the value is stored in CNY (× 10⁸) and the words are kept.

>>> UNITS["亿元"].to_base(Decimal("68.99"))
Decimal('6899000000.00')
>>> UNITS["万平方米"].unit
'http://qudt.org/vocab/unit/M2'
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Unit", "UNITS", "CURRENCY", "QUDT_UNIT"]

CURRENCY = "http://qudt.org/vocab/currency/"
QUDT_UNIT = "http://qudt.org/vocab/unit/"
_MU = "https://w3id.org/chainkg/ontology#Mu"


@dataclass(frozen=True)
class Unit:
    """A unit as written, the IRI of its base unit and the factor to reach it."""

    text: str
    unit: str
    factor: Decimal

    def to_base(self, value: Decimal) -> Decimal:
        return value * self.factor


def _units(*rows: tuple[str, str, str]) -> dict[str, Unit]:
    return {text: Unit(text, unit, Decimal(factor)) for text, unit, factor in rows}


UNITS: dict[str, Unit] = _units(
    ("元", CURRENCY + "CNY", "1"),
    ("万元", CURRENCY + "CNY", "10000"),
    ("亿元", CURRENCY + "CNY", "100000000"),
    ("美元", CURRENCY + "USD", "1"),
    ("万美元", CURRENCY + "USD", "10000"),
    ("亿美元", CURRENCY + "USD", "100000000"),
    ("港元", CURRENCY + "HKD", "1"),
    ("亿港元", CURRENCY + "HKD", "100000000"),
    ("平方米", QUDT_UNIT + "M2", "1"),
    ("万平方米", QUDT_UNIT + "M2", "10000"),
    ("亩", _MU, "1"),
    ("个", QUDT_UNIT + "NUM", "1"),
    ("家", QUDT_UNIT + "NUM", "1"),
    ("项", QUDT_UNIT + "NUM", "1"),
)
