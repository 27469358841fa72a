-- The plan's indicators with baseline and target (the `asaka_indicators` dataset), in plan order.
SELECT indicator_id, sort_order, name_ja, name_en, definition_ja, unit, unit AS unit_ja,
       coalesce(unit_en, unit) AS unit_en, decimals, show_sign,
       baseline_year, baseline_label_ja, baseline_value, target_year, target_label_ja, target_value,
       direction, scale_min, scale_max, source_id
FROM asaka_indicators
ORDER BY sort_order;
