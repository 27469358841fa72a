-- Green cover (みどり) of the city area over time: a wider measure than the 緑地 share indicator.
SELECT year, era_label_ja, cover_pct, measure_ja, note_ja, source_id FROM asaka_green_cover ORDER BY year;
