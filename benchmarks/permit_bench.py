"""`python -m benchmarks.permit_bench [SECONDS]`: evaluations per second on one core (not a test).

Times `evaluate()` on already-parsed applications (a typical facilities case, the barrier-free
store case, a 総合設計 case); then evaluate + `to_dict()` (which formats every ja/en message), and
parse + evaluate + `to_dict()` from a JSON-like dict.
"""

from __future__ import annotations

import sys
import time

from machi.yao.permit.engine import evaluate
from machi.yao.permit.examples import example
from machi.yao.permit.model import parse_application
from machi.yao.permit.rules import load_rules


def rate(fn, seconds: float, repeats: int = 5) -> float:
    """Calls per second: the best of `repeats` windows of `seconds / repeats` (as timeit does)."""
    fn()  # warm up
    best = 0.0
    for _ in range(repeats):
        n, start = 0, time.perf_counter()
        deadline = start + seconds / repeats
        while True:
            for _ in range(100):
                fn()
            n += 100
            now = time.perf_counter()
            if now >= deadline:
                break
        best = max(best, n / (now - start))
    return best


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    seconds = float(argv[0]) if argv else 2.0
    rules = load_rules()
    for ex_id in ("facilities_pass", "barrier_free_store", "facilities_with_sogo"):
        raw = example(ex_id)["application"]
        app = parse_application(raw, rules)
        r1 = rate(lambda app=app: evaluate(app, rules), seconds)
        r2 = rate(lambda app=app: evaluate(app, rules).to_dict(), seconds)
        r3 = rate(lambda raw=raw: evaluate(parse_application(raw, rules), rules).to_dict(), seconds)
        print(
            f"{ex_id:22s} evaluate: {r1:9,.0f}/s   evaluate+to_dict (all messages): {r2:9,.0f}/s   "
            f"parse+evaluate+to_dict: {r3:9,.0f}/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
