-- The sources registry, as shown on the sources page and exported as the `sources` dataset.
SELECT source_id, kind, municipality_ja, title_ja, title_en, publisher_ja, publisher_en,
       date, date_kind, url, license_ja, license_en, credit_ja, note_ja, note_en, every_years
FROM sources
ORDER BY source_id;
