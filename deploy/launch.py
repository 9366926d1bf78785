"""A school's setup on one machine: N Streamlit replicas behind HAProxy, one command.

    python deploy/launch.py                      # one replica per core, proxy on 127.0.0.1:8500
    python deploy/launch.py --replicas 2 --pin   # each replica pinned to its own core
    python deploy/launch.py --host 0.0.0.0       # reachable from the classroom's network

Each replica is ``streamlit run app.py`` on a loopback port of its own; HAProxy (Debian's
``haproxy`` package) listens on ``--host:--port`` with the repo's ``deploy/haproxy.cfg``
(cookie stickiness, websocket tunnel, health checks on ``/_stcore/health``) plus one
``server`` line per replica. Every replica gets the same ``server.cookieSecret`` (the
``STREAMLIT_SERVER_COOKIE_SECRET`` environment variable if set, else a fresh random one), so
a browser that moves to another replica still passes Streamlit's XSRF check on uploads.

Ctrl-C or SIGTERM stops everything this started (HAProxy first, then the replicas). A
replica that dies is reported and left out by HAProxy's health checks; its learners reconnect
to a live one. ``--state FILE`` writes the proxy's address and each replica's port and process
id as JSON once everything answers (for tests and ``bench/bench_classroom.py --pid``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "deploy" / "haproxy.cfg"
HEALTH = "/_stcore/health"
START_SECONDS = 120  # a cold replica imports numpy, scikit-learn and Streamlit


class Stop(Exception):
    """Ctrl-C or SIGTERM: stop everything we started."""


def _stop_on_signal(signum, frame):
    raise Stop(signal.Signals(signum).name)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + HEALTH, timeout=2) as r:
            return r.read().strip() == b"ok"
    except OSError:
        return False


def start(cmd: list[str], log: Path, env: dict) -> subprocess.Popen:
    """A child in its own process group (so stopping it stops its children too)."""
    with open(log, "wb") as out:
        return subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def stop(procs: list[subprocess.Popen]) -> None:
    """SIGTERM each process group, wait, then SIGKILL what is left."""
    for p in procs:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(p.pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    for p in procs:
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(p.pid, signal.SIGKILL)
            p.wait()


def replica_command(port: int, core: int | None, extra: list[str]) -> list[str]:
    pin = ["taskset", "-c", str(core)] if core is not None and shutil.which("taskset") else []
    return [
        *pin,
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",  # no source edits to watch: the poller would cost CPU
        "none",
        *extra,
    ]


def haproxy_config(ports: list[int]) -> str:
    """The repo's haproxy.cfg with one sticky ``server`` line per replica appended."""
    servers = "".join(
        f"    server s{k} 127.0.0.1:{port} cookie s{k} check\n"
        for k, port in enumerate(ports, start=1)
    )
    return CONFIG.read_text() + servers


def wait_until(ready, procs, what: str, logs) -> None:
    """Poll ``ready()`` until it holds; fail early when a process exits."""
    deadline = time.monotonic() + START_SECONDS
    while not ready():
        for p, log in zip(procs, logs, strict=True):
            if p.poll() is not None:
                tail = Path(log).read_text(errors="replace")[-2000:]
                raise RuntimeError(f"{what}: a process exited with code {p.returncode}\n{tail}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what}: not ready after {START_SECONDS} s (logs: {logs})")
        time.sleep(0.2)


def main(argv=None) -> int:
    cores = sorted(os.sched_getaffinity(0))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--replicas", type=int, default=len(cores), help="default: one per core")
    ap.add_argument("--host", default="127.0.0.1", help="where the proxy listens")
    ap.add_argument("--port", type=int, default=8500, help="the proxy's port")
    ap.add_argument("--pin", action="store_true", help="pin replica k to core k (taskset)")
    ap.add_argument("--logs", type=Path, help="folder for the logs (default: a temp folder)")
    ap.add_argument("--state", type=Path, help="write addresses and process ids here as JSON")
    ap.add_argument("streamlit_options", nargs="*", help="after --: more streamlit run flags")
    args = ap.parse_args(argv)
    haproxy = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")
    if not haproxy:
        print("HAProxy not found: install it (Debian: apt-get install haproxy)", file=sys.stderr)
        return 2
    if args.replicas < 1:
        print("--replicas must be at least 1", file=sys.stderr)
        return 2
    logs = args.logs or Path(tempfile.mkdtemp(prefix="neuron-playground-"))
    logs.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))  # one for all
    env["NP_BIND"] = f"{args.host}:{args.port}"

    signal.signal(signal.SIGTERM, _stop_on_signal)
    signal.signal(signal.SIGINT, _stop_on_signal)
    replicas, proxy = [], []
    try:
        ports = [free_port() for _ in range(args.replicas)]
        replica_logs = [logs / f"replica-s{k}.log" for k in range(1, args.replicas + 1)]
        for k, (port, log) in enumerate(zip(ports, replica_logs, strict=True)):
            core = cores[k % len(cores)] if args.pin else None
            replicas.append(start(replica_command(port, core, args.streamlit_options), log, env))
        urls = [f"http://127.0.0.1:{p}" for p in ports]
        wait_until(lambda: all(map(healthy, urls)), replicas, "replicas", replica_logs)

        config = logs / "haproxy.cfg"
        config.write_text(haproxy_config(ports))
        subprocess.run([haproxy, "-c", "-q", "-f", str(config)], env=env, check=True)
        proxy.append(start([haproxy, "-db", "-f", str(config)], logs / "haproxy.log", env))
        local = "127.0.0.1" if args.host in ("0.0.0.0", "::", "") else args.host
        url = f"http://{local}:{args.port}"
        wait_until(lambda: healthy(url), proxy, "haproxy", [logs / "haproxy.log"])

        state = {
            "url": url,
            "haproxy_pid": proxy[0].pid,
            "logs": str(logs),
            "replicas": [
                {"name": f"s{k}", "port": port, "pid": p.pid}
                for k, (port, p) in enumerate(zip(ports, replicas, strict=True), start=1)
            ],
        }
        if args.state:
            tmp = args.state.with_suffix(".tmp")
            tmp.write_text(json.dumps(state, indent=2))
            tmp.replace(args.state)  # whole or absent: a reader never sees half a file
        print(f"Neuron Playground on {url} ({args.replicas} replicas; logs in {logs})")
        for r in state["replicas"]:
            print(f"  replica {r['name']}: 127.0.0.1:{r['port']}, pid {r['pid']}")
        print("Ctrl-C stops everything.", flush=True)

        reported = set()
        while proxy[0].poll() is None:
            for name, p in zip((r["name"] for r in state["replicas"]), replicas, strict=True):
                if p.poll() is not None and name not in reported:
                    reported.add(name)
                    print(f"replica {name} exited (code {p.returncode}); HAProxy skips it")
            time.sleep(1)
        print(f"HAProxy exited (code {proxy[0].returncode}); stopping", file=sys.stderr)
        return 1
    except Stop:
        return 0
    except (RuntimeError, subprocess.CalledProcessError) as err:
        print(err, file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut this short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop(proxy + replicas)


if __name__ == "__main__":
    sys.exit(main())
