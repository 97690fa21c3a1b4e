"""When evidence is too old: one rule for the status, the progress sheet and indicator 2.

``max_age_years`` in the template counts calendar years that end with the data year the
evidence is linked to: 1 means dated in the data year itself (or later, e.g. a profile put
together early the next year), 2 the data year or the year before. The domain reference
(``shared/reference/kla-domain.md`` §10) says Profil Anak "updated every year" is judged
against the data year it describes, not the evaluation year: a 2025 profile linked to data
year 2025 is fresh for the 2027 evaluation.
"""

from __future__ import annotations


def too_old(doc_date: str | None, data_year: int, max_age_years: int | None) -> bool:
    """True when ``doc_date`` (YYYY-MM-DD) is before the window; undated or non-expiring: False."""
    if max_age_years is None or not doc_date:
        return False
    try:
        year = int(doc_date[:4])
    except ValueError:
        return False
    return year <= data_year - max_age_years
