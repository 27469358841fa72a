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
from machi.ui.state import set_param
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
        conditions(f"{label}: {format_func(value)}")
        if index is None:
            st.error(
                t(
                    "common.bad_choice",
                    self.lang,
                    label=label,
                    value=shown(self.start.get(field), as_json=True),
                    used=format_func(value),
                )
            )
        return value

    def checkbox(self, label: str, field: str, value: bool, key: str | None = None) -> bool:
        return st.checkbox(label, value=value, key=key or self.key(field), on_change=redraws_page)

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

    def text_area(self, label: str, field: str, value: str, height: int) -> str:
        return st.text_area(label, value, height=height, key=self.key(field), on_change=redraws_page)

    # --- a group of fields described as data (machi.core.forms) --------------------------------------

    def fields(self, items: list, app: dict) -> None:
        """Draw the fields in order, writing each one's value into `app`. A run of numbers flows into two
        columns; a heading or another field ends the run."""
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
                app[item.name] = self.number(item.label, item.name, columns[n % 2], **steps)
                n += 1
            elif isinstance(item, forms.Check):
                app[item.name] = self.checkbox(item.label, item.name, app[item.name])
            elif isinstance(item, forms.Table):
                app[item.name] = self._table(item)
            elif isinstance(item, forms.JsonText):
                app[item.name] = self._json_text(item, app[item.name])
            elif isinstance(item, forms.Optional):
                self._optional(item, app)

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

    def _json_text(self, item: forms.JsonText, value: Any) -> Any:
        text = self.text_area(item.label, item.key, item.show(value), height=item.height)
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:  # kept as typed: the calculator names the field; it survives a tab switch
            st.error(item.invalid(str(e)))
            return text

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
