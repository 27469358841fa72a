"""Yao's barrier-free route (第4 2.) as a form: the building's type and conditions as labelled choices, the
parts compared with their standard areas as rows (each row's kind, its 別表2 row and layout as named options,
its lengths, heights, counts and areas with units), and beside each row what it amounts to. The JSON of the
application stays available as an import and export of the same form. Pure functions (machi.core.forms
describes the form; machi.ui.forms draws it)."""

from __future__ import annotations

import json

from machi.core import fmt, forms
from machi.core.text import in_language, t
from machi.yao.permit.engine import item_standard
from machi.yao.permit.model import BF_BUILDINGS, ValidationError, _parse_barrier_free, _parse_item

#: the inputs of a row besides its kind, in the order they are asked (the rule file says which a kind takes)
ROW_NUMBERS = ("length_m", "column_length_m", "height_m", "patients", "count", "actual_area_m2")
#: what a new row of each kind starts with (one of it; the numbers left for the user)
NEW_ROW = {"count": 1}


def kinds(rules, lang: str, building) -> dict[str, str]:
    """The kinds of part a building of this type can list, as 第4 2.(3) and 別表2 name them, with the clause:
    every kind for a 特定建築物 (①, and ② for its dwelling units and patient rooms); ② for any other."""
    items = rules.barrier_free.items
    return {
        k: t("yao.bf.kind_option", lang, label=_capital(in_language(spec, "label", lang)), clause=_clause(spec))
        for k, spec in items.items()
        if building == "tokutei" or spec.section != "tokutei"
    }


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clause(spec) -> str:
    return spec.clause.split(";")[0]


def row_options(rules, item: str, lang: str) -> dict[int, str]:
    """The 別表2 rows a kind can take, each as the table describes it, with its coefficients."""
    spec = rules.barrier_free.items[item]
    table = rules.tables[spec.table]
    out = {}
    for number, row in table.rows.items():
        if spec.column != "@layout" and spec.column not in row.values:
            continue  # e.g. 別表2 二④ has no landing value
        if spec.column == "@layout":
            values = t("common.list_sep", lang).join(
                t(f"yao.bf.coeff.{c}", lang, value=f"{v:.2f}", of=t(f"yao.bf.of.{table.variable}", lang))
                for c, v in row.values.items()
            )
        else:
            of = t(f"yao.bf.of.{table.variable}", lang) if spec.variable else "㎡"
            values = t("yao.bf.coeff.one", lang, value=f"{row.values[spec.column]:.2f}", of=of)
        out[number] = t("yao.bf.row_option", lang, mark=row.mark, use=in_language(row, "use", lang), values=values)
    return out


def layouts(rules, item: str, row) -> tuple[str, ...]:
    """The layouts (両側に居室 / その他) a corridor row distinguishes; none when one value serves both."""
    spec = rules.barrier_free.items[item]
    if spec.column != "@layout" or row not in rules.tables[spec.table].rows:
        return ()
    values = rules.tables[spec.table].rows[row].values
    return () if "any" in values else tuple(c for c in rules.tables[spec.table].columns if c in values)


def row_fields(rules, lang: str):
    """A row's fields after its kind: its 別表2 row and layout as named options, then its numbers with units."""

    def fields(row: dict) -> list:
        item = row.get("item")
        spec = rules.barrier_free.items.get(item)
        if spec is None:
            return []
        out: list = []
        if spec.inputs.get("row"):
            out.append(
                forms.Choice(
                    "row", t("yao.bf.row", lang, clause=rules.tables[spec.table].clause), row_options(rules, item, lang)
                )
            )
        if "layout" in spec.inputs:

            def layout(values: dict) -> list:
                named = layouts(rules, item, values.get("row"))
                options = {c: t(f"yao.bf.layout.{c}", lang) for c in named}
                return (
                    [forms.Choice("layout", t("yao.bf.layout", lang), options, radio=True, horizontal=True)]
                    if named
                    else []
                )

            out.append(forms.Depends(layout))
        for name in ROW_NUMBERS:
            if name in spec.inputs or name in ("count", "actual_area_m2"):
                optional = name in ("column_length_m", "count")  # empty: none along columns; one part
                step = 1.0 if name in ("count", "patients") else 0.1
                whole = name in ("count", "patients")
                out.append(forms.Number(name, t(f"yao.bf.{name}", lang), step, optional=optional, whole=whole))
        if "accessible_route" in spec.inputs:
            out.append(forms.Check("accessible_route", t("yao.bf.accessible_route", lang)))
        return out

    return fields


def row_figures(rules, lang: str):
    """What a row amounts to, live: its standard area, the area above it (one of the part) and the bonus
    (× the count); or, while an input of the row is missing or wrong, what to fix."""

    def figures(row: dict, values: dict) -> list[tuple[str, str]] | str:
        # an empty optional field (the count, the length along columns) is left out, as the form sends it;
        # an empty required one is named
        raw = {k: v for k, v in row.items() if v is not None or k not in ("count", "column_length_m")}
        try:
            item = _parse_item(raw, "barrier_free.items[0]", rules, values.get("building"))
        except ValidationError as e:
            return t("yao.bf.row_problem", lang, field=_row_field(e.field, lang), message=e.message(lang))
        spec = rules.barrier_free.items[item.item]
        standard = item_standard(item, spec, rules, values.get("special_2000") is True)
        excess = max(0.0, item.actual_area_m2 - standard)

        def m2(v: float) -> str:
            return f"{fmt.number(v, 2, lang=lang)} ㎡"

        return [
            (t("yao.bf.standard", lang), m2(standard)),
            (t("yao.bf.excess", lang), m2(excess)),
            (t("yao.bf.bonus", lang, count=item.count), m2(item.count * excess)),
        ]

    return figures


def _row_field(path: str, lang: str) -> str:
    name = path.rsplit(".", 1)[-1]
    return t(f"yao.bf.{name}", lang) if name in (*ROW_NUMBERS, "row", "layout", "item") else t("yao.bf.kind", lang)


def new_row(rules):
    def new(item: str) -> dict:
        spec = rules.barrier_free.items[item]
        row: dict = {"item": item, **NEW_ROW}
        if spec.inputs.get("row"):
            row["row"] = next(iter(row_options(rules, item, "ja")))
        return row

    return new


def conditions(lang: str):
    """第4 2.(1)'s condition for the building's type, and (for a 特定建築物) the 2,000 ㎡ case of 2.(3)."""

    def fields(values: dict) -> list:
        if values.get("building") == "tokutei":
            return [
                forms.Check("art19_applied", t("yao.bf.art19_applied", lang), t("yao.bf.art19_help", lang)),
                forms.Check("special_2000", t("yao.bf.special_2000", lang), t("yao.bf.special_2000_help", lang)),
            ]
        return [forms.Check("beppyo1_conforms", t("yao.bf.beppyo1_conforms", lang), t("yao.bf.beppyo1_help", lang))]

    return fields


def group(rules, lang: str, label) -> list:
    """The barrier-free input tab; `label(path, lang)` names a field of the application as the form does."""
    return [
        forms.Heading(t("yao.g.barrier_free", lang)),
        forms.Note(t("yao.bf_note", lang)),
        forms.Object(
            "barrier_free",
            [
                forms.Choice(
                    "building",
                    t("yao.bf.building", lang),
                    {b: t(f"yao.bf.building.{b}", lang) for b in BF_BUILDINGS},
                    radio=True,
                ),
                forms.Depends(conditions(lang)),
                forms.Depends(lambda values: [items(rules, lang, values)]),
                forms.Number("excluded_bf19_m2", t("yao.bf.excluded", lang), 1.0, optional=True),
                forms.Number("other_increase_m2", t("yao.bf.other_increase", lang), 1.0, optional=True),
            ],
        ),
        forms.JsonPort(
            "barrier_free",
            t("yao.bf.json_title", lang),
            t("yao.bf.json_paste", lang),
            t("yao.bf.json_load", lang),
            t("yao.bf.json_download", lang),
            "yao_barrier_free.json",
            json_check(rules, lang, label),
            t("yao.bf.json_loaded", lang),
        ),
    ]


def items(rules, lang: str, values: dict) -> forms.Rows:
    return forms.Rows(
        "items",
        t("yao.bf.items", lang),
        "item",
        t("yao.bf.kind", lang),
        lambda v: kinds(rules, lang, v.get("building")),
        row_fields(rules, lang),
        row_figures(rules, lang),
        new_row(rules),
        t("yao.bf.add", lang),
        t("yao.bf.remove", lang),
        t("yao.bf.empty", lang),
        t("yao.bf.row_title", lang),
        kinds(rules, lang, "tokutei"),  # every kind a building can list
    )


def json_check(rules, lang: str, label):
    """Pasted JSON → (the barrier-free object, None), or (None, what is wrong in the user's words)."""

    def check(text: str) -> tuple[dict | None, str | None]:
        if not text.strip():
            return None, t("yao.bf.json_empty", lang)
        try:
            value = json.loads(text)
        except json.JSONDecodeError as e:
            return None, t("yao.bf.json_unreadable", lang, line=e.lineno, column=e.colno)
        except RecursionError:
            return None, t("yao.bf.json_unreadable", lang, line=1, column=1)
        try:
            _parse_barrier_free(value, rules)
        except ValidationError as e:
            return None, t("yao.bf.json_invalid", lang, field=label(e.field, lang), message=e.message(lang))
        return value, None

    return check
