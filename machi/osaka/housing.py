"""Importer of the official e-Stat table 第1-2表 of the Housing and Land Survey (住宅・土地統計調査).

The table (sheet ``e001_2``, e.g. ``jyutaku2023_table1-2_e001_2.xlsx``) gives, for every area of Japan,
dwellings by occupancy (居住世帯の有無, 8 classes). Its layout, as published for the 2023 survey::

    row 1   令和５年住宅・土地統計調査　住宅及び世帯に関する基本集計        <- survey year (era year)
    row 2   第１－２表　居住世帯の有無(8区分)別住宅数及び…－全国、都道府県、市区町村  <- which table
    row 5   (A empty) | 表章項目 | 住宅数 …
    row 6   (A empty) | 事項名   | 居住世帯の有無 …
    row 7   (A empty) | 項目名   | 0_総数 | 1_居住世帯あり | … | 22_空き家 | 221_… | 222_… | 223_… | 224_… | 23_建築中
    row 8   (A empty) | 表章単位 | 戸 …
    row 9   地域識別コード | 地域区分
    row 10… a | 00000_全国 | 65046700 | …              (column A: a / 1 / 0 / 2 / 3, column B: code_name)

Columns are found by their item codes (``0_``, ``22_``, ``221_`` … before the underscore), not by
position. ``-`` in a count means zero. Area labels are ``<5-digit code>_<name>``; the name is kept as
printed, including the full-width space (U+3000) of designated-city wards (``大阪市　都島区``).

Area level (``area_level``), from the code and the name only:

* ``00000`` is ``national``; ``NN000`` is ``prefecture``;
* ``ward`` when the name is ``<city>　<ward>`` (full-width space), the ward part ends in 区 and the file
  has a row named ``<city>`` in the same prefecture (the designated city: 大阪市 27100 → 27102…27128,
  堺市 27140 → 27141…27147);
* everything else is ``municipality``: cities, towns, villages, designated cities themselves, Tokyo's
  23 special wards (特別区 are municipalities in law; e-Stat prints them without a city name, e.g.
  ``13101_千代田区``) and the aggregate ``13100_特別区部``.

This agrees with the table's own column A (地域識別コード: a = national/prefecture, 0 = ward of a
designated city or a Tokyo special ward, 1 = designated city or 特別区部, 2 = other city, 3 = town or
village) for every row of the 2023 file; the tests check that.

``vacancy_rate_pct`` is computed (vacant_total / dwellings_total × 100, unrounded; ``rate_basis`` =
'computed'). Each survey's rows cite the source ``estat_jyutaku<year>_t1_2``, which must exist in
``data/sources.csv``.

Rebuild and import: the database is always rebuilt from ``data/``, so :func:`load` reads every
``data/osaka/jyutaku*_table1-2*.xlsx`` (one file per survey year) plus ``data/osaka/vacancy_2013.csv``.
``python -m machi import-housing FILE.xlsx`` validates FILE completely, replaces that survey year's rows
in the database all-or-nothing, and copies FILE into ``data/osaka/`` (over the file that already holds
that survey year, else as ``jyutaku<year>_table1-2.xlsx``) so the next rebuild keeps it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import shutil
import sys
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from machi.core import paths
from machi.core.build import BuildError, load_csv, temp_beside

TABLE = "housing_vacancy"
SHEET = "e001_2"
TABLE_ID = "第1-2表"  # after NFKC normalisation of 第１－２表
#: item code -> (column of housing_vacancy, header as printed in the 2023 table)
ITEMS: dict[str, tuple[str, str]] = {
    "0": ("dwellings_total", "0_総数"),
    "22": ("vacant_total", "22_空き家"),
    "221": ("vacant_other", "221_賃貸・売却用及び二次的住宅を除く空き家"),
    "222": ("vacant_rental", "222_賃貸用の空き家"),
    "223": ("vacant_for_sale", "223_売却用の空き家"),
    "224": ("vacant_secondary", "224_二次的住宅"),
}
#: the kinds of vacant dwelling: may be NULL where e-Stat does not publish them
KINDS = ("221", "222", "223", "224")
#: e-Stat's marks for "not published" (… not available, X confidential): NULL, only in the kind columns
NOT_PUBLISHED = {"…", "...", "X", "x", "***"}
ZERO = {"-", "－", "‐", "―"}
LABEL_COLUMN = "地域区分"
HEADER_SCAN_ROWS = 40
#: what an imported workbook may be (the 2023 table: 131 KB, 0.8 MB unpacked, 1,292 rows, 15 columns);
#: a file past a limit is refused before or while it is read, so no file can take more than a few
#: tens of MiB of memory
MAX_FILE_BYTES = 20 * 2**20
MAX_UNPACKED_BYTES = 100 * 2**20
MAX_ROWS = 10_000
MAX_COLUMNS = 64
FILE_GLOB = "jyutaku*_table1-2*.xlsx"
FOLDER = "osaka"
CSV_2013 = "vacancy_2013.csv"
GEOJSON = "osaka_city_wards_n03_2020.geojson"
COLUMNS = [
    "survey_year",
    "area_code",
    "area_ja",
    "area_level",
    "dwellings_total",
    "vacant_total",
    "vacancy_rate_pct",
    "rate_basis",
    "vacant_other",
    "vacant_rental",
    "vacant_for_sale",
    "vacant_secondary",
]
_AREA = re.compile(r"(\d{5})_(.+)", re.S)
_ITEM = re.compile(r"(\d+)_(.*)", re.S)
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_YEAR = re.compile(r"(令和|平成|昭和)(元|\d{1,2})年\s*住宅・土地統計調査")
_WESTERN = re.compile(r"(\d{4})年\s*住宅・土地統計調査")


def source_id_for(year: int) -> str:
    """The sources.csv id of the e-Stat table 第1-2表 of a survey year."""
    return f"estat_jyutaku{year}_t1_2"


# --- reading the official table -------------------------------------------------------------------


def _norm(value) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip() if value is not None else ""


def _open_sheet(path: Path):
    """(workbook, worksheet) of the e001_2 sheet, or BuildError."""
    import openpyxl

    path = Path(path)
    if not path.is_file():
        raise BuildError(f"{path.name}: file not found in the data folder")
    if path.stat().st_size == 0:
        raise BuildError(f"{path.name}: the file is empty (expected the e-Stat table 第1-2表 as .xlsx)")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise BuildError(f"{path.name}: {size / 2**20:.1f} MB is larger than the {MAX_FILE_BYTES // 2**20} MB allowed")
    _check_unpacked(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, InvalidFileException, KeyError, XML errors …
        raise BuildError(f"{path.name}: not an Excel .xlsx workbook ({type(exc).__name__}: {exc})") from None
    if SHEET not in wb.sheetnames:
        wb.close()
        raise BuildError(
            f"{path.name}: no sheet {SHEET!r} (sheets: {', '.join(wb.sheetnames) or 'none'}); "
            f"expected the e-Stat table 第1-2表"
        )
    return wb, wb[SHEET]


def _survey_year(path: Path, title_rows: list[tuple[int, str]]) -> int:
    text = " ".join(t for _, t in title_rows)
    if not title_rows:
        raise BuildError(
            f"{path.name}: row 1: no title rows above the header "
            "(expected 「令和N年住宅・土地統計調査」 and 「第1-2表」)"
        )
    tables = [(row, t) for row, t in title_rows if re.match(r"第\S*表", t)]
    if not any(TABLE_ID in t.replace("−", "-") for _, t in tables):
        row, title = tables[0] if tables else title_rows[0]
        raise BuildError(f"{path.name}: row {row}: not the table 第1-2表 (title: {title[:60]!r})")
    m = _YEAR.search(text)
    if m:
        year = _ERAS[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))
    else:
        m = _WESTERN.search(text)
        if not m:
            raise BuildError(
                f"{path.name}: row {title_rows[0][0]}: no survey year (「令和N年住宅・土地統計調査」) in the title"
            )
        year = int(m.group(1))
    if year % 5 != 3:
        raise BuildError(
            f"{path.name}: row {title_rows[0][0]}: {year} is not a survey year of the Housing and Land Survey"
        )
    return year


def _count(path: Path, row: int, header: str, value, *, nullable: bool) -> int | None:
    where = f"{path.name}: row {row}, column {header}"
    if value is None or (isinstance(value, str) and value.strip() == ""):
        if nullable:
            return None
        raise BuildError(f"{where}: empty (expected a count; '-' means zero)")
    if isinstance(value, bool):
        raise BuildError(f"{where}: {value!r} is not a count")
    if isinstance(value, float):
        if not value.is_integer():
            raise BuildError(f"{where}: {value!r} is not a count (not a whole number)")
        value = int(value)
    if isinstance(value, str):
        text = _norm(value)
        if text in ZERO:
            return 0
        if nullable and text in NOT_PUBLISHED:
            return None
        digits = text.replace(",", "")
        if not re.fullmatch(r"-?\d+", digits):
            raise BuildError(f"{where}: {value!r} is not a count")
        value = int(digits)
    if not isinstance(value, int):
        raise BuildError(f"{where}: {value!r} is not a count")
    if value < 0:
        raise BuildError(f"{where}: {value} is negative")
    return value


@dataclass
class _Header:
    row: int
    label_col: int
    cols: dict[str, tuple[int, str]]  # item code -> (column index, header as printed)


def _find_header(path: Path, rows: list[tuple[int, tuple]]) -> tuple[_Header, list[tuple[int, str]]]:
    titles: list[tuple[int, str]] = []
    for row_no, values in rows[:HEADER_SCAN_ROWS]:
        cells = [_norm(v) for v in values]
        if "0_総数" in cells or "項目名" in cells:
            if "項目名" not in cells:
                raise BuildError(f"{path.name}: row {row_no}: no '項目名' cell left of the item codes")
            label_col = cells.index("項目名")
            cols: dict[str, tuple[int, str]] = {}
            for i, cell in enumerate(cells):
                m = _ITEM.fullmatch(cell)
                if m and i > label_col:
                    if m.group(1) in cols:
                        raise BuildError(
                            f"{path.name}: row {row_no}, column {cell}: item code {m.group(1)} appears twice"
                        )
                    cols[m.group(1)] = (i, str(values[i]).strip())
            missing = [ITEMS[c][1] for c in ITEMS if c not in cols]
            if missing:
                raise BuildError(f"{path.name}: row {row_no} (header): missing column(s) {', '.join(missing)}")
            return _Header(row_no, label_col, cols), titles
        filled = [c for c in cells if c]
        if len(filled) == 1:  # title lines: one text cell (rows 1-2 in the 2023 file)
            titles.append((row_no, filled[0]))
    raise BuildError(
        f"{path.name}: sheet {SHEET}: no header row with the item codes ({', '.join(v[1] for v in ITEMS.values())}) "
        f"in the first {HEADER_SCAN_ROWS} rows"
    )


def _check_units(path: Path, header: _Header, rows: list[tuple[int, tuple]]) -> None:
    for row_no, values in rows:
        if row_no <= header.row or row_no > header.row + 3:
            continue
        if header.label_col < len(values) and _norm(values[header.label_col]) == "表章単位":
            for code in ITEMS:
                col, name = header.cols[code]
                unit = _norm(values[col]) if col < len(values) else ""
                if unit and unit != "戸":
                    raise BuildError(
                        f"{path.name}: row {row_no}, column {name}: unit {unit!r}, expected 戸 (dwellings)"
                    )


def _check_unpacked(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than MAX_UNPACKED_BYTES (the sizes its zip directory
    declares: the reader never unpacks more than a part declares)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            unpacked = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: openpyxl says so in its own words below
    if unpacked > MAX_UNPACKED_BYTES:
        raise BuildError(
            f"{path.name}: unpacks to {unpacked / 2**20:,.0f} MB, more than the {MAX_UNPACKED_BYTES // 2**20} MB "
            "allowed (the e-Stat table 第1-2表 is about 1 MB)"
        )


def _rows(path: Path, ws):
    """(row number, values) of the sheet, read as needed: at most MAX_COLUMNS columns, and a BuildError at
    row MAX_ROWS + 1 or on an unreadable part."""
    try:
        for row_no, values in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
            if row_no > MAX_ROWS:
                raise BuildError(
                    f"{path.name}: sheet {SHEET} has more than {MAX_ROWS:,} rows (the table 第1-2表 has about 1,300)"
                )
            yield row_no, tuple(values)
    except BuildError:
        raise
    except Exception as exc:
        raise BuildError(f"{path.name}: sheet {SHEET} cannot be read ({type(exc).__name__}: {exc})") from None


def read_table_1_2(path: Path) -> tuple[int, pd.DataFrame]:
    """Read the e-Stat table 第1-2表 as published; return (survey year, one row per area).

    The DataFrame has the columns of housing_vacancy except source_id. Raises BuildError naming the
    row (as numbered in Excel) and the column (item code) of the first problem.
    """
    path = Path(path)
    wb, ws = _open_sheet(path)
    try:
        return _read_rows(path, _rows(path, ws))
    finally:
        wb.close()


def _read_rows(path: Path, stream) -> tuple[int, pd.DataFrame]:
    """The table from its rows as they are read: the first rows for the header, then one area a row,
    each checked as it comes (the first problem stops the reading)."""
    head = list(itertools.islice(stream, HEADER_SCAN_ROWS + 3))
    if not any(any(v is not None for v in values) for _, values in head) and next(stream, None) is None:
        raise BuildError(f"{path.name}: sheet {SHEET} is empty")
    header, titles = _find_header(path, head)
    year = _survey_year(path, titles)
    _check_units(path, header, head)

    records: list[dict] = []
    seen: dict[str, int] = {}
    started = False
    for row_no, values in itertools.chain(head, stream):
        if row_no <= header.row:
            continue
        values = values + (None,) * (max(c for c, _ in header.cols.values()) + 1 - len(values))
        label = values[header.label_col]
        label_text = _norm(label) if label is not None else ""
        m = _AREA.fullmatch(str(label).strip()) if label is not None else None
        if not m:
            if not started:
                continue  # 表章単位, 地域区分 rows between the header and the first area
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            if not label_text:
                raise BuildError(f"{path.name}: row {row_no}, column {LABEL_COLUMN}: empty area label")
            raise BuildError(
                f"{path.name}: row {row_no}, column {LABEL_COLUMN}: {label!r} is not an area label "
                f"(expected a 5-digit code, '_' and the name, e.g. '27102_大阪市　都島区')"
            )
        started = True
        code, name = m.group(1), m.group(2).strip()
        if not name:
            raise BuildError(f"{path.name}: row {row_no}, column {LABEL_COLUMN}: {label!r} has no area name")
        if code in seen:
            raise BuildError(
                f"{path.name}: row {row_no}, column {LABEL_COLUMN}: area code {code} is already on row {seen[code]}"
            )
        seen[code] = row_no
        rec = {"row": row_no, "survey_year": year, "area_code": code, "area_ja": name}
        for item, (column, _) in ITEMS.items():
            col, printed = header.cols[item]
            rec[column] = _count(path, row_no, printed, values[col], nullable=item in KINDS)
        total, vacant = rec["dwellings_total"], rec["vacant_total"]
        if vacant > total:
            raise BuildError(
                f"{path.name}: row {row_no}, column {header.cols['22'][1]}: {vacant} vacant dwellings "
                f"is more than {header.cols['0'][1]} {total}"
            )
        for item in KINDS:
            column = ITEMS[item][0]
            if rec[column] is not None and rec[column] > vacant:
                raise BuildError(
                    f"{path.name}: row {row_no}, column {header.cols[item][1]}: {rec[column]} is more than "
                    f"{header.cols['22'][1]} {vacant}"
                )
        rec["vacancy_rate_pct"] = vacant / total * 100 if total > 0 else None
        rec["rate_basis"] = "computed" if total > 0 else None
        records.append(rec)
    if not records:
        raise BuildError(f"{path.name}: no area rows below the header (row {header.row})")

    _assign_levels(path, records)
    df = pd.DataFrame.from_records(records)
    for column in (
        "dwellings_total",
        "vacant_total",
        "vacant_other",
        "vacant_rental",
        "vacant_for_sale",
        "vacant_secondary",
    ):
        df[column] = df[column].astype("Int64")
    df["survey_year"] = df["survey_year"].astype("int32")
    df["vacancy_rate_pct"] = df["vacancy_rate_pct"].astype("float64")
    return year, df[COLUMNS].reset_index(drop=True)


def area_level(code: str, name: str, cities: set[tuple[str, str]]) -> str:
    """national / prefecture / ward / municipality (see the module docstring).

    `cities` holds (prefecture code, name) of every area of the file."""
    if code == "00000":
        return "national"
    if code.endswith("000"):
        return "prefecture"
    parts = name.split("\u3000")
    if len(parts) == 2 and parts[0].endswith("市") and parts[1].endswith("区") and (code[:2], parts[0]) in cities:
        return "ward"
    return "municipality"


def _assign_levels(path: Path, records: list[dict]) -> None:
    cities = {(r["area_code"][:2], r["area_ja"]) for r in records}
    for r in records:
        r["area_level"] = area_level(r["area_code"], r["area_ja"], cities)


def survey_year_of(path: Path) -> int | None:
    """The survey year of a 第1-2表 file (title rows only), or None if it cannot be read."""
    try:
        wb, ws = _open_sheet(Path(path))
    except BuildError:
        return None
    try:
        rows = [(i, tuple(v)) for i, v in enumerate(ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True), start=1)]
        _, titles = _find_header(Path(path), rows)
        return _survey_year(Path(path), titles)
    except BuildError:
        return None
    finally:
        wb.close()


def read_folder(folder: Path) -> list[tuple[int, Path, pd.DataFrame]]:
    """Every jyutaku*_table1-2*.xlsx in `folder`, in name order; one file per survey year."""
    found: dict[int, Path] = {}
    out = []
    for path in sorted(folder.glob(FILE_GLOB)):
        if path.name.startswith("~$"):
            continue
        year, df = read_table_1_2(path)
        if year in found:
            raise BuildError(
                f"{path.name}: survey year {year} is also in {found[year].name}; "
                f"keep one file per survey year in {folder}"
            )
        found[year] = path
        out.append((year, path, df))
    return out


# --- loading into DuckDB --------------------------------------------------------------------------


def _require_source(con: duckdb.DuckDBPyConnection, source_id: str, what: str) -> None:
    if con.execute("SELECT count(*) FROM sources WHERE source_id = ?", [source_id]).fetchall()[0][0] == 0:
        raise BuildError(
            f"{what}: source_id {source_id!r} is not in the sources table; add its row to data/sources.csv"
        )


def insert_survey(con: duckdb.DuckDBPyConnection, year: int, df: pd.DataFrame, what: str) -> int:
    """Insert one survey year's rows (from :func:`read_table_1_2`) into housing_vacancy."""
    source_id = source_id_for(year)
    _require_source(con, source_id, what)
    frame = df[COLUMNS].copy()
    frame["area_code"] = frame["area_code"].astype(object)
    frame["area_ja"] = frame["area_ja"].astype(object)
    frame["area_level"] = frame["area_level"].astype(object)
    frame["rate_basis"] = frame["rate_basis"].astype(object)
    view = f"_housing_{uuid.uuid4().hex[:8]}"
    con.register(view, frame)
    try:
        columns = ", ".join(COLUMNS)
        con.execute(
            f"INSERT INTO {TABLE} ({columns}, source_id) SELECT {columns}, $source_id FROM {view}",
            {"source_id": source_id},
        )
    except duckdb.Error as exc:
        raise BuildError(f"{what}: {str(exc).strip().splitlines()[0]}") from None
    finally:
        con.unregister(view)
    return len(frame)


def load_ward_names(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """osaka_ward_names from the ward boundaries (N03_007 code, N03_004 name, ward_en)."""
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
    except FileNotFoundError:
        raise BuildError(f"{path.name}: file not found in the data folder") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise BuildError(f"{path.name}: not a GeoJSON FeatureCollection ({exc})") from None
    rows = []
    for i, feature in enumerate(features):
        props = (feature or {}).get("properties") or {}
        values = [props.get("N03_007"), props.get("N03_004"), props.get("ward_en")]
        for key, value in zip(("N03_007", "N03_004", "ward_en"), values):
            if not isinstance(value, str) or not value.strip():
                raise BuildError(f"{path.name}: feature {i}, property {key}: missing")
        rows.append(values)
    try:
        con.executemany("INSERT INTO osaka_ward_names VALUES (?, ?, ?)", rows)
    except duckdb.Error as exc:
        raise BuildError(f"{path.name}: {str(exc).strip().splitlines()[0]}") from None
    return len(rows)


def load(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    """Fill housing_vacancy and osaka_ward_names from data/osaka (schema_housing must have run)."""
    folder = Path(data_dir) / FOLDER
    load_ward_names(con, folder / GEOJSON)
    load_csv(con, TABLE, folder / CSV_2013)
    for year, path, df in read_folder(folder):
        insert_survey(con, year, df, path.name)


# --- import-housing: all-or-nothing replacement of one survey year ------------------------------


def target_in_data(folder: Path, year: int) -> Path:
    """Where an imported file of `year` is kept: the file of that year already in `folder`, if any."""
    for path in sorted(folder.glob(FILE_GLOB)):
        if survey_year_of(path) == year:
            return path
    return folder / f"jyutaku{year}_table1-2.xlsx"


def import_file(db_path: Path, xlsx_path: Path, data_dir: Path | None = None) -> tuple[int, int]:
    """Validate `xlsx_path` fully, then replace its survey year's rows in `db_path` and keep a copy of
    the file in data/osaka. All or nothing: on any error the database file is exactly as it was (it is
    never opened for writing; a copy is changed and renamed into place). Returns (survey year, rows)."""
    db_path, xlsx_path = Path(db_path), Path(xlsx_path)
    year, df = read_table_1_2(xlsx_path)
    folder = Path(data_dir or paths.data_dir()) / FOLDER
    if not db_path.is_file():
        raise BuildError(f"no database at {db_path}; run `python -m machi build` first")

    tmp = temp_beside(db_path)  # a killed import's leftovers are removed like a killed build's
    tmp_wal = tmp.with_name(tmp.name + ".wal")
    kept_tmp: Path | None = None
    backup: Path | None = None
    target: Path | None = None
    placed = False
    try:
        shutil.copyfile(db_path, tmp)
        wal = db_path.with_name(db_path.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, tmp_wal)
        try:
            con = duckdb.connect(str(tmp))
        except duckdb.Error as exc:
            raise BuildError(f"{db_path.name}: cannot open the database ({str(exc).strip().splitlines()[0]})") from None
        try:
            if not con.execute(
                "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?", [TABLE]
            ).fetchall()[0][0]:
                raise BuildError(f"{db_path.name}: no table {TABLE} (rebuild with `python -m machi build`)")
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(f"DELETE FROM {TABLE} WHERE survey_year = ?", [year])
                rows = insert_survey(con, year, df, xlsx_path.name)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("CHECKPOINT")
        except duckdb.Error as exc:
            raise BuildError(f"{db_path.name}: {str(exc).strip().splitlines()[0]}") from None
        finally:
            con.close()

        # keep the file in data/osaka so the next rebuild has it
        folder.mkdir(parents=True, exist_ok=True)
        target = target_in_data(folder, year)
        if not (target.exists() and os.path.samefile(target, xlsx_path)):
            kept_tmp = folder / f".{target.name}.{uuid.uuid4().hex[:8]}.tmp"
            shutil.copyfile(xlsx_path, kept_tmp)
            if target.exists():
                backup = folder / f".{target.name}.{uuid.uuid4().hex[:8]}.bak"
                shutil.copyfile(target, backup)
            os.replace(kept_tmp, target)
            kept_tmp = None
            placed = True
        os.replace(tmp, db_path)
    except BaseException:
        if placed and target is not None:  # the database was not replaced: put the data folder back too
            if backup is not None:
                os.replace(backup, target)
                backup = None
            else:
                target.unlink(missing_ok=True)
        raise
    finally:
        for leftover in (tmp, tmp_wal, kept_tmp, backup):
            if leftover is not None:
                leftover.unlink(missing_ok=True)
    return year, rows


def import_recorded(xlsx_path: Path, manifests) -> tuple[int, int]:
    """`import_file` into the app's database, then a row in the change log (machi.core.updates) and the
    database rebuilt from data/ with it: the import as staff make it, from the command line or the page."""
    import hashlib

    from machi.core import updates
    from machi.core.build import build

    xlsx_path = Path(xlsx_path)
    year, rows = import_file(paths.db_path(), xlsx_path)
    digest = hashlib.sha256(xlsx_path.read_bytes()).hexdigest()
    updates.log_change("housing", xlsx_path.name, digest, added=rows, scope=str(year))
    build(manifests)
    return year, rows


def cli_import(args: argparse.Namespace, manifests=None) -> int:
    """`python -m machi import-housing FILE`: prints table<TAB>year<TAB>rows; a bad file exits 2. Given the
    `manifests` (`import housing FILE`): also in the change log, the database rebuilt with it."""
    try:
        if manifests is not None:
            year, rows = import_recorded(Path(args.file), manifests)
        else:
            year, rows = import_file(paths.db_path(), Path(args.file))
    except BuildError as exc:
        print(f"machi import-housing: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"machi import-housing: {exc.filename or args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"{TABLE}\t{year}\t{rows}")
    return 0
