"""Reference data: Kota Balikpapan's kecamatan and kelurahan with Kemendagri codes.

Source: Kepmendagri No 300.2.2-2138 Tahun 2025 as published in cahyadsn/wilayah
(``db/wilayah.sql``); alias spellings from the Kepmendagri 100.1.1-6117/2022 file and
common usage (see ``shared/reference/kla-domain.md`` section 5). Codes are the keys;
names vary between sources, so each unit keeps its aliases.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OrgUnitRecord:
    code: str
    level: str  # "city" | "kecamatan" | "kelurahan"
    name: str
    parent_code: str | None
    aliases: tuple[str, ...] = field(default=())


BALIKPAPAN_CODE = "64.71"

_KECAMATAN: dict[str, tuple[str, list[tuple[str, str, tuple[str, ...]]]]] = {
    "64.71.01": (
        "Balikpapan Timur",
        [("1001", "Manggar", ()), ("1002", "Lamaru", ()), ("1003", "Teritip", ()), ("1004", "Manggar Baru", ())],
    ),
    "64.71.02": (
        "Balikpapan Barat",
        [
            ("1001", "Baru Ilir", ()),
            ("1002", "Baru Tengah", ()),
            ("1003", "Baru Ulu", ()),
            ("1004", "Kariangau", ()),
            ("1005", "Margo Mulyo", ()),
            ("1006", "Marga Sari", ("Margasari",)),
        ],
    ),
    "64.71.03": (
        "Balikpapan Utara",
        [
            ("1001", "Batu Ampar", ()),
            ("1002", "Gunung Samarinda", ("Gunungsamarinda",)),
            ("1003", "Karang Joang", ()),
            ("1004", "Muara Rapak", ("Muararapak",)),
            ("1005", "Gunung Samarinda Baru", ("Gunungsamarinda Baru",)),
            ("1006", "Graha Indah", ()),
        ],
    ),
    "64.71.04": (
        "Balikpapan Tengah",
        [
            ("1001", "Gunung Sari Ulu", ("Gunungsari Ulu",)),
            ("1002", "Gunung Sari Ilir", ("Gunungsari Ilir",)),
            ("1003", "Karang Rejo", ()),
            ("1004", "Karang Jati", ()),
            ("1005", "Mekar Sari", ("Mekarsari",)),
            ("1006", "Sumber Rejo", ()),
        ],
    ),
    "64.71.05": (
        "Balikpapan Selatan",
        [
            ("1002", "Sepinggan", ()),
            ("1006", "Gunung Bahagia", ("Gunungbahagia",)),
            ("1008", "Sepinggan Baru", ()),
            ("1009", "Sepinggan Raya", ()),
            ("1010", "Sungainangka", ("Sungai Nangka",)),
            ("1011", "Damai Baru", ()),
            ("1012", "Damai Bahagia", ()),
        ],
    ),
    "64.71.06": (
        "Balikpapan Kota",
        [
            ("1001", "Prapatan", ()),
            ("1002", "Telaga Sari", ("Telagasari",)),
            ("1003", "Klandasan Ulu", ()),
            ("1004", "Klandasan Ilir", ()),
            ("1005", "Damai", ()),
        ],
    ),
}


def balikpapan_units() -> list[OrgUnitRecord]:
    """The city, its 6 kecamatan and its 34 kelurahan."""
    units = [OrgUnitRecord(BALIKPAPAN_CODE, "city", "Kota Balikpapan", None, ("Balikpapan",))]
    for kec_code, (kec_name, kels) in _KECAMATAN.items():
        units.append(OrgUnitRecord(kec_code, "kecamatan", kec_name, BALIKPAPAN_CODE, (f"Kecamatan {kec_name}",)))
        for suffix, name, aliases in kels:
            units.append(OrgUnitRecord(f"{kec_code}.{suffix}", "kelurahan", name, kec_code, tuple(aliases)))
    return units
