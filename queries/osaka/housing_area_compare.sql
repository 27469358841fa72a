-- Rows for a list of area codes in one survey year, in the order of the list, with an Osaka ward's
-- English name where it has one.
-- $codes: list of five-digit area codes (VARCHAR[]); $year: the survey year.
SELECT h.survey_year, h.area_code, h.area_ja, h.area_level, n.ward_ja, n.ward_en,
       h.dwellings_total, h.vacant_total,
       h.vacancy_rate_pct, h.rate_basis, h.vacant_other,
       h.vacant_other_rate_pct,
       h.vacant_rental, h.vacant_for_sale, h.vacant_secondary, h.source_id
FROM housing_vacancy_rates AS h
LEFT JOIN osaka_ward_names AS n USING (area_code)
WHERE h.survey_year = $year
  AND list_contains(CAST($codes AS VARCHAR[]), h.area_code)
ORDER BY list_position(CAST($codes AS VARCHAR[]), h.area_code);
