"""Osaka (大阪市): ward vacancy statistics, the dangerous-vacant-house policy and its danger score."""

import streamlit as st

from machi import ui
from machi.core import fmt
from machi.core.text import in_language, t
from machi.osaka import charts, danger
from machi.osaka import logic as osaka

WARDS_GEOJSON = "osaka/osaka_city_wards_n03_2020.geojson"
MAP_TOLERANCE_DEG = 0.0002  # boundaries drawn to about 20 m; the map shows about 17 km in 570 px, 30 m a pixel

lang = ui.language()
rows = ui.query("osaka/wards")
year = int(rows[rows.row_kind == "ward"].dropna(subset=["dwellings_total"]).survey_year.max())
now = rows[rows.survey_year == year]
wards = now[now.row_kind == "ward"]
refs = now.set_index("row_kind")
tabs = ui.Sections("osaka", lang)

with tabs.top():  # in the chamber view: the first screen
    st.title(t("osaka.title", lang))
    st.markdown(t("osaka.subtitle", lang, year=fmt.calendar_year(year, lang)))
    ui.data_date(["estat_jyutaku2023_t1_2", "osaka_akiya_policy"], lang)
    with ui.expander(t("osaka.how_to_read", lang)):
        st.markdown(t("osaka.how_to_read_body", lang))
    ui.metric_row(osaka.headline_figures(refs, wards, year, lang))


def pick_metric() -> str:
    """The measure the ranking, the map and the kinds are drawn by (one choice for the three tabs)."""
    return ui.url_radio(t("osaka.metric", lang), osaka.METRICS, "metric", lambda m: osaka.metric_label(m, lang))


def ward_detail(metric: str) -> None:
    """A ward of the chart, picked by name (kept in the URL as ?ward=<code>), with its own figures."""
    names = {"": t("osaka.ward_none", lang), **dict(zip(wards.area_code, osaka.ward_names(wards, lang)))}
    code = ui.url_choice(
        t("osaka.ward_pick", lang), ["", *wards.sort_values(metric, ascending=False).area_code], "ward", names.get
    )
    if code:
        ui.metric_row(osaka.ward_figures(wards, rows, code, metric, lang))


@tabs.section("ranking")
def ranking():
    st.subheader(t("osaka.ranking", lang, year=year))
    metric = pick_metric()
    reference = [(t(f"osaka.ref.{k}", lang), refs.loc[k][metric]) for k in ("city", "prefecture", "national")]
    ui.chart(charts.ward_ranking, wards, reference, metric, lang, key="ranking")
    ward_detail(metric)
    ui.downloads(osaka.ward_table(wards.sort_values(metric, ascending=False), lang))
    st.caption(t("osaka.derived_rates", lang))


@tabs.section("map")
def ward_map():
    """The wards on a map of our own boundaries."""
    st.subheader(t("osaka.map", lang, year=year))
    metric = pick_metric()
    boundaries = ui.data_json(WARDS_GEOJSON, simplify=charts.simplify_geojson, tolerance=MAP_TOLERANCE_DEG)
    ui.chart(charts.ward_map, wards, boundaries, metric, osaka.metric_label(metric, lang), lang, key="map")
    ward_detail(metric)
    if missing := osaka.wards_without_boundary(wards, boundaries, lang):
        st.warning(t("osaka.no_boundary", lang, wards=t("common.item_sep", lang).join(missing)))
    st.caption(t("osaka.map_credit", lang))
    st.caption(t("osaka.derived_rates", lang))


@tabs.section("kinds")
def kinds():
    """Kinds of vacancy per ward, ordered by the chosen measure."""
    st.subheader(t("osaka.kinds", lang, year=year))
    st.caption(t("osaka.kinds_note", lang))
    metric = pick_metric()
    ordered = wards.sort_values(metric, ascending=False)
    st.markdown(t("osaka.kinds_order", lang, metric=osaka.metric_label(metric, lang)))
    ui.chart(charts.vacancy_kinds, ordered, lang, key="kinds")
    with ui.drawn_when_open(t("osaka.ward_table", lang, n=len(ordered)), key="osaka_ward_table") as shown:
        if shown:
            ui.table(osaka.ward_table(ordered, lang), download=False)
    ui.downloads(osaka.ward_table(ordered, lang))


@tabs.section("then_now")
def then_now():
    st.subheader(t("osaka.then_now", lang))
    st.caption(t("osaka.then_now_note", lang))
    ui.chart(charts.then_now, rows, lang, key="then_now", sources=osaka.THEN_NOW_SOURCES)
    st.caption(t("osaka.then_now_chart_note", lang))
    ui.table(osaka.then_now_table(rows, lang))


@tabs.section("compare")
def comparison():
    """Any municipality of the survey compared with the city."""
    st.subheader(t("osaka.compare", lang, year=year))
    names = osaka.area_choices(ui.query("osaka/housing_areas"))  # {code: "大阪市（27100）"}, the references aside
    chosen = ui.url_multiselect(
        t("osaka.compare_pick", lang), list(names), "areas", names.get, st, t("osaka.compare_placeholder", lang)
    )
    st.caption(f"{t('osaka.compare_default', lang)} {t('osaka.compare_names_note', lang)}")
    compared = ui.query("osaka/housing_area_compare", codes=osaka.compared_codes(chosen), year=year)
    ui.chart(charts.area_comparison, compared, lang, key="compare")
    ui.table(osaka.comparison_table(compared, lang))
    ui.see_also("osaka", lang, areas=list(compared.area_code))  # the compared municipalities' own pages


@tabs.section("policy")
def policy():
    """The city's policy: the four categories and the staged enforcement."""
    st.subheader(t("osaka.policy", lang))
    st.info(t("osaka.consultations", lang))
    st.markdown(f"**{t('osaka.categories', lang)}**")
    ui.cards(osaka.category_cards(ui.query("osaka/tokutei_categories"), lang))  # examples folded, on paper too
    stages = ui.query("osaka/enforcement")
    st.markdown(f"**{t('osaka.enforcement', lang)}**")
    ui.steps(osaka.enforcement_cards(stages[stages.stage.str.len() == 1], lang))  # three a row: English fits
    detail, fines = osaka.enforcement_lines(stages, lang)
    with ui.expander(t("osaka.enforcement_detail", lang)):
        st.markdown("\n\n".join(detail))
    for fine in fines:
        st.warning(fine)


@tabs.section("danger")
def danger_score():
    """The danger-score calculator."""
    st.subheader(t("osaka.danger", lang))
    st.caption(t("osaka.danger_note", lang))
    rules = danger.load_rules()
    choice = {}
    for col, (part, spec) in zip(st.columns(3), rules.parts.items()):
        options, label = ["none", *spec["ranks"]], in_language(spec, "name", lang)
        picked = ui.url_choice(label, options, f"d_{part}", lambda r, s=spec: osaka.rank_label(s, r, lang), col)
        choice[part] = None if picked == "none" else picked
        if picked != "none":
            col.caption(in_language(spec["ranks"][picked], "description", lang))
    harm = ui.url_radio(t("osaka.third_party", lang), ["no", "yes"], "d_harm", lambda v: t(f"osaka.harm.{v}", lang))
    result = danger.evaluate({**choice, "third_party_harm": harm == "yes"})
    ui.metric_row(osaka.danger_figures(result, lang))
    st.markdown(osaka.danger_verdict(result, lang))
    st.caption(f"{t('common.source', lang)}: {in_language(result, 'next_step_citation', lang)}")
    ui.table(osaka.danger_rows(result, rules.parts, lang), whole=True)  # every clause whole


tabs.draw()
ui.source_footer(["estat_jyutaku2023_t1_2", "osaka_city_h25_page", "osaka_akiya_policy", "mlit_n03_2020"], lang)
