from __future__ import annotations

from db.demo import create_demo
from db.store import Store

KEL = "64.71.02.1002"  # Baru Tengah


def _snapshot(home):
    with Store.open(home) as s:
        values = sorted(
            (e.data_year, e.indicator_no, k, str(v))
            for e in s.entries() for k, v in s.values(None, e.data_year, e.indicator_no).items()
        )
        shas = sorted(e.sha256 for e in s.evidence_list(None))
        acts = sorted(a.title for a in s.activities())
        facs = sorted(f.name for f in s.facilities())
        check = s.check()
    return values, shas, acts, facs, check


def test_demo_is_deterministic_and_realistic(tmp_path):
    a = create_demo(tmp_path / "a", seed=5, kelurahan_code=KEL)
    b = create_demo(tmp_path / "b", seed=5, kelurahan_code=KEL)
    assert a == b
    snap_a, snap_b = _snapshot(tmp_path / "a"), _snapshot(tmp_path / "b")
    assert snap_a[:4] == snap_b[:4]
    values, shas, acts, facs, check = snap_a
    assert check.ok, "every generated evidence file is stored and matches its hash"
    assert values and shas and facs
    with Store.open(tmp_path / "a") as s:
        kinds = {s.evidence_path(e).read_bytes()[:4] for e in s.evidence_list(None)}
        assert kinds <= {b"\x89PNG", b"%PDF"} and len(kinds) == 2  # real images and PDFs
        for e in s.entries():  # the generated data obeys the template's own rules
            st = s.indicator_status(None, e.data_year, e.indicator_no)
            assert not st.problems
    c = create_demo(tmp_path / "c", seed=6, kelurahan_code=KEL)
    assert _snapshot(tmp_path / "c")[0] != values or c != a


def test_cancelled_demo_leaves_no_workspace(tmp_path):
    import pytest

    from db.errors import KlaError

    def cancel(done, total, text):
        raise KlaError("cancelled")

    with pytest.raises(KlaError):
        create_demo(tmp_path / "demo", seed=1, kelurahan_code=KEL, progress=cancel)
    assert not Store.exists(tmp_path / "demo")
    assert list(tmp_path.iterdir()) == []
    # and a second try works
    create_demo(tmp_path / "demo", seed=1, kelurahan_code=KEL)
    assert Store.exists(tmp_path / "demo")


def test_demo_progress_is_a_code_not_a_sentence(tmp_path):
    """db/ never words its progress: the front ends do (ui.messages.progress_text)."""
    from db.progress import Step, step

    seen: list[Step] = []
    create_demo(tmp_path / "demo", seed=1, kelurahan_code=KEL, progress=lambda d, t, s: seen.append(s))
    store = Store.open(tmp_path / "demo")
    name = store.kelurahan(KEL).name
    store.close()
    assert seen[0] == step("making_demo", name=name)
    assert seen[-1] == step("done")
