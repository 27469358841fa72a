"""Zushi (逗子市): filters, headline counts, the progress × evaluation matrix, budget sums and the
share of the way to each numeric target. Pure functions over the DataFrames of queries/zushi_*.sql.

Money: `actual_cost_yen` is the fiscal year's actual spending in 円 (NULL where the sheet has none);
`plan_cost_kyen` is the plan-period budget (2019–2022) in 千円. Every sum and ratio here is derived.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from machi import fmt
from machi.i18n import t

PROGRESS = ("on_schedule", "delayed", "not_started", "cancelled")
EVALUATIONS = ("a", "b", "c")
#: status colours (always shown with a symbol and a label, never alone); names are st.badge colours
PROGRESS_COLOURS = {"on_schedule": "green", "delayed": "orange", "not_started": "gray", "cancelled": "red"}
EVALUATION_COLOURS = {"a": "green", "b": "blue", "c": "orange"}
BUDGET_LEVELS = ("program", "policy", "section", "department")


@dataclass(frozen=True)
class Filters:
    """What the planner chose; an empty tuple means no restriction."""

    fiscal_year: int | None = None
    sections: tuple[str, ...] = ()
    policies: tuple[str, ...] = ()  # policy codes, e.g. "5-1"
    departments: tuple[str, ...] = ()  # department codes, e.g. "1310"
    progress: tuple[str, ...] = field(default=())  # on_schedule, delayed, …
    evaluations: tuple[str, ...] = ()  # a, b, c


def filter_programs(programs: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The programs that pass every filter."""
    keep = pd.Series(True, index=programs.index)
    if f.fiscal_year is not None:
        keep &= programs.fiscal_year == f.fiscal_year
    for column, chosen in (
        ("section_ja", f.sections),
        ("policy_code", f.policies),
        ("department_code", f.departments),
        ("progress", f.progress),
        ("evaluation", f.evaluations),
    ):
        if chosen:
            keep &= programs[column].isin(chosen)
    return programs[keep]


def program_label(row) -> str:
    """'6 海水浴場の開設・運営': sheet number and the short label (not the official title)."""
    return f"{row.sheet_no} {row.label_ja}"


@dataclass(frozen=True)
class Headline:
    programs: int
    by_progress: dict[str, int]
    by_evaluation: dict[str, int]
    actual_total_yen: int | None  # derived: sum over sheets that state a figure; None if none does
    actual_missing: int  # sheets with no actual spending figure
    plan_total_kyen: int | None  # derived: sum of the plan-period budgets


def headline(programs: pd.DataFrame) -> Headline:
    actual = programs.actual_cost_yen.dropna()
    return Headline(
        programs=len(programs),
        by_progress={p: int((programs.progress == p).sum()) for p in PROGRESS},
        by_evaluation={e: int((programs.evaluation == e).sum()) for e in EVALUATIONS},
        actual_total_yen=int(actual.sum()) if len(actual) else None,
        actual_missing=int(programs.actual_cost_yen.isna().sum()),
        plan_total_kyen=int(programs.plan_cost_kyen.sum()) if len(programs) else None,
    )


def matrix(programs: pd.DataFrame) -> dict[tuple[str, str], list[str]]:
    """{(progress, evaluation): [program labels]} for every cell of the scale, empty cells included."""
    cells: dict[tuple[str, str], list[str]] = {(p, e): [] for p in PROGRESS for e in EVALUATIONS}
    for row in programs.itertuples():
        cells[(row.progress, row.evaluation)].append(program_label(row))
    return cells


def budget_by(programs: pd.DataFrame, level: str) -> pd.DataFrame:
    """2021 spending against the plan-period budget, per program or summed by 施策, 節 or department.

    Columns: key, name, programs, actual_yen (sum of stated figures; NaN where no sheet states one),
    actual_missing (sheets with no figure), actual_kyen (derived: 円 ÷ 1,000), plan_kyen, share_pct
    (derived: actual_kyen ÷ plan_kyen × 100: one year's spending against the whole period's budget).
    """
    if level not in BUDGET_LEVELS:
        raise ValueError(f"level must be one of {BUDGET_LEVELS}, not {level!r}")
    df = programs.assign(
        key=_level_key(programs, level),
        name=_level_name(programs, level),
        missing=programs.actual_cost_yen.isna().astype(int),
    )
    out = (
        df.groupby(["key", "name"], sort=False)
        .agg(
            programs=("sheet_no", "size"),
            actual_yen=("actual_cost_yen", lambda s: s.sum(min_count=1)),
            actual_missing=("missing", "sum"),
            plan_kyen=("plan_cost_kyen", "sum"),
        )
        .reset_index()
    )
    out["actual_yen"] = out.actual_yen.astype("float64")  # NaN, not pd.NA, where no sheet states a figure
    out["actual_kyen"] = out.actual_yen / 1000
    out["share_pct"] = out.actual_kyen / out.plan_kyen.where(out.plan_kyen > 0) * 100
    return out.sort_values("key", key=_natural_key).reset_index(drop=True)


def _level_key(programs: pd.DataFrame, level: str) -> pd.Series:
    return {
        "program": programs.fiscal_year.astype(str) + "-" + programs.sheet_no.astype(str).str.zfill(3),
        "policy": programs.policy_code,
        "section": programs.section_no.astype(str),
        "department": programs.department_code,
    }[level]


def _level_name(programs: pd.DataFrame, level: str) -> pd.Series:
    return {
        "program": programs.sheet_no.astype(str) + " " + programs.label_ja,
        "policy": programs.policy_code + " " + programs.policy_ja,
        "section": programs.section_ja,
        "department": programs.department_ja + "（" + programs.department_code + "）",
    }[level]


def _natural_key(keys: pd.Series) -> pd.Series:
    return keys.map(lambda k: tuple(int(p) if p.isdigit() else p for p in str(k).split("-")))


def kpi_progress(kpis: pd.DataFrame) -> pd.DataFrame:
    """Adds share_pct: the share of the way from baseline to target covered by the actual value
    (derived: (actual − baseline) ÷ (target − baseline) × 100). Negative where the actual fell below
    the baseline; never clipped. NaN where there is no actual value, and where the target equals the
    baseline (no way to cover: the share is undefined, not infinite)."""
    out = kpis.copy()
    share = (out.actual - out.baseline) / (out.target - out.baseline) * 100
    out["share_pct"] = share.where(out.target != out.baseline)
    out["below_baseline"] = (out.actual - out.baseline) * (out.target - out.baseline) < 0
    return out


def kpi_values(row, lang: str) -> str:
    """A numeric target's values in its own unit, in the order of the section's title:
    "基準値 1,800 人/年 → 2021（令和3）年度 約520 人/年 → 目標 3,000 人/年" (a missing value: the
    no-data mark)."""
    def value(v, approx: bool = False) -> str:
        if fmt.is_missing(v):
            return t("common.no_data", lang)
        return f"{t('zushi.approx', lang) if approx else ''}{fmt.as_given(v, lang)} {row.unit}"

    return " → ".join([
        f"{t('zushi.kpi_baseline', lang)} {value(row.baseline)}",
        f"{fmt.fiscal_year(int(row.fiscal_year), lang)} {value(row.actual, bool(row.actual_approx))}",
        f"{t('zushi.kpi_target', lang)} {value(row.target)}",
    ])
