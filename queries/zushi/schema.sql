-- Zushi (逗子市): comprehensive-plan implementation programs, one row per evaluation sheet and fiscal year.

-- 進捗状況: the progress scale ア–エ (ア's wording is not in the FY2021 sheets).
CREATE TABLE zushi_progress_scale (
    code              VARCHAR PRIMARY KEY CHECK (code IN ('ア', 'イ', 'ウ', 'エ')),
    progress          VARCHAR NOT NULL UNIQUE CHECK (progress IN ('on_schedule', 'delayed', 'not_started', 'cancelled')),
    sort_order        INTEGER NOT NULL UNIQUE,
    label_ja          VARCHAR NOT NULL,
    label_en          VARCHAR NOT NULL,
    symbol            VARCHAR NOT NULL,
    wording_in_source BOOLEAN NOT NULL
);

-- 評価区分: the evaluation categories (a)–(c) ((a)'s wording is not printed in the FY2021 sheets).
CREATE TABLE zushi_evaluation_scale (
    code              VARCHAR PRIMARY KEY CHECK (code IN ('a', 'b', 'c')),
    sort_order        INTEGER NOT NULL UNIQUE,
    label_ja          VARCHAR NOT NULL,
    label_en          VARCHAR NOT NULL,
    symbol            VARCHAR NOT NULL,
    wording_in_source BOOLEAN NOT NULL
);

CREATE TABLE zushi_programs (
    fiscal_year        INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    sheet_no           INTEGER NOT NULL CHECK (sheet_no > 0),
    section_no         INTEGER NOT NULL CHECK (section_no > 0),      -- 節
    section_ja         VARCHAR NOT NULL,
    policy_code        VARCHAR NOT NULL CHECK (regexp_full_match(policy_code, '[0-9]+-[0-9]+')),  -- 施策
    policy_ja          VARCHAR NOT NULL,
    department_code    VARCHAR NOT NULL CHECK (regexp_full_match(department_code, '[0-9]{4}')),  -- 所管
    department_ja      VARCHAR NOT NULL,
    order_in_policy    INTEGER NOT NULL CHECK (order_in_policy > 0),
    program_type_ja    VARCHAR,
    -- a short label from the sheet's own words; NOT the official 事業名 (lost in the extraction)
    label_ja           VARCHAR NOT NULL,
    purpose_ja         VARCHAR NOT NULL,  -- 目的
    target_group_ja    VARCHAR NOT NULL,  -- 対象
    means_ja           VARCHAR NOT NULL,  -- 手段
    target_year        INTEGER NOT NULL,  -- 目標の年度
    target_ja          VARCHAR NOT NULL,  -- 目標, as stated
    baseline_ja        VARCHAR NOT NULL,  -- 現状【2013年度末】, as stated
    plan_items_ja      VARCHAR NOT NULL,  -- 年度別計画
    results_ja         VARCHAR NOT NULL,  -- 実施結果
    problems_ja        VARCHAR,           -- 反省点・問題点
    circumstances_ja   VARCHAR,           -- 個別事情
    innovations_ja     VARCHAR,           -- 工夫している点
    council_opinion_ja VARCHAR,           -- 審議会・懇話会等の意見
    progress_code      VARCHAR NOT NULL REFERENCES zushi_progress_scale (code),
    evaluation_code    VARCHAR NOT NULL REFERENCES zushi_evaluation_scale (code),
    actual_cost_yen    BIGINT CHECK (actual_cost_yen >= 0),          -- 事業費 (fiscal year's actual), 円; NULL where none
    plan_cost_kyen     BIGINT NOT NULL CHECK (plan_cost_kyen >= 0),  -- plan-period budget, 千円 (read from the layout)
    source_id          VARCHAR NOT NULL REFERENCES sources (source_id),
    -- English (unofficial translations; shown in the English view, the Japanese where empty)
    section_en         VARCHAR,
    policy_en          VARCHAR,
    department_en      VARCHAR,
    label_en           VARCHAR,
    PRIMARY KEY (fiscal_year, sheet_no),
    UNIQUE (fiscal_year, policy_code, order_in_policy)
);

-- The numeric targets some sheets carry: baseline, the fiscal year's value, target.
CREATE TABLE zushi_kpis (
    fiscal_year       INTEGER NOT NULL,
    sheet_no          INTEGER NOT NULL,
    indicator_ja      VARCHAR NOT NULL,
    unit              VARCHAR NOT NULL,
    baseline          DOUBLE NOT NULL,
    baseline_label_ja VARCHAR NOT NULL,
    actual            DOUBLE,
    actual_approx     BOOLEAN NOT NULL,  -- the sheet says 約 (about)
    target            DOUBLE NOT NULL,
    target_label_ja   VARCHAR NOT NULL,
    note_ja           VARCHAR,
    source_id         VARCHAR NOT NULL REFERENCES sources (source_id),
    -- English (unofficial translations; the Japanese where empty)
    indicator_en      VARCHAR,
    unit_en           VARCHAR,
    baseline_label_en VARCHAR,
    target_label_en   VARCHAR,
    note_en           VARCHAR,
    PRIMARY KEY (fiscal_year, sheet_no),
    FOREIGN KEY (fiscal_year, sheet_no) REFERENCES zushi_programs (fiscal_year, sheet_no),
    CHECK (target <> baseline)
);
