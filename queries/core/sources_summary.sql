-- How many sources the dashboard cites, by kind (home page headline).
SELECT count(*) AS sources,
       count(*) FILTER (WHERE kind = 'official_table') AS official_tables,
       count(*) FILTER (WHERE kind = 'document') AS documents
FROM sources;
