"""Validation of calculator inputs: an error names the field and the allowed range, in both languages."""

from __future__ import annotations

import math
from typing import Any

from machi.core.text import in_language, normalise_language, t


class Text:
    """A text key with its values, in whichever language it is shown: a part of a message (a range, the
    kind of a value) that is itself worded differently in each language."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values):
        self.key, self.values = key, values

    def __call__(self, lang: str) -> str:
        return t(self.key, lang, **{name: in_lang(value, lang) for name, value in self.values.items()})


def in_lang(value, lang: str):
    """A message's value in `lang`: a `Text` (or any function of the language) in that language, a
    {"ja": …, "en": …} pair (such as a caller's label) its own, anything else as it is."""
    if callable(value):
        return value(lang)
    if isinstance(value, dict):
        return in_lang(in_language(value, "", lang), lang)
    return value


def in_both(key: str, /, **values) -> tuple[str, str]:
    """The text of `key` in English and in Japanese (the order InputError takes its messages in), with the
    values filled in each language (see `in_lang`)."""
    text = Text(key, **values)
    return text("en"), text("ja")


def joined(items, sep: str = "common.list_sep"):
    """A list as a message value: its items joined with the language's separator (the text key `sep`)."""
    items = [str(item) for item in items]
    return lambda lang: t(sep, lang).join(items)


class InputError(ValueError):
    """A user's input is impossible. `field` names it; the messages say what is allowed."""

    def __init__(self, field: str, message_en: str, message_ja: str, missing: bool = False):
        self.field = field
        self.missing = missing  # the field is empty (the form is asking), not wrong
        self.message_en = message_en
        self.message_ja = message_ja
        super().__init__(f"{field}: {message_en}")

    @classmethod
    def from_text(cls, field: str, key: str, /, **values):
        """The error about `field` whose messages are the text `key` in each language, with `values`
        filled in (a value may differ by language: see `in_lang`)."""
        return cls(field, *in_both(key, **values))

    def message(self, lang: str) -> str:
        return getattr(self, f"message_{normalise_language(lang)}")


def number_in_range(
    field: str,
    value,
    low: float,
    high: float,
    *,
    label_ja: str,
    label_en: str,
    low_inclusive: bool = True,
    unit: str = "",
    unit_en: str | None = None,
    whole: bool = False,
    grouping: bool = True,
) -> float:
    """`value` as a float within [low, high] (or (low, high] when low is exclusive); else InputError.
    Accepts int, float or a numeric string (as typed in a URL or text box); never a bool. `whole`:
    only whole numbers (a year); `grouping`: show the range with thousands separators (not for years)."""
    unit_en = unit if unit_en is None else unit_en
    label = {"ja": label_ja, "en": label_en}
    units = {"ja": _unit(unit), "en": _unit(unit_en)}
    range_key = "inputs.range_from" if low_inclusive else "inputs.range_above"
    allowed = Text(range_key, low=_fmt(low, grouping), high=_fmt(high, grouping), unit=units)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(field, *in_both("inputs.required", label=label, range=allowed), missing=True)
    echoed = shown(value)
    if isinstance(value, bool):
        raise InputError.from_text(field, "inputs.not_a_number", label=label, range=allowed)
    try:
        x = float(str(value).replace(",", "")) if isinstance(value, str) else float(value)
    except OverflowError:  # an int too large for a float: out of range, like inf
        x = math.inf
    except (TypeError, ValueError):
        given = {"ja": echoed, "en": repr(echoed)}
        raise InputError.from_text(
            field, "inputs.not_a_number_given", label=label, range=allowed, value=given
        ) from None
    too_low = x < low or (x == low and not low_inclusive)
    if not math.isfinite(x) or too_low or x > high:
        raise InputError.from_text(field, "inputs.out_of_range", label=label, range=allowed, value=echoed)
    if whole and not x.is_integer():
        raise InputError.from_text(field, "inputs.not_whole", label=label, range=allowed, value=echoed)
    return x


def shown(value, limit: int = 40, *, as_json: bool = False) -> str:
    """An input as echoed in a message: as typed (or as JSON, for values read from JSON), long text
    cut short."""
    import json

    try:
        text = json.dumps(value, ensure_ascii=False, default=str) if as_json else str(value)
    except ValueError:  # an int with more digits than Python prints
        text = "(a number too long to show)"
    return cut(text, limit)


def cut(text: str, limit: int = 40) -> str:
    """`text`, cut short with an ellipsis when longer than `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fmt(x: float, grouping: bool = True) -> str:
    return f"{x:,.10g}" if grouping else f"{x:.10g}"


def _unit(unit: str) -> Text | str:
    """A unit after a number, spaced as the language spaces it; nothing when there is none."""
    return Text("inputs.unit", unit=unit) if unit else ""


def read_json(source: str | None, *, text_field: str | None = None):
    """Parse JSON from a file path, or from stdin when `source` is None or '-' (the CLIs' input).

    Raises InputError naming the file (or `<stdin>`) when it cannot be read, and naming `text_field`
    (default: the same name) when its text is not UTF-8 JSON."""
    import json
    import sys

    name = "<stdin>" if source in (None, "-") else source
    if source in (None, "-"):
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(source, "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            raise InputError.from_text(name, "inputs.file_not_found") from None
        except IsADirectoryError:
            raise InputError.from_text(name, "inputs.is_a_directory") from None
        except OSError as exc:
            raise InputError.from_text(name, "inputs.unreadable", reason=exc.strerror or str(exc)) from None
    field = text_field or name
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError.from_text(field, "inputs.not_utf8") from None
    try:
        return json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise InputError.from_text(
            field, "inputs.bad_json_at", reason=exc.msg, line=exc.lineno, column=exc.colno
        ) from None
    except (RecursionError, ValueError) as exc:
        raise InputError.from_text(field, "inputs.bad_json", reason=str(exc)) from None


def _parse_int(text: str):
    """A JSON integer; one too long for Python's int() (over 4,300 digits) becomes ±inf, so the
    calculator's validation names the field instead of the whole file being rejected."""
    try:
        return int(text)
    except ValueError:
        return float(text)


# --- a calculator's form: what an input shows of a scenario, and what the calculator gets back --------


def form_number(value: Any) -> tuple[float | None, Any]:
    """(what a number input shows, what is kept aside) for a scenario value: a finite number (not a
    boolean) is shown; anything else leaves the input empty and is kept aside (None: nothing to keep)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            x = float(value)
        except OverflowError:  # an int too large for a float
            return None, value
        if math.isfinite(x):
            return x, None
    return None, value


def entered(widget_value: Any, kept: Any) -> Any:
    """What the engine gets: the input's value, or what was kept aside while the input is empty."""
    return kept if widget_value is None else widget_value


def _empty(v: Any) -> bool:
    import pandas as pd  # here, not at the top: the command line's calculators never need it

    return v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA or v is pd.NaT


def table_rows(items: Any, columns: tuple[str, ...], numeric: tuple[str, ...]) -> tuple[list[dict], dict]:
    """Rows for a data editor from a list of objects in the scenario, and the cells it cannot show by
    (row, column): anything but a finite number in a number column, anything but text elsewhere.
    Not a list: no rows (the engine then names the first empty cell)."""
    rows: list[dict] = []
    kept: dict[tuple[int, str], Any] = {}
    for i, item in enumerate(items if isinstance(items, list) else []):
        item = item if isinstance(item, dict) else {}
        row = {}
        for c in columns:
            v = item.get(c)
            if c in numeric:
                row[c], aside = form_number(v)
            else:
                row[c], aside = (v, None) if v is None or isinstance(v, str) else (None, v)
            if aside is not None:
                kept[(i, c)] = aside
        rows.append(row)
    return rows, kept


def table_entered(records: list[dict], kept: dict, numeric: tuple[str, ...]) -> list[dict]:
    """The edited rows for the engine: empty cells are None, numbers plain floats, and a cell still
    empty where the scenario had something the editor could not show gets that back."""
    out = []
    for i, record in enumerate(records):
        row = {}
        for c, v in record.items():
            if _empty(v):
                v = kept.get((i, c))
            elif c in numeric and not isinstance(v, (str, bool)):
                v = float(v)
            row[c] = v
        out.append(row)
    return out


def choice_index(value: Any, options: list[str]) -> int | None:
    """The position of a scenario's choice among the options (text, or numbers such as a table's rows: 2.0 is row 2);
    None when it is not one of them (or not a value an option can be: a list, a boolean …)."""
    simple = isinstance(value, (str, int, float)) and not isinstance(value, bool)
    return options.index(value) if simple and value in options else None
