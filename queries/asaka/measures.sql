-- The priority-measure structure, one row per node (policy → pillar → basic measure → individual measure).
SELECT node_id, parent_id, level, number_label, name_ja, is_priority, plan_target_ja, future_target_ja,
       current_value, plan_target_value, future_target_value,
       plan_increment_value, future_increment_value,
       plan_target_value - plan_increment_value AS current_value_derived, unit, note_ja, source_id
FROM asaka_measures
ORDER BY node_id;
