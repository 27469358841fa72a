"""A calculator's form described as data: its fields, their labels (already in the reader's language), steps
and table columns. A municipality describes its form with these; `machi.ui.forms` draws it. No Streamlit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Heading:
    """A heading within a group of fields."""

    text: str


@dataclass(frozen=True)
class Note:
    """A short explanation under a heading."""

    text: str


@dataclass(frozen=True)
class Number:
    """A number field; empty is allowed (the calculator then names it). Numbers in a row flow into two
    columns. `key`: its widget's name when it is not the field's (a field of a sub-object); `optional`: an
    empty one is left out of the scenario instead of being sent as empty."""

    name: str
    label: str
    step: float | None = None  # None: Streamlit's own
    key: str | None = None
    optional: bool = False
    whole: bool = False  # a count: a whole number typed is given as one (3, not 3.0)


@dataclass(frozen=True)
class Check:
    """A yes/no field."""

    name: str
    label: str
    help: str | None = None


@dataclass(frozen=True)
class Choice:
    """One of `options` ({code: how it reads}), as buttons side by side (`radio`) or a list to open."""

    name: str
    label: str
    options: dict[str, str]
    radio: bool = False
    help: str | None = None
    horizontal: bool = False  # a radio's options side by side


@dataclass(frozen=True)
class Depends:
    """Fields that depend on what was entered above them in the same object: `fields(values)` is called with
    the values drawn so far, at the moment the form reaches it."""

    fields: Callable[[dict], list]


@dataclass(frozen=True)
class Object:
    """A sub-object of the scenario (scenario[name]), its fields drawn in order."""

    name: str
    fields: list


@dataclass(frozen=True)
class Rows:
    """A list of objects entered one row at a time: each row's kind picked from a list, then the fields that
    kind takes; rows added (of a kind chosen first) and removed by buttons. Beside each row, `figures(row,
    values)` (the row and the enclosing object's values) gives what it amounts to: [(label, text)], or a
    message saying what to fix. `kinds(values)`: the kinds offered; `fields(row)`: a row's fields after its
    kind; `new(kind)`: a new row."""

    name: str
    title: str
    kind: str
    kind_label: str
    kinds: Callable[[dict], dict[str, str]]
    fields: Callable[[dict], list]
    figures: Callable[[dict, dict], list[tuple[str, str]] | str]
    new: Callable[[str], dict]
    add: str
    remove: str
    empty: str
    row_title: str  # with {n}: a row's heading
    names: dict[str, str] | None = None  # every kind's name, for a row of a kind no longer offered


@dataclass(frozen=True)
class JsonPort:
    """The object (scenario[name]) as JSON, for those who keep it as text: a download of what the form holds,
    and a paste that replaces it when `check(value)` finds nothing wrong (else its message, the form kept)."""

    name: str
    title: str
    paste: str
    load: str
    download: str
    file_name: str
    check: Callable[[str], tuple[Any, str | None]]  # the text → (the object, None) or (None, what is wrong)
    loaded: str


@dataclass(frozen=True)
class Column:
    """A column of a table field: a number, or a choice among `options` ({code: how it reads})."""

    name: str
    label: str
    width: int
    options: dict[str, str] | None = None


@dataclass(frozen=True)
class Table:
    """A list of objects as an editable table (rows can be added and removed). `rows(scenario)` gives the
    rows the table shows and the cells it cannot show (kept aside); `numeric`: the number columns."""

    name: str
    columns: tuple[Column, ...]
    numeric: tuple[str, ...]
    rows: Callable[[dict], tuple[list[dict], dict]]
    title: str | None = None


@dataclass(frozen=True)
class Optional:
    """A sub-object that is there only when its checkbox is ticked; its fields are numbers."""

    name: str
    toggle: str
    fields: tuple[Number, ...] = field(default=())
