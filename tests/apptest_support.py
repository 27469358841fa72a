"""Helpers for AppTest page tests."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def open_page(page: str | None, lang: str = "ja", **query) -> AppTest:
    """Run app.py (optionally switched to pages/<page>.py) in `lang`; fail on any exception."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """All text the page shows (titles, headers, markdown, captions, metrics), joined."""
    parts = [
        e.value
        for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error")
        for e in getattr(at, kind)
    ]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(str(p) for p in parts)


def data_downloads(at: AppTest) -> list:
    """The page's data downloads (not the A4 brief's PDF button, which every page has)."""
    return [d for d in at.get("download_button") if not (d.proto.id and "pdf_" in d.proto.id)]


def _chart_texts(spec: dict) -> list[str]:
    """Every text a plotly figure shows or shows on hover: titles, axis titles and tick labels, legend
    names, annotations, bar and marker labels, treemap labels, hover texts."""
    import json

    fig = json.loads(spec) if isinstance(spec, str) else spec
    layout, out = fig.get("layout", {}), []
    for key, value in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(value, dict):
            out += [str(x) for x in value.get("ticktext") or []]
            title = value.get("title")
            out.append(title.get("text", "") if isinstance(title, dict) else str(title or ""))
    title = layout.get("title")
    out.append(title.get("text", "") if isinstance(title, dict) else str(title or ""))
    out += [a.get("text", "") for a in layout.get("annotations") or []]
    categories: dict[str, None] = {}  # an axis's category names, once however many traces share them
    for trace in fig.get("data", []):
        out.append(str(trace.get("name") or ""))
        for key in ("text", "hovertext", "labels", "customdata", "x", "y"):
            value = trace.get(key)
            if isinstance(value, str):
                out.append(value)
            elif isinstance(value, list):
                strings = [str(v) for v in value if isinstance(v, str | list)]
                if key in ("x", "y"):
                    categories.update(dict.fromkeys(strings))
                else:
                    out += strings
        out.append(str(trace.get("hovertemplate") or ""))
    return out + list(categories)


def shown_text(at: AppTest) -> str:
    """All text a reader meets on the page as run: texts(), the widgets' labels and options, the tables'
    headers and cells, the expanders' and tabs' labels, and every chart's texts."""
    parts = [texts(at)]
    for w in at.radio:  # every option is on the screen
        parts += [w.label, *(str(o) for o in w.options)]
    for w in [*at.selectbox, *at.multiselect]:  # the chosen options (the rest only in the open list)
        parts.append(w.label)
        chosen = w.value if isinstance(w.value, list | tuple) else [w.value]
        parts += [w.format_func(v) if w.format_func else str(v) for v in chosen if v is not None]
    for kind in ("number_input", "text_input", "checkbox", "toggle", "button", "text_area"):
        parts += [w.label for w in getattr(at, kind)]
    parts += [e.label for e in at.expander] + [e.label for e in at.tabs]
    for frame in [*at.dataframe, *at.table]:
        value = frame.value
        parts += [str(c) for c in value.columns]
        parts += [str(v) for v in value.astype(str).to_numpy().ravel()]
    parts += [t for c in at.get("plotly_chart") for t in _chart_texts(c.proto.spec)]
    parts += [d.proto.label for d in at.get("download_button")]
    return "\n".join(p for p in parts if p)


def japanese_share(text: str) -> float:
    """The share of Japanese letters (kana and kanji) among all letters of `text` (digits, punctuation and
    symbols aside); 0 for a text with no letters."""
    import unicodedata

    letters = [c for c in text if unicodedata.category(c).startswith("L")]
    japanese = [c for c in letters if is_japanese(c)]
    return len(japanese) / len(letters) if letters else 0.0


def is_japanese(c: str) -> bool:
    o = ord(c)
    return (
        0x3040 <= o <= 0x30FF  # hiragana, katakana
        or 0x31F0 <= o <= 0x31FF
        or 0x3400 <= o <= 0x4DBF  # kanji
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF66 <= o <= 0xFF9F  # half-width katakana
    )
