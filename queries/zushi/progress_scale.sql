-- The progress scale ア–エ in order, with labels and symbols.
SELECT code, progress, sort_order, label_ja, label_en, symbol, wording_in_source
FROM zushi_progress_scale ORDER BY sort_order;
