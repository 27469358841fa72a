-- Single figures the plan states (e.g. the carbon stored by the city's green).
SELECT fact_id, label_ja, value, unit, unit AS unit_ja, qualifier_ja, text_ja, source_id,
       -- English where translated (unofficial), else the Japanese
       coalesce(label_en, label_ja) AS label_en, coalesce(text_en, text_ja) AS text_en, coalesce(unit_en, unit) AS unit_en
FROM asaka_facts ORDER BY fact_id;
