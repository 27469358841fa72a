-- The priority-measure structure, one row per node (policy → pillar → basic measure → individual measure).
SELECT node_id, parent_id, level, number_label, name_ja, is_priority, plan_target_ja, future_target_ja,
       current_value, plan_target_value, future_target_value,
       plan_increment_value, future_increment_value,
       plan_target_value - plan_increment_value AS current_value_derived, unit, note_ja, source_id,
       -- English where translated (unofficial), else the Japanese
       coalesce(name_en, name_ja) AS name_en, coalesce(plan_target_en, plan_target_ja) AS plan_target_en,
       coalesce(future_target_en, future_target_ja) AS future_target_en, coalesce(note_en, note_ja) AS note_en
FROM asaka_measures
ORDER BY node_id;
