"""Osaka's charts built from the real tables: the ward map shades what the data says."""

import pytest

from machi.core.db import run_query
from machi.core.text import t
from machi.osaka import charts


@pytest.fixture()
def osaka_2023(con):
    import json

    from machi.core import paths

    rows = run_query(con, "osaka/wards")
    wards = rows[(rows.row_kind == "ward") & (rows.survey_year == 2023)].reset_index(drop=True)
    geojson = json.loads((paths.data_dir() / "osaka/osaka_city_wards_n03_2020.geojson").read_text(encoding="utf-8"))
    return wards, geojson


def _rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(v) for v in colour.removeprefix("rgb(").removesuffix(")").split(","))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_ward_map_shades_each_ward_by_its_value_darker_for_higher(osaka_2023, lang):
    wards, geojson = osaka_2023
    fig = charts.ward_map(wards, geojson, "vacancy_rate_pct", "rate", lang)
    shapes = [tr for tr in fig.data if tr.fill == "toself"]
    assert [tr.meta for tr in shapes] == list(wards.area_code) and len(shapes) == 24
    value = dict(zip(wards.area_code, wards.vacancy_rate_pct))
    by_value = sorted(shapes, key=lambda tr: value[tr.meta])
    brightness = [sum(_rgb(tr.fillcolor)) for tr in by_value]
    assert brightness == sorted(brightness, reverse=True) and brightness[0] > brightness[-1]
    scale = [tr for tr in fig.data if tr.marker and tr.marker.showscale]
    assert len(scale) == 1 and (scale[0].marker.cmin, scale[0].marker.cmax) == (
        min(value.values()),
        max(value.values()),
    )
    # the north–south scale follows the city's latitude (about 34.7°: a degree east is 0.82 of one north)
    assert fig.layout.yaxis.scaleanchor == "x" and 1.2 < fig.layout.yaxis.scaleratio < 1.23
    assert not fig.layout.xaxis.visible and not fig.layout.yaxis.visible


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_ward_map_leaves_out_a_ward_without_boundary_and_names_it(osaka_2023, lang):
    from machi.osaka import logic as osaka

    wards, geojson = osaka_2023
    gone = wards.area_code[5]
    partial = {**geojson, "features": [f for f in geojson["features"] if f["properties"]["N03_007"] != gone]}
    fig = charts.ward_map(wards, partial, "vacancy_rate_pct", "rate", lang)  # raised KeyError before
    shapes = [tr.meta for tr in fig.data if tr.fill == "toself"]
    assert len(shapes) == 23 and gone not in shapes
    name = wards.ward_ja[5] if lang == "ja" else f"{wards.ward_en[5]} ({wards.ward_ja[5]})"
    assert osaka.wards_without_boundary(wards, partial, lang) == [name]
    assert osaka.wards_without_boundary(wards, geojson, lang) == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_ward_map_shows_a_ward_without_value_as_a_gap_not_a_shade(osaka_2023, lang):
    wards, geojson = osaka_2023
    gap = wards.area_code[3]
    wards.loc[3, "vacancy_rate_pct"] = float("nan")
    fig = charts.ward_map(wards, geojson, "vacancy_rate_pct", "rate", lang)
    shapes = {tr.meta: tr for tr in fig.data if tr.fill == "toself"}
    assert shapes[gap].fillcolor == charts.NO_VALUE_FILL["colour"] and shapes[gap].fillpattern.shape == "/"
    assert t("common.no_data", lang) in shapes[gap].text
    assert all(tr.fillpattern.shape is None and tr.fillcolor.startswith("rgb(") for c, tr in shapes.items() if c != gap)
    known = wards.vacancy_rate_pct.dropna()
    scale = next(tr for tr in fig.data if tr.marker and tr.marker.showscale)
    assert (scale.marker.cmin, scale.marker.cmax) == (known.min(), known.max())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_ward_map_writes_each_wards_name_and_value_inside_the_ward_readable_on_its_shade(osaka_2023, lang):
    """A council reads a projected or printed map: every ward's name and value on the map itself, placed
    inside the ward (a concave ward's centroid may fall outside it), white on the darkest shades."""
    from machi.core import fmt
    from machi.osaka.logic import ward_shapes

    wards, geojson = osaka_2023
    fig = charts.ward_map(wards, geojson, "vacancy_rate_pct", "rate", lang)
    labels = next(tr for tr in fig.data if tr.meta == "ward_labels")
    assert len(labels.text) == 24 and labels.hoverinfo == "skip"
    shapes = ward_shapes(geojson)
    fills = {tr.meta: tr.fillcolor for tr in fig.data if tr.fill == "toself"}
    for row, x, y, text, colour in zip(
        wards.itertuples(), labels.x, labels.y, labels.text, labels.textfont.color, strict=True
    ):
        name = row.ward_ja if lang == "ja" else row.ward_en
        assert text == f"{name}<br>{fmt.percent(row.vacancy_rate_pct, 1, lang=lang)}"
        polygons = shapes[row.area_code]["coordinates"]
        polygons = polygons if shapes[row.area_code]["type"] == "MultiPolygon" else [polygons]
        assert any(charts._inside(x, y, p[0]) for p in polygons), row.ward_ja
        assert colour == charts.text_colour(fills[row.area_code])
    darkest = wards.vacancy_rate_pct.idxmax()
    assert (
        labels.textfont.color[darkest] == "white" and labels.textfont.color[wards.vacancy_rate_pct.idxmin()] != "white"
    )


def test_a_label_goes_inside_a_crescent_where_its_centroid_is_not():
    """A C-shaped ward: the middle of its box (and its centroid) lie in the gap; the label does not."""
    ring = [[0, 0], [10, 0], [10, 3], [3, 3], [3, 7], [10, 7], [10, 10], [0, 10], [0, 0]]
    x, y = charts.label_point({"type": "Polygon", "coordinates": [ring]})
    assert charts._inside(x, y, ring) and not charts._inside(5, 5, ring)
    assert x < 3  # in the thick back of the C


def test_labels_that_would_overprint_each_other_take_their_next_best_places():
    """Two wards whose best spots coincide: the second label moves to a spot clear of the first."""
    a = [(0.0, 0.0, 0.010), (0.0, 0.02, 0.008)]
    b = [(0.001, 0.0, 0.009), (0.0, -0.03, 0.007), (0.05, 0.05, 0.001)]
    (xa, ya), (xb, yb) = charts.place_labels([("西成区<br>25.9%", a), ("阿倍野区<br>13.8%", b)])
    wa, ha = charts.label_box("西成区<br>25.9%")
    wb, hb = charts.label_box("阿倍野区<br>13.8%")
    assert abs(xa - xb) >= (wa + wb) / 2 or abs(ya - yb) >= (ha + hb) / 2  # their boxes do not meet
    alone = charts.place_labels([("阿倍野区<br>13.8%", b)])
    assert alone == [(0.001, 0.0)]  # on its own, a label takes its best spot
