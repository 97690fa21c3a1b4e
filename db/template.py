"""Indicator templates: versioned data, not code.

A template is a JSON document (see ``docs/template-format.md``) that DP3AKB can replace
without a new release. This module parses it strictly into frozen dataclasses, computes
its content hash, and holds the validation rules that follow from it (value parsing,
part/whole checks, computed percentages).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import field
from typing import TYPE_CHECKING, Any

from db.digest import sha256
from db.errors import KlaError
from db.record import record

if TYPE_CHECKING:
    from decimal import Decimal

ITEM_TYPES = ("count", "amount", "yes_no", "choice", "text", "date", "percent")
STABLE_TYPES = ("yes_no", "choice", "text", "date")
"""Answers that usually stay from one data year to the next ("Salin dari tahun lalu" copies them)."""
IMPORTANCE = ("high", "medium", "low")
"""How much a plausibility flag weighs: 'high' blocks "siap" like a part larger than its whole."""
OPERATORS = ("==", "!=", "<", "<=", ">", ">=")
MAX_RULES = 200
MAX_TERMS = 20
EVIDENCE_KINDS = ("regulation", "sk", "photo", "video", "minutes", "certificate", "data_table", "report", "other")
WORDING_STATUSES = ("confirmed", "partly_confirmed", "unconfirmed", "draft")
"""An indicator's or item's ``wording_status``; anything but 'confirmed' is marked where it is shown."""
FAMILY_KINDS = ("kla", "rubric")
"""``kind`` of a template family: the KLA template every unit records against, or a city's own
rubric that grades its desa/kelurahan (docs/template-format.md §10)."""
SEXES = ("L", "P")
DEFAULT_TEMPLATE_FILE = "kla24_v1.json"
"""The version a new workspace starts from. A newer shipped version (kla24_v2.json) is put in
force by DP3AKB, never by an update of the program: see docs/template-format.md §7.1."""
VIDEO_MAX_MB = 50
"""A video's size guidance when the template names none: larger videos are kept, with a word."""
WEIGHT_TOTAL = 1000

_KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_BAND_RE = re.compile(r"^[a-z0-9-]+$")
_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
MAX_NUMBER = 10**15
"""Counts and Rupiah amounts stay below a thousand trillion (15 digits, what a spreadsheet keeps
exactly): a longer number is a slip of the keyboard or a hostile file, and one past 4,300 digits
would stop Python's own int/str conversion."""


def _refuse_constant(name: str) -> Any:
    """``json.loads(parse_constant=...)``: NaN and Infinity are no JSON a person wrote."""
    raise json.JSONDecodeError(f"{name} is not a number", name, 0)
_DATE_ID_RE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$")
_DATE_WORDS_RE = re.compile(r"^(\d{1,2})[\s.-]+([a-z]+)\.?[\s.-]+(\d{4}|\d{2})$")
# Month names as clerks write them (Indonesian, short forms, and English on imported sheets).
_MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12, "dec": 12, "december": 12,
}


def _full_year(y: int, digits: int) -> int:
    """'26' is 2026 and '98' is 1998: two-digit years as an office means them."""
    if digits == 4:
        return y
    return 2000 + y if y < 70 else 1900 + y


@record
class AgeBand:
    key: str
    label: str


@record
class Cluster:
    key: str
    name: str
    order: int


@record
class Choice:
    key: str
    label: str


@record
class Item:
    key: str
    label: str
    type: str
    required: bool = False
    sex: bool = False
    age: str | None = None
    part_of: str | None = None
    numerator: str | None = None
    denominator: str | None = None
    choices: tuple[Choice, ...] = ()
    help: str = ""
    min_value: int | None = None  # plausible range of a count or amount (DHIS2's min-max)
    max_value: int | None = None
    year_change: bool = True  # compared with last year when the template has a year_change rule
    wording_status: str = ""  # '' = follows its indicator; 'draft' etc. marks the item itself

    @property
    def provisional(self) -> bool:
        """The item's own wording is a proposal (its indicator may be confirmed)."""
        return self.wording_status not in ("", "confirmed")

    @property
    def computed(self) -> bool:
        return self.type == "percent"

    @property
    def disaggregated(self) -> bool:
        return self.sex or self.age is not None


@record
class EvidenceRequirement:
    kind: str
    label: str
    min_count: int = 1
    max_age_years: int | None = None
    required: bool = True
    key: str = ""  # stable within the indicator: the kind, then kind_2, kind_3 for more of one kind


@record
class Term:
    """The cells of one item summed: all of them, or one sex and/or one age band."""

    indicator: int
    item: str
    sex: str = ""
    age: str = ""


@record
class ValidationRule:
    """A DHIS2-like rule: left side, operator, right side, importance, message."""

    key: str
    left: tuple[Term, ...]
    operator: str
    right: tuple[Term, ...]
    importance: str = "medium"
    message: str = ""
    tolerance: float = 0.0  # for '==': sides may differ by this share of the larger one

    @property
    def indicators(self) -> frozenset[int]:
        return frozenset(t.indicator for t in self.left + self.right)


@record
class YearChangeRule:
    """A count that changed by more than ``factor`` from last year, when either year is at least ``min_count``."""

    factor: float = 2.0
    min_count: int = 20
    importance: str = "medium"


@record
class Plausibility:
    year_change: YearChangeRule | None = None
    rules: tuple[ValidationRule, ...] = ()

    def rules_of(self, indicator_no: int) -> tuple[ValidationRule, ...]:
        return tuple(r for r in self.rules if indicator_no in r.indicators)


@record
class Indicator:
    no: int
    cluster: str
    short_name: str
    title: str
    wording_status: str
    source: str
    guidance: str
    weight: int
    items: tuple[Item, ...]
    evidence: tuple[EvidenceRequirement, ...]

    @property
    def provisional(self) -> bool:
        """The indicator's title (and so its proposed items) is not a confirmed wording."""
        return self.wording_status != "confirmed"

    def marked_items(self) -> tuple[Item, ...]:
        """Items to mark as drafts on their own: those with a non-confirmed wording of their own,
        under an indicator whose title is confirmed (a provisional indicator is marked as a whole)."""
        if self.provisional:
            return ()
        return tuple(it for it in self.items if it.provisional)

    def item(self, key: str) -> Item:
        for it in self.items:
            if it.key == key:
                return it
        raise KlaError("item_unknown", indicator=self.no, item=key)

    @property
    def code(self) -> str:
        return f"{self.no}"


@record
class Band:
    """A category a total score falls in (a rubric's Pratama/Madya/Nindya): closed range."""

    key: str
    label: str
    min_score: int
    max_score: int


@record
class Template:
    id: str
    version: int
    name: str
    description: str
    weights_official: bool
    weights_note: str
    photo_max_long_side: int
    photo_jpeg_quality: int
    age_bands: dict[str, tuple[AgeBand, ...]]
    clusters: tuple[Cluster, ...]
    indicators: tuple[Indicator, ...]
    content_hash: str
    raw: dict[str, Any] = field(repr=False, compare=False, hash=False)
    plausibility: Plausibility = field(default_factory=Plausibility)
    video_max_mb: int = VIDEO_MAX_MB
    weight_total: int = WEIGHT_TOTAL
    kind: str = "kla"
    bands: tuple[Band, ...] = ()
    _cells: dict[tuple[bool, str | None], tuple[tuple[str, str], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False)
    """:meth:`cells` by (sex, age band set): the same few shapes asked for every value checked."""

    @property
    def is_rubric(self) -> bool:
        return self.kind == "rubric"

    def band_of(self, score: float) -> Band | None:
        """The band a score falls in (bands are closed ranges), None below the lowest."""
        for b in self.bands:
            if b.min_score <= score <= b.max_score:
                return b
        return None

    def indicator(self, no: int) -> Indicator:
        for ind in self.indicators:
            if ind.no == no:
                return ind
        raise KlaError("indicator_unknown", indicator=no)

    def cluster(self, key: str) -> Cluster:
        for c in self.clusters:
            if c.key == key:
                return c
        raise KlaError("cluster_unknown", cluster=key)

    def indicators_of(self, cluster_key: str) -> list[Indicator]:
        return [i for i in self.indicators if i.cluster == cluster_key]

    def cells(self, item: Item) -> tuple[tuple[str, str], ...]:
        """The (sex, age) cells an item is recorded in; ('', '') when not disaggregated."""
        shape = (item.sex, item.age)
        found = self._cells.get(shape)
        if found is None:
            sexes = list(SEXES) if item.sex else [""]
            ages = [b.key for b in self.age_bands[item.age]] if item.age else [""]
            found = self._cells[shape] = tuple((s, a) for s in sexes for a in ages)
        return found

    def to_json(self) -> str:
        return canonical_json(self.raw)


_canonical_json = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode


def canonical_json(obj: Any) -> str:
    return _canonical_json(obj)


def content_hash(obj: Any) -> str:
    return sha256(canonical_json(obj).encode("utf-8")).hexdigest()


def _req(d: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(d, dict):
        raise KlaError("template_invalid", where=where, problem="not_an_object")
    if key not in d:
        raise KlaError("template_invalid", where=where, problem="missing_field", field=key)
    value = d[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise KlaError("template_invalid", where=where, problem="wrong_type", field=key)
    return value


def _same_shape(by_key: dict[str, Item], a: Item, ref: str | None, what: str, where: str) -> None:
    """``ref`` must be a count item of the same disaggregation as ``a`` (percents excepted)."""
    other = by_key.get(ref or "")
    if other is None or other.type != "count":
        raise KlaError("template_invalid", where=where, problem=f"{what} must name a count item")
    if (other.sex, other.age) != (a.sex, a.age) and a.type != "percent":
        raise KlaError("template_invalid", where=where, problem=f"{what} has another disaggregation")


# Bounds a template must keep (checked before anything else is parsed): a DP3AKB-signed
# receipt or a typed `kla template install` can never install something that makes every
# later report, setup file or status run for minutes. Generous against the real one
# (24 indicators, at most 13 items each in version 2); docs/template-format.md §6.2 lists them.
TEMPLATE_LIMITS = {
    "bytes": 2_000_000,
    "depth": 12,
    "clusters": 12,
    "indicators": 60,
    "indicator_no": 999,
    "items": 20,
    "choices": 50,
    "age_sets": 10,
    "age_bands": 20,
    "evidence": 20,
    "bands": 10,
    "migrations": 100,
    "text": 20_000,
}
MIN_ITEMS = {"kla": 1, "rubric": 0}
"""A KLA indicator asks at least one thing; a rubric's indicator may be a score alone."""
MIN_EVIDENCE = {"kla": 1, "rubric": 0}
STEP_FIELDS = ("from_version", "rename", "merge", "split", "retire", "drop", "note")


def _check_bounds(raw: Any) -> None:
    """Depth, list lengths and text sizes within TEMPLATE_LIMITS (iterative: no recursion)."""
    lim = TEMPLATE_LIMITS
    stack: list[tuple[Any, int]] = [(raw, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > lim["depth"]:
            raise KlaError("template_invalid", where="root", problem="too_deep", limit=lim["depth"])
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            if len(node) > 1000:
                raise KlaError("template_invalid", where="root", problem="too_many", what="list", limit=1000,
                               count=len(node))
            stack.extend((v, depth + 1) for v in node)
        elif isinstance(node, str) and len(node) > lim["text"]:
            raise KlaError("template_invalid", where="root", problem="text_too_long", limit=lim["text"])
    counts = {
        "clusters": raw.get("clusters"),
        "indicators": raw.get("indicators"),
        "age_sets": raw.get("age_bands"),
        "bands": (raw.get("categories") or {}).get("bands") if isinstance(raw.get("categories"), dict) else None,
        "migrations": raw.get("migrations"),
    }
    for key, value in counts.items():
        if isinstance(value, list | dict) and len(value) > lim[key]:
            raise KlaError("template_invalid", where=key, problem="too_many", what=key, limit=lim[key],
                           count=len(value))
    for bands in (raw.get("age_bands") or {}).values() if isinstance(raw.get("age_bands"), dict) else ():
        if isinstance(bands, list) and len(bands) > lim["age_bands"]:
            raise KlaError("template_invalid", where="age_bands", problem="too_many", what="age_bands",
                           limit=lim["age_bands"], count=len(bands))
    for ind in raw.get("indicators") or () if isinstance(raw.get("indicators"), list) else ():
        if not isinstance(ind, dict):
            continue
        for key in ("items", "evidence"):
            if isinstance(ind.get(key), list) and len(ind[key]) > lim[key]:
                raise KlaError("template_invalid", where=f"indicator {ind.get('no')}", problem="too_many",
                               what=key, limit=lim[key], count=len(ind[key]))
        for it in ind.get("items") or () if isinstance(ind.get("items"), list) else ():
            if isinstance(it, dict) and isinstance(it.get("choices"), list) and len(it["choices"]) > lim["choices"]:
                raise KlaError("template_invalid", where=f"indicator {ind.get('no')}", problem="too_many",
                               what="choices", limit=lim["choices"], count=len(it["choices"]))


def parse_template(raw: dict[str, Any]) -> Template:
    """Parse and check a template document's structure. Raises ``KlaError('template_invalid')``.

    What a draft may still put right (the weights' total) is left to :func:`check_complete`,
    which :func:`load_template_json` and every install run as well.
    """
    if not isinstance(raw, dict):
        raise KlaError("template_invalid", where="root", problem="not_an_object")
    _check_bounds(raw)
    try:
        return _parse(raw)
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, OverflowError) as exc:
        # A value of the wrong shape deep inside (a number where a list belongs): refused, never a crash.
        raise KlaError("template_invalid", where="root", problem="schema") from exc


def _parse(raw: dict[str, Any]) -> Template:
    tid = _req(raw, "id", str, "root")
    if not _KEY_RE.match(tid) and not re.fullmatch(r"[a-z][a-z0-9_-]*", tid):
        raise KlaError("template_invalid", where="root", problem="bad_id")
    version = _req(raw, "version", int, "root")
    if version < 1:
        raise KlaError("template_invalid", where="root", problem="bad_version")
    kind = raw.get("kind", "kla")
    if kind not in FAMILY_KINDS:
        raise KlaError("template_invalid", where="root", problem="bad_kind")
    bands_raw = _req(raw, "age_bands", dict, "root")
    age_bands: dict[str, tuple[AgeBand, ...]] = {}
    for name, bands in bands_raw.items():
        if not isinstance(bands, list) or not bands:
            raise KlaError("template_invalid", where=f"age_bands.{name}", problem="empty")
        parsed = []
        for b in bands:
            key = _req(b, "key", str, f"age_bands.{name}")
            if not _BAND_RE.match(key):
                raise KlaError("template_invalid", where=f"age_bands.{name}", problem=f"bad key {key}")
            parsed.append(AgeBand(key, _req(b, "label", str, f"age_bands.{name}")))
        if len({b.key for b in parsed}) != len(parsed):
            raise KlaError("template_invalid", where=f"age_bands.{name}", problem="duplicate key")
        age_bands[name] = tuple(parsed)

    clusters = tuple(
        Cluster(_req(c, "key", str, "clusters"), _req(c, "name", str, "clusters"), int(c.get("order", i)))
        for i, c in enumerate(_req(raw, "clusters", list, "root"))
    )
    cluster_keys = {c.key for c in clusters}
    if len(cluster_keys) != len(clusters):
        raise KlaError("template_invalid", where="clusters", problem="duplicate key")

    indicators = []
    inds_raw = _req(raw, "indicators", list, "root")
    if not inds_raw:
        raise KlaError("template_invalid", where="indicators", problem="too_few", what="indicators", limit=1,
                       count=0)
    for ind in inds_raw:
        no = _req(ind, "no", int, "indicators")
        where = f"indicator {no}"
        if not 1 <= no <= TEMPLATE_LIMITS["indicator_no"]:
            raise KlaError("template_invalid", where=where, problem="bad_number", limit=TEMPLATE_LIMITS["indicator_no"])
        status = ind.get("wording_status", "unconfirmed")
        if status not in WORDING_STATUSES:
            raise KlaError("template_invalid", where=where, problem="bad_wording_status")
        items_raw = _req(ind, "items", list, where)
        if len(items_raw) < MIN_ITEMS[kind]:
            raise KlaError("template_invalid", where=where, problem="too_few", what="items", limit=MIN_ITEMS[kind],
                           count=len(items_raw))
        evidence_raw = _req(ind, "evidence", list, where) if "evidence" in ind or kind == "kla" else []
        if len(evidence_raw) < MIN_EVIDENCE[kind]:
            raise KlaError("template_invalid", where=where, problem="too_few", what="evidence",
                           limit=MIN_EVIDENCE[kind], count=len(evidence_raw))
        cluster = _req(ind, "cluster", str, where)
        if cluster not in cluster_keys:
            raise KlaError("template_invalid", where=where, problem=f"unknown cluster {cluster}")
        items = []
        for it in items_raw:
            key = _req(it, "key", str, where)
            iwhere = f"{where} item {key}"
            if not _KEY_RE.match(key):
                raise KlaError("template_invalid", where=iwhere, problem="bad key")
            typ = _req(it, "type", str, iwhere)
            if typ not in ITEM_TYPES:
                raise KlaError("template_invalid", where=iwhere, problem=f"unknown type {typ}")
            age = it.get("age")
            if age is not None and age not in age_bands:
                raise KlaError("template_invalid", where=iwhere, problem=f"unknown age set {age}")
            sex = bool(it.get("sex", False))
            if (sex or age) and typ != "count":
                raise KlaError("template_invalid", where=iwhere, problem="only counts are disaggregated")
            choices = tuple(Choice(_req(c, "key", str, iwhere), _req(c, "label", str, iwhere))
                            for c in it.get("choices", []))
            if len({c.key for c in choices}) != len(choices):
                raise KlaError("template_invalid", where=iwhere, problem="duplicate choice key")
            item_status = it.get("wording_status", "")
            if item_status not in ("", *WORDING_STATUSES):
                raise KlaError("template_invalid", where=iwhere, problem="bad_wording_status")
            if typ == "choice" and not choices:
                raise KlaError("template_invalid", where=iwhere, problem="choice without choices")
            items.append(
                Item(
                    key=key,
                    label=_req(it, "label", str, iwhere),
                    type=typ,
                    required=bool(it.get("required", False)) and typ != "percent",
                    sex=sex,
                    age=age,
                    part_of=it.get("part_of"),
                    numerator=it.get("numerator"),
                    denominator=it.get("denominator"),
                    choices=choices,
                    help=str(it.get("help", "")),
                    min_value=_bound(it, "min", typ, iwhere),
                    max_value=_bound(it, "max", typ, iwhere),
                    year_change=_flag(it, "year_change", True, iwhere),
                    wording_status=str(item_status),
                )
            )
            if items[-1].min_value is not None and items[-1].max_value is not None \
                    and items[-1].min_value > items[-1].max_value:
                raise KlaError("template_invalid", where=iwhere, problem="min above max")
        by_key = {i.key: i for i in items}
        if len(by_key) != len(items):
            raise KlaError("template_invalid", where=where, problem="duplicate item key")

        for it in items:
            iwhere = f"{where} item {it.key}"
            if it.part_of:
                if it.type != "count":
                    raise KlaError("template_invalid", where=iwhere, problem="part_of on a non-count")
                _same_shape(by_key, it, it.part_of, "part_of", iwhere)
            if it.type == "percent":
                _same_shape(by_key, it, it.numerator, "numerator", iwhere)
                _same_shape(by_key, it, it.denominator, "denominator", iwhere)
                num, den = by_key[it.numerator or ""], by_key[it.denominator or ""]
                if (num.sex, num.age) != (den.sex, den.age):
                    raise KlaError("template_invalid", where=iwhere, problem="numerator/denominator differ")
        evidence = []
        of_kind: dict[str, int] = {}
        for ev in evidence_raw:
            ev_kind = _req(ev, "kind", str, where)
            if ev_kind not in EVIDENCE_KINDS:
                raise KlaError("template_invalid", where=where, problem=f"unknown evidence kind {ev_kind}")
            max_age = ev.get("max_age_years")
            of_kind[ev_kind] = of_kind.get(ev_kind, 0) + 1
            req_key = ev.get("key", ev_kind if of_kind[ev_kind] == 1 else f"{ev_kind}_{of_kind[ev_kind]}")
            if not isinstance(req_key, str) or not _KEY_RE.match(req_key):
                raise KlaError("template_invalid", where=where, problem="bad evidence key")
            evidence.append(
                EvidenceRequirement(
                    kind=ev_kind,
                    label=_req(ev, "label", str, where),
                    min_count=max(1, int(ev.get("min_count", 1))),
                    max_age_years=int(max_age) if max_age is not None else None,
                    required=bool(ev.get("required", True)),
                    key=req_key,
                )
            )
        if len({e.key for e in evidence}) != len(evidence):
            raise KlaError("template_invalid", where=where, problem="duplicate evidence key")
        indicators.append(
            Indicator(
                no=no,
                cluster=cluster,
                short_name=_req(ind, "short_name", str, where),
                title=_req(ind, "title", str, where),
                wording_status=str(status),
                source=str(ind.get("source", "")),
                guidance=str(ind.get("guidance", "")),
                weight=_weight(ind, where),
                items=tuple(items),
                evidence=tuple(evidence),
            )
        )
    nos = [i.no for i in indicators]
    if len(set(nos)) != len(nos):
        raise KlaError("template_invalid", where="indicators", problem="duplicate indicator number")
    indicators.sort(key=lambda i: i.no)
    plausibility = _parse_plausibility(raw.get("plausibility"), {i.no: i for i in indicators}, age_bands)
    weight_total = raw.get("weight_total", WEIGHT_TOTAL)
    if type(weight_total) is not int or not 1 <= weight_total <= 100_000:
        raise KlaError("template_invalid", where="root", problem="bad_weight_total")
    # A rubric's categories are its own and are read here; a KLA template's (the kab/kota bands it
    # may carry, same shape) are read by db/template_bands.py and never grade a unit.
    section = raw.get("categories") if kind == "rubric" else None
    bands = _parse_bands(section.get("bands") if isinstance(section, dict) else None, weight_total)
    if kind == "rubric" and not bands:
        raise KlaError("template_invalid", where="bands", problem="rubric_without_bands")
    _check_migrations(raw.get("migrations"), version, {i.no: i for i in indicators})
    return Template(
        id=tid,
        version=version,
        name=str(raw.get("name", tid)),
        description=str(raw.get("description", "")),
        weights_official=bool(raw.get("weights_official", False)),
        weights_note=str(raw.get("weights_note", "")),
        photo_max_long_side=int(raw.get("photo_max_long_side", 1600)),
        photo_jpeg_quality=int(raw.get("photo_jpeg_quality", 80)),
        age_bands=age_bands,
        clusters=tuple(sorted(clusters, key=lambda c: c.order)),
        indicators=tuple(indicators),
        content_hash=content_hash(raw),
        raw=raw,
        plausibility=plausibility,
        video_max_mb=_video_max_mb(raw),
        weight_total=weight_total,
        kind=str(kind),
        bands=bands,
    )


def _weight(ind: dict[str, Any], where: str) -> int:
    w = ind.get("weight", 0)
    if type(w) is not int or w < 0:
        raise KlaError("template_invalid", where=where, problem="bad_weight")
    return w


def _video_max_mb(raw: dict[str, Any]) -> int:
    v = raw.get("video_max_mb", VIDEO_MAX_MB)
    if type(v) is not int or not 1 <= v <= 4096:
        raise KlaError("template_invalid", where="root", problem="bad_video_max_mb")
    return v


def _parse_bands(raw: Any, weight_total: int) -> tuple[Band, ...]:
    """A rubric's ``categories.bands``: by total score, closed ranges within 0..weight_total that do not overlap."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise KlaError("template_invalid", where="bands", problem="schema")
    out = []
    for b in raw:
        key = _req(b, "key", str, "bands")
        if not _KEY_RE.match(key):
            raise KlaError("template_invalid", where="bands", problem="bad key")
        lo, hi = _req(b, "min", int, f"bands.{key}"), _req(b, "max", int, f"bands.{key}")
        if not 0 <= lo <= hi <= weight_total:
            raise KlaError("template_invalid", where=f"bands.{key}", problem="band_range", limit=weight_total)
        out.append(Band(key, _req(b, "label", str, f"bands.{key}"), lo, hi))
    out.sort(key=lambda b: b.min_score)
    if len({b.key for b in out}) != len(out):
        raise KlaError("template_invalid", where="bands", problem="duplicate key")
    for a, b in zip(out, out[1:], strict=False):
        if b.min_score <= a.max_score:
            raise KlaError("template_invalid", where=f"bands.{b.key}", problem="band_overlap")
    return tuple(out)


def _check_migrations(raw: Any, version: int, indicators: dict[int, Indicator]) -> None:
    """``migrations`` well formed (docs/template-format.md §9.1): one step per earlier version at most,
    known rule kinds, sources ``indicator.item``; the last step's targets are items of this version.

    A step's sources belong to the version it starts from, which this file does not hold: the
    install checks them against the stored version (db/template_migration.py)."""
    if raw is None:
        return
    if not isinstance(raw, list):
        raise KlaError("template_invalid", where="migrations", problem="schema")
    seen: set[int] = set()
    for m in raw:
        if not isinstance(m, dict) or set(m) - set(STEP_FIELDS):
            raise KlaError("template_invalid", where="migrations", problem="schema")
        v = m.get("from_version")
        if type(v) is not int or not 1 <= v < version or v in seen:
            raise KlaError("template_invalid", where="migrations", problem="bad_step_version")
        seen.add(v)
        where = f"migrations.{v}"
        rename = m.get("rename", {})
        merges, splits = m.get("merge", []), m.get("split", [])
        retires = [*(m.get("retire") or []), *(m.get("drop") or [])]
        if not isinstance(rename, dict) or not isinstance(merges, list) or not isinstance(splits, list):
            raise KlaError("template_invalid", where=where, problem="schema")
        targets: list[tuple[str, Any]] = []
        for src, dst in rename.items():
            targets.append((_source(src, where), dst))
        for mg in merges:
            if not isinstance(mg, dict) or not isinstance(mg.get("from"), list) or len(mg["from"]) < 2:
                raise KlaError("template_invalid", where=where, problem="schema")
            nos = {_source(x, where) for x in mg["from"]}
            if len(nos) != 1:
                raise KlaError("template_invalid", where=where, problem="rule_across_indicators")
            targets.append((nos.pop(), mg.get("into")))
        for sp in splits:
            if not isinstance(sp, dict) or not isinstance(sp.get("into"), list) or not sp["into"]:
                raise KlaError("template_invalid", where=where, problem="schema")
            no = _source(sp.get("from"), where)
            targets += [(no, k) for k in sp["into"]]
            if sp.get("carry") is not None and sp["carry"] not in sp["into"]:
                raise KlaError("template_invalid", where=where, problem="schema")
        for r in retires:
            _source(r, where)
        if v != version - 1:
            continue
        for no, key in targets:  # the step into this version names items this version has
            ind = indicators.get(int(no))
            if not isinstance(key, str) or ind is None or all(i.key != key for i in ind.items):
                raise KlaError("template_invalid", where=where, problem="rule_unknown_item", item=f"{no}.{key}")


def _source(full: Any, where: str) -> str:
    """'2.rapat_tim' -> '2' (the indicator number), refused when not of that shape."""
    if not isinstance(full, str):
        raise KlaError("template_invalid", where=where, problem="schema")
    no, dot, key = full.partition(".")
    if not dot or not no.isdigit() or not _KEY_RE.match(key):
        raise KlaError("template_invalid", where=where, problem="rule_bad_source", item=full)
    return no


def check_complete(t: Template) -> None:
    """What a published version must hold beyond its structure: weights summing to its total."""
    total = sum(i.weight for i in t.indicators)
    if total != t.weight_total:
        raise KlaError("template_invalid", where="weights", problem="weights_total", total=total,
                       expected=t.weight_total)


def _bound(d: dict[str, Any], key: str, typ: str, where: str) -> int | None:
    """An item's ``min``/``max``: a whole number >= 0, on counts and amounts only."""
    if key not in d or d[key] is None:
        return None
    value = d[key]
    if typ not in ("count", "amount"):
        raise KlaError("template_invalid", where=where, problem=f"'{key}' on a {typ}")
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise KlaError("template_invalid", where=where, problem=f"'{key}' must be a whole number >= 0")
    return value


def _flag(d: dict[str, Any], key: str, default: bool, where: str) -> bool:
    value = d.get(key, default)
    if not isinstance(value, bool):
        raise KlaError("template_invalid", where=where, problem=f"'{key}' must be true or false")
    return value


def _importance(d: dict[str, Any], where: str) -> str:
    value = d.get("importance", "medium")
    if value not in IMPORTANCE:
        raise KlaError("template_invalid", where=where, problem="importance must be high, medium or low")
    return str(value)


def _terms(raw: Any, indicators: dict[int, Indicator], age_bands: dict[str, tuple[AgeBand, ...]],
           where: str) -> tuple[Term, ...]:
    """One side of a rule: a term or a list of terms, each naming a count or amount item."""
    items = raw if isinstance(raw, list) else [raw]
    if not items or len(items) > MAX_TERMS:
        raise KlaError("template_invalid", where=where, problem=f"a side needs 1 to {MAX_TERMS} terms")
    out = []
    for t in items:
        if not isinstance(t, dict) or set(t) - {"indicator", "item", "sex", "age"}:
            raise KlaError("template_invalid", where=where, problem="a term is {indicator, item, sex?, age?}")
        no = _req(t, "indicator", int, where)
        if no not in indicators:
            raise KlaError("template_invalid", where=where, problem=f"unknown indicator {no}")
        key = _req(t, "item", str, where)
        item = next((i for i in indicators[no].items if i.key == key), None)
        if item is None or item.type not in ("count", "amount"):
            raise KlaError("template_invalid", where=where, problem=f"{no}.{key} is not a count")
        sex, age = t.get("sex", ""), t.get("age", "")
        if sex and (not item.sex or sex not in SEXES):
            raise KlaError("template_invalid", where=where, problem=f"{no}.{key} has no sex {sex}")
        if age and (not item.age or age not in [b.key for b in age_bands[item.age]]):
            raise KlaError("template_invalid", where=where, problem=f"{no}.{key} has no age band {age}")
        out.append(Term(no, key, str(sex), str(age)))
    return tuple(out)


def _parse_plausibility(raw: Any, indicators: dict[int, Indicator],
                        age_bands: dict[str, tuple[AgeBand, ...]]) -> Plausibility:
    """The optional ``plausibility`` section (docs/template-format.md §6.1): checked as strictly as the rest."""
    if raw is None:
        return Plausibility()
    where = "plausibility"
    if not isinstance(raw, dict) or set(raw) - {"year_change", "rules"}:
        raise KlaError("template_invalid", where=where, problem="only 'year_change' and 'rules'")
    year_change = None
    yc = raw.get("year_change")
    if yc is not None:
        w = f"{where}.year_change"
        if not isinstance(yc, dict) or set(yc) - {"factor", "min_count", "importance"}:
            raise KlaError("template_invalid", where=w, problem="only factor, min_count and importance")
        factor = yc.get("factor", 2)
        min_count = yc.get("min_count", 20)
        if not isinstance(factor, int | float) or isinstance(factor, bool) or not 1 < factor <= 1000:
            raise KlaError("template_invalid", where=w, problem="factor must be a number above 1")
        if not isinstance(min_count, int) or isinstance(min_count, bool) or min_count < 0:
            raise KlaError("template_invalid", where=w, problem="min_count must be a whole number >= 0")
        year_change = YearChangeRule(float(factor), min_count, _importance(yc, w))
    rules_raw = raw.get("rules", [])
    if not isinstance(rules_raw, list) or len(rules_raw) > MAX_RULES:
        raise KlaError("template_invalid", where=where, problem=f"'rules' is a list of at most {MAX_RULES}")
    rules = []
    for r in rules_raw:
        if not isinstance(r, dict):
            raise KlaError("template_invalid", where=where, problem="a rule is an object")
        key = _req(r, "key", str, f"{where}.rules")
        w = f"{where}.rules.{key}"
        if not _KEY_RE.match(key):
            raise KlaError("template_invalid", where=w, problem="bad key")
        unknown = set(r) - {"key", "left", "operator", "right", "importance", "message", "tolerance"}
        if unknown:
            raise KlaError("template_invalid", where=w, problem=f"unknown {', '.join(sorted(unknown))}")
        op = _req(r, "operator", str, w)
        if op not in OPERATORS:
            raise KlaError("template_invalid", where=w, problem=f"operator is one of {' '.join(OPERATORS)}")
        tolerance = r.get("tolerance", 0)
        if not isinstance(tolerance, int | float) or isinstance(tolerance, bool) or not 0 <= tolerance < 1:
            raise KlaError("template_invalid", where=w, problem="tolerance is a share from 0 to below 1")
        if tolerance and op != "==":
            raise KlaError("template_invalid", where=w, problem="tolerance only with ==")
        message = r.get("message", "")
        if not isinstance(message, str) or len(message) > 300:
            raise KlaError("template_invalid", where=w, problem="message is text of at most 300 characters")
        rules.append(ValidationRule(key, _terms(_req(r, "left", (dict, list), w), indicators, age_bands, w), op,
                                    _terms(_req(r, "right", (dict, list), w), indicators, age_bands, w),
                                    _importance(r, w), message, float(tolerance)))
    if len({r.key for r in rules}) != len(rules):
        raise KlaError("template_invalid", where=where, problem="duplicate rule key")
    return Plausibility(year_change, tuple(rules))


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose key appears twice is refused: the parser would silently keep the last one."""
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _DuplicateKey(k)
        out[k] = v
    return out


def load_template_json(text: str, *, complete: bool = True) -> Template:
    """A template file's text, checked fully: size, JSON, duplicate keys, structure, weights.

    Every refusal is ``KlaError('template_invalid', where, problem, ...)`` with ``problem`` a code
    ui/messages.py words; nothing is changed by a refusal (nothing is written here). The store
    reads what it installed with ``complete=False``: a version accepted by an older program
    (weights not summing) still opens; only new installs meet :func:`check_complete`."""
    if len(text) > TEMPLATE_LIMITS["bytes"]:
        raise KlaError("template_invalid", where="json", problem="too_large", limit=TEMPLATE_LIMITS["bytes"],
                       count=len(text))
    try:
        raw = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except _DuplicateKey as exc:
        raise KlaError("template_invalid", where="json", problem="duplicate_json_key", key=exc.key[:80]) from exc
    except json.JSONDecodeError as exc:
        raise KlaError("template_invalid", where="json", problem="not_json", line=exc.lineno) from exc
    except ValueError as exc:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise KlaError("template_invalid", where="json", problem="not_json", line=0) from exc
    except RecursionError as exc:  # nesting far deeper than any template: refused, not a crash
        raise KlaError("template_invalid", where="json", problem="too_deep", limit=TEMPLATE_LIMITS["depth"]) from exc
    t = parse_template(raw)
    if complete:
        check_complete(t)
    return t


def read_template_file(path: Any) -> Template:
    """The template (KLA or rubric) in the JSON file at ``path``, checked as :func:`load_template_json`
    checks text; refused with a code. The one reader of every front end (``kla template install``,
    ``kla rubric install``, the window's Rubrik page): a missing file, a file far larger than any
    template (refused unread), a file that is not UTF-8 text, and all load_template_json refuses."""
    from pathlib import Path

    p = Path(path)
    if not p.is_file():
        raise KlaError("file_not_found", path=str(p))
    size = p.stat().st_size
    if size > 4 * TEMPLATE_LIMITS["bytes"]:  # more bytes than the most characters can take in UTF-8
        raise KlaError("template_invalid", where="json", problem="too_large", limit=TEMPLATE_LIMITS["bytes"],
                       count=size)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KlaError("template_invalid", where="json", problem="not_json", line=1) from exc
    return load_template_json(text)


def default_template() -> Template:
    """The "KLA 24 indikator" version a new workspace starts from (DEFAULT_TEMPLATE_FILE)."""
    from importlib import resources  # a new workspace or an install, never a window's start

    text = resources.files("db").joinpath("templates", DEFAULT_TEMPLATE_FILE).read_text("utf-8")
    return load_template_json(text)


def shipped_templates() -> list[Template]:
    """Every template file that ships with the program (db/templates/*.json), by family and version.

    Version 1 is where a workspace starts; a later one (kla24_v2.json) waits for DP3AKB to put it
    in force and send it to the units in receipts and setup files (docs/template-format.md §7.1)."""
    from importlib import resources

    folder = resources.files("db").joinpath("templates")
    out = [load_template_json(f.read_text("utf-8")) for f in folder.iterdir() if f.name.endswith(".json")]
    return sorted(out, key=lambda t: (t.kind, t.id, t.version))


def shipped_template(template_id: str, version: int) -> Template:
    for t in shipped_templates():
        if (t.id, t.version) == (template_id, version):
            return t
    raise KlaError("template_missing")


# ---------------------------------------------------------------------------
# Values


def parse_number(text: str, *, whole: bool) -> Decimal:
    """Parse a number typed the Indonesian way: ``1.234`` (thousands), ``1.234,5``.

    Plain ``1234`` and ``1234.5`` (machine format) are accepted too; a single dot followed
    by exactly three digits is read as a thousands separator, as an Indonesian clerk means it.
    """
    s = text.strip().replace(" ", "").replace("\u00a0", "")
    if s.lower().startswith("rp"):
        s = s[2:].lstrip(".")
    if not s:
        raise KlaError("value_empty")
    neg = s.startswith("-")
    body = s[1:] if neg else s
    if whole and re.fullmatch(r"\d{1,3}(,\d{3})+", body):
        # A count is whole: "1,500" pasted from a sheet in English is 1500, never 1,5.
        body = body.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", body) or re.fullmatch(r"\d+,\d+", body):
        body = body.replace(".", "").replace(",", ".")
    elif not re.fullmatch(r"\d+(\.\d+)?", body):
        raise KlaError("value_not_number", value=text)
    from decimal import Decimal, InvalidOperation  # with the first typed number, not at start-up

    try:
        number = Decimal(body)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regexes
        raise KlaError("value_not_number", value=text) from exc
    if neg:
        number = -number
    if number < 0:
        raise KlaError("value_negative", value=text)
    if whole and number != number.to_integral_value():
        raise KlaError("value_not_whole", value=text)
    return number


def parse_value(item: Item, raw: Any) -> Any:
    """Turn typed input into the stored value for ``item``; raises KlaError on bad input.

    Stored values: count -> int, amount -> int or float (Rupiah), yes_no -> bool,
    choice -> choice key, text -> str, date -> 'YYYY-MM-DD'. ``None``/'' clears the value.
    """
    if item.computed:
        raise KlaError("value_computed", item=item.key)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if item.type in ("count", "amount"):
        if type(raw) is int:  # a count as stored and as bundles carry it: the checks below, without Decimal
            if abs(raw) >= MAX_NUMBER:
                shown = str(raw)[:16] + "…" if raw.bit_length() < 4000 else "…"
                raise KlaError("value_too_large", value=shown, max_value=MAX_NUMBER - 1)
            if raw < 0:
                raise KlaError("value_negative", value=str(raw))
            return raw
        from decimal import Decimal

        if isinstance(raw, bool):
            raise KlaError("value_not_number", value=str(raw))
        if isinstance(raw, int | float | Decimal):
            if isinstance(raw, int) and abs(raw) >= MAX_NUMBER:  # before str(): 10**5000 has no str
                shown = str(raw)[:16] + "…" if raw.bit_length() < 4000 else "…"
                raise KlaError("value_too_large", value=shown, max_value=MAX_NUMBER - 1)
            number = Decimal(str(raw))
            if not number.is_finite():
                raise KlaError("value_not_number", value=str(raw))
            if number < 0:
                raise KlaError("value_negative", value=str(raw))
            if item.type == "count" and number != number.to_integral_value():
                raise KlaError("value_not_whole", value=str(raw))
        else:
            number = parse_number(str(raw), whole=item.type == "count")
        if number >= MAX_NUMBER:
            text = " ".join(str(raw).split())
            raise KlaError("value_too_large", value=text if len(text) <= 24 else text[:20] + "…",
                           max_value=MAX_NUMBER - 1)
        if number == number.to_integral_value():
            return int(number)
        return float(number)
    if item.type == "yes_no":
        if isinstance(raw, bool):
            return raw
        s = str(raw).strip().lower()
        if s in ("ya", "y", "yes", "1", "true", "ada", "sudah"):
            return True
        if s in ("tidak", "t", "no", "n", "0", "false", "belum", "tidak ada"):
            return False
        raise KlaError("value_not_yes_no", value=str(raw))
    if item.type == "choice":
        s = str(raw).strip()
        for c in item.choices:
            if s == c.key or s.lower() == c.label.lower():
                return c.key
        raise KlaError("value_not_choice", value=s, choices=", ".join(c.key for c in item.choices))
    if item.type == "date":
        if isinstance(raw, dt.datetime):
            raw = raw.date()
        if isinstance(raw, dt.date):
            return raw.isoformat()
        s = " ".join(str(raw).strip().split())
        m = _DATE_RE.match(s)
        if m:
            y, mo, d = (int(x) for x in m.groups())
        elif m2 := _DATE_ID_RE.match(s):
            d, mo = int(m2.group(1)), int(m2.group(2))
            y = _full_year(int(m2.group(3)), len(m2.group(3)))
        elif m3 := _DATE_WORDS_RE.match(s.lower()):
            month = _MONTHS.get(m3.group(2))
            if month is None:
                raise KlaError("value_not_date", value=s)
            d, mo, y = int(m3.group(1)), month, _full_year(int(m3.group(3)), len(m3.group(3)))
        else:
            raise KlaError("value_not_date", value=s)
        try:
            return dt.date(y, mo, d).isoformat()
        except ValueError as exc:
            raise KlaError("value_not_date", value=s) from exc
    text = str(raw).strip()
    if len(text) > 5000:
        raise KlaError("value_too_long", length=len(text))
    return text


def parse_date(raw: Any) -> str | None:
    """A typed date ('17-08-2025' or '2025-08-17') as 'YYYY-MM-DD'; '' or None clears it."""
    return parse_value(Item("date", "", "date"), raw)


def percent(numerator: int | None, denominator: int | None) -> float | None:
    """numerator / denominator * 100, or None when it cannot be computed."""
    if numerator is None or denominator in (None, 0):
        return None
    return round(numerator * 100.0 / denominator, 2)


CellValues = dict[tuple[str, str, str], Any]  # (item_key, sex, age) -> value


def item_total(template: Template, item: Item, values: CellValues) -> int | None:
    """Sum of an item's cells; None if no cell is filled."""
    cells = [values.get((item.key, s, a)) for s, a in template.cells(item)]
    found = [v for v in cells if isinstance(v, int | float) and not isinstance(v, bool)]
    if not found:
        return None
    return sum(found)  # type: ignore[return-value]


def computed_values(template: Template, indicator: Indicator, values: CellValues) -> CellValues:
    """Percentages for every percent item: per cell and ('', '') for the total."""
    out: CellValues = {}
    for it in indicator.items:
        if not it.computed:
            continue
        num, den = indicator.item(it.numerator or ""), indicator.item(it.denominator or "")
        for s, a in template.cells(num):
            if (s, a) != ("", ""):
                out[(it.key, s, a)] = percent(values.get((num.key, s, a)), values.get((den.key, s, a)))
        # The total counts only cells where both numbers are there, so a half-typed grid
        # never shows a made-up low coverage.
        cells = [(values.get((num.key, s, a)), values.get((den.key, s, a))) for s, a in template.cells(num)]
        pairs = [(n, d) for n, d in cells if n is not None and d is not None]
        out[(it.key, "", "")] = (
            percent(sum(n for n, _ in pairs), sum(d for _, d in pairs)) if pairs else None
        )
    return out


def part_whole_problems(template: Template, indicator: Indicator, values: CellValues) -> list[dict[str, Any]]:
    """Cells where a part exceeds its whole."""
    problems = []
    for it in indicator.items:
        if not it.part_of:
            continue
        whole = indicator.item(it.part_of)
        for s, a in template.cells(it):
            p, w = values.get((it.key, s, a)), values.get((whole.key, s, a))
            if p is not None and w is not None and p > w:
                problems.append(
                    {"item": it.key, "whole": whole.key, "sex": s, "age": a, "part_value": p, "whole_value": w}
                )
    return problems
