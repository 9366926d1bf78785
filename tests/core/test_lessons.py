"""Lesson presets: complete, valid, and each one shows what its text claims."""

import math

import pytest

import neuron_core as nc
from neuron_core.claims import METRICS, Claim
from neuron_core.controls import RUN_KEYS
from neuron_core.lessons import BY_KEY, PRESETS, check_claims, run_preset

IDS = [p.key for p in PRESETS]
REQUIRED = {
    "good-alpha",
    "alpha-too-small",
    "alpha-too-large",
    "alpha-diverges",
    "separable",
    "separable-l2",
    "circles-squares",
    "xor-product",
    "noisy-small",
    "unscaled",
    "spiral-limits",
}


def test_the_lessons_a_class_needs_are_all_there():
    assert set(BY_KEY) >= REQUIRED
    assert len(BY_KEY) == len(PRESETS), "preset keys must be unique"


@pytest.mark.parametrize("preset", PRESETS, ids=IDS)
def test_preset_sets_every_control_with_a_valid_value(preset):
    s = preset.settings()
    assert set(s) == set(RUN_KEYS)
    assert s["source"] == "Generate"
    assert s["dataset"] in nc.DATASETS
    assert s["features"] and set(s["features"]) <= set(nc.FEATURES)
    assert len(set(s["features"])) == len(s["features"])
    assert 20 <= s["points"] <= 2000 and s["points"] % 10 == 0
    assert 0.0 <= s["noise"] <= 0.5 and math.isclose(s["noise"] / 0.05, round(s["noise"] / 0.05))
    assert 0 <= s["test"] <= 50 and s["test"] % 5 == 0
    assert isinstance(s["standardize"], bool)
    assert s["init"] in nc.INITS


@pytest.mark.parametrize("preset", PRESETS, ids=IDS)
def test_preset_has_its_two_sentences_and_a_claim(preset):
    assert preset.title and preset.icon
    assert preset.notice.endswith(".") and len(preset.notice) > 60
    assert preset.question.endswith("?") or preset.question.endswith(")")
    assert preset.claims
    for claim in preset.claims:
        assert claim.metric in METRICS
        assert set(dict(claim.variant)) <= set(RUN_KEYS)


@pytest.mark.parametrize("preset", PRESETS, ids=IDS)
def test_preset_shows_what_it_claims(preset):
    for claim, measured, ok in check_claims(preset):
        assert ok, f"{preset.key}: {claim.describe()} failed, measured {measured:g}"


def test_claims_can_fail():
    # The same check on a claim that is false must say so, or the test above proves nothing.
    wrong = Claim("train_accuracy", ">=", 0.9, (("features", ("x1", "x2")),))
    preset = BY_KEY["circles-squares"]
    bad = type(preset)(**{**preset.__dict__, "claims": (wrong,)})
    [(_, measured, ok)] = check_claims(bad)
    assert not ok and measured < 0.7


def test_diverging_preset_stops_at_a_recorded_epoch():
    h = run_preset(BY_KEY["alpha-diverges"]).history
    assert h.diverged_at is not None and h.epochs < BY_KEY["alpha-diverges"].controls["epochs"]


def test_zigzag_preset_cost_goes_up_and_down_but_stays_finite():
    h = run_preset(BY_KEY["alpha-too-large"]).history
    ups = (h.cost[1:] > h.cost[:-1]).sum()
    downs = (h.cost[1:] < h.cost[:-1]).sum()
    assert ups >= 20 and downs >= 20 and h.diverged_at is None


def test_unscaled_preset_inputs_really_differ_in_size():
    prep = run_preset(BY_KEY["unscaled"]).prepared
    spread = abs(prep.F_train).max(axis=0)
    assert spread.max() / spread.min() >= 3  # x1² reaches several times x1's size


def test_a_claim_instead_is_the_same_claim_about_a_variant_run():
    claim = Claim("weight_growth", ">=", 1.15)
    assert claim.instead(l2=0.0) == Claim("weight_growth", ">=", 1.15, (("l2", 0.0),))
    assert claim.variant == ()


def test_claim_describes_itself_in_words():
    text = Claim("train_accuracy", ">=", 0.9, (("features", ("x1", "x2")),)).describe()
    assert text == (
        "With only x₁, x₂ as inputs instead, the neuron gets at least 90 % of the training "
        "points right."
    )


@pytest.mark.parametrize("preset", PRESETS, ids=IDS)
def test_claims_read_as_a_teacher_would_say_them(preset):
    for claim in preset.claims:
        text = claim.describe()
        assert text[0].isupper() and text.endswith(".")
        # no test internals: no operators, no "(1 = yes)", no metric names
        assert not any(bit in text for bit in ("==", "<=", ">=", "1 = yes", "_", claim.metric))


def test_an_override_its_control_does_not_offer_is_refused_not_replaced():
    # settings_from would quietly train the default α instead of 0.13, and a claim would pass.
    with pytest.raises(ValueError, match="alpha"):
        run_preset(BY_KEY["good-alpha"], alpha=0.13)
