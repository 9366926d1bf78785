"""Learning-rates page in AppTest: presets from 1/L, the diverging α flagged, edits."""

import pytest

import neuron_core as nc
from neuron_core.alphas import ALPHAS
from neuron_core.control_kinds import number_text
from neuron_core.learning_rates import preset_alphas

PAGE = "pages/learning_rates.py"


def moons_presets(l2=0.0):
    prep = nc.prepare(nc.make_dataset("moons", 200, 0.1, 0), ("x1", "x2"), True, 0.25, seed=0)
    return preset_alphas(prep.F_train, prep.y_train, l2, epochs=300)


def table(at):
    return at.dataframe[0].value


def test_default_oscillating_alpha_is_not_called_diverged(app, ui):
    at = ui.go_to(app, PAGE)
    ui.assert_clean(at)
    p = moons_presets()
    assert p.alphas["diverging"] is None  # without L2 nothing overflows on the moons
    assert at.number_input(key="lr_2").value == p.alphas["too large"]
    assert at.number_input(key="lr_1").value == p.hint
    df = table(at)
    large = df[df["preset"] == "too large"].iloc[0]
    assert large["what happened"].startswith("oscillates") and large["diverged at"] == "—"
    good = df[df["preset"] == "good"].iloc[0]
    assert good["what happened"] == "converges"
    assert good["diverged at"] == "—" and good["within 1 % of J*"].startswith("epoch")
    small = df[df["preset"] == "too small"].iloc[0]
    assert small["within 1 % of J*"] == "never" and small["what happened"].startswith("crawls")
    assert not at.error and not any("diverges" in t for t in df["what happened"])
    assert any(f"{p.L:.3g}" in str(x.value) for x in at.latex)
    assert len(at.get("plotly_chart")) == 1 + len(df)  # costs + one boundary per α


def test_alpha_86_oscillates_on_every_view(app, ui):
    at = ui.go_to(app, PAGE)
    at.number_input(key="lr_2").set_value(86.0).run()
    ui.assert_clean(at)
    df = table(at)
    assert df[df["α"] == "86"].iloc[0]["what happened"].startswith("oscillates")
    assert not at.error
    names = [t["name"] for t in ui.chart(at)["data"] if t.get("name")]
    assert any(n.startswith("α = 86: oscillates") for n in names)


def test_with_l2_the_diverging_alpha_overflows_and_is_flagged(app, ui):
    app.select_slider(key="l2").set_value(1.0).run()
    at = ui.go_to(app, PAGE)
    ui.assert_clean(at)
    p = moons_presets(1.0)
    assert at.number_input(key="lr_3").value == p.alphas["diverging"]
    df = table(at)
    row = df[df["preset"] == "diverging"].iloc[0]
    assert row["diverged at"].startswith("epoch ") and row["what happened"] == "diverges"
    assert any(f"α = {p.alphas['diverging']:g} diverges" in str(e.value) for e in at.error)
    assert all(len(c) < 16 for c in df["final cost J"])  # no 300-digit cost
    assert ui.chart(at)["layout"]["yaxis"]["range"][1] < 10  # an axis from finite values


def test_editing_an_alpha_retrains(app, ui):
    at = ui.go_to(app, PAGE)
    at.number_input(key="lr_2").set_value(1.0).run()
    ui.assert_clean(at)
    df = table(at)
    assert "1" in list(df["α"])
    at.button(key="lr_reset").click().run()
    assert at.number_input(key="lr_2").value == moons_presets().alphas["too large"]


@pytest.mark.parametrize("slot", ["lr_0", "lr_1", "lr_2"])
def test_each_recommended_alpha_opens_the_playground_at_it_in_one_click(app, ui, slot):
    at = ui.go_to(app, PAGE)
    alpha = at.number_input(key=slot).value
    assert alpha in ALPHAS  # the page recommends only what the Playground offers
    at.button(key=f"{slot}_open").click().run()
    ui.assert_clean(at)
    assert at.session_state["alpha"] == alpha
    assert [t.value for t in at.title] == ["Watch one neuron learn"]
    assert ui.live(at)["meta"]["stage"][0]["value"] == number_text(alpha)  # the stage's α
    assert ui.live(at)["meta"]["alpha"] == alpha  # the run the view draws


def test_a_typed_alpha_between_the_offered_ones_opens_at_the_nearest(app, ui):
    at = ui.go_to(app, PAGE)
    at.number_input(key="lr_1").set_value(2.65).run()
    button = at.button(key="lr_1_open")
    assert button.label.endswith("α = 2.7")
    button.click().run()
    assert at.session_state["alpha"] == 2.7


def test_log_toggle_and_new_data(app, ui):
    at = ui.go_to(app, PAGE)
    at.toggle(key="lr_log").set_value(True).run()
    assert ui.chart(at)["layout"]["yaxis"]["type"] == "log"
    at.selectbox(key="dataset").set_value("blobs").run()
    ui.assert_clean(at)
    assert at.number_input(key="lr_0").value != moons_presets().alphas["too small"]
