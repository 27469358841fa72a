"""The app around every page: the page setup, the language switch, the navigation's pages, the database
check, the home page's headlines, and what each run of the entry script does before and after its page
(the benchmark's script timing)."""

from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager

import streamlit as st

from machi.core import build
from machi.core.manifest import Headline
from machi.core.text import t
from machi.municipalities import MUNICIPALITIES
from machi.ui import chamber, printing
from machi.ui.cache import database, query
from machi.ui.state import keep_language_over_rerun, language_switch, session_language

#: captions carry every source line and data date: Streamlit's grey for them (#828180) is 3.9:1 on white,
#: below the 4.5:1 of JIS X 8341-3 / WCAG 2.1 AA; this one is 7.5:1 on white, 6.9:1 on the sidebar's grey
READABLE_CSS = "<style>[data-testid='stCaptionContainer'] { color: #4a5562; }</style>"


def page(path: str, title_key: str, url_path: str, lang: str, default: bool = False, hidden: bool = False) -> st.Page:
    """A page of the navigation: its file in pages/, the text key of its title, its URL path (`hidden`: not
    listed in the sidebar, opened by a link)."""
    visibility = "hidden" if hidden else "visible"
    return st.Page(path, title=t(title_key, lang), url_path=url_path, default=default, visibility=visibility)


def database_banner(lang: str) -> None:
    """Say so when the app is showing an older database because a rebuild failed; stop with a clear
    message when no database can be built at all."""
    try:
        current = database()
    except build.BuildError as exc:
        st.error(t("db.build_failed", lang, error=exc.text(lang)))
        st.stop()
    if current.error:
        st.warning(t("db.rebuild_failed", lang, error=current.error.text(lang)))


def headlines(lang: str) -> list[Headline]:
    """One headline per municipality that has one (home page)."""
    found = []
    for manifest in MUNICIPALITIES:
        if manifest.headline:
            h = manifest.headline(query, lang)
            if h is not None:
                found.append(h)
    return found


class AppRun:
    """One run of the entry script: its language, and the page it shows."""

    def __init__(self) -> None:
        self.lang = "ja"
        self.page = "?"

    def show(self, page: st.Page) -> None:
        """Run the page the navigation chose (its URL path names the run in the benchmark's timings), under
        the header a printed sheet carries (filled once the page has said what it shows)."""
        self.page = page.url_path or "home"
        st.session_state["_page"], st.session_state["_section"] = self.page, ("", "")
        # the browser's tab and history name the page, in the reader's language (not one title for all)
        st.set_page_config(page_title=t("app.page_title", self.lang, page=page.title))
        printing.controls(self.page, self.lang)
        if not printing.print_view():
            chamber.link(self.page, self.lang, st.sidebar)
        top = st.empty()
        st.session_state.pop("_print_conditions", None)
        try:
            page.run()
        except build.BuildError as exc:  # the database went missing or was damaged beyond rebuilding
            st.error(t("db.build_failed", self.lang, error=exc.text(self.lang)))
        finally:
            source = next((m.source for m in MUNICIPALITIES if m.key == self.page), None)
            with top.container():
                printing.header(self.lang, source)


@contextmanager
def app_run():
    """One run of the entry script: sets the page up, draws the language switch and yields the run
    (`run.lang`; `run.show(page)` runs the page the navigation chose).

    When the environment
    variable MACHI_TIMINGS names a file (the benchmark), every run appends one JSON line {"page", "ms",
    "outcome": ok | rerun | stop | error, "t0", "t1"} (perf_counter times of this process); MACHI_PROFILE
    names a folder for a cProfile of each run. Unset, this costs two environment lookups a run."""
    timings, profile_dir = os.environ.get("MACHI_TIMINGS"), os.environ.get("MACHI_PROFILE")
    run = AppRun()
    profiler = None
    if profile_dir:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start = time.perf_counter()
    outcome = "error"
    try:
        st.set_page_config(page_title="まちダッシュボード / Machi Dashboard", layout="wide")
        run.lang = language_switch()
        printing.style()
        st.html(READABLE_CSS)
        chamber.style()
        yield run
        outcome = "ok"
    except BaseException as exc:  # Streamlit's rerun and stop are exceptions that end the run
        name = type(exc).__name__
        outcome = "rerun" if "Rerun" in name else "stop" if "Stop" in name else "error"
        raise
    finally:
        end = time.perf_counter()
        if profiler is not None:
            profiler.disable()
            os.makedirs(profile_dir, exist_ok=True)
            profiler.dump_stats(os.path.join(profile_dir, f"{run.page}-{time.time_ns()}.prof"))
        if timings:
            line = {"page": run.page, "ms": round((end - start) * 1000, 3), "outcome": outcome, "t0": start, "t1": end}
            with open(timings, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(line) + "\n")


def language() -> str:
    """The language of this run (pages call this first; the switch lives in the entry script).

    It also puts right a deep link opened on a freshly started server (see _through_the_entry_script)."""
    _through_the_entry_script()
    return session_language()


def _through_the_entry_script() -> None:
    """Until the entry script has called st.navigation once in this process, Streamlit treats pages/ as an
    old-style multipage folder and runs a deep-linked page file alone, without the entry script (no
    language switch, no database check). Leave that mode and rerun through the entry script, which
    resolves the same URL. Streamlit offers no public switch for this; it is the one private name the app
    uses, checked by tests/ui/test_shell.py."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        keep_language_over_rerun()  # the switch was not drawn in this run
        st.rerun()


def rerun_unknown_fragments_whole() -> None:
    """Behind a proxy, when a process stops, its browsers reconnect to another process: a new session
    there, which has run nothing yet. The browser's next tab click asks for a rerun of a fragment (the
    section tabs) that the new session does not hold, and Streamlit drops such a request without a word,
    every click after it too: the page no longer follows its tabs, nor its URL. In a session that has not
    finished a run yet, run such a request as a rerun of the whole page instead, with the browser's page,
    URL and widget values (later on, Streamlit's dropping is right: the fragment went with a page left).
    Installed by `python -m machi serve` before the first browser arrives (and when the app first runs);
    Streamlit offers no setting for it (private names, checked by tests/test_deploy.py)."""
    from streamlit.runtime.app_session import AppSession

    original = AppSession.request_rerun
    if getattr(original, "machi_whole", False):
        return

    def request_rerun(self, client_state=None):
        fresh = not getattr(self, "_client_state", None) or not self._client_state.page_script_hash  # never ran
        if (
            fresh
            and client_state is not None
            and client_state.fragment_id
            and not self.has_fragment(client_state.fragment_id)
        ):
            whole = type(client_state)()
            whole.CopyFrom(client_state)
            whole.ClearField("fragment_id")
            client_state = whole
        return original(self, client_state)

    request_rerun.machi_whole = True
    AppSession.request_rerun = request_rerun


rerun_unknown_fragments_whole()
