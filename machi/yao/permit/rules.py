"""Load and validate a permit rule file (TOML) into typed, frozen dataclasses.

The engine (`machi.yao.permit.engine`) reads every threshold, coefficient, clause, label and message
from a rule file; a variant for another municipality is a new file with the same schema, not new
code. The default file is `data/yao/yao_52_14_1.toml` (八尾市「建築基準法第52条第14項第1号許可取扱
実施基準」).

`load_rules(path=None)` parses, validates and caches a file; a broken file raises `RulesError`
naming the offending key (e.g. `checks.setback.multiplier: must be a number`).
"""

from __future__ import annotations

import functools
import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

RULES_DIR = Path(__file__).resolve().parents[3] / "data" / "yao"
DEFAULT_RULES_PATH = RULES_DIR / "yao_52_14_1.toml"  # the repository's copy


def default_rules_path() -> Path:
    """The rule file in the data folder the database is built from (MACHI_DATA or data/)."""
    from machi.core import paths

    return paths.data_dir() / "yao" / DEFAULT_RULES_PATH.name


SCHEMA_VERSION = 1

#: Check ids the engine computes, in output order.
CHECK_IDS = (
    "zone_listed",
    "site_area",
    "road_width",
    "frontage",
    "road_through",
    "greening",
    "setback",
    "open_space_ratio",
    "sidewalk",
    "effective_open_space",
    "bf_building",
)

#: Numeric parameters each check must carry in the rule file.
CHECK_PARAMS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "frontage": ("min_fraction_of_perimeter",),
        "greening": ("min_fraction_of_open_space",),
        "setback": ("multiplier", "height_exponent"),
        "open_space_ratio": ("constant",),
        "sidewalk": ("min_width_m",),
        "effective_open_space": ("base", "numerator", "denominator", "factor"),
    }
)

#: Message templates (ja/en pairs) each check must carry besides `pass` and `fail`.
CHECK_EXTRA_TEMPLATES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "site_area": ("unlisted",),
        "bf_building": ("tokutei", "other"),
    }
)

_COMMON_FIELDS = {
    "actual": 1.0,
    "required": 1.0,
    "margin": 0.0,
    "shortfall": 0.0,
    "zone_ja": "x",
    "zone_en": "x",
    "clause": "x",
    "label_ja": "x",
    "label_en": "x",
    "route_ja": "x",
    "route_en": "x",
}
#: Extra str.format fields available in each check's templates.
TEMPLATE_FIELDS: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {
        "frontage": {"perimeter": 1.0},
        "greening": {"open_space": 1.0, "fraction": 0.3},
        "setback": {"part": 1, "height": 1.0, "failing": 0},
        "open_space_ratio": {"coverage": 0.6},
        "effective_open_space": {"coverage": 0.6, "required_m2": 1.0, "shortfall_m2": 0.0},
        "bf_building": {"requirement_ja": "x", "requirement_en": "x"},
    }
)

BONUS_KINDS = ("facilities", "barrier_free")
BF_SECTIONS = ("tokutei", "unit", "other")
BF_STANDARDS = ("table", "fixed", "linear", "split_linear")
BF_SPECIAL_CONDITIONS = ("special_2000", "accessible_route")
BF_VARIABLES = ("length_m", "height_m", "patients")
_OPTIONAL_DOC_KEYS = ("note", "ambiguity", "interpretation", "interpretation_ja", "quote_ja")


class RulesError(ValueError):
    """A rule file that cannot be used; the message names the key."""


# ------------------------------------------------------------------------------------------------
# dataclasses
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    id: str
    clause: str
    name_ja: str
    name_en: str
    legal_basis_ja: str
    legal_basis_en: str
    bonus: str  # "facilities" or "barrier_free": which 第4 bonus the route uses


@dataclass(frozen=True)
class Zone:
    id: str
    name_ja: str
    name_en: str
    clause: str
    min_site_area_m2: float | None  # None: not in the site-area table
    min_road_width_m: float
    note: str | None = None

    @property
    def listed(self) -> bool:
        return self.min_site_area_m2 is not None


@dataclass(frozen=True)
class CheckRule:
    id: str
    clause: str
    routes: frozenset[str]
    strict: bool
    unit: str
    label_ja: str
    label_en: str
    templates: Mapping[str, tuple[str, str]]  # name -> (ja, en)
    params: Mapping[str, float]
    quote_ja: str | None = None
    interpretation: str | None = None
    interpretation_ja: str | None = None
    ambiguity: str | None = None


@dataclass(frozen=True)
class FacilityKind:
    id: str
    no: int
    mark: str
    clause: str
    name_ja: str
    name_en: str
    note: str | None = None


@dataclass(frozen=True)
class TableRow:
    row: int
    mark: str
    use_ja: str
    use_en: str
    values: Mapping[str, float]  # column -> coefficient ("any" = whatever the layout)
    interpretation: str | None = None
    interpretation_ja: str | None = None
    ambiguity: str | None = None


@dataclass(frozen=True)
class Table:
    id: str
    clause: str
    variable: str
    variable_ja: str
    columns: tuple[str, ...]
    rows: Mapping[int, TableRow]


@dataclass(frozen=True)
class BfItemRule:
    """One kind of barrier-free item and how its standard area is computed (第4 2.(3))."""

    id: str
    section: str  # tokutei (第4 2.(3)①), unit (②イ), other (②ロ)
    clause: str
    label_ja: str
    label_en: str
    standard: str  # table | fixed | linear | split_linear
    table: str | None = None
    row: int | None = None  # fixed row; None: from the input
    column: str | None = None  # "@layout": from the input
    variable: str | None = None
    coeff: float | None = None
    coeff_columns: float | None = None
    standard_m2: float | None = None
    special_m2: float | None = None
    special_when: tuple[str, ...] = ()
    quote_ja: str | None = None
    interpretation: str | None = None
    interpretation_ja: str | None = None
    #: input keys of an item besides item/count/actual_area_m2: name -> required?
    inputs: Mapping[str, bool] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class FacilitiesBonus:
    clause: str
    routes: frozenset[str]
    ratio: float
    kinds: Mapping[str, FacilityKind]
    quote_ja: str | None = None
    interpretation: str | None = None
    interpretation_ja: str | None = None
    ambiguity: str | None = None


@dataclass(frozen=True)
class BarrierFreeBonus:
    clause: str
    routes: frozenset[str]
    items: Mapping[str, BfItemRule]
    special_2000_clause: str
    excluded_clause: str
    excluded_label_ja: str
    excluded_label_en: str
    other_clause: str
    other_label_ja: str
    other_label_en: str
    quote_ja: str | None = None
    interpretation: str | None = None
    interpretation_ja: str | None = None
    special_2000_interpretation: str | None = None
    special_2000_interpretation_ja: str | None = None


@dataclass(frozen=True)
class CapRule:
    clause: str
    multiplier: float
    label_ja: str
    label_en: str
    quote_ja: str | None = None
    interpretation: str | None = None
    interpretation_ja: str | None = None


@dataclass(frozen=True)
class SogoRule:
    clause: str
    additional_multiplier: float
    bonus_individually_capped: bool
    label_ja: str
    label_en: str
    quote_ja: str | None = None
    interpretation: str | None = None
    interpretation_ja: str | None = None


@dataclass(frozen=True)
class Note:
    id: str
    clause: str
    ja: str
    en: str


@dataclass(frozen=True)
class Rules:
    id: str
    schema_version: int
    path: str
    source: Mapping[str, str]
    routes: Mapping[str, Route]
    zones: Mapping[str, Zone]
    open_space_interpretation: str | None
    open_space_interpretation_ja: str | None
    not_applicable: tuple[str, str]  # (ja, en) template
    checks: Mapping[str, CheckRule]
    facilities: FacilitiesBonus
    barrier_free: BarrierFreeBonus
    tables: Mapping[str, Table]
    cap: CapRule
    sogo: SogoRule
    notes: Mapping[str, Note]

    def interpretations(self) -> list[dict[str, str]]:
        """Every interpretation recorded in the file, in both languages: {where, clause, text_ja, text_en}
        (the loader has made sure that each English text has its Japanese one and the other way round)."""
        out: list[dict[str, str]] = []

        def add(where: str, clause: str, en: str | None, ja: str | None) -> None:
            if en:
                out.append({"where": where, "clause": clause, "text_ja": ja or "", "text_en": en})

        add(
            "open_space",
            self.checks["greening"].clause,
            self.open_space_interpretation,
            self.open_space_interpretation_ja,
        )
        for c in self.checks.values():
            add(f"checks.{c.id}", c.clause, c.interpretation, c.interpretation_ja)
        fac, bf = self.facilities, self.barrier_free
        add("bonus.facilities", fac.clause, fac.interpretation, fac.interpretation_ja)
        add("bonus.barrier_free", bf.clause, bf.interpretation, bf.interpretation_ja)
        add(
            "bonus.barrier_free.special_2000",
            bf.special_2000_clause,
            bf.special_2000_interpretation,
            bf.special_2000_interpretation_ja,
        )
        for it in bf.items.values():
            add(f"bonus.barrier_free.items.{it.id}", it.clause, it.interpretation, it.interpretation_ja)
        for t in self.tables.values():
            for r in t.rows.values():
                add(f"beppyo2.{t.id}.rows[{r.row}]", t.clause, r.interpretation, r.interpretation_ja)
        add("limits.cap", self.cap.clause, self.cap.interpretation, self.cap.interpretation_ja)
        add("limits.sogo", self.sogo.clause, self.sogo.interpretation, self.sogo.interpretation_ja)
        return out


# ------------------------------------------------------------------------------------------------
# parsing helpers
# ------------------------------------------------------------------------------------------------


class _T:
    """A TOML table being read: typed getters, and a check that every key was used."""

    def __init__(self, data: Any, path: str):
        if not isinstance(data, dict):
            raise RulesError(f"{path}: must be a table")
        self.d = data
        self.path = path
        self.used: set[str] = set()

    def _key(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        return key in self.d

    def raw(self, key: str, default: Any = ...) -> Any:
        self.used.add(key)
        if key not in self.d:
            if default is ...:
                raise RulesError(f"{self._key(key)}: missing")
            return default
        return self.d[key]

    def str(self, key: str, default: Any = ...) -> Any:
        v = self.raw(key, default)
        if v is default and default is not ...:
            return v
        if not isinstance(v, str) or not v.strip():
            raise RulesError(f"{self._key(key)}: must be a non-empty string")
        return v

    def num(
        self, key: str, default: Any = ..., lo: float | None = None, hi: float | None = None, lo_open: bool = False
    ) -> Any:
        v = self.raw(key, default)
        if v is default and default is not ...:
            return v
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise RulesError(f"{self._key(key)}: must be a finite number")
        v = float(v)
        if lo is not None and (v <= lo if lo_open else v < lo):
            raise RulesError(f"{self._key(key)}: must be {'>' if lo_open else '>='} {lo}")
        if hi is not None and v > hi:
            raise RulesError(f"{self._key(key)}: must be <= {hi}")
        return v

    def int(self, key: str, default: Any = ...) -> Any:
        v = self.raw(key, default)
        if v is default and default is not ...:
            return v
        if isinstance(v, bool) or not isinstance(v, int):
            raise RulesError(f"{self._key(key)}: must be an integer")
        return v

    def bool(self, key: str, default: Any = ...) -> Any:
        v = self.raw(key, default)
        if not isinstance(v, bool):
            raise RulesError(f"{self._key(key)}: must be true or false")
        return v

    def strlist(self, key: str, allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
        v = self.raw(key)
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise RulesError(f"{self._key(key)}: must be a list of strings")
        if allowed is not None:
            for x in v:
                if x not in allowed:
                    raise RulesError(f"{self._key(key)}: unknown value {x!r} (allowed: {', '.join(allowed)})")
        return tuple(v)

    def table(self, key: str) -> _T:
        return _T(self.raw(key), self._key(key))

    def interpretation(self, key: str = "interpretation") -> tuple[str | None, str | None]:
        """(English, Japanese) of an optional interpretation: `key` and `key_ja`, both or neither (the page
        shows it in the reader's language)."""
        en, ja = self.str(key, None), self.str(f"{key}_ja", None)
        if en is not None and ja is None:
            raise RulesError(f"{self._key(key + '_ja')}: missing (every {key} needs its Japanese text)")
        if ja is not None and en is None:
            raise RulesError(f"{self._key(key)}: missing (every {key}_ja needs its English text)")
        return en, ja

    def docs(self) -> dict[str, str | None]:
        out = {k: self.str(k, None) for k in _OPTIONAL_DOC_KEYS}
        out["interpretation"], out["interpretation_ja"] = self.interpretation()
        return out

    def done(self) -> None:
        extra = sorted(set(self.d) - self.used)
        if extra:
            raise RulesError(f"{self._key(extra[0])}: unknown key")


def _frozen(d: dict) -> Mapping:
    return MappingProxyType(dict(d))


def _check_template(where: str, template: str, fields: Mapping[str, Any]) -> None:
    try:
        template.format(**fields)
    except (KeyError, IndexError) as exc:
        raise RulesError(f"{where}: unknown template field {exc}") from None
    except (ValueError, TypeError) as exc:
        raise RulesError(f"{where}: bad template: {exc}") from None


# ------------------------------------------------------------------------------------------------
# sections
# ------------------------------------------------------------------------------------------------


def _routes(t: _T) -> Mapping[str, Route]:
    out = {}
    for rid in t.d:
        r = t.table(rid)
        bonus = r.str("bonus")
        if bonus not in BONUS_KINDS:
            raise RulesError(f"{r.path}.bonus: must be one of {', '.join(BONUS_KINDS)}")
        out[rid] = Route(
            rid,
            r.str("clause"),
            r.str("name_ja"),
            r.str("name_en"),
            r.str("legal_basis_ja"),
            r.str("legal_basis_en"),
            bonus,
        )
        r.done()
    if not out:
        raise RulesError("routes: at least one route is needed")
    return _frozen(out)


def _zones(t: _T) -> Mapping[str, Zone]:
    out = {}
    for zid in t.d:
        z = t.table(zid)
        out[zid] = Zone(
            zid,
            z.str("name_ja"),
            z.str("name_en"),
            z.str("clause"),
            z.num("min_site_area_m2", None, lo=0.0, lo_open=True),
            z.num("min_road_width_m", lo=0.0),
            z.str("note", None),
        )
        z.done()
    if not out:
        raise RulesError("zones: at least one zone is needed")
    return _frozen(out)


def _checks(t: _T, routes: Mapping[str, Route]) -> Mapping[str, CheckRule]:
    out = {}
    for cid in CHECK_IDS:
        if not t.has(cid):
            raise RulesError(f"checks.{cid}: missing (the engine computes this check; set routes = [] to disable it)")
        c = t.table(cid)
        params = {p: c.num(p) for p in CHECK_PARAMS.get(cid, ())}
        names = ("pass", "fail") + CHECK_EXTRA_TEMPLATES.get(cid, ())
        fields = dict(_COMMON_FIELDS)
        fields.update(TEMPLATE_FIELDS.get(cid, {}))
        templates = {}
        for name in names:
            ja, en = c.str(f"{name}_ja"), c.str(f"{name}_en")
            _check_template(f"checks.{cid}.{name}_ja", ja, fields)
            _check_template(f"checks.{cid}.{name}_en", en, fields)
            templates[name] = (ja, en)
        docs = c.docs()
        out[cid] = CheckRule(
            id=cid,
            clause=c.str("clause"),
            routes=frozenset(c.strlist("routes", tuple(routes))),
            strict=c.bool("strict"),
            unit=c.raw("unit"),
            label_ja=c.str("label_ja"),
            label_en=c.str("label_en"),
            templates=_frozen(templates),
            params=_frozen(params),
            quote_ja=docs["quote_ja"],
            interpretation=docs["interpretation"],
            interpretation_ja=docs["interpretation_ja"],
            ambiguity=docs["ambiguity"],
        )
        if not isinstance(out[cid].unit, str):
            raise RulesError(f"checks.{cid}.unit: must be a string")
        c.done()
    t.done()
    p = out
    if not 0 < p["frontage"].params["min_fraction_of_perimeter"] <= 1:
        raise RulesError("checks.frontage.min_fraction_of_perimeter: must be in (0, 1]")
    if not 0 <= p["greening"].params["min_fraction_of_open_space"] <= 1:
        raise RulesError("checks.greening.min_fraction_of_open_space: must be in [0, 1]")
    if p["effective_open_space"].params["denominator"] == 0:
        raise RulesError("checks.effective_open_space.denominator: must not be 0")
    if p["setback"].params["multiplier"] < 0 or p["setback"].params["height_exponent"] < 0:
        raise RulesError("checks.setback: multiplier and height_exponent must be >= 0")
    return _frozen(out)


def _tables(t: _T) -> Mapping[str, Table]:
    out = {}
    for tid in t.d:
        tt = t.table(tid)
        columns = tt.strlist("columns")
        rows = {}
        raw_rows = tt.raw("rows")
        if not isinstance(raw_rows, list) or not raw_rows:
            raise RulesError(f"{tt.path}.rows: must be a non-empty list of tables")
        for i, rr in enumerate(raw_rows):
            r = _T(rr, f"{tt.path}.rows[{i}]")
            values = {}
            for col in (*columns, "any"):
                v = r.num(col, None, lo=0.0)
                if v is not None:
                    values[col] = v
            if not values:
                raise RulesError(f"{r.path}: no coefficient (columns: {', '.join(columns)} or any)")
            docs = r.docs()
            row = TableRow(
                r.int("row"),
                r.str("mark"),
                r.str("use_ja"),
                r.str("use_en"),
                _frozen(values),
                interpretation=docs["interpretation"],
                interpretation_ja=docs["interpretation_ja"],
                ambiguity=docs["ambiguity"],
            )
            if row.row in rows:
                raise RulesError(f"{r.path}.row: duplicate row {row.row}")
            rows[row.row] = row
            r.done()
        variable = tt.str("variable")
        if variable not in BF_VARIABLES:
            raise RulesError(f"{tt.path}.variable: must be one of {', '.join(BF_VARIABLES)}")
        out[tid] = Table(tid, tt.str("clause"), variable, tt.str("variable_ja"), columns, _frozen(rows))
        tt.done()
    return _frozen(out)


def _bf_item(iid: str, it: _T, tables: Mapping[str, Table]) -> BfItemRule:
    section = it.str("section")
    if section not in BF_SECTIONS:
        raise RulesError(f"{it.path}.section: must be one of {', '.join(BF_SECTIONS)}")
    standard = it.str("standard")
    if standard not in BF_STANDARDS:
        raise RulesError(f"{it.path}.standard: must be one of {', '.join(BF_STANDARDS)}")
    kw: dict[str, Any] = {}
    inputs: dict[str, bool] = {}
    if standard == "table":
        table_id = it.str("table")
        if table_id not in tables:
            raise RulesError(f"{it.path}.table: unknown table {table_id!r} (beppyo2.*)")
        table = tables[table_id]
        row = it.int("row", None)
        column = it.str("column")
        if row is not None and row not in table.rows:
            raise RulesError(f"{it.path}.row: {table.clause} has no row {row}")
        if column != "@layout" and column not in table.columns:
            raise RulesError(f"{it.path}.column: must be @layout or one of {', '.join(table.columns)}")
        if row is not None and column != "@layout" and column not in table.rows[row].values:
            raise RulesError(f"{it.path}: {table.clause} row {row} has no value in column {column}")
        variable = it.str("variable", None)
        if variable is not None and variable not in BF_VARIABLES:
            raise RulesError(f"{it.path}.variable: must be one of {', '.join(BF_VARIABLES)}")
        kw.update(table=table_id, row=row, column=column, variable=variable)
        if row is None:
            inputs["row"] = True
        if column == "@layout":
            inputs["layout"] = False  # required unless the row has an "any" value (checked on input)
        if variable:
            inputs[variable] = True
    elif standard == "fixed":
        kw["standard_m2"] = it.num("standard_m2", lo=0.0)
        if it.has("special_m2"):
            kw["special_m2"] = it.num("special_m2", lo=0.0)
            kw["special_when"] = it.strlist("special_when", BF_SPECIAL_CONDITIONS)
            if "accessible_route" in kw["special_when"]:
                inputs["accessible_route"] = False
    elif standard == "linear":
        kw["coeff"] = it.num("coeff", lo=0.0)
        variable = it.str("variable")
        if variable not in BF_VARIABLES:
            raise RulesError(f"{it.path}.variable: must be one of {', '.join(BF_VARIABLES)}")
        kw["variable"] = variable
        inputs[variable] = True
    else:  # split_linear
        kw["coeff"] = it.num("coeff", lo=0.0)
        kw["coeff_columns"] = it.num("coeff_columns", lo=0.0)
        kw["variable"] = "length_m"
        inputs["length_m"] = True
        inputs["column_length_m"] = False
    docs = it.docs()
    rule = BfItemRule(
        id=iid,
        section=section,
        clause=it.str("clause"),
        label_ja=it.str("label_ja"),
        label_en=it.str("label_en"),
        standard=standard,
        quote_ja=docs["quote_ja"],
        interpretation=docs["interpretation"],
        interpretation_ja=docs["interpretation_ja"],
        inputs=_frozen(inputs),
        **kw,
    )
    it.done()
    return rule


def _bonus(t: _T, routes: Mapping[str, Route], tables: Mapping[str, Table]) -> tuple[FacilitiesBonus, BarrierFreeBonus]:
    f = t.table("facilities")
    kinds = {}
    raw_kinds = f.raw("kinds")
    if not isinstance(raw_kinds, list) or not raw_kinds:
        raise RulesError("bonus.facilities.kinds: must be a non-empty list of tables")
    for i, rk in enumerate(raw_kinds):
        k = _T(rk, f"bonus.facilities.kinds[{i}]")
        kind = FacilityKind(
            k.str("id"),
            k.int("no"),
            k.str("mark"),
            k.str("clause"),
            k.str("name_ja"),
            k.str("name_en"),
            k.str("note", None),
        )
        if kind.id in kinds:
            raise RulesError(f"{k.path}.id: duplicate kind {kind.id!r}")
        kinds[kind.id] = kind
        k.done()
    docs = f.docs()
    fac = FacilitiesBonus(
        f.str("clause"),
        frozenset(f.strlist("routes", tuple(routes))),
        f.num("ratio", lo=0.0),
        _frozen(kinds),
        quote_ja=docs["quote_ja"],
        interpretation=docs["interpretation"],
        interpretation_ja=docs["interpretation_ja"],
        ambiguity=docs["ambiguity"],
    )
    f.done()

    b = t.table("barrier_free")
    items_t = b.table("items")
    items = {iid: _bf_item(iid, items_t.table(iid), tables) for iid in items_t.d}
    items_t.done()
    docs = b.docs()
    special_2000_en, special_2000_ja = b.interpretation("special_2000_interpretation")
    bf = BarrierFreeBonus(
        clause=b.str("clause"),
        routes=frozenset(b.strlist("routes", tuple(routes))),
        items=_frozen(items),
        special_2000_clause=b.str("special_2000_clause"),
        excluded_clause=b.str("excluded_clause"),
        excluded_label_ja=b.str("excluded_label_ja"),
        excluded_label_en=b.str("excluded_label_en"),
        other_clause=b.str("other_clause"),
        other_label_ja=b.str("other_label_ja"),
        other_label_en=b.str("other_label_en"),
        quote_ja=docs["quote_ja"],
        interpretation=docs["interpretation"],
        interpretation_ja=docs["interpretation_ja"],
        special_2000_interpretation=special_2000_en,
        special_2000_interpretation_ja=special_2000_ja,
    )
    b.done()
    t.done()
    return fac, bf


def _limits(t: _T) -> tuple[CapRule, SogoRule]:
    c = t.table("cap")
    docs = c.docs()
    cap = CapRule(
        c.str("clause"),
        c.num("multiplier", lo=1.0),
        c.str("label_ja"),
        c.str("label_en"),
        quote_ja=docs["quote_ja"],
        interpretation=docs["interpretation"],
        interpretation_ja=docs["interpretation_ja"],
    )
    c.done()
    s = t.table("sogo")
    docs = s.docs()
    sogo = SogoRule(
        s.str("clause"),
        s.num("additional_multiplier", lo=0.0),
        s.bool("bonus_individually_capped"),
        s.str("label_ja"),
        s.str("label_en"),
        quote_ja=docs["quote_ja"],
        interpretation=docs["interpretation"],
        interpretation_ja=docs["interpretation_ja"],
    )
    s.done()
    t.done()
    return cap, sogo


REQUIRED_NOTES = (
    "policy",
    "effective_open_space",
    "not_eligible",
    "ignored_facilities",
    "ignored_barrier_free",
    "sogo",
)


def _notes(t: _T) -> Mapping[str, Note]:
    out = {}
    for nid in t.d:
        n = t.table(nid)
        out[nid] = Note(nid, n.str("clause"), n.str("ja"), n.str("en"))
        n.done()
    for nid in REQUIRED_NOTES:
        if nid not in out:
            raise RulesError(f"notes.{nid}: missing")
    return _frozen(out)


def parse_rules(data: dict, path: str = "<memory>") -> Rules:
    """Validate a parsed TOML document (a dict) into `Rules`."""
    top = _T(data, "")
    version = top.int("schema_version")
    if version != SCHEMA_VERSION:
        raise RulesError(f"schema_version: {version} is not supported (expected {SCHEMA_VERSION})")
    rid = top.str("id")
    src = top.table("source")
    source = {}
    for k, v in src.d.items():
        src.used.add(k)
        source[k] = v.isoformat() if hasattr(v, "isoformat") else str(v)
    for k in ("title_ja", "title_en", "municipality_ja", "municipality_en"):
        if not source.get(k):
            raise RulesError(f"source.{k}: missing")
    routes = _routes(top.table("routes"))
    zones = _zones(top.table("zones"))
    osp = top.table("open_space")
    osp.str("clause")
    open_space_interp, open_space_interp_ja = osp.interpretation()
    osp.done()
    msg = top.table("messages")
    na = (msg.str("not_applicable_ja"), msg.str("not_applicable_en"))
    for i, tmpl in enumerate(na):
        _check_template(f"messages.not_applicable_{('ja', 'en')[i]}", tmpl, _COMMON_FIELDS)
    msg.done()
    checks = _checks(top.table("checks"), routes)
    tables = _tables(top.table("beppyo2"))
    fac, bf = _bonus(top.table("bonus"), routes, tables)
    cap, sogo = _limits(top.table("limits"))
    notes = _notes(top.table("notes"))
    top.done()
    for r in routes.values():
        wanted = fac if r.bonus == "facilities" else bf
        if r.id not in wanted.routes:
            raise RulesError(f"routes.{r.id}.bonus: bonus.{r.bonus}.routes does not list {r.id!r}")
    return Rules(
        id=rid,
        schema_version=version,
        path=path,
        source=_frozen(source),
        routes=routes,
        zones=zones,
        open_space_interpretation=open_space_interp,
        open_space_interpretation_ja=open_space_interp_ja,
        not_applicable=na,
        checks=checks,
        facilities=fac,
        barrier_free=bf,
        tables=tables,
        cap=cap,
        sogo=sogo,
        notes=notes,
    )


@functools.lru_cache(maxsize=16)
def _load(resolved: str) -> Rules:
    try:
        with open(resolved, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise RulesError(f"cannot read rule file {resolved}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{resolved}: not valid TOML: {exc}") from None
    try:
        return parse_rules(data, resolved)
    except RulesError as exc:
        raise RulesError(f"{resolved}: {exc}") from None


def load_rules(path: str | Path | None = None) -> Rules:
    """Load (and cache) a rule file; default `data/yao/yao_52_14_1.toml`. Raises `RulesError`."""
    p = Path(path) if path is not None else default_rules_path()
    return _load(str(p.resolve()))
