-- The change log of staff data updates, newest first.
SELECT changed_at, kind, file_name, sha256, rows_added, rows_changed, rows_removed, scope
FROM change_log
ORDER BY changed_at DESC;
