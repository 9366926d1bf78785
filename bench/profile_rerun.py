"""Where the server's CPU of an α change goes: a small class against ``streamlit run``, sampled.

    python bench/profile_rerun.py                 # 10 students, 8 α changes each
    python bench/profile_rerun.py --students 30 --top 60 --match playground

Starts the server as `bench/bench_classroom.py` does (one core, ``runner.postScriptGC``
off), loads the page once per student, then samples the server with py-spy (``pip install
py-spy``; it is not a project dependency) while the students move α, and prints the
functions that held the GIL most often, inclusive of what they call (the script thread, the
event loop sending messages, Streamlit's own work), as shares of all samples. With
``--match`` only frames whose text contains it are listed. ``--raw FILE`` keeps py-spy's
collapsed stacks for other tools. The CPU per rerun it prints is inflated by the sampling;
compare figures with `bench/bench_classroom.py`, use this one to see what to cut.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_classroom import _class, _cpu, server  # noqa: E402
from bench.common import machine  # noqa: E402


def inclusive(raw: Path) -> tuple[int, collections.Counter]:
    """(samples, samples per frame name counted once per stack) from py-spy's raw output."""
    total, counts = 0, collections.Counter()
    for line in raw.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        total += int(n)
        frames = {re.sub(r":\d+\)$", ")", f) for f in stack.split(";")}
        for f in frames:
            counts[f] += int(n)
    return total, counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--students", type=int, default=10)
    ap.add_argument("--changes", type=int, default=8, help="α changes per student")
    ap.add_argument("--top", type=int, default=45, help="how many frames to list")
    ap.add_argument("--match", default="", help="list only frames containing this text")
    ap.add_argument("--raw", type=Path, help="keep py-spy's collapsed stacks here")
    args = ap.parse_args()
    spy = shutil.which("py-spy")
    if not spy:
        sys.exit("py-spy is not installed: pip install py-spy")
    print(f"profile_rerun: {machine()}")
    os.sched_setaffinity(0, {1} if os.cpu_count() > 1 else {0})
    tmp = Path(tempfile.mkdtemp(prefix="profile-rerun-"))
    raw = args.raw or tmp / "stacks.txt"
    with server(False, tmp / "server.log") as (proc, url):
        asyncio.run(_class(url, 1, 1))  # warm-up: imports, first run, caches
        command = [spy, "record", "-p", str(proc.pid), "-r", "250", "-f", "raw", "-o", str(raw)]
        sampler = subprocess.Popen(
            [*command, "--nonblocking", "--gil"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.5)  # py-spy attaches
        cpu0 = _cpu(proc.pid)
        students = asyncio.run(_class(url, args.students, args.changes))
        cpu = _cpu(proc.pid) - cpu0
        sampler.send_signal(2)  # py-spy writes its file on Ctrl-C
        sampler.wait(timeout=60)
    reruns = sum(s.reruns for s in students)
    errors = [e for s in students for e in s.errors]
    print(f"{reruns} reruns (page loads included), CPU {cpu / max(1, reruns):.4f} s each "
          f"under sampling; errors: {len(errors)}")  # fmt: skip
    total, counts = inclusive(raw)
    print(f"{total} samples holding the GIL; share of them per frame, inclusive:")
    listed = [(f, n) for f, n in counts.most_common() if args.match in f][: args.top]
    for frame, n in listed:
        print(f"{n / total:6.1%}  {frame[:140]}")


if __name__ == "__main__":
    main()
