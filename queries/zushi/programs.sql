-- Every evaluated program with its progress and evaluation labels (the `zushi_programs` dataset).
SELECT p.fiscal_year, p.sheet_no, p.section_no, p.section_ja, p.policy_code, p.policy_ja,
       p.department_code, p.department_ja, p.order_in_policy, p.label_ja,
       -- English where translated (unofficial), else the Japanese
       coalesce(p.section_en, p.section_ja) AS section_en, coalesce(p.policy_en, p.policy_ja) AS policy_en,
       coalesce(p.department_en, p.department_ja) AS department_en, coalesce(p.label_en, p.label_ja) AS label_en,
       s.progress, p.progress_code, s.label_ja AS progress_ja, s.label_en AS progress_en, s.symbol AS progress_symbol,
       p.evaluation_code AS evaluation, e.label_ja AS evaluation_ja, e.label_en AS evaluation_en,
       e.symbol AS evaluation_symbol,
       p.actual_cost_yen, p.plan_cost_kyen,
       p.purpose_ja, p.target_group_ja, p.means_ja, p.target_year, p.target_ja, p.baseline_ja, p.plan_items_ja,
       p.results_ja, p.problems_ja, p.circumstances_ja, p.innovations_ja, p.council_opinion_ja,
       p.program_type_ja, p.source_id
FROM zushi_programs AS p
JOIN zushi_progress_scale AS s ON s.code = p.progress_code
JOIN zushi_evaluation_scale AS e ON e.code = p.evaluation_code
ORDER BY p.fiscal_year, p.sheet_no;
