"""Asaka (朝霞市): green-plan indicators 2025 → 2035, the pace they need, and what-if calculators."""

import streamlit as st

from machi import asaka, charts, fmt, ui
from machi.i18n import t
from machi.inputs import InputError

lang = ui.current_language()
indicators = ui.query("asaka_indicators").set_index("indicator_id", drop=False)
paths = ui.query("asaka_indicator_path")
actuals = ui.query("asaka_actuals")
defaults = ui.query("asaka_defaults").set_index("key")

st.title(t("asaka.title", lang))
st.markdown(t("asaka.subtitle", lang))
with st.expander(t("asaka.how_to_read", lang)):
    st.markdown(t("asaka.how_to_read_body", lang))

# --- the sections, one tab each: only the open tab is computed and drawn -------------------------
def unit_of(i) -> tuple[str, str]:
    """(unit, unit of a change): a change of a share is in points; the satisfaction score has no unit."""
    unit = i.unit or ""
    return unit, t("asaka.points", lang) if unit == "%" else unit


def indicator_title(i) -> None:
    st.subheader(i.name_ja if lang == "ja" else f"{i.name_en}")
    if lang == "en":
        st.caption(i.name_ja)


def overview():
    """The four indicators: baseline, target, the change and pace they need, and whether on track."""
    st.subheader(t("asaka.indicators", lang))
    grid = st.columns(2)
    for n, i in enumerate(indicators.itertuples()):
        d = int(i.decimals)
        unit, change_unit = unit_of(i)
        observed = actuals[actuals.indicator_id == i.indicator_id]
        with grid[n % 2].container(border=True):
            indicator_title(i)
            if i.definition_ja:
                st.caption(f"{t('asaka.definition', lang)}: {fmt.md_text(i.definition_ja)}")
            ui.metric_row([
                (t("asaka.baseline", lang, year=fmt.fiscal_year(int(i.baseline_year), lang)),
                 f"{asaka.shown_value(i, i.baseline_value, d)}{unit}", i.baseline_label_ja),
                (t("asaka.target", lang, year=fmt.fiscal_year(int(i.target_year), lang)),
                 f"{asaka.shown_value(i, i.target_value, d)}{unit}", i.target_label_ja),
            ])
            ui.metric_row([
                (t("asaka.change_needed", lang), f"{fmt.signed(asaka.change_needed(i), d)}{change_unit}",
                 t("asaka.derived_help", lang)),
                (t("asaka.pace_needed", lang), f"{fmt.signed(asaka.pace_needed(i), d + 2)}{change_unit}",
                 t("asaka.pace_help", lang, years=int(i.target_year - i.baseline_year))),
            ])
            p = asaka.progress(i, observed)
            if p is None:
                st.caption(t("asaka.no_actuals", lang))
            else:
                status = t("asaka.on_track", lang) if p.on_track else t("asaka.behind", lang)
                colour = "green" if p.on_track else "orange"
                st.markdown(f":{colour}-badge[{status}] " + t(
                    "asaka.latest", lang, year=fmt.fiscal_year(p.latest_year, lang),
                    value=f"{asaka.shown_value(i, p.latest_value, d)}{unit}",
                    required=f"{asaka.shown_value(i, p.required_then, d + 1)}{unit}"))
                if p.projected_year is None:
                    st.markdown(t("asaka.never_at_pace", lang))
                else:
                    st.markdown(t("asaka.projected", lang, year=f"{p.projected_year:.1f}",
                                  pace=f"{fmt.signed(p.recent_pace, d + 2)}{change_unit}"))


def glide_paths():
    """Each indicator's required path from baseline to target, with the actuals published so far."""
    st.subheader(t("asaka.paths", lang))
    st.caption(t("asaka.paths_note", lang))
    ui.chart(charts.glide_paths, indicators, paths, actuals, lang, key="paths")
    with ui.on_demand(t("asaka.path_table", lang), key="asaka_path_table") as shown:
        if shown:
            st.table(fmt.md_table(ui.memo(asaka.path_table, indicators, paths, lang)), hide_index=True,
                     border="horizontal")
            ui.download_csv(paths, "asaka_indicator_path", lang, key="download_path")


def green_cover():
    cover = ui.query("asaka_green_cover")
    facts = ui.query("asaka_facts")
    st.subheader(t("asaka.green_cover", lang))
    st.warning(t("asaka.green_cover_not_share", lang))
    ui.chart(charts.green_cover, cover, lang, key="green_cover")
    for f in facts[facts.fact_id == "green_loss_50y"].itertuples():
        st.markdown(t("asaka.cover_quote", lang, text=fmt.md_text(f.text_ja)))
    st.caption(t("asaka.cover_points_note", lang))
    for f in facts[facts.fact_id == "carbon_stored_per_year"].itertuples():
        st.info(f"**{fmt.md_text(f.label_ja)}**：{fmt.md_text(f.qualifier_ja or '')}{fmt.number(f.value)} {fmt.md_text(f.unit)} — {fmt.md_text(f.text_ja)}")


def priority_measures():
    measures = ui.query("asaka_measures")
    st.subheader(t("asaka.measures", lang))
    st.caption(t("asaka.measures_note", lang))
    ui.chart(charts.measures_tree, measures, lang, key="measures_tree")
    outline = ui.memo(asaka.measure_outline, measures, t("asaka.plan_target", lang), t("asaka.future_target", lang))
    for n, (title, body) in enumerate(outline):
        with ui.on_demand(title, key=f"asaka_outline_{n}") as shown:
            if shown:
                st.markdown(body)
    numeric = measures[measures.plan_target_value.notna()]
    for m in numeric.itertuples():
        now = m.current_value if not fmt.is_missing(m.current_value) else m.current_value_derived
        ui.metric_row([
            (f"{m.name_ja}：{t('asaka.current', lang)}", f"{t('common.approx', lang)}{fmt.number(now, 1)} {m.unit}",
             t("asaka.current_derived", lang, target=fmt.number(m.plan_target_value, 1),
               inc=fmt.number(m.plan_increment_value, 1), unit=m.unit) if fmt.is_missing(m.current_value) else None),
            (t("asaka.plan_target", lang), f"{t('common.approx', lang)}{fmt.number(m.plan_target_value, 1)} {m.unit}", m.plan_target_ja),
            (t("asaka.future_target", lang), f"{t('common.approx', lang)}{fmt.number(m.future_target_value, 1)} {m.unit}", m.future_target_ja),
        ])
    ui.download_csv(measures, "asaka_measures", lang, key="download_measures")


park = indicators.loc["park_area_per_person"]
share = indicators.loc["green_space_share"]


@st.fragment
def park_calculator():
    """Park area per person what-if: its inputs rerun only this part."""
    with st.container(border=True):
        st.subheader(t("asaka.park_calc", lang))
        pop_default = defaults.loc["population_2020"]
        pop = ui.url_number(t("asaka.pop_now", lang), "pop", float(pop_default.value), step=1000.0, format="%.0f")
        st.caption(t("asaka.default_source", lang, label=pop_default.label_ja if lang == "ja" else pop_default.label_en,
                     value=fmt.number(pop_default.value), unit=pop_default.unit,
                     source=pop_default.source_title_ja if lang == "ja" else pop_default.source_title_en))
        pop_year = ui.url_number(t("asaka.pop_year", lang), "pop_year", 2020.0, step=1.0, format="%.0f")
        mode = ui.url_choice(t("asaka.pop_2035_mode", lang), ["number", "rate"], "mode",
                             format_func=lambda m: t(f"asaka.mode.{m}", lang), widget="radio")
        if mode == "number":
            pop35, rate = ui.url_number(t("asaka.pop_2035", lang), "pop35", None, step=1000.0, format="%.0f"), None
        else:
            pop35, rate = None, ui.url_number(t("asaka.rate", lang), "rate", None, step=0.1, format="%.2f")
        try:
            s = asaka.park_scenario(pop, pop35, rate, population_year=pop_year, mode=mode,
                                    per_person_now_m2=park.baseline_value, per_person_target_m2=park.target_value)
        except InputError as e:
            (st.info if e.missing else st.error)(e.message(lang))
        else:
            ui.metric_row([
                (t("asaka.park_now", lang, value=f"{park.baseline_value:.2f}"), f"{fmt.number(s.area_now_ha, 2)} ha", None),
                (t("asaka.park_need", lang, value=f"{park.target_value:.2f}"), f"{fmt.number(s.area_needed_2035_ha, 2)} ha", None),
                (t("asaka.park_add", lang), f"{fmt.signed(s.to_add_ha, 2)} ha", None),
            ])
            st.caption(t("asaka.park_formula", lang, pop=fmt.number(s.population_now), pop35=fmt.number(s.population_2035),
                         now=park.baseline_value, target=park.target_value))


@st.fragment
def share_calculator():
    """Green-space share what-if: its input reruns only this part."""
    with st.container(border=True):
        st.subheader(t("asaka.share_calc", lang))
        area_default = defaults.loc["city_area_km2"]
        area = ui.url_number(t("asaka.city_area", lang), "area", float(area_default.value), step=0.01, format="%.2f")
        st.caption(t("asaka.default_source", lang, label=area_default.label_ja if lang == "ja" else area_default.label_en,
                     value=fmt.number(area_default.value, 2), unit=area_default.unit,
                     source=area_default.source_title_ja if lang == "ja" else area_default.source_title_en))
        try:
            g = asaka.green_share_scenario(area, share_now_pct=share.baseline_value, share_target_pct=share.target_value)
        except InputError as e:
            (st.info if e.missing else st.error)(e.message(lang))
        else:
            ui.metric_row([
                (t("asaka.share_now", lang, pct=f"{share.baseline_value:.1f}"), f"{fmt.number(g.now_ha, 1)} ha", None),
                (t("asaka.share_target", lang, pct=f"{share.target_value:.1f}"), f"{fmt.number(g.target_ha, 1)} ha", None),
                (t("asaka.share_add", lang), f"{fmt.signed(g.to_add_ha, 1)} ha", None),
            ])
            st.caption(t("asaka.share_formula", lang, area=fmt.number(g.city_area_ha, 0)))


def what_ifs():
    st.subheader(t("asaka.whatif", lang))
    st.caption(t("asaka.whatif_note", lang))
    left, right = st.columns(2)
    with left:
        park_calculator()
    with right:
        share_calculator()


SECTIONS = {"overview": overview, "paths": glide_paths, "cover": green_cover, "measures": priority_measures,
            "whatif": what_ifs}
ui.tab_sections(SECTIONS, "asaka", lang)

ui.source_footer(["asaka_green_plan_2026", "census_2020_asaka", "gsi_area_asaka"], lang)
