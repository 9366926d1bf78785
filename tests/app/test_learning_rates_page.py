"""Learning-rates page in AppTest: presets from 1/L, the diverging α flagged, edits."""

import neuron_core as nc
from neuron_core.compare import preset_alphas

PAGE = "pages/learning_rates.py"


def moons_presets():
    prep = nc.prepare(nc.make_dataset("moons", 200, 0.1, 0), ("x1", "x2"), True, 0.25, seed=0)
    return preset_alphas(prep.F_train, prep.y_train, epochs=300)


def table(at):
    return at.dataframe[0].value


def test_default_flags_the_diverging_alpha(app, ui):
    at = ui.go_to(app, PAGE)
    ui.assert_clean(at)
    p = moons_presets()
    assert at.number_input(key="lr_3").value == p.alphas["diverging"]
    assert at.number_input(key="lr_1").value == p.hint
    df = table(at)
    row = df[df["preset"] == "diverging"].iloc[0]
    assert row["diverged at"].startswith("epoch ") and row["what happened"] == "diverges"
    good = df[df["preset"] == "good"].iloc[0]
    assert good["diverged at"] == "—" and good["within 1 % of J*"].startswith("epoch")
    assert df[df["preset"] == "too small"].iloc[0]["within 1 % of J*"] == "never"
    assert any(f"α = {p.alphas['diverging']:g} diverges" in str(e.value) for e in at.error)
    assert any(f"{p.L:.3g}" in str(x.value) for x in at.latex)
    assert len(at.get("plotly_chart")) == 1 + len(df)  # costs + one boundary per α


def test_editing_an_alpha_retrains(app, ui):
    at = ui.go_to(app, PAGE)
    at.number_input(key="lr_3").set_value(1.0).run()
    ui.assert_clean(at)
    df = table(at)
    assert "1" in list(df["α"])
    assert not at.error  # nothing diverges any more
    at.button[0].click().run()  # reset to the presets
    assert at.number_input(key="lr_3").value == moons_presets().alphas["diverging"]


def test_log_toggle_and_new_data(app, ui):
    at = ui.go_to(app, PAGE)
    at.toggle(key="lr_log").set_value(True).run()
    assert ui.chart(at)["layout"]["yaxis"]["type"] == "log"
    at.selectbox(key="dataset").set_value("blobs").run()
    ui.assert_clean(at)
    assert at.number_input(key="lr_0").value != moons_presets().alphas["too small"]
