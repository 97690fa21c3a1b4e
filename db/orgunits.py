"""The units a workspace is made with, taken from the national reference data (:mod:`db.regions`).

A DP3AKB (city) workspace holds its kabupaten/kota, every kecamatan and every desa/kelurahan
of it; a desa/kelurahan workspace holds only its own line: its kab/kota, its kecamatan and
itself (:func:`path_units`). Codes are the keys; the names are the edition's, the alias
spellings come from ``db/reference/aliases.tsv``. Kota Balikpapan (64.71) stays the reference
city and the default of the demo.
"""

from __future__ import annotations

from dataclasses import field

from db import regions
from db.errors import KlaError
from db.record import record

BALIKPAPAN_CODE = "64.71"

STORE_LEVEL = {regions.CITY: "city", regions.KECAMATAN: "kecamatan", regions.UNIT: "kelurahan"}
"""Reference level -> ``org_units.level`` (a desa is level 'kelurahan' in the store; its kind says desa)."""


@record
class OrgUnitRecord:
    code: str
    level: str  # "city" | "kecamatan" | "kelurahan" (a desa or a kelurahan)
    name: str
    parent_code: str | None
    aliases: tuple[str, ...] = field(default=())
    edition: str = ""


def _record(r: regions.Region, edition: str) -> OrgUnitRecord:
    parent = r.parent_code if r.level > regions.CITY else None
    return OrgUnitRecord(r.code, STORE_LEVEL[r.level], r.name, parent, r.aliases, edition)


def city_units(city_code: str, ref: regions.Reference | None = None) -> list[OrgUnitRecord]:
    """The kabupaten/kota ``city_code``, its kecamatan and its desa/kelurahan, in code order."""
    ref = ref or regions.reference()
    city = ref.get(city_code)
    if city is None or city.level != regions.CITY:
        raise KlaError("city_unknown", code=city_code, edition=ref.edition)
    return [_record(city, ref.edition)] + [_record(r, ref.edition) for r in ref.within(city_code)]


def path_units(unit_code: str, ref: regions.Reference | None = None) -> list[OrgUnitRecord]:
    """A desa/kelurahan's own line: its kab/kota, its kecamatan and itself."""
    ref = ref or regions.reference()
    unit = ref.get(unit_code)
    if unit is None or unit.level != regions.UNIT:
        raise KlaError("kelurahan_unknown", code=unit_code, edition=ref.edition)
    return [_record(r, ref.edition) for r in ref.path(unit_code) if r.level >= regions.CITY]


def balikpapan_units() -> list[OrgUnitRecord]:
    """Kota Balikpapan, its 6 kecamatan and its 34 kelurahan."""
    return city_units(BALIKPAPAN_CODE)
