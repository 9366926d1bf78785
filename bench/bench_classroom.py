"""A class on one small server: N students moving α, against a real ``streamlit run``.

    python bench/bench_classroom.py                  # N = 1, 10, 30; postScriptGC on and off
    python bench/bench_classroom.py --students 30 --gc off --changes 8
    python bench/bench_classroom.py --quick          # N = 1 and 10, 4 changes each
    python bench/bench_classroom.py --url http://127.0.0.1:8500 --students 60 --pid 123 456

Without ``--url`` the bench starts ``streamlit run app.py`` pinned to one core (``taskset -c
0``), on loopback only; the students run in this process on the other core. With ``--url`` it
targets a server that is already running (e.g. ``python deploy/launch.py``'s HAProxy in front
of replicas) and measures the processes named by ``--pid`` (CPU and memory per process; no
``--pid``: latencies only). Each student speaks Streamlit's websocket protocol the way the
browser does: it first GETs the page (behind the launcher's HAProxy that answer carries the
sticky cookie, which the websocket then sends back, and which says the student's replica),
then opens ``/_stcore/stream`` (subprotocol ``streamlit``), sends a ``BackMsg.rerun_script``
to load the page, then every ~2 s (±0.3 s, so they drift apart like a real class) a rerun
with the α select-slider's new value in ``widget_states`` (and the slider's fragment id, if
it sits in an ``st.fragment``). Like the browser, it tells the server which large messages
it already holds (``cached_message_hashes``), so the view's code is not sent again. A
change is done when its ``ForwardMsg.script_finished`` arrives. Loops are bounded:
``--changes`` α changes per student, then it disconnects.

Reported per (N, postScriptGC):

- α change p50 / p95   seconds from sending the change to its ``script_finished``
- KB per change        ForwardMsg bytes received for one change (median)
- CPU s / rerun        the server's user+system CPU over the class, per completed rerun
- peak RSS             the server's high-water mark (VmHWM) while the class ran
- RSS after            VmRSS once every student left and their sessions expired
                       (``server.disconnectedSessionTTL`` is set to 2 s here), against
                       the RSS after one warm-up student (``start``)
- students per replica with ``--url``: how the sticky cookie spread the class, and each
                       ``--pid``'s CPU per rerun, peak and final RSS

Figures are reported, never asserted. The machine is shared with other jobs: core 0 may be
busy with someone else's work; rerun when the numbers look off.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from bench.common import ALPHA, machine  # noqa: E402
from tests.e2e.helpers import running_server  # noqa: E402

THINK = 2.0  # seconds between a student's α changes
SESSION_TTL = 2  # seconds a disconnected session is kept (Streamlit's default is 120)
# α values a student picks from: the slider's options from 0.001 up.
ALPHAS = tuple(a for a in ALPHA.options if a >= 0.001)


def server(gc: bool, log: Path):
    """``streamlit run app.py`` on core 0, with short-lived sessions and the chosen GC."""
    options = ("--server.disconnectedSessionTTL", str(SESSION_TTL))
    options += ("--runner.postScriptGC", "true" if gc else "false")
    return running_server(log, options=options, prefix=("taskset", "-c", "0"))


def _status(pid: int, key: str) -> int:
    """A VmRSS/VmHWM line of /proc/pid/status, in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    return 0


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


COOKIE = "SRV"  # deploy/haproxy.cfg's sticky cookie: its value names the replica


def _first_get(base_url: str) -> str | None:
    """GET the page as a browser does first; return the ``Cookie`` header to send back."""
    with urllib.request.urlopen(base_url + "/", timeout=60) as r:
        r.read()
        cookies = [c.split(";", 1)[0] for c in r.headers.get_all("Set-Cookie") or []]
    return "; ".join(cookies) or None


@dataclass
class Student:
    """One browser session: gets the page, then over the websocket loads the script and
    moves α ``changes`` times."""

    base_url: str
    seed: int
    changes: int
    latencies: list = field(default_factory=list)
    change_bytes: list = field(default_factory=list)
    reruns: int = 0
    errors: list = field(default_factory=list)
    replica: str = "-"  # the sticky cookie's value behind the proxy; "-" without one
    cached: set = field(default_factory=set)  # hashes of large messages it holds
    fragment: str = ""  # the α slider's fragment id, when it sits in a fragment

    async def run(self) -> None:
        rng = random.Random(self.seed)
        cookie = await asyncio.to_thread(_first_get, self.base_url)
        if cookie:
            jar = dict(c.split("=", 1) for c in cookie.split("; "))
            self.replica = jar.get(COOKIE, "-")
        async with websockets.connect(
            self.base_url.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=60,
            additional_headers={"Cookie": cookie} if cookie else None,
            proxy=None,
        ) as ws:
            self.ws = ws
            alpha_id, _ = await self._rerun([])  # load the page
            if alpha_id is None:
                self.errors.append("no α slider on the page")
                return
            alpha = ALPHA.default
            await asyncio.sleep(rng.uniform(0, THINK))
            for _ in range(self.changes):
                alpha = rng.choice([a for a in ALPHAS if a != alpha])
                state = BackMsg().rerun_script.widget_states.widgets.add()
                state.id = alpha_id
                state.string_array_value.data.append(f"{alpha:g}")
                t0 = time.perf_counter()
                _, n_bytes = await self._rerun([state], self.fragment)
                self.latencies.append(time.perf_counter() - t0)
                self.change_bytes.append(n_bytes)
                await asyncio.sleep(max(0.0, THINK + rng.uniform(-0.3, 0.3) - self.latencies[-1]))

    async def _rerun(self, widgets, fragment: str = ""):
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_script_hash = ""
        msg.rerun_script.fragment_id = fragment
        msg.rerun_script.cached_message_hashes.extend(sorted(self.cached))
        for w in widgets:
            msg.rerun_script.widget_states.widgets.add().CopyFrom(w)
        await self.ws.send(msg.SerializeToString())
        alpha_id, n_bytes = None, 0
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), timeout=300)
            n_bytes += len(raw)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if fwd.metadata.cacheable:
                self.cached.add(fwd.hash)
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                el = fwd.delta.new_element
                if el.WhichOneof("type") == "slider" and el.slider.label == ALPHA.label:
                    alpha_id = el.slider.id
                    self.fragment = fwd.delta.fragment_id
            elif kind == "script_finished":
                self.reruns += 1
                return alpha_id, n_bytes


async def _class(base_url: str, n: int, changes: int) -> list[Student]:
    students = [Student(base_url.rstrip("/"), seed=k, changes=changes) for k in range(n)]
    results = await asyncio.gather(*(s.run() for s in students), return_exceptions=True)
    for s, r in zip(students, results, strict=True):
        if isinstance(r, BaseException):
            s.errors.append(repr(r))
    return students


def _pct(values, q) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def _figures(students: list[Student], cpu: float) -> dict:
    """The latencies, bytes and CPU per rerun of one class."""
    lat = [x for s in students for x in s.latencies]
    reruns = sum(s.reruns for s in students)
    return {
        "p50": _pct(lat, 0.5) if lat else float("nan"),
        "p95": _pct(lat, 0.95) if lat else float("nan"),
        "kb": statistics.median(b for s in students for b in s.change_bytes) / 1e3 if lat else 0,
        "cpu_per_rerun": cpu / max(1, reruns),
        "reruns": reruns,
        "errors": [e for s in students for e in s.errors],
    }


def measure(n: int, gc: bool, changes: int, log_dir: Path) -> dict:
    with server(gc, log_dir / f"server-n{n}-gc{int(gc)}.log") as (proc, url):
        pid = proc.pid
        asyncio.run(_class(url, 1, 1))  # warm-up: imports, first run, caches
        time.sleep(SESSION_TTL + 3)
        start_rss = _status(pid, "VmRSS")
        cpu0 = _cpu(pid)
        students = asyncio.run(_class(url, n, changes))
        cpu = _cpu(pid) - cpu0
        peak = _status(pid, "VmHWM")
        time.sleep(SESSION_TTL + 8)  # sessions expire; Streamlit checks every few seconds
        after_rss = _status(pid, "VmRSS")
    return {
        "n": n,
        "gc": gc,
        **_figures(students, cpu),
        "start_mb": start_rss / 1e6,
        "peak_mb": peak / 1e6,
        "after_mb": after_rss / 1e6,
    }


def measure_running(url: str, n: int, changes: int, pids: list[int]) -> dict:
    """A class against a server someone else started (``--url``); ``pids`` are its
    processes (the replicas behind a proxy), measured one by one."""
    asyncio.run(_class(url, max(1, len(pids)), 1))  # warm-up: each replica's first run
    start = {pid: _status(pid, "VmRSS") for pid in pids}
    cpu0 = {pid: _cpu(pid) for pid in pids}
    students = asyncio.run(_class(url, n, changes))
    cpu = {pid: _cpu(pid) - cpu0[pid] for pid in pids}
    replicas = [
        {
            "pid": pid,
            "cpu_s": cpu[pid],
            "start_mb": start[pid] / 1e6,
            "peak_mb": _status(pid, "VmHWM") / 1e6,
            "end_mb": _status(pid, "VmRSS") / 1e6,
        }
        for pid in pids
    ]
    return {
        "n": n,
        **_figures(students, sum(cpu.values())),
        "spread": Counter(s.replica for s in students),
        "replicas": replicas,
    }


def _report_running(r: dict, url: str) -> None:
    spread = ", ".join(f"{k}: {v}" for k, v in sorted(r["spread"].items()))
    print(f"target {url}: {r['n']} students ({spread})")
    print(
        f"  α change p50 {r['p50']:.2f} s, p95 {r['p95']:.2f} s; {r['kb']:.1f} KB/change; "
        f"{r['reruns']} reruns; errors: {len(r['errors'])}"
    )
    if r["replicas"]:
        print(f"  CPU s/rerun over every process: {r['cpu_per_rerun']:.3f}")
    for p in r["replicas"]:
        print(
            f"  pid {p['pid']}: CPU {p['cpu_s']:.1f} s, RSS start {p['start_mb']:.0f} MB, "
            f"peak {p['peak_mb']:.0f} MB, end {p['end_mb']:.0f} MB"
        )
    for e in sorted(set(r["errors"]))[:3]:
        print(f"    error: {e}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--students", type=int, nargs="*", default=[1, 10, 30])
    ap.add_argument("--gc", choices=["on", "off", "both"], default="both")
    ap.add_argument("--changes", type=int, default=8, help="α changes per student")
    ap.add_argument("--quick", action="store_true", help="N = 1 and 10, 4 changes each")
    ap.add_argument("--url", help="a running server or proxy to target instead of starting one")
    ap.add_argument("--pid", type=int, nargs="*", default=[], help="with --url: its processes")
    args = ap.parse_args()
    if args.quick:
        args.students, args.changes = [1, 10], 4
    print(f"bench_classroom: {machine()}")
    if args.url:
        for n in args.students:
            _report_running(measure_running(args.url, n, args.changes, args.pid), args.url)
        return
    os.sched_setaffinity(0, {1} if os.cpu_count() > 1 else {0})  # students off the server's core
    log_dir = Path(os.environ.get("TMPDIR", "/tmp")) / "bench-classroom"
    log_dir.mkdir(exist_ok=True)
    gcs = {"on": [True], "off": [False], "both": [True, False]}[args.gc]
    print(
        f"{'N':>3} {'postScriptGC':>12} {'p50 s':>7} {'p95 s':>7} {'KB/chg':>7} "
        f"{'CPU s/rerun':>11} {'reruns':>6} {'start MB':>8} {'peak MB':>8} {'after MB':>8}"
    )
    for n in args.students:
        for gc in gcs:
            r = measure(n, gc, args.changes, log_dir)
            print(
                f"{r['n']:>3} {'on' if r['gc'] else 'off':>12} {r['p50']:>7.2f} {r['p95']:>7.2f} "
                f"{r['kb']:>7.1f} {r['cpu_per_rerun']:>11.3f} {r['reruns']:>6} "
                f"{r['start_mb']:>8.0f} {r['peak_mb']:>8.0f} {r['after_mb']:>8.0f}",
                flush=True,
            )
            for e in sorted(set(r["errors"]))[:3]:
                print(f"    error: {e}")
    print(f"server logs: {log_dir}")


if __name__ == "__main__":
    main()
