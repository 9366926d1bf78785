// The hand-set neuron's math (live_view_js/hand.mjs): the loss in logits, J and the
// accuracy, the boundary line ↔ (w, b) on the map's pixels, the drags, typed numbers; and
// the edits a quick second click leaves pending (edit.mjs).
import assert from "node:assert/strict";
import test from "node:test";

import { carryPending } from "../../neuron_core/figures/live_view_js/edit.mjs";
import {
  across,
  clip,
  fromPixels,
  lineInputs,
  logLoss,
  moveThrough,
  parseTyped,
  pixelAxes,
  rescale,
  score,
  steepen,
  toPixels,
  turnAbout,
  unscale,
} from "../../neuron_core/figures/live_view_js/hand.mjs";

const close = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

test("the loss in logits is finite for every finite z and right at the extremes", () => {
  close(logLoss(0, 1), Math.LN2);
  close(logLoss(0, 0), Math.LN2);
  close(logLoss(2, 1), Math.log1p(Math.exp(-2)));
  close(logLoss(-2, 1), 2 + Math.log1p(Math.exp(-2)));
  assert.equal(logLoss(800, 1), 0);
  assert.equal(logLoss(-800, 0), 0);
  close(logLoss(800, 0), 800);
  close(logLoss(-800, 1), 800);
  assert.equal(logLoss(Infinity, 1), 0);
  assert.equal(logLoss(-Infinity, 1), Infinity);
});

test("J is the mean loss plus λ/2·‖w‖², the accuracy the share with z ≥ 0 on class 1", () => {
  const F = Float64Array.from([1, 0, 0, 1, -1, -1]);
  const y = Float64Array.from([1, 0, 0]);
  const w = [2, -1], b = 0.5;
  const zs = [2.5, -0.5, -0.5];
  const mean = (logLoss(zs[0], 1) + logLoss(zs[1], 0) + logLoss(zs[2], 0)) / 3;
  const plain = score(w, b, { F, y });
  close(plain.cost, mean);
  close(plain.acc, 1);
  close(score(w, b, { F, y }, 0.1).cost, mean + 0.05 * 5);
  close(score([0, 0], 0, { F, y }).acc, 1 / 3); // z = 0 says class 1
});

test("a neuron on standardised inputs keeps every z in raw units, and comes back", () => {
  const geo = { mean: [0.5, -2, 3], scale: [2, 0.25, 4] };
  const w = [1.5, -0.75, 2], b = 0.3;
  const raw = unscale(w, b, geo);
  for (const f of [[0, 0, 0], [1, -3, 7], [-2.5, 4, 0.1]]) {
    const zs = w.reduce((s, v, j) => s + (v * (f[j] - geo.mean[j])) / geo.scale[j], b);
    close(raw.w.reduce((s, v, j) => s + v * f[j], raw.b), zs);
  }
  const back = rescale(raw.w, raw.b, geo);
  back.w.forEach((v, j) => {
    close(v, w[j]);
  });
  close(back.b, b);
});

test("the boundary is a line only with the inputs x₁ and x₂", () => {
  assert.deepEqual(lineInputs(["x1", "x2"]), [0, 1]);
  assert.deepEqual(lineInputs(["x2", "x1"]), [1, 0]);
  assert.equal(lineInputs(["x1", "x2", "x1^2"]), null);
  assert.equal(lineInputs(["x1"]), null);
});

// A map 300 × 200 px for x ∈ [−2, 4], y ∈ [−1, 1], standardised inputs.
const frame = { pad: { l: 40, t: 10 }, pw: 300, ph: 200, x0: -2, x1: 4, y0: -1, y1: 1 };
const axes = pixelAxes(frame);
const geo = { at: [0, 1], mean: [0.5, -0.2], scale: [2, 0.5] };
const zRaw = (w, b, x, y) => w[0] * ((x - geo.mean[0]) / geo.scale[0]) + w[1] * ((y - geo.mean[1]) / geo.scale[1]) + b;
const pix = (x, y) => [axes.kx * x + axes.ox, axes.ky * y + axes.oy];

test("the map's pixel axes put the data box on the plot", () => {
  assert.deepEqual(pix(-2, 1), [40, 10]);
  assert.deepEqual(pix(4, -1), [340, 210]);
});

test("(w, b) → the line on the pixels → (w, b) again, and z agrees everywhere", () => {
  const w = [1.3, -0.7], b = 0.4;
  const line = toPixels(w, b, geo, axes);
  for (const [x, y] of [[0, 0], [1.5, -0.3], [-2, 1]]) {
    const p = pix(x, y);
    close(line.A[0] * p[0] + line.A[1] * p[1] + line.C, zRaw(w, b, x, y), 1e-12);
  }
  const back = fromPixels(line, geo, axes);
  close(back.w[0], w[0]);
  close(back.w[1], w[1]);
  close(back.b, b);
  // The inputs the other way round: x₂ first.
  const swapped = fromPixels(toPixels([w[1], w[0]], b, { at: [1, 0], mean: [-0.2, 0.5], scale: [0.5, 2] }, axes), { at: [1, 0], mean: [-0.2, 0.5], scale: [0.5, 2] }, axes);
  close(swapped.w[0], w[1]);
  close(swapped.b, b);
});

test("a moved line passes through the new point, as steep as before", () => {
  const line = toPixels([1, 1], 0, geo, axes);
  const moved = moveThrough(line, [100, 50]);
  close(across(moved, [100, 50]), 0);
  assert.deepEqual(moved.A, line.A);
});

test("a turned line passes through the pivot and the pointer, ŷ rising the same side", () => {
  const line = { A: [0.02, 0], C: -0.02 * 150 }; // x = 150 px, ŷ rises to the right
  const turned = turnAbout(line, [150, 100], [250, 0]);
  close(across(turned, [150, 100]), 0, 1e-9);
  close(across(turned, [250, 0]), 0, 1e-9);
  close(Math.hypot(...turned.A), 0.02);
  assert.ok(turned.A[0] > 0); // still rising to the right
  assert.equal(turnAbout(line, [150, 100], [150, 100]), line);
});

test("steepening scales z and leaves the line where it was", () => {
  const line = { A: [0.01, -0.02], C: 0.5 };
  const steep = steepen(line, 3);
  close(Math.hypot(...steep.A), 3 * Math.hypot(...line.A));
  close(across(steep, [10, 30]), across(line, [10, 30]));
});

test("the line's piece inside the plot", () => {
  const seg = clip({ A: [1, 0], C: -100 }, [0, 0, 200, 100]);
  assert.deepEqual(seg.map((p) => p.map(Math.round)).sort((a, b) => a[1] - b[1]), [[100, 0], [100, 100]]);
  assert.equal(clip({ A: [1, 0], C: -300 }, [0, 0, 200, 100]), null);
  assert.equal(clip({ A: [0, 0], C: 1 }, [0, 0, 200, 100]), null);
  const diag = clip({ A: [1, -1], C: 0 }, [0, 0, 100, 100]); // through two corners
  close(Math.hypot(diag[0][0] - diag[1][0], diag[0][1] - diag[1][1]), Math.SQRT2 * 100);
});

test("typed numbers: as a learner writes them or as the formatter did", () => {
  assert.equal(parseTyped("1.5"), 1.5);
  assert.equal(parseTyped(" −2.25 "), -2.25);
  assert.equal(parseTyped("-0.5"), -0.5);
  assert.equal(parseTyped("0,25"), 0.25);
  assert.equal(parseTyped("2e-3"), 0.002);
  assert.equal(parseTyped("1.26 × 10⁻⁵"), 1.26e-5);
  assert.equal(parseTyped("−3 × 10⁴"), -3e4);
  assert.equal(parseTyped(".5"), 0.5);
  for (const bad of ["", "abc", "1.2.3", "1e999", "NaN", "--1", "2 × 10"]) assert.equal(parseTyped(bad), null, bad);
});

test("a second quick click stays drawn when the first click's run arrives", () => {
  // The run Python made after taking edit 1 (the first placed point, snapped to 0.01).
  const run = { m: 2, points: Float64Array.from([0, 0, 0.31, 0.52]), cls: Float64Array.from([1, 0]) };
  const pending = { added: [[0.3123, 0.5188, 0, 1], [1.2, -0.4, 1, 2]], removed: [], hidden: new Set() };
  assert.deepEqual(carryPending(pending, run, 1).added, [[1.2, -0.4, 1, 2]]);
  assert.deepEqual(carryPending(pending, run, 2).added, []); // taken (or refused): the run says
  assert.equal(carryPending(pending, run, 0).added.length, 2); // a run from before either click
  // A removal still pending hides the run's point, found again at its new index 0.
  const removing = { added: [], removed: [[0, 0, 1, 3], [5, 5, 0, 2]], hidden: new Set([7]) };
  const left = carryPending(removing, run, 2);
  assert.deepEqual(left.removed, [[0, 0, 1, 3]]);
  assert.deepEqual([...left.hidden], [0]);
});
