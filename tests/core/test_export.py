"""Exports parse back to exactly the numbers the run produced."""

import csv
import io
import json

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.export import (
    dataset_csv,
    history_columns,
    history_csv,
    load_model,
    model_dict,
    model_json,
    predict_proba,
)


def _run(features=("x1", "x2"), standardize=True, test=0.25, alpha=1.0, epochs=60, l2=0.0):
    data = nc.make_dataset("moons", 120, 0.2, seed=3)
    prep = nc.prepare(data, features, standardize, test, seed=3)
    return nc.run_experiment(prep, alpha=alpha, epochs=epochs, l2=l2)


@pytest.mark.parametrize("name", nc.DATASETS)
def test_dataset_csv_loads_back_to_the_same_points(name):
    data = nc.make_dataset(name, 90, 0.15, seed=7)
    back = nc.load_csv(dataset_csv(data).encode())
    np.testing.assert_array_equal(back.X, data.X)
    np.testing.assert_array_equal(back.y, data.y)


def test_dataset_csv_keeps_an_uploaded_files_column_names():
    data = nc.load_csv(b"height;weight;kind\n1.5;60;cat\n1.8;80;dog\n1.6;65;cat\n")
    text = dataset_csv(data)
    assert text.splitlines()[0] == "height,weight,label"
    back = nc.load_csv(text.encode())
    np.testing.assert_array_equal(back.X, data.X)
    np.testing.assert_array_equal(back.y, data.y)


def _rows(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    "features", [("x1", "x2"), ("x1", "x2", "x1^2", "x2^2", "x1*x2")], ids=["line", "curved"]
)
def test_history_csv_has_every_epoch_and_the_same_numbers(features):
    run = _run(features)
    h = run.history
    rows = _rows(history_csv(run))
    assert list(rows[0]) == history_columns(features)
    assert [int(r["epoch"]) for r in rows] == list(range(h.epochs + 1))
    np.testing.assert_array_equal([float(r["cost"]) for r in rows], h.cost)
    np.testing.assert_array_equal([float(r["b"]) for r in rows], h.b)
    np.testing.assert_array_equal([float(r["train_accuracy"]) for r in rows], h.accuracy)
    np.testing.assert_array_equal([float(r["test_cost"]) for r in rows], h.test_cost)
    np.testing.assert_array_equal([float(r["test_accuracy"]) for r in rows], h.test_accuracy)
    for j, f in enumerate(features):
        np.testing.assert_array_equal([float(r[f"w[{f}]"]) for r in rows], h.w[:, j])


def test_history_csv_without_test_set_leaves_test_columns_empty():
    rows = _rows(history_csv(_run(test=0.0)))
    assert {r["test_cost"] for r in rows} == {""}


def test_history_csv_of_a_diverged_run_stops_at_the_last_finite_epoch():
    run = _run(alpha=10.0, l2=1.0, epochs=300)
    assert run.history.diverged_at is not None
    rows = _rows(history_csv(run))
    assert len(rows) == run.history.diverged_at
    assert all(np.isfinite(float(r["cost"])) for r in rows)


@pytest.mark.parametrize("standardize", [True, False], ids=["standardised", "raw"])
@pytest.mark.parametrize(
    "features", [("x1", "x2"), ("x2", "x1^2", "sin(x1)", "x1*x2")], ids=["line", "curved"]
)
def test_model_json_predicts_exactly_like_the_run(features, standardize):
    run = _run(features, standardize)
    model = load_model(model_json(run))
    X = run.prepared.data.X
    h = run.history
    expected = nc.predict_proba(h.w[-1], h.b[-1], run.prepared.inputs(X))
    np.testing.assert_allclose(predict_proba(model, X), expected, rtol=0, atol=1e-15)
    np.testing.assert_array_equal(model.predict_proba(X), predict_proba(model, X))
    assert nc.load_model is load_model  # also at the top level, for notebooks
    assert model.features == tuple(features)
    assert model.info["alpha"] == 1.0 and model.info["epochs"] == h.epochs
    assert model.info["standardized"] is standardize


def test_model_json_at_an_earlier_epoch_uses_that_epochs_weights():
    run = _run()
    model = load_model(model_json(run, epoch=5))
    np.testing.assert_array_equal(model.w, run.history.w[5])
    assert model.b == run.history.b[5] and model.info["epochs"] == 5


def test_model_json_records_standardisation_statistics_and_settings():
    run = _run()
    d = json.loads(model_json(run, settings={"dataset": "moons", "features": ("x1", "x2")}))
    np.testing.assert_array_equal(d["mean"], run.prepared.scaler.mean)
    np.testing.assert_array_equal(d["scale"], run.prepared.scaler.scale)
    assert d["settings"] == {"dataset": "moons", "features": ["x1", "x2"]}
    assert d["input_names"] == ["x1", "x2"] and d["classes"] == [0, 1]


def test_model_dict_rejects_an_epoch_the_run_never_reached():
    with pytest.raises(ValueError, match="epoch"):
        model_dict(_run(epochs=10), epoch=11)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"w": [1]}', "not a Neuron Playground model"),
        ('{"format": "neuron-playground-model", "w": [1]}', "lacks features"),
        (
            '{"format": "neuron-playground-model", "features": ["x1"], "mean": [0],'
            ' "scale": [1], "w": [1, 2], "b": 0}',
            "w must hold 1",
        ),
        (
            '{"format": "neuron-playground-model", "features": ["x9"], "mean": [0],'
            ' "scale": [1], "w": [1], "b": 0}',
            "unknown feature",
        ),
    ],
)
def test_load_model_explains_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=message):
        load_model(text)


def test_load_model_reads_a_file_path(tmp_path):
    run = _run()
    path = tmp_path / "moons-model.json"
    path.write_text(model_json(run))
    for source in (path, str(path)):
        np.testing.assert_array_equal(load_model(source).w, run.history.w[-1])
    with pytest.raises(ValueError, match="cannot read the model file"):
        load_model(tmp_path / "missing.json")


@pytest.mark.parametrize(
    "name",
    ["=cmd|' /C calc'!A0", "+SUM(1+1)", "-2+3", "@SUM(A1)", "\tx", "\rx"],
    ids=["equals", "plus", "minus", "at", "tab", "carriage-return"],
)
def test_dataset_csv_neutralises_a_formula_like_header(name):
    X = np.array([[-1.5, 2.0], [3.0, -4e-05]])
    data = nc.Dataset(X, np.array([0, 1]), "f.csv", (name, "x2"), ("0", "1"))
    rows = list(csv.reader(io.StringIO(dataset_csv(data))))
    assert rows[0] == ["'" + name, "x2", "label"]
    assert rows[1] == ["-1.5", "2.0", "0"]  # numbers, negative ones too, stay numbers
    assert rows[2] == ["3.0", "-4e-05", "1"]


def test_a_formula_like_header_from_a_file_comes_back_inert():
    data = nc.load_csv(b"\"=cmd|' /C calc'!A0\",+SUM(1+1),label\n1,-2,0\n3,4,1\n")
    back = nc.load_csv(dataset_csv(data).encode())
    assert back.feature_names == ("'=cmd|' /C calc'!A0", "'+SUM(1+1)")
    np.testing.assert_array_equal(back.X, data.X)


def test_dataset_csv_leaves_plain_text_alone():
    data = nc.load_csv(b"height,weight,label\n1,2,0\n3,4,1\n")
    assert dataset_csv(data).splitlines()[0] == "height,weight,label"


def test_model_json_escapes_markup_it_embeds():
    data = nc.load_csv(b"x<script>alert(1)</script>,a&b,label\n1,2,0\n3,4,1\n2,2,0\n4,4,1\n")
    prep = nc.prepare(data, ("x1", "x2"), True, 0.0, seed=0)
    text = model_json(nc.run_experiment(prep, alpha=0.5, epochs=5))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["input_names"] == ["x<script>alert(1)</script>", "a&b"]
