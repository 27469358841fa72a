-- Asaka (朝霞市): green basic plan 2026–2035 indicators, green cover, priority measures, observations.

CREATE TABLE asaka_indicators (
    indicator_id      VARCHAR PRIMARY KEY CHECK (regexp_full_match(indicator_id, '[a-z][a-z0-9_]*')),
    sort_order        INTEGER NOT NULL UNIQUE,
    name_ja           VARCHAR NOT NULL,
    name_en           VARCHAR NOT NULL,
    definition_ja     VARCHAR,
    unit              VARCHAR,  -- NULL where the plan prints none (the satisfaction score)
    decimals          INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 4),
    show_sign         BOOLEAN NOT NULL,  -- printed with its sign (+0.29) in the plan
    baseline_year     INTEGER NOT NULL,
    baseline_label_ja VARCHAR NOT NULL,
    baseline_value    DOUBLE NOT NULL,
    target_year       INTEGER NOT NULL,
    target_label_ja   VARCHAR NOT NULL,
    target_value      DOUBLE NOT NULL,
    direction         VARCHAR NOT NULL CHECK (direction IN ('increase', 'decrease')),
    source_lines      VARCHAR,
    source_id         VARCHAR NOT NULL REFERENCES sources (source_id),
    -- the range the measure can take: the satisfaction rating's −1.0 to +1.0 as the plan defines it, a
    -- share's 0–100, an area or a count from 0. A chart's axis starts at scale_min, so slopes compare.
    scale_min         DOUBLE NOT NULL,
    scale_max         DOUBLE,
    unit_en           VARCHAR,  -- the unit in English (unofficial translation); NULL: as `unit`
    CHECK (target_year > baseline_year),
    CHECK (scale_min <= least(baseline_value, target_value)),
    CHECK (scale_max IS NULL OR scale_max >= greatest(baseline_value, target_value))
);

-- みどり (green cover): a wider measure than the 緑地 share indicator; never mixed with it.
CREATE TABLE asaka_green_cover (
    year         INTEGER PRIMARY KEY,
    era_label_ja VARCHAR NOT NULL,
    cover_pct    DOUBLE NOT NULL CHECK (cover_pct BETWEEN 0 AND 100),
    measure_ja   VARCHAR NOT NULL,
    note_ja      VARCHAR,
    source_lines VARCHAR,
    source_id    VARCHAR NOT NULL REFERENCES sources (source_id)
);

-- 基本方針 → 施策の柱 → 基本施策 (★ 重点) → 個別施策, with plan and future targets.
CREATE TABLE asaka_measures (
    node_id             VARCHAR PRIMARY KEY,
    parent_id           VARCHAR,
    level               VARCHAR NOT NULL CHECK (level IN ('policy', 'pillar', 'basic_measure', 'individual_measure')),
    number_label        VARCHAR,
    name_ja             VARCHAR NOT NULL,
    is_priority         BOOLEAN NOT NULL,
    plan_target_ja      VARCHAR,
    future_target_ja    VARCHAR,
    current_value       DOUBLE,
    plan_target_value   DOUBLE,
    future_target_value DOUBLE,
    -- 「現況値+0.6ha」: the increase over today's value that a target states (today's value itself is not printed)
    plan_increment_value   DOUBLE,
    future_increment_value DOUBLE,
    unit                VARCHAR,
    note_ja             VARCHAR,
    source_lines        VARCHAR,
    source_id           VARCHAR NOT NULL REFERENCES sources (source_id),
    -- English (unofficial translations; the Japanese where empty)
    name_en             VARCHAR,
    plan_target_en      VARCHAR,
    future_target_en    VARCHAR,
    note_en             VARCHAR,
    CHECK ((level = 'policy') = (parent_id IS NULL))
);

CREATE TABLE asaka_facts (
    fact_id      VARCHAR PRIMARY KEY,
    label_ja     VARCHAR NOT NULL,
    value        DOUBLE NOT NULL,
    unit         VARCHAR NOT NULL,
    qualifier_ja VARCHAR,
    text_ja      VARCHAR NOT NULL,
    source_lines VARCHAR,
    source_id    VARCHAR NOT NULL REFERENCES sources (source_id),
    -- English (unofficial translations; the Japanese where empty)
    label_en     VARCHAR,
    text_en      VARCHAR,
    unit_en      VARCHAR
);

-- Yearly figures the city publishes; starts empty (data/asaka/actuals.csv).
CREATE TABLE asaka_actuals (
    indicator_id VARCHAR NOT NULL REFERENCES asaka_indicators (indicator_id),
    year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    value        DOUBLE NOT NULL,
    source_id    VARCHAR NOT NULL REFERENCES sources (source_id),
    note_ja      VARCHAR,
    PRIMARY KEY (indicator_id, year)
);

-- Official figures outside the plan, offered as cited starting values of the what-if inputs.
CREATE TABLE asaka_defaults (
    key       VARCHAR PRIMARY KEY,
    value     DOUBLE NOT NULL CHECK (value > 0),
    unit      VARCHAR NOT NULL,
    label_ja  VARCHAR NOT NULL,
    label_en  VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL REFERENCES sources (source_id),
    note_ja   VARCHAR,
    unit_en   VARCHAR  -- the unit in English; NULL: as `unit`
);
