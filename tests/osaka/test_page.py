"""AppTest: the Osaka page — ranking, map, kinds, 2013 vs 2023, comparison, policy, danger score."""

import json

import pytest

from machi.core import fmt, paths
from machi.core.db import run_query
from machi.core.text import t
from tests.apptest_support import data_downloads, open_page, texts


def metrics(at):
    return {m.label: m.value for m in at.metric}


def kind(spec: dict) -> str:
    """A chart's kind: "ward_map" for the map (marked in its layout), else its first trace's type."""
    return spec["layout"].get("meta") or spec["data"][0]["type"]


def kinds_of(at):
    return [kind(json.loads(c.proto.spec)) for c in at.get("plotly_chart")]


def charts_by_type(at):
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return {kind(s): s for s in specs if s["data"]}


TABS = ["ranking", "map", "kinds", "then_now", "compare", "policy", "danger"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_tab_draws_its_section_alone(lang):
    """Only the open tab is computed and drawn (a page switch pays for one section)."""
    seen = {}
    for tab in TABS:
        at = open_page("osaka", lang, tab=tab)
        assert at.query_params.get("tab") == (None if tab == "ranking" else tab)  # the first tab is left out
        seen[tab] = (kinds_of(at), len(at.dataframe), texts(at))
    assert seen["ranking"][0] == ["bar"] and seen["map"][0] == ["ward_map"]
    assert seen["kinds"][0] == ["bar"] and seen["kinds"][1] == 0 and seen["compare"][0] == ["bar"]  # table: on demand
    assert seen["then_now"][0] == ["bar"] and seen["then_now"][1] == 1 and seen["policy"][0] == []
    assert (
        t("osaka.then_now_note", lang) in seen["then_now"][2]
        and t("osaka.then_now_note", lang) not in seen["ranking"][2]
    )
    assert t("osaka.danger_note", lang) in seen["danger"][2] and t("osaka.danger_note", lang) not in seen["policy"][2]
    # the headline is above the tabs, on every tab
    assert all(t("osaka.city_vacant", lang) in body for _, _, body in seen.values())


def test_no_or_unknown_tab_opens_the_ranking():
    for query in ({}, {"tab": "nonsense"}):
        at = open_page("osaka", "ja", **query)
        assert [json.loads(c.proto.spec)["data"][0]["type"] for c in at.get("plotly_chart")] == ["bar"]
        assert "tab" not in at.query_params  # the first tab: left out of the link


def test_the_open_tab_survives_a_language_switch_and_a_visit_elsewhere():
    at = open_page("osaka", "ja", tab="map")
    at.session_state["_lang"] = "en"
    at.run()
    assert kinds_of(at) == ["ward_map"]
    assert t("osaka.map", "en", year=2023) in texts(at)
    at.switch_page("pages/home.py").run()
    at.switch_page("pages/osaka.py").run()
    assert kinds_of(at) == ["ward_map"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_page_renders_ranking_map_kinds_and_policy(lang):
    at = open_page("osaka", lang, tab="map")
    kinds = charts_by_type(at)
    assert set(kinds) == {"ward_map"}
    m = kinds["ward_map"]
    # plain shapes on hidden axes: no map or geo subplot, so no tiles or topojson to fetch offline
    assert not {"map", "mapbox", "geo"} & set(m["layout"]), m["layout"].keys()
    wards = [d for d in m["data"] if d.get("fill") == "toself"]
    # the boundaries are our own GeoJSON, simplified for drawing: one shape per ward, every point one
    # of the shipped file's points of that ward, every ring closed
    shipped = json.loads((paths.data_dir() / "osaka/osaka_city_wards_n03_2020.geojson").read_text(encoding="utf-8"))
    points = {
        f["properties"]["N03_007"]: {
            tuple(p[:2]) for poly in f["geometry"]["coordinates"] for ring in poly for p in ring
        }
        for f in shipped["features"]
    }
    assert sorted(d["meta"] for d in wards) == sorted(points) and len(wards) == 24
    for d in wards:
        rings, ring = [], []
        for x, y in zip(d["x"], d["y"]):
            if x is None:
                rings.append(ring)
                ring = []
            else:
                ring.append((x, y))
        assert rings and not ring
        for r in rings:
            assert r[0] == r[-1] and len(r) >= 4 and set(r) <= points[d["meta"]], d["name"]
    # each ward's hover: its name and its rate as the table gives it
    code = {f["properties"]["N03_004"]: f["properties"]["N03_007"] for f in shipped["features"]}
    hover = {d["meta"]: d["text"] for d in wards}
    nishinari = hover[code["西成区"]]
    assert nishinari.startswith("<b>西成区</b>" if lang == "ja" else "<b>Nishinari (西成区)</b>"), nishinari
    assert "25.9%" in nishinari and "22,870" in nishinari  # 22,870 / 88,230 = 25.92 %
    body = texts(at)
    assert t("osaka.map_credit", lang) in body
    assert kinds_of(open_page("osaka", lang, tab="ranking")) == ["bar"]
    body = texts(open_page("osaka", lang, tab="policy"))
    articles = ("空家法第14条第3項", "空家法第12条") if lang == "ja" else ("Vacant Houses Act, Art. 14(3)", "Art. 12")
    assert all(article in body for article in articles)


def test_headline_figures_come_from_the_official_table(con):
    at = open_page("osaka", "ja")
    city = run_query(con, "osaka/housing_area_compare", {"codes": ["27100"], "year": 2023}).iloc[0]
    assert (city.dwellings_total, city.vacant_total) == (1827900, 294600)
    assert metrics(at)["大阪市の空き家率（2023年、派生値）"] == "16.1%"  # 294,600 / 1,827,900 = 16.12 %


def test_switch_to_the_long_term_kind_changes_the_ranking():
    rate = open_page("osaka", "ja")
    other = open_page("osaka", "ja", metric="vacant_other_rate_pct")
    a = [json.loads(c.proto.spec) for c in rate.get("plotly_chart")][0]["data"][0]
    b = [json.loads(c.proto.spec) for c in other.get("plotly_chart")][0]["data"][0]
    assert a["text"] != b["text"]


@pytest.mark.parametrize("metric", ["vacancy_rate_pct", "vacant_other_rate_pct"])
def test_kinds_ward_table_is_drawn_when_opened_in_the_charts_order(metric):
    at = open_page("osaka", "ja", tab="kinds", metric=metric)
    label = t("osaka.ward_table", "ja", n=24)
    assert label in [e.label for e in at.expander] and len(at.dataframe) == 0
    assert len(data_downloads(at)) == 2  # CSV and Excel: the downloads do not wait for the table
    at.session_state["osaka_ward_table"] = True
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 24
    bars = [json.loads(c.proto.spec) for c in at.get("plotly_chart")][0]["data"][0]["y"]
    assert list(table.iloc[:, 0]) == list(bars)[::-1]  # the chart's top ward (drawn last) first


def test_2013_marks_unpublished_wards():
    at = open_page("osaka", "ja", tab="then_now")
    table = next(d.value for d in at.dataframe if "地域" in d.value.columns)
    row = table[table["地域"] == "大阪市　西成区"].iloc[0]
    assert row.iloc[1] == "23.8%" and row.iloc[2] == "25.9%"
    assert (table.iloc[:, 1] == "公表値なし").sum() == 21  # 24 wards − 3 stated in the policy


def test_compare_keeps_the_references_when_an_area_is_added():
    """Adding Chiyoda (13101) keeps Osaka City, the prefecture and Japan, marked as references, with the
    added area after them; the link keeps the choice, and the table lists the same areas with their codes."""
    at = open_page("osaka", "en", areas=["13101"], tab="compare")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = [name for name in spec["data"][0]["y"]][::-1]  # drawn bottom-up: the first area on top
    assert names == [
        "Osaka City (大阪市) (reference)",
        "Osaka Prefecture (大阪府) (reference)",
        "Japan (全国) (reference)",
        "千代田区",  # the official table has no English name for it
    ]
    assert all(tr["orientation"] == "h" for tr in spec["data"])  # names stay legible however many are added
    table = at.dataframe[-1].value
    assert list(table.iloc[:, 1]) == ["27100", "27000", "00000", "13101"]
    assert at.query_params["areas"] in ("13101", ["13101"])  # one value: a plain string
    assert at.multiselect(key="areas").value == ["13101"]
    assert "27100" not in at.multiselect(key="areas").options  # a reference is not offered: it is always there


def test_compare_with_nothing_chosen_shows_the_dashboards_municipalities_beside_the_references():
    at = open_page("osaka", "ja", tab="compare")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [name for name in spec["data"][0]["y"]][::-1] == [
        "大阪市（基準）",
        "大阪府（基準）",
        "全国（基準）",
        "逗子市",
        "朝霞市",
        "八尾市",
    ]


def test_compare_adds_one_area_per_enter():
    """Typing 堺 and Enter must add one area, not 'Select 8 matches': the picker has no select-all row."""
    at = open_page("osaka", "ja", tab="compare")
    assert at.multiselect(key="areas").proto.select_all is False or at.multiselect(key="areas").proto.select_all == 0


def test_then_now_charts_the_areas_published_in_both_years():
    """2013 rates as the documents state them beside 2023's derived ones, for Japan, the prefecture, the
    city and the three wards the policy names; the other 21 wards have no 2013 rate and stay in the table."""
    at = open_page("osaka", "en", tab="then_now")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    y2013, y2023 = spec["data"]
    assert y2013["name"] == fmt.calendar_year(2013, "en") and y2023["name"] == fmt.calendar_year(2023, "en")
    assert y2013["y"][::-1] == [
        "Japan (全国)",
        "Osaka Prefecture (大阪府)",
        "Osaka City (大阪市)",
        "Ikuno (大阪市　生野区)",  # the official table's name beside
        "Higashisumiyoshi (大阪市　東住吉区)",
        "Nishinari (大阪市　西成区)",
    ]
    assert y2013["text"][::-1] == ["13.5%", "14.8%", "17.2%", "22.4%", "23.8%", "23.8%"]
    assert y2023["text"][0] == "25.9%"  # Nishinari 2023 (bottom row), derived from the official counts
    # the chart names all three sources of its figures, each with its date (a saved image keeps them)
    source = spec["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
    assert all(s in source for s in ("2023 Housing and Land Survey", "2013 Housing and Land Survey", "draft"))


@pytest.mark.parametrize(
    "query,score,level",
    [
        ({}, "0.0", "0"),
        ({"d_roof": "A"}, "12.5", "1"),
        ({"d_foundation": "C"}, "100.0", "1"),
        ({"d_foundation": "C", "d_exterior_wall": "A"}, "112.5", "2"),
        ({"d_foundation": "C", "d_exterior_wall": "A", "d_harm": "yes"}, "112.5", "3"),
    ],
)
def test_danger_score_at_the_level_boundaries(query, score, level):
    at = open_page("osaka", "en", tab="danger", **query)
    m = metrics(at)
    assert (m["Score (sum)"], m["Danger level"]) == (score, level)


def test_walls_offer_no_rank_c():
    at = open_page("osaka", "ja", tab="danger")
    wall = next(s for s in at.selectbox if s.key == "d_exterior_wall")
    assert wall.options == ["該当なし（0 点）", "A（12.5 点）", "B（25.0 点）"]


def test_highest_ward_is_named_as_the_charts_name_it():
    # 西成区: 25.9 % (the highest computed rate of the 24 wards in 2023)
    assert metrics(open_page("osaka", "ja"))["空き家率が最も高い区（率は派生値）"] == "西成区 25.9%"
    assert metrics(open_page("osaka", "en"))["Ward with the highest rate (rate derived)"] == "Nishinari (西成区) 25.9%"


def test_danger_table_names_the_parts_in_the_chosen_language():
    at = open_page("osaka", "en", tab="danger")
    grid = next(m.value for m in at.markdown if m.value.startswith("| Part |"))  # the table, drawn whole
    parts = {line.split("|")[1].strip() for line in grid.splitlines()[2:]}
    assert parts == {"Foundation, sills, columns or beams", "Exterior walls", "Roof"}  # never the keys


def test_simplified_boundaries_stay_within_the_tolerance():
    from machi.osaka.charts import simplify_geojson

    square = [[0, 0], [0.5, 0.00001], [1, 0], [1, 1], [0.5, 1.00003], [0, 1], [0, 0]]
    g = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"k": 1}, "geometry": {"type": "Polygon", "coordinates": [square]}}
        ],
    }
    ring = simplify_geojson(g, 0.0002)["features"][0]["geometry"]["coordinates"][0]
    assert ring == [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]  # the two points off the edges by < 0.0002 go
    ring = simplify_geojson(g, 0.00002)["features"][0]["geometry"]["coordinates"][0]
    assert [0.5, 1.00003] in ring and [0.5, 0.00001] not in ring  # 0.00003 off the edge stays at 0.00002


def test_a_ward_missing_from_the_boundary_file_is_named_not_fatal(tmp_path, monkeypatch):
    import shutil

    from machi.ui import cache
    from tests.conftest import ROOT

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", "*.tmp"))
    geo = data / "osaka" / "osaka_city_wards_n03_2020.geojson"
    content = json.loads(geo.read_text(encoding="utf-8"))
    content["features"] = [f for f in content["features"] if f["properties"]["N03_007"] != "27127"]  # 北区
    geo.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("MACHI_DATA", str(data))
    monkeypatch.setenv("MACHI_DB", str(tmp_path / "m.duckdb"))
    cache.forget_database()
    try:
        at = open_page("osaka", "ja", tab="map")  # no exception box
        assert [w.value for w in at.warning] == [t("osaka.no_boundary", "ja", wards="北区")]
        spec = json.loads(at.get("plotly_chart")[0].proto.spec)
        assert len([tr for tr in spec["data"] if tr.get("fill") == "toself"]) == 23
    finally:
        cache.forget_database()


@pytest.mark.parametrize("tab", ["ranking", "map"])
def test_a_ward_picked_under_the_chart_shows_its_own_figures(tab):
    """Nishinari (27122): first of 24 by vacancy rate, 25.9 % (derived from the official counts), and the
    23.8 % the 2013 policy states; Kita (27127) has no 2013 rate: said, not left blank. Kept in the URL."""
    at = open_page("osaka", "en", tab=tab, ward="27122")
    cards = metrics(at)
    assert cards[t("osaka.ward_rank", "en", metric=t("osaka.metric.rate", "en"))] == "1 of 24"
    assert cards[t("osaka.metric.rate", "en")] == "25.9%"
    assert cards[t("osaka.ward_then", "en", year=fmt.calendar_year(2013, "en"))] == "23.8%"
    assert at.query_params["ward"] == "27122"
    kita = metrics(open_page("osaka", "ja", tab=tab, ward="27127"))
    assert kita[t("osaka.ward_then", "ja", year=fmt.calendar_year(2013, "ja"))] == t("osaka.not_published", "ja")
    assert t("osaka.ward_then", "ja", year=fmt.calendar_year(2013, "ja")) not in metrics(
        open_page("osaka", "ja", tab=tab)
    )


def test_the_ward_table_names_wards_as_the_charts_do(con):
    """In English the table's wards read "Nishinari (西成区)", as on the charts (it printed 西成区 alone)."""
    from machi.osaka import logic as osaka

    rows = run_query(con, "osaka/wards")
    wards = rows[(rows.row_kind == "ward") & (rows.survey_year == 2023)]
    assert "Nishinari (西成区)" in osaka.ward_table(wards, "en").iloc[:, 0].tolist()
    assert "西成区" in osaka.ward_table(wards, "ja").iloc[:, 0].tolist()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_chart_of_three_sources_names_each_once_under_one_word(lang):
    at = open_page("osaka", lang, tab="then_now")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    line = spec["layout"]["title"]["subtitle"]["text"].replace("<br>", "")
    word = t("chart.sources", lang, sources="")
    assert line.startswith(word) and line.count(word.strip(" ：:")) == 1  # "Sources:" once, not "Source:" thrice
    assert line.count(t("common.group_sep", lang).strip()) == 2  # three sources, each with its date
