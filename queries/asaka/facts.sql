-- Single figures the plan states (e.g. the carbon stored by the city's green).
SELECT fact_id, label_ja, value, unit, qualifier_ja, text_ja, source_id FROM asaka_facts ORDER BY fact_id;
