"""Evaluate a permit application against a rule set (pure: no I/O after the rules are loaded).

`evaluate(app, rules=None) -> Result` runs every check of 第3 (and 第4 2.(1)), computes the bonus of
第4 for the application's route, and applies the cap of 第5, or 第6 when a 総合設計 permit is used
together with this one. Every number comes from the rule file (`machi.yao.permit.rules`).

Comparisons are "actual >= required" with a relative tolerance of 1e-9 so that a value exactly at
a limit passes (1.2 − 0.8 is 0.3999999999999999 in binary floating point); within the tolerance the
margin is reported as 0.

`binding` says what sets the maximum floor area:
    not_eligible   a requirement is not met: no bonus
    bonus_claimed  the bonus claimed is below every limit
    cap_5          第5: 1.25 × V0 × A (or, with 第6 and bonus_individually_capped, 0.25 × V0 × A)
    sogo_6         第6 2.: 総合設計 limit + 0.25 × V0 × A
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple

from machi.yao.permit.model import Application, BfItem, parse_application
from machi.yao.permit.rules import BfItemRule, CheckRule, Rules, load_rules

REL_TOL = 1e-9
ROUND_DIGITS = 9


def _clean(x: Any) -> Any:
    if isinstance(x, float):
        return round(x, ROUND_DIGITS) + 0.0  # + 0.0 turns -0.0 into 0.0
    return x


class Check(NamedTuple):
    """The outcome of one rule. `message_ja` / `message_en` are formatted from the rule file's
    templates when read (so that bulk evaluation does not pay for text it never shows)."""

    id: str
    clause: str
    applies: bool
    passed: bool | None  # None: the rule does not apply to the route
    required: float | bool | None
    actual: float | bool | None
    margin: float | None  # actual − required (0 within the tolerance); None if not applicable/yes-no
    unit: str  # "m2", "m", "ratio" or "" (yes/no)
    label_ja: str
    label_en: str
    strict: bool  # False: 原則として / discretionary exception in the text
    templates: tuple[str, str]  # (ja, en) str.format templates
    values: Mapping[str, Any]  # template fields

    @property
    def message_ja(self) -> str:
        return self.templates[0].format_map(self.values)

    @property
    def message_en(self) -> str:
        return self.templates[1].format_map(self.values)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "clause": self.clause,
            "label_ja": self.label_ja,
            "label_en": self.label_en,
            "applies": self.applies,
            "passed": self.passed,
            "strict": self.strict,
            "required": _clean(self.required),
            "actual": _clean(self.actual),
            "margin": _clean(self.margin),
            "unit": self.unit,
            "message_ja": self.message_ja,
            "message_en": self.message_en,
        }


class BonusLine(NamedTuple):
    """One line of the bonus: a facility, a barrier-free item, or an adjustment."""

    source: str  # facility | barrier_free_item | excluded_bf19 | other_increase
    id: str
    clause: str
    label_ja: str
    label_en: str
    count: int
    actual_m2: float  # per item (facility: its floor area)
    standard_m2: float | None  # per item; None for facilities and adjustments
    bonus_m2: float  # contribution to the claimed bonus (negative for the deduction)


class ResultNote(NamedTuple):
    id: str
    clause: str
    ja: str
    en: str


OUTPUT_KEYS = (
    "eligible",
    "checks",
    "base_floor_area_m2",
    "bonus_claimed_m2",
    "bonus_allowed_m2",
    "max_floor_area_m2",
    "max_far_pct",
    "binding",
)


@dataclass(frozen=True)
class Result:
    eligible: bool
    route: str
    checks: tuple[Check, ...]
    base_floor_area_m2: float
    bonus_claimed_m2: float
    bonus_allowed_m2: float
    max_floor_area_m2: float
    max_far_pct: float
    binding: str
    limit_floor_area_m2: float  # 第5 cap, or the 第6 limit with 総合設計
    bonus_breakdown: tuple[BonusLine, ...]
    notes: tuple[ResultNote, ...]

    def check(self, check_id: str) -> Check:
        for c in self.checks:
            if c.id == check_id:
                return c
        raise KeyError(check_id)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready output: the OUTPUT_KEYS plus bonus_breakdown and notes (floats rounded)."""
        return {
            "eligible": self.eligible,
            "checks": [c.to_dict() for c in self.checks],
            "base_floor_area_m2": _clean(self.base_floor_area_m2),
            "bonus_claimed_m2": _clean(self.bonus_claimed_m2),
            "bonus_allowed_m2": _clean(self.bonus_allowed_m2),
            "max_floor_area_m2": _clean(self.max_floor_area_m2),
            "max_far_pct": _clean(self.max_far_pct),
            "binding": self.binding,
            "bonus_breakdown": [{k: _clean(v) for k, v in b._asdict().items()} for b in self.bonus_breakdown],
            "notes": [n._asdict() for n in self.notes],
        }


# ------------------------------------------------------------------------------------------------
# checks
# ------------------------------------------------------------------------------------------------


def _not_applicable(cr: CheckRule, base: dict[str, Any], rules: Rules, required: Any, actual: Any) -> Check:
    values = {**base, "label_ja": cr.label_ja, "label_en": cr.label_en, "clause": cr.clause}
    return Check(
        cr.id,
        cr.clause,
        False,
        None,
        required,
        actual,
        None,
        cr.unit,
        cr.label_ja,
        cr.label_en,
        cr.strict,
        rules.not_applicable,
        MappingProxyType(values),
    )


def _at_least(
    cr: CheckRule,
    base: dict[str, Any],
    rules: Rules,
    actual: float,
    required: float,
    extra: Mapping[str, Any] | None = None,
) -> Check:
    """A check of the form actual >= required (with tolerance)."""
    if base["route"] not in cr.routes:
        return _not_applicable(cr, base, rules, required, actual)
    margin = actual - required
    tol = REL_TOL * max(1.0, abs(actual), abs(required))
    if -tol <= margin <= tol:
        margin = 0.0
    passed = margin >= 0.0
    values = {
        **base,
        "label_ja": cr.label_ja,
        "label_en": cr.label_en,
        "clause": cr.clause,
        "actual": actual,
        "required": required,
        "margin": margin,
        "shortfall": 0.0 if passed else -margin,
    }
    if extra:
        values.update(extra)
    return Check(
        cr.id,
        cr.clause,
        True,
        passed,
        required,
        actual,
        margin,
        cr.unit,
        cr.label_ja,
        cr.label_en,
        cr.strict,
        cr.templates["pass" if passed else "fail"],
        MappingProxyType(values),
    )


def _flag(
    cr: CheckRule,
    base: dict[str, Any],
    rules: Rules,
    actual: bool | None,
    template: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Check:
    """A yes/no check (required = True)."""
    if base["route"] not in cr.routes:
        return _not_applicable(cr, base, rules, True, actual)
    passed = bool(actual)
    values = {
        **base,
        "label_ja": cr.label_ja,
        "label_en": cr.label_en,
        "clause": cr.clause,
        "actual": float(passed),
        "required": 1.0,
        "margin": 0.0,
        "shortfall": 0.0,
    }
    if extra:
        values.update(extra)
    return Check(
        cr.id,
        cr.clause,
        True,
        passed,
        True,
        actual,
        None,
        cr.unit,
        cr.label_ja,
        cr.label_en,
        cr.strict,
        cr.templates[template or ("pass" if passed else "fail")],
        MappingProxyType(values),
    )


def _checks(app: Application, rules: Rules) -> tuple[Check, ...]:
    R = rules.checks
    zone = rules.zones[app.zone]
    route = rules.routes[app.route]
    ctx = {
        "route": app.route,
        "zone_ja": zone.name_ja,
        "zone_en": zone.name_en,
        "route_ja": route.name_ja,
        "route_en": route.name_en,
        "actual": 0.0,
        "required": 0.0,
        "margin": 0.0,
        "shortfall": 0.0,
    }
    A = app.site_area_m2
    C = app.base_coverage_pct / 100.0
    open_area = A - app.building_area_m2  # O in the criteria
    out = []

    # 第3 1.(1): zone in the table, and site area
    out.append(_flag(R["zone_listed"], ctx, rules, zone.listed))
    cr = R["site_area"]
    if zone.listed or app.route not in cr.routes:
        out.append(
            _at_least(cr, ctx, rules, A, zone.min_site_area_m2)
            if zone.listed
            else _not_applicable(cr, ctx, rules, None, A)
        )
    else:  # no threshold for the zone: the requirement cannot be met
        values = {**ctx, "label_ja": cr.label_ja, "label_en": cr.label_en, "clause": cr.clause, "actual": A}
        out.append(
            Check(
                cr.id,
                cr.clause,
                True,
                False,
                None,
                A,
                None,
                cr.unit,
                cr.label_ja,
                cr.label_en,
                cr.strict,
                cr.templates["unlisted"],
                MappingProxyType(values),
            )
        )

    # 第3 1.(2): road width, frontage, through road
    out.append(_at_least(R["road_width"], ctx, rules, app.road_width_m, zone.min_road_width_m))
    cr = R["frontage"]
    out.append(
        _at_least(
            cr,
            ctx,
            rules,
            app.frontage_m,
            app.site_perimeter_m * cr.params["min_fraction_of_perimeter"],
            {"perimeter": app.site_perimeter_m},
        )
    )
    out.append(_flag(R["road_through"], ctx, rules, app.road_through))

    # 第3 2.(1) greening
    cr = R["greening"]
    frac = cr.params["min_fraction_of_open_space"]
    details = {"open_space": open_area, "fraction": frac}
    out.append(_at_least(cr, ctx, rules, app.green_area_m2, frac * open_area, details))

    # 第3 2.(2) setback: every part; the part with the smallest margin is reported
    cr = R["setback"]
    mult, expo = cr.params["multiplier"], cr.params["height_exponent"]
    worst = None
    failing = 0
    for i, p in enumerate(app.parts):
        req = mult * (math.sqrt(p.height_m) if expo == 0.5 else p.height_m**expo)
        m = p.setback_m - req
        if m < -REL_TOL * max(1.0, abs(req), abs(p.setback_m)):
            failing += 1
        if worst is None or m < worst[0]:
            worst = (m, i, p, req)
    _, wi, wp, wreq = worst
    out.append(
        _at_least(cr, ctx, rules, wp.setback_m, wreq, {"part": wi + 1, "height": wp.height_m, "failing": failing})
    )

    # 第3 2.(3) open-space ratio
    cr = R["open_space_ratio"]
    out.append(_at_least(cr, ctx, rules, open_area / A, cr.params["constant"] - C, {"coverage": C}))

    # 第3 3. sidewalk
    cr = R["sidewalk"]
    out.append(_at_least(cr, ctx, rules, app.sidewalk_width_m, cr.params["min_width_m"]))

    # 第3 4. effective open space, evaluated left to right as written: 0.2 + (1 - C) × 10 / 4.5 × 0.3
    cr = R["effective_open_space"]
    p = cr.params
    req = p["base"] + (1.0 - C) * p["numerator"] / p["denominator"] * p["factor"]
    S = app.effective_open_space_m2
    out.append(
        _at_least(
            cr, ctx, rules, S / A, req, {"coverage": C, "required_m2": req * A, "shortfall_m2": max(0.0, req * A - S)}
        )
    )

    # 第4 2.(1) qualifying building (barrier-free route)
    cr = R["bf_building"]
    bf = app.barrier_free
    if bf is None:
        out.append(
            _flag(cr, ctx, rules, None)
            if app.route not in cr.routes
            else _flag(
                cr,
                ctx,
                rules,
                False,
                "fail",
                {"requirement_ja": cr.templates["other"][0], "requirement_en": cr.templates["other"][1]},
            )
        )
    else:
        which = "tokutei" if bf.building == "tokutei" else "other"
        ok = bf.art19_applied if which == "tokutei" else bf.beppyo1_conforms
        ja, en = cr.templates[which]
        out.append(_flag(cr, ctx, rules, ok, None, {"requirement_ja": ja, "requirement_en": en}))
    return tuple(out)


# ------------------------------------------------------------------------------------------------
# bonus
# ------------------------------------------------------------------------------------------------


def item_standard(item: BfItem, spec: BfItemRule, rules: Rules, special_2000: bool) -> float:
    """Standard area (m2) of one barrier-free item under 第4 2.(3) / 別表2."""
    st = spec.standard
    if st == "fixed":
        if spec.special_m2 is not None:
            conds = {"special_2000": special_2000, "accessible_route": item.accessible_route}
            if all(conds[c] for c in spec.special_when):
                return spec.special_m2
        return spec.standard_m2
    if st == "table":
        table = rules.tables[spec.table]
        row = table.rows[spec.row if spec.row is not None else item.row]
        if spec.column == "@layout":
            coeff = row.values["any"] if "any" in row.values else row.values[item.layout]
        else:
            coeff = row.values[spec.column]
        return coeff * getattr(item, spec.variable) if spec.variable else coeff
    if st == "linear":
        return spec.coeff * getattr(item, spec.variable)
    # split_linear: 0.85 (L1 − L2) + 0.80 L2
    l2 = item.column_length_m or 0.0
    return spec.coeff * (item.length_m - l2) + spec.coeff_columns * l2


def _facilities_bonus(app: Application, rules: Rules) -> tuple[float, list[BonusLine]]:
    fb = rules.facilities
    lines = []
    total = 0.0
    for f in app.facilities:
        k = fb.kinds[f.kind]
        b = f.floor_area_m2 * fb.ratio
        total += b
        lines.append(
            BonusLine(
                "facility",
                k.id,
                k.clause,
                f"{k.mark} {k.name_ja}",
                f"{k.mark} {k.name_en}",
                1,
                f.floor_area_m2,
                None,
                b,
            )
        )
    return total, lines


def _barrier_free_bonus(app: Application, rules: Rules) -> tuple[float, list[BonusLine]]:
    bfr = rules.barrier_free
    bf = app.barrier_free
    lines = []
    total = 0.0
    if bf is None:
        return 0.0, lines
    for it in bf.items:
        spec = bfr.items[it.item]
        std = item_standard(it, spec, rules, bf.special_2000)
        excess = it.count * max(0.0, it.actual_area_m2 - std)
        total += excess
        lines.append(
            BonusLine(
                "barrier_free_item",
                it.item,
                spec.clause,
                spec.label_ja,
                spec.label_en,
                it.count,
                it.actual_area_m2,
                std,
                excess,
            )
        )
    if bf.excluded_bf19_m2:
        total -= bf.excluded_bf19_m2
        lines.append(
            BonusLine(
                "excluded_bf19",
                "excluded_bf19",
                bfr.excluded_clause,
                bfr.excluded_label_ja,
                bfr.excluded_label_en,
                1,
                bf.excluded_bf19_m2,
                None,
                -bf.excluded_bf19_m2,
            )
        )
    if bf.other_increase_m2:
        total += bf.other_increase_m2
        lines.append(
            BonusLine(
                "other_increase",
                "other_increase",
                bfr.other_clause,
                bfr.other_label_ja,
                bfr.other_label_en,
                1,
                bf.other_increase_m2,
                None,
                bf.other_increase_m2,
            )
        )
    return max(0.0, total), lines


def _note(rules: Rules, nid: str) -> ResultNote:
    n = rules.notes[nid]
    return ResultNote(n.id, n.clause, n.ja, n.en)


def _within(a: float, b: float) -> bool:
    return abs(a - b) <= REL_TOL * max(1.0, abs(a), abs(b))


def evaluate(app: Application | Mapping[str, Any], rules: Rules | None = None) -> Result:
    """Evaluate an application (an `Application`, or a dict that is parsed first)."""
    rules = rules or load_rules()
    if not isinstance(app, Application):
        app = parse_application(app, rules)
    route = rules.routes[app.route]
    checks = _checks(app, rules)
    eligible = all(c.passed for c in checks if c.applies)

    notes = [_note(rules, "policy"), _note(rules, "effective_open_space")]
    if route.bonus == "facilities":
        claimed, lines = _facilities_bonus(app, rules)
        if app.barrier_free is not None and (app.barrier_free.items or app.barrier_free.other_increase_m2):
            notes.append(_note(rules, "ignored_barrier_free"))
    else:
        claimed, lines = _barrier_free_bonus(app, rules)
        if app.facilities:
            notes.append(_note(rules, "ignored_facilities"))

    A = app.site_area_m2
    v0a = app.base_far_pct / 100.0 * A
    sogo = app.sogo
    if sogo is None:
        limit = rules.cap.multiplier * v0a
        start = v0a
        caps = [(limit - v0a, "cap_5")]
    else:
        notes.append(_note(rules, "sogo"))
        limit = sogo.max_floor_area_m2 + rules.sogo.additional_multiplier * v0a
        start = sogo.used_floor_area_m2
        caps = [(limit - start, "sogo_6")]
        if rules.sogo.bonus_individually_capped:
            caps.insert(0, ((rules.cap.multiplier - 1.0) * v0a, "cap_5"))

    if not eligible:
        notes.append(_note(rules, "not_eligible"))
        allowed, binding = 0.0, "not_eligible"
        max_floor = start
    else:
        allowed, binding = claimed, "bonus_claimed"
        for headroom, name in caps:  # the smallest limit binds; at a tie the limit, not the claim
            headroom = max(0.0, headroom)
            tighter = headroom < allowed and not _within(headroom, allowed)
            if tighter or (binding == "bonus_claimed" and (headroom < allowed or _within(headroom, allowed))):
                allowed, binding = headroom, name
        max_floor = start + allowed
        if binding == "sogo_6" or (binding == "cap_5" and sogo is None):
            max_floor = limit  # exactly at the limit, without rounding noise
            allowed = limit - start

    return Result(
        eligible=eligible,
        route=app.route,
        checks=checks,
        base_floor_area_m2=v0a,
        bonus_claimed_m2=claimed,
        bonus_allowed_m2=allowed,
        max_floor_area_m2=max_floor,
        max_far_pct=max_floor / A * 100.0,
        binding=binding,
        limit_floor_area_m2=limit,
        bonus_breakdown=tuple(lines),
        notes=tuple(notes),
    )
