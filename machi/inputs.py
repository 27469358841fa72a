"""Validation of calculator inputs: an error names the field and the allowed range, in both languages."""

from __future__ import annotations

import math


class InputError(ValueError):
    """A user's input is impossible. `field` names it; the messages say what is allowed."""

    def __init__(self, field: str, message_en: str, message_ja: str, missing: bool = False):
        self.field = field
        self.missing = missing  # the field is empty (the form is asking), not wrong
        self.message_en = message_en
        self.message_ja = message_ja
        super().__init__(f"{field}: {message_en}")

    def message(self, lang: str) -> str:
        return self.message_ja if lang == "ja" else self.message_en


def number_in_range(field: str, value, low: float, high: float, *, label_ja: str, label_en: str,
                    low_inclusive: bool = True, unit: str = "", unit_en: str | None = None) -> float:
    """`value` as a float within [low, high] (or (low, high] when low is exclusive); else InputError.
    Accepts int, float or a numeric string (as typed in a URL or text box); never a bool."""
    unit_en = unit if unit_en is None else unit_en
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(field, f"{label_en} is required ({_range_en(low, high, low_inclusive, unit_en)}).",
                         f"{label_ja}を入力してください（{_range_ja(low, high, low_inclusive, unit)}）。", missing=True)
    if isinstance(value, bool):
        raise InputError(field, f"{label_en} must be a number.", f"{label_ja}は数値で入力してください。")
    try:
        x = float(str(value).replace(",", "")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise InputError(field, f"{label_en} must be a number, not {value!r}.",
                         f"{label_ja}は数値で入力してください（入力値：{value}）。") from None
    too_low = x < low or (x == low and not low_inclusive)
    if not math.isfinite(x) or too_low or x > high:
        raise InputError(field, f"{label_en} must be {_range_en(low, high, low_inclusive, unit_en)}; got {value}.",
                         f"{label_ja}は{_range_ja(low, high, low_inclusive, unit)}で入力してください（入力値：{value}）。")
    return x


def _fmt(x: float) -> str:
    return f"{x:,.10g}"


def _range_en(low, high, low_inclusive, unit) -> str:
    u = f" {unit}" if unit else ""
    return f"{'at least' if low_inclusive else 'more than'} {_fmt(low)}{u} and at most {_fmt(high)}{u}"


def _range_ja(low, high, low_inclusive, unit) -> str:
    return f"{_fmt(low)}{unit}{'以上' if low_inclusive else 'より大きく'}{_fmt(high)}{unit}以下"


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
            raise InputError(name, "file not found", "ファイルが見つかりません") from None
        except IsADirectoryError:
            raise InputError(name, "is a directory, not a JSON file", "ディレクトリです（JSON ファイルを指定してください）") from None
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise InputError(name, f"cannot read the file: {reason}", f"ファイルを読み込めません: {reason}") from None
    field = text_field or name
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(field, "not UTF-8 text", "UTF-8 のテキストではありません") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(field, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                         f"JSON として読めません: {exc.lineno} 行 {exc.colno} 列（{exc.msg}）") from None
    except (RecursionError, ValueError) as exc:
        raise InputError(field, f"invalid JSON: {exc}", f"JSON として読めません: {exc}") from None
