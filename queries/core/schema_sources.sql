-- Every source document or official table used anywhere in the dashboard.
-- Rows of every other table point here through their source_id.
CREATE TABLE sources (
    source_id     VARCHAR PRIMARY KEY CHECK (regexp_full_match(source_id, '[a-z][a-z0-9_]*')),
    kind          VARCHAR NOT NULL CHECK (kind IN ('document', 'official_table', 'boundaries', 'web_page')),
    municipality_ja VARCHAR NOT NULL,
    title_ja      VARCHAR NOT NULL CHECK (length(title_ja) > 0),
    title_en      VARCHAR NOT NULL CHECK (length(title_en) > 0),
    publisher_ja  VARCHAR NOT NULL,
    publisher_en  VARCHAR NOT NULL,
    -- the date as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD; NULL where it states none
    date          VARCHAR CHECK (date IS NULL OR regexp_full_match(date, '\d{4}(-\d{2}(-\d{2})?)?')),
    date_kind     VARCHAR CHECK (date_kind IN ('published', 'effective', 'survey', 'fiscal_year', 'edition')),
    url           VARCHAR CHECK (url IS NULL OR url LIKE 'https://%' OR url LIKE 'http://%'),
    license_ja    VARCHAR NOT NULL,
    license_en    VARCHAR NOT NULL,
    credit_ja     VARCHAR NOT NULL,
    note_ja       VARCHAR,
    note_en       VARCHAR,
    -- a survey held every N years (the Housing and Land Survey and the Census: every five); NULL otherwise
    every_years   INTEGER CHECK (every_years IS NULL OR every_years > 0),
    CHECK ((date IS NULL) = (date_kind IS NULL)),
    CHECK (every_years IS NULL OR date_kind = 'survey')
);
