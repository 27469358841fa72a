-- Every import of staff data (python -m machi import, or the Data updates page): when, which kind, which
-- file (its name and sha256), and how many rows it added, changed and removed; kept in data/change_log.csv.
CREATE TABLE change_log (
    changed_at   VARCHAR NOT NULL,  -- ISO 8601 with the UTC offset of the machine that imported
    kind         VARCHAR NOT NULL,
    file_name    VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL CHECK (regexp_full_match(sha256, '[0-9a-f]{64}')),
    rows_added   INTEGER NOT NULL CHECK (rows_added >= 0),
    rows_changed INTEGER NOT NULL CHECK (rows_changed >= 0),
    rows_removed INTEGER NOT NULL CHECK (rows_removed >= 0),
    scope        VARCHAR  -- the fiscal years (or survey year) the file replaced; empty: the whole table
);
