"""Yao (八尾市): the floor-area-ratio permit calculator (建築基準法第52条第14項第1号 許可)."""

from functools import partial

import streamlit as st

from machi import ui
from machi.core import fmt
from machi.core.text import in_language, t
from machi.yao import charts
from machi.yao import logic as yao
from machi.yao.permit import ValidationError, evaluate, load_rules, parse_application
from machi.yao.permit.examples import examples

lang = ui.language()
rules = load_rules()
EXAMPLES = {e["id"]: e for e in examples()}
form = ui.ScenarioForm(
    "yao",
    "y",
    lang,
    default=lambda: EXAMPLES["facilities_pass"]["application"],
    decode=yao.decode_scenario,
    encode=yao.encode_scenario,
)


def inputs_on_paper(app: dict) -> None:
    st.subheader(t("yao.inputs_entered", lang))
    st.table(fmt.md_table(yao.inputs_table(app, rules, lang)), hide_index=True, border="horizontal")


tabs = ui.Sections("yao", lang)
with tabs.top():  # the calculator and its answer; in the chamber view, the first screen
    st.title(t("yao.title", lang))
    st.markdown(t("yao.subtitle", lang))
    ui.data_date(["yao_52_14_1_criteria"], lang)
    ui.see_also("yao", lang)
    st.warning(t("yao.not_a_permit", lang))
    if form.bad_link():
        st.error(t("yao.bad_link", lang))
    with ui.expander(t("yao.how_to_read", lang)):
        st.markdown(t("yao.how_to_read_body", lang))
        st.markdown(f"**{t('yao.interpretations', lang)}**")
        st.markdown(
            "\n".join(
                t(
                    "yao.interpretation_line",
                    lang,
                    clause=fmt.md_text(i["clause"]),
                    text=fmt.md_text(in_language(i, "text", lang)),
                )
                for i in rules.interpretations()
            )
        )
    form.example_picker(
        t("yao.example", lang),
        t("yao.load_example", lang),
        {k: e["application"] for k, e in EXAMPLES.items()},
        lambda k: in_language(EXAMPLES[k], "title", lang),
    )

    inputs, results = ui.columns([1, 1], gap="large")  # the input tabs fit at 1280 px in both languages
    with inputs:  # the route and the zone decide everything; the other inputs in groups, one tab each
        with st.container(border=True, key="screen_only_route"):  # on paper: in the table of inputs
            st.subheader(t("yao.g.route", lang))
            routes, zones = list(rules.routes), list(rules.zones)
            route_name = partial(yao.route_name, rules, lang=lang)
            app = {
                "route": form.choice(st.radio, t("yao.route", lang), "route", routes, routes[0], route_name),
                "zone": form.choice(
                    st.selectbox, t("yao.zone", lang), "zone", zones, "1-res", partial(yao.zone_name, rules, lang=lang)
                ),
            }
            st.caption(t(f"yao.route_needs.{app['route']}", lang))
        app |= yao.untouched(form.start, app["route"])  # a group not drawn keeps its values
        groups = yao.input_groups(rules, app, lang)
        with st.container(border=True):
            drawn = {g: partial(form.fields, items, app) for g, items in groups.items()}
            ui.sections(drawn, "yao", lang, group="in", paper=partial(inputs_on_paper, app))

    app = yao.kept_fields(app)
    form.keep(app)

    result, answered, problem = form.answer(app, lambda a: evaluate(parse_application(a)), ValidationError)
    with results:
        if problem is not None:
            st.error(yao.invalid_message(problem, lang))
            if result is None:
                st.stop()
            st.warning(t("common.stale", lang))
        verdict = t("yao.eligible" if result.eligible else "yao.not_eligible", lang)
        st.markdown(f"## :{'green' if result.eligible else 'red'}-badge[{verdict}]")
        for line in yao.failing_lines(result, lang):
            st.markdown(line)
        for warning in yao.plausibility(app, rules, lang):
            st.warning(warning, icon="⚠️")
        for row in yao.result_figures(result, lang):
            ui.metric_row(row)


@tabs.section("reasons")
def reasons():
    st.info(t(f"yao.binding.{result.binding}", lang))
    for line in yao.failing_lines(result, lang, messages=True):
        st.markdown(line)
    for n in result.notes:
        st.caption(f"{n.clause}: {fmt.md_text(in_language(n, None, lang))}")


checks_table = yao.checks_table(result, lang)  # shown in its tab, and downloaded from any tab


@tabs.section("checks")
def checks():
    st.subheader(t("yao.checks", lang))
    st.caption(t("yao.checks_note", lang))
    st.table(fmt.md_table(yao.headed(yao.checks_display(checks_table), lang)), hide_index=True, border="horizontal")


@tabs.section("breakdown")
def breakdown():
    st.subheader(t("yao.breakdown", lang))
    ui.table(yao.headed(yao.breakdown_display(yao.breakdown_table(result, lang)), lang))
    st.caption(yao.cap_note(result, lang))


@tabs.section("sensitivity")
def sensitivity():
    st.subheader(t("yao.sensitivity", lang))
    field = ui.url_choice(
        t("yao.sensitivity_field", lang), yao.SWEEP_FIELDS, "sweep", lambda f: t(f"yao.sweep.{f}", lang)
    )
    label = t(f"yao.sweep.{field}", lang)
    sweep = yao.sweep(answered, field)
    ui.chart(charts.sensitivity, sweep, yao.current_value(answered, field), label, lang, key="sensitivity")


tabs.draw()
if problem is None:  # nothing leaves the screen that does not match the inputs
    with st.container(horizontal=True):
        ui.downloads(yao.headed(yao.checks_display(checks_table), lang), "checks")
        ui.download_text(
            t("yao.download_json", lang),
            lambda: yao.result_json(answered, result),
            "yao_permit_result.json",
            "application/json",
        )
ui.source_footer(["yao_52_14_1_criteria"], lang)
