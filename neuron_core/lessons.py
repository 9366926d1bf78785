"""Lesson presets: one table of classroom scenarios, each with a claim the tests check.

A preset sets every shared control (the keys of `CONTROLS`), says what to notice and what
to ask the class, and states a claim as data: a measured quantity of the run (or of a
variant run with a few controls changed), a comparison and a threshold. `check_claims`
trains the runs with `neuron_core` and says whether each claim holds, so a preset's text
cannot drift away from what the app shows.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field

import numpy as np

from .controls import BY_KEY as CONTROL_BY_KEY
from .controls import RUN_KEYS, allows, defaults, settings_from
from .datasets import make_dataset
from .experiment import Run, run_for
from .verdict import run_verdict

# The shared controls a preset sets (the run controls of the controls table), and the
# values a preset starts from before its own changes: the table's defaults.
CONTROLS = RUN_KEYS
_BASE = defaults()


def _norms(run: Run):
    return np.linalg.norm(run.history.w, axis=1)


def _gap_fraction(run: Run) -> float:
    h, opt = run.history, run.optimum
    if not opt.finite:
        return float("nan")
    return float((h.cost[-1] - opt.cost) / (h.cost[0] - opt.cost))


# What a claim can measure on a run, each a plain float.
METRICS = {
    "train_accuracy": lambda r: float(r.history.accuracy[-1]),
    "diverged": lambda r: float(r.history.diverged_at is not None),
    # (J_end − J*) / (J_0 − J*): 0 at the optimum, 1 where it started.
    "gap_fraction": _gap_fraction,
    "cost_rises": lambda r: float(np.sum(np.diff(r.history.cost) > 1e-9)),
    "final_over_initial_cost": lambda r: float(r.history.cost[-1] / r.history.cost[0]),
    # ‖w‖ at the last epoch over ‖w‖ halfway: > 1 while the weights still grow.
    "weight_growth": lambda r: float(_norms(r)[-1] / _norms(r)[len(r.history.cost) // 2]),
    "optimum_finite": lambda r: float(r.optimum.finite),
    # converged / crawling / oscillating / diverged: the one verdict every page shows.
    "verdict": lambda r: run_verdict(r).kind,
    "test_minus_train_cost": lambda r: float(r.history.test_cost[-1] - r.history.cost[-1]),
}
# What each claim checks, in a teacher's words: (metric, op) → a sentence with {v}.
SENTENCES = {
    ("train_accuracy", ">="): "the neuron gets at least {pct} of the training points right",
    ("train_accuracy", "<="): "the neuron gets at most {pct} of the training points right",
    ("gap_fraction", "<="): "the cost gets all the way down to the best possible value J* "
    "(within {pct} of the way from its start)",
    ("gap_fraction", ">="): "at the end, at least {pct} of the way from the starting cost "
    "down to the best possible J* is still to go",
    ("cost_rises", "=="): "the cost goes up in exactly {v} epochs",
    ("cost_rises", ">="): "the cost goes up in at least {v} epochs",
    ("final_over_initial_cost", "<="): "the cost still ends below {pct} of its starting value",
    ("weight_growth", ">="): "the weights are still growing at the end: ‖w‖ grows by at least "
    "{growth} over the second half of training",
    ("weight_growth", "<="): "the weights have stopped growing by the end",
    ("test_minus_train_cost", ">="): "the cost on the test points ends at least {v} above the "
    "cost on the training points",
}
WORDS_AT = {  # claims whose value picks the sentence
    ("train_accuracy", 1.0): "every training point ends up on its own side of the boundary",
    ("cost_rises", 0): "the cost never goes up",
    ("diverged", 0): "training never blows up: every number stays finite",
    ("diverged", 1): "the numbers blow up and training stops early",
    ("optimum_finite", 0): "there is no best finite w: the training points can be split perfectly",
    ("optimum_finite", 1): "a best finite w exists, so the cost has a real minimum",
    ("verdict", "converged"): "the run converges: the cost only falls and ends within 1 % of "
    "the best possible J*",
    ("verdict", "crawling"): "the run crawls: the cost only falls, but ends more than 1 % "
    "above the best possible J*",
    ("verdict", "oscillating"): "the run oscillates: the cost goes up on some epochs, yet "
    "never blows up",
    ("verdict", "diverged"): "the run diverges: the numbers overflow and training stops early",
}
_OPS = {"<=": operator.le, ">=": operator.ge, "==": operator.eq}


@dataclass(frozen=True)
class Claim:
    """``METRICS[metric](run) <op> value``, on the preset's run or on a variant of it.

    ``variant`` holds control overrides, e.g. ``(("features", ("x1", "x2")),)``: the claim is
    then about the same experiment with those controls changed (the comparison a teacher
    would make by hand).
    """

    metric: str
    op: str
    value: float | str
    variant: tuple[tuple[str, object], ...] = ()

    def describe(self) -> str:
        """The claim in a teacher's words, e.g. 'With only x₁, x₂ as inputs instead, the
        neuron gets at most 70 % of the training points right.'"""
        v = self.value
        text = WORDS_AT.get((self.metric, v)) or SENTENCES[(self.metric, self.op)].format(
            v=f"{v:g}" if not isinstance(v, str) else v,
            pct=f"{100 * v:.3g} %" if not isinstance(v, str) else v,
            growth=f"{100 * (v - 1):.3g} %" if not isinstance(v, str) else v,
        )
        if self.variant:
            changes = " and ".join(_change(k, x) for k, x in self.variant)
            return f"With {changes} instead, {text}."
        return text[0].upper() + text[1:] + "."


def _change(control: str, value) -> str:
    if control == "features":
        return "only " + ", ".join(_feature(f) for f in value) + " as inputs"
    if control == "standardize":
        return "standardisation " + ("on" if value else "off")
    if control == "epochs":
        return f"{value:g} epochs"
    names = {"alpha": "α", "l2": "λ"}
    return f"{names.get(control, control)} = {value:g}"


def _feature(name: str) -> str:
    return name.replace("x1", "x₁").replace("x2", "x₂").replace("^2", "²").replace("*", "·")


@dataclass(frozen=True)
class Preset:
    """One lesson scenario: every control's value and the two sentences for the class."""

    key: str
    title: str
    icon: str
    notice: str
    question: str
    claims: tuple[Claim, ...]
    controls: dict = field(default_factory=dict)

    def settings(self, **overrides) -> dict:
        """Every control's value (key → value), with ``overrides`` applied."""
        return {**self.controls, **overrides}


def _preset(key, title, icon, notice, question, claims, **controls) -> Preset:
    unknown = set(controls) - set(CONTROLS)
    if unknown:
        raise ValueError(f"preset {key!r} sets unknown controls {sorted(unknown)}")
    off = sorted(k for k, v in controls.items() if not allows(CONTROL_BY_KEY[k], v))
    if off:
        raise ValueError(f"preset {key!r} sets values its controls do not offer: {off}")
    return Preset(key, title, icon, notice, question, tuple(claims), {**_BASE, **controls})


SQUARES = ("x1", "x2", "x1^2", "x2^2")

PRESETS = (
    _preset(
        "good-alpha",
        "A good learning rate",
        ":material/check_circle:",
        "The cost drops steeply, then levels off at the best possible value J*; the line "
        "swings into place within the first few dozen epochs and then barely moves.",
        "Why does the line move a lot at the start and hardly at all at the end, with the "
        "same α every epoch?",
        [
            Claim("verdict", "==", "converged"),
            Claim("gap_fraction", "<=", 1e-3),
            Claim("cost_rises", "==", 0),
        ],
        alpha=1.5,
        epochs=150,
    ),
    _preset(
        "alpha-too-small",
        "α too small: it crawls",
        ":material/hourglass_bottom:",
        "With α = 0.001 every step is tiny: after 300 epochs the cost has barely left its "
        "starting value 0.693 and the line is still far from where it belongs.",
        "How many times more epochs would we need? What else could we change instead?",
        [
            Claim("verdict", "==", "crawling"),
            Claim("gap_fraction", ">=", 0.5),
            Claim("gap_fraction", "<=", 1e-3, (("alpha", 1.5),)),
        ],
        alpha=0.001,
        epochs=300,
    ),
    _preset(
        "alpha-too-large",
        "α too large: it zig-zags",
        ":material/ssid_chart:",
        "α = 10 is far above the safe step for these unscaled inputs: each step jumps across "
        "the valley of the cost, so the cost curve zig-zags up and down every epoch and "
        "never settles at the bottom. It does not blow up, though.",
        "The cost went up on some epochs. How can a step 'downhill' make the cost bigger?",
        [
            Claim("verdict", "==", "oscillating"),
            Claim("cost_rises", ">=", 20),
            Claim("final_over_initial_cost", "<=", 0.5),
            Claim("gap_fraction", ">=", 0.01),
        ],
        features=SQUARES,
        standardize=False,
        alpha=10.0,
        epochs=300,
    ),
    _preset(
        "alpha-diverges",
        "α far too large: it diverges",
        ":material/warning:",
        "With α = 10 and λ = 1, each step multiplies the weights by about 1 − α·λ = −9: they "
        "flip sign and grow ninefold every epoch until the numbers overflow and training stops.",
        "Which α would be the largest that still works here, and why does λ matter for it?",
        [Claim("verdict", "==", "diverged")],
        alpha=10.0,
        l2=1.0,
        epochs=300,
    ),
    _preset(
        "separable",
        "Separable data: weights grow forever",
        ":material/all_inclusive:",
        "The classes can be split perfectly, so making the neuron more confident always "
        "lowers the cost: ‖w‖ keeps growing, the boundary zone gets sharper and sharper, and "
        "there is no best finite w.",
        "If the cost can always go lower, when should training stop?",
        [
            Claim("optimum_finite", "==", 0),
            Claim("weight_growth", ">=", 1.15),
            Claim("train_accuracy", ">=", 1.0),
        ],
        dataset="linear",
        noise=0.0,
        alpha=1.0,
        epochs=1000,
    ),
    _preset(
        "separable-l2",
        "L2 tames the weights",
        ":material/compress:",
        "The same perfectly separable data with a small L2 penalty λ = 0.01: the weights "
        "stop growing at a finite size, the cost has a real minimum, and the boundary keeps "
        "a soft edge.",
        "What do we give up by adding λ, and what do we gain?",
        [
            Claim("optimum_finite", "==", 1),
            Claim("weight_growth", "<=", 1.001),
            Claim("weight_growth", ">=", 1.15, (("l2", 0.0),)),
        ],
        dataset="linear",
        noise=0.0,
        alpha=1.0,
        epochs=1000,
        l2=0.01,
    ),
    _preset(
        "circles-squares",
        "Circles: a line cannot, squares can",
        ":material/radio_button_unchecked:",
        "With x₁² and x₂² as inputs, z = w·x + b can draw a circle: the neuron separates the "
        "ring from the disc almost perfectly. Remove x₁² and x₂² and it is stuck near 50 %.",
        "Which feature would you add to separate an ellipse? A ring that is off-centre?",
        [
            Claim("train_accuracy", ">=", 0.9),
            Claim("train_accuracy", "<=", 0.7, (("features", ("x1", "x2")),)),
        ],
        dataset="circles",
        features=SQUARES,
        alpha=1.0,
        epochs=500,
    ),
    _preset(
        "xor-product",
        "XOR needs x₁·x₂",
        ":material/close:",
        "No straight line splits the four XOR quadrants, but the product x₁·x₂ is positive "
        "in two of them and negative in the other two: with it one neuron gets XOR right.",
        "What is the sign of x₁·x₂ in each quadrant? Why does that solve it?",
        [
            Claim("train_accuracy", ">=", 0.9),
            Claim("train_accuracy", "<=", 0.7, (("features", ("x1", "x2")),)),
        ],
        dataset="xor",
        features=("x1", "x2", "x1*x2"),
        alpha=1.0,
        epochs=500,
    ),
    _preset(
        "noisy-small",
        "Noisy, small data: train vs test",
        ":material/casino:",
        "Only 40 heavily overlapping points and all seven features: the training cost keeps "
        "falling, but the test cost (dashed) ends far above it — the neuron memorises the "
        "training points instead of learning the pattern.",
        "Which number would you trust to predict new data: training or test accuracy? Why?",
        [Claim("test_minus_train_cost", ">=", 0.3)],
        points=40,
        noise=0.5,
        test=50,
        features=("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"),
        alpha=1.0,
        epochs=2000,
    ),
    _preset(
        "unscaled",
        "Unscaled inputs: standardise them",
        ":material/straighten:",
        "Standardisation is off and x₁² reaches about 20 while x₁ stays below 5, so the cost "
        "is a narrow trench: α = 2 bounces between its walls and makes little progress. "
        "Switch on 'Standardise inputs': same α, same epochs, straight to the bottom.",
        "Why should the size of an input change how fast its weight learns?",
        [
            Claim("gap_fraction", ">=", 0.5),
            Claim("gap_fraction", "<=", 1e-3, (("standardize", True),)),
        ],
        dataset="blobs",
        noise=0.5,
        features=SQUARES,
        standardize=False,
        alpha=2.0,
        epochs=300,
    ),
    _preset(
        "spiral-limits",
        "Spiral: one neuron's limits",
        ":material/cyclone:",
        "Even with all seven features, one neuron's boundary is one smooth curve: the two "
        "interleaved arms stay badly mixed, about two thirds right at best.",
        "What would it take to follow the arms? (Hint: more neurons, in layers.)",
        [
            Claim("train_accuracy", "<=", 0.8),
            Claim("train_accuracy", "<=", 0.8, (("epochs", 5000),)),
        ],
        dataset="spiral",
        features=("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"),
        alpha=1.0,
        epochs=1000,
    ),
)
BY_KEY = {p.key: p for p in PRESETS}


def run_preset(preset: Preset, **overrides) -> Run:
    """Train the experiment the preset (with ``overrides``) describes, as the app does."""
    s = preset.settings(**overrides)
    if s["source"] != "Generate":
        raise ValueError("presets use generated data; uploaded files cannot be preset")
    data = make_dataset(s["dataset"], s["points"], s["noise"], s["seed"])
    return run_for(settings_from(s), data)


def check_claims(preset: Preset) -> list[tuple[Claim, float, bool]]:
    """Each claim with the value measured and whether it holds (NaN never holds; the
    verdict is measured as its kind, a string)."""
    runs: dict = {}
    results = []
    for claim in preset.claims:
        if claim.variant not in runs:
            runs[claim.variant] = run_preset(preset, **dict(claim.variant))
        measured = METRICS[claim.metric](runs[claim.variant])
        if isinstance(measured, str):
            ok = _OPS[claim.op](measured, claim.value)
        else:
            ok = bool(np.isfinite(measured) and _OPS[claim.op](measured, claim.value))
        results.append((claim, measured, ok))
    return results
