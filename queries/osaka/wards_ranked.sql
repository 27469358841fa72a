-- Osaka City's wards of one survey year ranked by vacancy rate (highest first), with the rate of
-- kind 221 (vacant other than rental, for sale or second homes) per 100 dwellings.
-- $year: the survey year; NULL = the latest year with ward counts.
WITH chosen AS (
    SELECT coalesce(
        CAST($year AS INTEGER),
        (SELECT max(survey_year) FROM housing_vacancy
         WHERE area_level = 'ward' AND area_code BETWEEN '27101' AND '27128' AND dwellings_total IS NOT NULL)
    ) AS year
)
SELECT rank() OVER (ORDER BY h.vacancy_rate_pct DESC) AS rank,
       h.survey_year,
       h.area_code,
       split_part(h.area_ja, '　', 2) AS ward_ja,
       n.ward_en,
       h.dwellings_total,
       h.vacant_total,
       h.vacancy_rate_pct,
       h.rate_basis,
       h.vacant_other,
       h.vacant_other_rate_pct,
       h.source_id
FROM housing_vacancy_rates AS h
JOIN chosen ON h.survey_year = chosen.year
LEFT JOIN osaka_ward_names AS n USING (area_code)
WHERE h.area_level = 'ward' AND h.area_code BETWEEN '27101' AND '27128'
ORDER BY h.vacancy_rate_pct DESC NULLS LAST, h.area_code;
