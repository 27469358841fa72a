-- What the database was built from: the source fingerprint and the build time (UTC).
CREATE TABLE build_info (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
