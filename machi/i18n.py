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
    # --- units and shared words ------------------------------------------------------------------
    "unit.yen": {"ja": "円", "en": "yen"},
    "unit.kyen": {"ja": "千円", "en": "thousand yen"},
    "common.all": {"ja": "すべて", "en": "All"},
    # --- Zushi -----------------------------------------------------------------------------------
    "nav.group.zushi": {"ja": "逗子市", "en": "Zushi (逗子市)"},
    "zushi.nav": {"ja": "総合計画の事業進捗と予算", "en": "Plan programs: progress and budgets"},
    "zushi.title": {"ja": "逗子市 総合計画 実施計画：事業の進捗と予算", "en": "Zushi: comprehensive-plan programs, progress and budgets"},
    "zushi.subtitle": {
        "ja": "{year}の事業評価シート（計画期間 2019〜2022 年度）から、各事業の進捗状況・評価区分・事業費を示します。",
        "en": "Progress, evaluation and spending of each program, from the {year} evaluation sheets (plan period FY2019–2022).",
    },
    "zushi.home_headline": {"ja": "逗子市：予定より遅れている事業", "en": "Zushi: programs behind schedule"},
    "zushi.home_headline_note": {
        "ja": "{year}に評価した総合計画 実施計画の事業のうち",
        "en": "of the comprehensive-plan programs evaluated in {year}",
    },
    "zushi.how_to_read": {"ja": "このシートの読み方（必ずお読みください）", "en": "How to read these sheets (please read)"},
    "zushi.how_to_read_body": {
        "ja": "- 出典は PDF から抽出したテキストで、様式の配置が崩れています。各欄は文言と位置から読み取って転記しました。\n"
        "- **事業費（円）**：シートの「事業費(2021(令和3)年度実績額）」欄の数値で、その年度に実際に支出した額です"
        "（例：シート2 の 3,256,000 円は実施結果に記載の地域づくり交付金 5 件の合計と一致）。シート1・3 には記載がありません（両事業とも凍結中）。\n"
        "- **計画事業費（千円）**：評価欄の後に印字された千円単位の数値で、計画期間（2019〜2022 年度）全体の予算額と読んでいます。"
        "シート上にこの数値を説明するラベルはなく、シートの配置と市の説明から読み取ったものです。\n"
        "- **進捗状況**：イ 予定より遅れている／ウ 着手できていない／エ 事業中止。尺度は ア から始まりますが、ア の文言は出典にないため「予定どおり」と読んでいます。\n"
        "- **評価区分**：(a) 順調であるとみなせる／(b) 概ね順調であるとみなせる／(c) 順調であるとみなせない。\n"
        "- **事業の名称**：シートの事業名は抽出時に失われました。表示している名称はシートの文言（主な計画項目や目的）から取った**短い呼び名**で、正式な事業名ではありません。",
        "en": "- The source is text extracted from a PDF; the form layout was scrambled. Each field was transcribed by its wording and position.\n"
        "- **Spending (yen)**: the figure by the label 事業費(2021(令和3)年度実績額） is the actual spending of that fiscal year "
        "(e.g. sheet 2's 3,256,000 yen equals the five community grants listed in its results). Sheets 1 and 3 have none (both projects are frozen).\n"
        "- **Plan budget (thousand yen)**: the figure printed after the evaluation boxes is in thousand yen and is read as the budget for the whole "
        "plan period (FY2019–2022). No label on the sheet names it: the reading comes from the sheet layout and the city's description of the sheets.\n"
        "- **Progress**: イ behind schedule / ウ not started / エ cancelled. The scale starts at ア, whose wording is not in the source; it is read as \"on schedule\".\n"
        "- **Evaluation**: (a) can be regarded as on track / (b) broadly on track / (c) cannot be regarded as on track.\n"
        "- **Program names**: the sheets' official program titles were lost in the extraction. The names shown are **short labels** taken from each "
        "sheet's own words (its main plan item or purpose), not official titles. Sheet text is shown in Japanese, as published.",
    },
    "zushi.filters": {"ja": "絞り込み", "en": "Filters"},
    "zushi.conditions": {"ja": "条件を選ぶ（{names}）", "en": "Choose conditions: {names}"},
    "zushi.active_filters": {"ja": "条件：{conds}", "en": "Conditions: {conds}"},
    "zushi.no_filters": {"ja": "条件なし（すべての事業）", "en": "No conditions (every program)"},
    "zushi.fiscal_year": {"ja": "年度", "en": "Fiscal year"},
    "zushi.section": {"ja": "節", "en": "Section (節)"},
    "zushi.policy": {"ja": "施策", "en": "Policy (施策)"},
    "zushi.department": {"ja": "所管課", "en": "Department"},
    "zushi.progress": {"ja": "進捗状況", "en": "Progress"},
    "zushi.evaluation": {"ja": "評価区分", "en": "Evaluation"},
    "zushi.no_match": {"ja": "条件に合う事業がありません。絞り込みを見直してください。", "en": "No program matches the filters. Widen them to see programs."},
    "zushi.shown": {"ja": "表示中：{n} 事業（全 {total} 事業中）", "en": "Showing {n} of {total} programs"},
    "zushi.programs": {"ja": "事業数", "en": "Programs"},
    "zushi.actual_total": {"ja": "{year} 事業費 実績の合計", "en": "Spending in {year}, total"},
    "zushi.actual_total_help": {
        "ja": "派生値：記載のあるシートの事業費（円）の合計。記載のないシート {missing} 件は含みません（0 とはみなしていません）。",
        "en": "Derived: sum of the stated spending (yen). {missing} sheet(s) state no figure and are left out (not counted as 0).",
    },
    "zushi.plan_total": {"ja": "計画事業費の合計（2019〜2022 年度）", "en": "Plan budget, FY2019–2022, total"},
    "zushi.plan_total_help": {
        "ja": "派生値：各シートの計画事業費（千円、計画期間全体）の合計。",
        "en": "Derived: sum of each sheet's plan-period budget (thousand yen).",
    },
    "zushi.derived_note": {
        "ja": "件数・合計は、シートの数値からこのダッシュボードが計算した派生値です。色だけでなく記号と文言で状態を示します。",
        "en": "Counts and totals are derived by this dashboard from the sheet figures. Status is shown by symbol and wording as well as colour.",
    },
    "zushi.tab.matrix": {"ja": "進捗 × 評価", "en": "Progress × evaluation"},
    "zushi.tab.budget": {"ja": "予算", "en": "Budgets"},
    "zushi.tab.targets": {"ja": "数値目標", "en": "Numeric targets"},
    "zushi.tab.programs": {"ja": "事業一覧", "en": "Programs"},
    "zushi.tab.sheet": {"ja": "事業シート", "en": "Program sheet"},
    "zushi.matrix": {"ja": "進捗状況 × 評価区分", "en": "Progress × evaluation"},
    "zushi.matrix_note": {"ja": "各マスの件数と、その事業（シート番号と短い呼び名）。", "en": "Count in each cell and its programs (sheet number and short label)."},
    "zushi.count": {"ja": "{n} 件", "en": "{n} program(s)"},
    "zushi.budget": {"ja": "予算：事業費の実績と計画事業費", "en": "Budgets: spending against the plan budget"},
    "zushi.budget_note": {
        "ja": "2 つの数値の読み方：**事業費**は 2021 年度 1 年間に実際に支出した額（シートでは円単位。ここでは比べるため千円に換算）。"
        "**計画事業費**は計画期間 4 年間（2019〜2022 年度）全体の予算額（千円）です。"
        "比率（派生値）は「1 年分の支出 ÷ 4 年分の計画額」なので、100% にならないのが普通です。事業費の記載がないシートは「記載なし」と示します。",
        "en": "How the two figures read: **spending** is what was actually spent in the single year FY2021 (in yen on the sheet; converted to thousand yen here to compare). "
        "The **plan budget** is the budget for the whole four-year plan period (FY2019–2022), in thousand yen. "
        "The ratio (derived) is one year's spending over four years' budget, so it is normally well below 100%. Sheets with no spending figure are marked as such.",
    },
    "zushi.budget_level": {"ja": "集計の単位", "en": "Group by"},
    "zushi.level.program": {"ja": "事業", "en": "Program"},
    "zushi.level.policy": {"ja": "施策", "en": "Policy (施策)"},
    "zushi.level.section": {"ja": "節", "en": "Section (節)"},
    "zushi.level.department": {"ja": "所管課", "en": "Department"},
    "zushi.plan_budget_series": {"ja": "計画事業費（2019〜2022 年度）", "en": "Plan budget (FY2019–2022)"},
    "zushi.actual_series": {"ja": "2021 年度 事業費 実績（棒は千円に換算、数値は円）", "en": "FY2021 spending (bar in thousand yen, label in yen)"},
    "zushi.no_actual_figure": {"ja": "事業費の記載なし", "en": "no spending figure"},
    "zushi.col.programs": {"ja": "事業数", "en": "Programs"},
    "zushi.col.actual_yen": {"ja": "2021年度 事業費 実績（円）", "en": "FY2021 spending (yen)"},
    "zushi.col.actual_missing": {"ja": "事業費の記載なし（件）", "en": "Sheets with no spending figure"},
    "zushi.col.plan_kyen": {"ja": "計画事業費 2019〜2022（千円）", "en": "Plan budget FY2019–2022 (thousand yen)"},
    "zushi.col.share_pct": {"ja": "比率（派生値）", "en": "Ratio (derived)"},
    "zushi.col.sheet_no": {"ja": "シート", "en": "Sheet"},
    "zushi.col.label_ja": {"ja": "短い呼び名（正式名ではない）", "en": "Short label (not the official title)"},
    "zushi.col.policy_code": {"ja": "施策コード", "en": "Policy code"},
    "zushi.col.policy_ja": {"ja": "施策", "en": "Policy (施策)"},
    "zushi.col.department_ja": {"ja": "所管課", "en": "Department"},
    "zushi.col.progress": {"ja": "進捗状況", "en": "Progress"},
    "zushi.col.evaluation": {"ja": "評価区分", "en": "Evaluation"},
    "zushi.col.actual_cost_yen": {"ja": "事業費 実績（円）", "en": "Spending (yen)"},
    "zushi.col.plan_cost_kyen": {"ja": "計画事業費（千円）", "en": "Plan budget (thousand yen)"},
    "zushi.targets": {"ja": "数値目標：基準値 → 2021 年度 → 目標", "en": "Numeric targets: baseline → FY2021 → target"},
    "zushi.targets_note": {
        "ja": "進捗率（派生値）＝（2021 年度の値 − 基準値）÷（目標 − 基準値）。基準値を下回るとマイナスになり、そのまま示します。",
        "en": "Share of the way covered (derived) = (FY2021 value − baseline) ÷ (target − baseline). It is negative when the value fell below the baseline, and is shown as it is.",
    },
    "zushi.no_targets": {"ja": "絞り込んだ事業には数値目標がありません。", "en": "None of the filtered programs has a numeric target."},
    "zushi.program_ref": {"ja": "事業：{label}", "en": "Program: {label}"},
    "zushi.share": {"ja": "目標までの進捗率（派生値）", "en": "Share of the way to the target (derived)"},
    "zushi.below_baseline": {
        "ja": "2021 年度の値は基準値を下回ったため、進捗率はマイナスです（切り捨てていません）。事情はシートの「個別事情」を参照してください。",
        "en": "The FY2021 value fell below the baseline, so the share is negative (not clipped). The sheet's own explanation is under 'circumstances' below.",
    },
    "zushi.kpi_baseline": {"ja": "基準値", "en": "Baseline"},
    "zushi.kpi_target": {"ja": "目標", "en": "Target"},
    "zushi.approx": {"ja": "約", "en": "about "},
    "zushi.reading": {"ja": "読み取りの注記", "en": "Transcription note (Japanese)"},
    "zushi.table": {"ja": "事業一覧", "en": "Programs"},
    "zushi.detail": {"ja": "事業の詳細（シートの全項目）", "en": "Program detail (every field of the sheet)"},
    "zushi.choose_program": {"ja": "事業を選ぶ", "en": "Choose a program"},
    "zushi.label_note": {
        "ja": "見出しはシートの文言から取った短い呼び名で、正式な事業名ではありません。",
        "en": "The heading is a short label taken from the sheet's words, not the official program title. Sheet text is in Japanese, as published.",
    },
    "zushi.sheet_no": {"ja": "シート番号", "en": "Sheet number"},
    "zushi.order_in_policy": {"ja": "施策内の順番", "en": "Order within the policy"},
    "zushi.field.purpose_ja": {"ja": "目的", "en": "Purpose (目的)"},
    "zushi.field.target_group_ja": {"ja": "対象", "en": "Target group (対象)"},
    "zushi.field.means_ja": {"ja": "手段", "en": "Means (手段)"},
    "zushi.field.target_ja": {"ja": "目標【2022（令和4）年度】", "en": "Target, FY2022 (目標)"},
    "zushi.field.baseline_ja": {"ja": "現状【2013 年度末】", "en": "Baseline, end of FY2013 (現状)"},
    "zushi.field.plan_items_ja": {"ja": "年度別計画", "en": "Plan items (年度別計画)"},
    "zushi.field.results_ja": {"ja": "実施結果", "en": "Results (実施結果)"},
    "zushi.field.problems_ja": {"ja": "反省点・問題点", "en": "Problems (反省点・問題点)"},
    "zushi.field.circumstances_ja": {"ja": "個別事情（社会状況変化等考慮すべき事情）", "en": "Circumstances (個別事情)"},
    "zushi.field.innovations_ja": {"ja": "工夫している点", "en": "Innovations (工夫している点)"},
    "zushi.field.council_opinion_ja": {"ja": "審議会・懇話会等の意見", "en": "Council opinions (審議会・懇話会等の意見)"},
    "zushi.field_empty": {"ja": "記載なし", "en": "nothing stated"},
    # --- Asaka -----------------------------------------------------------------------------------
    "common.approx": {"ja": "約", "en": "about "},
    "nav.group.asaka": {"ja": "朝霞市", "en": "Asaka (朝霞市)"},
    "asaka.nav": {"ja": "みどりの目標と必要なペース", "en": "Green targets and the pace they need"},
    "asaka.title": {"ja": "朝霞市 みどりの基本計画：2035 年度の目標と必要なペース", "en": "Asaka green plan: the 2035 targets and the pace they need"},
    "asaka.subtitle": {
        "ja": "朝霞市みどりの基本計画 2026〜2035（令和8年3月発行）の 4 つの指標について、現状値（令和7年度末）から目標値（令和17年度末）までの道のりを示します。",
        "en": "The four indicators of Asaka's green basic plan 2026–2035 (published March 2026): from the value at the end of FY2025 to the target at the end of FY2035.",
    },
    "asaka.home_headline": {"ja": "朝霞市：1 人あたり都市公園面積", "en": "Asaka: urban park area per person"},
    "asaka.home_headline_note": {
        "ja": "{base}末 → {target}末の目標。必要なペース（派生値）{pace} {unit}／年",
        "en": "end of {base} → target at the end of {target}. Pace needed (derived): {pace} {unit} a year",
    },
    "asaka.how_to_read": {"ja": "このページの読み方", "en": "How to read this page"},
    "asaka.how_to_read_body": {
        "ja": "- 現状値・目標値・みどりの割合・重点施策の目標は、計画書（概要版）に記載の数値です。\n"
        "- **必要な変化量・年あたりのペース・目標までの直線（必要な道のり）**は、現状値と目標値からこのダッシュボードが計算した**派生値**です（10 年間で均等に進むと仮定）。\n"
        "- 実績値は、市が公表した年度の値を `data/asaka/actuals.csv` に追加すると、すべてのグラフに自動で表示されます（現在は未登録）。\n"
        "- **みどりの割合**（1973年 49.8%・2023年 34.8%）は、樹林・草地なども含む広い指標で、指標「市域に占める緑地の割合」（21.5%）とは別のものです。\n"
        "- 試算の初期値（人口・市域面積）は計画の数値ではなく、国勢調査・国土地理院の公式値です。",
        "en": "- Current values, targets, green cover and the priority-measure targets are figures printed in the plan (summary edition).\n"
        "- **Change needed, pace per year and the straight path to the target** are **derived** by this dashboard from the current value and the target (assuming even progress over the ten years).\n"
        "- Actual values appear on every chart once a figure the city publishes is added to `data/asaka/actuals.csv` (none yet).\n"
        "- **Green cover** (49.8% in 1973, 34.8% in 2023) is a wider measure than the indicator 'share of the city area that is green space' (21.5%); they are not the same thing.\n"
        "- The starting values of the what-ifs (population, city area) are official figures from the Census and GSI, not figures of the plan.",
    },
    "asaka.tab.overview": {"ja": "4 指標の現状と目標", "en": "The four indicators"},
    "asaka.tab.paths": {"ja": "目標への道のり", "en": "Paths to the targets"},
    "asaka.tab.cover": {"ja": "みどりの割合の推移", "en": "Green cover"},
    "asaka.tab.measures": {"ja": "施策の体系", "en": "Measures"},
    "asaka.tab.whatif": {"ja": "試算", "en": "What-if"},
    "asaka.paths": {"ja": "目標への道のり（基準年度から目標年度まで一定の歩みの場合）", "en": "Paths to the targets (at an even pace from baseline to target)"},
    "asaka.paths_note": {
        "ja": "破線は基準値から目標値まで毎年同じだけ進む場合に各年度に必要な値（派生値）、●は現状値、★は目標値、◆（橙）は公表された実績値です。",
        "en": "The dashed line is the value needed each year at an even pace from baseline to target (derived); ● is the current value, ★ the target, ◆ (orange) the published actuals.",
    },
    "asaka.indicators": {"ja": "計画の 4 指標", "en": "The plan's four indicators"},
    "asaka.definition": {"ja": "定義", "en": "Definition (Japanese)"},
    "asaka.baseline": {"ja": "現状値（{year}末）", "en": "Current (end of {year})"},
    "asaka.target": {"ja": "目標値（{year}末）", "en": "Target (end of {year})"},
    "asaka.change_needed": {"ja": "必要な変化量（派生値）", "en": "Change needed (derived)"},
    "asaka.pace_needed": {"ja": "必要なペース（派生値・1 年あたり）", "en": "Pace needed per year (derived)"},
    "asaka.derived_help": {"ja": "目標値 − 現状値", "en": "target − current value"},
    "asaka.pace_help": {"ja": "（目標値 − 現状値）÷ {years} 年", "en": "(target − current value) ÷ {years} years"},
    "asaka.no_actuals": {
        "ja": "実績値はまだ登録されていません。市が公表した値を追加すると、最新値・順調かどうか・到達見込み年度を表示します。",
        "en": "No actual value is on record yet. Once the city's published figures are added, the latest value, whether it is on track and the year the target would be met appear here.",
    },
    "asaka.on_track": {"ja": "✓ 順調（必要な道のり以上）", "en": "✓ On track (at or beyond the path)"},
    "asaka.behind": {"ja": "▲ 遅れ（必要な道のりに届かない）", "en": "▲ Behind (short of the path)"},
    "asaka.latest": {
        "ja": "最新値 {year}：{value}（必要な道のり：{required}）",
        "en": "Latest, {year}: {value} (path requires {required})",
    },
    "asaka.projected": {
        "ja": "直近のペース（{pace}／年）が続くと、目標に届くのは {year} 年度ごろ（派生値）。",
        "en": "At the recent pace ({pace} a year) the target is met around FY{year} (derived).",
    },
    "asaka.never_at_pace": {
        "ja": "直近のペースでは目標に近づいていないため、到達年度は見込めません。",
        "en": "At the recent pace the indicator is not moving towards the target, so no year can be projected.",
    },
    "asaka.series_path": {"ja": "必要な道のり（派生値）", "en": "Required path (derived)"},
    "asaka.series_baseline": {"ja": "現状値", "en": "Current value"},
    "asaka.series_target": {"ja": "目標値", "en": "Target"},
    "asaka.series_actual": {"ja": "実績値", "en": "Actual"},
    "asaka.axis_fiscal_year": {"ja": "年度末", "en": "End of fiscal year"},
    "asaka.col.year": {"ja": "年度", "en": "Fiscal year"},
    "asaka.path_table": {"ja": "必要な道のり：各年度の値（派生値）", "en": "Required path: value for each year (derived)"},
    "asaka.green_cover": {"ja": "みどりの割合の推移（1973 → 2023）", "en": "Green cover, 1973 → 2023"},
    "asaka.green_cover_not_share": {
        "ja": "みどりの割合（緑被）は、指標「市域に占める緑地の割合」とは別の、より広い指標です。2 つを比べたり足したりしないでください。",
        "en": "Green cover is a different, wider measure than the indicator 'share of the city area that is green space'. Do not compare or add the two.",
    },
    "asaka.cover_change": {"ja": "{points} ポイント", "en": "{points} points"},
    "asaka.measures": {"ja": "施策の体系と重点施策", "en": "Policy structure and priority measures"},
    "asaka.measures_note": {
        "ja": "基本方針 → 施策の柱 → 基本施策（★＝重点施策）。枠の大きさは個別施策の数で、個別施策は図の下の一覧にあります。図の枠をクリックすると開きます。目標は計画書の文言どおり（日本語）。",
        "en": "Basic policy → pillar → basic measure (★ = priority). A box's size is its number of individual measures, which are listed below the chart. Click a box to open it. Targets are quoted from the plan (in Japanese).",
    },
    "asaka.individual_count": {"ja": "個別施策 {n} 件", "en": "{n} individual measures"},
    "asaka.plan_target": {"ja": "計画目標", "en": "Plan target"},
    "asaka.future_target": {"ja": "将来目標", "en": "Future target"},
    "asaka.current": {"ja": "現状", "en": "now"},
    "asaka.points": {"ja": " ポイント", "en": " points"},
    "asaka.current_derived": {
        "ja": "派生値：計画書は現況の面積を記載せず「現況値+{inc}{unit}」とのみ記載。計画目標 約{target}{unit} − {inc}{unit} で算出。",
        "en": "Derived: the plan does not print today's area, only 'current + {inc} {unit}'. Computed as plan target about {target} {unit} − {inc} {unit}.",
    },
    "asaka.cover_quote": {"ja": "計画書の記述：「{text}」", "en": "The plan says (Japanese): 「{text}」"},
    "asaka.cover_points_note": {
        "ja": "グラフの差（ポイント）は 2 時点の割合の差で、派生値です。計画書の「約15%」はこの差（49.8% − 34.8% ＝ 15.0 ポイント）にあたります。",
        "en": "The gap shown (points) is the difference between the two shares, derived. The plan's 'about 15%' is this difference (49.8% − 34.8% = 15.0 points); as a share of the 1973 cover the loss is larger.",
    },
    "asaka.whatif": {"ja": "試算（What-if）", "en": "What-if calculators"},
    "asaka.whatif_note": {
        "ja": "入力は URL に保存されるので、リンクを共有すると同じ試算を開けます。結果はすべて派生値です。",
        "en": "Inputs are kept in the URL: share the link to share the scenario. All results are derived values.",
    },
    "asaka.park_calc": {"ja": "1 人あたり都市公園面積を面積（ha）にすると", "en": "Urban park area per person, in hectares"},
    "asaka.pop_now": {"ja": "現在の人口（人）", "en": "Current population (people)"},
    "asaka.pop_year": {"ja": "現在の人口の年", "en": "Year of the current population"},
    "asaka.pop_2035_mode": {"ja": "2035 年の人口の入れ方", "en": "2035 population given as"},
    "asaka.mode.number": {"ja": "人数", "en": "a number"},
    "asaka.mode.rate": {"ja": "年平均増減率", "en": "an annual rate of change"},
    "asaka.pop_2035": {"ja": "2035 年の人口（人）", "en": "2035 population (people)"},
    "asaka.rate": {"ja": "人口の年平均増減率（%／年、−10〜10）", "en": "Annual population change (% a year, −10 to 10)"},
    "asaka.default_source": {
        "ja": "初期値：{label} {value} {unit}（出典：{source}）。計画の数値ではありません。",
        "en": "Starting value: {label} {value} {unit} (source: {source}). Not a figure of the plan.",
    },
    "asaka.park_now": {"ja": "現状 {value} ㎡/人 が意味する面積", "en": "What today's {value} ㎡/person means"},
    "asaka.park_need": {"ja": "2035 年に {value} ㎡/人 に必要な面積", "en": "Needed in 2035 for {value} ㎡/person"},
    "asaka.park_add": {"ja": "増やす必要がある面積", "en": "To be added"},
    "asaka.park_formula": {
        "ja": "計算：{pop} 人 × {now} ㎡ ÷ 10,000、{pop35} 人（2035 年）× {target} ㎡ ÷ 10,000。",
        "en": "Computed: {pop} people × {now} ㎡ ÷ 10,000; {pop35} people (2035) × {target} ㎡ ÷ 10,000.",
    },
    "asaka.share_calc": {"ja": "緑地の割合を面積（ha）にすると", "en": "Green-space share, in hectares"},
    "asaka.city_area": {"ja": "市域面積（km²）", "en": "City area (km²)"},
    "asaka.share_now": {"ja": "現状 {pct}% の面積", "en": "Today's {pct}%"},
    "asaka.share_target": {"ja": "目標 {pct}% の面積", "en": "Target {pct}%"},
    "asaka.share_add": {"ja": "増やす必要がある面積", "en": "To be added"},
    "asaka.share_formula": {"ja": "計算：市域 {area} ha × 割合。", "en": "Computed: city area {area} ha × share."},
    # --- Yao -------------------------------------------------------------------------------------
    "nav.group.yao": {"ja": "八尾市", "en": "Yao (八尾市)"},
    "yao.nav": {"ja": "容積率の許可（52条14項1号）計算", "en": "FAR permit bonus calculator"},
    "yao.title": {"ja": "八尾市 容積率の特例許可（建築基準法第52条第14項第1号）計算ツール",
                  "en": "Yao: floor-area-ratio permit bonus (Building Standards Act Art. 52(14)(i))"},
    "yao.subtitle": {
        "ja": "八尾市「建築基準法第52条第14項第1号許可取扱実施基準」（平成28年4月1日改正）の各基準で計画を確認し、割増し後の最大延べ面積を計算します。結果は入力するとすぐに更新されます。",
        "en": "Checks a plan against Yao City's criteria for permits under Art. 52(14)(i) (revised 1 April 2016) and computes the maximum floor area after the bonus. Results update as you type.",
    },
    "yao.home_headline": {"ja": "八尾市：許可後の最大容積率（例題）", "en": "Yao: max. FAR with the permit (example)"},
    "yao.home_headline_note": {"ja": "基準容積率 {base}% の例題「{title}」", "en": "worked example with a base FAR of {base}%: {title}"},
    "yao.not_a_permit": {
        "ja": "すべての基準に適合しても、許可されるとは限りません。許可は、交通上・安全上・防火上・衛生上支障がなく、八尾市建築審査会の同意を得たものについて行われます（第2）。",
        "en": "Meeting every criterion does not mean a permit: it is granted only where there is no problem for traffic, safety, fire or sanitation, with the consent of Yao City's building review board (第2).",
    },
    "yao.bad_link": {"ja": "リンクの試算条件を読み取れなかったため、例題を表示しています。", "en": "The scenario in the link could not be read; a worked example is shown instead."},
    "yao.how_to_read": {"ja": "この計算の読み方と解釈", "en": "How to read this calculation, and its interpretations"},
    "yao.how_to_read_body": {
        "ja": "- 各基準の数値・係数はすべて実施基準の条文から取り、条項を併記しています。\n"
        "- 限度ちょうどの値は適合とします（浮動小数点の誤差は許容範囲で比較）。\n"
        "- 「原則として」とされる基準や裁量による例外がある基準は、不適合でも市が例外を認める場合があります（表の「メッセージ」参照）。\n"
        "- 有効空地面積 S は八尾市総合設計許可取扱要領「4. 公開空地等」により算定した値を入力します（この基準書には算定方法がありません）。\n"
        "- 以下は、条文から一意に読めない箇所についてこの計算が採った解釈です（英語）。",
        "en": "- Every figure and coefficient comes from the criteria, with its clause.\n"
        "- A value exactly at a limit passes (compared with a tolerance).\n"
        "- Rules qualified by 原則として (as a rule) or with a discretionary exception may be waived by the city even when they fail (see each message).\n"
        "- The effective open space S is entered as computed under Yao's comprehensive-design guidelines §4 (not in this document).\n"
        "- Below: the interpretations this calculator takes where the text does not settle a point.",
    },
    "yao.interpretations": {"ja": "解釈（ルールファイルの記録、英語）", "en": "Interpretations (as recorded in the rule file)"},
    "yao.example": {"ja": "例題から始める", "en": "Start from a worked example"},
    "yao.load_example": {"ja": "例題を読み込む", "en": "Load example"},
    "yao.g.route": {"ja": "許可の種類と用途地域", "en": "Permit route and use zone"},
    "yao.route": {"ja": "許可の種類", "en": "Permit route"},
    "yao.zone": {"ja": "用途地域", "en": "Use zone"},
    "yao.g.site": {"ja": "第3 1. 敷地条件", "en": "第3 1. Site conditions"},
    "yao.g.site_note": {"ja": "中水道施設等の設置に関する許可にのみ適用されます。", "en": "Apply to the facilities route only."},
    "yao.site_area": {"ja": "敷地面積 A（㎡）", "en": "Site area A (㎡)"},
    "yao.perimeter": {"ja": "敷地外周の長さ（m）", "en": "Site perimeter (m)"},
    "yao.road_width": {"ja": "前面道路の幅員（m）", "en": "Front road width (m)"},
    "yao.frontage": {"ja": "前面道路に一箇所で接する長さ（m）", "en": "Frontage on that road in one place (m)"},
    "yao.road_through": {"ja": "前面道路はその幅員以上の道路まで通り抜けている", "en": "The front road runs through to a road at least as wide"},
    "yao.g.layout": {"ja": "第3 2.〜4. 配置・歩道・有効空地", "en": "第3 2.–4. Layout, sidewalk, effective open space"},
    "yao.coverage": {"ja": "基準建ぺい率 C（%）", "en": "Base coverage ratio C (%)"},
    "yao.building_area": {"ja": "建築面積（㎡）", "en": "Building area (㎡)"},
    "yao.green_area": {"ja": "緑化面積（㎡）", "en": "Greened area (㎡)"},
    "yao.effective_open_space": {"ja": "有効空地面積 S（㎡）", "en": "Effective open space S (㎡)"},
    "yao.sidewalk": {"ja": "歩道の幅員（既設＋敷地内、m）", "en": "Sidewalk width (existing + on site, m)"},
    "yao.parts": {"ja": "建築物の各部分の高さと敷地境界線までの距離（第3 2.(2)）", "en": "Each building part: height and distance to the site boundary (第3 2.(2))"},
    "yao.height": {"ja": "高さ（m）", "en": "Height (m)"},
    "yao.setback": {"ja": "境界線まで（m）", "en": "To boundary (m)"},
    "yao.g.far": {"ja": "第5 容積率", "en": "第5 Floor-area ratio"},
    "yao.base_far": {"ja": "基準容積率 V0（%）", "en": "Base FAR V0 (%)"},
    "yao.g.facilities": {"ja": "第4 1. 中水道施設等（対象となる部分の床面積）", "en": "第4 1. Facilities (floor area of the qualifying parts)"},
    "yao.kind": {"ja": "施設の種類（第4 1.(1)①〜⑮）", "en": "Kind (第4 1.(1) ①–⑮)"},
    "yao.floor_area": {"ja": "床面積（㎡）", "en": "Floor area (㎡)"},
    "yao.g.barrier_free": {"ja": "第4 2. バリアフリー（別表2 の標準面積との比較）", "en": "第4 2. Barrier-free items (against the 別表2 standard areas)"},
    "yao.bf_note": {
        "ja": "建築物の区分と各項目（item, count, actual_area_m2 ほか）を JSON で入力します。項目と必要なキーの一覧は machi/permit/INPUT.md にあります。",
        "en": "Enter the building type and the items (item, count, actual_area_m2 …) as JSON. The items and their keys are listed in machi/permit/INPUT.md.",
    },
    "yao.bf_json": {"ja": "バリアフリー項目（JSON）", "en": "Barrier-free items (JSON)"},
    "yao.bf_bad_json": {"ja": "JSON として読めません：{error}", "en": "Not valid JSON: {error}"},
    "yao.g.sogo": {"ja": "第6 総合設計との併用", "en": "第6 Combination with 総合設計"},
    "yao.use_sogo": {"ja": "総合設計制度と併用する", "en": "Combined with 総合設計 (comprehensive design)"},
    "yao.sogo_max": {"ja": "総合設計による延べ面積の限度（㎡）", "en": "Floor-area limit under 総合設計 (㎡)"},
    "yao.sogo_used": {"ja": "総合設計で計画する延べ面積（㎡、省略時は限度）", "en": "Floor area planned under 総合設計 (㎡; the limit if empty)"},
    "yao.invalid": {"ja": "入力を確認してください（{field}）：{message}", "en": "Please check the input ({field}): {message}"},
    "yao.invalid_where": {"ja": "この入力欄は「{tab}」タブにあります。", "en": "This input is in the “{tab}” tab."},
    "yao.in.site": {"ja": "敷地と容積率", "en": "Site and FAR"},
    "yao.in.layout": {"ja": "配置・空地", "en": "Layout"},
    "yao.in.facilities": {"ja": "施設", "en": "Facilities"},
    "yao.in.barrier_free": {"ja": "バリアフリー", "en": "Barrier-free"},
    "yao.in.sogo": {"ja": "総合設計", "en": "総合設計"},
    "yao.field_named": {"ja": "{label}［{field}］", "en": "{label} [{field}]"},
    "yao.field_row": {"ja": "{label}（{row} 行目）", "en": "{label} (row {row})"},
    "yao.bad_choice": {
        "ja": "リンクの「{label}」の値 {value} は選択肢にないため、「{used}」を表示しています。",
        "en": "The link's value {value} for “{label}” is not one of the choices; “{used}” is shown instead.",
    },
    "yao.eligible": {"ja": "✓ すべての基準に適合（割増し対象）", "en": "✓ Meets every criterion (bonus applies)"},
    "yao.not_eligible": {"ja": "✗ 適合しない基準があります（割増しなし）", "en": "✗ Some criterion is not met (no bonus)"},
    "yao.base_floor_area": {"ja": "基準の延べ面積 V0 × A", "en": "Base floor area V0 × A"},
    "yao.base_help": {"ja": "基準容積率 × 敷地面積", "en": "base FAR × site area"},
    "yao.bonus_claimed": {"ja": "申請する割増し", "en": "Bonus claimed"},
    "yao.bonus_allowed": {"ja": "認められる割増し", "en": "Bonus allowed"},
    "yao.max_floor_area": {"ja": "最大延べ面積", "en": "Maximum floor area"},
    "yao.max_far": {"ja": "割増し後の容積率", "en": "Resulting FAR"},
    "yao.max_far_help": {"ja": "派生値：最大延べ面積 ÷ 敷地面積", "en": "Derived: maximum floor area ÷ site area"},
    "yao.limit": {"ja": "上限（第5 / 第6）", "en": "Limit (第5 / 第6)"},
    "yao.limit_help": {"ja": "第5：1.25 × V0 × A。総合設計と併用する場合は第6 による限度。", "en": "第5: 1.25 × V0 × A; with 総合設計, the 第6 limit."},
    "yao.binding.not_eligible": {"ja": "決め手：適合しない基準があるため、割増しはありません。", "en": "Binding: a criterion is not met, so there is no bonus."},
    "yao.binding.bonus_claimed": {"ja": "決め手：申請した割増しが上限より小さいため、そのまま認められます。", "en": "Binding: the bonus claimed is below every limit and is allowed in full."},
    "yao.binding.cap_5": {"ja": "決め手：第5 の上限（1.25 × V0 × A）で割増しが頭打ちになります。", "en": "Binding: the 第5 cap (1.25 × V0 × A) limits the bonus."},
    "yao.binding.sogo_6": {"ja": "決め手：第6（総合設計との併用）の限度で割増しが頭打ちになります。", "en": "Binding: the 第6 limit (combination with 総合設計) limits the bonus."},
    "yao.tab.reasons": {"ja": "決め手と注記", "en": "What decides it"},
    "yao.tab.checks": {"ja": "審査項目", "en": "Checks"},
    "yao.tab.breakdown": {"ja": "割増しの内訳", "en": "Bonus breakdown"},
    "yao.tab.sensitivity": {"ja": "感度", "en": "Sensitivity"},
    "yao.checks": {"ja": "基準ごとの適否", "en": "Check by check"},
    "yao.checks_note": {
        "ja": "✓ 適合／✗ 不適合／— この許可の種類には適用されない基準。余裕＝実際の値 − 必要な値。",
        "en": "✓ pass / ✗ fail / — not applicable to this route. Margin = actual − required.",
    },
    "yao.col.status": {"ja": "適否", "en": "Status"},
    "yao.col.id": {"ja": "ID", "en": "ID"},
    "yao.col.clause": {"ja": "条項", "en": "Clause"},
    "yao.col.rule": {"ja": "基準", "en": "Rule"},
    "yao.col.required": {"ja": "必要な値", "en": "Required"},
    "yao.col.actual": {"ja": "実際の値", "en": "Actual"},
    "yao.col.margin": {"ja": "余裕", "en": "Margin"},
    "yao.col.unit": {"ja": "単位", "en": "Unit"},
    "yao.col.strict": {"ja": "厳格", "en": "Strict"},
    "yao.col.message": {"ja": "メッセージ", "en": "Message"},
    "yao.col.item": {"ja": "項目", "en": "Item"},
    "yao.col.count": {"ja": "数", "en": "Count"},
    "yao.col.actual_m2": {"ja": "実際の面積（㎡）", "en": "Actual (㎡)"},
    "yao.col.standard_m2": {"ja": "標準面積（㎡）", "en": "Standard (㎡)"},
    "yao.col.bonus_m2": {"ja": "割増しへの寄与（㎡）", "en": "Bonus (㎡)"},
    "yao.breakdown": {"ja": "割増しの内訳と上限", "en": "Bonus breakdown and the cap"},
    "yao.cap_note": {
        "ja": "基準の延べ面積 {base} ㎡、上限 {limit} ㎡。認められる割増しは「申請する割増し」と「上限 − 基準の延べ面積」の小さい方です。",
        "en": "Base floor area {base} ㎡, limit {limit} ㎡. The bonus allowed is the smaller of the bonus claimed and limit − base floor area.",
    },
    "yao.sensitivity": {"ja": "感度：1 つの入力を動かしたときの最大延べ面積", "en": "Sensitivity: maximum floor area as one input varies"},
    "yao.sensitivity_field": {"ja": "動かす入力", "en": "Input to vary"},
    "yao.sweep.site_area_m2": {"ja": "敷地面積（㎡）", "en": "Site area (㎡)"},
    "yao.sweep.base_far_pct": {"ja": "基準容積率（%）", "en": "Base FAR (%)"},
    "yao.sweep.facilities_total_m2": {"ja": "施設の床面積の合計（㎡）", "en": "Total facility floor area (㎡)"},
    "yao.sweep.building_area_m2": {"ja": "建築面積（㎡）", "en": "Building area (㎡)"},
    "yao.sweep.green_area_m2": {"ja": "緑化面積（㎡）", "en": "Greened area (㎡)"},
    "yao.sweep.effective_open_space_m2": {"ja": "有効空地面積（㎡）", "en": "Effective open space (㎡)"},
    "yao.sweep.road_width_m": {"ja": "前面道路の幅員（m）", "en": "Front road width (m)"},
    "yao.sweep.base_coverage_pct": {"ja": "基準建ぺい率（%）", "en": "Base coverage ratio (%)"},
    "yao.series_eligible": {"ja": "適合", "en": "meets the criteria"},
    "yao.series_not_eligible": {"ja": "不適合（割増しなし）", "en": "fails a criterion (no bonus)"},
    "yao.current_value": {"ja": "現在の入力", "en": "current input"},
    "yao.download_json": {"ja": "結果を JSON でダウンロード", "en": "Download result (JSON)"},
    # --- Osaka -----------------------------------------------------------------------------------
    "nav.group.osaka": {"ja": "大阪市", "en": "Osaka (大阪市)"},
    "osaka.nav": {"ja": "空き家の統計と危険度判定", "en": "Vacant housing and the danger score"},
    "osaka.title": {"ja": "大阪市 24 区の空き家と特定空家等への対応", "en": "Osaka: vacant housing in the 24 wards, and dangerous vacant houses"},
    "osaka.subtitle": {
        "ja": "住宅・土地統計調査（{year}）の 24 区の空き家と、大阪市の特定空家等に対する措置の方針（判定表・措置の流れ）を示します。",
        "en": "Vacant housing in the 24 wards from the Housing and Land Survey ({year}), and Osaka City's policy on specified vacant houses (danger score, staged enforcement).",
    },
    "osaka.home_headline": {"ja": "大阪市：空き家率（2023年）", "en": "Osaka City: vacancy rate (2023)"},
    "osaka.home_headline_note": {"ja": "空き家 {vacant} 戸／住宅 {total} 戸（派生値）", "en": "{vacant} vacant of {total} dwellings (derived)"},
    "osaka.how_to_read": {"ja": "このページの読み方", "en": "How to read this page"},
    "osaka.how_to_read_body": {
        "ja": "- 2023 年の数値は e-Stat の公式表（第1-2表）をそのまま取り込んだものです。空き家率は空き家数 ÷ 住宅総数で計算した**派生値**です。\n"
        "- 統計は標本調査の推計値で、区は十の位、市・府は百の位で丸められています。そのため種類別の合計は総数と一致しません。\n"
        "- **その他の空き家（221）**は、賃貸用・売却用・二次的住宅を除く空き家で、長期間使われていない空き家として施策上最も重要です。\n"
        "- 2013 年の区別の値は、公式資料に記載のある 3 区（生野区・東住吉区・西成区、率のみ）だけを示し、ほかは「公表値なし」とします。民間サイトの数値は使っていません。\n"
        "- 地図はこのダッシュボードに同梱した区境界データだけで描き、背景地図は使いません（インターネット不要）。",
        "en": "- The 2023 figures are the official e-Stat table (Table 1-2), imported as published. Vacancy rates are **derived**: vacant ÷ total dwellings.\n"
        "- The survey is a sample survey; ward figures are rounded to tens and city/prefecture figures to hundreds, so the kinds do not add up exactly to the total.\n"
        "- **Other vacant dwellings (221)** — those not for rent, for sale or second homes — are the long-term vacant kind that matters most for policy.\n"
        "- For 2013 only the wards an official document states (Ikuno, Higashisumiyoshi, Nishinari; rates only) are shown; the rest are marked not published. No figures from private websites are used.\n"
        "- The map is drawn from the ward boundaries shipped with the dashboard, on a blank background (no internet needed).",
    },
    "osaka.city_rate": {"ja": "大阪市の空き家率（{year}年、派生値）", "en": "Osaka City vacancy rate ({year}, derived)"},
    "osaka.rate_help": {"ja": "空き家数 ÷ 住宅総数 × 100", "en": "vacant ÷ total dwellings × 100"},
    "osaka.city_vacant": {"ja": "大阪市の空き家数", "en": "Vacant dwellings in Osaka City"},
    "osaka.unit_dwellings": {"ja": "戸", "en": "dwellings"},
    "osaka.city_other_rate": {"ja": "その他の空き家（221）の割合（派生値）", "en": "Long-term vacant (221) share (derived)"},
    "osaka.other_help": {"ja": "その他の空き家数 ÷ 住宅総数 × 100", "en": "other vacant (221) ÷ total dwellings × 100"},
    "osaka.highest_ward": {"ja": "空き家率が最も高い区", "en": "Ward with the highest rate"},
    "osaka.ranking": {"ja": "24 区の順位（{year}年）", "en": "The 24 wards ranked ({year})"},
    "osaka.map": {"ja": "24 区の地図（{year}年）", "en": "The 24 wards on the map ({year})"},
    "osaka.tab.ranking": {"ja": "区の順位", "en": "Ranking"},
    "osaka.tab.map": {"ja": "地図", "en": "Map"},
    "osaka.tab.kinds": {"ja": "空き家の種類", "en": "Kinds"},
    "osaka.tab.then_now": {"ja": "2013年との比較", "en": "2013 vs 2023"},
    "osaka.tab.compare": {"ja": "ほかの市区町村", "en": "Other areas"},
    "osaka.tab.policy": {"ja": "特定空家等の措置", "en": "Policy"},
    "osaka.tab.danger": {"ja": "危険度の判定", "en": "Danger score"},
    "osaka.metric": {"ja": "表示する指標", "en": "Measure"},
    "osaka.metric.rate": {"ja": "空き家率", "en": "Vacancy rate"},
    "osaka.metric.other_rate": {"ja": "その他の空き家（221）の割合", "en": "Long-term vacant (221) share"},
    "osaka.ref.city": {"ja": "大阪市", "en": "Osaka City"},
    "osaka.ref.prefecture": {"ja": "大阪府", "en": "Osaka Pref."},
    "osaka.ref.national": {"ja": "全国", "en": "Japan"},
    "osaka.axis_rate": {"ja": "住宅総数に対する割合（%）", "en": "Share of all dwellings (%)"},
    "osaka.axis_dwellings": {"ja": "空き家数（戸）", "en": "Vacant dwellings"},
    "osaka.vacant_total": {"ja": "空き家数", "en": "Vacant"},
    "osaka.dwellings_total": {"ja": "住宅総数", "en": "Dwellings"},
    "common.item_sep": {"ja": "、", "en": ", "},
    "osaka.no_boundary": {"ja": "境界データがないため地図に描けない区：{wards}（数値は順位・種類のタブにあります）",
                          "en": "Not on the map, for want of a boundary: {wards} (their figures are in the ranking and kinds tabs)"},
    "osaka.map_credit": {"ja": "国土数値情報（行政区域データ）（国土交通省）を加工して作成", "en": "国土数値情報（行政区域データ）（国土交通省）を加工して作成 (MLIT boundaries, processed)"},
    "osaka.derived_rates": {
        "ja": "率はすべて公式表の戸数から計算した派生値です（小数第 1 位で表示）。",
        "en": "All rates are derived from the official counts (shown to one decimal).",
    },
    "osaka.kinds": {"ja": "区別の空き家の種類（{year}年）", "en": "Vacant dwellings by kind per ward ({year})"},
    "osaka.ward_table": {"ja": "{n} 区の数値を表で見る（この順）", "en": "The {n} wards' figures as a table (in this order)"},
    "osaka.kinds_note": {
        "ja": "221 その他（長期の空き家）／222 賃貸用／223 売却用／224 二次的住宅。区は十の位で丸めた推計値のため、合計は総数と一致しません。",
        "en": "221 other (long-term) / 222 for rent / 223 for sale / 224 second homes. Ward figures are rounded to tens, so the kinds do not add up exactly to the total.",
    },
    "osaka.kind.vacant_other": {"ja": "221 その他の空き家", "en": "221 other (long-term)"},
    "osaka.kind.vacant_rental": {"ja": "222 賃貸用", "en": "222 for rent"},
    "osaka.kind.vacant_for_sale": {"ja": "223 売却用", "en": "223 for sale"},
    "osaka.kind.vacant_secondary": {"ja": "224 二次的住宅", "en": "224 second homes"},
    "osaka.col.ward_ja": {"ja": "区", "en": "Ward"},
    "osaka.col.dwellings_total": {"ja": "住宅総数", "en": "Dwellings"},
    "osaka.col.vacant_total": {"ja": "空き家数", "en": "Vacant"},
    "osaka.col.vacancy_rate_pct": {"ja": "空き家率（派生値）", "en": "Vacancy rate (derived)"},
    "osaka.col.vacant_other": {"ja": "221 その他", "en": "221 other"},
    "osaka.col.vacant_other_rate_pct": {"ja": "221 の割合（派生値）", "en": "221 share (derived)"},
    "osaka.col.vacant_rental": {"ja": "222 賃貸用", "en": "222 for rent"},
    "osaka.col.vacant_for_sale": {"ja": "223 売却用", "en": "223 for sale"},
    "osaka.col.vacant_secondary": {"ja": "224 二次的住宅", "en": "224 second homes"},
    "osaka.col.area": {"ja": "地域", "en": "Area"},
    "osaka.col.part": {"ja": "部位", "en": "Part"},
    "osaka.col.rank": {"ja": "ランク", "en": "Rank"},
    "osaka.col.citation": {"ja": "根拠（判定表）", "en": "Basis (scoring table)"},
    "osaka.then_now": {"ja": "2013 年と 2023 年の空き家率", "en": "Vacancy rate, 2013 and 2023"},
    "osaka.then_now_note": {
        "ja": "2013 年は公式資料に記載のある値のみ（大阪市の結果ページ、市の方針）。記載のない区は「公表値なし」。2013 年の率は資料の記載値、2023 年は派生値です。",
        "en": "2013: only figures stated in official documents (the city's results page, the city's policy). Wards with none are marked not published. 2013 rates are as stated; 2023 rates are derived.",
    },
    "osaka.not_published": {"ja": "公表値なし", "en": "not published"},
    "osaka.compare": {"ja": "ほかの市区町村と比べる（{year}年）", "en": "Compare with any municipality ({year})"},
    "osaka.compare_pick": {"ja": "比べる地域（公式表のすべての地域から選べます）", "en": "Areas to compare (any area of the official table)"},
    "osaka.compare_default": {
        "ja": "未選択のときは、大阪市・逗子市・朝霞市・八尾市・大阪府・全国を表示します。",
        "en": "With nothing chosen: Osaka City, Zushi, Asaka, Yao, Osaka Prefecture and Japan.",
    },
    "osaka.policy": {"ja": "特定空家等に対する措置（大阪市の方針）", "en": "Measures for specified vacant houses (Osaka City policy)"},
    "osaka.categories": {"ja": "特定空家等の 4 つの状態", "en": "The four categories of a specified vacant house"},
    "osaka.examples": {"ja": "例示（{n} 件）", "en": "Examples ({n}, Japanese)"},
    "osaka.enforcement": {"ja": "措置の流れ（別表第1）", "en": "Staged enforcement (Table 1)"},
    "osaka.enforcement_detail": {"ja": "各段階の内容", "en": "What each stage does (Japanese)"},
    "osaka.no_article": {"ja": "勧告に伴う税制上の措置", "en": "tax consequence of a recommendation"},
    "osaka.danger": {"ja": "危険度の判定（判定表）", "en": "Danger score (scoring table)"},
    "osaka.danger_note": {
        "ja": "各部位の状態のランクを選ぶと、評点・危険度・次の対応を判定表に基づいて示します。その部位にないランク（外壁の C など）は選べません。",
        "en": "Pick the rank of each part: the score, the danger level and the next step follow the policy's scoring table. Ranks a part does not have (walls have no C) cannot be chosen.",
    },
    "osaka.rank_none": {"ja": "該当なし（0 点）", "en": "none (0 points)"},
    "osaka.points": {"ja": "点", "en": "points"},
    "osaka.third_party": {"ja": "第三者に危害を及ぼすおそれ", "en": "Risk of harm to third parties"},
    "osaka.harm.no": {"ja": "なし", "en": "no"},
    "osaka.harm.yes": {"ja": "あり", "en": "yes"},
    "osaka.score": {"ja": "評点（合計）", "en": "Score (sum)"},
    "osaka.score_help": {"ja": "各部位の点数の合計", "en": "sum of the parts' points"},
    "osaka.level": {"ja": "危険度", "en": "Danger level"},
    "osaka.level_badge": {"ja": "危険度 {level}", "en": "Level {level}"},
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
