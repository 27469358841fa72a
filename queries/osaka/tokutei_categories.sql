-- The four categories of a 特定空家等 with their example states, in the policy's order.
SELECT sort_order, category, category_key, name_ja, name_en, state_ja, item_no, item_ja, example_no, example_ja, source_id
FROM osaka_tokutei_categories ORDER BY sort_order;
