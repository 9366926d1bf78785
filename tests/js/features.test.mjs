// Feature expansion from the expressions Python sends (live_view_js/features.mjs).
import assert from "node:assert/strict";
import test from "node:test";

import { compileFeature, featureFunctions } from "../../neuron_core/figures/live_view_js/features.mjs";

test("each operation computes its column", () => {
  assert.equal(compileFeature(["x", 0])(3, 5), 3);
  assert.equal(compileFeature(["x", 1])(3, 5), 5);
  assert.equal(compileFeature(["pow", 0, 2])(3, 5), 9);
  assert.equal(compileFeature(["pow", 1, 3])(3, -2), -8);
  assert.equal(compileFeature(["mul", 0, 1])(3, 5), 15);
  assert.equal(compileFeature(["sin", 1])(3, Math.PI / 2), 1);
});

test("a square is the exact product x·x, as numpy computes x**2", () => {
  const x = 1.1;
  assert.equal(compileFeature(["pow", 0, 2])(x, 0), x * x);
});

test("an expression it does not know is refused, not guessed", () => {
  for (const bad of [["cos", 0], ["x", 2], ["pow", 0, 0.5], ["pow", 0], ["mul", 0], ["x", 0, 1], []]) {
    assert.throws(() => compileFeature(bad), Error, JSON.stringify(bad));
  }
});

test("the run's features come from the table, in the run's order", () => {
  const table = [
    { name: "x1", label: "x₁", expr: ["x", 0] },
    { name: "x1*x2", label: "x₁·x₂", expr: ["mul", 0, 1] },
  ];
  const fs = featureFunctions(table, ["x1*x2", "x1"]);
  assert.deepEqual(fs.map((g) => g(2, 3)), [6, 2]);
  assert.throws(() => featureFunctions(table, ["x9"]), /not in the feature table/);
});
