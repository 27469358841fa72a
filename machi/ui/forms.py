"""A calculator's form kept as one scenario: started from a shared link, a worked example or as the
session left it; every input writes into it, and a change redraws the whole page, since the answer beside
the inputs follows.

A scenario can hold anything a link brings (text, null, ±inf …). What an input can show goes into it;
what it cannot is kept aside and handed to the calculator unchanged while the input stays empty, so the
calculator's message names the field and the value. Nothing is silently turned into a number.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from machi.core import forms
from machi.core.inputs import choice_index, entered, form_number, shown, table_entered
from machi.core.text import t
from machi.ui.printing import conditions
from machi.ui.state import session_language, set_param
from machi.ui.widgets import redraws_page


class ScenarioForm:
    """The inputs of one calculator. `name` prefixes its session keys and its inputs' keys
    (`<prefix>.<field>.<version>`: loading an example makes new inputs, which start from it)."""

    def __init__(
        self,
        name: str,
        prefix: str,
        lang: str,
        default: Callable[[], dict],
        decode: Callable[[str], dict],
        encode: Callable[[dict], str],
        param: str = "s",
    ):
        self.name, self.prefix, self.lang, self.encode, self.param = name, prefix, lang, encode, param
        self._scenario, self._version, self._bad = f"{name}_app", f"{name}_version", f"{name}_bad_link"
        if self._scenario not in st.session_state:  # the session's first run: the link, else the default
            st.session_state[self._version] = 0
            link = st.query_params.get(param)
            try:
                st.session_state[self._scenario] = decode(link) if link else default()
            except ValueError:
                st.session_state[self._scenario] = default()
                st.session_state[self._bad] = True

    @property
    def start(self) -> dict:
        """The scenario the inputs start from (as the last run left it)."""
        return st.session_state[self._scenario]

    @property
    def version(self) -> int:
        return st.session_state[self._version]

    def bad_link(self) -> bool:
        """Whether the session was opened by a link that holds no scenario (said once)."""
        return bool(st.session_state.pop(self._bad, False))

    def key(self, field: str) -> str:
        return f"{self.prefix}.{field}.{self.version}"

    def load(self, scenario: dict) -> None:
        """Start the inputs again from `scenario` (a button's callback: a worked example)."""
        st.session_state[self._scenario] = scenario
        st.session_state[self._version] += 1

    def example_picker(self, label: str, button: str, examples: dict[str, dict], title: Callable[[str], str]) -> None:
        """A choice of worked examples ({id: scenario}) and a button that loads the chosen one into the form."""
        key = f"{self.name}_example"
        with st.container(horizontal=True, vertical_alignment="bottom", key=f"screen_only_{key}"):
            st.selectbox(label, list(examples), key=key, format_func=title)
            st.button(button, on_click=lambda: self.load(examples[st.session_state[key]]))

    def keep(self, scenario: dict) -> None:
        """The scenario the inputs now give: kept for the next run and in the URL (a link reopens it)."""
        st.session_state[self._scenario] = scenario
        set_param(self.param, self.encode(scenario))

    def answer(self, scenario: dict, compute: Callable[[dict], Any], invalid: type[Exception]):
        """The calculator's answer for `scenario` → (answer, the scenario it answers, the error or None). While
        the inputs are invalid, the last valid answer stays (with the scenario it was computed from, so that
        what is drawn from it matches it) and the error says what to fix; (None, None, error) before any."""
        key = f"{self.name}_answered"
        try:
            answer = compute(scenario)
        except invalid as error:
            kept = st.session_state.get(key)
            return (*kept, error) if kept else (None, None, error)
        st.session_state[key] = (answer, scenario)
        return answer, scenario, None

    # --- inputs -----------------------------------------------------------------------------------

    def number(
        self,
        label: str,
        field: str,
        where=st,
        scenario: dict | None = None,
        key: str | None = None,
        **number_input_args,
    ) -> Any:
        """A number input for scenario[field] (the scenario by default). Empty is allowed (the calculator
        then names the field); a value the input cannot show is kept for the calculator."""
        value, kept = form_number((self.start if scenario is None else scenario).get(field))
        key = key or self.key(field)
        if key not in st.session_state:  # seeded once; value=None lets the field be emptied
            st.session_state[key] = value
        typed = where.number_input(label, value=None, key=key, on_change=redraws_page, **number_input_args)
        return entered(typed, kept)

    def choice(self, widget, label: str, field: str, options: list[str], default: str, format_func) -> str:
        """A radio or selectbox for scenario[field]; a link's value that is not an option says so."""
        index = choice_index(self.start.get(field, default), options)
        value = widget(
            label,
            options,
            index=options.index(default) if index is None else index,
            key=self.key(field),
            format_func=format_func,
        )
        conditions(t("common.label_value", session_language(), label=label, value=format_func(value)))
        if index is None:
            self._not_a_choice(label, self.start.get(field), format_func(value))
        return value

    def _not_a_choice(self, label: str, value: Any, used: str) -> None:
        """A link's value that is not one of the choices, said with the choice shown instead."""
        st.error(t("common.bad_choice", self.lang, label=label, value=shown(value, as_json=True), used=used))

    def checkbox(self, label: str, field: str, value: bool, key: str | None = None, help: str | None = None) -> bool:
        return st.checkbox(label, value=value, key=key or self.key(field), on_change=redraws_page, help=help)

    def table(
        self,
        field: str,
        rows: list[dict],
        columns: tuple[str, ...],
        numeric: tuple[str, ...],
        kept: dict,
        column_config: dict,
        dtypes: dict | str,
    ) -> list[dict]:
        """Rows of scenario[field] as an editable table (rows can be added and removed); the edited rows
        for the calculator (cells the table could not show, kept aside, come back where still empty)."""
        frame = pd.DataFrame(rows, columns=list(columns)).astype(dtypes)
        edited = st.data_editor(
            frame,
            num_rows="dynamic",
            key=self.key(field),
            hide_index=True,
            on_change=redraws_page,
            column_config=column_config,
        )
        return table_entered(edited.to_dict(orient="records"), kept, numeric)

    # --- a group of fields described as data (machi.core.forms) --------------------------------------

    def fields(self, items: list, app: dict, start: dict | None = None, prefix: str = "") -> None:
        """Draw the fields in order, writing each one's value into `app`. A run of numbers flows into two
        columns; a heading or another field ends the run. `start` and `prefix`: the values a sub-object's
        fields start from and the prefix of their names (the scenario itself by default)."""
        start = self.start if start is None else start
        columns, n = None, 0
        for item in items:
            if not isinstance(item, forms.Number):
                columns = None
            if isinstance(item, forms.Heading):
                st.subheader(item.text)
            elif isinstance(item, forms.Note):
                st.caption(item.text)
            elif isinstance(item, forms.Number):
                if columns is None:
                    columns, n = st.columns(2), 0
                steps = {"step": item.step} if item.step is not None else {}
                if item.whole:
                    steps["format"] = "%d"
                key = self.key(prefix + (item.key or item.name))
                value = self.number(item.label, item.name, columns[n % 2], start, key=key, **steps)
                if item.whole and isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
                    value = int(value)
                if value is not None or not item.optional:
                    app[item.name] = value
                n += 1
            elif isinstance(item, forms.Check):
                value = start.get(item.name, False) if prefix else app[item.name]
                app[item.name] = self.checkbox(
                    item.label, item.name, value is True, key=self.key(prefix + item.name), help=item.help
                )
            elif isinstance(item, forms.Choice):
                app[item.name] = self._choice(item, start.get(item.name), self.key(prefix + item.name))
            elif isinstance(item, forms.Depends):
                self.fields(item.fields(app), app, start, prefix)
            elif isinstance(item, forms.Object):
                inner = start.get(item.name) if isinstance(start.get(item.name), dict) else {}
                app[item.name] = {}
                self.fields(item.fields, app[item.name], inner, f"{prefix}{item.name}.")
            elif isinstance(item, forms.Rows):
                app[item.name] = self._rows(item, app, start, prefix)
            elif isinstance(item, forms.JsonPort):
                self._json_port(item, app, prefix)
            elif isinstance(item, forms.Table):
                app[item.name] = self._table(item)
            elif isinstance(item, forms.Optional):
                self._optional(item, app)

    def _choice(self, item: forms.Choice, value: Any, key: str) -> str:
        options = list(item.options)
        index = choice_index(value, options)
        if key not in st.session_state:
            st.session_state[key] = options[0 if index is None else index]
        kw = {"horizontal": item.horizontal} if item.radio else {}
        widget = st.radio if item.radio else st.selectbox
        chosen = widget(
            item.label, options, key=key, format_func=item.options.get, help=item.help, on_change=redraws_page, **kw
        )
        if index is None and value is not None:  # a link's (or a pasted JSON's) value that is not a choice
            self._not_a_choice(item.label, value, item.options[chosen])
        return chosen

    # --- rows added and removed, each of a kind (forms.Rows) --------------------------------------------

    def _path(self, prefix: str, name: str) -> list[str]:
        return [p for p in prefix.split(".") if p] + [name]

    def _replace(self, path: list[str], change: Callable[[Any], Any]) -> None:
        """A button's callback: the value at `path` of the scenario becomes `change(value)`; the inputs then
        start again from the scenario (new inputs, as for an example) and the page is redrawn."""
        scenario = json.loads(json.dumps(st.session_state[self._scenario], allow_nan=True))
        target = scenario
        for p in path[:-1]:
            if not isinstance(target.get(p), dict):
                target[p] = {}
            target = target[p]
        target[path[-1]] = change(target.get(path[-1]))
        self.load(scenario)
        redraws_page()

    def _edit_rows(self, path: list[str], change: Callable[[list], None]) -> None:
        """A button's callback: change the list of rows at `path` in place (see `_replace`)."""

        def edited(rows: Any) -> list:
            rows = rows if isinstance(rows, list) else []
            change(rows)
            return rows

        self._replace(path, edited)

    def _rows(self, item: forms.Rows, app: dict, start: dict, prefix: str) -> list:
        st.markdown(f"**{item.title}**")
        path = self._path(prefix, item.name)
        listed = start.get(item.name)
        # every stored row keeps its place (a row that is not an object starts empty), so that a row's number
        # and its remove button match the calculator's
        started = [r if isinstance(r, dict) else {} for r in listed] if isinstance(listed, list) else []
        kinds = item.kinds(app)
        out = []
        if not started:
            st.caption(item.empty)
        for i, row_start in enumerate(started):
            key = f"{prefix}{item.name}.{i}."
            with st.container(border=True, key=f"row_{self.prefix}_{item.name}_{i}_{self.version}"):
                with st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center"):
                    st.markdown(f"**{item.row_title.format(n=i + 1)}**", width="content")
                    st.button(
                        item.remove,
                        key=self.key(key + "remove"),
                        on_click=self._edit_rows,
                        args=(path, lambda rows, i=i: rows.pop(i)),
                    )
                offered = dict(kinds)
                kind = row_start.get(item.kind)
                if kind not in offered and isinstance(kind, str):  # no longer offered (the building changed):
                    offered = {kind: (item.names or {}).get(kind, kind), **offered}  # kept, for the calculator to name
                row = {
                    item.kind: self._choice(
                        forms.Choice(item.kind, item.kind_label, offered), kind, self.key(key + item.kind)
                    )
                }
                # a kind changed: its fields are new inputs, not the old kind's (a 別表2 row means another table)
                same = row_start.get(item.kind) == row[item.kind]
                self.fields(item.fields(row), row, row_start if same else {}, f"{key}{row[item.kind]}.")
                figures = item.figures(row, app)
                if isinstance(figures, str):
                    st.warning(figures)
                else:
                    line = t("common.figure_line", self.lang)
                    st.markdown("  \n".join(line.format(label=label, value=text) for label, text in figures))
            out.append(row)
        with st.container(key=f"screen_only_add_{self.prefix}_{item.name}"):
            choose = self.key(prefix + item.name + ".new")
            st.selectbox(item.kind_label, list(kinds), key=choose, format_func=kinds.get)
            st.button(
                item.add,
                key=self.key(prefix + item.name + ".add"),
                on_click=lambda: self._edit_rows(path, lambda rows: rows.append(item.new(st.session_state[choose]))),
            )
        return out

    def _json_port(self, item: forms.JsonPort, app: dict, prefix: str) -> None:
        """Paste JSON to replace the object, or download what the form holds."""
        path = self._path(prefix, item.name)
        said = f"{self.name}_port_{item.name}"

        def load() -> None:
            value, problem = item.check(st.session_state.get(self.key(prefix + item.name + ".paste")) or "")
            if problem is not None:
                st.session_state[said] = ("error", problem)
                return
            st.session_state[said] = ("success", item.loaded)
            self._replace(path, lambda _old: value)

        with st.expander(item.title):
            st.text_area(item.paste, key=self.key(prefix + item.name + ".paste"), height=160)
            with st.container(horizontal=True):
                st.button(item.load, key=self.key(prefix + item.name + ".load"), on_click=load)
                st.download_button(
                    item.download,
                    json.dumps(app.get(item.name), ensure_ascii=False, indent=1),
                    file_name=item.file_name,
                    mime="application/json",
                    on_click="ignore",
                    key=self.key(prefix + item.name + ".download"),
                )
            if said in st.session_state:
                kind, text = st.session_state.pop(said)
                (st.error if kind == "error" else st.success)(text)

    def _table(self, item: forms.Table) -> list[dict]:
        if item.title:
            st.markdown(f"**{item.title}**")
        rows, kept = item.rows(self.start)
        config, dtypes = {}, {}
        for c in item.columns:
            if c.options is None:
                config[c.name] = st.column_config.NumberColumn(c.label, width=c.width)
                dtypes[c.name] = "float64"
            else:
                config[c.name] = st.column_config.SelectboxColumn(
                    c.label, options=list(c.options), format_func=c.options.get, width=c.width
                )
        columns = tuple(c.name for c in item.columns)
        return self.table(item.name, rows, columns, item.numeric, kept, column_config=config, dtypes=dtypes)

    def _optional(self, item: forms.Optional, app: dict) -> None:
        if not self.checkbox(item.toggle, f"use_{item.name}", item.name in app):
            app.pop(item.name, None)
            return
        start = self.start.get(item.name) if isinstance(self.start.get(item.name), dict) else {}
        columns, entered_values = st.columns(2), {}
        for n, f in enumerate(item.fields):
            steps = {"step": f.step} if f.step is not None else {}
            value = self.number(f.label, f.name, columns[n % 2], start, key=self.key(f.key or f.name), **steps)
            if value is not None or not f.optional:
                entered_values[f.name] = value
        app[item.name] = entered_values
