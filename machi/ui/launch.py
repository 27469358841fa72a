"""`python -m machi serve [STREAMLIT OPTIONS]`: the app in Streamlit's server, as `streamlit run app.py`
does, with what must be in place before the first browser arrives (for processes behind a proxy: a
browser that fails over from a stopped process may reach this one before any page has run here; see
shell.rerun_unknown_fragments_whole)."""

from __future__ import annotations

import sys

from machi.core import paths


def serve(options: list[str]) -> int:
    from streamlit.web import cli as streamlit_cli

    from machi.ui import shell

    shell.rerun_unknown_fragments_whole()
    sys.argv = ["streamlit", "run", str(paths.ROOT / "app.py"), *options]
    try:
        streamlit_cli.main()
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else 0
    return 0
