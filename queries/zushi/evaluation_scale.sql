-- The evaluation categories (a)–(c) in order, with labels and symbols.
SELECT code, sort_order, label_ja, label_en, symbol, wording_in_source
FROM zushi_evaluation_scale ORDER BY sort_order;
