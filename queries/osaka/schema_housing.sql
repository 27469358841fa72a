-- Housing and Land Survey (住宅・土地統計調査): dwellings and vacant dwellings by area and survey year.
-- Filled by machi/housing.py from the official e-Stat table 第1-2表 (data/osaka/jyutaku*_table1-2*.xlsx)
-- and from data/osaka/vacancy_2013.csv (2013 figures stated in official documents; counts NULL where
-- the document states only a rate).
--
-- area_ja is the area name as e-Stat prints it: a ward of a designated city keeps the full-width
-- space (U+3000) between city and ward, e.g. '大阪市　都島区'.
-- vacant_other / _rental / _for_sale / _secondary are the e-Stat kinds 221 / 222 / 223 / 224 of 22_空き家
-- (2023 coding); NULL where not published. Figures are sample estimates rounded (wards to tens, cities
-- and prefectures to hundreds), so the four kinds need not add up to vacant_total.
CREATE TABLE housing_vacancy (
    survey_year      INTEGER NOT NULL CHECK (survey_year BETWEEN 1948 AND 2100),
    area_code        VARCHAR NOT NULL CHECK (regexp_full_match(area_code, '[0-9]{5}')),
    area_ja          VARCHAR NOT NULL CHECK (length(area_ja) > 0),
    area_level       VARCHAR NOT NULL CHECK (area_level IN ('national', 'prefecture', 'municipality', 'ward')),
    dwellings_total  BIGINT CHECK (dwellings_total >= 0),
    vacant_total     BIGINT CHECK (vacant_total >= 0),
    vacancy_rate_pct DOUBLE CHECK (vacancy_rate_pct BETWEEN 0 AND 100),
    -- 'computed': vacant_total / dwellings_total * 100 (unrounded); 'stated': the rate the source prints
    rate_basis       VARCHAR CHECK (rate_basis IN ('computed', 'stated')),
    vacant_other     BIGINT CHECK (vacant_other >= 0),      -- 221_賃貸・売却用及び二次的住宅を除く空き家
    vacant_rental    BIGINT CHECK (vacant_rental >= 0),     -- 222_賃貸用の空き家
    vacant_for_sale  BIGINT CHECK (vacant_for_sale >= 0),   -- 223_売却用の空き家
    vacant_secondary BIGINT CHECK (vacant_secondary >= 0),  -- 224_二次的住宅
    source_id        VARCHAR NOT NULL REFERENCES sources (source_id),
    PRIMARY KEY (survey_year, area_code),
    CHECK (vacant_total IS NULL OR dwellings_total IS NULL OR vacant_total <= dwellings_total),
    CHECK ((vacancy_rate_pct IS NULL) = (rate_basis IS NULL)),
    CHECK (rate_basis IS DISTINCT FROM 'computed' OR (dwellings_total IS NOT NULL AND vacant_total IS NOT NULL)),
    CHECK (area_level <> 'national' OR area_code = '00000'),
    CHECK (area_level <> 'prefecture' OR (area_code LIKE '__000' AND area_code <> '00000'))
);

-- Ward names in English, from the ward boundaries file (data/osaka/osaka_city_wards_n03_2020.geojson,
-- property ward_en; ward_ja = N03_004, area_code = N03_007). The English names were added to the
-- boundary file by whoever prepared it (see its provenance); they are romanisations, not MLIT data.
CREATE TABLE osaka_ward_names (
    area_code VARCHAR PRIMARY KEY CHECK (regexp_full_match(area_code, '271[0-9]{2}')),
    ward_ja   VARCHAR NOT NULL,
    ward_en   VARCHAR NOT NULL
);

-- Every row with the share of the long-term vacant kind (221) in all dwellings (derived, %), the
-- one place this rate is computed for the queries that show it.
CREATE VIEW housing_vacancy_rates AS
SELECT *,
       CASE WHEN dwellings_total > 0 THEN vacant_other / dwellings_total * 100 END AS vacant_other_rate_pct
FROM housing_vacancy;
