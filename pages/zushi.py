"""Zushi (逗子市): progress and budgets of the comprehensive-plan programs (evaluation sheets)."""

from functools import partial

import streamlit as st

from machi import ui
from machi.core import fmt
from machi.core.text import in_language, t
from machi.zushi import charts
from machi.zushi import logic as zushi

lang = ui.language()
all_programs = ui.query("zushi/programs")
progress_scale = ui.query("zushi/progress_scale").set_index("progress")
evaluation_scale = ui.query("zushi/evaluation_scale").set_index("code")
evaluation_text = partial(zushi.evaluation_text, evaluation_scale, lang=lang)  # "○ (b) 概ね順調であるとみなせる"
progress_badge = partial(zushi.progress_badge, progress_scale, lang=lang)
evaluation_badge = partial(zushi.evaluation_badge, evaluation_scale, lang=lang)

# --- filters (sidebar, kept in the URL) ----------------------------------------------------------
years = sorted(all_programs.fiscal_year.unique().tolist(), reverse=True)
st.sidebar.subheader(t("zushi.filters", lang))
fy_label = partial(fmt.fiscal_year, lang=lang)
year = int(ui.url_choice(t("zushi.fiscal_year", lang), [str(y) for y in years], "fy", fy_label, st.sidebar))
in_year = all_programs[all_programs.fiscal_year == year]
FILTERS = zushi.filter_choices(in_year, progress_scale, evaluation_scale, lang)  # {field: (label, options, key, fmt)}
chosen = ui.url_filters(t("zushi.conditions", lang, names=zushi.filter_names(FILTERS, lang)), FILTERS)  # folded
conditions = zushi.filter_summary(chosen, FILTERS, lang)
st.sidebar.caption(fmt.md_text(conditions))
filters = zushi.Filters(fiscal_year=year, **{f: tuple(v) for f, v in chosen.items()})
programs = zushi.filter_programs(all_programs, filters)

# --- title, the data's date, reading notes, headline ---------------------------------------------
tabs = ui.Sections("zushi", lang)
with tabs.top():  # in the chamber view: the first screen
    st.title(t("zushi.title", lang))
    st.markdown(t("zushi.subtitle", lang, year=fmt.fiscal_year(year, lang)))
    ui.data_date(["zushi_2021_sheets"], lang)
    ui.see_also("zushi", lang)  # its vacancy rate beside Osaka's and Japan's
    with ui.expander(t("zushi.how_to_read", lang)):
        st.markdown(t("zushi.how_to_read_body", lang))
    if programs.empty:
        st.warning(t("zushi.no_match", lang))
        ui.source_footer(["zushi_2021_sheets"], lang)
        st.stop()

    h = zushi.headline(programs)
    st.caption(f"{t('zushi.shown', lang, n=h.programs, total=len(in_year))} · {fmt.md_text(conditions)}")
    ui.metric_row(zushi.headline_figures(h, year, lang))
    for counts in zushi.status_counts(h, progress_scale, evaluation_scale, lang):  # progress; evaluation
        ui.metric_row(counts)
    st.caption(t("zushi.derived_note", lang))


# --- the sections, one tab each ------------------------------------------------------------------
@tabs.section("matrix")
def matrix():
    """Progress × evaluation: which programs sit in each cell."""
    st.subheader(t("zushi.matrix", lang))
    st.caption(t("zushi.matrix_note", lang))
    cells = zushi.matrix(programs, lang)
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


@tabs.section("budget")
def budgets():
    """Budgets grouped by the chosen level."""
    st.subheader(t("zushi.budget", lang))
    st.info(t("zushi.budget_note", lang))
    level = ui.url_radio(
        t("zushi.budget_level", lang), zushi.BUDGET_LEVELS, "level", lambda v: t(f"zushi.level.{v}", lang)
    )
    budget = zushi.budget_by(programs, level, lang)
    ui.chart(charts.budget_bars, budget, lang, key="budget_chart")
    _, shown = zushi.budget_table(budget, level, lang)
    st.markdown(fmt.md_grid(shown, right=tuple(shown.columns[1:])))  # every header and name whole, on paper too
    ui.downloads(shown)


@tabs.section("targets")
def targets():
    """The numeric targets of the shown programs, each with its progress from baseline to target."""
    kpis = zushi.kpis_of(zushi.kpi_progress(ui.query("zushi/kpis")), programs)
    st.subheader(t("zushi.targets", lang))
    st.caption(t("zushi.targets_note", lang))
    if kpis.empty:
        st.info(t("zushi.no_targets", lang))
    else:  # every target's share on one scale; its values in its own unit on its card below
        ui.chart(charts.targets_progress, kpis, lang, key="kpis")
        ui.downloads(zushi.kpi_table(kpis, lang))
    grid = st.columns(2)
    for i, k in enumerate(kpis.itertuples()):
        with grid[i % 2].container(border=True):
            st.markdown(f"**{fmt.md_text(in_language(k, 'indicator', lang))}**")
            ui.link("pages/zushi.py", *zushi.sheet_link(k, lang))  # its full sheet
            st.metric(t("zushi.share", lang), fmt.percent(k.share_pct, 1, lang=lang), border=False)
            st.markdown(fmt.md_text(zushi.kpi_values(k, lang)))
            if k.below_baseline:
                st.warning(t("zushi.below_baseline", lang))
                st.markdown(f"**{t('zushi.field.circumstances_ja', lang)}**：{fmt.md_text(k.circumstances_ja)}")
            st.caption(zushi.kpi_reading(k, lang))
            if k.note_ja:
                st.caption(f"{t('zushi.reading', lang)}: {fmt.md_text(in_language(k, 'note', lang))}")


@tabs.section("programs")
def table():  # the shown programs, a row each, with the download
    st.subheader(t("zushi.table", lang))
    ui.table(zushi.program_table(programs, progress_scale, evaluation_scale, lang), whole=True)  # every column


@tabs.section("sheet")
def sheet_detail():  # one program's full sheet
    st.subheader(t("zushi.detail", lang))
    ids = [str(s) for s in programs.sheet_no]
    labels = dict(zip(ids, (zushi.program_label(r, lang) for r in programs.itertuples())))
    chosen = ui.url_choice(t("zushi.choose_program", lang), ids, "sheet", format_func=labels.get)
    p = programs[programs.sheet_no == int(chosen)].iloc[0]
    st.markdown(f"### {fmt.md_text(labels[chosen])}")
    st.caption(t("zushi.label_note", lang))
    st.markdown(f"{progress_badge(p.progress)} {evaluation_badge(p.evaluation)}")
    st.markdown(zushi.sheet_markdown(p, lang))  # its facts, then every text field of the sheet


@tabs.section("years", when=len(years) > 1)  # the loaded fiscal years compared
def years_compared():
    st.subheader(t("zushi.years", lang, first=fy_label(years[-1]), last=fy_label(years[0])))
    st.caption(t("zushi.years_note", lang))
    ui.chart(charts.spending_by_year, all_programs, lang, key="years_chart")
    ui.table(zushi.year_moves(all_programs, progress_scale, evaluation_scale, lang), whole=True)


tabs.draw()
ui.source_footer(["zushi_2021_sheets"], lang)
