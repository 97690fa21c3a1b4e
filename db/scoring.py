"""An unofficial score estimate from completeness and the template's weights.

KemenPPPA does not publish per-indicator weights, so the template's weights are
configurable and marked unofficial; this estimate only shows where a kelurahan or the
city stands relative to the category bands (max 1000 points). Bands from
``shared/reference/kla-domain.md`` section 3: Pratama 500-600, Madya 601-700,
Nindya 701-800, Utama 801-900, Paripurna/KLA 901-1000; below 500 no category.
"""

from __future__ import annotations

from collections.abc import Iterable

from db.records import IndicatorStatus
from db.template import Template
from db.template_bands import categories

BANDS = (
    (901, "paripurna"),
    (801, "utama"),
    (701, "nindya"),
    (601, "madya"),
    (500, "pratama"),
)


def category(score: float, template: Template | None = None) -> str:
    """'' below the lowest band, else the band's key: ``template``'s own bands when it carries them
    (db/template_bands.py), the national ones otherwise."""
    if template is not None:
        return categories(template).category(score)
    for floor, name in BANDS:
        if round(score) >= floor:
            return name
    return ""


def estimate(template: Template, statuses: Iterable[IndicatorStatus]) -> float:
    """Sum of weight x completeness over the template's indicators (0..1000)."""
    weights = {i.no: i.weight for i in template.indicators}
    total_weight = sum(weights.values()) or 1
    raw = sum(weights.get(s.indicator_no, 0) * s.completeness for s in statuses)
    # Scale to 1000 even if a template's weights do not add up to exactly 1000.
    return round(raw * 1000 / total_weight, 1)
