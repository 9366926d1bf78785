"""Lesson presets: one table of classroom scenarios, each with a claim the tests check.

A preset sets every shared control (the run controls of the controls table), says what to
notice and what to ask the class, and states claims as data (`neuron_core.claims`): a
measured quantity of the run, or of a variant run with a few controls changed.
`check_claims` trains the runs with `neuron_core` and says whether each claim holds, so a
preset's text cannot drift away from what the app shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .claims import Claim
from .control_kinds import allows
from .controls import BY_KEY as CONTROL_BY_KEY
from .controls import RUN_KEYS, defaults, settings_from
from .datasets import make_dataset
from .experiment import Run, run_for
from .features import FEATURES


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


def _preset(key, title, icon, notice, question, claims, controls: dict) -> Preset:
    unknown = set(controls) - set(RUN_KEYS)
    if unknown:
        raise ValueError(f"preset {key!r} sets unknown controls {sorted(unknown)}")
    off = sorted(k for k, v in controls.items() if not allows(CONTROL_BY_KEY[k], v))
    if off:
        raise ValueError(f"preset {key!r} sets values its controls do not offer: {off}")
    return Preset(key, title, icon, notice, question, tuple(claims), {**defaults(), **controls})


LINE = ("x1", "x2")
SQUARES = (*LINE, "x1^2", "x2^2")
# Points either side of a line, with no noise: perfectly separable, so no finite w is best.
SEPARABLE = dict(dataset="linear", noise=0.0, alpha=1.0, epochs=1000)
# Claims that more than one preset makes, on its own run or on a variant of it.
REACHES_OPTIMUM = Claim("gap_fraction", "<=", 1e-3)
STILL_GROWING = Claim("weight_growth", ">=", 1.15)
# A curved boundary from hand-made features, where the straight line of x₁, x₂ stays poor.
BEATS_A_LINE = (
    Claim("train_accuracy", ">=", 0.9),
    Claim("train_accuracy", "<=", 0.7).instead(features=LINE),
)
SPIRAL_STAYS_MIXED = Claim("train_accuracy", "<=", 0.8)

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
            REACHES_OPTIMUM,
            Claim("cost_rises", "==", 0),
        ],
        dict(alpha=1.5, epochs=150),
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
            REACHES_OPTIMUM.instead(alpha=1.5),
        ],
        dict(alpha=0.001, epochs=300),
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
        dict(features=SQUARES, standardize=False, alpha=10.0, epochs=300),
    ),
    _preset(
        "alpha-diverges",
        "α far too large: it diverges",
        ":material/warning:",
        "With α = 10 and λ = 1, each step multiplies the weights by about 1 − α·λ = −9: they "
        "flip sign and grow ninefold every epoch until the numbers overflow and training stops.",
        "Which α would be the largest that still works here, and why does λ matter for it?",
        [Claim("verdict", "==", "diverged")],
        dict(alpha=10.0, l2=1.0, epochs=300),
    ),
    _preset(
        "separable",
        "Separable data: weights grow forever",
        ":material/all_inclusive:",
        "The classes can be split perfectly, so making the neuron more confident always "
        "lowers the cost: ‖w‖ keeps growing, the boundary zone gets sharper and sharper, and "
        "there is no best finite w.",
        "If the cost can always go lower, when should training stop?",
        [Claim("optimum_finite", "==", 0), STILL_GROWING, Claim("train_accuracy", ">=", 1.0)],
        SEPARABLE,
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
            STILL_GROWING.instead(l2=0.0),
        ],
        {**SEPARABLE, "l2": 0.01},
    ),
    _preset(
        "circles-squares",
        "Circles: a line cannot, squares can",
        ":material/radio_button_unchecked:",
        "With x₁² and x₂² as inputs, z = w·x + b can draw a circle: the neuron separates the "
        "ring from the disc almost perfectly. Remove x₁² and x₂² and it is stuck near 50 %.",
        "Which feature would you add to separate an ellipse? A ring that is off-centre?",
        BEATS_A_LINE,
        dict(dataset="circles", features=SQUARES, alpha=1.0, epochs=500),
    ),
    _preset(
        "xor-product",
        "XOR needs x₁·x₂",
        ":material/close:",
        "No straight line splits the four XOR quadrants, but the product x₁·x₂ is positive "
        "in two of them and negative in the other two: with it one neuron gets XOR right.",
        "What is the sign of x₁·x₂ in each quadrant? Why does that solve it?",
        BEATS_A_LINE,
        dict(dataset="xor", features=(*LINE, "x1*x2"), alpha=1.0, epochs=500),
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
        dict(points=40, noise=0.5, test=50, features=FEATURES, alpha=1.0, epochs=2000),
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
            REACHES_OPTIMUM.instead(standardize=True),
        ],
        dict(
            dataset="blobs", noise=0.5, features=SQUARES, standardize=False, alpha=2.0, epochs=300
        ),
    ),
    _preset(
        "spiral-limits",
        "Spiral: one neuron's limits",
        ":material/cyclone:",
        "Even with all seven features, one neuron's boundary is one smooth curve: the two "
        "interleaved arms stay badly mixed, about two thirds right at best.",
        "What would it take to follow the arms? (Hint: more neurons, in layers.)",
        [SPIRAL_STAYS_MIXED, SPIRAL_STAYS_MIXED.instead(epochs=5000)],
        dict(dataset="spiral", features=FEATURES, alpha=1.0, epochs=1000),
    ),
)
BY_KEY = {p.key: p for p in PRESETS}


def run_preset(preset: Preset, **overrides) -> Run:
    """Train the experiment the preset (with ``overrides``) describes, as the app does."""
    off = sorted(k for k, v in overrides.items() if not allows(CONTROL_BY_KEY[k], v))
    if off:  # settings_from would swap such a value for the default, silently
        raise ValueError(f"preset {preset.key!r}: overrides its controls do not offer: {off}")
    s = preset.settings(**overrides)
    if s["source"] != "Generate":
        raise ValueError("presets use generated data; uploaded files cannot be preset")
    data = make_dataset(s["dataset"], s["points"], s["noise"], s["seed"])
    return run_for(settings_from(s), data)


def check_claims(preset: Preset) -> list[tuple[Claim, float | str, bool]]:
    """Each claim with the value measured and whether it holds (see `Claim.check`)."""
    runs: dict = {}
    for claim in preset.claims:
        if claim.variant not in runs:
            runs[claim.variant] = run_preset(preset, **dict(claim.variant))
    return [(claim, *claim.check(runs[claim.variant])) for claim in preset.claims]
