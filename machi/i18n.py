"""The one translation table of the UI: every key in Japanese (default) and English.

Data labels stay in Japanese (with English where a source gives it); UI text goes through t().
"""

from __future__ import annotations

LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}

TEXT: dict[str, dict[str, str]] = {
    # --- app shell -------------------------------------------------------------------------------
    "app.title": {"ja": "まちダッシュボード", "en": "Machi Dashboard"},
    "app.tagline": {
        "ja": "日本の自治体計画のための分析ダッシュボード",
        "en": "An analytical dashboard for Japanese municipal planning",
    },
    "lang.label": {"ja": "表示言語 / Language", "en": "表示言語 / Language"},
    "nav.home": {"ja": "ホーム", "en": "Home"},
    "nav.sources": {"ja": "出典とデータ", "en": "Sources and data"},
    "nav.group.about": {"ja": "このダッシュボードについて", "en": "About this dashboard"},
    "db.rebuild_failed": {
        "ja": "データの再構築に失敗しました。前回構築したデータを表示しています（最新でない可能性があります）。原因: {error}",
        "en": "Rebuilding the data failed. The previously built data is shown (it may be out of date). Cause: {error}",
    },
    "db.build_failed": {
        "ja": "データベースを構築できませんでした。原因: {error}",
        "en": "The database could not be built. Cause: {error}",
    },
    # --- common ----------------------------------------------------------------------------------
    "common.no_data": {"ja": "データなし", "en": "n/a"},
    "common.no_date": {"ja": "日付の記載なし", "en": "no date stated"},
    "common.source": {"ja": "出典", "en": "Source"},
    "common.sources": {"ja": "出典", "en": "Sources"},
    "common.download_csv": {"ja": "CSV をダウンロード（Excel 対応）", "en": "Download CSV (opens in Excel)"},
    "common.open_page": {"ja": "ページを開く", "en": "Open page"},
    "common.rows": {"ja": "{n} 行", "en": "{n} rows"},
    # --- home ------------------------------------------------------------------------------------
    "home.intro": {
        "ja": "まちダッシュボードは、自治体の計画・統計資料を一つの画面で読み解くためのツールです。"
        "議会・庁内の説明用画面、データを掘り下げる職員の分析、その場で試算する計算ツールに使えます。"
        "表示する数値はすべて公表資料・公式統計から取り、出典を併記しています。",
        "en": "Machi Dashboard reads municipal plans and official statistics on one screen: "
        "for council briefings, for planners exploring the data, and for quick what-if calculations. "
        "Every figure comes from a published document or an official table, and its source is shown.",
    },
    "home.modules": {"ja": "各自治体のページ", "en": "Municipal pages"},
    "home.no_modules": {
        "ja": "自治体のページはまだありません。出典一覧から、利用予定の資料を確認できます。",
        "en": "No municipal page exists yet. The sources page lists the documents the dashboard will use.",
    },
    "home.how_to_read": {"ja": "数値の読み方", "en": "How to read the figures"},
    "home.how_to_read_body": {
        "ja": "- すべての数値に出典（資料名・表・日付）を付けています。\n"
        "- 率・ペース・合計などの派生値は、出典の数値からこのダッシュボードが計算したもので、「派生値」と表示します。\n"
        "- 出典にない値は推計で埋めず、「データなし」と表示します。\n"
        "- 年度は「2021（令和3）年度」のように西暦と和暦で表示します。",
        "en": "- Every figure carries its source (title, table, date).\n"
        "- Rates, paces and sums are computed by this dashboard from the source figures and are labelled as derived.\n"
        "- A value missing from the sources is never estimated: it is shown as n/a.\n"
        "- Fiscal years are shown with the Japanese era, e.g. FY2021 (Reiwa 3).",
    },
    "home.sources_card": {"ja": "登録されている出典", "en": "Sources on record"},
    "home.sources_card_note": {
        "ja": "うち資料 {documents} 件・公式統計表 {official_tables} 件",
        "en": "{documents} documents, {official_tables} official tables",
    },
    # --- sources page ----------------------------------------------------------------------------
    "sources.title": {"ja": "出典とデータ", "en": "Sources and data"},
    "sources.intro": {
        "ja": "このダッシュボードが用いる資料・公式統計表の一覧です。利用条件とクレジット表記を併記します。"
        "各ページの数値は、ここに挙げた出典の ID で追跡できます。",
        "en": "Every document and official table the dashboard uses, with its terms of use and credit line. "
        "Each figure on the other pages traces back to one of these source IDs.",
    },
    "sources.filter": {"ja": "自治体で絞り込む", "en": "Filter by municipality"},
    "sources.all": {"ja": "すべて", "en": "All"},
    "sources.id": {"ja": "出典 ID", "en": "Source ID"},
    "sources.publisher": {"ja": "発行者", "en": "Publisher"},
    "sources.date": {"ja": "日付", "en": "Date"},
    "sources.url": {"ja": "URL", "en": "URL"},
    "sources.url_none": {"ja": "公開 URL の記録なし", "en": "no public URL on record"},
    "sources.license": {"ja": "利用条件", "en": "Terms of use"},
    "sources.credit": {"ja": "クレジット表記", "en": "Credit line"},
    "sources.note": {"ja": "注記", "en": "Note"},
    "sources.datasets": {"ja": "データセット", "en": "Datasets"},
    "sources.datasets_intro": {
        "ja": "ダッシュボードの表は、コマンド `python -m machi export 名前` でも取り出せます。",
        "en": "The dashboard's tables can also be exported with `python -m machi export NAME`.",
    },
    "sources.dataset_name": {"ja": "名前", "en": "Name"},
    "sources.dataset_rows": {"ja": "行数", "en": "Rows"},
    "sources.dataset_description": {"ja": "内容", "en": "Description"},
    "sources.kind.document": {"ja": "資料", "en": "Document"},
    "sources.kind.official_table": {"ja": "公式統計表", "en": "Official table"},
    "sources.kind.boundaries": {"ja": "境界データ", "en": "Boundary data"},
    "sources.kind.web_page": {"ja": "公式ウェブページ", "en": "Official web page"},
    "sources.date_kind.published": {"ja": "発行", "en": "published"},
    "sources.date_kind.effective": {"ja": "実施", "en": "in force from"},
    "sources.date_kind.survey": {"ja": "調査期日", "en": "survey date"},
    "sources.date_kind.fiscal_year": {"ja": "対象年度", "en": "fiscal year covered"},
    "sources.date_kind.edition": {"ja": "版", "en": "edition"},
}


def normalise_language(value) -> str:
    """'en' → 'en'; anything unknown → the default language."""
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text of `key` in `lang`, with {placeholders} filled from `values`.

    An unknown key raises KeyError: a missing translation is a bug, caught by the tests.
    """
    text = TEXT[key][normalise_language(lang)]
    return text.format(**values) if values else text
