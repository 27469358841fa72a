"""Build the DuckDB database from the source files in data/.

The build writes a temporary file beside the target and renames it into place, so a failed or
interrupted build never leaves a half-built database and two builds at once cannot corrupt it.
A fingerprint of every source file (data/, queries/, the loading code) is stored in the database;
the app rebuilds when the file is missing, unreadable or built from other sources. Where the data folder
cannot take a new database (read-only, full), the build goes to the system's temporary folder instead,
and where nothing can be built the last readable database is served. A build killed at any point leaves
temporary files that the next build removes.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import hashlib
import inspect
import logging
import os
import re
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from machi.core import paths
from machi.core.db import sql
from machi.core.text import t

if TYPE_CHECKING:
    from collections.abc import Sequence

    from machi.core.manifest import Manifest

log = logging.getLogger(__name__)

#: Files under data/ that are build products, never sources.
_NOT_SOURCES = (".duckdb", ".wal", ".tmp", ".lock")


class BuildError(Exception):
    """A source file is broken. The message names the file, and the row and column where known."""

    def text(self, lang: str) -> str:
        """The message for a reader of `lang` (a broken file's message names the file, row and column as
        the file has them)."""
        return str(self)


class StorageError(BuildError):
    """The database could not be written where it belongs (and nowhere else): `reason` is one of
    read_only, permission, no_space, quota, other."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        return t("db.storage", lang, reason=t(f"db.storage_reason.{self.reason}", lang))


@dataclass(frozen=True)
class EnsureResult:
    """What :func:`ensure_database` did."""

    fingerprint: str
    rebuilt: bool
    #: set when a rebuild failed and an older, still readable database is used instead
    error: BuildError | None = None
    #: the database file to open (the spare in the temporary folder when the data folder took none)
    path: Path | None = None


def source_files(data_dir: Path | None = None, manifests: Sequence[Manifest] = ()) -> list[Path]:
    """Every file whose content decides what the database holds: the data, the SQL, and the code that
    loads them (this module, and the package of each municipality that loads tables). The rest of the
    code (screens, text, exports) is not among them, so an upgrade that changes only those leaves the
    database current."""
    data_dir = data_dir or paths.data_dir()
    try:
        files = [p for p in data_dir.rglob("*") if p.is_file() and not p.name.endswith(_NOT_SOURCES)]
    except OSError as exc:
        raise BuildError(f"the data folder cannot be read ({_os_reason(exc)})") from None
    files += paths.QUERIES_DIR.rglob("*.sql")
    files += [Path(__file__), Path(__file__).with_name("db.py")]
    for folder in {Path(inspect.getfile(m.load)).parent for m in manifests if m.load}:
        files += folder.rglob("*.py")
    return sorted(set(files))


def fingerprint(data_dir: Path | None = None, manifests: Sequence[Manifest] = ()) -> str:
    """sha256 over the names and contents of :func:`source_files`."""
    h = hashlib.sha256()
    for path in source_files(data_dir, manifests):
        h.update(path.name.encode())
        try:
            h.update(path.read_bytes())
        except OSError as exc:  # unreadable (permissions), vanished since the listing …
            raise BuildError(f"{path.name}: cannot be read ({_os_reason(exc)})") from None
    return h.hexdigest()


def stat_signature(data_dir: Path | None = None, manifests: Sequence[Manifest] = (), db: Path | None = None) -> tuple:
    """A cheap signature (name, size, mtime) of the source files and of the database file itself: when
    it is unchanged, so is the fingerprint, and nothing is re-read; when the database file changes under
    a running app (replaced, truncated, damaged), the signature changes too."""
    files = source_files(data_dir, manifests)
    if db is not None:
        files.append(db)
    return tuple(_stat(p) for p in files)


def _stat(path: Path) -> tuple:
    try:
        s = path.stat()
    except OSError:
        return (str(path), None, None)
    return (str(path), s.st_size, s.st_mtime_ns, s.st_ino)


def stored_fingerprint(db: Path) -> str | None:
    """The fingerprint a database file was built from, or None if it is missing or unreadable.

    Every table is read through once (about 20 ms): a truncated or damaged file often still opens
    and answers from its catalog, and only fails on the first query that reaches a lost block.
    """
    if not db.exists():
        return None
    try:
        con = duckdb.connect(str(db), read_only=True)
    except (duckdb.Error, OSError):
        return None
    try:
        row = con.execute("SELECT value FROM build_info WHERE key = 'fingerprint'").fetchone()
        if not row:
            return None
        _read_every_table(con)
        return row[0]
    except duckdb.Error:
        return None
    finally:
        con.close()


def _read_every_table(con: duckdb.DuckDBPyConnection) -> None:
    """Read every column of every row (hashing forces the data blocks to be loaded and their
    checksums verified); raises duckdb.Error when a block is missing or corrupt."""
    for (name,) in con.execute(sql("core/tables_in_database")).fetchall():
        con.execute(f'SELECT count(*), max(hash(t)) FROM "{name}" AS t').fetchall()


def build(manifests: Sequence[Manifest], db: Path | None = None, data_dir: Path | None = None) -> dict[str, int]:
    """Build the database into `db` atomically from the sources table and each municipality's tables;
    return {table: row count}.

    Raises BuildError (with file, row and column) when a source file is broken; the previous
    database, if any, is left exactly as it was.
    """
    db = db or paths.db_path()
    data_dir = data_dir or paths.data_dir()
    db.parent.mkdir(parents=True, exist_ok=True)
    fp = fingerprint(data_dir, manifests)
    remove_leftovers(db)
    tmp = temp_beside(db)
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.execute(sql("core/schema_sources"))
            for manifest in manifests:
                for name in manifest.schema:
                    con.execute(sql(name))
            load_csv(con, "sources", data_dir / "sources.csv")
            con.execute(sql("core/schema_change_log"))
            if (data_dir / "change_log.csv").exists():  # written by the first import of staff data
                load_csv(con, "change_log", data_dir / "change_log.csv")
            for manifest in manifests:
                if manifest.load:
                    manifest.load(con, data_dir)
            con.execute(sql("core/schema_build_info"))
            con.executemany(
                "INSERT INTO build_info VALUES (?, ?)",
                [("fingerprint", fp), ("built_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))],
            )
            counts = table_counts(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        _replace(tmp, db, fp)
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            with contextlib.suppress(OSError):  # a read-only folder: nothing was written there anyway
                leftover.unlink(missing_ok=True)
        raise
    return counts


def temp_beside(db: Path) -> Path:
    """A temporary file beside `db` for a new version of it (`.<name>.<pid>.<hex>.tmp`): the name
    `remove_leftovers` recognises when its process is gone."""
    return db.with_name(f".{db.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")


def remove_leftovers(db: Path) -> list[Path]:
    """Remove the temporary files of builds that were killed (`.<db name>.<pid>.<hex>.tmp` and its
    `.wal`) whose process is gone; return what was removed. A build still running is left alone (its
    process is alive; on Windows its open file cannot be deleted)."""
    pattern = re.compile(rf"\.{re.escape(db.name)}\.(\d+)\.[0-9a-f]{{8}}\.tmp(\.wal)?")
    removed = []
    try:
        candidates = list(db.parent.iterdir())
    except OSError:
        return removed
    for path in candidates:
        found = pattern.fullmatch(path.name)
        if not found or _alive(int(found.group(1))):
            continue
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # no signal 0 there; a file still open is refused by unlink instead
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def spare_path(db: Path) -> Path:
    """Where the database is built when its own folder cannot take it: a folder of this user's own in
    the system's temporary folder (created private; refused if another user or a link holds the name),
    one file per database path."""
    tag = hashlib.sha256(str(db.resolve()).encode()).hexdigest()[:12]
    user = os.getuid() if hasattr(os, "getuid") else "user"
    return Path(tempfile.gettempdir()) / f"machi-{user}" / f"{db.stem}-{tag}.duckdb"


def _private_folder(folder: Path) -> bool:
    """Create `folder` readable by this user alone, or check that it is such a folder already."""
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        st = os.lstat(folder)
    except OSError:
        return False
    if not hasattr(os, "getuid"):  # Windows: the temporary folder is the user's own
        return True
    import stat

    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o077


def _replace(tmp: Path, db: Path, fp: str) -> None:
    try:
        os.replace(tmp, db)
    except PermissionError:
        # Windows refuses to replace a file another process holds open. If that process (another
        # start) already put a database of the same sources in place, ours is not needed.
        if stored_fingerprint(db) != fp:
            raise
        tmp.unlink(missing_ok=True)


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """{table: row count} for every table in the main schema, in name order."""
    names = [r[0] for r in con.execute(sql("core/tables_in_database")).fetchall()]
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def ensure_database(
    manifests: Sequence[Manifest], db: Path | None = None, data_dir: Path | None = None
) -> EnsureResult:
    """Make sure `db` exists, is readable and was built from the current sources.

    When a rebuild fails but an older readable database exists, that one is kept and the error is
    returned so the caller can say that the data shown may be out of date.
    """
    db = db or paths.db_path()
    remove_leftovers(db)  # of builds killed part way, whether or not this start builds
    stored = stored_fingerprint(db)
    try:
        fp = fingerprint(data_dir, manifests)
        if stored == fp:
            return EnsureResult(fp, rebuilt=False, path=db)
        spare = spare_path(db)
        if _private_folder(spare.parent) and stored_fingerprint(spare) == fp:  # built there when this folder took none
            return EnsureResult(fp, rebuilt=False, path=spare)
        build(manifests, db, data_dir)
        return EnsureResult(fp, rebuilt=True, path=db)
    except BuildError as exc:  # a broken or unreadable source: no other folder would help
        if stored is None:
            raise
        return EnsureResult(stored, rebuilt=False, error=exc, path=db)
    except (OSError, duckdb.Error) as exc:  # the folder cannot take a database: read-only, full, …
        problem = storage_problem(exc)
    log.warning("%s: %s; building it in the temporary folder instead", db, problem)
    try:
        if not _private_folder(spare.parent):
            raise PermissionError(errno.EACCES, "Permission denied")
        build(manifests, spare, data_dir)
        return EnsureResult(fp, rebuilt=True, path=spare)
    except (OSError, duckdb.Error) as exc:
        log.warning("%s: %s too", spare, storage_problem(exc))
    if stored is None:
        raise problem from None
    return EnsureResult(stored, rebuilt=False, error=problem, path=db)


#: what a failure to write says, in the words of the OS or DuckDB, and the reason we give
_STORAGE_REASONS = (
    ("read-only", "read_only"),
    ("permission denied", "permission"),
    ("access is denied", "permission"),
    ("no space", "no_space"),
    ("disk full", "no_space"),
    ("quota", "quota"),
)


def storage_problem(exc: BaseException) -> StorageError:
    """A failure to write the database, in plain words: never the error's own text, which names files and
    folders (and would reach the screen)."""
    text = f"{getattr(exc, 'strerror', '') or ''} {exc}".lower()
    return StorageError(next((reason for clue, reason in _STORAGE_REASONS if clue in text), "other"))


# --- loading source files ---------------------------------------------------------------------


def _convert(value: str, duck_type: str):
    """A CSV cell as the Python value for a column of `duck_type`; '' is NULL."""
    value = value.strip()
    if value == "":
        return None
    t = duck_type.upper()
    if t in {"INTEGER", "BIGINT", "SMALLINT", "HUGEINT", "UBIGINT", "UINTEGER"}:
        return int(value.replace(",", ""))
    if t in {"DOUBLE", "FLOAT", "REAL"} or t.startswith("DECIMAL"):
        return float(value.replace(",", ""))
    if t == "BOOLEAN":
        lowered = value.lower()
        if lowered in {"true", "1", "yes"}:
            return True
        if lowered in {"false", "0", "no"}:
            return False
        raise ValueError(f"not a boolean: {value!r}")
    if t == "DATE":
        return dt.date.fromisoformat(value)
    return value


def load_csv(con: duckdb.DuckDBPyConnection, table: str, path: Path, defaults: dict | None = None) -> int:
    """Load a UTF-8 CSV (BOM allowed) into `table`, checking every cell against the table's types and
    constraints. The header must name exactly the table's columns (less those given in `defaults`).

    Raises BuildError naming the file, the row (as numbered in a spreadsheet, header = row 1) and
    the column of the first bad cell. Returns the number of rows loaded.
    """
    defaults = defaults or {}
    columns = con.execute(f'DESCRIBE "{table}"').fetchall()
    types = {c[0]: c[1] for c in columns}
    expected = [c[0] for c in columns if c[0] not in defaults]
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header is None:
                raise BuildError(f"{path.name}: the file is empty (expected a header row: {', '.join(expected)})")
            header = [h.strip() for h in header]
            missing = [c for c in expected if c not in header]
            extra = [c for c in header if c not in types or c in defaults]
            if missing or extra:
                raise BuildError(
                    f"{path.name}: row 1 (header): "
                    + (f"missing column(s) {', '.join(missing)}" if missing else "")
                    + ("; " if missing and extra else "")
                    + (f"unknown column(s) {', '.join(extra)}" if extra else "")
                )
            placeholders = ", ".join("?" for _ in range(len(header) + len(defaults)))
            names = ", ".join(f'"{c}"' for c in [*header, *defaults])
            insert = f'INSERT INTO "{table}" ({names}) VALUES ({placeholders})'
            rows: list[tuple[int, list]] = []
            for line_no, row in enumerate(reader, start=2):
                if not any(cell.strip() for cell in row):
                    continue
                try:
                    rows.append((line_no, [*_row_values(path, line_no, header, row, types), *defaults.values()]))
                except BuildError:
                    # the rows before it may break a constraint: that one comes first, as it is higher up
                    _insert_all(con, insert, rows, path)
                    raise
    except UnicodeDecodeError as exc:
        raise BuildError(f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except FileNotFoundError:
        raise BuildError(f"{path.name}: file not found in the data folder") from None
    except OSError as exc:  # unreadable: permissions, a folder where the file should be …
        raise BuildError(f"{path.name}: cannot be read ({_os_reason(exc)})") from None
    _insert_all(con, insert, rows, path)
    return len(rows)


def _row_values(path: Path, line_no: int, header: list[str], row: list[str], types: dict) -> list:
    """A CSV row's cells as the table's types; BuildError naming the row and the column of a bad cell."""
    if len(row) != len(header):
        raise BuildError(f"{path.name}: row {line_no}: {len(row)} cells, expected {len(header)}")
    values = []
    for column, cell in zip(header, row):
        try:
            values.append(_convert(cell, types[column]))
        except ValueError:
            raise BuildError(
                f"{path.name}: row {line_no}, column {column}: {cell!r} is not a valid {types[column]}"
            ) from None
    return values


def _insert_all(con: duckdb.DuckDBPyConnection, insert: str, rows: list[tuple[int, list]], path: Path) -> None:
    """Insert the rows in one statement (fast); when the table refuses one (a constraint), take the batch
    back and insert row by row to name the row it refuses."""
    con.execute("BEGIN TRANSACTION")
    try:
        if rows:
            con.executemany(insert, [values for _, values in rows])
    except duckdb.Error:
        con.execute("ROLLBACK")
    else:
        con.execute("COMMIT")
        return
    for line_no, values in rows:
        try:
            con.execute(insert, values)
        except duckdb.Error as exc:
            raise BuildError(f"{path.name}: row {line_no}: {_first_line(exc)}") from None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]


def _os_reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
