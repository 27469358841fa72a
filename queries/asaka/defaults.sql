-- Cited official starting values for the what-if inputs, with their sources.
SELECT d.key, d.value, d.unit, d.unit AS unit_ja, coalesce(d.unit_en, d.unit) AS unit_en, d.label_ja, d.label_en, d.source_id, d.note_ja,
       s.title_ja AS source_title_ja, s.title_en AS source_title_en, s.date AS source_date
FROM asaka_defaults AS d JOIN sources AS s USING (source_id)
ORDER BY d.key;
