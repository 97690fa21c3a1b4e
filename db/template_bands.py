"""The category bands a template scores against, and the check of a band list DP3AKB types.

A template may carry its own bands (``"categories": {"source": "...", "bands": [{"key": "pratama",
"label": "Pratama", "min": 500, "max": 600}, ...]}``), published with a draft (issue 12); one that
carries none scores against the national bands (db/scoring.py ``BANDS``: Pratama 500-600, Madya
601-700, Nindya 701-800, Utama 801-900, Paripurna/KLA 901-1000; ``shared/reference/kla-domain.md``
section 3). The template parser does not read this section, so what arrives in a receipt is read
tolerantly here: a malformed section counts as none. Pure: no SQL, no words (the front ends word
the default source).
"""

from __future__ import annotations

import re
from typing import Any

from db.errors import KlaError
from db.record import record
from db.template import Template

MAX_POINTS = 1000
MAX_BANDS = 10
NATIONAL = (("pratama", "Pratama", 500, 600), ("madya", "Madya", 601, 700), ("nindya", "Nindya", 701, 800),
            ("utama", "Utama", 801, 900), ("paripurna", "Paripurna", 901, 1000))
_KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@record
class Band:
    key: str
    label: str
    min: int
    max: int


@record
class Categories:
    """The bands lowest first; ``source`` as the template says it ('' for the national default)."""

    bands: tuple[Band, ...]
    source: str
    from_template: bool

    def category(self, score: float) -> str:
        """The key of the band ``score`` (rounded) falls in; '' below the lowest."""
        points = round(score)
        for b in reversed(self.bands):
            if points >= b.min:
                return b.key
        return ""


NATIONAL_CATEGORIES = Categories(tuple(Band(*b) for b in NATIONAL), "", False)


def check_categories(section: Any) -> dict[str, Any]:
    """``section`` as it may be stored, or KlaError ``template_bands_invalid`` (``problem``, ``band``)."""

    def bad(problem: str, band: str = "", **more: Any) -> KlaError:
        return KlaError("template_bands_invalid", problem=problem, band=band, **more)

    if not isinstance(section, dict) or set(section) - {"source", "bands"}:
        raise bad("malformed")
    source = section.get("source", "")
    if not isinstance(source, str) or len(source) > 2000:
        raise bad("source")
    bands = section.get("bands")
    if not isinstance(bands, list) or not 1 <= len(bands) <= MAX_BANDS:
        raise bad("count", limit=MAX_BANDS)
    out: list[dict[str, Any]] = []
    keys: set[str] = set()
    previous: dict[str, Any] | None = None
    for b in bands:
        if not isinstance(b, dict) or set(b) - {"key", "label", "min", "max"}:
            raise bad("malformed")
        label = b.get("label")
        if not isinstance(label, str) or not label.strip() or len(label) > 60:
            raise bad("label")
        key = b.get("key")
        if not isinstance(key, str) or not _KEY_RE.match(key) or key in keys:
            raise bad("key", label)
        lo, hi = b.get("min"), b.get("max")
        if type(lo) is not int or type(hi) is not int or not 0 <= lo <= hi <= MAX_POINTS:
            raise bad("range", label, max_points=MAX_POINTS)
        if previous is not None and lo != previous["max"] + 1:
            raise bad("gap" if lo > previous["max"] + 1 else "overlap", label, previous=previous["label"])
        keys.add(key)
        previous = {"key": key, "label": label.strip(), "min": lo, "max": hi}
        out.append(previous)
    return {"source": source.strip(), "bands": out}


def categories(template: Template) -> Categories:
    """The bands ``template`` scores against: its own when it carries a sound section, else the national ones."""
    section = template.raw.get("categories")
    if section is None:
        return NATIONAL_CATEGORIES
    try:
        checked = check_categories(section)
    except KlaError:
        return NATIONAL_CATEGORIES
    return Categories(tuple(Band(b["key"], b["label"], b["min"], b["max"]) for b in checked["bands"]),
                      checked["source"], True)
