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
