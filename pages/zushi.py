"""Zushi (逗子市): progress and budgets of the comprehensive-plan programs (evaluation sheets)."""

import streamlit as st

from machi import charts, fmt, ui, zushi
from machi.i18n import t

lang = ui.current_language()
ja = lang == "ja"
all_programs = ui.query("zushi_programs")
progress_scale = ui.query("zushi_progress_scale").set_index("progress")
evaluation_scale = ui.query("zushi_evaluation_scale").set_index("code")


def progress_text(p: str) -> str:
    s = progress_scale.loc[p]
    return f"{s.symbol} {s.code} {s.label_ja if ja else s.label_en}"


def evaluation_text(e: str) -> str:
    s = evaluation_scale.loc[e]
    return f"{s.symbol} ({e}) {s.label_ja if ja else s.label_en}"


def progress_badge(p: str) -> str:
    return f":{zushi.PROGRESS_COLOURS[p]}-badge[{progress_text(p)}]"


def evaluation_badge(e: str) -> str:
    return f":{zushi.EVALUATION_COLOURS[e]}-badge[{evaluation_text(e)}]"


# --- filters (sidebar, kept in the URL) ----------------------------------------------------------
years = sorted(all_programs.fiscal_year.unique().tolist(), reverse=True)
st.sidebar.subheader(t("zushi.filters", lang))
year = int(ui.url_choice(t("zushi.fiscal_year", lang), [str(y) for y in years], "fy",
                         format_func=lambda y: fmt.fiscal_year(int(y), lang), where=st.sidebar))
in_year = all_programs[all_programs.fiscal_year == year]
sections = dict(zip(in_year.section_ja, in_year.section_no))
policies = dict(zip(in_year.policy_code, in_year.policy_ja))
departments = dict(zip(in_year.department_code, in_year.department_ja))
# the other conditions folded into a popover (drawn only when opened), what is chosen listed below it
FILTERS = {  # Filters field: (label key, options, URL key, format)
    "sections": ("zushi.section", sorted(sections, key=sections.get), "section", str),
    "policies": ("zushi.policy", sorted(policies), "policy", lambda c: f"{c} {policies[c]}"),
    "departments": ("zushi.department", sorted(departments), "dept", lambda c: f"{departments[c]}（{c}）"),
    "progress": ("zushi.progress", list(zushi.PROGRESS), "progress", progress_text),
    "evaluations": ("zushi.evaluation", list(zushi.EVALUATIONS), "evaluation", evaluation_text),
}
list_sep, group_sep = ("・", " ／ ") if ja else (", ", "; ")
item_sep = t("common.item_sep", lang)
names = list_sep.join(t(label, lang) for label, *_ in FILTERS.values())
with st.sidebar.popover(t("zushi.conditions", lang, names=names), width="stretch"):
    chosen = {field: ui.url_multiselect(t(label, lang), options, key, format_func=fn, where=st)
              for field, (label, options, key, fn) in FILTERS.items()}
conditions = [f"{t(FILTERS[f][0], lang)}: {item_sep.join(FILTERS[f][3](v) for v in values)}" for f, values in chosen.items() if values]
conditions_text = t("zushi.active_filters", lang, conds=group_sep.join(conditions)) if conditions else t("zushi.no_filters", lang)
st.sidebar.caption(fmt.md_text(conditions_text))
filters = zushi.Filters(fiscal_year=year, **{f: tuple(v) for f, v in chosen.items()})
programs = ui.memo(zushi.filter_programs, all_programs, filters)

# --- title, reading notes, headline --------------------------------------------------------------
st.title(t("zushi.title", lang))
st.markdown(t("zushi.subtitle", lang, year=fmt.fiscal_year(year, lang)))
with st.expander(t("zushi.how_to_read", lang)):
    st.markdown(t("zushi.how_to_read_body", lang))

if programs.empty:
    st.warning(t("zushi.no_match", lang))
    ui.source_footer(["zushi_2021_sheets"], lang)
    st.stop()

h = ui.memo(zushi.headline, programs)
st.caption(f"{t('zushi.shown', lang, n=h.programs, total=len(in_year))} · {fmt.md_text(conditions_text)}")
ui.metric_row([
    (t("zushi.programs", lang), fmt.number(h.programs), None),
    (t("zushi.actual_total", lang, year=fmt.fiscal_year(year, lang)),
     fmt.with_unit(h.actual_total_yen, "yen", lang=lang),
     t("zushi.actual_total_help", lang, missing=h.actual_missing)),
    (t("zushi.plan_total", lang), fmt.with_unit(h.plan_total_kyen, "kyen", lang=lang), t("zushi.plan_total_help", lang)),
])
with st.container(horizontal=True, gap="small"):
    for p in zushi.PROGRESS:
        st.metric(f":{zushi.PROGRESS_COLOURS[p]}[{progress_text(p)}]", f"{h.by_progress[p]}", border=True)
with st.container(horizontal=True, gap="small"):
    for e in zushi.EVALUATIONS:
        st.metric(f":{zushi.EVALUATION_COLOURS[e]}[{evaluation_text(e)}]", f"{h.by_evaluation[e]}", border=True)
st.caption(t("zushi.derived_note", lang))

# --- the sections, one tab each: only the open tab is computed and drawn -------------------------
def matrix():
    """Progress × evaluation: which programs sit in each cell."""
    st.subheader(t("zushi.matrix", lang))
    st.caption(t("zushi.matrix_note", lang))
    cells = ui.memo(zushi.matrix, programs)
    widths = [1.3, 1, 1, 1]
    header = st.columns(widths)
    header[0].markdown(f"**{t('zushi.progress', lang)} ＼ {t('zushi.evaluation', lang)}**")
    for col, e in zip(header[1:], zushi.EVALUATIONS):  # coloured words, not a badge: they wrap instead of being cut
        col.markdown(f":{zushi.EVALUATION_COLOURS[e]}[**{evaluation_text(e)}**]")
    for p in zushi.PROGRESS:
        row = st.columns(widths)
        row[0].markdown(progress_badge(p))
        for col, e in zip(row[1:], zushi.EVALUATIONS):
            names = cells[(p, e)]
            with col.container(border=bool(names)):
                if names:
                    st.markdown(f"**{t('zushi.count', lang, n=len(names))}**")
                    st.markdown("\n".join(f"- {fmt.md_text(n)}" for n in names))
                else:
                    st.markdown("—")


@st.fragment
def budgets():
    """Budgets grouped by the chosen level: the level radio reruns only this part."""
    st.subheader(t("zushi.budget", lang))
    st.info(t("zushi.budget_note", lang))
    level = ui.url_choice(t("zushi.budget_level", lang), list(zushi.BUDGET_LEVELS), "level",
                          format_func=lambda v: t(f"zushi.level.{v}", lang), widget="radio")
    budget = ui.memo(zushi.budget_by, programs, level)
    ui.chart(charts.budget_bars, budget, lang, key="budget_chart")
    names = {
        "name": t(f"zushi.level.{level}", lang),
        "programs": t("zushi.col.programs", lang),
        "actual_yen": t("zushi.col.actual_yen", lang),
        "actual_missing": t("zushi.col.actual_missing", lang),
        "plan_kyen": t("zushi.col.plan_kyen", lang),
        "share_pct": t("zushi.col.share_pct", lang),
    }
    table = budget[list(names)].rename(columns=names)
    # a static table: a few rows, every header and name whole on screen and on paper (one Markdown text)
    st.markdown(fmt.md_grid(budget[list(names)].assign(
        programs=budget.programs.map(fmt.number),
        actual_yen=budget.actual_yen.map(lambda v: fmt.number(v, lang=lang)),
        actual_missing=budget.actual_missing.map(fmt.number),
        plan_kyen=budget.plan_kyen.map(fmt.number),
        share_pct=budget.share_pct.map(lambda v: fmt.percent(v, 1, lang)),
    ).rename(columns=names), right=tuple(names[c] for c in list(names)[1:])))
    ui.download_csv(table, f"zushi_budget_{level}_{year}", lang, key="download_budget")


def targets():
    """The numeric targets of the shown programs, each with its progress from baseline to target."""
    kpis = ui.memo(zushi.kpi_progress, ui.query("zushi_kpis"))
    kpis = kpis[(kpis.fiscal_year == year) & kpis.sheet_no.isin(programs.sheet_no)]
    st.subheader(t("zushi.targets", lang))
    st.caption(t("zushi.targets_note", lang))
    if kpis.empty:
        st.info(t("zushi.no_targets", lang))
    else:  # every target's share on one scale; its values in its own unit on its card below
        ui.chart(charts.targets_progress, kpis, lang, key="kpis")
    grid = st.columns(2)
    for i, k in enumerate(kpis.itertuples()):
        with grid[i % 2].container(border=True):
            st.markdown(f"**{fmt.md_text(k.indicator_ja)}**")
            st.caption(t("zushi.program_ref", lang, label=f"{k.sheet_no} {k.label_ja}"))
            st.metric(t("zushi.share", lang), fmt.percent(k.share_pct, 1, lang), border=False)
            st.markdown(fmt.md_text(zushi.kpi_values(k, lang)))
            if k.below_baseline:
                st.warning(t("zushi.below_baseline", lang))
                st.markdown(f"**{t('zushi.field.circumstances_ja', lang)}**：{fmt.md_text(k.circumstances_ja)}")
            st.caption(f"{t('zushi.kpi_baseline', lang)}: {fmt.md_text(k.baseline_label_ja)} · "
                       f"{t('zushi.kpi_target', lang)}: {fmt.md_text(k.target_label_ja)}")
            if k.note_ja:
                st.caption(f"{t('zushi.reading', lang)}: {fmt.md_text(k.note_ja)}")


def table():
    """The shown programs, a row each, with the download."""
    st.subheader(t("zushi.table", lang))
    columns = ["sheet_no", "label_ja", "policy_code", "policy_ja", "department_ja", "progress", "evaluation",
               "actual_cost_yen", "plan_cost_kyen"]
    shown = programs[columns].assign(
        progress=programs.progress.map(progress_text),
        evaluation=programs.evaluation.map(evaluation_text),
        actual_cost_yen=programs.actual_cost_yen.map(lambda v: fmt.number(v, lang=lang)),
        plan_cost_kyen=programs.plan_cost_kyen.map(fmt.number),
    ).rename(columns={c: t(f"zushi.col.{c}", lang) for c in columns})
    st.dataframe(shown, hide_index=True)
    ui.download_csv(programs, f"zushi_programs_{year}", lang, key="download_programs")


@st.fragment
def sheet_detail():
    """One program's full sheet: choosing another reruns only this part."""
    st.subheader(t("zushi.detail", lang))
    ids = [str(s) for s in programs.sheet_no]
    labels = dict(zip(ids, (zushi.program_label(r) for r in programs.itertuples())))
    chosen = ui.url_choice(t("zushi.choose_program", lang), ids, "sheet", format_func=labels.get)
    p = programs[programs.sheet_no == int(chosen)].iloc[0]
    st.markdown(f"### {fmt.md_text(labels[chosen])}")
    st.caption(t("zushi.label_note", lang))
    st.markdown(f"{progress_badge(p.progress)} {evaluation_badge(p.evaluation)}")
    facts = {
        t("zushi.fiscal_year", lang): fmt.fiscal_year(int(p.fiscal_year), lang),
        t("zushi.sheet_no", lang): str(p.sheet_no),
        t("zushi.section", lang): p.section_ja,
        t("zushi.policy", lang): f"{p.policy_code} {p.policy_ja}",
        t("zushi.department", lang): f"{p.department_ja}（{p.department_code}）",
        t("zushi.order_in_policy", lang): str(p.order_in_policy),
        t("zushi.col.actual_cost_yen", lang): fmt.with_unit(p.actual_cost_yen, "yen", lang=lang),
        t("zushi.col.plan_cost_kyen", lang): fmt.with_unit(p.plan_cost_kyen, "kyen", lang=lang),
    }
    st.markdown("\n".join(f"- **{k}**: {fmt.md_text(v)}" for k, v in facts.items()))
    for field in ("purpose_ja", "target_group_ja", "means_ja", "target_ja", "baseline_ja", "plan_items_ja",
                  "results_ja", "problems_ja", "circumstances_ja", "innovations_ja", "council_opinion_ja"):
        st.markdown(f"**{t(f'zushi.field.{field}', lang)}**")
        st.markdown(fmt.md_text(p[field]) if p[field] else f"*{t('zushi.field_empty', lang)}*")


SECTIONS = {"matrix": matrix, "budget": budgets, "targets": targets, "programs": table, "sheet": sheet_detail}
ui.tab_sections(SECTIONS, "zushi", lang)

ui.source_footer(["zushi_2021_sheets"], lang)
