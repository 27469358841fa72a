-- The numeric targets: baseline, the fiscal year's value and the target (the `zushi_kpis` dataset).
-- actual_2021 is the value for fiscal 2021 (NULL on rows of other years).
SELECT k.fiscal_year, k.sheet_no, p.label_ja, k.indicator_ja, k.unit, k.unit AS unit_ja,
       k.baseline, k.baseline_label_ja,
       k.actual, CASE WHEN k.fiscal_year = 2021 THEN k.actual END AS actual_2021, k.actual_approx,
       k.target, k.target_label_ja, k.note_ja, p.circumstances_ja, k.source_id,
       -- English where translated (unofficial), else the Japanese
       coalesce(p.label_en, p.label_ja) AS label_en, coalesce(k.indicator_en, k.indicator_ja) AS indicator_en,
       coalesce(k.unit_en, k.unit) AS unit_en, coalesce(k.baseline_label_en, k.baseline_label_ja) AS baseline_label_en,
       coalesce(k.target_label_en, k.target_label_ja) AS target_label_en, coalesce(k.note_en, k.note_ja) AS note_en
FROM zushi_kpis AS k
JOIN zushi_programs AS p USING (fiscal_year, sheet_no)
ORDER BY k.fiscal_year, k.sheet_no;
