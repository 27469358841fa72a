"""The plug-in points of a module (Zushi, Asaka, Osaka, Yao …).

A module is a file in :mod:`machi.modules` that defines ``MODULE = Module(...)``. It brings its own
schema files (in ``queries/``), a loader that fills its tables from ``data/``, its named datasets, its
pages and an optional headline for the home page. The foundation discovers modules; it never needs
editing to add one.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Callable

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
    query: str  # name of the SQL file in queries/ that returns it
    description_en: str
    description_ja: str


@dataclass(frozen=True)
class PageSpec:
    """One screen: a file in pages/ and the translation key of its title."""

    path: str
    title_key: str
    url_path: str


@dataclass(frozen=True)
class Headline:
    """One figure for the home page, with the source it comes from."""

    label: str
    value: str
    source_id: str
    page: str  # the pages/ file it links to
    note: str = ""


@dataclass(frozen=True)
class Module:
    key: str
    order: int
    #: translation key of the navigation section (the municipality); None for the app's own pages
    group_key: str | None = None
    #: DDL files in queries/, run in this order at build time
    schema: tuple[str, ...] = ()
    load: Callable[[duckdb.DuckDBPyConnection, Path], None] | None = None
    datasets: tuple[Dataset, ...] = ()
    pages: tuple[PageSpec, ...] = ()
    #: (run_query, lang) -> Headline; shown on the home page
    headline: Callable[[QueryRunner, str], Headline | None] | None = field(default=None)
    #: adds the module's own subcommands to `python -m machi` (argparse subparsers)
    cli: Callable[[argparse._SubParsersAction], None] | None = field(default=None)


@cache
def modules() -> tuple[Module, ...]:
    """Every module in machi.modules, in their declared order."""
    import machi.modules as package

    found = []
    for info in pkgutil.iter_modules(package.__path__):
        mod = importlib.import_module(f"{package.__name__}.{info.name}")
        if isinstance(getattr(mod, "MODULE", None), Module):
            found.append(mod.MODULE)
    return tuple(sorted(found, key=lambda m: (m.order, m.key)))


def datasets() -> dict[str, Dataset]:
    """All datasets by name, in module order."""
    return {d.name: d for m in modules() for d in m.datasets}
