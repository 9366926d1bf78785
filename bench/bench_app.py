"""How heavy the Playground is per rerun: script time after an α change, bytes of the view sent.

    python bench/bench_app.py              # defaults and maxima, 5 repeats each
    python bench/bench_app.py --repeats 9
    python bench/bench_app.py --quick      # 2 repeats, for a smoke run
    python bench/bench_app.py --one-blas-thread   # OpenBLAS limited to one thread

Everything runs in Streamlit's AppTest, in one process, so the rows compare:

- rerun after α change   wall time of the whole script (app.py, sidebar, Playground page)
                         after moving the α slider to a value not seen before, so the
                         cached run misses and the neuron retrains; median of the repeats,
                         after one warm-up change
- (cpu s)                CPU seconds the process spent on that rerun: near the wall time
                         on an idle machine, and much less affected by other jobs
- rerun, cached α        the same, moving α back to a value already trained (cache hit)
- view bytes             size of the live view's element (its JS and CSS, the run's history
                         as Arrow), the bulk of what goes to the browser when α changes
                         (largest over the α values); the reference: its Plotly figure JSON
- train / build / send   the parts done outside Streamlit: `run_experiment`,
                         `live_view_payload` and Streamlit's serialisation of it (Arrow),
                         timed directly

Reference rows in the same run: an AppTest rerun of a tiny app drawing one Plotly line of
300 points (what any chart costs here), and bare imports are excluded by the warm-up.
Targets: server CPU per α change ≤ 60 ms and ≤ 60 KB at the defaults; ≤ 400 KB at the
maxima (2 000 points, 5 000 epochs, all seven features). The machine is shared; rerun
when another heavy job is running and the times look off.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from anywhere
if "--one-blas-thread" in sys.argv:  # must happen before numpy loads OpenBLAS
    os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = "1"

from streamlit.components.v2.bidi_component.serialization import (  # noqa: E402
    serialize_mixed_data,
)
from streamlit.proto.BidiComponent_pb2 import BidiComponent  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

# Outside a server Streamlit warns about every cache ui declares and every AppTest made
# (no runtime, no script context); AppTest resets the log level, so mute those two loggers.
for _name in ("caching.cache_data_api", "scriptrunner_utils.script_run_context"):
    logging.getLogger(f"streamlit.runtime.{_name}").disabled = True

import neuron_core as nc  # noqa: E402
from bench.common import DEFAULTS, MAXIMA, machine  # noqa: E402
from neuron_core.figures.live_view import live_view_payload  # noqa: E402
from neuron_core.links import link_pairs  # noqa: E402
from tests.apptest import use_navigation  # noqa: E402

# α values the repeats step through: each one new to the cache (max 32 entries).
FRESH_ALPHAS = (0.3, 0.7, 1.0, 0.2, 1.5, 0.15, 2.0, 0.1, 3.0, 0.07, 5.0)

SCENARIOS = {
    "defaults": dict(values={}, target_cpu=0.06, target_mb=0.06),
    "maxima": dict(values=MAXIMA, target_cpu=None, target_mb=0.4),
}

REFERENCE_APP = """
import numpy as np, plotly.graph_objects as go, streamlit as st
a = st.select_slider("a", [0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 5.0, 7.0, 10.0], 0.5)
x = np.arange(300)
st.plotly_chart(go.Figure(go.Scatter(x=x, y=np.exp(-a * x / 100))), key="c")
"""


use_navigation()


def spec_bytes(at) -> int:
    """Bytes of the page's chart element: the live view's, else the first Plotly figure's."""
    if view := at.get("bidi_component"):
        return len(view[0].proto.SerializeToString())
    return len(at.get("plotly_chart")[0].proto.spec.encode())


def timed_rerun(at, key, value, sizes=None, cpu=None) -> float:
    widget = at.select_slider(key=key).set_value(value)
    t, c = time.perf_counter(), time.process_time()
    widget.run()
    dt = time.perf_counter() - t
    if cpu is not None:  # CPU seconds of this process: what the rerun costs a shared machine
        cpu.append(time.process_time() - c)
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    if sizes is not None:
        sizes.append(spec_bytes(at))
    return dt


def bench_app(values: dict, repeats: int) -> dict:
    """The whole script in AppTest, opened on a link to ``values``: α changes, new and cached."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update(dict(link_pairs(values)))
    at.run()
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    if "epochs" in values and at.select_slider(key="epochs").value != values["epochs"]:
        raise RuntimeError("the link did not reach the sidebar")
    alphas = iter(FRESH_ALPHAS)
    timed_rerun(at, "alpha", next(alphas))  # warm-up: imports, first-call caches
    sizes = [spec_bytes(at)]
    cpu = []
    fresh = [timed_rerun(at, "alpha", next(alphas), sizes, cpu) for _ in range(repeats)]
    cached = [timed_rerun(at, "alpha", a) for a in FRESH_ALPHAS[1 : repeats + 1]]
    # Bytes depend on α through the number of sampled frames: report the largest seen.
    return dict(
        fresh=statistics.median(fresh),
        cpu=statistics.median(cpu),
        cached=statistics.median(cached),
        bytes=max(sizes),
    )


def bench_parts(values: dict, repeats: int) -> dict:
    """Train, build and serialise outside Streamlit (median seconds)."""
    s = {**DEFAULTS, **values}
    data = nc.make_dataset(s["dataset"], s["points"], s["noise"], s["seed"])
    prep = nc.prepare(data, s["features"], s["standardize"], s["test"] / 100, seed=s["seed"])
    train, build, js = [], [], []
    for a in FRESH_ALPHAS[:repeats]:
        t0 = time.perf_counter()
        run = nc.run_experiment(prep, alpha=a, epochs=s["epochs"])
        t1 = time.perf_counter()
        payload = live_view_payload(run)
        t2 = time.perf_counter()
        proto = BidiComponent()
        serialize_mixed_data(payload, proto)
        t3 = time.perf_counter()
        train.append(t1 - t0)
        build.append(t2 - t1)
        js.append(t3 - t2)
    med = statistics.median
    return dict(train=med(train), build=med(build), json=med(js), bytes=proto.ByteSize())


def bench_reference(repeats) -> dict:
    at = AppTest.from_string(REFERENCE_APP, default_timeout=60).run()
    values = (0.2, 0.3, 0.7, 1.0, 1.5, 2.0, 3.0, 5.0, 7.0, 10.0)
    at.select_slider[0].set_value(0.1).run()  # warm-up
    times = []
    for v in values[:repeats]:
        widget = at.select_slider[0].set_value(v)
        t = time.perf_counter()
        widget.run()
        times.append(time.perf_counter() - t)
    return dict(fresh=statistics.median(times), bytes=spec_bytes(at))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="2 repeats")
    parser.add_argument(
        "--one-blas-thread",
        action="store_true",
        help="limit OpenBLAS to one thread (as a small shared host should)",
    )
    args = parser.parse_args(argv)
    repeats = 2 if args.quick else max(1, min(args.repeats, len(FRESH_ALPHAS) - 1))
    warnings.simplefilter("ignore")  # Streamlit's "no runtime" notes are not results

    print(f"bench_app: {repeats} repeats, medians; {machine()}")
    header = (
        f"{'scenario':<10} {'rerun α new':>12} {'(cpu s)':>8} {'rerun α cached':>15} "
        f"{'view MB':>10} {'train s':>8} {'build s':>8} {'send s':>7}   target"
    )
    print(header)
    print("-" * len(header))
    ref = bench_reference(repeats)
    print(
        f"{'reference':<10} {ref['fresh']:>12.3f} {'':>8} {'':>15} {ref['bytes'] / 1e6:>10.3f} "
        f"{'':>8} {'':>8} {'':>7}   one 300-point Plotly line in a 3-line app"
    )
    for name, sc in SCENARIOS.items():
        app = bench_app(sc["values"], repeats)
        parts = bench_parts(sc["values"], repeats)
        cpu_ok = sc["target_cpu"] is None or app["cpu"] <= sc["target_cpu"]
        ok = cpu_ok and app["bytes"] / 1e6 <= sc["target_mb"]
        verdict = "met" if ok else "MISSED"
        cpu_target = f"cpu ≤ {sc['target_cpu']} s, " if sc["target_cpu"] else ""
        print(
            f"{name:<10} {app['fresh']:>12.3f} {app['cpu']:>8.3f} {app['cached']:>15.3f} "
            f"{app['bytes'] / 1e6:>10.3f} {parts['train']:>8.3f} {parts['build']:>8.3f} "
            f"{parts['json']:>7.3f}   {cpu_target}≤ {sc['target_mb']} MB: {verdict}"
        )
    print(
        "\nrerun = whole script in AppTest, which also recompiles the scripts each run (a live "
        "server caches their bytecode) and parses every message; the reference row shows that "
        "floor. train/build/send = the core and the view's payload, timed without Streamlit."
    )


if __name__ == "__main__":
    main()
