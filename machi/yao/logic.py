"""Yao (八尾市): what the permit page needs around the engine in machi.yao.permit — the scenario in the URL,
the sensitivity sweep, and the result as tables. Pure functions."""

from __future__ import annotations

import base64
import copy
import functools
import json
import re
import tomllib
import zlib

import pandas as pd

from machi.core import fmt, forms, paths
from machi.core.inputs import entered, form_number, table_entered, table_rows
from machi.core.text import in_language, t
from machi.yao import barrier_free as bf_form
from machi.yao.permit import evaluate, parse_application
from machi.yao.permit.engine import Result
from machi.yao.permit.model import ValidationError

#: inputs the sensitivity chart can vary (key in the application, or the facilities' total)
SWEEP_FIELDS = (
    "site_area_m2",
    "base_far_pct",
    "facilities_total_m2",
    "building_area_m2",
    "green_area_m2",
    "effective_open_space_m2",
    "road_width_m",
    "base_coverage_pct",
)
_STATUS = {True: ("✓", "pass"), False: ("✗", "fail"), None: ("—", "not_applicable")}


def encode_scenario(app: dict) -> str:
    """A compact, URL-safe text for an application (JSON, deflated, base64url)."""
    raw = json.dumps(app, ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")


#: what a scenario link may hold: its length, its unpacked size, and how deep its JSON nests (an
#: application nests 5 deep; anything past these bounds is refused before it is parsed)
MAX_LINK_CHARS = 16_384
MAX_SCENARIO_BYTES = 65_536
MAX_SCENARIO_DEPTH = 12


def decode_scenario(text: str) -> dict:
    """The application encoded by encode_scenario; ValueError when the text is not one, or is larger
    or nests deeper than any application (bounded, so no link can exhaust memory or the stack)."""
    if len(text) > MAX_LINK_CHARS:
        raise ValueError("not a scenario link: too long")
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        inflate = zlib.decompressobj()
        raw = inflate.decompress(packed, MAX_SCENARIO_BYTES)
        if inflate.unconsumed_tail:
            raise ValueError("too large")
        if _nesting(raw) > MAX_SCENARIO_DEPTH:
            raise ValueError("nested too deep")
        app = json.loads(raw)
    except (ValueError, zlib.error, UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(f"not a scenario link: {exc}") from None
    if not isinstance(app, dict):
        raise ValueError("not a scenario link: not an object")
    return app


def _nesting(raw: bytes) -> int:
    """How deep the brackets of a JSON text nest, brackets inside strings not counted (an upper bound
    the parser would reach; computed without recursion)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif byte in b"]}":
            depth -= 1
    return deepest


# --- the scenario in the form ----------------------------------------------------------------------
# A link can hold anything (text, null, booleans, ±inf, 1e308 …). What a widget can show goes into it;
# what it cannot is kept aside and handed to the engine unchanged while the widget stays empty, so the
# engine's message names the field and the value. Nothing is silently turned into a number.

#: the form's label (a key of the text files) of each input field of the application
FIELD_LABELS = {
    "route": "yao.route",
    "zone": "yao.zone",
    "site_area_m2": "yao.site_area",
    "site_perimeter_m": "yao.perimeter",
    "road_width_m": "yao.road_width",
    "frontage_m": "yao.frontage",
    "road_through": "yao.road_through",
    "base_coverage_pct": "yao.coverage",
    "building_area_m2": "yao.building_area",
    "green_area_m2": "yao.green_area",
    "effective_open_space_m2": "yao.effective_open_space",
    "sidewalk_width_m": "yao.sidewalk",
    "base_far_pct": "yao.base_far",
    "parts": "yao.parts",
    "parts.height_m": "yao.height",
    "parts.setback_m": "yao.setback",
    "facilities": "yao.g.facilities",
    "facilities.kind": "yao.kind",
    "facilities.floor_area_m2": "yao.floor_area",
    "barrier_free": "yao.g.barrier_free",
    "sogo": "yao.g.sogo",
    "sogo.max_floor_area_m2": "yao.sogo_max",
    "sogo.floor_area_m2": "yao.sogo_used",
}
#: the input tabs of the form (the route and the use zone sit above them), in order; the barrier-free
#: tab is there only for that route (or when the application has barrier-free items)
INPUT_TABS = ("site", "layout", "facilities", "barrier_free", "sogo")
_TAB_OF = {
    "site_area_m2": "site",
    "site_perimeter_m": "site",
    "road_width_m": "site",
    "frontage_m": "site",
    "road_through": "site",
    "base_far_pct": "site",
    "base_coverage_pct": "layout",
    "building_area_m2": "layout",
    "green_area_m2": "layout",
    "effective_open_space_m2": "layout",
    "sidewalk_width_m": "layout",
    "parts": "layout",
    "facilities": "facilities",
    "barrier_free": "barrier_free",
    "sogo": "sogo",
}
#: the number fields of the application shown as number inputs
NUMBER_FIELDS = (
    "site_area_m2",
    "site_perimeter_m",
    "road_width_m",
    "frontage_m",
    "base_coverage_pct",
    "building_area_m2",
    "green_area_m2",
    "effective_open_space_m2",
    "sidewalk_width_m",
    "base_far_pct",
)


def input_tab(field: str) -> str | None:
    """The input tab that holds a field path of the engine (`parts[1].height_m` → "layout"); None for
    the route and the zone (above the tabs) and for paths the form has no input for."""
    return _TAB_OF.get(re.split(r"[.\[]", field, maxsplit=1)[0])


#: the labels of the barrier-free object's own fields (its items' fields: machi.yao.barrier_free)
_BF_LABELS = {
    "building": "yao.bf.building",
    "art19_applied": "yao.bf.art19_applied",
    "beppyo1_conforms": "yao.bf.beppyo1_conforms",
    "special_2000": "yao.bf.special_2000",
    "items": "yao.bf.items",
    "excluded_bf19_m2": "yao.bf.excluded",
    "other_increase_m2": "yao.bf.other_increase",
}


def field_label(field: str, lang: str) -> str:
    """The input a field path of the engine (e.g. `parts[1].height_m`, `barrier_free.items[0].length_m`)
    refers to, as the form names it: 「高さ（m）（2 行目）」, 「長さ L（m）（部分 1）」. A path the form has no
    input for (only a pasted JSON or a link can hold one) is named by the JSON key it is."""
    rows = [int(n) + 1 for n in re.findall(r"\[(\d+)\]", field)]
    general = re.sub(r"\[\d+\]", "", field)
    if general.startswith("barrier_free"):
        parts = general.split(".")[1:]
        if not parts:
            return t("yao.g.barrier_free", lang)
        if parts[0] == "items" and rows:
            name = parts[1] if len(parts) > 1 else "item"
            known = name in (*bf_form.ROW_NUMBERS, "row", "layout", "item", "accessible_route")
            label = t(f"yao.bf.{name}", lang) if known else t("yao.field_json", lang, name=name)
            return t("yao.field_part", lang, label=label, row=rows[0])
        key = _BF_LABELS.get(parts[0])
        return t(key, lang) if key else t("yao.field_json", lang, name=parts[0])
    key = FIELD_LABELS.get(general)
    if key is None:
        return t("yao.field_json", lang, name=field)
    label = t(key, lang)
    if rows and general.split(".")[0] in ("parts", "facilities"):
        label = t("yao.field_row", lang, label=label, row=rows[0])
    return label


PART_COLUMNS = ("height_m", "setback_m")
FACILITY_COLUMNS = ("kind", "floor_area_m2")
FACILITY_NUMBERS = ("floor_area_m2",)
EMPTY_BARRIER_FREE = {"building": "tokutei", "items": []}


def part_rows(app: dict) -> tuple[list[dict], dict]:
    """The building-parts editor's rows (one empty row when there is none) and the cells kept aside."""
    rows, kept = table_rows(app.get("parts"), PART_COLUMNS, PART_COLUMNS)
    return rows or [dict.fromkeys(PART_COLUMNS)], kept


def facility_rows(app: dict) -> tuple[list[dict], dict]:
    return table_rows(app.get("facilities"), FACILITY_COLUMNS, FACILITY_NUMBERS)


def untouched(app: dict, route: str) -> dict:
    """The application the form gives for a scenario when none of its inputs is touched: what each
    input starts with, or what it kept aside. The page starts from this and replaces the values of the
    inputs it draws (only the open input tab is drawn), so a hidden tab's inputs keep their values."""
    out: dict = {f: entered(*form_number(app.get(f))) for f in NUMBER_FIELDS}
    out["road_through"] = bool(app.get("road_through", False))
    out["parts"] = table_entered(*part_rows(app), PART_COLUMNS)
    out["facilities"] = table_entered(*facility_rows(app), FACILITY_NUMBERS)
    bf = app.get("barrier_free")
    if route == "barrier_free" or bf:
        # whatever a link holds is kept for the engine to name; nothing: a copy of the empty form, never the
        # shared default
        out["barrier_free"] = bf if bf or bf is False else copy.deepcopy(EMPTY_BARRIER_FREE)
    if app.get("sogo"):
        sogo = app["sogo"] if isinstance(app["sogo"], dict) else {}
        out["sogo"] = {"max_floor_area_m2": entered(*form_number(sogo.get("max_floor_area_m2")))}
        used = entered(*form_number(sogo.get("floor_area_m2")))
        if used is not None:  # empty: the 総合設計 limit is fully used
            out["sogo"]["floor_area_m2"] = used
    return out


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
        rows.append(
            {"value": v, "max_floor_area_m2": r.max_floor_area_m2, "eligible": r.eligible, "binding": r.binding}
        )
    return pd.DataFrame(rows, columns=["value", "max_floor_area_m2", "eligible", "binding"])


def checks_table(result: Result, lang: str) -> pd.DataFrame:
    """One row per check: status (symbol and word), clause, rule, required, actual, margin, message."""
    rows = []
    for c in result.checks:
        symbol, word = _STATUS[c.passed]
        rows.append(
            {
                "status": f"{symbol} {t(f'yao.status.{word}', lang)}",
                "id": c.id,
                "clause": c.clause,
                "rule": in_language(c, "label", lang),
                "required": _num(c.required, lang),
                "actual": _num(c.actual, lang),
                "margin": c.margin,
                "unit": c.unit,
                "strict": c.strict,
                "message": in_language(c, "message", lang),
            }
        )
    return pd.DataFrame(rows)


def breakdown_table(result: Result, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "item": in_language(b, "label", lang),
                "clause": b.clause,
                "count": b.count,
                "actual_m2": b.actual_m2,
                "standard_m2": float("nan") if b.standard_m2 is None else b.standard_m2,
                "bonus_m2": b.bonus_m2,
            }
            for b in result.bonus_breakdown
        ],
        columns=["item", "clause", "count", "actual_m2", "standard_m2", "bonus_m2"],
    )


def _num(v, lang: str):
    if isinstance(v, bool):
        return t("common.yes" if v else "common.no", lang)
    return v


_UNITS = {"m2": "㎡", "m": "m", "ratio": "", "": ""}


def _display(v, unit: str) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "—"
    if isinstance(v, str):
        return v
    # a no-break space: a narrow table column wraps before the figure, never between it and its unit
    return f"{v:,.4f}" if unit == "ratio" else f"{v:,.2f}\u00a0{_UNITS.get(unit, unit)}".strip()


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


# --- the answer, in the reader's language ---------------------------------------------------------


def result_figures(result: Result, lang: str) -> list[list[tuple[str, str, str | None]]]:
    """Two rows of cards: the base floor area and the bonus claimed and allowed; the maximum floor area,
    the FAR it gives and the cap (第5)."""

    def m2(v: float) -> str:
        return f"{fmt.number(v, 2, lang=lang)} ㎡"

    return [
        [
            (t("yao.base_floor_area", lang), m2(result.base_floor_area_m2), t("yao.base_help", lang)),
            (t("yao.bonus_claimed", lang), m2(result.bonus_claimed_m2), None),
            (t("yao.bonus_allowed", lang), m2(result.bonus_allowed_m2), None),
        ],
        [
            (t("yao.max_floor_area", lang), m2(result.max_floor_area_m2), None),
            (t("yao.max_far", lang), fmt.percent(result.max_far_pct, 1, lang=lang), t("yao.max_far_help", lang)),
            (t("yao.limit", lang), m2(result.limit_floor_area_m2), t("yao.limit_help", lang)),
        ],
    ]


def headed(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A result table (checks_display, breakdown_display) with its headers in the reader's language."""
    return table.rename(columns={c: t(f"yao.col.{c}", lang) for c in table.columns})


def invalid_message(error, lang: str) -> str:
    """What to fix, for an application the engine rejects: the field as the form names it, the reason,
    and (on a line of its own) the input tab that holds the field."""
    message = t("yao.invalid", lang, field=field_label(error.field, lang), message=error.message(lang))
    tab = input_tab(error.field)
    return message + (f"\n\n{t('yao.invalid_where', lang, tab=t(f'yao.in.{tab}', lang))}" if tab else "")


def result_json(app: dict, result: Result) -> str:
    """The application and its result as one JSON document (the download)."""
    return json.dumps({"application": app, "result": result.to_dict()}, ensure_ascii=False, indent=1)


def kept_fields(app: dict) -> dict:
    """The application without the optional keys left empty; an empty number field stays (None), so the
    engine names it and its range."""
    return {k: v for k, v in app.items() if v is not None or k in NUMBER_FIELDS}


# --- the form: the input groups, one tab each (the route and the zone sit above them) -------------


def input_groups(rules, app: dict, lang: str) -> dict[str, list]:
    """The form's groups of inputs as data (machi.core.forms), labelled in the reader's language. The
    barrier-free group is there for its route, or when the scenario has barrier-free items."""

    def number(name: str, label: str, step: float | None = None, **kw) -> forms.Number:
        return forms.Number(name, t(label, lang), step, **kw)

    kinds = {k: f"{v.mark} {v.name_ja}" for k, v in rules.facilities.kinds.items()}
    groups = {
        "site": [
            forms.Heading(t("yao.g.site", lang)),
            forms.Note(t("yao.g.site_note", lang)),
            number("site_area_m2", "yao.site_area", 10.0),
            number("site_perimeter_m", "yao.perimeter", 1.0),
            number("road_width_m", "yao.road_width", 0.5),
            number("frontage_m", "yao.frontage", 1.0),
            forms.Check("road_through", t("yao.road_through", lang)),
            forms.Heading(t("yao.g.far", lang)),
            number("base_far_pct", "yao.base_far", 10.0),
        ],
        "layout": [
            forms.Heading(t("yao.g.layout", lang)),
            number("base_coverage_pct", "yao.coverage", 10.0),
            number("building_area_m2", "yao.building_area", 10.0),
            number("green_area_m2", "yao.green_area", 10.0),
            number("effective_open_space_m2", "yao.effective_open_space", 10.0),
            number("sidewalk_width_m", "yao.sidewalk", 0.1),
            forms.Table(
                "parts",
                (
                    forms.Column("height_m", t("yao.height", lang), 120),
                    forms.Column("setback_m", t("yao.setback", lang), 150),
                ),
                PART_COLUMNS,
                part_rows,
                title=t("yao.parts", lang),
            ),
        ],
        "facilities": [
            forms.Heading(t("yao.g.facilities", lang)),
            forms.Table(
                "facilities",
                (
                    forms.Column("kind", t("yao.kind", lang), 180, options=kinds),
                    forms.Column("floor_area_m2", t("yao.floor_area", lang), 120),
                ),
                FACILITY_NUMBERS,
                facility_rows,
            ),
        ],
        "barrier_free": bf_form.group(rules, lang, field_label),
        "sogo": [
            forms.Heading(t("yao.g.sogo", lang)),
            forms.Optional(
                "sogo",
                t("yao.use_sogo", lang),
                (
                    number("max_floor_area_m2", "yao.sogo_max", key="sogo_max"),
                    number("floor_area_m2", "yao.sogo_used", key="sogo_used", optional=True),  # empty: all used
                ),
            ),
        ],
    }
    # the bonus of the route chosen: its facilities or its barrier-free parts (the other's inputs are
    # ignored, and a note says so), so that the tabs fit the column
    if app.get("route") == "barrier_free":
        del groups["facilities"]
    else:
        del groups["barrier_free"]
    return groups


def barrier_free_rows(bf: dict, rules, lang: str) -> list[tuple[str, str, str]]:
    """The barrier-free inputs as rows of the inputs table: the building's type and conditions, then each
    part with its figures."""
    group = t("yao.in.barrier_free", lang)
    building = bf.get("building")
    rows = [
        (
            group,
            t("yao.bf.building", lang),
            t(f"yao.bf.building.{building}", lang) if building in ("tokutei", "other") else str(building),
        )
    ]
    for flag in ("art19_applied", "special_2000", "beppyo1_conforms"):
        if flag in bf:
            rows.append((group, t(f"yao.bf.{flag}", lang), t("common.yes" if bf[flag] is True else "common.no", lang)))
    names = bf_form.kinds(rules, lang, "tokutei")
    figures = bf_form.row_figures(rules, lang)
    for n, item in enumerate(bf.get("items") or [], start=1):
        if not isinstance(item, dict):
            continue
        entered_values = []
        spec = rules.barrier_free.items.get(item.get("item"))
        if spec is not None and spec.table and item.get("row") in rules.tables[spec.table].rows:
            table = rules.tables[spec.table]
            entered_values.append(f"{table.clause} {table.rows[item['row']].mark}")
        if item.get("layout") in ("both_sides", "other"):
            entered_values.append(t(f"yao.bf.layout.{item['layout']}", lang))
        if item.get("accessible_route") is True:
            entered_values.append(t("yao.bf.accessible_route", lang))
        entered_values += [
            f"{t(f'yao.bf.{k}', lang)} {fmt.as_given(item[k], lang=lang)}"
            for k in bf_form.ROW_NUMBERS
            if isinstance(item.get(k), (int, float)) and not isinstance(item.get(k), bool)
        ]
        amounts = figures(item, bf)
        if not isinstance(amounts, str):
            entered_values += [f"{label} {value}" for label, value in amounts]
        kind = names.get(item.get("item"), str(item.get("item")))
        rows.append((group, t("yao.bf.part_named", lang, n=n, kind=kind), " · ".join(entered_values)))
    for field in ("excluded_bf19_m2", "other_increase_m2"):
        if isinstance(bf.get(field), (int, float)):
            rows.append((group, t(_BF_LABELS[field], lang), f"{fmt.as_given(bf[field], lang=lang)} ㎡"))
    return rows


def route_name(rules, route: str, lang: str) -> str:
    """A permit route as the criteria name it, as a label: its first letter capitalised (the rule file's
    English names are written to sit inside a sentence)."""
    name = in_language(rules.routes[route], "name", lang)
    return name[:1].upper() + name[1:]


def zone_name(rules, zone: str, lang: str) -> str:
    """A use zone as the law names it, with the Japanese beside the English."""
    z = rules.zones[zone]
    return t("common.name_with_original", lang, name=in_language(z, "name", lang), ja=z.name_ja)


def cap_note(result: Result, lang: str) -> str:
    """How the cap of 第5 was applied, with the base floor area and the limit in ㎡."""
    return t(
        "yao.cap_note",
        lang,
        base=fmt.number(result.base_floor_area_m2, 2, lang=lang),
        limit=fmt.number(result.limit_floor_area_m2, 2, lang=lang),
    )


def inputs_table(app: dict, rules, lang: str) -> pd.DataFrame:
    """Every input of the application as entered, a row each (the group it is in, the input as the form
    labels it, the value): what a printed verdict is traced back to."""
    rows = [
        (t("yao.g.route", lang), t("yao.route", lang), route_name(rules, app["route"], lang)),
        (t("yao.g.route", lang), t("yao.zone", lang), zone_name(rules, app["zone"], lang)),
    ]

    def shown(v) -> str:
        if isinstance(v, bool):
            return t("common.yes" if v else "common.no", lang)
        if isinstance(v, (int, float)):
            return fmt.as_given(v, lang=lang)
        return "—" if v is None else str(v)

    for field in (*NUMBER_FIELDS[:4], "road_through", "base_far_pct", *NUMBER_FIELDS[4:9]):
        rows.append((t(f"yao.in.{_TAB_OF[field]}", lang), t(FIELD_LABELS[field], lang), shown(app.get(field))))
    for n, part in enumerate(app.get("parts") or [], start=1):
        label = t("yao.field_row", lang, label=t("yao.parts", lang), row=n)
        height, setback = shown(part.get("height_m")), shown(part.get("setback_m"))
        value = f"{t('yao.height', lang)} {height} · {t('yao.setback', lang)} {setback}"
        rows.append((t("yao.in.layout", lang), label, value))
    kinds = rules.facilities.kinds
    for n, f in enumerate(app.get("facilities") or [], start=1):
        kind = kinds[f["kind"]].name_ja if f.get("kind") in kinds else shown(f.get("kind"))
        rows.append(
            (
                t("yao.in.facilities", lang),
                t("yao.field_row", lang, label=t("yao.kind", lang), row=n),
                f"{kind} · {shown(f.get('floor_area_m2'))} ㎡",
            )
        )
    if isinstance(app.get("barrier_free"), dict):
        rows += barrier_free_rows(app["barrier_free"], rules, lang)
    if isinstance(app.get("sogo"), dict):
        for field, key in (("max_floor_area_m2", "yao.sogo_max"), ("floor_area_m2", "yao.sogo_used")):
            if field in app["sogo"]:
                rows.append((t("yao.in.sogo", lang), t(key, lang), shown(app["sogo"][field])))
    columns = [t("yao.col.group", lang), t("yao.col.input", lang), t("yao.col.value", lang)]
    return pd.DataFrame(rows, columns=columns)


# --- what the verdict says beyond eligible or not --------------------------------------------------

_MARGIN_UNITS = {"m2": "㎡", "m": "m"}


def failing_lines(result: Result, lang: str, messages: bool = False) -> list[str]:
    """Each rule the plan fails, with its clause and by how much (Markdown lines); with `messages`, the rule
    file's own wording of the failure instead of the margin alone."""
    lines = []
    for c in result.checks:
        if c.passed is not False:
            continue
        rule = t("yao.failing_rule", lang, label=fmt.md_text(in_language(c, "label", lang)), clause=c.clause)
        if messages:
            said = fmt.md_text(in_language(c, "message", lang))
        elif c.margin is None or c.unit == "":
            said = t("yao.failing_flag", lang)
        elif c.unit == "ratio":
            said = t("yao.failing_ratio", lang, short=f"{-c.margin:.4f}")
        else:
            short = fmt.number(-c.margin, 2, lang=lang)
            said = t("yao.failing_by", lang, short=short, unit=_MARGIN_UNITS.get(c.unit, c.unit))
        if not c.strict and not messages:  # the rule file's message says so itself
            said += t("yao.failing_discretion", lang)
        lines.append(t("yao.failing_line", lang, rule=rule, said=said))
    return lines


@functools.lru_cache(maxsize=1)
def zone_limits() -> dict:
    """The FARs and coverage ratios the Building Standards Act lists by use zone (data/yao/bsa_zone_limits.toml)."""
    with (paths.DATA_DIR / "yao" / "bsa_zone_limits.toml").open("rb") as f:
        return tomllib.load(f)


def plausible_ranges(zone: str) -> dict[str, tuple[list[float], float, float]]:
    """For a use zone: {"far" | "coverage": (the values the Act lists, lowest plausible, highest plausible)}.
    FAR: Art. 52(1)'s list. Coverage: Art. 53(1)'s list, up to 20 points more (Art. 53(3)), and no limit
    (100 %) where 80 % is listed (Art. 53(6)(i))."""
    limits = zone_limits()
    out = {}
    if zone in limits["far"]:
        far = [float(v) for v in limits["far"][zone]]
        out["far"] = (far, min(far), max(far))
    if zone in limits["coverage"]:
        cov = [float(v) for v in limits["coverage"][zone]]
        no_limit = limits["coverage"]["no_limit_where"] in cov
        high = 100.0 if no_limit else min(100.0, max(cov) + limits["coverage"]["relaxation_points"])
        out["coverage"] = (cov, min(cov), high)
    return out


def plausibility(app: dict | None, rules, lang: str) -> list[str]:
    """Warnings for a base FAR or coverage a zone cannot ordinarily have (Art. 52(1), 53): the zone, the
    values the Act lists and what the calculation did (it goes on with the value entered)."""
    if not app or app.get("zone") not in rules.zones:
        return []
    ranges = plausible_ranges(app["zone"])  # the words start after the ⚠ the page shows as its icon
    zone = zone_name(rules, app["zone"], lang)
    sep = t("common.list_sep", lang)
    out = []
    for kind, field in (("far", "base_far_pct"), ("coverage", "base_coverage_pct")):
        value = app.get(field)
        if kind not in ranges or not isinstance(value, (int, float)) or isinstance(value, bool):
            continue
        listed, low, high = ranges[kind]
        if low <= value <= high:
            continue
        out.append(
            t(
                f"yao.implausible.{kind}",
                lang,
                zone=zone,
                value=fmt.as_given(value, lang=lang),
                listed=sep.join(fmt.as_given(v, lang=lang) for v in listed),
                low=fmt.as_given(low, lang=lang),
                high=fmt.as_given(high, lang=lang),
                clause=zone_limits()[kind][f"clause_{lang}" if lang in ("ja", "en") else "clause_ja"],
            )
        )
    return out
