"""Floor-area bonus permit calculator (pure Python, no Streamlit).

Rules: 八尾市「建築基準法第52条第14項第1号許可取扱実施基準」, read from data/yao/yao_52_14_1.toml.

    from machi.yao.permit import load_rules, parse_application, evaluate
    result = evaluate(parse_application(obj))      # obj: JSON-like dict (see INPUT.md)
    result.eligible, result.max_floor_area_m2, result.to_dict()

Modules: rules (rule file), model (input + validation), engine (evaluation), cli (`permit`
subcommand), examples (worked examples), and, beside the package, benchmarks/permit_bench.py.
"""

from machi.yao.permit.engine import Check, Result, evaluate
from machi.yao.permit.model import Application, ValidationError, parse_application
from machi.yao.permit.rules import Rules, RulesError, load_rules

__all__ = [
    "Application",
    "Check",
    "Result",
    "Rules",
    "RulesError",
    "ValidationError",
    "evaluate",
    "load_rules",
    "parse_application",
]
