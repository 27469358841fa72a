"""The importer of the e-Stat table 第1-2表 (machi/osaka/housing.py), its 2013 figures and its queries.

Databases are built in temp dirs from a copy of data/ (the sources rows the housing tables cite are
appended to that copy when data/sources.csv does not have them yet)."""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import openpyxl
import pytest

from machi.core.build import BuildError, load_csv
from machi.core.db import run_query, sql
from machi.osaka import housing
from tests.conftest import ROOT

DATA = ROOT / "data"
SHIPPED = DATA / "osaka" / "jyutaku2023_table1-2_e001_2.xlsx"
SHIPPED_SHA256 = "088f1223bb19852414873e5f3a68e7d7cc0423340674f9fd50f42a7536cf959f"
OSAKA_WARDS = {
    "27102",
    "27103",
    "27104",
    "27106",
    "27107",
    "27108",
    "27109",
    "27111",
    "27113",
    "27114",
    "27115",
    "27116",
    "27117",
    "27118",
    "27119",
    "27120",
    "27121",
    "27122",
    "27123",
    "27124",
    "27125",
    "27126",
    "27127",
    "27128",
}
#: columns in the order of the sheet: A 地域識別コード, B 地域区分, C 0_総数 … I 22_空き家, J 221 … M 224
COL = {"label": "B", "0": "C", "22": "I", "221": "J", "222": "K", "223": "L", "224": "M"}

TEST_SOURCES = {
    "estat_jyutaku2023_t1_2": ("official_table", "全国", "令和5年住宅・土地統計調査 第1-2表 (test row)"),
    "estat_jyutaku2028_t1_2": ("official_table", "全国", "令和10年住宅・土地統計調査 第1-2表 (test row)"),
    "osaka_city_h25_page": ("web_page", "大阪市", "大阪市 平成25年住宅・土地統計調査 (test row)"),
    "osaka_akiya_policy": ("document", "大阪市", "大阪市特定空家等に対する措置等に関する方針（案） (test row)"),
}


# --- helpers --------------------------------------------------------------------------------------


def make_data_copy(dest: Path) -> Path:
    """A copy of data/sources.csv and data/osaka in dest, with the test source rows appended if missing."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DATA / "sources.csv", dest / "sources.csv")
    shutil.copytree(DATA / "osaka", dest / "osaka")
    with (dest / "sources.csv").open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header, have = reader.fieldnames, {row["source_id"] for row in reader}
    with (dest / "sources.csv").open("a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header)
        for sid, (kind, muni, title) in TEST_SOURCES.items():
            if sid not in have:
                writer.writerow(
                    {
                        "source_id": sid,
                        "kind": kind,
                        "municipality_ja": muni,
                        "title_ja": title,
                        "title_en": title,
                        "publisher_ja": "test",
                        "publisher_en": "test",
                        "license_ja": "test",
                        "license_en": "test",
                        "credit_ja": "test",
                    }
                )
    return dest


def build_db(db: Path, data_dir: Path) -> Path:
    con = duckdb.connect(str(db))
    try:
        con.execute(sql("core/schema_sources"))
        load_csv(con, "sources", data_dir / "sources.csv")
        con.execute(sql("osaka/schema_housing"))
        housing.load(con, data_dir)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return db


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def edited_copy(dest: Path, **cells) -> Path:
    """A copy of the shipped file with cells changed, e.g. I57='abc' (None clears a cell)."""
    wb = openpyxl.load_workbook(SHIPPED)
    ws = wb["e001_2"]
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(dest)
    return dest


@pytest.fixture(scope="module")
def table():
    return housing.read_table_1_2(SHIPPED)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("housing")
    data_dir = make_data_copy(base / "data")
    db = build_db(base / "machi.duckdb", data_dir)
    return db, data_dir


@pytest.fixture()
def fresh(tmp_path, built):
    """A database and data folder of one's own (for imports): copies of the module's, built once."""
    db, data_dir = built
    shutil.copytree(data_dir, tmp_path / "data")
    shutil.copyfile(db, tmp_path / "machi.duckdb")
    return tmp_path / "machi.duckdb", tmp_path / "data"


@pytest.fixture()
def ro(built):
    con = duckdb.connect(str(built[0]), read_only=True)
    yield con
    con.close()


# --- the shipped file -------------------------------------------------------------------------------


def test_shipped_file_is_the_unmodified_official_table():
    assert digest(SHIPPED) == SHIPPED_SHA256


def test_survey_year_and_row_count(table):
    year, df = table
    assert year == 2023
    assert len(df) == 1283
    assert df.area_code.is_unique
    assert set(df.survey_year) == {2023}


def test_osaka_city_has_its_24_wards(table):
    _, df = table
    wards = df[(df.area_level == "ward") & df.area_code.str.startswith("271") & (df.area_code <= "27128")]
    assert set(wards.area_code) == OSAKA_WARDS
    assert not {"27101", "27105", "27110", "27112"} & set(df.area_code)
    assert wards.set_index("area_code").loc["27102", "area_ja"] == "大阪市\u3000都島区"


def test_levels_of_known_areas(table):
    _, df = table
    level = df.set_index("area_code")["area_level"]
    assert level["00000"] == "national"
    assert level["27000"] == "prefecture" and level["14000"] == "prefecture"
    for code in ("27100", "14208", "11227", "27212", "13101", "13100", "27140"):
        assert level[code] == "municipality", code
    assert level["27141"] == "ward" and level["01101"] == "ward"
    assert (df.area_level == "national").sum() == 1
    assert (df.area_level == "prefecture").sum() == 47


def test_area_level_agrees_with_the_tables_own_area_kind_column(table):
    """Column A (地域識別コード): a = national/prefecture, 0 = ward or Tokyo special ward, 1/2/3 = city,
    特別区部, town or village."""
    _, df = table
    level = df.set_index("area_code")["area_level"]
    wb = openpyxl.load_workbook(SHIPPED, read_only=True)
    try:
        rows = list(wb["e001_2"].iter_rows(min_row=10, values_only=True))
    finally:
        wb.close()
    assert len(rows) == len(df)
    for kind, label, *_ in rows:
        code = label[:5]
        expected = {
            "a": {"national", "prefecture"},
            "1": {"municipality"},
            "2": {"municipality"},
            "3": {"municipality"},
            "0": {"municipality"} if code.startswith("131") else {"ward"},
        }[str(kind)]
        assert level[code] in expected, (kind, label)


def test_zushi_asaka_yao_and_national_rows(table):
    _, df = table
    rows = df.set_index("area_code")
    assert rows.loc["14208", "area_ja"] == "逗子市"
    assert rows.loc["11227", "area_ja"] == "朝霞市"
    assert rows.loc["27212", "area_ja"] == "八尾市"
    assert rows.loc["00000", "area_ja"] == "全国"
    assert (rows.loc["00000", "dwellings_total"], rows.loc["00000", "vacant_total"]) == (65046700, 9001600)
    assert rows.loc["27212", "vacant_other"] == 5710


def test_dash_means_zero(table):
    _, df = table
    rows = df.set_index("area_code")
    # 27104 此花区: 224_二次的住宅 is printed '-'; 47348 与那原町: 223 and 224 are '-'
    assert rows.loc["27104", "vacant_secondary"] == 0
    assert rows.loc["27104", "vacant_for_sale"] == 120
    assert (rows.loc["47348", "vacant_for_sale"], rows.loc["47348", "vacant_secondary"]) == (0, 0)


def test_osaka_city_row_is_the_sum_of_its_wards_within_rounding(table):
    """Wards are rounded to tens (±5 each, 24 wards) and the city to hundreds (±50): |sum − city| ≤ 170."""
    _, df = table
    rows = df.set_index("area_code")
    wards = rows.loc[sorted(OSAKA_WARDS)]
    for column in (
        "dwellings_total",
        "vacant_total",
        "vacant_other",
        "vacant_rental",
        "vacant_for_sale",
        "vacant_secondary",
    ):
        total, city = int(wards[column].sum()), int(rows.loc["27100", column])
        assert abs(total - city) <= 24 * 5 + 50, (column, total, city)
    # the actual differences of the 2023 file
    assert int(wards.dwellings_total.sum()) == 1827940 and rows.loc["27100", "dwellings_total"] == 1827900
    assert int(wards.vacant_total.sum()) == 294640 and rows.loc["27100", "vacant_total"] == 294600


def test_rates_are_computed_unrounded(table):
    _, df = table
    city = df.set_index("area_code").loc["27100"]
    assert city.rate_basis == "computed"
    assert city.vacancy_rate_pct == pytest.approx(294600 / 1827900 * 100, abs=1e-12)
    assert round(city.vacancy_rate_pct, 1) == 16.1
    assert (df.rate_basis == "computed").all()


# --- the built tables and queries -------------------------------------------------------------------


def test_load_counts(ro):
    counts = dict(ro.execute("SELECT survey_year, count(*) FROM housing_vacancy GROUP BY ALL").fetchall())
    assert counts == {2013: 6, 2023: 1283}
    assert ro.execute("SELECT count(*) FROM osaka_ward_names").fetchall()[0][0] == 24


def test_2013_rows_are_only_official_figures(ro):
    rows = ro.execute(
        "SELECT area_code, area_ja, dwellings_total, vacant_total, vacancy_rate_pct, rate_basis, source_id "
        "FROM housing_vacancy WHERE survey_year = 2013 ORDER BY area_code"
    ).fetchall()
    assert rows == [
        ("00000", "全国", None, None, 13.5, "stated", "osaka_akiya_policy"),
        ("27000", "大阪府", None, None, 14.8, "stated", "osaka_akiya_policy"),
        ("27100", "大阪市", 1634120, 280740, 17.2, "stated", "osaka_city_h25_page"),
        ("27116", "大阪市\u3000生野区", None, None, 22.4, "stated", "osaka_akiya_policy"),
        ("27121", "大阪市\u3000東住吉区", None, None, 23.8, "stated", "osaka_akiya_policy"),
        ("27122", "大阪市\u3000西成区", None, None, 23.8, "stated", "osaka_akiya_policy"),
    ]
    assert round(280740 / 1634120 * 100, 1) == 17.2  # the stated rate agrees with the city's counts
    # 旭区 21.4% (2013) comes from a secondary web page only: not included
    assert ro.execute(
        "SELECT count(*) FROM housing_vacancy WHERE survey_year = 2013 AND area_code = '27117'"
    ).fetchall() == [(0,)]


def test_2013_rates_appear_in_the_policy_text():
    text = (ROOT / "tests" / "fixtures" / "osaka_akiya_policy.txt").read_text(encoding="utf-8")
    assert "大阪市内の空家数は、約 28 万戸、空家率は 17.2%" in text
    assert "全国平均の空家率 13.5%、大阪府内の空家率 14.8%" in text
    assert "西成区・東住吉区(23.8%)、生野区(22.4%)" in text


def test_osaka_wards_dataset(ro):
    df = run_query(ro, "osaka/wards")
    y23 = df[df.survey_year == 2023]
    assert list(y23.row_kind.value_counts().sort_index().items()) == [
        ("city", 1),
        ("national", 1),
        ("prefecture", 1),
        ("ward", 24),
    ]
    assert set(y23[y23.row_kind == "ward"].area_code) == OSAKA_WARDS
    wards = y23[y23.row_kind == "ward"].set_index("area_code")
    assert wards.loc["27102", "ward_en"] == "Miyakojima" and wards.loc["27102", "ward_ja"] == "都島区"
    assert wards.ward_en.notna().all()
    assert wards.loc["27122", "vacant_other_rate_pct"] == pytest.approx(5730 / 88230 * 100)
    assert list(df.columns[:3]) == ["survey_year", "row_kind", "area_code"]
    assert len(df[df.survey_year == 2013]) == 6


def test_ranked_wards(ro):
    df = run_query(ro, "osaka/wards_ranked", {"year": 2023})
    assert len(df) == 24
    assert df.iloc[0].ward_ja == "西成区" and df.iloc[0]["rank"] == 1
    assert df.vacancy_rate_pct.is_monotonic_decreasing
    assert df.equals(run_query(ro, "osaka/wards_ranked", {"year": None}))
    y13 = run_query(ro, "osaka/wards_ranked", {"year": 2013})
    assert list(y13["rank"]) == [1, 1, 3]  # 西成区 and 東住吉区 tie at 23.8%


def test_area_compare_keeps_the_order_of_the_list(ro):
    df = run_query(ro, "osaka/housing_area_compare", {"year": 2023, "codes": ["27212", "14208", "11227", "99999"]})
    assert list(df.area_code) == ["27212", "14208", "11227"]
    assert list(df.area_ja) == ["八尾市", "逗子市", "朝霞市"]


def test_area_picker(ro):
    df = run_query(ro, "osaka/housing_areas").set_index("area_code")
    assert len(df) == 1283
    assert list(df.loc["27100", "survey_years"]) == [2013, 2023]
    assert df.loc["27122", "area_level"] == "ward"


def test_load_fails_on_missing_source_row(tmp_path):
    data_dir = make_data_copy(tmp_path / "data")
    lines = (data_dir / "sources.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (data_dir / "sources.csv").write_text(
        "".join(line for line in lines if not line.startswith("estat_jyutaku2023_t1_2,")), encoding="utf-8"
    )
    with pytest.raises(BuildError, match="estat_jyutaku2023_t1_2"):
        build_db(tmp_path / "x.duckdb", data_dir)


def test_two_files_of_one_survey_year_are_an_error(tmp_path):
    data_dir = make_data_copy(tmp_path / "data")
    shutil.copyfile(SHIPPED, data_dir / "osaka" / "jyutaku2023_table1-2_z.xlsx")
    with pytest.raises(
        BuildError, match=r"jyutaku2023_table1-2_z\.xlsx: survey year 2023 is also in jyutaku2023_table1-2_e001_2\.xlsx"
    ):
        build_db(tmp_path / "x.duckdb", data_dir)


# --- broken files: rejected, database and data folder unchanged -----------------------------------


def _wrong_sheet(path: Path) -> Path:
    wb = openpyxl.load_workbook(SHIPPED)
    wb["e001_2"].title = "Sheet1"
    wb.save(path)
    return path


def _empty_sheet(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "e001_2"
    wb.save(path)
    return path


def _header_only(path: Path) -> Path:
    wb = openpyxl.load_workbook(SHIPPED)
    ws = wb["e001_2"]
    ws.delete_rows(10, ws.max_row)
    wb.save(path)
    return path


BROKEN = {
    "wrong_sheet": (_wrong_sheet, r"no sheet 'e001_2' \(sheets: Sheet1\)"),
    "missing_column": (lambda p: edited_copy(p, I7=None), r"row 7 \(header\): missing column\(s\) 22_空き家"),
    "renamed_column": (
        lambda p: edited_copy(p, J7="9_その他"),
        r"row 7 \(header\): missing column\(s\) 221_賃貸・売却用",
    ),
    "text_in_count": (lambda p: edited_copy(p, I57="abc"), r"row 57, column 22_空き家: 'abc' is not a count"),
    "fraction": (lambda p: edited_copy(p, C58=12.5), r"row 58, column 0_総数: 12\.5 is not a count"),
    "negative": (lambda p: edited_copy(p, K20=-5), r"row 20, column 222_賃貸用の空き家: -5 is negative"),
    "empty_total": (lambda p: edited_copy(p, C30=None), r"row 30, column 0_総数: empty"),
    "duplicate_area": (
        lambda p: edited_copy(p, B12="01000_北海道"),
        r"row 12, column 地域区分: area code 01000 is already on row 11",
    ),
    "bad_label": (lambda p: edited_copy(p, B40="大阪市"), r"row 40, column 地域区分: '大阪市' is not an area label"),
    "vacant_over_total": (
        lambda p: edited_copy(p, I13=200000),
        r"row 13, column 22_空き家: 200000 vacant dwellings is more than 0_総数 174070",
    ),
    "kind_over_vacant": (
        lambda p: edited_copy(p, J13=40000),
        r"row 13, column 221_賃貸・売却用及び二次的住宅を除く空き家: 40000 is more than 22_空き家 32100",
    ),
    "wrong_unit": (lambda p: edited_copy(p, I8="千戸"), r"row 8, column 22_空き家: unit '千戸'"),
    "other_table": (
        lambda p: edited_copy(p, A2="第２－１表　住宅の種類"),
        r"row 2: not the table 第1-2表 \(title: '第2-1表 住宅の種類'\)",
    ),
    "no_year": (lambda p: edited_copy(p, A1="住宅及び世帯に関する基本集計"), r"no survey year"),
    "no_area_rows": (_header_only, r"no area rows below the header \(row 7\)"),
    "empty_sheet": (_empty_sheet, r"sheet e001_2 is empty"),
    "empty_file": (lambda p: (p.write_bytes(b""), p)[1], r"the file is empty"),
    "not_xlsx": (
        lambda p: (p.write_text("area,count\n27102,1\n", encoding="utf-8"), p)[1],
        r"not an Excel \.xlsx workbook",
    ),
}


def _zip_bomb(path: Path) -> Path:
    """The shipped workbook with one more part that unpacks to 120 MB of zeros (a file of ~120 KB more)."""
    import zipfile

    shutil.copyfile(SHIPPED, path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("xl/media/padding.bin", b"\0" * (120 * 2**20))
    return path


def _too_many_rows(path: Path) -> Path:
    """The shipped table's title and header, then more valid area rows than allowed."""
    source = openpyxl.load_workbook(SHIPPED, read_only=True)
    head = [tuple(r) for r in source[housing.SHEET].iter_rows(max_row=10, values_only=True)]
    source.close()
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet(housing.SHEET)
    for values in head[:-1]:
        ws.append(values)
    area = head[-1]
    for i in range(housing.MAX_ROWS):
        ws.append((area[0], f"{10000 + i:05d}_地区{i}", *area[2:]))
    wb.save(path)
    return path


def _too_large(path: Path) -> Path:
    shutil.copyfile(SHIPPED, path)
    with path.open("ab") as fh:
        fh.truncate(housing.MAX_FILE_BYTES + 1)
    return path


BROKEN.update(
    {
        "unpacks_too_large": (_zip_bomb, r"unpacks to 121 MB, more than the 100 MB allowed"),
        "too_many_rows": (_too_many_rows, r"sheet e001_2 has more than 10,000 rows"),
        "file_too_large": (_too_large, r"20\.0 MB is larger than the 20 MB allowed"),
    }
)


def test_the_importer_stops_reading_at_the_first_problem():
    """Rows are checked as they are read: a duplicate on row 1,293 of a file of two million rows was
    found only after all were read (165 s, 1.3 GiB). Here the row source fails if read past the problem."""
    wb = openpyxl.load_workbook(SHIPPED, read_only=True)
    rows = list(housing._rows(Path("t.xlsx"), wb[housing.SHEET]))[:60]
    wb.close()
    row_no, values = rows[-1]
    duplicate = (row_no + 1, (values[0], rows[-2][1][1], *values[2:]))
    read = []

    def stream():
        for row in [*rows, duplicate]:
            read.append(row[0])
            yield row
        raise AssertionError("read past the first problem")

    with pytest.raises(BuildError, match=rf"row {row_no + 1}, column 地域区分: area code \d+ is already on row"):
        housing._read_rows(Path("t.xlsx"), stream())
    assert read[-1] == row_no + 1


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_file_is_rejected_and_nothing_changes(case, fresh, tmp_path):
    db, data_dir = fresh
    make, message = BROKEN[case]
    broken = make(tmp_path / f"broken_{case}.xlsx")
    before_db, before_data = digest(db), folder_state(data_dir / "osaka")
    with pytest.raises(BuildError, match=message) as info:
        housing.import_file(db, broken, data_dir)
    assert str(info.value).startswith(broken.name + ":")
    assert digest(db) == before_db
    assert folder_state(data_dir / "osaka") == before_data
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith(".")) == []


# --- importing ---------------------------------------------------------------------------------------


def _table_rows(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT * FROM housing_vacancy ORDER BY survey_year, area_code").fetchall()
    finally:
        con.close()


def test_import_of_the_shipped_file_twice_is_idempotent(fresh, tmp_path):
    db, data_dir = fresh
    before = _table_rows(db)
    outside = tmp_path / "download.xlsx"
    shutil.copyfile(SHIPPED, outside)
    assert housing.import_file(db, outside, data_dir) == (2023, 1283)
    first = _table_rows(db)
    assert housing.import_file(db, outside, data_dir) == (2023, 1283)
    assert _table_rows(db) == first == before
    # the copy kept for rebuilds replaced the file of the same survey year; no second 2023 file
    files = sorted(p.name for p in (data_dir / "osaka").glob("jyutaku*_table1-2*.xlsx"))
    assert files == ["jyutaku2023_table1-2_e001_2.xlsx"]
    assert digest(data_dir / "osaka" / files[0]) == SHIPPED_SHA256
    # a rebuild from the data folder gives the same table
    assert _table_rows(build_db(tmp_path / "rebuilt.duckdb", data_dir)) == first


def test_import_of_a_new_survey_year_keeps_the_file_for_rebuilds(fresh, tmp_path):
    db, data_dir = fresh
    new = edited_copy(
        tmp_path / "r10.xlsx", A1="令和１０年住宅・土地統計調査　住宅及び世帯に関する基本集計", C10=70000000
    )
    assert housing.import_file(db, new, data_dir) == (2028, 1283)
    kept = data_dir / "osaka" / "jyutaku2028_table1-2.xlsx"
    assert digest(kept) == digest(new)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert dict(con.execute("SELECT survey_year, count(*) FROM housing_vacancy GROUP BY ALL").fetchall()) == {
            2013: 6,
            2023: 1283,
            2028: 1283,
        }
        assert con.execute(
            "SELECT dwellings_total, source_id FROM housing_vacancy WHERE survey_year = 2028 AND area_code = '00000'"
        ).fetchall() == [(70000000, "estat_jyutaku2028_t1_2")]
    finally:
        con.close()
    assert _table_rows(build_db(tmp_path / "rebuilt.duckdb", data_dir)) == _table_rows(db)


def test_import_without_a_source_row_changes_nothing(fresh, tmp_path):
    db, data_dir = fresh
    new = edited_copy(tmp_path / "h30.xlsx", A1="平成30年住宅・土地統計調査　住宅及び世帯に関する基本集計")
    before_db, before_data = digest(db), folder_state(data_dir / "osaka")
    with pytest.raises(BuildError, match="source_id 'estat_jyutaku2018_t1_2' is not in the sources table"):
        housing.import_file(db, new, data_dir)
    assert digest(db) == before_db
    assert folder_state(data_dir / "osaka") == before_data


def test_import_failing_at_the_last_step_restores_the_data_folder(fresh, tmp_path, monkeypatch):
    db, data_dir = fresh
    new = edited_copy(tmp_path / "r10.xlsx", A1="令和10年住宅・土地統計調査")
    before_db, before_data = digest(db), folder_state(data_dir / "osaka")
    real_replace = os.replace

    def failing_replace(src, dst):
        if Path(dst) == db:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(housing.os, "replace", failing_replace)
    with pytest.raises(OSError):
        housing.import_file(db, new, data_dir)
    assert digest(db) == before_db
    assert folder_state(data_dir / "osaka") == before_data
    assert [p.name for p in db.parent.iterdir() if p.name.startswith(".")] == []


def test_import_needs_a_database(tmp_path):
    with pytest.raises(BuildError, match="no database"):
        housing.import_file(tmp_path / "missing.duckdb", SHIPPED, tmp_path / "data")


# --- CLI -------------------------------------------------------------------------------------------


def _cli(args: list[str], db: Path, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "MACHI_DB": str(db), "MACHI_DATA": str(data_dir), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "machi", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )


def test_cli_import(fresh, tmp_path):
    db, data_dir = fresh
    done = _cli(["import-housing", str(SHIPPED)], db, data_dir)
    assert (done.returncode, done.stdout, done.stderr) == (0, "housing_vacancy\t2023\t1283\n", "")


def test_cli_import_broken_file(fresh, tmp_path):
    db, data_dir = fresh
    before = digest(db)
    broken = edited_copy(tmp_path / "b.xlsx", I57="abc")
    done = _cli(["import-housing", str(broken)], db, data_dir)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == "machi import-housing: b.xlsx: row 57, column 22_空き家: 'abc' is not a count\n"
    assert digest(db) == before
    missing = _cli(["import-housing", str(tmp_path / "nope.xlsx")], db, data_dir)
    assert missing.returncode == 2 and missing.stderr.startswith("machi import-housing: nope.xlsx: file not found")
    assert "Traceback" not in done.stderr + missing.stderr
