"""Asaka (朝霞市): the straight path from each indicator's baseline to its target, the pace it needs,
how actual observations compare, and the two what-if calculators. Pure functions.

All results here are derived values (computed from the plan's figures or the user's inputs).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from machi.core import fmt
from machi.core.inputs import InputError, number_in_range
from machi.core.text import in_language, t

#: relative tolerance for "on the path" comparisons (a value exactly on the path is on track)
_TOL = 1e-9
TARGET_YEAR = 2035


def required_value(baseline_year: int, baseline: float, target_year: int, target: float, year: int) -> float:
    """The value on the straight line from (baseline_year, baseline) to (target_year, target)."""
    return baseline + (target - baseline) * (year - baseline_year) / (target_year - baseline_year)


def path(indicator) -> pd.DataFrame:
    """year, required_value for every year from the baseline year to the target year (inclusive)."""
    years = range(int(indicator.baseline_year), int(indicator.target_year) + 1)
    return pd.DataFrame(
        {
            "year": list(years),
            "required_value": [
                required_value(
                    indicator.baseline_year, indicator.baseline_value, indicator.target_year, indicator.target_value, y
                )
                for y in years
            ],
        }
    )


def shown_value(indicator, value: float, decimals: int, lang: str) -> str:
    """A value of the indicator as the plan writes it: signed where the plan signs it (the satisfaction
    score, from −1.0 to +1.0), with a true minus sign."""
    if indicator.show_sign:
        return fmt.signed(value, decimals, lang=lang)
    return fmt.number(value, decimals, lang=lang).replace("-", "−")


def exact_decimals(values, least: int, most: int) -> int:
    """The fewest decimals, from `least` up to `most`, that write every value exactly (within float
    noise): 21.5, 21.58 → 2; 30.9, 31.0 → 1. `most` when none does (a path over a span that is not a
    power of ten can have endless decimals)."""
    for dec in range(least, most):
        if all(abs(v - round(v, dec)) <= 1e-9 * max(1.0, abs(v)) for v in values):
            return dec
    return most


def path_table(indicators: pd.DataFrame, paths: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The required paths as a table to read: a row per fiscal year, a column per indicator (its name
    and unit), each written with the plan's decimals or, where a year between needs them, up to two
    more (the pace's), never rounded within that (a year outside an indicator's path is blank)."""
    wide = paths.pivot(index="year", columns="indicator_id", values="required_value")
    out = pd.DataFrame({t("asaka.col.year", lang): [fmt.fiscal_year(int(y), lang) for y in wide.index]})
    for i in indicators.itertuples():
        if i.indicator_id not in wide:
            continue
        column = wide[i.indicator_id]
        dec = exact_decimals(column.dropna(), int(i.decimals), int(i.decimals) + 2)
        name = in_language(i, "name", lang)
        unit = unit_of(i, lang).strip()
        head = t("common.with_unit", lang, label=name, unit=unit) if unit else name
        out[head] = ["" if pd.isna(v) else shown_value(i, v, dec, lang) for v in column]
    return out


def change_needed(indicator) -> float:
    return indicator.target_value - indicator.baseline_value


def relative_change(indicator) -> tuple[str, float] | None:
    """How big the change needed is, in terms that compare across indicators (derived): ("baseline", % of
    the current value) for a measure with a true zero (an area, a count, a share); ("scale", % of the
    scale's width) for a rating whose scale is stated (the satisfaction score's −1.0 to +1.0); None when
    neither can be said (a zero current value, no stated top)."""
    change = change_needed(indicator)
    if indicator.scale_min == 0 and indicator.baseline_value:
        return "baseline", change / indicator.baseline_value * 100
    if not fmt.is_missing(indicator.scale_max) and indicator.scale_max > indicator.scale_min:
        return "scale", change / (indicator.scale_max - indicator.scale_min) * 100
    return None


def change_line(indicator, lang: str) -> str:
    """'必要な変化 +1.03㎡/人（現況値の +48.4%・派生値）': a panel's second title line."""
    d, per = int(indicator.decimals), change_unit(indicator, lang)
    change = f"{fmt.signed(change_needed(indicator), d, lang=lang)}{per}"
    rel = relative_change(indicator)
    if rel is None:
        return t("asaka.change_line", lang, change=change)
    kind, pct = rel
    lo, hi = (shown_value(indicator, v, 1, lang) for v in (indicator.scale_min, indicator.scale_max))
    scale = t("common.range", lang, lo=lo, hi=hi)
    relative = t(f"asaka.relative.{kind}", lang, pct=fmt.signed(pct, 1, lang=lang) + "%", scale=scale)
    return t("asaka.change_line_relative", lang, change=change, relative=relative)


def pace_needed(indicator) -> float:
    """Change per year needed to reach the target on time."""
    return change_needed(indicator) / (indicator.target_year - indicator.baseline_year)


@dataclass(frozen=True)
class Progress:
    latest_year: int
    latest_value: float
    required_then: float  # the path's value in the latest year
    on_track: bool  # at or beyond the path, in the direction of the target
    recent_pace: float | None  # change per year between the last two points (baseline counts as a point)
    projected_year: float | None  # when the target is met at the recent pace; None if never at that pace
    reached: bool


def progress(indicator, actuals: pd.DataFrame) -> Progress | None:
    """Compare the actual observations (year, value) of one indicator with its path.
    None when there is no observation after the baseline."""
    obs = actuals[actuals.year > indicator.baseline_year].sort_values("year")
    if obs.empty:
        return None
    points = [(int(indicator.baseline_year), float(indicator.baseline_value))]
    points += [(int(r.year), float(r.value)) for r in obs.itertuples()]
    (y0, v0), (y1, v1) = points[-2], points[-1]
    sign = math.copysign(1, change_needed(indicator)) if change_needed(indicator) else 1
    required_then = required_value(
        indicator.baseline_year, indicator.baseline_value, indicator.target_year, indicator.target_value, y1
    )
    tol = _TOL * max(1.0, abs(required_then))
    on_track = (v1 - required_then) * sign >= -tol
    reached = (v1 - indicator.target_value) * sign >= -tol
    pace = (v1 - v0) / (y1 - y0)
    if reached:
        projected = float(y1)
    elif pace * sign > 0:
        projected = y1 + (indicator.target_value - v1) / pace
    else:
        projected = None
    return Progress(y1, v1, required_then, bool(on_track), pace, projected, bool(reached))


STATUSES = ("on_track", "behind", "not_judged")
#: status colours (st.badge names), always with the status's symbol and words
STATUS_COLOURS = {"on_track": "green", "behind": "orange", "not_judged": "gray"}


def status(indicator, actuals: pd.DataFrame) -> str:
    """An indicator's status: on_track / behind against its straight path (see `progress`), or not_judged
    while no actual value after the baseline is published."""
    p = progress(indicator, actuals)
    return "not_judged" if p is None else ("on_track" if p.on_track else "behind")


def status_text(s: str, lang: str) -> str:
    """'✓ 順調（必要な道のり以上）': the status's symbol and words."""
    return t(f"asaka.{s}", lang)


def status_lines(indicator, actuals: pd.DataFrame, lang: str) -> list[str]:
    """An indicator card's status, in Markdown: its badge (symbol and words, in its colour), then the
    latest value against the path and when the target is met at the recent pace, or that no actual value
    is published yet."""
    s = status(indicator, actuals)
    badge = f":{STATUS_COLOURS[s]}-badge[{status_text(s, lang)}]"
    p = progress(indicator, actuals)
    if p is None:
        return [badge, t("asaka.no_actuals", lang)]
    _, latest, projection = progress_lines(indicator, p, lang)
    return [badge, latest, projection]


def status_counts(indicators: pd.DataFrame, actuals: pd.DataFrame, lang: str) -> str:
    """'－ 判定できません（実績値なし）4' … : how many indicators are in each status, the empty ones left out."""
    found = [status(i, actuals[actuals.indicator_id == i.indicator_id]) for i in indicators.itertuples()]
    sep = t("common.item_sep", lang)
    return sep.join(
        t("asaka.status_count", lang, status=status_text(s, lang), n=found.count(s)) for s in STATUSES if found.count(s)
    )


# --- what-if calculators --------------------------------------------------------------------------

MAX_POPULATION = 10_000_000
RATE_BOUNDS_PCT = (-10.0, 10.0)  # annual change of population, % per year
MAX_AREA_KM2 = 2_500.0  # larger than any municipality in Japan


@dataclass(frozen=True)
class ParkScenario:
    population_now: float
    population_year: int
    population_2035: float
    area_now_ha: float  # what today's ㎡/人 means in hectares for today's population
    area_needed_2035_ha: float  # what the 2035 ㎡/人 target needs for the 2035 population
    to_add_ha: float  # needed − now (negative: more than needed)


#: the years of the national census (国勢調査, every five years since 1920) up to the latest in the data (2020)
CENSUS_YEARS = tuple(range(2020, 1919, -5))
#: the 2035 population the park what-if starts from, for want of a published projection: no change (0 % a
#: year), said as an assumption on the page
ASSUMED_RATE_PCT = 0.0


def population_in(target_year: int, population_now: float, population_year: int, rate_pct: float) -> float:
    """Population after compounding an annual rate of change (% per year) from population_year."""
    return population_now * (1 + rate_pct / 100) ** (target_year - population_year)


def park_scenario(
    population_now,
    population_2035=None,
    rate_pct=None,
    *,
    population_year=2020,
    per_person_now_m2: float,
    per_person_target_m2: float,
    mode: str | None = None,
) -> ParkScenario:
    """Hectares of urban park that the per-person figures mean. Give the 2035 population either as a
    number or as an annual rate of change (% per year) from population_year; not both. `mode`
    ("number" or "rate") says which one the form asks for, so an empty one is named; None: whichever
    is given (a number is asked for when neither is)."""
    pop = number_in_range(
        "population_now",
        population_now,
        0,
        MAX_POPULATION,
        low_inclusive=False,
        label_ja="現在の人口",
        label_en="Current population",
        unit="人",
        unit_en="people",
    )
    year = int(
        number_in_range(
            "population_year",
            population_year,
            min(CENSUS_YEARS),
            max(CENSUS_YEARS),
            whole=True,
            grouping=False,
            label_ja="現在の人口の年（国勢調査）",
            label_en="Census year of the current population",
        )
    )
    if year not in CENSUS_YEARS:
        raise InputError(
            "population_year",
            f"Census years are every five years from 1920 to 2020; {year} has no census.",
            f"国勢調査は 1920 年から 5 年ごと（2020 年まで）です。{year} 年の国勢調査はありません。",
        )
    if mode not in (None, "number", "rate"):
        raise ValueError(f"mode must be 'number', 'rate' or None, not {mode!r}")
    if mode is None and population_2035 not in (None, "") and rate_pct not in (None, ""):
        raise InputError(
            "population_2035",
            "Give the 2035 population either as a number or as an annual rate of change, not both.",
            "2035年の人口は、人数か年平均増減率のどちらか一方で入力してください。",
        )
    if mode == "rate" or (mode is None and rate_pct not in (None, "")):
        rate = number_in_range(
            "rate_pct",
            rate_pct,
            *RATE_BOUNDS_PCT,
            label_ja="人口の年平均増減率",
            label_en="Annual population change",
            unit="%",
        )
        pop35 = population_in(TARGET_YEAR, pop, year, rate)
    else:  # a number is asked for when neither is given
        pop35 = number_in_range(
            "population_2035",
            population_2035,
            0,
            MAX_POPULATION,
            low_inclusive=False,
            label_ja="2035年の人口",
            label_en="2035 population",
            unit="人",
            unit_en="people",
        )
    now_ha = pop * per_person_now_m2 / 10_000
    need_ha = pop35 * per_person_target_m2 / 10_000
    return ParkScenario(pop, year, pop35, now_ha, need_ha, need_ha - now_ha)


@dataclass(frozen=True)
class GreenShareScenario:
    city_area_ha: float
    now_ha: float  # the current share of the city area, in hectares
    target_ha: float  # the target share, in hectares
    to_add_ha: float


def green_share_scenario(city_area_km2, *, share_now_pct: float, share_target_pct: float) -> GreenShareScenario:
    """Hectares of green space that the current and target shares of the city area mean."""
    area = number_in_range(
        "city_area_km2",
        city_area_km2,
        0,
        MAX_AREA_KM2,
        low_inclusive=False,
        label_ja="市域面積",
        label_en="City area",
        unit="km²",
    )
    ha = area * 100
    now = ha * share_now_pct / 100
    target = ha * share_target_pct / 100
    return GreenShareScenario(ha, now, target, target - now)


def number_label(row, lang: str) -> str:
    """A node's number as the plan prints it ('基本方針1', '1-1', '(1)'), in English 'Basic policy 1'."""
    label = row.number_label or ""
    if m := re.fullmatch(r"基本方針(\d+)", label):  # in Japanese the same words
        return t("asaka.policy_number", lang, n=m.group(1))
    return label


def measure_outline(
    measures: pd.DataFrame, plan_label: str, future_label: str, lang: str = "ja"
) -> list[tuple[str, str]]:
    """The measure tree as text: (policy title, Markdown list of its pillars, measures and targets) per
    policy, ★ marking the priority measures, in English the unofficial translations. Text from the plan is
    escaped for Markdown."""
    by_parent: dict[str, list] = {}
    for row in measures.itertuples():
        by_parent.setdefault("" if fmt.is_missing(row.parent_id) else row.parent_id, []).append(row)
    out = []

    def walk(node_id: str, depth: int, lines: list[str]) -> None:
        for c in by_parent.get(node_id, []):
            star = "★ " if c.is_priority else ""
            name = fmt.md_text(in_language(c, "name", lang))
            lines.append(f"{'  ' * depth}- {star}**{fmt.md_text(number_label(c, lang))}** {name}")
            if c.plan_target_ja:
                lines.append(f"{'  ' * (depth + 1)}- {plan_label}: {fmt.md_text(in_language(c, 'plan_target', lang))}")
            if c.future_target_ja:
                future = fmt.md_text(in_language(c, "future_target", lang))
                lines.append(f"{'  ' * (depth + 1)}- {future_label}: {future}")
            walk(c.node_id, depth + 1, lines)

    for policy in (r for r in measures.itertuples() if r.level == "policy"):
        lines: list[str] = []
        walk(policy.node_id, 0, lines)
        out.append((f"{number_label(policy, lang)} {in_language(policy, 'name', lang)}", "\n".join(lines) or "—"))
    return out


# --- the page's figures, in the reader's language ------------------------------------------------

Figure = tuple[str, str, "str | None"]  # (label, value, help text): one card of a row


def unit_of(indicator, lang: str) -> str:
    """The indicator's unit as written after a value, in the reader's language: ㎡/人, % (none for the
    satisfaction score); a unit that is a word is set off by a space (2.13 m²/person)."""
    unit = in_language(indicator, "unit", lang)
    unit = "" if fmt.is_missing(unit) else str(unit)
    return f" {unit}" if unit[:1].isascii() and unit[:1].isalpha() else unit


def change_unit(indicator, lang: str) -> str:
    """The unit of a change of the indicator: a change of a share is in points; the satisfaction score
    has no unit."""
    return t("asaka.points", lang) if indicator.unit == "%" else unit_of(indicator, lang)


def indicator_figures(i, lang: str) -> list[list[Figure]]:
    """Two rows of cards for an indicator: baseline and target as the plan writes them; the change and
    the yearly pace they need (derived)."""
    d, unit, per = int(i.decimals), unit_of(i, lang), change_unit(i, lang)
    return [
        [
            (
                t("asaka.baseline", lang, year=fmt.fiscal_year(int(i.baseline_year), lang)),
                f"{shown_value(i, i.baseline_value, d, lang)}{unit}",
                i.baseline_label_ja,
            ),
            (
                t("asaka.target", lang, year=fmt.fiscal_year(int(i.target_year), lang)),
                f"{shown_value(i, i.target_value, d, lang)}{unit}",
                i.target_label_ja,
            ),
        ],
        [
            (
                t("asaka.change_needed", lang),
                f"{fmt.signed(change_needed(i), d, lang=lang)}{per}",
                t("asaka.derived_help", lang),
            ),
            (
                t("asaka.pace_needed", lang),
                f"{fmt.signed(pace_needed(i), d + 2, lang=lang)}{per}",
                t("asaka.pace_help", lang, years=int(i.target_year - i.baseline_year)),
            ),
        ],
    ]


def progress_lines(i, p: Progress, lang: str) -> tuple[bool, str, str]:
    """(on track?, the latest value against the path, when the target is met at the recent pace)."""
    d, unit = int(i.decimals), unit_of(i, lang)
    latest = t(
        "asaka.latest",
        lang,
        year=fmt.fiscal_year(p.latest_year, lang),
        value=f"{shown_value(i, p.latest_value, d, lang)}{unit}",
        required=f"{shown_value(i, p.required_then, d + 1, lang)}{unit}",
    )
    if p.projected_year is None:
        return p.on_track, latest, t("asaka.never_at_pace", lang)
    return (
        p.on_track,
        latest,
        t(
            "asaka.projected",
            lang,
            year=f"{p.projected_year:.1f}",
            pace=f"{fmt.signed(p.recent_pace, d + 2, lang=lang)}{change_unit(i, lang)}",
        ),
    )


def measure_figures(m, lang: str) -> list[Figure]:
    """A numeric priority measure's cards: today's value (derived where the plan prints only the increment),
    the plan target and the future target."""
    approx = t("common.approx", lang)
    now = m.current_value if not fmt.is_missing(m.current_value) else m.current_value_derived
    derived = t(
        "asaka.current_derived",
        lang,
        target=fmt.number(m.plan_target_value, 1, lang=lang),
        inc=fmt.number(m.plan_increment_value, 1, lang=lang),
        unit=m.unit,
    )
    return [
        (
            t("asaka.measure_current", lang, name=in_language(m, "name", lang)),
            f"{approx}{fmt.number(now, 1, lang=lang)} {m.unit}",
            derived if fmt.is_missing(m.current_value) else None,
        ),
        (
            t("asaka.plan_target", lang),
            f"{approx}{fmt.number(m.plan_target_value, 1, lang=lang)} {m.unit}",
            in_language(m, "plan_target", lang),
        ),
        (
            t("asaka.future_target", lang),
            f"{approx}{fmt.number(m.future_target_value, 1, lang=lang)} {m.unit}",
            in_language(m, "future_target", lang),
        ),
    ]


def default_note(default, lang: str, decimals: int = 0) -> str:
    """Where a what-if input's starting value comes from (a row of the defaults query)."""
    return t(
        "asaka.default_source",
        lang,
        label=in_language(default, "label", lang),
        value=fmt.number(default.value, decimals, lang=lang),
        unit=in_language(default, "unit", lang),
        source=in_language(default, "source_title", lang),
    )


def _to_add(hectares: float, decimals: int, lang: str) -> Figure:
    """What the target needs beyond today: an area to add, or (below zero) a surplus, never a negative need."""
    if hectares < 0:
        return (
            t("asaka.surplus", lang),
            f"{fmt.number(-hectares, decimals, lang=lang)} ha",
            t("asaka.surplus_help", lang),
        )
    return (t("asaka.to_add", lang), f"{fmt.number(hectares, decimals, lang=lang)} ha", None)


def year_mix(population_year: int, lang: str) -> str:
    """The plain statement that the park what-if combines figures of different years."""
    return t("asaka.year_mix", lang, year=population_year)


def park_figures(s: ParkScenario, park, lang: str) -> tuple[list[Figure], str]:
    """The park what-if's cards (derived hectares) and the formula behind them."""
    return [
        (
            t("asaka.park_now", lang, value=f"{park.baseline_value:.2f}"),
            f"{fmt.number(s.area_now_ha, 2, lang=lang)} ha",
            None,
        ),
        (
            t("asaka.park_need", lang, value=f"{park.target_value:.2f}"),
            f"{fmt.number(s.area_needed_2035_ha, 2, lang=lang)} ha",
            None,
        ),
        _to_add(s.to_add_ha, 2, lang),
    ], t(
        "asaka.park_formula",
        lang,
        pop=fmt.number(s.population_now, lang=lang),
        pop35=fmt.number(s.population_2035, lang=lang),
        now=park.baseline_value,
        target=park.target_value,
    )


def share_figures(g: GreenShareScenario, share, lang: str) -> tuple[list[Figure], str]:
    """The green-space what-if's cards (derived hectares) and the formula behind them."""
    return [
        (
            t("asaka.share_now", lang, pct=f"{share.baseline_value:.1f}"),
            f"{fmt.number(g.now_ha, 1, lang=lang)} ha",
            None,
        ),
        (
            t("asaka.share_target", lang, pct=f"{share.target_value:.1f}"),
            f"{fmt.number(g.target_ha, 1, lang=lang)} ha",
            None,
        ),
        _to_add(g.to_add_ha, 1, lang),
    ], t("asaka.share_formula", lang, area=fmt.number(g.city_area_ha, 0, lang=lang))


def park_figures_of(park) -> dict[str, float]:
    """The plan's per-person park figures the park what-if starts from (㎡/人, FY2025 and FY2035)."""
    return {"per_person_now_m2": park.baseline_value, "per_person_target_m2": park.target_value}


def fact_line(f, lang: str) -> str:
    """A single figure the plan states, with its words (Markdown): 「年間約3,000t …」."""
    value = fmt.number(f.value, lang=lang)
    qualifier = (f.qualifier_ja and t("common.approx", lang)) or ""
    unit = fmt.md_text(in_language(f, "unit", lang))
    return t(
        "asaka.fact_line",
        lang,
        label=fmt.md_text(in_language(f, "label", lang)),
        value=f"{qualifier}{value} {unit}",
        text=fmt.md_text(in_language(f, "text", lang)),
    )


def indicator_table(indicators: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The four indicators as a table to read: baseline and target as the plan writes them, the change and
    the yearly pace they need (derived)."""
    rows = []
    for i in indicators.itertuples():
        (base, target), (change, pace) = indicator_figures(i, lang)
        rows.append(
            {
                t("asaka.indicators", lang): in_language(i, "name", lang),
                base[0]: base[1],
                target[0]: target[1],
                change[0]: change[1],
                pace[0]: pace[1],
            }
        )
    return pd.DataFrame(rows)


def measure_table(measures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The measure tree as a table to read: level, number, name (★ priority), plan and future targets."""
    return pd.DataFrame(
        {
            t("asaka.col.number", lang): [number_label(m, lang) for m in measures.itertuples()],
            t("asaka.col.measure", lang): [
                ("★ " if m.is_priority else "") + in_language(m, "name", lang) for m in measures.itertuples()
            ],
            t("asaka.plan_target", lang): [
                in_language(m, "plan_target", lang) if m.plan_target_ja else "" for m in measures.itertuples()
            ],
            t("asaka.future_target", lang): [
                in_language(m, "future_target", lang) if m.future_target_ja else "" for m in measures.itertuples()
            ],
        }
    )
