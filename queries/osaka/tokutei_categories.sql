-- The four categories of a 特定空家等 with their example states, in the policy's order.
SELECT sort_order, category, category_key, name_ja, name_en, state_ja, item_no, item_ja, example_no, example_ja, source_id,
       -- English where translated (unofficial), else the Japanese
       coalesce(state_en, state_ja) AS state_en, coalesce(item_en, item_ja) AS item_en,
       coalesce(example_en, example_ja) AS example_en
FROM osaka_tokutei_categories ORDER BY sort_order;
