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
                    low_inclusive: bool = True, unit: str = "", unit_en: str | None = None,
                    whole: bool = False, grouping: bool = True) -> float:
    """`value` as a float within [low, high] (or (low, high] when low is exclusive); else InputError.
    Accepts int, float or a numeric string (as typed in a URL or text box); never a bool. `whole`:
    only whole numbers (a year); `grouping`: show the range with thousands separators (not for years)."""
    unit_en = unit if unit_en is None else unit_en
    range_en = _range_en(low, high, low_inclusive, unit_en, grouping)
    range_ja = _range_ja(low, high, low_inclusive, unit, grouping)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(field, f"{label_en} is required ({range_en}).",
                         f"{label_ja}を入力してください（{range_ja}）。", missing=True)
    echoed = shown(value)
    if isinstance(value, bool):
        raise InputError(field, f"{label_en} must be a number ({range_en}).",
                         f"{label_ja}は数値で入力してください（{range_ja}）。")
    try:
        x = float(str(value).replace(",", "")) if isinstance(value, str) else float(value)
    except OverflowError:  # an int too large for a float: out of range, like inf
        x = math.inf
    except (TypeError, ValueError):
        raise InputError(field, f"{label_en} must be a number ({range_en}), not {echoed!r}.",
                         f"{label_ja}は数値で入力してください（{range_ja}、入力値：{echoed}）。") from None
    too_low = x < low or (x == low and not low_inclusive)
    if not math.isfinite(x) or too_low or x > high:
        raise InputError(field, f"{label_en} must be {range_en}; got {echoed}.",
                         f"{label_ja}は{range_ja}で入力してください（入力値：{echoed}）。")
    if whole and not x.is_integer():
        raise InputError(field, f"{label_en} must be a whole number ({range_en}); got {echoed}.",
                         f"{label_ja}は整数で入力してください（{range_ja}、入力値：{echoed}）。")
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


def _range_en(low, high, low_inclusive, unit, grouping=True) -> str:
    u = f" {unit}" if unit else ""
    return (f"{'at least' if low_inclusive else 'more than'} {_fmt(low, grouping)}{u} "
            f"and at most {_fmt(high, grouping)}{u}")


def _range_ja(low, high, low_inclusive, unit, grouping=True) -> str:
    return f"{_fmt(low, grouping)}{unit}{'以上' if low_inclusive else 'より大きく'}{_fmt(high, grouping)}{unit}以下"


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
        return json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise InputError(field, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                         f"JSON として読めません: {exc.lineno} 行 {exc.colno} 列（{exc.msg}）") from None
    except (RecursionError, ValueError) as exc:
        raise InputError(field, f"invalid JSON: {exc}", f"JSON として読めません: {exc}") from None


def _parse_int(text: str):
    """A JSON integer; one too long for Python's int() (over 4,300 digits) becomes ±inf, so the
    calculator's validation names the field instead of the whole file being rejected."""
    try:
        return int(text)
    except ValueError:
        return float(text)
