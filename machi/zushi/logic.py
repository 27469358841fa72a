"""Zushi (逗子市): filters, headline counts, the progress × evaluation matrix, budget sums and the
share of the way to each numeric target. Pure functions over the DataFrames of queries/zushi_*.sql.

Money: `actual_cost_yen` is the fiscal year's actual spending in 円 (NULL where the sheet has none);
`plan_cost_kyen` is the plan-period budget (2019–2022) in 千円. Every sum and ratio here is derived.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from machi.core import fmt
from machi.core.text import in_language, t

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


def program_label(row, lang: str = "ja") -> str:
    """'6 海水浴場の開設・運営': sheet number and the short label (not the official title), in English an
    unofficial translation of it."""
    return f"{row.sheet_no} {in_language(row, 'label', lang)}"


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


def matrix(programs: pd.DataFrame, lang: str = "ja") -> dict[tuple[str, str], list[str]]:
    """{(progress, evaluation): [program labels]} for every cell of the scale, empty cells included."""
    cells: dict[tuple[str, str], list[str]] = {(p, e): [] for p in PROGRESS for e in EVALUATIONS}
    for row in programs.itertuples():
        cells[(row.progress, row.evaluation)].append(program_label(row, lang))
    return cells


def budget_by(programs: pd.DataFrame, level: str, lang: str = "ja") -> pd.DataFrame:
    """2021 spending against the plan-period budget, per program or summed by 施策, 節 or department.

    Columns: key, name, programs, actual_yen (sum of stated figures; NaN where no sheet states one),
    actual_missing (sheets with no figure), actual_kyen (derived: 円 ÷ 1,000), plan_kyen, share_pct
    (derived: actual_kyen ÷ plan_kyen × 100: one year's spending against the whole period's budget).
    """
    if level not in BUDGET_LEVELS:
        raise ValueError(f"level must be one of {BUDGET_LEVELS}, not {level!r}")
    df = programs.assign(
        key=_level_key(programs, level),
        name=_level_name(programs, level, lang),
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


def _level_name(programs: pd.DataFrame, level: str, lang: str = "ja") -> pd.Series:
    def named(field: str) -> pd.Series:  # the query gives both languages (English falls back to Japanese)
        return programs[f"{field}_{lang}"]

    return {
        "program": programs.sheet_no.astype(str) + " " + named("label"),
        "policy": programs.policy_code + " " + named("policy"),
        "section": named("section"),
        "department": named("department").combine(programs.department_code, lambda n, c: _coded(n, c, lang)),
    }[level]


def _coded(name: str, code: str, lang: str) -> str:
    """A name with its code: '企画課（1110）', 'Planning Division (1110)'."""
    return t("common.coded", lang, name=name, code=code)


def _natural_key(keys: pd.Series) -> pd.Series:
    return keys.map(lambda k: tuple(int(p) if p.isdigit() else p for p in str(k).split("-")))


def kpis_of(kpis: pd.DataFrame, programs: pd.DataFrame) -> pd.DataFrame:
    """The numeric targets of the shown programmes (their fiscal years and sheets)."""
    shown = set(zip(programs.fiscal_year, programs.sheet_no))
    return kpis[[(y, n) in shown for y, n in zip(kpis.fiscal_year, kpis.sheet_no)]]


def sheet_link(k, lang: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """(the words, the query) of a link from a numeric target to its programme's sheet: its fiscal year,
    the sheet tab, its number."""
    query = (("fy", str(int(k.fiscal_year))), ("tab", "sheet"), ("sheet", str(int(k.sheet_no))))
    return t("zushi.open_sheet", lang, n=int(k.sheet_no)), query


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

    unit = in_language(row, "unit", lang)

    def value(v, approx: bool = False) -> str:
        if fmt.is_missing(v):
            return t("common.no_data", lang)
        return f"{t('zushi.approx', lang) if approx else ''}{fmt.as_given(v, lang=lang)} {unit}"

    return " → ".join(
        [
            f"{t('zushi.kpi_baseline', lang)} {value(row.baseline)}",
            f"{fmt.fiscal_year(int(row.fiscal_year), lang)} {value(row.actual, bool(row.actual_approx))}",
            f"{t('zushi.kpi_target', lang)} {in_language(row, 'target_label', lang)}",
        ]
    )


# --- words for the page: the scales' labels, the filter summary, the tables as shown ----------------


def progress_text(scale: pd.DataFrame, p: str, lang: str) -> str:
    """'▲ イ 予定より遅れている': the symbol, the code and the wording of a progress value (scale: the
    progress scale indexed by value)."""
    s = scale.loc[p]
    return f"{s.symbol} {s.code} {in_language(s, 'label', lang)}"


def evaluation_text(scale: pd.DataFrame, e: str, lang: str) -> str:
    """'◎ (a) 順調であるとみなせる' (scale: the evaluation scale indexed by code)."""
    s = scale.loc[e]
    return f"{s.symbol} ({e}) {in_language(s, 'label', lang)}"


def filter_summary(chosen: dict[str, list[str]], choices: dict, lang: str) -> str:
    """What the filters hold, in words ('Filtered: 施策: 5-1 …; progress: …'), or that nothing is filtered.
    chosen: {filter: [values]}; choices: filter_choices' result."""
    item_sep, group_sep = t("common.item_sep", lang), t("common.group_sep", lang)
    parts = [
        t("common.label_value", lang, label=choices[f][0], value=item_sep.join(choices[f][3](v) for v in values))
        for f, values in chosen.items()
        if values
    ]
    return t("zushi.active_filters", lang, conds=group_sep.join(parts)) if parts else t("zushi.no_filters", lang)


BUDGET_COLUMNS = ("name", "programs", "actual_yen", "actual_missing", "plan_kyen", "share_pct")


def budget_table(budget: pd.DataFrame, level: str, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the budget rows with their headers in the reader's language, the same rows formatted as shown:
    thousands separators, the share to one decimal) for a budget_by result."""
    names = {c: t(f"zushi.col.{c}", lang) for c in BUDGET_COLUMNS[1:]}
    names = {"name": t(f"zushi.level.{level}", lang), **names}
    raw = budget[list(BUDGET_COLUMNS)]
    shown = raw.assign(
        programs=raw.programs.map(lambda v: fmt.number(v, lang=lang)),
        actual_yen=raw.actual_yen.map(lambda v: fmt.number(v, lang=lang)),
        actual_missing=raw.actual_missing.map(lambda v: fmt.number(v, lang=lang)),
        plan_kyen=raw.plan_kyen.map(lambda v: fmt.number(v, lang=lang)),
        share_pct=raw.share_pct.map(lambda v: fmt.percent(v, 1, lang=lang)),
    )
    return raw.rename(columns=names), shown.rename(columns=names)


PROGRAM_COLUMNS = (
    "sheet_no",
    "label_ja",
    "policy_code",
    "policy_ja",
    "department_ja",
    "progress",
    "evaluation",
    "actual_cost_yen",
    "plan_cost_kyen",
)


def program_table(programs: pd.DataFrame, progress: pd.DataFrame, evaluation: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The programmes a row each, as shown: the scales in words, money with separators, headers in the
    reader's language."""
    columns = list(PROGRAM_COLUMNS)
    return (
        programs[columns]
        .assign(
            label_ja=programs[f"label_{lang}"],
            policy_ja=programs[f"policy_{lang}"],
            department_ja=programs[f"department_{lang}"],
            progress=programs.progress.map(lambda p: progress_text(progress, p, lang)),
            evaluation=programs.evaluation.map(lambda e: evaluation_text(evaluation, e, lang)),
            actual_cost_yen=programs.actual_cost_yen.map(lambda v: fmt.number(v, lang=lang)),
            plan_cost_kyen=programs.plan_cost_kyen.map(lambda v: fmt.number(v, lang=lang)),
        )
        .rename(columns={c: t(f"zushi.col.{c}", lang) for c in columns})
    )


def sheet_markdown(p, lang: str) -> str:
    """A programme's sheet as Markdown: its facts as a list, then each text field under its heading (an
    empty one marked as such)."""
    facts = "\n".join(f"- **{k}**: {fmt.md_text(v)}" for k, v in sheet_facts(p, lang).items())
    fields = [
        f"**{t(f'zushi.field.{f}', lang)}**\n\n" + (fmt.md_text(p[f]) if p[f] else f"*{t('zushi.field_empty', lang)}*")
        for f in SHEET_TEXT_FIELDS
    ]
    return "\n\n".join([facts, *fields])


SHEET_TEXT_FIELDS = (
    "purpose_ja",
    "target_group_ja",
    "means_ja",
    "target_ja",
    "baseline_ja",
    "plan_items_ja",
    "results_ja",
    "problems_ja",
    "circumstances_ja",
    "innovations_ja",
    "council_opinion_ja",
)


def sheet_facts(p, lang: str) -> dict[str, str]:
    """The key facts of one evaluation sheet, {label: value}, in the reader's language."""
    return {
        t("zushi.fiscal_year", lang): fmt.fiscal_year(int(p.fiscal_year), lang),
        t("zushi.sheet_no", lang): str(p.sheet_no),
        t("zushi.section", lang): in_language(p, "section", lang),
        t("zushi.policy", lang): f"{p.policy_code} {in_language(p, 'policy', lang)}",
        t("zushi.department", lang): _coded(in_language(p, "department", lang), p.department_code, lang),
        t("zushi.order_in_policy", lang): str(p.order_in_policy),
        t("zushi.col.actual_cost_yen", lang): fmt.with_unit(p.actual_cost_yen, "yen", lang=lang),
        t("zushi.col.plan_cost_kyen", lang): fmt.with_unit(p.plan_cost_kyen, "kyen", lang=lang),
    }


def filter_choices(in_year: pd.DataFrame, progress: pd.DataFrame, evaluation: pd.DataFrame, lang: str) -> dict:
    """The filters of a fiscal year's programmes: {field of Filters: (label, options, URL key, how an
    option reads)}; options are codes (a 施策's code, a department's code, a progress value …)."""
    sections = dict(zip(in_year.section_ja, in_year.section_no))
    section_names = dict(zip(in_year.section_ja, in_year[f"section_{lang}"]))
    policies = dict(zip(in_year.policy_code, in_year[f"policy_{lang}"]))
    departments = dict(zip(in_year.department_code, in_year[f"department_{lang}"]))
    return {
        "sections": (t("zushi.section", lang), sorted(sections, key=sections.get), "section", section_names.get),
        "policies": (t("zushi.policy", lang), sorted(policies), "policy", lambda c: f"{c} {policies[c]}"),
        "departments": (
            t("zushi.department", lang),
            sorted(departments),
            "dept",
            lambda c: _coded(departments[c], c, lang),
        ),
        "progress": (t("zushi.progress", lang), list(PROGRESS), "progress", lambda p: progress_text(progress, p, lang)),
        "evaluations": (
            t("zushi.evaluation", lang),
            list(EVALUATIONS),
            "evaluation",
            lambda e: evaluation_text(evaluation, e, lang),
        ),
    }


def filter_names(choices: dict, lang: str) -> str:
    """The filters' names in a list ('施策・所管課・…'), as the folded filters' button says them."""
    return t("common.list_sep", lang).join(label for label, *_ in choices.values())


def headline_figures(h: Headline, year: int, lang: str) -> list[tuple[str, str, str | None]]:
    """The cards over the shown programmes: how many, the year's stated spending (円, summed: derived) and
    the plan-period budget (千円, summed: derived)."""
    fy = fmt.fiscal_year(year, lang)
    return [
        (t("zushi.programs", lang), fmt.number(h.programs, lang=lang), None),
        (
            t("zushi.actual_total", lang, year=fy),
            fmt.with_unit(h.actual_total_yen, "yen", lang=lang),
            t("zushi.actual_total_help", lang, missing=h.actual_missing),
        ),
        (
            t("zushi.plan_total", lang),
            fmt.with_unit(h.plan_total_kyen, "kyen", lang=lang),
            t("zushi.plan_total_help", lang),
        ),
    ]


def kpi_reading(k, lang: str) -> str:
    """A numeric target's baseline and target as the sheet words them."""
    return (
        f"{t('zushi.kpi_baseline', lang)}: {fmt.md_text(in_language(k, 'baseline_label', lang))} · "
        f"{t('zushi.kpi_target', lang)}: {fmt.md_text(in_language(k, 'target_label', lang))}"
    )


def progress_badge(scale: pd.DataFrame, p: str, lang: str) -> str:
    """A progress value as a coloured badge with its symbol and words (never colour alone), in Markdown."""
    return f":{PROGRESS_COLOURS[p]}-badge[{progress_text(scale, p, lang)}]"


def evaluation_badge(scale: pd.DataFrame, e: str, lang: str) -> str:
    """An evaluation as a coloured badge with its symbol and words (never colour alone), in Markdown."""
    return f":{EVALUATION_COLOURS[e]}-badge[{evaluation_text(scale, e, lang)}]"


def status_counts(h: Headline, progress: pd.DataFrame, evaluation: pd.DataFrame, lang: str) -> list[list[tuple]]:
    """Two rows of cards: how many programmes at each progress, and at each evaluation; each label in its
    status colour with its symbol and words."""
    return [
        [
            (f":{PROGRESS_COLOURS[p]}[{progress_text(progress, p, lang)}]", f"{h.by_progress[p]}", None)
            for p in PROGRESS
        ],
        [
            (f":{EVALUATION_COLOURS[e]}[{evaluation_text(evaluation, e, lang)}]", f"{h.by_evaluation[e]}", None)
            for e in EVALUATIONS
        ],
    ]


def kpi_table(kpis: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The numeric targets as a table to read: programme, indicator, baseline, the year's value and the
    target in their own unit, and the share of the way (derived)."""
    return pd.DataFrame(
        {
            t("zushi.col.sheet_no", lang): kpis.sheet_no.astype(str).tolist(),
            t("zushi.col.label_ja", lang): kpis[f"label_{lang}"].tolist(),
            t("zushi.targets", lang): kpis[f"indicator_{lang}"].tolist(),
            t("zushi.kpi_values", lang): [kpi_values(k, lang) for k in kpis.itertuples()],
            t("zushi.share", lang): [fmt.percent(v, 1, lang=lang) for v in kpis.share_pct],
        }
    )


def latest_programmes(programs: pd.DataFrame) -> pd.DataFrame:
    """Each programme of every loaded fiscal year once, as its latest sheet has it, indexed by what ties it
    across years (its policy and its order within it: sheet numbers may change between years)."""
    return programs.sort_values("fiscal_year").groupby(["policy_code", "order_in_policy"]).last()


def year_moves(programs: pd.DataFrame, progress: pd.DataFrame, evaluation: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every programme of every loaded fiscal year, a row each (a programme is its policy and its order
    within it, as sheet numbers may change between years; named as in its latest year): its progress and
    evaluation in each year and how they moved from the first year to the last ("▲ イ → ● ア"; "—" where
    unchanged, "n/a" where the programme has no sheet in a year)."""
    years = sorted(programs.fiscal_year.unique())
    latest = latest_programmes(programs)
    rows = []
    for (policy, order), last in latest.sort_values("sheet_no").iterrows():
        mine = programs[(programs.policy_code == policy) & (programs.order_in_policy == order)].set_index("fiscal_year")
        row = {t("zushi.col.label_ja", lang): program_label(last, lang)}
        shown = {}
        for y in years:
            fy = fmt.fiscal_year(int(y), lang)
            here = mine.loc[y] if y in mine.index else None
            shown[y] = None if here is None else (here.progress, here.evaluation)
            row[t("zushi.years_progress", lang, year=fy)] = (
                t("common.no_data", lang) if here is None else progress_text(progress, here.progress, lang)
            )
            row[t("zushi.years_evaluation", lang, year=fy)] = (
                t("common.no_data", lang) if here is None else evaluation_text(evaluation, here.evaluation, lang)
            )
        first, last_seen = shown[years[0]], shown[years[-1]]
        moved = []
        if first and last_seen and first[0] != last_seen[0]:
            moved.append(f"{progress.loc[first[0]].symbol} {progress.loc[first[0]].code} → "
                         f"{progress.loc[last_seen[0]].symbol} {progress.loc[last_seen[0]].code}")  # fmt: skip
        if first and last_seen and first[1] != last_seen[1]:
            moved.append(f"({first[1]}) → ({last_seen[1]})")
        row[t("zushi.years_moved", lang)] = t("common.item_sep", lang).join(moved) or "—"
        rows.append(row)
    return pd.DataFrame(rows)
