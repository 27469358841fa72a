"""The staff view: the "Data updates" page, on only where the server is started with MACHI_STAFF=1 (the
council's and the public's instance stays read-only).

A kind of data (machi.core.updates.UpdateKind, or the e-Stat housing table) is updated in three steps on
one page: download its template with today's data; upload the filled file, which is checked whole and
shown as the changes it would make (or every problem, by sheet, row and column); confirm, which applies
it all or nothing. The change log is listed below. Sessions already open see the new data on their next
interaction (the database connection follows the files: machi.ui.cache.database).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from machi.core import updates
from machi.core.text import t
from machi.municipalities import MUNICIPALITIES
from machi.ui.cache import forget_database, query

STAFF_SETTING = "MACHI_STAFF"
#: the session's note of what the last confirmation did
OUTCOME = "_updates_outcome"
HOUSING = "housing"


def enabled() -> bool:
    """Whether this server is the staff's (MACHI_STAFF=1, true or yes)."""
    return os.environ.get(STAFF_SETTING, "").strip().lower() in ("1", "true", "yes")


def kinds() -> dict[str, updates.UpdateKind | None]:
    """{key: kind} of every kind of data staff update; the housing table (its own import) as None."""
    return {**{k.key: k for m in MUNICIPALITIES for k in m.updates}, HOUSING: None}


def kind_label(key: str, lang: str) -> str:
    return t(f"updates.kind.{key}", lang)


def template_download(key: str, lang: str) -> None:
    """Step 1: the template of the kind with today's data (made when clicked)."""
    kind = kinds()[key]
    if kind is None:
        st.caption(t("updates.housing_template", lang))
        return
    st.download_button(
        t("updates.template_button", lang),
        data=lambda: updates.template(kind),
        file_name=f"{key}_template.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        key=f"template_{key}",
    )


def _saved(upload) -> Path:
    """The uploaded file in a private temporary folder, under its own name (messages name it)."""
    digest = hashlib.sha256(upload.getvalue()).hexdigest()
    folder = Path(tempfile.gettempdir()) / f"machi-upload-{digest[:16]}"
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / Path(upload.name).name
    if not path.exists():
        path.write_bytes(upload.getvalue())
    return path


def upload_and_apply(key: str, lang: str) -> None:
    """Steps 2 and 3: the upload, its check and preview, and the confirmation that applies it."""
    kind = kinds()[key]
    upload = st.file_uploader(t("updates.upload", lang), type=["xlsx"], key=f"upload_{key}")
    replace = st.checkbox(t("updates.replace", lang), help=t("updates.replace_help", lang), key=f"replace_{key}")
    if upload is None:
        return
    path = _saved(upload)
    if kind is None:
        _housing(path, lang)
        return
    try:
        result = updates.apply(kind, path, MUNICIPALITIES, replace=replace, dry_run=True)
    except updates.ImportRefused as refused:
        problems(refused, lang)
        return
    if result.unchanged:
        st.info(t("updates.no_change", lang))
        return
    preview(result, lang)
    st.button(
        t("updates.confirm", lang),
        type="primary",
        key=f"confirm_{key}_{result.sha256[:8]}",
        on_click=_confirm,
        args=(key, str(path), replace),
    )


def _confirm(key: str, path: str, replace: bool) -> None:
    """The confirmation's callback: apply the checked file (before the page is drawn again, which then
    shows the outcome and the new change log)."""
    try:
        done = updates.apply(kinds()[key], Path(path), MUNICIPALITIES, replace=replace)
    except updates.ImportRefused as refused:  # another import got there first, or the data moved on
        st.session_state[OUTCOME] = ("refused", refused)
        return
    st.session_state[OUTCOME] = ("done", done)
    forget_database()  # this process opens the new database now; the others within RECHECK_SECONDS


def outcome(lang: str) -> None:
    """What the last confirmation did (said once, above the steps)."""
    said = st.session_state.pop(OUTCOME, None)
    if said is None:
        return
    what, value = said
    if what == "done":
        st.success(t("updates.done", lang, summary=value.lines(lang)[0]))
    else:
        problems(value, lang)


def problems(refused: updates.ImportRefused, lang: str) -> None:
    """A refused file: every problem, by sheet, row and column; nothing changed."""
    st.error(t("updates.refused", lang, n=len(refused.problems)))
    st.markdown("\n".join(f"- {_md(p.text(lang))}" for p in refused.problems[:200]))


def preview(result: updates.Preview, lang: str) -> None:
    """What the import would change: the counts, and a table of each row added, changed or removed."""
    lines = result.lines(lang)
    st.markdown(f"**{t('updates.preview', lang)}** {_md(lines[0])}")
    if len(lines) > 1:
        st.dataframe(pd.DataFrame({t("updates.col.change", lang): lines[1:]}), hide_index=True)


def _housing(path: Path, lang: str) -> None:
    from machi.core.build import BuildError
    from machi.osaka import housing

    try:
        year, df = housing.read_table_1_2(path)
    except BuildError as exc:
        st.error(t("updates.refused", lang, n=1))
        st.markdown(f"- {_md(exc.text(lang))}")
        return
    st.markdown(f"**{t('updates.preview', lang)}** {t('updates.housing_preview', lang, year=year, n=len(df))}")
    if st.button(t("updates.confirm", lang), type="primary", key=f"confirm_housing_{year}"):
        try:
            _, rows = housing.import_recorded(path, MUNICIPALITIES)
        except BuildError as exc:
            st.error(exc.text(lang))
            return
        forget_database()
        st.success(t("updates.done", lang, summary=t("updates.housing_preview", lang, year=year, n=rows)))


def change_log(lang: str) -> None:
    """The change log: when, what, which file, how many rows."""
    log = query("core/change_log")
    if log.empty:
        st.caption(t("updates.log_empty", lang))
        return
    shown = pd.DataFrame(
        {
            t("updates.col.when", lang): log.changed_at.str.replace("T", " "),
            t("updates.col.kind", lang): [kind_label(k, lang) for k in log.kind],
            t("updates.col.file", lang): log.file_name,
            t("updates.col.added", lang): log.rows_added,
            t("updates.col.changed", lang): log.rows_changed,
            t("updates.col.removed", lang): log.rows_removed,
            t("updates.col.scope", lang): log.scope.fillna(""),
            t("updates.col.sha", lang): log.sha256.str[:12],
        }
    )
    st.dataframe(shown, hide_index=True)


def _md(text: str) -> str:
    from machi.core import fmt

    return fmt.md_text(text)
