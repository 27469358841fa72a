-- Osaka City's 24 wards, the city (27100), Osaka Prefecture (27000) and the nation (00000), for every
-- survey year in housing_vacancy (the `osaka_wards` dataset). vacant_other_rate_pct is kind 221
-- (vacant other than rental, for sale or second homes) per 100 dwellings; both rates are unrounded.
-- 2013 rows carry rates stated in official documents (rate_basis = 'stated'), counts NULL where not stated.
SELECT h.survey_year,
       CASE h.area_code WHEN '00000' THEN 'national' WHEN '27000' THEN 'prefecture'
                        WHEN '27100' THEN 'city' ELSE 'ward' END AS row_kind,
       h.area_code,
       h.area_ja,
       CASE WHEN h.area_level = 'ward' THEN coalesce(n.ward_ja, split_part(h.area_ja, '　', 2)) END AS ward_ja,
       n.ward_en,
       h.dwellings_total,
       h.vacant_total,
       h.vacancy_rate_pct,
       h.rate_basis,
       h.vacant_other,
       h.vacant_other_rate_pct,
       h.vacant_rental,
       h.vacant_for_sale,
       h.vacant_secondary,
       h.source_id
FROM housing_vacancy_rates AS h
LEFT JOIN osaka_ward_names AS n USING (area_code)
WHERE h.area_code IN ('00000', '27000', '27100')
   OR (h.area_level = 'ward' AND h.area_code BETWEEN '27101' AND '27128')
ORDER BY h.survey_year,
         CASE h.area_code WHEN '00000' THEN 0 WHEN '27000' THEN 1 WHEN '27100' THEN 2 ELSE 3 END,
         h.area_code;
