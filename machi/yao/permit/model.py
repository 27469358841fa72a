"""Input model of a permit application and its validation.

`parse_application(obj)` turns a JSON-like dict into an immutable `Application`, or raises
`ValidationError(field, message_en, message_ja)`; `field` is a dotted path such as
`parts[1].height_m`, `facilities[0].kind` or `barrier_free.items[2].row`, and both messages name
the field and the allowed values. The input is never modified.

Keys (all required unless marked optional; numbers are JSON numbers, never strings or booleans):

    route                    "facilities" | "barrier_free"  (ids from the rule file)
    zone                     use-zone id, e.g. "commercial" (ids from the rule file)
    site_area_m2             A, > 0
    base_far_pct             V0 × 100 (基準容積率), in (0, 2000]
    base_coverage_pct        C × 100 (基準建ぺい率), in (0, 100]
    building_area_m2         B, > 0 and <= site_area_m2
    road_width_m             width of the widest abutting road
    frontage_m               longest single continuous frontage on that road, <= site_perimeter_m
    site_perimeter_m         whole site perimeter, > 0
    road_through             true if the front road runs through to a road at least as wide
    green_area_m2            greened area
    effective_open_space_m2  S, computed under the 総合設計 要領 §4
    sidewalk_width_m         existing + on-site sidewalk width (narrowest point along the frontage)
    parts                    [{"height_m", "setback_m"}, ...], at least one part
    facilities               [{"kind", "floor_area_m2"}, ...], may be empty; floor_area_m2 is the
                             part meeting 第4 1.(2) (own purpose, walled, no staffed rooms)
    barrier_free             optional; required when the route is barrier_free:
        building             "tokutei" (特定建築物) | "other"
        art19_applied        optional bool (false): a 特定建築物 uses BF Act Art. 19 (第4 2.(1)①)
        beppyo1_conforms     optional bool (false): other buildings conform to 別表1 (第4 2.(1)②)
        special_2000         optional bool (false): 特別特定建築物 of >= 2,000 m2 total floor area
        items                optional list (empty) of {"item", "actual_area_m2", "count"?, ...};
                             the extra keys depend on the item (see INPUT.md): row, layout,
                             length_m, column_length_m, height_m, patients, accessible_route
        excluded_bf19_m2     optional (0): area already excluded under BF Act Art. 19
        other_increase_m2    optional (0): other parts whose area evidently increased
    sogo                     optional, combination with 総合設計 (第6):
        max_floor_area_m2    the 総合設計 limit (total floor area incl. V0 × A), >= V0 × A
        floor_area_m2        optional: floor area allowed under 総合設計 (default: the limit),
                             V0 × A <= floor_area_m2 <= max_floor_area_m2

See `machi/yao/permit/INPUT.md` for the full description and examples.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from machi.core.inputs import InputError, Text
from machi.yao.permit.rules import Rules, load_rules

# Sanity limits on input values (not rules of the criteria: they only reject absurd input).
MAX_SITE_AREA_M2 = 10_000_000.0
MAX_FLOOR_AREA_M2 = 200_000_000.0  # 2,000 % of the largest site
MAX_FAR_PCT = 2000.0
MAX_COVERAGE_PCT = 100.0
MAX_HEIGHT_M = 1000.0
MAX_LENGTH_M = 100_000.0
MAX_WIDTH_M = 1000.0
MAX_COUNT = 100_000
MAX_ROW = 100
MAX_LIST = 10_000


class ValidationError(InputError):
    """Invalid application input. `field` is a dotted path; messages in English and Japanese."""

    def __init__(self, field: str, message_en: str, message_ja: str):
        super().__init__(field, message_en, message_ja)
        self.args = (f"{field}: {message_en} / {message_ja}",)

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "message_en": self.message_en, "message_ja": self.message_ja}


# ------------------------------------------------------------------------------------------------
# dataclasses
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Part:
    """A part of the building for the setback rule (第3 2.(2))."""

    height_m: float
    setback_m: float


@dataclass(frozen=True, slots=True)
class Facility:
    """Floor area of a 第4 1.(1) facility that meets 第4 1.(2)."""

    kind: str
    floor_area_m2: float


@dataclass(frozen=True, slots=True)
class BfItem:
    """One barrier-free item (or `count` identical ones) compared with its standard (第4 2.(3))."""

    item: str
    actual_area_m2: float  # area of one item
    count: int = 1
    row: int | None = None
    layout: str | None = None
    length_m: float | None = None
    column_length_m: float | None = None
    height_m: float | None = None
    patients: int | None = None
    accessible_route: bool = False


@dataclass(frozen=True, slots=True)
class BarrierFree:
    building: str  # "tokutei" | "other"
    art19_applied: bool = False
    beppyo1_conforms: bool = False
    special_2000: bool = False
    items: tuple[BfItem, ...] = ()
    excluded_bf19_m2: float = 0.0
    other_increase_m2: float = 0.0


@dataclass(frozen=True, slots=True)
class Sogo:
    """Figures of a 総合設計 (BSA Art. 59-2) permit used together with this one (第6)."""

    max_floor_area_m2: float
    floor_area_m2: float | None = None  # None: the 総合設計 limit is fully used

    @property
    def used_floor_area_m2(self) -> float:
        return self.max_floor_area_m2 if self.floor_area_m2 is None else self.floor_area_m2


@dataclass(frozen=True, slots=True)
class Application:
    route: str
    zone: str
    site_area_m2: float
    base_far_pct: float
    base_coverage_pct: float
    building_area_m2: float
    road_width_m: float
    frontage_m: float
    site_perimeter_m: float
    road_through: bool
    green_area_m2: float
    effective_open_space_m2: float
    sidewalk_width_m: float
    parts: tuple[Part, ...]
    facilities: tuple[Facility, ...] = ()
    barrier_free: BarrierFree | None = None
    sogo: Sogo | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-like input form (parse_application(app.to_dict()) == app)."""
        return application_to_dict(self)


# ------------------------------------------------------------------------------------------------
# validation helpers
# ------------------------------------------------------------------------------------------------

TOP_KEYS = (
    "route",
    "zone",
    "site_area_m2",
    "base_far_pct",
    "base_coverage_pct",
    "building_area_m2",
    "road_width_m",
    "frontage_m",
    "site_perimeter_m",
    "road_through",
    "green_area_m2",
    "effective_open_space_m2",
    "sidewalk_width_m",
    "parts",
    "facilities",
)
TOP_OPTIONAL = ("barrier_free", "sogo")
PART_KEYS = ("height_m", "setback_m")
FACILITY_KEYS = ("kind", "floor_area_m2")
BF_KEYS = ("building",)
BF_OPTIONAL = ("art19_applied", "beppyo1_conforms", "special_2000", "items", "excluded_bf19_m2", "other_increase_m2")
BF_BUILDINGS = {"tokutei": "yao.err.building.tokutei", "other": "yao.err.building.other"}  # id: text key of its name
SOGO_KEYS = ("max_floor_area_m2",)
SOGO_OPTIONAL = ("floor_area_m2",)
ITEM_BASE_KEYS = ("item", "actual_area_m2")
ITEM_BASE_OPTIONAL = ("count",)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _got(v: Any) -> str:
    if (type(v) is float and math.isfinite(v) and abs(v) < 1e15) or (type(v) is int and abs(v) < 10**15):
        return _fmt(v)
    try:
        s = json.dumps(v, ensure_ascii=False, allow_nan=True)
    except (TypeError, ValueError):
        try:
            s = repr(v)
        except ValueError:  # an int with more digits than Python prints
            s = "(a number too long to show)"
    return s if len(s) <= 40 else s[:37] + "..."


def _type(v: Any) -> Text | str:
    """What kind of JSON value `v` is, in words."""
    if v is None:
        return Text("yao.err.type.null")
    if isinstance(v, bool):
        return Text("yao.err.type.boolean")
    if isinstance(v, (int, float)):
        return Text("yao.err.type.number")
    if isinstance(v, str):
        return Text("yao.err.type.string")
    if isinstance(v, list):
        return Text("yao.err.type.list")
    if isinstance(v, dict):
        return Text("yao.err.type.object")
    return type(v).__name__


def _given(v: Any) -> Text:
    """The input as echoed in a message: its kind and its value (or that there is none)."""
    return Text("yao.err.given.nothing") if v is None else Text("yao.err.given.value", type=_type(v), value=_got(v))


def _fmt(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def _obj(v: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict:
    """Check `v` is an object with exactly the allowed keys (required present, nothing unknown)."""
    name = path or "input"
    if not isinstance(v, dict):
        raise ValidationError.from_text(path or "(root)", "yao.err.not_an_object", name=name, type=_type(v))
    allowed = required + optional
    for k in v:
        if not isinstance(k, str) or k not in allowed:
            raise ValidationError.from_text(
                _join(path, str(k)), "yao.err.unknown_key", name=repr(str(k)), allowed=", ".join(allowed)
            )
    for k in required:
        if k not in v:
            raise ValidationError.from_text(_join(path, k), "yao.err.missing_key", name=repr(k))
    return v


def _num(v: Any, path: str, lo: float, hi: float, lo_open: bool = False, unit: str = "") -> float:
    """A finite JSON number (int or float, not bool) in [lo, hi] (or (lo, hi] when lo_open)."""
    if type(v) is float and math.isfinite(v) and (lo < v if lo_open else lo <= v) and v <= hi:
        return v
    elif type(v) is int and (lo < v if lo_open else lo <= v) and v <= hi:
        return float(v)
    allowed = Text("yao.err.range_above" if lo_open else "yao.err.range_from", low=_fmt(lo), high=_fmt(hi))
    shown_unit = Text("yao.err.unit", unit=unit) if unit else ""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise ValidationError.from_text(path, "yao.err.not_a_number", range=allowed, unit=shown_unit, given=_given(v))
    if isinstance(v, float) and not math.isfinite(v):
        raise ValidationError.from_text(path, "yao.err.not_finite", range=allowed, unit=shown_unit, value=_got(v))
    raise ValidationError.from_text(path, "yao.err.out_of_range", range=allowed, unit=shown_unit, value=_got(v))


def _int(v: Any, path: str, lo: int, hi: int) -> int:
    whole_float = isinstance(v, float) and math.isfinite(v) and v.is_integer()
    if whole_float and lo <= v <= hi:
        v = int(v)
    elif (isinstance(v, bool) or not isinstance(v, int)) and not whole_float:
        raise ValidationError.from_text(path, "yao.err.not_whole", low=f"{lo:,}", high=f"{hi:,}", given=_given(v))
    if not lo <= v <= hi:
        raise ValidationError.from_text(
            path, "yao.err.whole_out_of_range", low=f"{lo:,}", high=f"{hi:,}", value=_got(v)
        )
    return v


def _bool(v: Any, path: str) -> bool:
    if not isinstance(v, bool):
        raise ValidationError.from_text(path, "yao.err.not_a_boolean", given=_given(v))
    return v


def _choice(v: Any, path: str, allowed: Mapping[str, Any] | tuple[str, ...], what: Text) -> str:
    """One of the ids `allowed`; `what` names the thing chosen in messages."""
    names = ", ".join(allowed)
    if not isinstance(v, str):
        raise ValidationError.from_text(path, "yao.err.not_a_choice", what=what, names=names, given=_given(v))
    if v not in allowed:
        raise ValidationError.from_text(path, "yao.err.unknown_choice", what=what, names=names, value=_got(v))
    return v


def _list(v: Any, path: str, min_len: int = 0) -> list:
    if not isinstance(v, list):
        raise ValidationError.from_text(path, "yao.err.not_a_list", given=_given(v))
    if len(v) < min_len:
        raise ValidationError.from_text(path, "yao.err.too_few_items", least=min_len, count=len(v))
    if len(v) > MAX_LIST:
        raise ValidationError.from_text(path, "yao.err.too_many_items", most=f"{MAX_LIST:,}", count=f"{len(v):,}")
    return v


# ------------------------------------------------------------------------------------------------
# parsing
# ------------------------------------------------------------------------------------------------


def _parse_item(raw: Any, path: str, rules: Rules, building: str) -> BfItem:
    items = rules.barrier_free.items
    if isinstance(raw, dict) and "item" in raw:
        item_id = _choice(raw["item"], f"{path}.item", items, Text("yao.err.what.item"))
        spec = items[item_id]
    else:
        _obj(raw, path, ITEM_BASE_KEYS, ITEM_BASE_OPTIONAL)  # raises: not an object / missing item
        raise AssertionError("unreachable")
    _obj(
        raw,
        path,
        ITEM_BASE_KEYS + tuple(k for k, req in spec.inputs.items() if req),
        ITEM_BASE_OPTIONAL + tuple(k for k, req in spec.inputs.items() if not req),
    )
    if spec.section == "tokutei" and building != "tokutei":
        raise ValidationError.from_text(
            f"{path}.item",
            "yao.err.specified_building_only",
            item={"ja": spec.label_ja, "en": spec.label_en},
            clause=spec.clause.split(";")[0],
        )
    kw: dict[str, Any] = {
        "item": item_id,
        "actual_area_m2": _num(raw["actual_area_m2"], f"{path}.actual_area_m2", 0, MAX_SITE_AREA_M2, unit="㎡"),
    }
    if "count" in raw:
        kw["count"] = _int(raw["count"], f"{path}.count", 1, MAX_COUNT)
    if "length_m" in raw:
        kw["length_m"] = _num(raw["length_m"], f"{path}.length_m", 0, MAX_LENGTH_M, unit="m")
    if "column_length_m" in raw:
        cl = _num(raw["column_length_m"], f"{path}.column_length_m", 0, MAX_LENGTH_M, unit="m")
        if cl > kw["length_m"]:
            raise ValidationError.from_text(
                f"{path}.column_length_m",
                "yao.err.column_longer_than_corridor",
                length=_fmt(kw["length_m"]),
                value=_got(cl),
            )
        kw["column_length_m"] = cl
    if "height_m" in raw:
        kw["height_m"] = _num(raw["height_m"], f"{path}.height_m", 0, MAX_HEIGHT_M, unit="m")
    if "patients" in raw:
        kw["patients"] = _int(raw["patients"], f"{path}.patients", 1, MAX_COUNT)
    if "accessible_route" in raw:
        kw["accessible_route"] = _bool(raw["accessible_route"], f"{path}.accessible_route")
    if spec.standard == "table":
        table = rules.tables[spec.table]
        row_no = spec.row
        if row_no is None:
            row_no = _int(raw["row"], f"{path}.row", 1, MAX_ROW)
            usable = [r for r, tr in table.rows.items() if spec.column == "@layout" or spec.column in tr.values]
            if row_no not in usable:
                rows = ", ".join(str(r) for r in usable)
                raise ValidationError.from_text(
                    f"{path}.row", "yao.err.no_such_row", clause=table.clause, row=row_no, rows=rows
                )
            kw["row"] = row_no
        row = table.rows[row_no]
        if spec.column == "@layout":
            layouts = tuple(c for c in table.columns if c in row.values)
            if "layout" in raw:
                kw["layout"] = _choice(
                    raw["layout"],
                    f"{path}.layout",
                    layouts or table.columns,
                    Text("yao.err.what.layout", clause=table.clause, row=row_no),
                )
            elif "any" not in row.values:
                raise ValidationError.from_text(
                    f"{path}.layout",
                    "yao.err.missing_layout",
                    clause=table.clause,
                    row=row_no,
                    layouts=", ".join(layouts),
                )
    return BfItem(**kw)


def _parse_barrier_free(raw: Any, rules: Rules) -> BarrierFree:
    path = "barrier_free"
    _obj(raw, path, BF_KEYS, BF_OPTIONAL)
    building = _choice(raw["building"], f"{path}.building", BF_BUILDINGS, Text("yao.err.what.building"))
    kw: dict[str, Any] = {"building": building}
    for k in ("art19_applied", "beppyo1_conforms", "special_2000"):
        if k in raw:
            kw[k] = _bool(raw[k], f"{path}.{k}")
    for k in ("excluded_bf19_m2", "other_increase_m2"):
        if k in raw:
            kw[k] = _num(raw[k], f"{path}.{k}", 0, MAX_FLOOR_AREA_M2, unit="㎡")
    if "items" in raw:
        items = _list(raw["items"], f"{path}.items")
        kw["items"] = tuple(_parse_item(it, f"{path}.items[{i}]", rules, building) for i, it in enumerate(items))
    return BarrierFree(**kw)


def _parse_sogo(raw: Any, base_floor_area: float) -> Sogo:
    path = "sogo"
    _obj(raw, path, SOGO_KEYS, SOGO_OPTIONAL)
    mx = _num(raw["max_floor_area_m2"], f"{path}.max_floor_area_m2", 0, MAX_FLOOR_AREA_M2, lo_open=True, unit="㎡")
    tol = 1e-9 * max(1.0, base_floor_area)
    if mx < base_floor_area - tol:
        raise ValidationError.from_text(
            f"{path}.max_floor_area_m2",
            "yao.err.sogo_limit_below_base",
            base=f"{base_floor_area:,.2f}",
            most=f"{MAX_FLOOR_AREA_M2:,.0f}",
            value=_got(mx),
        )
    fa = None
    if "floor_area_m2" in raw:
        fa = _num(raw["floor_area_m2"], f"{path}.floor_area_m2", 0, MAX_FLOOR_AREA_M2, unit="㎡")
        if fa < base_floor_area - tol or fa > mx + 1e-9 * mx:
            raise ValidationError.from_text(
                f"{path}.floor_area_m2",
                "yao.err.sogo_floor_area_outside",
                base=f"{base_floor_area:,.2f}",
                most=f"{mx:,.2f}",
                value=_got(fa),
            )
    return Sogo(mx, fa)


def parse_application(obj: Any, rules: Rules | None = None) -> Application:
    """Validate a JSON-like dict and build an `Application`. Raises `ValidationError`."""
    rules = rules or load_rules()
    _obj(obj, "", TOP_KEYS, TOP_OPTIONAL)
    route = _choice(obj["route"], "route", rules.routes, Text("yao.err.what.route"))
    zone = _choice(obj["zone"], "zone", rules.zones, Text("yao.err.what.zone"))
    A = _num(obj["site_area_m2"], "site_area_m2", 0, MAX_SITE_AREA_M2, lo_open=True, unit="㎡")
    far = _num(obj["base_far_pct"], "base_far_pct", 0, MAX_FAR_PCT, lo_open=True, unit="%")
    cov = _num(obj["base_coverage_pct"], "base_coverage_pct", 0, MAX_COVERAGE_PCT, lo_open=True, unit="%")
    B = _num(obj["building_area_m2"], "building_area_m2", 0, MAX_SITE_AREA_M2, lo_open=True, unit="㎡")
    if B > A:
        raise ValidationError.from_text(
            "building_area_m2", "yao.err.building_larger_than_site", site=_fmt(A), value=_got(obj["building_area_m2"])
        )
    road = _num(obj["road_width_m"], "road_width_m", 0, MAX_WIDTH_M, unit="m")
    perimeter = _num(obj["site_perimeter_m"], "site_perimeter_m", 0, MAX_LENGTH_M, lo_open=True, unit="m")
    frontage = _num(obj["frontage_m"], "frontage_m", 0, MAX_LENGTH_M, unit="m")
    if frontage > perimeter:
        raise ValidationError.from_text(
            "frontage_m",
            "yao.err.frontage_longer_than_perimeter",
            perimeter=_fmt(perimeter),
            value=_got(obj["frontage_m"]),
        )
    through = _bool(obj["road_through"], "road_through")
    green = _num(obj["green_area_m2"], "green_area_m2", 0, MAX_SITE_AREA_M2, unit="㎡")
    eos = _num(obj["effective_open_space_m2"], "effective_open_space_m2", 0, MAX_SITE_AREA_M2, unit="㎡")
    sidewalk = _num(obj["sidewalk_width_m"], "sidewalk_width_m", 0, MAX_WIDTH_M, unit="m")

    parts = []
    for i, p in enumerate(_list(obj["parts"], "parts", min_len=1)):
        path = f"parts[{i}]"
        _obj(p, path, PART_KEYS)
        parts.append(
            Part(
                _num(p["height_m"], f"{path}.height_m", 0, MAX_HEIGHT_M, unit="m"),
                _num(p["setback_m"], f"{path}.setback_m", 0, MAX_LENGTH_M, unit="m"),
            )
        )

    facilities = []
    kinds = rules.facilities.kinds
    for i, f in enumerate(_list(obj["facilities"], "facilities")):
        path = f"facilities[{i}]"
        _obj(f, path, FACILITY_KEYS)
        facilities.append(
            Facility(
                _choice(f["kind"], f"{path}.kind", kinds, Text("yao.err.what.kind")),
                _num(f["floor_area_m2"], f"{path}.floor_area_m2", 0, MAX_FLOOR_AREA_M2, unit="㎡"),
            )
        )

    bf = None
    if "barrier_free" in obj:
        bf = _parse_barrier_free(obj["barrier_free"], rules)
    elif rules.routes[route].bonus == "barrier_free":
        raise ValidationError.from_text("barrier_free", "yao.err.missing_barrier_free")

    sogo = None
    if "sogo" in obj:
        sogo = _parse_sogo(obj["sogo"], far / 100.0 * A)

    return Application(
        route=route,
        zone=zone,
        site_area_m2=A,
        base_far_pct=far,
        base_coverage_pct=cov,
        building_area_m2=B,
        road_width_m=road,
        frontage_m=frontage,
        site_perimeter_m=perimeter,
        road_through=through,
        green_area_m2=green,
        effective_open_space_m2=eos,
        sidewalk_width_m=sidewalk,
        parts=tuple(parts),
        facilities=tuple(facilities),
        barrier_free=bf,
        sogo=sogo,
    )


def application_to_dict(app: Application) -> dict[str, Any]:
    """Inverse of `parse_application` (optional keys left out when they hold their defaults)."""
    out: dict[str, Any] = {k: getattr(app, k) for k in TOP_KEYS if k not in ("parts", "facilities")}
    out["parts"] = [{"height_m": p.height_m, "setback_m": p.setback_m} for p in app.parts]
    out["facilities"] = [{"kind": f.kind, "floor_area_m2": f.floor_area_m2} for f in app.facilities]
    if app.barrier_free is not None:
        bf = app.barrier_free
        d: dict[str, Any] = {"building": bf.building}
        defaults = BarrierFree(bf.building)
        for k in BF_OPTIONAL:
            if k != "items" and getattr(bf, k) != getattr(defaults, k):
                d[k] = getattr(bf, k)
        if bf.items:
            items = []
            for it in bf.items:
                di: dict[str, Any] = {"item": it.item, "actual_area_m2": it.actual_area_m2}
                base = BfItem(it.item, it.actual_area_m2)
                for k in (
                    "count",
                    "row",
                    "layout",
                    "length_m",
                    "column_length_m",
                    "height_m",
                    "patients",
                    "accessible_route",
                ):
                    if getattr(it, k) != getattr(base, k):
                        di[k] = getattr(it, k)
                items.append(di)
            d["items"] = items
        out["barrier_free"] = d
    if app.sogo is not None:
        s: dict[str, Any] = {"max_floor_area_m2": app.sogo.max_floor_area_m2}
        if app.sogo.floor_area_m2 is not None:
            s["floor_area_m2"] = app.sogo.floor_area_m2
        out["sogo"] = s
    return out
