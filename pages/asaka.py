"""Asaka (朝霞市): green-plan indicators 2025 → 2035, the pace they need, and what-if calculators."""

import streamlit as st

from machi import ui
from machi.asaka import charts
from machi.asaka import logic as asaka
from machi.core import fmt
from machi.core.text import beside, in_language, t

lang = ui.language()
indicators = ui.query("asaka/indicators").set_index("indicator_id", drop=False)
paths = ui.query("asaka/indicator_path")
actuals = ui.query("asaka/actuals")
defaults = ui.query("asaka/defaults").set_index("key")

tabs = ui.Sections("asaka", lang)
with tabs.top():  # in the chamber view: the first screen
    st.title(t("asaka.title", lang))
    st.markdown(t("asaka.subtitle", lang))
    ui.data_date(["asaka_green_plan_2026", "census_2020_asaka"], lang)
    ui.see_also("asaka", lang)
    with ui.expander(t("asaka.how_to_read", lang)):
        st.markdown(t("asaka.how_to_read_body", lang))


@tabs.section("overview")
def overview():
    """The four indicators: baseline, target, the change and pace they need, and whether on track."""
    st.subheader(t("asaka.indicators", lang))
    grid = st.columns(2)
    for n, i in enumerate(indicators.itertuples()):
        with grid[n % 2].container(border=True):
            st.subheader(in_language(i, "name", lang))
            if original := beside(lang, en=i.name_ja):
                st.caption(original)
            if i.definition_ja:
                st.caption(f"{t('asaka.definition', lang)}: {fmt.md_text(i.definition_ja)}")
            for row in asaka.indicator_figures(i, lang):
                ui.metric_row(row)
            for line in asaka.status_lines(i, actuals[actuals.indicator_id == i.indicator_id], lang):
                st.markdown(line)
    st.caption(t("asaka.status_rule", lang))
    ui.downloads(asaka.indicator_table(indicators, lang))


@tabs.section("paths")
def glide_paths():
    """Each indicator's required path from baseline to target, with the actuals published so far."""
    st.subheader(t("asaka.paths", lang))
    st.caption(t("asaka.paths_note", lang))
    st.caption(t("asaka.paths_actuals" if len(actuals) else "asaka.paths_no_actuals", lang))
    ui.chart(charts.glide_paths, indicators, paths, actuals, lang, key="paths")
    with ui.drawn_when_open(t("asaka.path_table", lang), key="asaka_path_table") as shown:
        if shown:
            st.table(fmt.md_table(asaka.path_table(indicators, paths, lang)), hide_index=True, border="horizontal")
            ui.downloads(asaka.path_table(indicators, paths, lang))


@tabs.section("cover")
def green_cover():
    facts = ui.query("asaka/facts")
    st.subheader(t("asaka.green_cover", lang))
    st.warning(t("asaka.green_cover_not_share", lang))
    ui.chart(charts.green_cover, ui.query("asaka/green_cover"), lang, key="green_cover")
    for f in facts[facts.fact_id == "green_loss_50y"].itertuples():
        st.markdown(t("asaka.cover_quote", lang, text=fmt.md_text(in_language(f, "text", lang))))
    st.caption(t("asaka.cover_points_note", lang))
    for f in facts[facts.fact_id == "carbon_stored_per_year"].itertuples():
        st.info(asaka.fact_line(f, lang))


@tabs.section("measures")
def priority_measures():
    measures = ui.query("asaka/measures")
    st.subheader(t("asaka.measures", lang))
    st.caption(t("asaka.measures_note", lang))
    ui.chart(charts.measure_counts, measures, lang, key="measure_counts")
    outline = asaka.measure_outline(measures, t("asaka.plan_target", lang), t("asaka.future_target", lang), lang)
    for n, (title, body) in enumerate(outline):
        with ui.drawn_when_open(title, key=f"asaka_outline_{n}") as shown:
            if shown:
                st.markdown(body)
    for m in measures[measures.plan_target_value.notna()].itertuples():
        ui.metric_row(asaka.measure_figures(m, lang))
    ui.downloads(asaka.measure_table(measures, lang))


def park_calculator(park):
    """Park area per person: what the per-person figures mean in hectares for a population."""
    st.subheader(t("asaka.park_calc", lang))
    start = defaults.loc["population_2020"]
    pop = ui.url_number(t("asaka.pop_now", lang), "pop", float(start.value), step=1000.0, format="%.0f")
    st.caption(asaka.default_note(start, lang))
    years, census = [str(y) for y in asaka.CENSUS_YEARS], lambda y: t("asaka.census_year", lang, year=y)
    pop_year = int(ui.url_choice(t("asaka.pop_year", lang), years, "pop_year", census))
    mode = ui.url_radio(
        t("asaka.pop_2035_mode", lang), ["rate", "number"], "mode", lambda m: t(f"asaka.mode.{m}", lang)
    )
    if mode == "number":
        pop35, rate = ui.url_number(t("asaka.pop_2035", lang), "pop35", None, step=1000.0, format="%.0f"), None
    else:
        rate = ui.url_number(t("asaka.rate", lang), "rate", asaka.ASSUMED_RATE_PCT, step=0.1, format="%.2f")
        pop35 = None
        if rate == asaka.ASSUMED_RATE_PCT:
            st.caption(t("asaka.assumed_rate", lang))
    s = ui.answer(
        "park",
        lambda: asaka.park_scenario(
            pop, pop35, rate, population_year=pop_year, mode=mode, **asaka.park_figures_of(park)
        ),
        lang,
    )
    if s is not None:
        figures, formula = asaka.park_figures(s, park, lang)
        ui.metric_row(figures)
        st.caption(formula)
        st.caption(asaka.year_mix(s.population_year, lang))


def share_calculator(share):
    """Green-space share: what the current and target shares mean in hectares of the city's area."""
    st.subheader(t("asaka.share_calc", lang))
    start = defaults.loc["city_area_km2"]
    area = ui.url_number(t("asaka.city_area", lang), "area", float(start.value), step=0.01, format="%.2f")
    st.caption(asaka.default_note(start, lang, decimals=2))
    shares = {"share_now_pct": share.baseline_value, "share_target_pct": share.target_value}
    g = ui.answer("share", lambda: asaka.green_share_scenario(area, **shares), lang)
    if g is not None:
        figures, formula = asaka.share_figures(g, share, lang)
        ui.metric_row(figures)
        st.caption(formula)


@tabs.section("whatif")
def what_ifs():
    st.subheader(t("asaka.whatif", lang))
    st.caption(t("asaka.whatif_note", lang))
    left, right = st.columns(2)
    with left.container(border=True):
        park_calculator(indicators.loc["park_area_per_person"])
    with right.container(border=True):
        share_calculator(indicators.loc["green_space_share"])


tabs.draw()
ui.source_footer(["asaka_green_plan_2026", "census_2020_asaka", "gsi_area_asaka"], lang)
