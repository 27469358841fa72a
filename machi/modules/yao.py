"""Yao (八尾市): the floor-area-ratio permit calculator (建築基準法第52条第14項第1号 許可)."""

from __future__ import annotations

from machi.i18n import t
from machi.permit import cli as permit_cli
from machi.permit import evaluate, parse_application
from machi.permit.examples import examples
from machi.registry import Headline, Module, PageSpec

PAGE = "pages/yao.py"


def headline(run_query, lang: str) -> Headline:
    first = examples()[0]
    r = evaluate(parse_application(first["application"]))
    return Headline(
        label=t("yao.home_headline", lang),
        value=f"{r.max_far_pct:,.1f}%",
        source_id="yao_52_14_1_criteria",
        page=PAGE,
        note=t("yao.home_headline_note", lang, base=f"{first['application']['base_far_pct']:,}",
               title=first["title_ja"] if lang == "ja" else first["title_en"]),
    )


MODULE = Module(
    key="yao",
    order=40,
    group_key="nav.group.yao",
    pages=(PageSpec(PAGE, "yao.nav", "yao"),),
    headline=headline,
    cli=permit_cli.register,
)
