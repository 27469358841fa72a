-- Every row of housing_vacancy (the `housing_vacancy` dataset): all areas of Japan from the e-Stat
-- table 第1-2表, plus the 2013 figures stated in official documents.
SELECT survey_year, area_code, area_ja, area_level, dwellings_total, vacant_total, vacancy_rate_pct,
       rate_basis, vacant_other, vacant_rental, vacant_for_sale, vacant_secondary, source_id
FROM housing_vacancy
ORDER BY survey_year, area_code;
