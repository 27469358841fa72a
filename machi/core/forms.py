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


@dataclass(frozen=True)
class Check:
    """A yes/no field."""

    name: str
    label: str


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
class JsonText:
    """A structure entered as JSON text; text that is not JSON is kept as typed (and named as invalid)."""

    name: str
    label: str
    key: str
    show: Callable[[Any], str]
    invalid: Callable[[str], str]  # the message for text that is not JSON, given the parser's reason
    height: int = 260


@dataclass(frozen=True)
class Optional:
    """A sub-object that is there only when its checkbox is ticked; its fields are numbers."""

    name: str
    toggle: str
    fields: tuple[Number, ...] = field(default=())
