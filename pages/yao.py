"""Yao (八尾市): the floor-area-ratio permit calculator (建築基準法第52条第14項第1号 許可)."""

import json

import pandas as pd
import streamlit as st

from machi import charts, fmt, ui, yao
from machi.i18n import t
from machi.inputs import shown
from machi.permit import evaluate, parse_application
from machi.permit.examples import examples
from machi.permit.model import ValidationError
from machi.permit.rules import load_rules

lang = ui.current_language()
ja = lang == "ja"
rules = load_rules()
EXAMPLES = {e["id"]: e for e in examples()}

# --- the scenario: from the URL, an example, or the widgets ---------------------------------------
if "yao_app" not in st.session_state:
    st.session_state.yao_version = 0
    link = st.query_params.get("s")
    try:
        st.session_state.yao_app = yao.decode_scenario(link) if link else EXAMPLES["facilities_pass"]["application"]
    except ValueError:
        st.session_state.yao_app = EXAMPLES["facilities_pass"]["application"]
        st.session_state.yao_bad_link = True
app0 = st.session_state.yao_app
v = st.session_state.yao_version


def load_example():
    st.session_state.yao_app = EXAMPLES[st.session_state.yao_example]["application"]
    st.session_state.yao_version += 1


st.title(t("yao.title", lang))
st.markdown(t("yao.subtitle", lang))
st.warning(t("yao.not_a_permit", lang))
if st.session_state.pop("yao_bad_link", False):
    st.error(t("yao.bad_link", lang))
with st.expander(t("yao.how_to_read", lang)):
    st.markdown(t("yao.how_to_read_body", lang))
    st.markdown(f"**{t('yao.interpretations', lang)}**")
    st.markdown("\n".join(f"- **{fmt.md_text(i['clause'])}**: {fmt.md_text(i['text'])}" for i in rules.interpretations()))

with st.container(horizontal=True, vertical_alignment="bottom"):
    st.selectbox(t("yao.example", lang), list(EXAMPLES), key="yao_example",
                 format_func=lambda k: EXAMPLES[k]["title_ja" if ja else "title_en"])
    st.button(t("yao.load_example", lang), on_click=load_example)


def num(label_key: str, field: str, where=st, scenario=None, key=None, **kw):
    """A number input for scenario[field] (the application by default). Empty is allowed: the engine
    then names the field; a value the input cannot show (text, ±inf …) is kept for the engine."""
    shown, kept = yao.form_number((app0 if scenario is None else scenario).get(field))
    key = key or f"y.{field}.{v}"
    if key not in st.session_state:  # seeded once; value=None lets the field be emptied (not reset to a default)
        st.session_state[key] = shown
    return yao.entered(where.number_input(t(label_key, lang), value=None, key=key, on_change=ui.rerun_app, **kw),
                       kept)


def choice(widget, label_key: str, field: str, options: list[str], default: str, **kw):
    """A radio or selectbox for application[field]; a link's value that is not an option says so."""
    index = yao.choice_index(app0.get(field, default), options)
    value = widget(t(label_key, lang), options, index=options.index(default) if index is None else index,
                   key=f"y.{field}.{v}", **kw)
    if index is None:
        st.error(t("yao.bad_choice", lang, label=t(label_key, lang), value=shown(app0.get(field), as_json=True),
                   used=kw["format_func"](value)))
    return value


inputs, results = st.columns([5, 7], gap="large")
with inputs:
    # the route and the zone decide everything: always shown; the other inputs one tab per group, and only
    # the open tab's inputs are drawn (the others keep their values: the application starts as it was)
    app = {}
    with st.container(border=True):
        st.subheader(t("yao.g.route", lang))
        routes = list(rules.routes)
        app["route"] = choice(st.radio, "yao.route", "route", routes, routes[0],
                              format_func=lambda r: rules.routes[r].name_ja if ja else rules.routes[r].name_en)
        zones = list(rules.zones)
        app["zone"] = choice(st.selectbox, "yao.zone", "zone", zones, "1-res",
                             format_func=lambda z: rules.zones[z].name_ja if ja else f"{rules.zones[z].name_en} ({rules.zones[z].name_ja})")
    app |= yao.untouched(app0, app["route"])

    def site():
        st.subheader(t("yao.g.site", lang))
        st.caption(t("yao.g.site_note", lang))
        c1, c2 = st.columns(2)
        app["site_area_m2"] = num("yao.site_area", "site_area_m2", c1, step=10.0)
        app["site_perimeter_m"] = num("yao.perimeter", "site_perimeter_m", c2, step=1.0)
        app["road_width_m"] = num("yao.road_width", "road_width_m", c1, step=0.5)
        app["frontage_m"] = num("yao.frontage", "frontage_m", c2, step=1.0)
        app["road_through"] = st.checkbox(t("yao.road_through", lang), value=app["road_through"],
                                          key=f"y.road_through.{v}", on_change=ui.rerun_app)
        st.subheader(t("yao.g.far", lang))
        app["base_far_pct"] = num("yao.base_far", "base_far_pct", st.columns(2)[0], step=10.0)

    def layout():
        st.subheader(t("yao.g.layout", lang))
        c1, c2 = st.columns(2)
        app["base_coverage_pct"] = num("yao.coverage", "base_coverage_pct", c1, step=10.0)
        app["building_area_m2"] = num("yao.building_area", "building_area_m2", c2, step=10.0)
        app["green_area_m2"] = num("yao.green_area", "green_area_m2", c1, step=10.0)
        app["effective_open_space_m2"] = num("yao.effective_open_space", "effective_open_space_m2", c2, step=10.0)
        app["sidewalk_width_m"] = num("yao.sidewalk", "sidewalk_width_m", c1, step=0.1)
        st.markdown(f"**{t('yao.parts', lang)}**")
        rows, kept = yao.part_rows(app0)
        parts = st.data_editor(pd.DataFrame(rows, columns=list(yao.PART_COLUMNS)).astype("float64"),
                               num_rows="dynamic", key=f"y.parts.{v}", hide_index=True, on_change=ui.rerun_app,
                               column_config={"height_m": st.column_config.NumberColumn(t("yao.height", lang), width=120),
                                              "setback_m": st.column_config.NumberColumn(t("yao.setback", lang), width=150)})
        app["parts"] = yao.table_entered(parts.to_dict(orient="records"), kept, yao.PART_COLUMNS)

    def facilities():
        st.subheader(t("yao.g.facilities", lang))
        kinds = list(rules.facilities.kinds)
        kind_label = {k: f"{rules.facilities.kinds[k].mark} {rules.facilities.kinds[k].name_ja}" for k in kinds}
        rows, kept = yao.facility_rows(app0)
        fac_table = pd.DataFrame(rows, columns=list(yao.FACILITY_COLUMNS)).astype({"floor_area_m2": "float64"})
        fac = st.data_editor(fac_table,
                             num_rows="dynamic", key=f"y.facilities.{v}", hide_index=True, on_change=ui.rerun_app,
                             column_config={
                                 "kind": st.column_config.SelectboxColumn(t("yao.kind", lang), options=kinds,
                                                                          format_func=kind_label.get, width=180),
                                 "floor_area_m2": st.column_config.NumberColumn(t("yao.floor_area", lang), width=120)})
        app["facilities"] = yao.table_entered(fac.to_dict(orient="records"), kept, yao.FACILITY_NUMBERS)

    def barrier_free():
        st.subheader(t("yao.g.barrier_free", lang))
        st.caption(t("yao.bf_note", lang))
        text = st.text_area(t("yao.bf_json", lang), yao.barrier_free_text(app["barrier_free"]), height=260,
                            key=f"y.bf.{v}", on_change=ui.rerun_app)
        try:
            app["barrier_free"] = json.loads(text)
        except json.JSONDecodeError as e:
            # the text is kept as it was typed: the engine names the field, and the text survives a tab switch
            app["barrier_free"] = text
            st.error(t("yao.bf_bad_json", lang, error=str(e)))

    def sogo():
        st.subheader(t("yao.g.sogo", lang))
        use_sogo = st.checkbox(t("yao.use_sogo", lang), value="sogo" in app, key=f"y.use_sogo.{v}",
                               on_change=ui.rerun_app)
        if not use_sogo:
            app.pop("sogo", None)
            return
        sogo0 = app0.get("sogo") if isinstance(app0.get("sogo"), dict) else {}
        c1, c2 = st.columns(2)
        entered = {"max_floor_area_m2": num("yao.sogo_max", "max_floor_area_m2", c1, sogo0, key=f"y.sogo_max.{v}")}
        used = num("yao.sogo_used", "floor_area_m2", c2, sogo0, key=f"y.sogo_used.{v}")
        if used is not None:  # empty: the 総合設計 limit is fully used
            entered["floor_area_m2"] = used
        app["sogo"] = entered

    groups = {"site": site, "layout": layout, "facilities": facilities, "barrier_free": barrier_free, "sogo": sogo}
    if "barrier_free" not in app:  # the tab is there when the starting application has the items (yao.untouched)
        del groups["barrier_free"]
    with st.container(border=True):
        # a fragment: opening an input group reruns the groups alone (the application is the same whichever
        # is open); every input in them feeds the answer, so its change reruns the page (ui.rerun_app)
        ui.tab_sections(groups, "yao", lang, group="in")

# drop the optional keys left empty; an empty number field stays (None), so the engine names it and its range
app = {k: val for k, val in app.items() if val is not None or k in yao.NUMBER_FIELDS}
st.session_state.yao_app = app
ui.set_param("s", yao.encode_scenario(app))

with results:
    try:
        result = evaluate(parse_application(app))
    except ValidationError as e:
        tab = yao.input_tab(e.field)
        where = f"\n\n{t('yao.invalid_where', lang, tab=t(f'yao.in.{tab}', lang))}" if tab else ""  # its own line
        st.error(t("yao.invalid", lang, field=yao.field_label(e.field, lang), message=e.message(lang)) + where)
        st.stop()
    verdict = t("yao.eligible", lang) if result.eligible else t("yao.not_eligible", lang)
    st.markdown(f"## :{'green' if result.eligible else 'red'}-badge[{verdict}]")
    ui.metric_row([
        (t("yao.base_floor_area", lang), f"{fmt.number(result.base_floor_area_m2, 2)} ㎡", t("yao.base_help", lang)),
        (t("yao.bonus_claimed", lang), f"{fmt.number(result.bonus_claimed_m2, 2)} ㎡", None),
        (t("yao.bonus_allowed", lang), f"{fmt.number(result.bonus_allowed_m2, 2)} ㎡", None),
    ])
    ui.metric_row([
        (t("yao.max_floor_area", lang), f"{fmt.number(result.max_floor_area_m2, 2)} ㎡", None),
        (t("yao.max_far", lang), fmt.percent(result.max_far_pct, 1), t("yao.max_far_help", lang)),
        (t("yao.limit", lang), f"{fmt.number(result.limit_floor_area_m2, 2)} ㎡", t("yao.limit_help", lang)),
    ])


# --- the details, full width below the inputs and the answer: tables need the width ------------------
def reasons():
    st.info(t(f"yao.binding.{result.binding}", lang))
    for n in result.notes:
        st.caption(f"{n.clause}: {fmt.md_text(n.ja if ja else n.en)}")


checks_table = yao.checks_table(result, lang)  # shown in its tab, and downloaded from any tab


def checks():
    st.subheader(t("yao.checks", lang))
    st.caption(t("yao.checks_note", lang))
    # a static table: every rule and message wraps, and every row is shown (and printed)
    display = yao.checks_display(checks_table).rename(columns={c: t(f"yao.col.{c}", lang) for c in checks_table.columns})
    st.table(fmt.md_table(display), hide_index=True, border="horizontal")


def breakdown():
    st.subheader(t("yao.breakdown", lang))
    table = yao.breakdown_table(result, lang)
    st.dataframe(yao.breakdown_display(table).rename(columns={c: t(f"yao.col.{c}", lang) for c in table.columns}),
                 hide_index=True)
    st.caption(t("yao.cap_note", lang, base=fmt.number(result.base_floor_area_m2, 2),
                 limit=fmt.number(result.limit_floor_area_m2, 2)))


def sensitivity():
    st.subheader(t("yao.sensitivity", lang))
    field = ui.url_choice(t("yao.sensitivity_field", lang), list(yao.SWEEP_FIELDS), "sweep",
                          format_func=lambda f: t(f"yao.sweep.{f}", lang))
    curve = ui.memo(yao.sweep, app, field)
    ui.chart(charts.sensitivity, curve, yao.current_value(app, field), t(f"yao.sweep.{field}", lang), lang,
             key="sensitivity")


# one tab each: only the open tab is computed and drawn (an input's change redraws the answer, not every table)
sections = {"reasons": reasons, "checks": checks, "breakdown": breakdown, "sensitivity": sensitivity}
ui.tab_sections(sections, "yao", lang)
with st.container(horizontal=True):
    ui.download_csv(checks_table, "yao_permit_checks", lang, key="download_checks")
    # written when clicked, as download_csv does (not serialised and sent with every run)
    st.download_button(t("yao.download_json", lang), file_name="yao_permit_result.json", mime="application/json",
                       data=lambda: json.dumps({"application": app, "result": result.to_dict()}, ensure_ascii=False,
                                               indent=1),
                       on_click="ignore")

ui.source_footer(["yao_52_14_1_criteria"], lang)
