-- Areas for a picker: code, name (the latest name printed), level and the survey years with data.
SELECT area_code,
       arg_max(area_ja, survey_year) AS area_ja,
       arg_max(area_level, survey_year) AS area_level,
       list(survey_year ORDER BY survey_year) AS survey_years
FROM housing_vacancy
GROUP BY area_code
ORDER BY area_code;
