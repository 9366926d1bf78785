"""The live view's JavaScript without a browser: its node unit tests, and its formatter,
features and σ held to neuron_core's over thousands of values (node, no Chromium).

``node --test tests/js`` runs the ``*.test.mjs`` files beside this one; they import the same
module files the view is built from (neuron_core/figures/live_view_js/).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

import neuron_core as nc
from neuron_core import number_format
from neuron_core.features import expand_features
from neuron_core.figures.live_view import live_view_payload
from neuron_core.figures.narration import WORDS
from tests.node import run_node

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def test_the_node_unit_tests_pass():
    done = run_node("--test", str(HERE.relative_to(ROOT)), cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "# fail 0" in done.stdout and "# pass 0" not in done.stdout


def _values() -> list[float]:
    """Extremes, rounding edges, exact ties, negatives and a log-uniform spread."""
    rng = np.random.default_rng(0)
    edges = [0.0, -0.0, 1e-5, 1e-4, 9.99995e-5, 0.000126, 0.21, 1 / 3, 2 / 3, math.pi]
    edges += [7.0, 12345.6, 99999.4, 99999.5, 99999.7, 99995.0, 1e5, 125000.0, 3.1e300]
    edges += [1.7976931348623157e308, 5e-324, 1e-300, 2.0**53, 2.0**60 + 2**10, 1.5e-7]
    ties = [
        k / 2**j * 10.0**e for k in (1, 3, 5, 25, 125) for j in (1, 3, 5) for e in (-3, 0, 2, 5)
    ]
    nines = [1 - 10.0**-d for d in range(1, 17)] + [10.0**e * 0.99995 for e in range(-6, 7)]
    spread = 10.0 ** rng.uniform(-12, 12, 1500)
    rounded = [
        round(v, int(d))
        for v, d in zip(10.0 ** rng.uniform(-5, 6, 500), rng.integers(0, 6, 500), strict=True)
    ]
    values = [*edges, *ties, *nines, *spread, *rounded]
    return [s * v for v in values for s in (1, -1)]


def _fixture() -> tuple[dict, dict]:
    """(what node gets, what Python says), for the formatter, the features and σ."""
    values = _values()
    special = [math.nan, math.inf, -math.inf]
    number_cases = [(v, sig) for v in values for sig in (1, 2, 3, 4, 6)]
    number_cases += [(v, 4) for v in special]
    gaps = [(c, o) for c, o in zip(values[::7], values[3::7], strict=False)]
    gaps += [(0.3, None), (0.3, 0.3 + 1e-12), (math.inf, 0.3), (0.2, 0.2)]
    shares = [k / m for m in (3, 7, 8, 16, 40, 64, 150, 200) for k in range(m + 1)]
    run = nc.run_experiment(
        nc.prepare(nc.make_dataset("moons", 40, 0.1, seed=0), nc.FEATURES, True, 0.0),
        alpha=0.5,
        epochs=2,
    )
    table = live_view_payload(run)["meta"]["feature_table"]
    rng = np.random.default_rng(1)
    points = np.vstack([rng.normal(0, 3, (200, 2)), [[0, 0], [-1e150, 1e150], [1e-300, -7]]])
    z = [*np.linspace(-40, 40, 161), -800.0, 800.0, -745.0, 709.78, -1e-9, 1e-9, 36.7, -36.7]
    r = repr
    node = {
        "numbers": {
            "small": number_format.SMALL,
            "large": number_format.LARGE,
            "at_optimum": number_format.AT_OPTIMUM,
        },
        "number": [[r(float(v)), sig] for v, sig in number_cases],
        "gap": [[r(float(c)), None if o is None else r(float(o))] for c, o in gaps],
        "percent": [r(float(s)) for s in shares],
        "feature_table": table,
        "points": [[r(float(a)), r(float(b))] for a, b in points],
        "z": [r(float(v)) for v in z],
    }
    python = {
        "number": [number_format.number(v, sig) for v, sig in number_cases],
        "gap": ["no J* (separable)" if o is None else number_format.gap(c, o) for c, o in gaps],
        "percent": [number_format.percent(s) for s in shares],
        "features": expand_features(points, [row["name"] for row in table]).T,
        "sigmoid": nc.sigmoid(np.array(z)),
        "cases": {"number": number_cases, "gap": gaps, "percent": shares},
    }
    return node, python


@pytest.fixture(scope="module")
def parity(tmp_path_factory):
    node, python = _fixture()
    path = tmp_path_factory.mktemp("parity") / "fixture.json"
    path.write_text(json.dumps(node), encoding="utf-8")
    done = run_node(str(HERE / "parity.mjs"), str(path), cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), python


@pytest.mark.parametrize("kind", ["number", "gap", "percent"])
def test_the_view_writes_numbers_as_python_does(parity, kind):
    js, py = parity
    cases = py["cases"][kind]
    wrong = [(c, a, b) for c, a, b in zip(cases, js[kind], py[kind], strict=True) if a != b]
    assert len(cases) > 30 and wrong[:10] == [], f"{len(wrong)} of {len(cases)} differ"


def test_the_view_expands_features_as_python_does(parity):
    js, py = parity
    got = np.array([[float(v) for v in col] for col in js["features"]])
    np.testing.assert_allclose(got, py["features"], rtol=1e-15, atol=0)


def test_the_view_computes_sigma_as_python_does(parity):
    js, py = parity
    # atol: at z = −745 one side rounds e^z to the smallest subnormal, the other to 0.
    got = [float(v) for v in js["sigmoid"]]
    np.testing.assert_allclose(got, py["sigmoid"], rtol=1e-15, atol=1e-320)


def test_the_view_says_a_run_in_narrations_words_with_pythons_numbers(tmp_path):
    run = nc.run_experiment(
        nc.prepare(nc.make_dataset("moons", 60, 0.1, seed=0), ["x1", "x2"], True, 0.25),
        alpha=2.0,
        epochs=30,
    )
    payload = live_view_payload(run)
    data = {"meta": payload["meta"], "f32": payload["f32"].tolist(), "f64": payload["f64"].tolist()}
    path = tmp_path / "words.json"
    path.write_text(json.dumps({"data": data, "words": WORDS}), encoding="utf-8")
    done = run_node(str(HERE / "words_check.mjs"), str(path), cwd=ROOT)
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout)
    # Every {slot} in every sentence is one the view fills (or the run sentence's "changed").
    texts = [v for v in WORDS.values() if isinstance(v, str)]
    texts += [*WORDS["changed"].values(), *WORDS["trend"].values()]
    used = {m for text in texts for m in re.findall(r"\{(\w+)\}", text)}
    assert used - {"changed"} <= set(said["slots"]), used - set(said["slots"])
    h, num, pct = run.history, number_format.number, number_format.percent
    assert said["valuetext"] == (
        f"epoch 1 of 30, cost {num(h.cost[1])}, accuracy {pct(h.accuracy[1])}"
    )
    assert said["run"] == (
        f"α = 2, inputs x1, x2: the cost falls from {num(h.cost[0])} to {num(h.cost[-1])} in 30 "
        f"epochs; {pct(h.accuracy[-1])} of the training points are on the right side."
    )


@pytest.mark.parametrize(
    ("features", "standardize", "l2", "test"),
    [
        (("x1", "x2"), True, 0.0, 0.25),
        (("x2", "x1"), False, 0.0, 0.0),
        (nc.FEATURES, True, 0.05, 0.3),
        (("x1", "x1^2", "sin(x2)"), False, 0.3, 0.2),
    ],
    ids=["line-standardised", "line-raw-no-test", "all-seven-l2", "curved-raw-l2"],
)
def test_the_views_cost_of_a_hand_set_neuron_is_neuron_cores(
    tmp_path, features, standardize, l2, test
):
    """J of any (w, b) on the run's training rows, as the view computes it for a neuron set by
    hand (hand.mjs, from the payload's float64 points), equals nc.cost to 1e-9."""
    data = nc.make_dataset("moons", 240, 0.2, seed=3)
    prep = nc.prepare(data, features, standardize, test, seed=1)
    run = nc.run_experiment(prep, alpha=0.5, epochs=20, l2=l2)
    payload = live_view_payload(run)
    rng = np.random.default_rng(7)
    n = len(features)
    neurons = [{"w": [0.0] * n, "b": 0.0}, {"w": list(run.history.w[-1]), "b": run.history.b[-1]}]
    neurons += [{"w": list(rng.normal(0, s, n)), "b": float(rng.normal(0, s))} for s in (1, 10, 80)]
    data_js = {
        "meta": payload["meta"],
        "f32": payload["f32"].tolist(),
        "f64": payload["f64"].tolist(),
    }
    path = tmp_path / "hand.json"
    path.write_text(json.dumps({"data": data_js, "neurons": neurons}), encoding="utf-8")
    done = run_node(str(HERE / "hand_check.mjs"), str(path), cwd=ROOT)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    for neuron, js in zip(neurons, got, strict=True):
        w, b = np.array(neuron["w"]), neuron["b"]
        J = nc.cost(w, b, prep.F_train, prep.y_train, l2)
        assert abs(js["train"]["cost"] - J) <= 1e-9 * max(1.0, abs(J)), (neuron, js, J)
        acc = np.mean((prep.F_train @ w + b >= 0) == (prep.y_train > 0.5))
        assert js["train"]["acc"] == pytest.approx(acc, abs=1e-15)
        if test:
            Jt = nc.cost(w, b, prep.F_test, prep.y_test, l2)
            assert abs(js["test"]["cost"] - Jt) <= 1e-9 * max(1.0, abs(Jt))
