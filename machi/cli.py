"""`python -m machi …`: the command-line contract (other tools call it exactly so).

Errors a user can fix exit with code 2 and a one-line message on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from machi.core import paths
from machi.core.text import in_language, t
from machi.municipalities import MUNICIPALITIES


class CliError(Exception):
    """A user error: printed as `machi: <message>` and exit code 2."""


def _build(args: argparse.Namespace) -> int:
    from machi.core.build import build

    for table, rows in build(MUNICIPALITIES).items():
        print(f"{table}\t{rows}")
    return 0


def _open_database():
    from machi.core.build import ensure_database
    from machi.core.db import connect_read_only

    result = ensure_database(MUNICIPALITIES)
    if result.error:
        print(f"machi: warning: rebuild failed, using the previous database: {result.error}", file=sys.stderr)
    return connect_read_only(result.path)


def _datasets(args: argparse.Namespace) -> int:
    from machi.core import datasets

    con = _open_database()
    try:
        for name, ds in datasets.datasets(MUNICIPALITIES).items():
            rows = len(datasets.load(con, ds))
            print(f"{name}\t{rows}\t{ds.description_en}")
    finally:
        con.close()
    return 0


def _export(args: argparse.Namespace) -> int:
    from machi.core import datasets

    try:
        dataset = datasets.get(MUNICIPALITIES, args.name)
    except datasets.UnknownDataset as exc:
        raise CliError(str(exc)) from None
    con = _open_database()
    try:
        df = datasets.load(con, dataset)
    finally:
        con.close()
    if args.format == "json":
        sys.stdout.write(datasets.to_json(df) + "\n")
    elif args.format == "xlsx":
        sys.stdout.flush()
        sys.stdout.buffer.write(datasets.to_xlsx(df, dataset.name))
        sys.stdout.buffer.flush()
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(datasets.to_csv(df, excel=args.excel))
        sys.stdout.buffer.flush()
    return 0


def _serve(args: argparse.Namespace, argv: list[str] | None = None) -> int:
    from machi.ui.launch import serve

    return serve(argv or [])


def _bench(args: argparse.Namespace, argv: list[str] | None = None) -> int:
    """The benchmark lives beside the package, in benchmarks/ of the repository (not shipped in machi)."""
    try:
        from benchmarks import bench
    except ImportError:
        raise CliError(
            "the benchmark is in benchmarks/ of the repository: run it from the repository's folder"
        ) from None
    return bench.main(argv or [])


def _brief(args: argparse.Namespace) -> int:
    import tempfile
    import time

    from machi.core import brief, serve

    names = [m.key for m in MUNICIPALITIES]
    if args.name not in (*names, "all"):
        raise CliError(f"no page named {args.name!r}; valid names: {', '.join(names)}, all")
    if args.name == "all" and args.query:
        raise CliError("--query is a page's query: give it with one page's name, not with all")
    try:
        query = brief.print_query(args.query or "", args.lang, args.address)
    except brief.BriefError as exc:
        raise CliError(exc.message_en) from None
    if serve.find_browser() is None:
        raise CliError(brief.no_browser().message_en)
    started = time.perf_counter()
    page = "book" if args.name == "all" else args.name
    with (
        tempfile.TemporaryDirectory(prefix="machi-brief-") as tmp,
        serve.server(paths.ROOT / "app.py", {}, Path(tmp) / "server-{port}.log") as srv,
    ):
        brief.page_pdf(f"{srv.base}/{page}?{query}", Path(args.output), timeout_s=args.timeout)
    print(f"{args.output}\t{time.perf_counter() - started:.1f} s")
    return 0


def _update_kinds() -> dict:
    return {kind.key: kind for m in MUNICIPALITIES for kind in m.updates}


def _kind(name: str):
    kinds = _update_kinds()
    if name not in kinds:
        raise CliError(f"no kind of data named {name!r}; valid kinds: {', '.join([*kinds, 'housing'])}")
    return kinds[name]


def _template(args: argparse.Namespace) -> int:
    from machi.core import updates

    kind = _kind(args.kind)
    data = updates.template(kind)
    Path(args.output).write_bytes(data)
    print(f"{args.output}\t{kind.key}\t{len(updates.current_rows(kind)[1])} rows")
    return 0


def _import(args: argparse.Namespace) -> int:
    """`import KIND FILE [--dry-run] [--replace]`: the check and the preview on stdout, then applied; a
    refused file exits 2 with every problem (sheet, row, column) on stderr, nothing changed."""
    from machi.core import updates

    if args.kind == "housing":
        return _import_housing(args)
    kind = _kind(args.kind)
    try:
        result = updates.apply(kind, Path(args.file), MUNICIPALITIES, replace=args.replace, dry_run=args.dry_run)
    except updates.ImportRefused as exc:
        print(t("updates.cli_refused", args.lang, name=Path(args.file).name), file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem.text(args.lang)}", file=sys.stderr)
        return 2
    for line in result.lines(args.lang):
        print(line)
    if args.dry_run:
        print(t("updates.dry_run", args.lang))
    elif result.unchanged:
        print(t("updates.no_change", args.lang))
    else:
        print(t("updates.cli_applied", args.lang, title=in_language(kind, "title", args.lang)))
    return 0


def _import_housing(args: argparse.Namespace) -> int:
    """`import housing FILE`: the e-Stat table's own import (as `import-housing`), with --dry-run and a
    row in the change log."""
    from machi.core.build import BuildError
    from machi.osaka import housing

    if args.dry_run:
        try:
            year, df = housing.read_table_1_2(Path(args.file))
        except BuildError as exc:
            print(f"machi import housing: {exc}", file=sys.stderr)
            return 2
        print(f"{housing.TABLE}\t{year}\t{len(df)}")
        print(t("updates.dry_run", args.lang))
        return 0
    return housing.cli_import(args, MUNICIPALITIES)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own usage errors: exit 2, one line, no traceback
        raise CliError(f"{message} (see `python -m machi {self.prog.split()[-1]} --help`)")


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m machi", description="Machi Dashboard command line")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    b = sub.add_parser("build", help="(re)build the database from data/; prints each table's row count")
    b.set_defaults(func=_build)

    d = sub.add_parser("datasets", help="list datasets: name<TAB>rows<TAB>description")
    d.set_defaults(func=_datasets)

    e = sub.add_parser("export", help="write a dataset to stdout (CSV by default, or JSON)")
    e.add_argument("name", help="dataset name (see `datasets`)")
    e.add_argument(
        "--format",
        choices=("csv", "json", "xlsx"),
        default="csv",
        help="csv (default), json, or xlsx (an Excel workbook, binary: redirect it to a file)",
    )
    e.add_argument("--excel", action="store_true", help="CSV for Excel: BOM, formula cells neutralised")
    e.set_defaults(func=_export)

    br = sub.add_parser("brief", help="an A4 brief of a page (or the briefing book: all) as PDF")
    br.add_argument("name", help="a municipality's page (zushi, asaka, osaka, yao) or all (the briefing book)")
    br.add_argument("--lang", choices=("ja", "en"), default="ja")
    br.add_argument("--query", default="", help="the page's URL query: filters, tab choices, Yao's s=…")
    br.add_argument("-o", "--output", required=True, help="the PDF file to write")
    br.add_argument("--address", default="", help="the dashboard's address to print in the header (none by default)")
    br.add_argument("--timeout", type=float, default=120.0, help=argparse.SUPPRESS)
    br.set_defaults(func=_brief)

    bench = sub.add_parser(
        "bench",
        add_help=False,
        help="measure the app against a minimal Streamlit app (needs requirements-dev.txt and chromium)",
    )
    bench.set_defaults(func=_bench)  # its own options: main() hands them over unparsed

    serve = sub.add_parser(
        "serve",
        add_help=False,
        help="the app in Streamlit's server, as `streamlit run app.py` (Streamlit's options pass through); "
        "for processes behind a proxy (deploy/)",
    )
    serve.set_defaults(func=_serve)

    kinds = ", ".join(_update_kinds())
    tp = sub.add_parser("template", help=f"an Excel template staff fill in, with today's data ({kinds})")
    tp.add_argument("kind", help=kinds)
    tp.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
    tp.set_defaults(func=_template)

    im = sub.add_parser(
        "import",
        help=f"check a filled template ({kinds}) or an e-Stat table (housing), show the changes, apply them",
        description="Checks the whole file first (every problem by sheet, row and column), shows what would "
        "change, then applies all or nothing and records the change in data/change_log.csv.",
    )
    im.add_argument("kind", help=f"{kinds}, housing")
    im.add_argument("file", help="the filled template (.xlsx)")
    im.add_argument("--dry-run", action="store_true", help="check and show the changes only")
    im.add_argument("--replace", action="store_true", help="allow changing or removing data already loaded")
    im.add_argument("--lang", choices=("ja", "en"), default="ja", help="the language of the messages (ja by default)")
    im.set_defaults(func=_import)

    for manifest in MUNICIPALITIES:
        if manifest.cli:
            manifest.cli(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:
        return _bench(argparse.Namespace(), argv[1:])
    if argv[:1] == ["serve"]:
        return _serve(argparse.Namespace(), argv[1:])
    try:
        args = parser().parse_args(argv)
        return args.func(args)
    except CliError as exc:
        print(f"machi: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `| head`
        return 0
    except Exception as exc:  # a broken source file, a folder that cannot be written, a damaged file …
        import duckdb

        from machi.core.build import BuildError, storage_problem

        if isinstance(exc, BuildError):
            print(f"machi: build failed: {exc} (database unchanged: {paths.db_path()})", file=sys.stderr)
            return 1
        if isinstance(exc, (OSError, duckdb.Error)):
            print(f"machi: {storage_problem(exc)} ({paths.db_path()})", file=sys.stderr)
            return 1
        raise
