"""AppTest: the app shell, the home page and the sources page, in both languages."""

import pytest
from streamlit.testing.v1 import AppTest

from machi.core.text import t
from machi.municipalities import MUNICIPALITIES
from tests.apptest_support import ROOT, open_page, texts


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_home_renders_in_language(lang):
    at = open_page(None, lang)
    assert at.title[0].value == t("app.title", lang)
    body = texts(at)
    assert t("home.intro", lang) in body
    assert t("home.how_to_read", lang) in body
    # the sources headline shows the real count from the database
    card = [m for m in at.metric if m.label == t("home.sources_card", lang)]
    assert card and int(card[0].value) >= 4


def test_language_comes_from_url():
    at = open_page(None, "en")
    assert at.radio(key="lang_switch").value == "en"
    assert at.title[0].value == "Machi Dashboard"


def test_language_switch_survives_page_switch():
    at = open_page(None, "ja")
    at.radio(key="lang_switch").set_value("en").run()
    assert at.title[0].value == "Machi Dashboard"
    at.switch_page("pages/sources.py").run()
    assert at.title[0].value == "Sources and data"


class FakeQueryParams(dict):
    """st.query_params as far as ui.set_param uses it, counting the writes (each is a message to the browser)."""

    def __init__(self, **params):
        super().__init__(params)
        self.writes = []

    def get_all(self, key):
        value = dict.get(self, key, [])
        return value if isinstance(value, list) else [value]

    def __setitem__(self, key, value):
        self.writes.append(("set", key, value))
        super().__setitem__(key, value)

    def __delitem__(self, key):
        self.writes.append(("del", key))
        super().__delitem__(key)


@pytest.mark.parametrize(
    "params,key,value,default,writes",
    [
        ({}, "tab", "map", "ranking", [("set", "tab", "map")]),
        ({"tab": "map"}, "tab", "map", "ranking", []),  # unchanged: no message
        ({"tab": "map"}, "tab", "kinds", "ranking", [("set", "tab", "kinds")]),
        ({}, "tab", "ranking", "ranking", []),  # the default is left out of the link
        ({"tab": "map"}, "tab", "ranking", "ranking", [("del", "tab")]),
        ({"areas": ["27100"]}, "areas", ["27100"], [], []),
        ({"areas": ["27100"]}, "areas", ["27100", "14208"], [], [("set", "areas", ["27100", "14208"])]),
        ({"areas": ["27100"]}, "areas", [], [], [("del", "areas")]),
        ({"s": "abc"}, "s", "abc", None, []),  # no default: kept whatever it is
        ({}, "s", "abc", None, [("set", "s", "abc")]),
    ],
)
def test_url_parameters_are_written_only_when_they_change(monkeypatch, params, key, value, default, writes):
    from machi.ui import state

    fake = FakeQueryParams(**params)
    monkeypatch.setattr(state.st, "query_params", fake)
    state.set_param(key, value, default)
    assert fake.writes == writes


def test_a_page_opened_on_its_defaults_writes_nothing_to_the_url():
    """Japanese, the first tab, the first measure: a link without parameters (and the browser's history
    gets one entry per page switch, not one per parameter)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/osaka.py").run()
    assert not at.exception and dict(at.query_params) == {}
    at.radio(key="metric").set_value("vacant_other_rate_pct").run()
    assert dict(at.query_params) == {"metric": "vacant_other_rate_pct"}
    at.radio(key="lang_switch").set_value("en").run()
    assert dict(at.query_params) == {"metric": "vacant_other_rate_pct", "lang": "en"}


def test_unknown_language_in_url_falls_back_to_japanese():
    at = open_page(None, "fr")
    assert at.title[0].value == "まちダッシュボード"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sources_page_lists_every_source_with_license_and_credit(lang, con):
    from machi.core.db import run_query

    at = open_page("sources", lang)
    assert at.title[0].value == t("sources.title", lang)
    body = texts(at)
    sources = run_query(con, "core/sources")
    for s in sources.itertuples():
        assert (s.title_ja if lang == "ja" else s.title_en) in body  # in English the credit line has the Japanese
        assert s.credit_ja in body
        assert (s.license_ja if lang == "ja" else s.license_en) in body
    # the datasets catalogue names every dataset with its row count
    catalogue = at.dataframe[0].value
    assert "sources" in catalogue.iloc[:, 0].tolist()


def test_sources_filter_by_municipality_is_kept_in_url():
    at = open_page("sources", "ja", municipality="八尾市")
    body = texts(at)
    assert "建築基準法第52条第14項第1号許可取扱実施基準" in body
    assert "朝霞市みどりの基本計画" not in body


def _fresh_app_with(monkeypatch, db, data=None):
    from machi.ui import cache

    monkeypatch.setenv("MACHI_DB", str(db))
    if data:
        monkeypatch.setenv("MACHI_DATA", str(data))
    cache.forget_database()
    cache._cached_query.clear()


@pytest.fixture()
def restore_app_cache():
    yield
    from machi.ui import cache

    cache.forget_database()
    cache._cached_query.clear()


def test_app_rebuilds_a_corrupt_database(tmp_path, monkeypatch, restore_app_cache):
    db = tmp_path / "m.duckdb"
    db.write_bytes(b"garbage" * 100)
    _fresh_app_with(monkeypatch, db)
    at = open_page(None, "ja")
    assert not at.warning and not at.error
    from machi.core.build import stored_fingerprint

    assert stored_fingerprint(db) is not None


def test_app_keeps_previous_database_and_says_so_when_a_source_breaks(tmp_path, monkeypatch, restore_app_cache):
    import shutil

    from machi.core.build import build
    from tests.conftest import ROOT

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", "*.tmp"))
    db = tmp_path / "m.duckdb"
    build(MUNICIPALITIES, db, data)
    (data / "sources.csv").write_text("", encoding="utf-8")
    _fresh_app_with(monkeypatch, db, data)
    # (AppTest drops the entry script's elements after switch_page, so the banner is read on home)
    at = open_page(None, "en")
    assert "Rebuilding the data failed" in at.warning[0].value and "sources.csv" in at.warning[0].value
    at.switch_page("pages/sources.py").run()
    assert "建築基準法第52条第14項第1号許可取扱実施基準" in texts(at)  # previous data still shown


def test_app_says_clearly_when_no_database_can_be_built(tmp_path, monkeypatch, restore_app_cache):
    import shutil

    from tests.conftest import ROOT

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", "*.tmp"))
    (data / "sources.csv").write_text("source_id\n", encoding="utf-8")
    _fresh_app_with(monkeypatch, tmp_path / "m.duckdb", data)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert "データベースを構築できませんでした" in at.error[0].value and "missing column" in at.error[0].value


# --- the one private Streamlit behaviour the app relies on, and the frozen figures -------------------


def test_streamlit_still_has_the_legacy_pages_mode_the_shell_leaves():
    """ui.shell._through_the_entry_script relies on PagesManager.uses_pages_directory: set when the entry
    script has a pages/ folder beside it (deep links then run a page file alone) and cleared by
    st.navigation. If Streamlit renames or drops it, this fails and the shell must be looked at again."""
    from streamlit.runtime.pages_manager import PagesManager

    saved = PagesManager.uses_pages_directory
    try:
        PagesManager.uses_pages_directory = None
        PagesManager(str(ROOT / "app.py"))
        assert PagesManager.uses_pages_directory is True
    finally:
        PagesManager.uses_pages_directory = saved


def test_a_frozen_figure_gives_streamlit_the_same_figure_without_copying_it_again():
    import json

    import plotly.graph_objects as go
    import plotly.io
    import plotly.tools

    from machi.ui.cache import FrozenFigure

    figure = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"title": {"text": "t"}})
    plain = figure.to_dict()
    frozen = FrozenFigure(figure)
    assert frozen.to_dict() is frozen.to_dict() and frozen.to_dict() == plain
    # what st.plotly_chart does with it (plotly's public helpers): the same JSON as the plain figure
    sent = plotly.tools.return_figure_from_figure_or_data(frozen, validate_figure=True)
    assert json.loads(plotly.io.to_json(sent, validate=False)) == json.loads(plotly.io.to_json(plain, validate=False))
