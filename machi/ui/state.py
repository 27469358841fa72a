"""What a session keeps: its language, and widgets whose value is kept in the URL (so a shared link opens
the same view).

Streamlit's own `bind="query-params"` writes the *formatted* option to the URL, which changes with the
language; these keep the language-independent option itself (a code) in the URL instead.
"""

from __future__ import annotations

import math

import streamlit as st

from machi.core.inputs import cut
from machi.core.text import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, normalise_language, t
from machi.ui.printing import conditions, print_view

# --- language -------------------------------------------------------------------------------------


def _language_chosen() -> None:
    st.session_state["_lang"] = st.session_state["lang_switch"]


def language_switch() -> str:
    """The sidebar language switch, Japanese by default. English is kept in the URL as ?lang=en, so a
    shared link opens in its language (no ?lang is Japanese; ?lang=ja is read too); it is written back
    after a page switch, which clears the URL's parameters.

    The session's language lives in its own state (`_lang`), set from the link on the first run and
    by the radio's callback when the user picks one; the radio only shows it. (Kept as the radio's
    own state, a link's language was lost on the first page switch: the browser sent back the
    radio's first option.)"""
    if st.session_state.get("_lang") not in LANGUAGES:  # first run of the session: the link's language
        st.session_state["_lang"] = normalise_language(st.query_params.get("lang"))
    lang = st.session_state["_lang"]
    st.session_state["lang_switch"] = lang
    st.sidebar.radio(
        t("lang.label", lang),
        LANGUAGES,
        format_func=LANGUAGE_NAMES.__getitem__,
        key="lang_switch",
        horizontal=True,
        on_change=_language_chosen,
    )
    set_param("lang", lang, DEFAULT_LANGUAGE)
    return lang


def session_language() -> str:
    """The language the session's switch holds (Japanese until one is chosen)."""
    return normalise_language(st.session_state.get("_lang", DEFAULT_LANGUAGE))


def link_query(pairs=()) -> dict[str, str]:
    """The query of a link to another view: its own parameters (a filter, a tab), and the reader's language
    (a page switch clears the URL's parameters, so a link carries it)."""
    query = dict(pairs)
    if (lang := session_language()) != DEFAULT_LANGUAGE:
        query["lang"] = lang
    return query


def keep_language_over_rerun() -> None:
    """Before a rerun in which the switch is not drawn: the session keeps the link's language."""
    st.session_state["_lang"] = normalise_language(st.session_state.get("_lang") or st.query_params.get("lang"))


# --- widgets whose value is kept in the URL -------------------------------------------------------


def set_param(key: str, value: str | list[str], default: str | list[str] | None = None) -> None:
    """Keep ?key=value in the URL. Written only when it changes: each write is a message to the browser,
    which re-renders the app and adds a history entry (Back would step through them). Left out when it
    is `default`: a link without it opens the same."""
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif (st.query_params.get_all(key) if isinstance(value, list) else st.query_params.get(key)) != value:
        st.query_params[key] = value


def _from_url_once(key: str, read) -> None:
    if key not in st.session_state:
        st.session_state[key] = read()


def url_multiselect(
    label: str, options: list[str], key: str, format_func=str, where=None, placeholder=None
) -> list[str]:
    """A multiselect (in the sidebar unless `where` says otherwise) whose choice is kept in the URL as
    repeated ?key=…&key=… (codes, not labels). No "select all (matches)" row: a typed name and Enter add
    one option, never every match, and the row's English words never show in the Japanese view."""
    where = st.sidebar if where is None else where
    _from_url_once(key, lambda: [v for v in st.query_params.get_all(key) if v in options])
    st.session_state[key] = [v for v in st.session_state[key] if v in options]
    if print_view():  # paper shows the choice in its header, not the widget
        value = st.session_state[key]
    else:
        placeholder = t("common.all", session_language()) if placeholder is None else placeholder
        value = where.multiselect(
            label,
            options,
            key=key,
            format_func=format_func,
            placeholder=placeholder,
            select_all=False,
        )
        set_param(key, value, [])
    if value:
        lang = session_language()
        shown = t("common.item_sep", lang).join(map(format_func, value))
        conditions(t("common.label_value", lang, label=label, value=shown))
    return value


def url_filters(label: str, choices: dict) -> dict[str, list[str]]:
    """Filters folded into a popover in the sidebar, each a multiselect kept in the URL: choices are
    {field: (label, options, URL key, how an option reads)}; returns {field: the options chosen}."""
    with st.sidebar.popover(label, width="stretch"):
        return {
            f: url_multiselect(name, options, key, format_func=fn, where=st)
            for f, (name, options, key, fn) in choices.items()
        }


def url_choice(label: str, options: list[str], key: str, format_func=str, where=st, widget="selectbox") -> str:
    """A selectbox (or horizontal radio) whose choice is kept in the URL as ?key=<option> (the first
    option, the default, is left out). A link's value that is not an option is said once, with the option
    shown instead (never silently replaced). The choice is one of the conditions a printout names, unless
    it is the empty option ("" : nothing picked)."""
    linked = st.query_params.get(key)
    unknown = key not in st.session_state and linked is not None and linked not in options
    _from_url_once(key, lambda: linked if linked in options else options[0])
    if st.session_state[key] not in options:
        st.session_state[key] = options[0]
    if print_view():  # paper shows the choice in its header, not the widget
        value = st.session_state[key]
    elif widget == "radio":
        value = where.radio(label, options, key=key, format_func=format_func, horizontal=True)
    else:
        value = where.selectbox(label, options, key=key, format_func=format_func)
    if not print_view():
        set_param(key, value, options[0])
    if value != "":  # an empty option is nothing chosen (a ward not picked): no condition to name
        conditions(t("common.label_value", session_language(), label=label, value=format_func(value)))
    if unknown:
        lang = session_language()
        where.warning(t("common.bad_choice", lang, label=label, value=f"“{cut(linked, 40)}”", used=format_func(value)))
    return value


def url_radio(label: str, options: list[str], key: str, format_func=str, where=st) -> str:
    """A horizontal radio whose choice is kept in the URL as ?key=<option> (the first, the default, left out)."""
    return url_choice(label, options, key, format_func=format_func, where=where, widget="radio")


def url_number(label: str, key: str, default: float | None, where=st, **number_input_args):
    """A number input kept in the URL as ?key=<number>. An empty field is None. A URL value that the
    field cannot show (not a number, or ±inf / NaN) leaves it empty and is returned as the raw text, so
    the calculator's validation names the field; it stays in the URL until a number is entered."""
    raw = st.query_params.get(key)
    bad_key = f"{key}__raw"
    if key not in st.session_state:
        st.session_state.pop(bad_key, None)
        if raw is None:
            st.session_state[key] = default
        elif raw.strip() == "":
            st.session_state[key] = None
        else:
            try:
                number = float(raw)
            except ValueError:
                number = math.nan
            if math.isfinite(number):
                st.session_state[key] = number
            else:
                st.session_state[key] = None
                st.session_state[bad_key] = raw
    # value=None: the field can be emptied (the default "min" would turn an emptied field into 0)
    if print_view():  # paper shows the value in its header, not the widget
        value = st.session_state[key]
        if value is not None:
            conditions(t("common.label_value", session_language(), label=label, value=f"{value:,g}"))
        return value if value is not None else st.session_state.get(bad_key)
    value = where.number_input(label, key=key, value=None, **number_input_args)
    # the default is left out of the URL (an empty field too, where empty is the default)
    if value is not None:
        st.session_state.pop(bad_key, None)
        set_param(key, f"{value:g}", None if default is None else f"{default:g}")
        conditions(t("common.label_value", session_language(), label=label, value=f"{value:,g}"))
        return value
    if st.session_state.get(bad_key) is not None:
        return st.session_state[bad_key]
    set_param(key, "", "" if default is None else None)
    return None


def _tab_chosen(key: str, ids: list[str], labels: list[str]) -> None:
    label = st.session_state.get(f"{key}__widget")
    if label in labels:
        st.session_state[key] = ids[labels.index(label)]


def url_tabs(tabs: dict[str, str], key: str, param: str = "tab") -> dict:
    """Tabs that draw only the open one: {tab id: container}; a container's `.open` says whether to fill
    it. The open tab is kept in the URL as ?tab=<tab id> (language independent: a link opens on its tab
    and a language switch keeps it; the first tab is left out) and in the session under `key` (one per
    page), so coming back to a page finds it as it was left. Choosing a tab reruns the page (or the
    fragment the tabs are in), which then draws that tab alone: a page switch pays for one section, not
    for every chart of the page."""
    ids, labels = list(tabs), list(tabs.values())
    linked, written = st.query_params.get(param), f"{key}__url"
    _from_url_once(key, lambda: linked if linked in ids else ids[0])
    if linked in ids and linked != st.session_state.get(written, linked):
        st.session_state[key] = linked  # a link naming a tab (not the URL this page wrote): it wins
    if st.session_state[key] not in ids:
        st.session_state[key] = ids[0]
    current = st.session_state[key]
    # The widget's identity includes its labels and its default. A new widget (a page opened, a language
    # switched, a tab set by code) starts on the session's tab; a tab the user chose is already shown,
    # so the widget keeps the default it was made with: a new identity would make the browser build the
    # tab bar and every panel again on each click.
    widget, made = f"{key}__widget", f"{key}__made"
    if st.session_state.get(widget) != tabs[current] or st.session_state.get(made, (None,))[0] != tuple(labels):
        st.session_state[made] = (tuple(labels), tabs[current])
    containers = st.tabs(
        labels, default=st.session_state[made][1], key=widget, on_change=_tab_chosen, args=(key, ids, labels)
    )
    shown = next((i for i, c in zip(ids, containers, strict=True) if c.open), current)
    if shown != current:  # the browser's own choice, sent to a session that did not know it (a new process)
        st.session_state[key] = current = shown
    set_param(param, current, ids[0])
    st.session_state[written] = None if current == ids[0] else current  # what the URL now says
    return dict(zip(ids, containers))
