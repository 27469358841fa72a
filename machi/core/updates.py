"""Data updates by staff, without code: an Excel template per kind of data, and its import.

A kind (an `UpdateKind`, declared by a municipality's package) is one CSV file of `data/` that staff keep
current: Zushi's evaluation sheets, Asaka's published actuals. Its template is a workbook with the current
data filled in (one row per record, headers in Japanese with the English beneath, a drop-down list for
every coded field, number formats with units) and an instructions sheet in both languages.

An import reads a filled template and checks all of it before anything changes (`check`): not the
template, a macro-enabled or oversized file, a formula where a value belongs, an unknown code, a missing
or out-of-range value, a duplicate key: each problem named by sheet, row and column in the reader's
words. It then says what would change against the current data (`Preview`: rows added, changed with old
and new values, removed), and applies all or nothing (`apply`): under a lock (one import at a time), the
new CSV and a change-log row are built into a database in a scratch copy of `data/`; only when that build
has succeeded are the files put in `data/` and the database swapped in (a running dashboard serves the
old one until then and the new one from its next interaction). Anything that fails leaves `data/` and
the database as they were.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import math
import os
import re
import shutil
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from machi.core import paths
from machi.core.text import in_language, t

#: the largest workbook an import reads (the templates with today's data are about 30 KB)
MAX_BYTES = 5 * 1024 * 1024
#: the template's sheets
DATA_SHEET, HELP_SHEET, LISTS_SHEET = "データ", "説明 Instructions", "lists"
#: rows 1 and 2 are the headers (Japanese, English); records start on row 3
FIRST_ROW = 3
#: the sheet where a template lists its municipality's sources, and takes new ones (a new year's sheets)
SOURCES_SHEET = "出典 Sources"
#: the change log, in data/ (so a rebuild keeps it)
CHANGE_LOG = "change_log.csv"
CHANGE_LOG_COLUMNS = (
    "changed_at",
    "kind",
    "file_name",
    "sha256",
    "rows_added",
    "rows_changed",
    "rows_removed",
    "scope",
)
LOCK_NAME = ".machi-import.lock"


@dataclass(frozen=True)
class Column:
    """A column of the template: the CSV column it fills, its headers, and what it takes."""

    name: str
    ja: str
    en: str
    kind: str = "text"  # text | int | float | choice
    required: bool = True
    lo: float | None = None
    hi: float | None = None
    number_format: str = "General"
    width: int = 14
    #: choice: a drop-down list that refuses anything else in Excel (False: suggests, warns; a new code is
    #: then taken when it matches `pattern`, e.g. a new department's four digits)
    strict: bool = True
    pattern: str = ""
    example: str = ""
    #: choice: the list shows the codes' names (an indicator's name, not its id); either is taken
    by_label: bool = False
    note_ja: str = ""
    note_en: str = ""


#: the columns of the sources sheet: those of data/sources.csv
SOURCE_COLUMNS = (
    Column("source_id", "出典コード", "Source id", "choice", strict=False, pattern=r"[a-z][a-z0-9_]*",
           example="zushi_2022_sheets", width=22, note_ja="半角英小文字・数字・_", note_en="a–z, 0–9 and _"),
    Column("kind", "種類", "Kind", "choice", width=14),
    Column("municipality_ja", "市町村", "Municipality", width=10),
    Column("title_ja", "資料名", "Title (Japanese)", width=40),
    Column("title_en", "資料名（英語）", "Title (English)", width=40),
    Column("publisher_ja", "発行者", "Publisher (Japanese)", width=16),
    Column("publisher_en", "発行者（英語）", "Publisher (English)", width=16),
    Column("date", "日付", "Date", required=False, pattern=r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", example="2023-03-31",
           width=12, note_ja="2023、2023-03 または 2023-03-31", note_en="2023, 2023-03 or 2023-03-31"),
    Column("date_kind", "日付の種類", "Kind of date", "choice", required=False, width=12),
    Column("url", "URL", "URL", required=False, width=30),
    Column("license_ja", "利用条件", "Terms (Japanese)", width=24),
    Column("license_en", "利用条件（英語）", "Terms (English)", width=24),
    Column("credit_ja", "出典の表記", "Credit line", width=30),
    Column("note_ja", "備考", "Note (Japanese)", required=False, width=24),
    Column("note_en", "備考（英語）", "Note (English)", required=False, width=24),
    Column("every_years", "調査の間隔（年）", "Held every (years)", "int", required=False, lo=1, hi=50, width=10),
)  # fmt: skip
SOURCE_CHOICES = {
    "kind": {"document": "資料", "official_table": "公式統計表", "web_page": "ウェブページ"},
    "date_kind": {
        "published": "発行",
        "effective": "実施",
        "survey": "調査期日",
        "fiscal_year": "対象年度",
        "edition": "版",
    },
}


def source_column(note_ja: str, note_en: str, width: int = 20) -> Column:
    """The column every kind has: the source (one of data/sources.csv) the row's figures come from."""
    return Column("source_id", "出典", "Source", "choice", width=width, note_ja=note_ja, note_en=note_en)


@dataclass(frozen=True)
class UpdateKind:
    """One kind of data staff update: its CSV in data/, its columns, its key and its scope."""

    key: str  # "zushi", "asaka-actuals": the name on the command line
    title_ja: str
    title_en: str
    csv: str  # relative to data/
    columns: tuple[Column, ...]
    key_columns: tuple[str, ...]
    #: a column whose values in the file are replaced whole (the fiscal years a file holds); None: the file
    #: holds the whole table
    scope: str | None = None
    #: data/ -> {column: {value: label}}: the codes a choice column takes (its drop-down list)
    choices: Callable[[Path], dict[str, dict[str, str]]] = lambda data_dir: {}
    #: (records, data/) -> problems the columns cannot say alone (a value outside its indicator's scale)
    check: Callable[[list[Record], Path], list[Problem]] | None = None
    #: the municipality whose sources the template lists and may add to (its sources sheet); "" for none
    municipality_ja: str = ""
    #: (a row as {column: text}, lang) -> how the preview names it ("2022（令和4）年度 シート 1 …")
    describe: Callable[[dict, str], str] | None = None
    instructions_ja: str = ""
    instructions_en: str = ""


@dataclass(frozen=True)
class Problem:
    """What is wrong with an imported file, where: sheet, row and column as Excel shows them (row 0: the
    file as a whole), in both languages."""

    message_ja: str
    message_en: str
    sheet: str = ""
    row: int = 0
    column_ja: str = ""
    column_en: str = ""

    def text(self, lang: str) -> str:
        message = in_language(self, "message", lang)
        if not self.sheet:
            return message
        column = in_language(self, "column", lang)
        where = t("updates.where", lang, sheet=self.sheet, row=self.row, column=column)
        return t("updates.problem", lang, where=where, message=message)


class ImportRefused(Exception):
    """The file is refused whole: nothing changed. `problems` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.message_en for p in problems[:3]))
        self.problems = problems

    def text(self, lang: str) -> str:
        return "\n".join(p.text(lang) for p in self.problems)


@dataclass
class Record:
    """A row of the file: its values by CSV column, and its row number in the sheet."""

    row: int
    values: dict


@dataclass
class Preview:
    """What an import would change: keys added, (key, [(column, old, new)]) changed, keys removed."""

    kind: str
    scope: list[str]
    added: list[tuple] = field(default_factory=list)
    changed: list[tuple[tuple, list[tuple[str, str, str]]]] = field(default_factory=list)
    removed: list[tuple] = field(default_factory=list)
    file_name: str = ""
    sha256: str = ""
    #: the rows by key (the new one, or the removed one), and how the kind names a row
    rows: dict = field(default_factory=dict)
    describe: Callable[[dict, str], str] | None = None
    #: {CSV column: (Japanese header, English header)}
    headers: dict = field(default_factory=dict)
    #: new sources the file adds (their rows of data/sources.csv)
    sources: list[dict] = field(default_factory=list)

    def touched(self, kind: UpdateKind) -> list[str]:
        """The values of the kind's scope (the fiscal years) that the import adds, changes or removes."""
        if not kind.scope:
            return []
        at = kind.key_columns.index(kind.scope)
        return sorted({k[at] for k in [*self.added, *(k for k, _ in self.changed), *self.removed]})

    def header(self, column: str, lang: str) -> str:
        ja, en = self.headers.get(column, (column, column))
        return in_language({"h_ja": ja, "h_en": en}, "h", lang)

    def name(self, key: tuple, lang: str) -> str:
        row = self.rows.get(key)
        return self.describe(row, lang) if self.describe and row else _key_text(key)

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.changed or self.removed or self.sources)

    def lines(self, lang: str) -> list[str]:
        """The preview in words: a line per row added, changed (each column old → new) or removed."""
        out = [
            t(
                "updates.summary",
                lang,
                added=len(self.added),
                changed=len(self.changed),
                removed=len(self.removed),
            )
        ]
        out += [t("updates.added", lang, record=self.name(k, lang)) for k in self.added]
        for k, cells in self.changed:
            diff = t("common.group_sep", lang).join(
                t("common.label_value", lang, label=self.header(c, lang), value=f"{old or '—'} → {new or '—'}")
                for c, old, new in cells
            )
            out.append(t("updates.changed", lang, record=self.name(k, lang), diff=diff))
        out += [t("updates.removed", lang, record=self.name(k, lang)) for k in self.removed]
        out += [t("updates.source_added", lang, title=in_language(s, "title", lang)) for s in self.sources]
        return out


def _key_text(key: tuple) -> str:
    return " / ".join(str(k) for k in key)


# --- the template ---------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict]:
    """A CSV of data/ as rows of {column: text} (a kind's lists and checks read the tables they refer to)."""
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def current_rows(kind: UpdateKind, data_dir: Path | None = None) -> tuple[list[str], list[dict]]:
    """The kind's CSV as it is now: (its header, its rows as {column: text})."""
    return current_csv(Path(data_dir or paths.data_dir()) / kind.csv)


def current_csv(path: Path) -> tuple[list[str], list[dict]]:
    """A CSV of data/: (its header, its rows as {column: text}, blank lines left out)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), [r for r in reader if any((v or "").strip() for v in r.values())]


def template(kind: UpdateKind, data_dir: Path | None = None) -> bytes:
    """The kind's template as .xlsx bytes, with the current data filled in."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    data_dir = Path(data_dir or paths.data_dir())
    choices = kind.choices(data_dir)
    _, rows = current_rows(kind, data_dir)
    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    lists = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    head = PatternFill("solid", fgColor="DCE6F0")
    last = FIRST_ROW + max(len(rows), 0) + 500  # room for next year's rows
    for n, col in enumerate(kind.columns, start=1):
        letter = get_column_letter(n)
        ws.cell(1, n, col.ja).font = Font(bold=True)
        ws.cell(2, n, col.en).font = Font(italic=True, color="4A5562")
        for r in (1, 2):
            ws.cell(r, n).fill = head
            ws.cell(r, n).alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[letter].width = col.width
        if col.kind == "choice":
            listed = choices.get(col.name, {})
            values = list(listed.values() if col.by_label else listed)
            for i, v in enumerate(values, start=1):
                lists.cell(i, n, v)
            if values:
                dv = DataValidation(
                    type="list",
                    formula1=f"={LISTS_SHEET}!${letter}$1:${letter}${len(values)}",
                    allow_blank=not col.required,
                    errorStyle="stop" if col.strict else "warning",
                    showErrorMessage=True,
                    errorTitle=col.ja,
                    error=f"{col.ja} / {col.en}: " + ", ".join(values[:20]),
                )
                ws.add_data_validation(dv)
                dv.add(f"{letter}{FIRST_ROW}:{letter}{last}")
        elif col.kind in ("int", "float") and (col.lo is not None or col.hi is not None):
            dv = DataValidation(
                type="whole" if col.kind == "int" else "decimal",
                operator="between",
                formula1=str(col.lo if col.lo is not None else -(10**15)),
                formula2=str(col.hi if col.hi is not None else 10**15),
                allow_blank=not col.required,
                showErrorMessage=True,
                errorTitle=col.ja,
                error=f"{col.ja} / {col.en}: {_range_text(col, 'ja')} / {_range_text(col, 'en')}",
            )
            ws.add_data_validation(dv)
            dv.add(f"{letter}{FIRST_ROW}:{letter}{last}")
    for r, row in enumerate(rows, start=FIRST_ROW):
        for n, col in enumerate(kind.columns, start=1):
            value = _cell_value(col, row.get(col.name, ""))
            if col.by_label and value is not None:  # the list shows names: so does the cell
                value = choices.get(col.name, {}).get(value, value)
            cell = ws.cell(r, n, value)
            cell.number_format = col.number_format
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for n, col in enumerate(kind.columns, start=1):  # the rows to come take the units' formats (no cells made)
        if col.number_format != "General":
            ws.column_dimensions[get_column_letter(n)].number_format = col.number_format
    ws.freeze_panes = ws.cell(FIRST_ROW, 3)  # the headers and the first two columns (the key) stay in view
    if kind.municipality_ja:  # its sources, to which a new year's document is added
        _sources_sheet(wb.create_sheet(SOURCES_SHEET), kind, data_dir)
    _instructions(wb.create_sheet(HELP_SHEET, 0), kind, choices)
    wb.active = 1
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _sources_sheet(ws, kind: UpdateKind, data_dir: Path) -> None:
    """The sources sheet: the municipality's sources as listed (kept as they are), room for new ones."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    head = PatternFill("solid", fgColor="DCE6F0")
    for n, col in enumerate(SOURCE_COLUMNS, start=1):
        ws.cell(1, n, col.ja).font = Font(bold=True)
        ws.cell(2, n, col.en).font = Font(italic=True, color="4A5562")
        ws.cell(1, n).fill = ws.cell(2, n).fill = head
        ws.column_dimensions[get_column_letter(n)].width = col.width
        if col.name in SOURCE_CHOICES:
            dv = DataValidation(type="list", formula1='"' + ",".join(SOURCE_CHOICES[col.name]) + '"', allow_blank=True)
            ws.add_data_validation(dv)
            dv.add(f"{get_column_letter(n)}{FIRST_ROW}:{get_column_letter(n)}{FIRST_ROW + 200}")
    mine = [r for r in read_csv(data_dir / "sources.csv") if r["municipality_ja"] == kind.municipality_ja]
    for r, row in enumerate(mine, start=FIRST_ROW):
        for n, col in enumerate(SOURCE_COLUMNS, start=1):
            ws.cell(r, n, _cell_value(col, row.get(col.name, ""))).alignment = Alignment(vertical="top")
    ws.freeze_panes = ws.cell(FIRST_ROW, 2)


def _cell_value(col: Column, text: str):
    text = (text or "").strip()
    if text == "":
        return None
    if col.kind == "int":
        return int(text)
    if col.kind == "float":
        return float(text)
    return text


def _range_text(col: Column, lang: str) -> str:
    lo = "" if col.lo is None else _shown(col.lo)
    hi = "" if col.hi is None else _shown(col.hi)
    return t("updates.range", lang, lo=lo, hi=hi)


def _instructions(ws, kind: UpdateKind, choices: dict) -> None:
    from openpyxl.styles import Alignment, Font

    lines = [
        (f"{kind.title_ja} / {kind.title_en}", True),
        ("", False),
        (t("updates.help.how", "ja", sheet=DATA_SHEET, row=FIRST_ROW), False),
        (t("updates.help.how", "en", sheet=DATA_SHEET, row=FIRST_ROW), False),
        (kind.instructions_ja, False),
        (kind.instructions_en, False),
        ("", False),
        (t("updates.help.columns", "ja") + " / " + t("updates.help.columns", "en"), True),
    ]
    for col in kind.columns:
        need = t("updates.required" if col.required else "updates.optional", "ja")
        need_en = t("updates.required" if col.required else "updates.optional", "en")
        what = [f"{col.ja} / {col.en}: {need} / {need_en}"]
        if col.kind == "choice" and choices.get(col.name):
            what.append("  " + ", ".join(f"{k} ({v})" if v and v != k else k for k, v in choices[col.name].items()))
        if col.lo is not None or col.hi is not None:
            what.append(f"  {_range_text(col, 'ja')} / {_range_text(col, 'en')}")
        if col.note_ja or col.note_en:
            what.append(f"  {col.note_ja} / {col.note_en}")
        lines += [(w, False) for w in what]
    lines += [("", False), (t("updates.help.import", "ja"), False), (t("updates.help.import", "en"), False)]
    for r, (text, bold) in enumerate(lines, start=1):
        cell = ws.cell(r, 1, text)
        cell.font = Font(bold=bold)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 140


# --- reading and checking a filled template ------------------------------------------------------------


def read(kind: UpdateKind, path: Path, data_dir: Path | None = None) -> list[Record]:
    """The records of a filled template, every cell checked; ImportRefused lists every problem found."""
    return read_all(kind, path, data_dir)[0]


def read_all(kind: UpdateKind, path: Path, data_dir: Path | None = None) -> tuple[list[Record], list[Record]]:
    """The records of a filled template and the new sources of its sources sheet, every cell checked."""
    path = Path(path)
    data_dir = Path(data_dir or paths.data_dir())
    wb = _open(path)
    ws = wb[DATA_SHEET]
    problems = _header_problems(kind.columns, ws, DATA_SHEET)
    if problems:
        raise ImportRefused(problems)
    new_sources, problems = _new_sources(kind, wb, data_dir)
    choices = kind.choices(data_dir)
    if new_sources and "source_id" in choices:  # a row may cite a source the file adds
        choices["source_id"] = {**choices["source_id"], **{s.values["source_id"]: "" for s in new_sources}}
    records, found = _records(kind.columns, ws, DATA_SHEET, choices)
    problems += found
    if not records and not problems:
        problems.append(Problem(*_both("updates.no_rows", sheet=DATA_SHEET)))
    problems += _duplicates(kind, records)
    if kind.check and not problems:
        problems += kind.check(records, data_dir)
    if problems:
        raise ImportRefused(problems)
    return records, new_sources


def _records(columns, ws, sheet: str, choices: dict) -> tuple[list[Record], list[Problem]]:
    records, problems = [], []
    for r, cells in enumerate(ws.iter_rows(min_row=FIRST_ROW, max_col=len(columns)), start=FIRST_ROW):
        if all(c.value is None or (isinstance(c.value, str) and not c.value.strip()) for c in cells):
            continue
        values = {}
        for col, cell in zip(columns, cells):
            value, problem = _value(col, cell, choices.get(col.name))
            if problem:
                problems.append(Problem(*problem, sheet=sheet, row=r, column_ja=col.ja, column_en=col.en))
            values[col.name] = value
        records.append(Record(r, values))
    return records, problems


def _new_sources(kind: UpdateKind, wb, data_dir: Path) -> tuple[list[Record], list[Problem]]:
    """The sources sheet: the rows of sources already listed must be as they are (a source is never
    changed from here); the others are new sources, added with the file (a new year's sheets)."""
    if not kind.municipality_ja or SOURCES_SHEET not in wb.sheetnames:
        return [], []
    ws = wb[SOURCES_SHEET]
    problems = _header_problems(SOURCE_COLUMNS, ws, SOURCES_SHEET)
    if problems:
        return [], problems
    records, problems = _records(SOURCE_COLUMNS, ws, SOURCES_SHEET, SOURCE_CHOICES)
    known = {r["source_id"]: r for r in read_csv(data_dir / "sources.csv")}
    new, seen = [], {}
    first, place = SOURCE_COLUMNS[0], SOURCE_COLUMNS[2]
    for rec in records:
        sid = rec.values.get("source_id")
        if not sid:
            continue
        at = dict(sheet=SOURCES_SHEET, row=rec.row, column_ja=first.ja, column_en=first.en)
        if sid in seen:
            problems.append(Problem(*_both("updates.duplicate", record=sid, row=seen[sid]), **at))
        seen[sid] = rec.row
        if sid not in known:
            new.append(rec)
        elif any(not _same(known[sid].get(c.name, ""), rec.values.get(c.name) or "", c) for c in SOURCE_COLUMNS):
            problems.append(Problem(*_both("updates.source_changed", source=sid), **at))
    for rec in new:
        if rec.values.get("municipality_ja") != kind.municipality_ja:
            at = dict(sheet=SOURCES_SHEET, row=rec.row, column_ja=place.ja, column_en=place.en)
            problems.append(Problem(*_both("updates.source_elsewhere", place=kind.municipality_ja), **at))
    return new, problems


def _refuse(key: str, **kw) -> ImportRefused:
    return ImportRefused([Problem(*_both(key, **kw))])


def _open(path: Path):
    """The workbook of a filled template, from a file that is an .xlsx workbook of a sensible size without macros."""
    from openpyxl import load_workbook

    if not path.is_file():
        raise _refuse("updates.no_file", name=path.name)
    if path.suffix.lower() in (".xlsm", ".xlsb", ".xltm"):
        raise _refuse("updates.macros", name=path.name)
    if path.suffix.lower() != ".xlsx":
        raise _refuse("updates.not_xlsx", name=path.name)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _refuse(
            "updates.too_big", name=path.name, mb=f"{size / 1024 / 1024:.1f}", limit=MAX_BYTES // 1024 // 1024
        )
    try:
        with zipfile.ZipFile(path) as z:
            if any(n.lower().endswith("vbaproject.bin") for n in z.namelist()):
                raise _refuse("updates.macros", name=path.name)
        wb = load_workbook(path, data_only=False)
    except ImportRefused:
        raise
    except Exception:  # not a zip, a damaged workbook, …
        raise _refuse("updates.not_xlsx", name=path.name) from None
    if DATA_SHEET not in wb.sheetnames:  # (the sources sheet is optional: a file made before it had none)
        shown = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
        found = {lang: t("common.item_sep", lang).join(shown) for lang in ("ja", "en")}
        raise ImportRefused(
            [
                Problem(
                    *(
                        t("updates.no_sheet", lang, name=path.name, sheet=DATA_SHEET, found=found[lang])
                        for lang in ("ja", "en")
                    )
                )
            ]
        )
    return wb


def _header_problems(columns, ws, sheet: str) -> list[Problem]:
    """Rows 1 and 2 as the template has them: the first column that differs (a column inserted, deleted or
    moved shifts every one after it: one problem, not thirty), and data in a column beyond the template's."""
    for n, col in enumerate(columns, start=1):
        ja, en = (ws.cell(r, n).value for r in (1, 2))
        if (str(ja or "").strip(), str(en or "").strip()) != (col.ja, col.en):
            return [
                Problem(
                    t("updates.header", "ja", found=ja or "（空欄）", ja=col.ja),
                    t("updates.header", "en", found=en or ja or "(empty)", ja=f"{col.ja} / {col.en}"),
                    sheet=sheet,
                    row=1,
                    column_ja=_letter(n),
                    column_en=_letter(n),
                )
            ]
    beyond = len(columns) + 1
    for row in ws.iter_rows(min_row=1, min_col=beyond, max_col=max(ws.max_column, beyond)):
        for cell in row:
            if cell.value not in (None, ""):
                return [
                    Problem(
                        *_both("updates.extra_column", found=str(cell.value)[:40]),
                        sheet=sheet,
                        row=cell.row,
                        column_ja=cell.column_letter,
                        column_en=cell.column_letter,
                    )
                ]
    return []


def _letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def _both(key: str, **kw) -> tuple[str, str]:
    return t(key, "ja", **kw), t(key, "en", **kw)


def _typed(text: str) -> str:
    """What a person typed, as the check reads it: full-width letters, digits and signs as their ASCII
    forms (NFKC: "２０２２" is 2022, "ｃ" is c), the minus signs Japanese input gives (－, −) as "-"."""
    return unicodedata.normalize("NFKC", text).replace("−", "-").replace("－", "-").strip()


def _value(col: Column, cell, allowed: dict | None):
    """(the cell's value as text for the CSV, None) or (None, (message_ja, message_en))."""
    raw = cell.value
    if cell.data_type == "f" or (isinstance(raw, str) and raw.startswith("=")):
        return None, _both("updates.formula", formula=str(raw)[:40])
    if cell.data_type == "e":  # #REF!, #N/A, #DIV/0! …
        return None, _both("updates.error_value", value=str(raw)[:20])
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if col.required:
            return None, _both("updates.missing")
        return "", None
    if isinstance(raw, (dt.date, dt.datetime, dt.time)):
        return None, _both("updates.not_a_date")
    if col.kind in ("int", "float"):
        number = _number(raw)
        if number is not None and isinstance(raw, (int, float)) and "%" in (cell.number_format or ""):
            number = round(number * 100, 10)  # a cell shown as 21.7%: Excel holds 0.217; the reader typed 21.7
        if number is None or (col.kind == "int" and number != int(number)):
            return None, _both("updates.not_whole" if col.kind == "int" else "updates.not_number", value=str(raw)[:40])
        if (col.lo is not None and number < col.lo) or (col.hi is not None and number > col.hi):
            return None, (
                t("updates.out_of_range", "ja", value=_shown(number), range=_range_text(col, "ja")),
                t("updates.out_of_range", "en", value=_shown(number), range=_range_text(col, "en")),
            )
        return (str(int(number)) if col.kind == "int" else _float_text(number)), None
    text = str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw)
    text = text.replace("\r\n", "\n").strip()
    if col.kind != "choice":
        return text, None
    code = _typed(text)
    if allowed and code not in allowed and col.by_label:  # the list shows names: a name stands for its code
        code = next((k for k, label in allowed.items() if _typed(label) == code), code)
    if allowed is not None and code not in allowed and (col.strict or not col.pattern):
        return None, (
            t("updates.unknown_code", "ja", value=text[:40], allowed=_listed(allowed, col, "ja")),
            t("updates.unknown_code", "en", value=text[:40], allowed=_listed(allowed, col, "en")),
        )
    if col.pattern and not re.fullmatch(col.pattern, code):
        return None, (
            t("updates.bad_code", "ja", value=text[:40], example=col.example),
            t("updates.bad_code", "en", value=text[:40], example=col.example),
        )
    return code, None


def _listed(allowed: dict, col: Column, lang: str) -> str:
    shown = list(allowed.values() if col.by_label else allowed)[:12]
    return t("common.item_sep", lang).join(shown)


def _number(raw) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        number = float(raw)
    else:
        try:
            number = float(_typed(str(raw)).replace(",", ""))
        except ValueError:
            return None
    return number if math.isfinite(number) else None  # "nan" and "inf" are not figures


def _shown(x: float) -> str:
    """A number in a message: 1,000,000,000,000 rather than 1e+12."""
    if float(x).is_integer():
        return f"{x:,.0f}" if abs(x) >= 10_000 else f"{x:.0f}"  # a year stays 2019
    return f"{x:,}"


def _float_text(x: float) -> str:
    return str(int(x)) if x.is_integer() else repr(x)


def _duplicates(kind: UpdateKind, records: list[Record]) -> list[Problem]:
    seen: dict[tuple, int] = {}
    problems = []
    names = {c.name: c for c in kind.columns}
    first = names[kind.key_columns[0]]
    for rec in records:
        key = tuple(rec.values.get(k) for k in kind.key_columns)
        if None in key:
            continue
        if key in seen:
            text = _key_text(key)
            problems.append(
                Problem(
                    t("updates.duplicate", "ja", record=text, row=seen[key]),
                    t("updates.duplicate", "en", record=text, row=seen[key]),
                    sheet=DATA_SHEET,
                    row=rec.row,
                    column_ja=first.ja,
                    column_en=first.en,
                )
            )
        else:
            seen[key] = rec.row
    return problems


# --- what would change -----------------------------------------------------------------------------------


def _same(a: str, b: str, col: Column | None) -> bool:
    a, b = (a or "").strip().replace("\r\n", "\n"), (b or "").strip().replace("\r\n", "\n")
    if col is not None and col.kind in ("int", "float") and a and b:
        try:
            return float(a.replace(",", "")) == float(b.replace(",", ""))
        except ValueError:
            return a == b
    return a == b


def preview(kind: UpdateKind, records: list[Record], data_dir: Path | None = None) -> tuple[Preview, list[dict]]:
    """What importing `records` would change, and the kind's whole new CSV rows."""
    header, rows = current_rows(kind, data_dir)
    names = {c.name: c for c in kind.columns}
    scope = sorted({str(r.values[kind.scope]) for r in records}) if kind.scope else []
    in_scope = [r for r in rows if not kind.scope or r.get(kind.scope, "").strip() in scope]
    kept = [r for r in rows if kind.scope and r.get(kind.scope, "").strip() not in scope]

    def key_of(row: dict) -> tuple:
        return tuple(_canonical(row.get(k, ""), names.get(k)) for k in kind.key_columns)

    old = {key_of(r): r for r in in_scope}
    new_rows = [{h: rec.values.get(h, "") for h in header} for rec in records]
    new = {key_of(r): r for r in new_rows}
    headers = {c.name: (c.ja, c.en) for c in kind.columns}
    result = Preview(kind.key, scope, rows={**old, **new}, describe=kind.describe, headers=headers)
    for k, row in new.items():
        if k not in old:
            result.added.append(k)
            continue
        cells = [
            (c, old[k].get(c, ""), row.get(c, ""))
            for c in header
            if not _same(old[k].get(c, ""), row.get(c, ""), names.get(c))
        ]
        if cells:
            result.changed.append((k, cells))
    result.removed = [k for k in old if k not in new]
    everything = sorted(kept + new_rows, key=lambda r: tuple(_sort_key(r.get(k, "")) for k in kind.key_columns))
    return result, everything


def _canonical(value: str, col: Column | None) -> str:
    value = (value or "").strip()
    if col is not None and col.kind in ("int", "float") and value:
        with contextlib.suppress(ValueError):
            return _float_text(float(value.replace(",", "")))
    return value


def _sort_key(value: str):
    value = (value or "").strip()
    try:
        return (0, float(value), "")
    except ValueError:
        return (1, 0.0, value)


def conflicts(kind: UpdateKind, result: Preview) -> list[Problem]:
    """Data already loaded that the file would change or remove: refused unless the user asks to replace;
    the refusal lists those changes (old → new) and how to ask."""
    if not (result.changed or result.removed):
        return []
    n = len(result.changed) + len(result.removed)
    touched = result.touched(kind)
    key = "updates.conflict_scope" if touched else "updates.conflict"
    head = [t(key, lang, scope=t("common.item_sep", lang).join(touched), n=n) for lang in ("ja", "en")]
    lines = {lang: result.lines(lang)[1 + len(result.added) :] for lang in ("ja", "en")}
    return [Problem(head[0], head[1])] + [Problem(ja, en) for ja, en in zip(lines["ja"], lines["en"], strict=True)]


# --- applying: all or nothing, one import at a time ----------------------------------------------------


@contextlib.contextmanager
def import_lock(data_dir: Path):
    """One import at a time: a lock file in data/ (created exclusively; a lock left by a process that no
    longer runs is taken over). A second import is refused with the time the first one started."""
    from machi.core.build import _alive

    lock = Path(data_dir) / LOCK_NAME
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            try:
                pid, started = lock.read_text(encoding="utf-8").split()[:2]
            except (OSError, ValueError):
                pid, started = "0", "?"
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                lock.unlink(missing_ok=True)  # left by an import that was killed
                continue
            raise _refuse("updates.busy", started=started) from None
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {dt.datetime.now().isoformat(timespec='seconds')}\n")
        break
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def _csv_text(header: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _log_text(data_dir: Path, entry: dict) -> str:
    path = data_dir / CHANGE_LOG
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    if not existing.strip():
        existing = ",".join(CHANGE_LOG_COLUMNS) + "\n"
    return existing + _csv_text(list(CHANGE_LOG_COLUMNS), [entry]).split("\n", 1)[1]


def apply(
    kind: UpdateKind,
    path: Path,
    manifests: Sequence,
    replace: bool = False,
    dry_run: bool = False,
    data_dir: Path | None = None,
    db: Path | None = None,
) -> Preview:
    """Check `path` whole, say what would change, and (unless `dry_run`) apply it all or nothing; refused
    (ImportRefused) when the file has problems or would change data already loaded without `replace`."""
    from machi.core import build

    data_dir = Path(data_dir or paths.data_dir())
    db = Path(db or paths.db_path())
    records, new_sources = read_all(kind, path, data_dir)
    result, rows = preview(kind, records, data_dir)
    result.sources = [s.values for s in new_sources]
    content = Path(path).read_bytes()
    result.file_name, result.sha256 = Path(path).name, hashlib.sha256(content).hexdigest()
    if not replace and (problems := conflicts(kind, result)):
        raise ImportRefused(problems)
    if dry_run or result.unchanged:
        return result
    header, _ = current_rows(kind, data_dir)
    entry = _entry(
        kind.key,
        result.file_name,
        result.sha256,
        len(result.added),
        len(result.changed),
        len(result.removed),
        " ".join(result.touched(kind)),
    )
    with import_lock(data_dir):
        files = {kind.csv: _csv_text(header, rows), CHANGE_LOG: _log_text(data_dir, entry)}
        if result.sources:  # the new year's document, in the list of sources
            source_header, sources = current_csv(data_dir / "sources.csv")
            files["sources.csv"] = _csv_text(source_header, sources + result.sources)
        scratch = Path(tempfile.mkdtemp(prefix=".machi-import-", dir=_scratch_parent(data_dir)))
        try:
            trial = scratch / "data"
            shutil.copytree(data_dir, trial, ignore=shutil.ignore_patterns("*.duckdb", "*.wal", "*.tmp", LOCK_NAME))
            for name, text in files.items():
                (trial / name).write_text(text, encoding="utf-8", newline="")
            trial_db = scratch / "machi.duckdb"
            try:
                build.build(manifests, trial_db, trial)
            except build.BuildError as exc:  # a rule of the tables the checks above do not know
                raise ImportRefused(
                    [
                        Problem(
                            t("updates.build", "ja", error=exc.text("ja")),
                            t("updates.build", "en", error=exc.text("en")),
                        )
                    ]
                ) from None
            _put_in_place(data_dir, files, trial_db, db, manifests)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return result


def _scratch_parent(data_dir: Path) -> Path | None:
    """Where the scratch copy goes: beside data/ (the same disk: the database is moved, not copied)."""
    parent = data_dir.parent
    return parent if os.access(parent, os.W_OK) else None


def _put_in_place(data_dir: Path, files: dict[str, str], trial_db: Path, db: Path, manifests: Sequence) -> None:
    """The new files into data/ and the trial database into place; on any failure, data/ as it was."""
    from machi.core import build

    backups: dict[Path, bytes | None] = {}
    try:
        for name, text in files.items():
            target = data_dir / name
            backups[target] = target.read_bytes() if target.exists() else None
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            tmp.write_text(text, encoding="utf-8", newline="")
            os.replace(tmp, target)
        if build.stored_fingerprint(trial_db) == build.fingerprint(data_dir, manifests):
            db.parent.mkdir(parents=True, exist_ok=True)
            moved = build.temp_beside(db)
            shutil.copyfile(trial_db, moved)  # the same disk as the database: the swap is a rename
            os.replace(moved, db)
        else:  # data/ is elsewhere than the code expects: build it there (still atomic)
            build.build(manifests, db, data_dir)
    except BaseException:
        for target, old in backups.items():
            if old is None:
                target.unlink(missing_ok=True)
            else:
                tmp = target.with_name(f".{target.name}.{os.getpid()}.restore.tmp")
                tmp.write_bytes(old)
                os.replace(tmp, target)
        raise


def log_change(
    kind: str,
    file_name: str,
    sha256: str,
    added: int = 0,
    changed: int = 0,
    removed: int = 0,
    scope: str = "",
    data_dir: Path | None = None,
) -> None:
    """Add a row to the change log on its own (an import that swaps the database itself: housing)."""
    data_dir = Path(data_dir or paths.data_dir())
    entry = _entry(kind, file_name, sha256, added, changed, removed, scope)
    with import_lock(data_dir):
        target = data_dir / CHANGE_LOG
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_text(_log_text(data_dir, entry), encoding="utf-8", newline="")
        os.replace(tmp, target)


def _entry(kind: str, file_name: str, sha256: str, added: int, changed: int, removed: int, scope: str) -> dict:
    """A row of the change log: now, with the machine's UTC offset."""
    values = (dt.datetime.now().astimezone().isoformat(timespec="seconds"), kind, file_name, sha256)
    return dict(zip(CHANGE_LOG_COLUMNS, (*values, added, changed, removed, scope), strict=True))


def change_log(data_dir: Path | None = None) -> list[dict]:
    """The change log, newest first."""
    path = Path(data_dir or paths.data_dir()) / CHANGE_LOG
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(reversed(list(csv.DictReader(fh))))
