"""Desa, kelurahan or both, in the window's language: the words follow the unit and the kab/kota.

A kota of kelurahan says "Kelurahan", a kabupaten of desa "Desa", one with both "Desa/Kelurahan";
a desa's own window says "Desa". The phrases live in :mod:`ui.messages` (``kind.*``, ``unit.*``)
and are translated in the Linguist context ``messages``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from db.regions import kecamatan_kind
from ui.messages import WORDS
from ui.messages import unit_title as _unit_title
from ui.messages import units_word as _units_word


def translate_words(text: str) -> str:
    """One phrase of ui.messages in the chosen language (context ``messages``)."""
    return QCoreApplication.translate("messages", text)


def unit_title(code: str, name: str, short: bool = False) -> str:
    """'Desa Perian', 'Kelurahan Manggar', 'Kec. Muara Muntai' in the chosen language."""
    return _unit_title(code, name, translate_words, short=short)


def units_word(store: Any, capital: bool = True) -> str:
    """'Kelurahan', 'Desa' or 'Desa/Kelurahan' for the workspace's units (its own, in a desa/kelurahan's)."""
    if store.role == "kelurahan":
        kinds = [store.kelurahan(store.kelurahan_code).kind]
    else:
        kinds = [u.kind for u in store.units("kelurahan")]
    return _units_word(kinds, translate_words, capital=capital)


def kecamatan_word(store: Any, short: bool = False) -> str:
    """'Kecamatan' ('Kec.' with ``short``), or 'Distrik' in Papua's provinces, for the workspace's kab/kota."""
    kind = kecamatan_kind(store.city_code)
    return translate_words(WORDS[f"kind.{kind}_short" if short else f"kind.{kind}"])
