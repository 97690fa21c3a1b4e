from __future__ import annotations

import dataclasses

import pytest

from db.scoring import category, estimate
from db.template import default_template


@pytest.mark.parametrize("score, cat", [(0, ""), (499.4, ""), (500, "pratama"), (600, "pratama"), (601, "madya"),
                                        (750, "nindya"), (817, "utama"), (891, "utama"), (901, "paripurna"),
                                        (1000, "paripurna")])
def test_category_bands(score, cat):
    assert category(score) == cat


def test_estimate_weights_completeness(kel_store):
    t = default_template()
    st = kel_store.status(None, 2025)
    assert estimate(t, st.indicators) == 0
    full = [dataclasses.replace(i, completeness=1.0) for i in st.indicators]
    assert estimate(t, full) == 1000
    half_k = [dataclasses.replace(i, completeness=1.0 if i.cluster == "K" else 0.0) for i in st.indicators]
    assert estimate(t, half_k) == sum(i.weight for i in t.indicators_of("K"))
