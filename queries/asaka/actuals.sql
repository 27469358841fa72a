-- Actual yearly observations of the indicators (empty until the city publishes them).
SELECT a.indicator_id, a.year, a.value, a.source_id, a.note_ja, s.title_ja AS source_title_ja
FROM asaka_actuals AS a JOIN sources AS s USING (source_id)
ORDER BY a.indicator_id, a.year;
