"""What a write changed: one small value every store write returns.

Modelled on Anki's ``OpChanges`` (``qt/aqt/operations/``): the core says *what* changed,
the window broadcasts it, and each view refreshes only what it shows. A ``Changes`` is
falsy when nothing changed (a value typed again, a note saved unchanged).

``touched`` holds ``(entity, key)`` pairs. Entities and their keys:

=============  =====================================================
``value``      ``kel/year/indicator/item/sex/age``
``entry``      ``kel/year/indicator`` (notes, status, review, values)
``evidence``   evidence id
``activity``   activity id
``facility``   facility id
``setting``    setting key
``operator``   operator name
``period``     evaluation year
``template``   ``template_id/vversion``
``unit``       unit code
``key``        key id (bundle keys)
``bundle``     bundle id (a bundle, receipt or setup file written or read)
``conflict``   conflict id
``sync``       kelurahan code (what DP3AKB holds of it changed)
``kelana``     ``kecamatan/year`` (DP3AKB's KELANA record of a kecamatan)
``deadline``   evaluation year (DP3AKB's submission deadline)
``contact``    kelurahan code (who DP3AKB reminds there)
``workspace``  ``*`` (everything may have changed: restore, big import)
=============  =====================================================

``units`` are the kelurahan whose data changed and ``indicators`` the
``(data_year, indicator_no)`` pairs touched, so a city view can recompute only the
senders and a kelurahan view only the indicators on screen. ``record`` carries what the
write made or now holds (a record, a :class:`db.records.ValueChange`), for the caller; it
takes no part in comparisons.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from typing import Any

from db.record import record

ENTITIES = frozenset({
    "value", "entry", "evidence", "activity", "facility", "setting", "operator", "period", "template", "unit",
    "key", "bundle", "conflict", "sync", "workspace", "kelana", "deadline", "contact", "rubric",
})


@record
class Changes:
    """What one write changed; see the module docstring for the entities."""

    touched: frozenset[tuple[str, str]] = frozenset()
    units: frozenset[str] = frozenset()
    indicators: frozenset[tuple[int, int]] = frozenset()
    record: Any = field(default=None, compare=False)

    @classmethod
    def of(
        cls,
        entity: str,
        keys: Iterable[str] | str = (),
        *,
        units: Iterable[str] = (),
        indicators: Iterable[tuple[int, int]] = (),
        record: Any = None,
    ) -> Changes:
        if entity not in ENTITIES:
            raise ValueError(f"unknown entity {entity!r}")
        ks = [keys] if isinstance(keys, str) else list(keys)
        return cls(
            frozenset((entity, str(k)) for k in ks),
            frozenset(u for u in units if u),
            frozenset((int(y), int(i)) for y, i in indicators),
            record,
        )

    @classmethod
    def everything(cls, record: Any = None) -> Changes:
        """A change of unknown extent (a restore, a new workspace): every view reloads."""
        return cls(frozenset({("workspace", "*")}), record=record)

    @classmethod
    def none(cls, record: Any = None) -> Changes:
        return cls(record=record)

    def __bool__(self) -> bool:
        return bool(self.touched)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.touched | other.touched,
            self.units | other.units,
            self.indicators | other.indicators,
            other.record if other.record is not None else self.record,
        )

    def with_record(self, record: Any) -> Changes:
        return Changes(self.touched, self.units, self.indicators, record)

    @property
    def entities(self) -> frozenset[str]:
        return frozenset(e for e, _ in self.touched)

    @property
    def is_everything(self) -> bool:
        return ("workspace", "*") in self.touched

    def has(self, *entities: str) -> bool:
        """True if any of ``entities`` changed (always True after :meth:`everything`)."""
        return self.is_everything or any(e in self.entities for e in entities)

    def keys(self, entity: str) -> frozenset[str]:
        return frozenset(k for e, k in self.touched if e == entity)

    def indicator_numbers(self, data_year: int | None = None) -> frozenset[int]:
        return frozenset(i for y, i in self.indicators if data_year is None or y == data_year)

    def touches_indicator(self, data_year: int, indicator_no: int) -> bool:
        return self.is_everything or (data_year, indicator_no) in self.indicators

    def touches_unit(self, code: str) -> bool:
        return self.is_everything or code in self.units
