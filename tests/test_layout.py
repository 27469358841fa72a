"""The house: one home per municipality, a foundation that knows none of them, no import cycle, pages that
read as a description of their screen."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from machi.municipalities import MUNICIPALITIES
from tests.conftest import ROOT

SHARED_PACKAGES = {"core", "ui"}
APP_PAGES = {"home", "sources", "book", "updates"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted((ROOT / "machi").rglob("*.py")) if "__pycache__" not in p.parts}


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """Every module of the project (or third-party top-level name) a file imports, lazily or not."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            for alias in node.names:  # `from machi.ui import heap`: the submodule when there is one
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return found


def import_graph(modules: dict[str, Path] | None = None) -> dict[str, set[str]]:
    modules = modules if modules is not None else _modules()
    known = set(modules)
    return {name: _imports(path, name, known) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), and modules importing themselves."""
    index, low, stack, on_stack, out, counter = {}, {}, [], set(), [], [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph.get(v, ()):
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _owner(module: str) -> str | None:
    """The top package of machi a module belongs to (core, ui, a municipality), or None (machi itself)."""
    parts = module.split(".")
    return (
        parts[1]
        if (parts[0] == "machi" and len(parts) > 2)
        or (len(parts) == 2 and parts[1] in SHARED_PACKAGES | {m.key for m in MUNICIPALITIES})
        else None
    )


def rule_breaks(graph: dict[str, set[str]]) -> list[str]:
    municipalities = {m.key for m in MUNICIPALITIES}
    found = []
    for module, imported in sorted(graph.items()):
        owner = _owner(module)
        for target in sorted(imported):
            if target.split(".")[0] == "streamlit" and owner != "ui":
                found.append(f"{module} imports Streamlit (only machi.ui may)")
            if not target.startswith("machi"):
                continue
            other = _owner(target)
            if owner == "core" and other != "core":
                found.append(f"{module} (core) imports {target}")
            if owner in municipalities and other not in (owner, "core"):
                found.append(f"{module} ({owner}) imports {target}")
    return found


def test_no_import_cycle():
    assert _cycles(import_graph()) == []


def test_the_foundation_knows_no_municipality_and_no_municipality_another():
    assert rule_breaks(import_graph()) == []


@pytest.mark.parametrize(
    "graph,expected",
    [
        ({"machi.core.a": {"machi.ui.cache"}}, "machi.core.a (core) imports machi.ui.cache"),
        ({"machi.core.a": {"machi.zushi.logic"}}, "machi.core.a (core) imports machi.zushi.logic"),
        ({"machi.zushi.logic": {"machi.osaka.logic"}}, "machi.zushi.logic (zushi) imports machi.osaka.logic"),
        ({"machi.yao.charts": {"streamlit"}}, "machi.yao.charts imports Streamlit (only machi.ui may)"),
        ({"machi.asaka.logic": {"machi.ui"}}, "machi.asaka.logic (asaka) imports machi.ui"),
    ],
)
def test_the_rule_check_can_fail(graph, expected):
    assert rule_breaks(graph) == [expected]


def test_the_cycle_check_can_fail():
    graph = {
        "machi.core.a": {"machi.core.b"},
        "machi.core.b": {"machi.core.c"},
        "machi.core.c": {"machi.core.a"},
        "machi.core.d": {"machi.core.a"},
    }
    assert _cycles(graph) == [["machi.core.a", "machi.core.b", "machi.core.c"]]


def test_the_graph_sees_lazy_and_relative_imports(tmp_path):
    pkg = tmp_path / "machi" / "core"
    pkg.mkdir(parents=True)
    (pkg / "a.py").write_text("def f():\n    from machi.ui import cache\n")
    (pkg / "b.py").write_text("from . import a\nfrom .a import f\n")
    modules = {"machi.core.a": pkg / "a.py", "machi.core.b": pkg / "b.py", "machi.ui.cache": pkg / "a.py"}
    known = set(modules)
    assert _imports(pkg / "a.py", "machi.core.a", known) == {"machi.ui.cache"}
    assert _imports(pkg / "b.py", "machi.core.b", known) == {"machi.core.a"}


# --- one home per municipality -------------------------------------------------------------------


def _folders(path: Path) -> set[str]:
    return {p.name for p in path.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}


def test_the_list_of_municipalities_and_the_folders_agree():
    keys = {m.key for m in MUNICIPALITIES}
    assert len(keys) == len(MUNICIPALITIES)
    assert _folders(ROOT / "machi") - SHARED_PACKAGES == keys, "a package in machi/ is not on the list, or the reverse"
    assert _folders(ROOT / "data") == keys, "a folder in data/ is not a municipality on the list, or one is missing"
    assert {p.stem for p in (ROOT / "pages").glob("*.py")} - APP_PAGES == keys, "pages/ and the list disagree"
    queries = _folders(ROOT / "queries") - {"core"}
    assert queries <= keys, f"a folder in queries/ is not a municipality on the list: {queries - keys}"
    for m in MUNICIPALITIES:
        assert m.page == f"pages/{m.key}.py"
        assert (ROOT / "machi" / m.key / "text.toml").is_file() and (ROOT / "machi" / m.key / "manifest.py").is_file()
        assert all(name.startswith(f"{m.key}/") for name in m.schema), m.key  # its tables' SQL in its folder
        assert all(d.query.startswith(f"{m.key}/") for d in m.datasets), m.key
        if m.schema:
            assert (ROOT / "queries" / m.key).is_dir()


def test_every_query_file_is_in_the_folder_of_its_owner():
    owners = {m.key for m in MUNICIPALITIES} | {"core"}
    loose = [p.name for p in (ROOT / "queries").glob("*.sql")]
    assert loose == [] and {p.parent.name for p in (ROOT / "queries").rglob("*.sql")} <= owners


def test_pages_read_as_a_description_of_their_screen():
    """At most 150 lines; no Streamlit caching or fragments of their own (that machinery is in machi.ui)."""
    for page in sorted((ROOT / "pages").glob("*.py")):
        text = page.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 150, f"{page.name}: {len(text.splitlines())} lines"
        for machinery in (
            "st.fragment",
            "st.cache_data",
            "st.cache_resource",
            "st.session_state",
            "st.rerun",
            "ui.memo",
            "gc.",
        ):
            assert machinery not in text, f"{page.name} uses {machinery}"


def test_a_test_that_starts_a_server_without_the_e2e_marker_fails():
    from tests.conftest import only_in_e2e

    with pytest.raises(pytest.fail.Exception, match="not marked e2e"):
        only_in_e2e("a server")


@pytest.mark.e2e
def test_the_e2e_marker_lets_a_test_start_a_server():
    from tests.conftest import only_in_e2e

    only_in_e2e("a server")  # no failure
