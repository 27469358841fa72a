"""What a municipality brings to the dashboard, in one object: its manifest.

Each municipality's package has a `manifest.py` with `MANIFEST = Manifest(...)`; the list of them is
`machi/municipalities.py`. The build, the CLI, the navigation and the home page read that list; nothing
here knows a municipality by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    import duckdb
    import pandas as pd

    #: Runs a named query (``queries/<name>.sql``) with bound parameters and returns a DataFrame.
    QueryRunner = Callable[..., pd.DataFrame]


@dataclass(frozen=True)
class Dataset:
    """A named table that `python -m machi export` and the pages share."""

    name: str
    query: str  # the SQL file in queries/ that returns it, e.g. "zushi/programs"
    description_en: str
    description_ja: str


@dataclass(frozen=True)
class Headline:
    """One figure for the home page, with the source it comes from."""

    label: str
    value: str
    source_id: str
    page: str  # the pages/ file it links to
    note: str = ""
    #: the link's words: what it opens, in the reader's words ("予定より遅れている事業を見る")
    link: str = ""
    #: the link's query: the view that answers the card's question (a filter, a tab), as (key, value) pairs
    query: tuple[tuple[str, str], ...] = ()
    #: a status in words with its symbol ("－ 判定できません（実績値なし）"), never colour alone
    status: str = ""


@dataclass(frozen=True)
class Manifest:
    """One municipality: its key (the name of its folders in machi/, data/ and queries/), its page, its
    tables and how they are filled, its datasets, its home-page headline and its CLI commands."""

    key: str
    page: str  # pages/<key>.py
    #: the source most of the page's figures come from (its date heads a printed sheet)
    source: str | None = None
    #: DDL files in queries/, run in this order at build time
    schema: tuple[str, ...] = ()
    load: Callable[[duckdb.DuckDBPyConnection, Path], None] | None = None
    datasets: tuple[Dataset, ...] = ()
    #: (run_query, lang) -> Headline; shown on the home page
    headline: Callable[[QueryRunner, str], Headline | None] | None = None
    #: adds the municipality's own subcommands to `python -m machi` (argparse subparsers)
    cli: Callable[[argparse._SubParsersAction], None] | None = None
    #: the municipality's code in official statistics (全国地方公共団体コード, five digits, e.g. "14208")
    area_code: str | None = None
    #: the query of this page's view that compares any area of the statistics, "{code}" standing for the
    #: area's code (e.g. (("tab", "compare"), ("areas", "{code}"))); empty when it has none
    area_compare: tuple[tuple[str, str], ...] = ()
    #: the kinds of data staff keep current with a template and an import (machi.core.updates.UpdateKind)
    updates: tuple = ()

    @property
    def nav_key(self) -> str:
        """The text key of the page's title in the navigation."""
        return f"{self.key}.nav"

    @property
    def group_key(self) -> str:
        """The text key of the navigation section (the municipality's name)."""
        return f"{self.key}.nav_group"
