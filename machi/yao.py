"""Yao (八尾市): what the permit page needs around the engine in machi.permit — the scenario in the URL,
the sensitivity sweep, and the result as tables. Pure functions."""

from __future__ import annotations

import base64
import copy
import json
import zlib

import pandas as pd

from machi.permit import evaluate, parse_application
from machi.permit.engine import Result
from machi.permit.model import ValidationError

#: inputs the sensitivity chart can vary (key in the application, or the facilities' total)
SWEEP_FIELDS = ("site_area_m2", "base_far_pct", "facilities_total_m2", "building_area_m2", "green_area_m2",
                "effective_open_space_m2", "road_width_m", "base_coverage_pct")
_STATUS = {True: ("✓", "pass"), False: ("✗", "fail"), None: ("—", "n/a")}


def encode_scenario(app: dict) -> str:
    """A compact, URL-safe text for an application (JSON, deflated, base64url)."""
    raw = json.dumps(app, ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")


def decode_scenario(text: str) -> dict:
    """The application encoded by encode_scenario; ValueError when the text is not one."""
    try:
        raw = zlib.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), bufsize=1 << 16)
        app = json.loads(raw)
    except (ValueError, zlib.error, UnicodeDecodeError) as exc:
        raise ValueError(f"not a scenario link: {exc}") from None
    if not isinstance(app, dict):
        raise ValueError("not a scenario link: not an object")
    return app


def _with_value(app: dict, field: str, value: float) -> dict:
    out = copy.deepcopy(app)
    if field == "facilities_total_m2":
        total = sum(f["floor_area_m2"] for f in app.get("facilities", []))
        if total > 0:
            for f in out["facilities"]:
                f["floor_area_m2"] = f["floor_area_m2"] * value / total
        elif out.get("facilities"):
            out["facilities"][0]["floor_area_m2"] = value
    else:
        out[field] = value
    return out


def current_value(app: dict, field: str) -> float:
    if field == "facilities_total_m2":
        return float(sum(f["floor_area_m2"] for f in app.get("facilities", [])))
    return float(app[field])


def sweep(app: dict, field: str, points: int = 41) -> pd.DataFrame:
    """The maximum floor area as `field` runs from half to one and a half times its current value
    (0 to a sensible span when it is 0). Inputs the rules reject are left out of the curve."""
    now = current_value(app, field)
    span = now if now > 0 else {"road_width_m": 20.0, "base_coverage_pct": 80.0}.get(field, 1000.0)
    lo, hi = (max(0.0, now - span / 2), now + span / 2) if now > 0 else (0.0, span)
    rows = []
    for k in range(points):
        v = lo + (hi - lo) * k / (points - 1)
        try:
            r = evaluate(parse_application(_with_value(app, field, v)))
        except ValidationError:
            continue
        rows.append({"value": v, "max_floor_area_m2": r.max_floor_area_m2, "eligible": r.eligible,
                     "binding": r.binding})
    return pd.DataFrame(rows, columns=["value", "max_floor_area_m2", "eligible", "binding"])


def checks_table(result: Result, lang: str) -> pd.DataFrame:
    """One row per check: status (symbol and word), clause, rule, required, actual, margin, message."""
    rows = []
    for c in result.checks:
        symbol, word = _STATUS[c.passed]
        rows.append({
            "status": f"{symbol} {word if lang == 'en' else {'pass': '適合', 'fail': '不適合', 'n/a': '対象外'}[word]}",
            "id": c.id,
            "clause": c.clause,
            "rule": c.label_ja if lang == "ja" else c.label_en,
            "required": _num(c.required, lang),
            "actual": _num(c.actual, lang),
            "margin": c.margin,
            "unit": c.unit,
            "strict": c.strict,
            "message": c.message_ja if lang == "ja" else c.message_en,
        })
    return pd.DataFrame(rows)


def breakdown_table(result: Result, lang: str) -> pd.DataFrame:
    return pd.DataFrame([{
        "item": b.label_ja if lang == "ja" else b.label_en,
        "clause": b.clause,
        "count": b.count,
        "actual_m2": b.actual_m2,
        "standard_m2": float("nan") if b.standard_m2 is None else b.standard_m2,
        "bonus_m2": b.bonus_m2,
    } for b in result.bonus_breakdown], columns=["item", "clause", "count", "actual_m2", "standard_m2", "bonus_m2"])


def _num(v, lang: str):
    if isinstance(v, bool):
        return ("はい" if v else "いいえ") if lang == "ja" else ("yes" if v else "no")
    return v


_UNITS = {"m2": "㎡", "m": "m", "ratio": "", "": ""}


def _display(v, unit: str) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "—"
    if isinstance(v, str):
        return v
    return f"{v:,.4f}" if unit == "ratio" else f"{v:,.2f} {_UNITS.get(unit, unit)}".strip()


def checks_display(checks: pd.DataFrame) -> pd.DataFrame:
    """The checks table for the screen: required, actual and margin as text with their units."""
    out = checks.drop(columns=["id", "strict", "unit"]).copy()
    for column in ("required", "actual", "margin"):
        out[column] = [_display(v, u) for v, u in zip(checks[column], checks.unit)]
    return out


def breakdown_display(breakdown: pd.DataFrame) -> pd.DataFrame:
    """The bonus breakdown for the screen: areas as text in ㎡, "—" where a line has no standard."""
    out = breakdown.copy()
    for column in ("actual_m2", "standard_m2", "bonus_m2"):
        out[column] = [_display(v, "m2") for v in breakdown[column]]
    return out
