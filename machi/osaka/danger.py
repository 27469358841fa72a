"""Danger score of a vacant house: Osaka City's 判定表 (別表第5) for structural danger.

The table (data/osaka/danger_rules.toml, from 大阪市「大阪市特定空家等に対する措置等に関する方針（案）」)
gives points per part and rank: foundation/sills/columns/beams A 25 / B 50 / C 100, exterior walls
A 12.5 / B 25 (no C), roof A 12.5 / B 25 / C 50. A part given as null is in order (0 points). The
score is the sum (at most 175). Danger level (総合判定): 0 when the score is 0 (not a 特定空家等);
1 above 0 up to 100; 2 above 100 with no risk to third parties; 3 above 100 with such a risk.

    evaluate({"foundation": "B", "exterior_wall": "A", "roof": None, "third_party_harm": False})

The CLI: ``python -m machi danger [FILE|-]`` reads that JSON object (stdin when FILE is omitted or
``-``) and prints the result as JSON; invalid input prints ``machi danger: <field>: <message>`` on
stderr and exits 2.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from machi.core import paths
from machi.core.inputs import InputError, Text, cut, joined, read_json, shown

RULES_FILE = "danger_rules.toml"
PARTS = ("foundation", "exterior_wall", "roof")
FIELDS = (*PARTS, "third_party_harm")


class DangerInputError(InputError):
    """An input the score cannot use: the field, and the reason in English and Japanese."""


class DangerRulesError(ValueError):
    """The rule file is broken (a programming or data error, not a user error)."""


@dataclass(frozen=True)
class Rules:
    raw: dict
    parts: dict[str, dict]  # key -> part table (with 'ranks')
    levels: tuple[dict, ...]


def rules_path() -> Path:
    """The rule file in the data folder the database is built from (MACHI_DATA or data/)."""
    return paths.data_dir() / "osaka" / RULES_FILE


@cache
def load_rules(path: Path | None = None) -> Rules:
    """Read and check the rule file (cached)."""
    path = Path(path or rules_path())
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DangerRulesError(f"{path.name}: {exc}") from None
    parts = {p.get("key"): p for p in raw.get("parts", [])}
    if tuple(parts) != PARTS:
        raise DangerRulesError(
            f"{path.name}: parts must be {', '.join(PARTS)} in this order, found {', '.join(map(str, parts))}"
        )
    for key, part in parts.items():
        ranks = part.get("ranks") or {}
        if not ranks or not set(ranks) <= {"A", "B", "C"}:
            raise DangerRulesError(f"{path.name}: part {key}: ranks must be among A, B, C")
        previous = 0.0
        for rank in sorted(ranks):
            points = ranks[rank].get("points")
            if not isinstance(points, (int, float)) or isinstance(points, bool) or points <= previous:
                raise DangerRulesError(
                    f"{path.name}: part {key}, rank {rank}: points must be a number above the lower rank's"
                )
            previous = float(points)
        for field in ("name_ja", "name_en", "citation", "citation_en"):
            if not part.get(field):
                raise DangerRulesError(f"{path.name}: part {key}: {field} missing")
    levels = tuple(sorted(raw.get("levels", []), key=lambda lv: lv.get("level", -1)))
    if [lv.get("level") for lv in levels] != [0, 1, 2, 3]:
        raise DangerRulesError(f"{path.name}: levels must be 0, 1, 2, 3")
    for lv in levels:
        for field in (
            "rule_ja",
            "rule_en",
            "citation",
            "citation_en",
            "next_step_ja",
            "next_step_en",
            "next_step_citation",
            "next_step_citation_en",
        ):
            if not lv.get(field):
                raise DangerRulesError(f"{path.name}: level {lv['level']}: {field} missing")
        if not isinstance(lv.get("is_tokutei_akiya"), bool):
            raise DangerRulesError(f"{path.name}: level {lv['level']}: is_tokutei_akiya must be true or false")
    rules = Rules(raw, parts, levels)
    # the levels must cover every possible input exactly once
    choices = [[None, *sorted(parts[k]["ranks"])] for k in PARTS]
    for combo in itertools.product(*choices, (False, True)):
        score = _score(rules, dict(zip(PARTS, combo[:3])))
        matching = [lv["level"] for lv in levels if _applies(lv, score, combo[3])]
        if len(matching) != 1:
            raise DangerRulesError(
                f"{path.name}: score {score}, third_party_harm {combo[3]}: levels {matching} apply (need exactly one)"
            )
    return rules


def _score(rules: Rules, ranks: dict[str, str | None]) -> float:
    return float(sum(rules.parts[k]["ranks"][r]["points"] for k, r in ranks.items() if r is not None))


def _applies(level: dict, score: float, harm: bool) -> bool:
    if "score_above" in level and not score > level["score_above"]:
        return False
    if "score_at_most" in level and not score <= level["score_at_most"]:
        return False
    return not ("third_party_harm" in level and level["third_party_harm"] is not harm)


def _shown(value: Any) -> str:
    return shown(value, as_json=True)


def validate(obj: Any, rules: Rules | None = None) -> dict:
    """The input as {part: rank or None, 'third_party_harm': bool}, or DangerInputError."""
    rules = rules or load_rules()
    keys = ", ".join(FIELDS)
    if not isinstance(obj, dict):
        raise DangerInputError.from_text("input", "osaka.err.not_an_object", keys=keys)
    unknown = sorted(str(k) for k in obj if k not in FIELDS)
    if unknown:
        raise DangerInputError.from_text(unknown[0], "osaka.err.unknown_key", keys=keys)
    for field in FIELDS:
        if field not in obj:
            missing = "osaka.err.missing_harm" if field == "third_party_harm" else "osaka.err.missing_rank"
            raise DangerInputError.from_text(field, missing)
    out: dict[str, Any] = {}
    for key in PARTS:
        value = obj[key]
        ranks = sorted(rules.parts[key]["ranks"])
        if value is not None and not isinstance(value, str):
            allowed = Text("osaka.err.ranks_or_null", ranks=", ".join(f'"{r}"' for r in ranks))
            raise DangerInputError.from_text(key, "osaka.err.not_a_rank", allowed=allowed, value=_shown(value))
        if isinstance(value, str) and value not in ranks:
            part = {"ja": rules.parts[key]["name_ja"], "en": rules.parts[key]["name_en"].lower()}
            given = {"ja": cut(value), "en": repr(cut(value))}
            raise DangerInputError.from_text(key, "osaka.err.no_such_rank", part=part, value=given, ranks=joined(ranks))
        out[key] = value
    harm = obj["third_party_harm"]
    if not isinstance(harm, bool):
        raise DangerInputError.from_text("third_party_harm", "osaka.err.not_a_boolean", value=_shown(harm))
    out["third_party_harm"] = harm
    return out


def evaluate(obj: Any, rules: Rules | None = None) -> dict:
    """Score and danger level of one building (see the module docstring)."""
    rules = rules or load_rules()
    given = validate(obj, rules)
    parts = []
    for key in PARTS:
        part, rank = rules.parts[key], given[key]
        entry = part["ranks"][rank] if rank is not None else None
        parts.append(
            {
                "part": key,
                "part_ja": part["name_ja"],
                "rank": rank,
                "points": float(entry["points"]) if entry else 0.0,
                "description_ja": entry["description_ja"] if entry else None,
                "citation": part["citation"],
                "citation_ja": part["citation"],
                "citation_en": part["citation_en"],
            }
        )
    score = float(sum(p["points"] for p in parts))
    level = next(lv for lv in rules.levels if _applies(lv, score, given["third_party_harm"]))
    return {
        "score": score,
        "level": level["level"],
        "is_tokutei_akiya": level["is_tokutei_akiya"],
        "third_party_harm": given["third_party_harm"],
        "next_step_ja": level["next_step_ja"],
        "next_step_en": level["next_step_en"],
        "next_step_citation": level["next_step_citation"],
        "next_step_citation_ja": level["next_step_citation"],
        "next_step_citation_en": level["next_step_citation_en"],
        "stage": level.get("stage"),
        "level_rule_ja": level["rule_ja"],
        "level_rule_en": level["rule_en"],
        "level_citation": level["citation"],
        "level_citation_en": level["citation_en"],
        "rules": parts,
        "source_id": rules.raw["source"]["source_id"],
    }


# --- command line ---------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    try:
        result = evaluate(read_json(getattr(args, "file", None), text_field="input"))
    except InputError as exc:  # unreadable or invalid input, and DangerInputError
        print(f"machi danger: {exc.field}: {exc.message_en} / {exc.message_ja}", file=sys.stderr)
        return 2
    except DangerRulesError as exc:
        print(f"machi danger: rules: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    return 0


def register_cli(subparsers: argparse._SubParsersAction) -> None:
    """Add `danger [FILE|-]` to `python -m machi`."""
    p = subparsers.add_parser(
        "danger",
        help="danger score of a vacant house (Osaka City 判定表, 別表第5): JSON in, JSON out",
        description=(
            'Reads {"foundation": "A"|"B"|"C"|null, "exterior_wall": "A"|"B"|null, "roof": "A"|"B"|"C"|null, '
            '"third_party_harm": true|false} from FILE (or stdin) and prints the score, danger level and next step.'
        ),
    )
    p.add_argument("file", nargs="?", default="-", help="JSON file; '-' or omitted = stdin")
    p.set_defaults(func=run)
