"""`permit` subcommand: evaluate an application (JSON) and print the result (JSON).

    python -m machi permit app.json
    python -m machi.yao.permit.cli app.json      # stand-alone
    cat app.json | python -m machi.yao.permit.cli -

Exit codes: 0 = evaluated (whether or not the plan is eligible); 2 = the input or the rule file
cannot be used. Errors are one line on stderr, `machi permit: <field>: <message_en> / <message_ja>`,
never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from machi.core.inputs import InputError, in_both, read_json

PROG = "machi permit"


def run(args: argparse.Namespace) -> int:
    """Handler of the `permit` subcommand; returns the exit code."""
    from machi.yao.permit.engine import evaluate
    from machi.yao.permit.model import parse_application
    from machi.yao.permit.rules import RulesError, load_rules

    try:
        try:
            rules = load_rules(getattr(args, "rules", None))
        except RulesError as exc:
            raise InputError.from_text("--rules", "yao.err.rules_unusable", reason=str(exc)) from None
        result = evaluate(parse_application(read_json(getattr(args, "file", None) or "-"), rules), rules)
        out = json.dumps(result.to_dict(), ensure_ascii=False, indent=1)
    except InputError as exc:  # an unusable rule file, unreadable JSON, or a ValidationError
        print(f"{PROG}: {exc.field}: {exc.message_en} / {exc.message_ja}", file=sys.stderr)
        return 2
    except Exception as exc:  # never a traceback for the user
        message_en, message_ja = in_both("yao.err.internal", error_en=f"{type(exc).__name__}: {exc}")
        print(f"{PROG}: {message_en} / {message_ja}", file=sys.stderr)
        return 1
    try:
        sys.stdout.write(out + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    return 0


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="application JSON file; '-' or omitted: read stdin"
    )
    p.add_argument("--rules", metavar="TOML", default=None, help="rule file (default: data/yao/yao_52_14_1.toml)")


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `permit` subcommand to an argparse subparsers object (handler: args.func(args))."""
    p = subparsers.add_parser(
        "permit",
        help="evaluate a floor-area bonus permit application (JSON) against the Yao criteria",
        description="Evaluate an application under 八尾市「建築基準法第52条第14項第1号許可取扱実施基準」 and print "
        "the result as JSON. Input keys: see machi/yao/permit/INPUT.md.",
    )
    add_arguments(p)
    p.set_defaults(func=run)
    return p


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog=PROG, description="Evaluate a permit application (JSON) and print JSON.")
    add_arguments(p)
    args = p.parse_args(argv)
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
