-- For every indicator and every year from its baseline to its target year, the value on the straight
-- line between them (derived; the `asaka_indicator_path` dataset).
SELECT i.indicator_id, y.year,
       i.baseline_value + (i.target_value - i.baseline_value)
           * (y.year - i.baseline_year) / (i.target_year - i.baseline_year) AS required_value
FROM asaka_indicators AS i,
     LATERAL (SELECT unnest(generate_series(i.baseline_year, i.target_year)) AS year) AS y
ORDER BY i.sort_order, y.year;
