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
