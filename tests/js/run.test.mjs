// One run's data (live_view_js/run.mjs) from a payload like Python's, in every encoding.
import assert from "node:assert/strict";
import test from "node:test";

import { Grid, RunData, decode } from "../../neuron_core/figures/live_view_js/run.mjs";
import { colourTable } from "../../neuron_core/figures/live_view_js/colour.mjs";
import { ticks } from "../../neuron_core/figures/live_view_js/ticks.mjs";

// Two epochs, features (x1, x1·x2), no test split.
const f32 = Float32Array.from([0, 0, 1, -2, 0.5, 0.75, 1, 2, 3, 4, 0, 1, 0, 0]);
const f64 = Float64Array.from([0, 0.5, 0.69, 0.4]);
const meta = {
  epochs: 1,
  n: 2,
  features: ["x1", "x1*x2"],
  feature_table: [
    { name: "x1", label: "x₁", expr: ["x", 0] },
    { name: "x1*x2", label: "x₁·x₂", expr: ["mul", 0, 1] },
  ],
  mean: [1, 2],
  scale: [2, 4],
  bounds: [-1, 1, -1, 1],
  numbers: { small: 1e-4, large: 1e5, at_optimum: 1e-10 },
  fields: {
    w: ["f32", 0, 4], acc: ["f32", 4, 2], test_acc: ["f32", 6, 0], points: ["f32", 6, 4],
    cls: ["f32", 10, 2], test: ["f32", 12, 2], b: ["f64", 0, 2], cost: ["f64", 2, 2], test_cost: ["f64", 4, 0],
  },
};

test("z = w·standardised features + b, at any epoch and point", () => {
  const run = new RunData({ meta, f32, f64 });
  assert.equal(run.last, 1);
  assert.equal(run.hasTest, false);
  // x = (3, 5): features (3, 15), standardised ((3-1)/2, (15-2)/4) = (1, 3.25).
  assert.equal(run.z(1, 3, 5), 1 * 1 + -2 * 3.25 + 0.5);
  assert.equal(run.yhat(0, 3, 5), 0.5);
  assert.equal(run.format.number(run.cost[0]), "0.6900");
});

test("the arrays decode alike from base64 and typed arrays", () => {
  const b64 = Buffer.from(f64.buffer).toString("base64");
  assert.deepEqual(decode(b64, Float64Array), f64);
  assert.deepEqual(decode(f64, Float64Array), f64);
  assert.equal(decode(null, Float32Array).length, 0);
});

test("a grid evaluates z at every node, row-major in y", () => {
  const run = new RunData({ meta, f32, f64 });
  const g = new Grid(run, 3, 2);
  const zs = g.evaluate(1);
  assert.equal(zs.length, 6);
  assert.equal(zs[1 * 3 + 2], run.z(1, g.xs[2], g.ys[1]));
});

test("colour table and ticks", () => {
  const lut = colourTable([[0, "#000000"], [1, "#ff0080"]]);
  assert.deepEqual(Array.from(lut.slice(0, 3)), [0, 0, 0]);
  assert.deepEqual(Array.from(lut.slice(255 * 3)), [255, 0, 128]);
  assert.deepEqual(ticks(0, 1, 5), [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
  assert.deepEqual(ticks(-3, 3, 3), [-2, 0, 2]);
  assert.deepEqual(ticks(2, 2), [2]);
});
