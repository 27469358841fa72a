"""`python -m benchmarks.load`: sustained load on the app, as many sessions at once speaking Streamlit's
websocket protocol (no browser), for a set time (not a test).

Each session does what a user does, with a think time between steps: opens a page, switches pages,
and opens pages on a section tab, in English, or with a calculator scenario, as a shared link does (URL
parameters). A page reads those on a session's first visit to it; later visits by the same session find
the page as it was left, so most steps are page switches, the commonest thing users do. Tab clicks and
widget changes (fragment reruns, cheaper) are measured in the browser by benchmarks/bench.py. A step is
timed from the request to the server's "run finished"; a step cut off by a dropped connection counts as
an error with the time it took. Sessions come and go in rounds: every round opens new sessions and closes
the last round's, so departed sessions accumulate if anything keeps them.

Reported per interval (and written as JSON with --out): runs per second, p50/p95/max latency, errors
(exception boxes, failed runs, dropped connections), the server's CPU (% of one core) and resident
memory. Local addresses only; bounded in sessions (≤ 200) and time (≤ 2 h).

    python -m benchmarks.load --sessions 20 --seconds 180                 # one server, started here
    python -m benchmarks.load --sessions 20 --rounds 4 --seconds 45       # sessions replaced each round
    python -m benchmarks.load --processes 2 --sessions 40 --seconds 300   # two processes behind nginx
    python -m benchmarks.load --url http://127.0.0.1:8080 --pid 123 --pid 456   # a running server or proxy

Processes are started as deploy/ starts them (`python -m machi serve`, each with its own database);
with --processes 2 or more (or --proxy) they sit behind Debian's nginx with deploy/nginx/machi.conf.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlparse

from benchmarks.server import rss_mb, server
from machi.yao import logic as yao
from machi.yao.permit.examples import examples

ROOT = Path(__file__).resolve().parent.parent
MAX_SESSIONS = 200
MAX_SECONDS = 7200

#: what users do: (page URL path, URL parameters). Section tabs, filters and Yao's scenario are URL
#: parameters of the pages, so a step is one run of the page as a browser's rerun request makes it.
_YAO = examples()[0]
STEPS = [
    ("", {}),
    ("osaka", {}),
    ("osaka", {"tab": "map"}),
    ("osaka", {"tab": "kinds"}),
    ("osaka", {"tab": "ranking", "lang": "en"}),
    ("zushi", {}),
    ("zushi", {"tab": "budget"}),
    ("zushi", {"tab": "list"}),
    ("asaka", {}),
    ("asaka", {"tab": "paths"}),
    ("yao", {"s": yao.encode_scenario(_YAO)}),
    ("yao", {"s": yao.encode_scenario({**_YAO, "site_area_m2": 2500.0})}),
    ("yao", {"s": yao.encode_scenario({**_YAO, "site_area_m2": 3000.0})}),
    ("sources", {}),
]


#: frames larger than this are charts and tables, left unparsed (the generator's CPU is the servers' on a
#: small machine): a run's end and an exception box (no details are shown: `showErrorDetails = "none"`)
#: are a few hundred bytes
LARGE_FRAME = 16_384


@dataclass
class Sample:
    at: float  # seconds since the start
    ms: float
    ok: bool


@dataclass
class Tally:
    samples: list[Sample] = field(default_factory=list)
    dropped: int = 0


def _local(url: str) -> None:
    host = urlparse(url).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"load: only local addresses are allowed, not {host!r}")


async def _run(ws, path: str, params: dict) -> bool:
    """One rerun request; True when the run finished successfully with no exception box."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = BackMsg()
    msg.rerun_script.query_string = urlencode(params)
    msg.rerun_script.page_name = path
    await ws.send(msg.SerializeToString())
    ok = True
    while True:
        raw = await asyncio.wait_for(ws.recv(), timeout=120)
        if len(raw) > LARGE_FRAME:  # a chart or a table: neither the run's end nor an exception box
            continue
        fwd = ForwardMsg()
        fwd.ParseFromString(raw)
        kind = fwd.WhichOneof("type")
        if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            if fwd.delta.new_element.WhichOneof("type") == "exception":
                ok = False
        elif kind == "page_not_found":
            ok = False
        elif kind == "script_finished":
            status = ForwardMsg.ScriptFinishedStatus.Name(fwd.script_finished)
            if status == "FINISHED_EARLY_FOR_RERUN":
                continue
            return ok and status in ("FINISHED_SUCCESSFULLY", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY")


async def _session(url: str, until: float, start: float, think: float, tally: Tally, rng: random.Random) -> None:
    import websockets

    ws_url = url.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None) as ws:
            steps = STEPS[:]
            rng.shuffle(steps)
            i = 0
            while time.perf_counter() < until:
                path, params = steps[i % len(steps)]
                i += 1
                t0 = time.perf_counter()
                try:
                    ok = await _run(ws, path, params)
                except Exception:  # a dropped connection or a run that never finished: a failed step
                    tally.samples.append(Sample(t0 - start, (time.perf_counter() - t0) * 1000, False))
                    raise
                tally.samples.append(Sample(t0 - start, (time.perf_counter() - t0) * 1000, ok))
                await asyncio.sleep(think * rng.uniform(0.5, 1.5))
    except Exception:
        tally.dropped += 1


class ProcessWatch:
    """CPU (% of one core) and RSS (MiB) of server processes, sampled every few seconds."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.samples: list[dict] = []
        self._last = (time.perf_counter(), self._cpu_seconds())

    def _cpu_seconds(self) -> float:
        total = 0.0
        tick = os.sysconf("SC_CLK_TCK")
        for pid in self.pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
        return total

    def sample(self, at: float) -> None:
        now, cpu = time.perf_counter(), self._cpu_seconds()
        last_t, last_cpu = self._last
        self._last = (now, cpu)
        rss = sum(r for p in self.pids if (r := rss_mb(p)) is not None)
        self.samples.append(
            {"at": round(at, 1), "cpu_pct": round((cpu - last_cpu) / (now - last_t) * 100, 1), "rss_mb": round(rss, 1)}
        )


def _summary(samples: list[Sample], seconds: float) -> dict:
    ms = sorted(s.ms for s in samples)
    if not ms:
        return {"runs": 0, "runs_per_s": 0.0, "errors": 0}
    return {
        "runs": len(ms),
        "runs_per_s": round(len(ms) / seconds, 2),
        "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.95))], 1),
        "max_ms": round(ms[-1], 1),
        "errors": sum(not s.ok for s in samples),
    }


async def load(
    url: str, pids: list[int], sessions: int, seconds: float, rounds: int, think: float, interval: float, seed: int = 1
) -> dict:
    """Run `rounds` rounds of `sessions` sessions for `seconds` each; return the measurements."""
    rng = random.Random(seed)
    watch = ProcessWatch(pids)
    start, cpu = time.perf_counter(), time.process_time()
    tally = Tally()
    results = {"rounds": [], "intervals": [], "process": watch.samples}

    async def sampler(until: float) -> None:
        while time.perf_counter() < until:
            await asyncio.sleep(min(interval, max(0.0, until - time.perf_counter())))
            watch.sample(time.perf_counter() - start)

    for r in range(rounds):
        round_start = time.perf_counter()
        until = round_start + seconds
        before = len(tally.samples)
        tasks = [_session(url, until, start, think, tally, random.Random(rng.random())) for _ in range(sessions)]
        await asyncio.gather(sampler(until), *tasks)
        done = tally.samples[before:]
        results["rounds"].append({"round": r + 1, **_summary(done, time.perf_counter() - round_start)})
        print(
            f"round {r + 1}: {results['rounds'][-1]}  process: {watch.samples[-1] if watch.samples else '-'}",
            flush=True,
        )
    total = time.perf_counter() - start
    edges = range(int(total // interval) + 1)
    for k in edges:
        part = [s for s in tally.samples if k * interval <= s.at < (k + 1) * interval]
        if part:
            span = min(interval, total - k * interval)
            results["intervals"].append({"from_s": k * interval, **_summary(part, span)})
    results["total"] = {**_summary(tally.samples, total), "dropped_sessions": tally.dropped}
    # the generator's own share of the machine (it competes with the servers for the same cores)
    results["total"]["generator_cpu_pct"] = round((time.process_time() - cpu) / total * 100, 1)
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.split("\n\n")[0])
    p.add_argument("--sessions", type=int, default=20)
    p.add_argument("--seconds", type=float, default=120, help="length of each round")
    p.add_argument("--rounds", type=int, default=1, help="rounds of new sessions (the last round's leave)")
    p.add_argument("--think", type=float, default=1.0, help="mean think time between steps (s)")
    p.add_argument("--interval", type=float, default=60, help="reporting interval (s)")
    p.add_argument("--processes", type=int, default=1, help="app processes to start (default 1)")
    p.add_argument("--proxy", action="store_true", help="nginx in front even of one process")
    p.add_argument("--url", help="a running server or proxy (local); default: start them here")
    p.add_argument("--pid", type=int, action="append", default=[], help="server process(es) to watch (--url)")
    p.add_argument("--out", type=Path, help="write the result as JSON")
    args = p.parse_args(argv)
    if not 1 <= args.sessions <= MAX_SESSIONS or args.seconds * args.rounds > MAX_SECONDS:
        raise SystemExit(f"load: at most {MAX_SESSIONS} sessions and {MAX_SECONDS} s in all")

    def go(url: str, pids: list[int]) -> dict:
        _local(url)
        return asyncio.run(load(url, pids, args.sessions, args.seconds, args.rounds, args.think, args.interval))

    meta = {
        "sessions": args.sessions,
        "seconds": args.seconds,
        "rounds": args.rounds,
        "think_s": args.think,
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
    }
    if args.url:
        result = go(args.url, args.pid)
    else:
        from contextlib import ExitStack

        from benchmarks.proxy import SERVE, nginx, proxy_config
        from benchmarks.server import _free_port
        from machi.core.build import build
        from machi.municipalities import MUNICIPALITIES

        with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
            procs = []
            for i in range(args.processes):
                db = Path(tmp) / f"p{i}" / "machi.duckdb"
                build(MUNICIPALITIES, db)
                log = ROOT / "artifacts" / "bench" / "logs" / "load-{port}.log"
                procs.append(stack.enter_context(server(ROOT / "app.py", {"MACHI_DB": str(db)}, log, command=SERVE)))
            url = procs[0].base
            if args.processes > 1 or args.proxy:
                port = _free_port()
                conf = proxy_config([p.base.removeprefix("http://") for p in procs], port, Path(tmp))
                url = stack.enter_context(nginx(conf, port))
            meta["processes"], meta["proxy"] = args.processes, url != procs[0].base
            result = go(url, [p.proc.pid for p in procs])
    result["meta"] = meta
    print(json.dumps(result["total"]))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
