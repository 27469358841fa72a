"""Yao (八尾市) in the dashboard: the permit calculator's home-page headline and its CLI command. Yao has no
tables: its rules are a rule file (data/yao/), read by the permit engine."""

from __future__ import annotations

from machi.core.manifest import Headline, Manifest
from machi.core.text import t
from machi.yao.permit import cli as permit_cli
from machi.yao.permit import evaluate, parse_application
from machi.yao.permit.examples import examples

PAGE = "pages/yao.py"


def headline(run_query, lang: str) -> Headline:
    first = examples()[0]
    r = evaluate(parse_application(first["application"]))
    return Headline(
        label=t("yao.home_headline", lang),
        value=f"{r.max_far_pct:,.1f}%",
        source_id="yao_52_14_1_criteria",
        page=PAGE,
        note=t(
            "yao.home_headline_note",
            lang,
            base=f"{first['application']['base_far_pct']:,}",
            title=first[f"title_{lang}"],
        ),
        link=t("yao.home_link", lang),  # the page opens on this example
    )


MANIFEST = Manifest(
    key="yao", area_code="27212", page=PAGE, source="yao_52_14_1_criteria", headline=headline, cli=permit_cli.register
)
