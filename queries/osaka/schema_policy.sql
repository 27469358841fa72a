-- Osaka City's policy on specified vacant houses: staged enforcement and the four categories.
CREATE TABLE osaka_enforcement (
    stage          VARCHAR PRIMARY KEY CHECK (regexp_full_match(stage, '[A-Z]|fine_[a-z_]+|fine[0-9]*')),
    name_ja        VARCHAR NOT NULL,
    article_ja     VARCHAR,  -- D (loss of the land-tax reduction) follows from C, no article of its own
    consequence_ja VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    source_id      VARCHAR NOT NULL REFERENCES sources (source_id),
    -- English (unofficial translations; the Japanese where empty)
    article_en     VARCHAR,
    consequence_en VARCHAR
);

CREATE TABLE osaka_tokutei_categories (
    sort_order   INTEGER NOT NULL,
    category     VARCHAR NOT NULL,
    category_key VARCHAR NOT NULL,
    name_ja      VARCHAR NOT NULL,
    name_en      VARCHAR NOT NULL,
    state_ja     VARCHAR NOT NULL,
    item_no      VARCHAR,
    item_ja      VARCHAR,
    example_no   INTEGER,
    example_ja   VARCHAR,
    source_id    VARCHAR NOT NULL REFERENCES sources (source_id),
    -- English (unofficial translations; the Japanese where empty)
    state_en     VARCHAR,
    item_en      VARCHAR,
    example_en   VARCHAR,
    PRIMARY KEY (sort_order)
);
