"""City rubrics that grade desa/kelurahan (issue 12; docs/template-format.md §10): the only writer
of ``rubric_scores``.

A rubric (Kota Bogor's Siklabo: 22 indicators, Pratama/Madya/Nindya after field verification) is
a template file of kind ``rubric`` with its own indicators, weights (an indicator's weight is its
maximum score) and bands. It is kept in ``templates`` through db.refdata, never active: units do
not record against it. The one in force is the setting ``rubric`` (``id/version``). DP3AKB records
each unit's verified score per rubric indicator and evaluation; a unit's category is the band of
its total once every indicator of the rubric in force is scored. Nowhere else does a unit get a
category: the kab/kota bands (db/scoring.py) never grade a unit.
"""

from __future__ import annotations

from typing import Any

from db.changes import Changes
from db.core import Core, now_iso
from db.errors import KlaError
from db.record import record
from db.refdata import RefData
from db.template import Template, check_complete

SETTING = "rubric"


@record
class RubricResult:
    """One unit's standing on the rubric in force for one evaluation."""

    rubric_id: str
    rubric_version: int
    rubric_name: str
    kelurahan_code: str
    eval_year: int
    total: float
    max_total: int
    scored: int
    indicators: int
    band_key: str = ""  # '' while not every indicator is scored, or below the lowest band
    band_label: str = ""

    @property
    def complete(self) -> bool:
        return self.scored == self.indicators

    def to_json(self) -> dict[str, Any]:
        return {"id": self.rubric_id, "version": self.rubric_version, "name": self.rubric_name,
                "kelurahan": self.kelurahan_code, "eval_year": self.eval_year, "total": self.total,
                "max": self.max_total, "scored": self.scored, "indicators": self.indicators,
                "band": self.band_key, "band_label": self.band_label}


@record
class RubricScore:
    """DP3AKB's verified score of one unit on one rubric indicator, with the jury's note."""

    indicator_no: int
    score: float
    note: str
    operator: str
    updated_at: str


def rubric_result_of(text: str) -> RubricResult | None:
    """A result as a receipt carried it (JSON of :meth:`RubricResult.to_json`); None when absent or
    not of that shape (an older DP3AKB sends none)."""
    import json

    try:
        d = json.loads(text) if text else None
        if not isinstance(d, dict):
            return None
        out = RubricResult(str(d["id"]), int(d["version"]), str(d["name"]), str(d["kelurahan"]),
                           int(d["eval_year"]), float(d["total"]), int(d["max"]), int(d["scored"]),
                           int(d["indicators"]), str(d.get("band", "")), str(d.get("band_label", "")))
    except (KeyError, TypeError, ValueError):
        return None
    return out if out.complete and out.band_key else None


class Rubrics:
    def __init__(self, core: Core, ref: RefData) -> None:
        self.core = core
        self.ref = ref

    def in_force(self) -> Template | None:
        """The rubric DP3AKB grades its units by (None: no rubric installed)."""
        value = self.ref.setting(SETTING)
        if not value:
            return None
        rid, _, version = value.rpartition("/")
        return self.ref.template_version(rid, int(version))

    def install(self, rubric: Template) -> Changes:
        """Keep ``rubric`` and put it in force (inside the caller's transaction). Refused with nothing
        changed: a KLA template, weights not summing to its total, an older version of the rubric in
        force, the same version with other content. The same version again changes nothing."""
        if not rubric.is_rubric:
            raise KlaError("rubric_not_rubric", id=rubric.id)
        check_complete(rubric)
        current = self.in_force()
        if current is not None and current.id == rubric.id and rubric.version < current.version:
            raise KlaError("rubric_older", version=rubric.version, active=current.version)
        changes = self.ref.install_template(rubric, activate=False)
        key = f"{rubric.id}/{rubric.version}"
        if self.ref.setting(SETTING) != key:
            changes = changes | self.ref.set_setting(SETTING, key) | Changes.of("rubric", key)
        return changes

    def set_score(self, kelurahan_code: str, eval_year: int, indicator_no: int, score: Any,
                  note: str = "") -> Changes:
        """DP3AKB's verified score of one unit on one rubric indicator (None clears it)."""
        rubric = self._require()
        try:
            ind = rubric.indicator(int(indicator_no))
        except (KlaError, ValueError) as exc:
            raise KlaError("rubric_indicator_unknown", indicator=indicator_no, id=rubric.id) from exc
        if score is not None:
            if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= ind.weight:
                raise KlaError("rubric_score_invalid", value=score, indicator=ind.no, max=ind.weight)
        key = (rubric.id, kelurahan_code, int(eval_year), ind.no)
        old = self.core.one("SELECT score FROM rubric_scores WHERE rubric_id = ? AND kelurahan_code = ? AND"
                            " eval_year = ? AND indicator_no = ?", list(key))
        if score is None:
            self.core.execute("DELETE FROM rubric_scores WHERE rubric_id = ? AND kelurahan_code = ? AND"
                              " eval_year = ? AND indicator_no = ?", list(key))
        else:
            self.core.execute(
                "INSERT INTO rubric_scores(rubric_id, rubric_version, kelurahan_code, eval_year, indicator_no, score,"
                " note, operator, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(rubric_id,"
                " kelurahan_code, eval_year, indicator_no) DO UPDATE SET score = excluded.score, note = excluded.note,"
                " rubric_version = excluded.rubric_version, operator = excluded.operator,"
                " updated_at = excluded.updated_at",
                [rubric.id, rubric.version, kelurahan_code, int(eval_year), ind.no, float(score), note,
                 self.core.operator, now_iso()])
        self.core.audit("update", "rubric_score", f"{kelurahan_code}/{eval_year}/{ind.no}",
                        None if old is None else old["score"], score)
        return Changes.of("rubric", f"{kelurahan_code}/{eval_year}", units=[kelurahan_code])

    def results(self, eval_year: int, kelurahan_code: str | None = None) -> list[RubricResult]:
        """Every scored unit's standing (one query), by unit code; empty without a rubric in force."""
        rubric = self.in_force()
        if rubric is None:
            return []
        sql = "SELECT kelurahan_code, indicator_no, score FROM rubric_scores WHERE rubric_id = ? AND eval_year = ?"
        args: list[Any] = [rubric.id, int(eval_year)]
        if kelurahan_code is not None:
            sql += " AND kelurahan_code = ?"
            args.append(kelurahan_code)
        nos = {i.no for i in rubric.indicators}
        by_unit: dict[str, dict[int, float]] = {}
        for r in self.core.query(sql + " ORDER BY kelurahan_code, indicator_no", args):
            if r["indicator_no"] in nos:  # a score of an indicator a later version dropped does not count
                by_unit.setdefault(r["kelurahan_code"], {})[r["indicator_no"]] = float(r["score"])
        out = []
        for kel, scores in by_unit.items():
            total = round(sum(scores.values()), 2)
            band = rubric.band_of(total) if len(scores) == len(nos) else None
            out.append(RubricResult(rubric.id, rubric.version, rubric.name, kel, int(eval_year), total,
                                    rubric.weight_total, len(scores), len(nos),
                                    band.key if band else "", band.label if band else ""))
        return out

    def scores(self, kelurahan_code: str, eval_year: int) -> dict[int, RubricScore]:
        """One unit's scores on the rubric in force for one evaluation, by indicator (one query)."""
        rubric = self.in_force()
        if rubric is None:
            return {}
        nos = {i.no for i in rubric.indicators}
        return {r["indicator_no"]: RubricScore(r["indicator_no"], float(r["score"]), r["note"], r["operator"],
                                               r["updated_at"])
                for r in self.core.query("SELECT * FROM rubric_scores WHERE rubric_id = ? AND kelurahan_code = ?"
                                         " AND eval_year = ?", [rubric.id, kelurahan_code, int(eval_year)])
                if r["indicator_no"] in nos}

    def result(self, kelurahan_code: str, eval_year: int) -> RubricResult | None:
        found = self.results(eval_year, kelurahan_code)
        return found[0] if found else None

    def _require(self) -> Template:
        rubric = self.in_force()
        if rubric is None:
            raise KlaError("rubric_missing", id="")
        return rubric
