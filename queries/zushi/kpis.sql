-- The numeric targets: baseline, the fiscal year's value and the target (the `zushi_kpis` dataset).
-- actual_2021 is the value for fiscal 2021 (NULL on rows of other years).
SELECT k.fiscal_year, k.sheet_no, p.label_ja, k.indicator_ja, k.unit,
       k.baseline, k.baseline_label_ja,
       k.actual, CASE WHEN k.fiscal_year = 2021 THEN k.actual END AS actual_2021, k.actual_approx,
       k.target, k.target_label_ja, k.note_ja, p.circumstances_ja, k.source_id
FROM zushi_kpis AS k
JOIN zushi_programs AS p USING (fiscal_year, sheet_no)
ORDER BY k.fiscal_year, k.sheet_no;
