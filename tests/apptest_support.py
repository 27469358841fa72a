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
