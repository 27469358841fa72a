-- The staged enforcement path A → F and the fines (別表第1, 別表第2), in order.
SELECT stage, name_ja, article_ja, consequence_ja, name_en, source_id,
       -- English where translated (unofficial), else the Japanese
       coalesce(article_en, article_ja) AS article_en, coalesce(consequence_en, consequence_ja) AS consequence_en
FROM osaka_enforcement
ORDER BY CASE WHEN length(stage) = 1 THEN 0 ELSE 1 END, stage;
