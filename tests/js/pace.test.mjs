// Play's clock (live_view_js/pace.mjs): every speed, and teacher's pace lingering where ŷ moves.
import assert from "node:assert/strict";
import test from "node:test";

import { advance, epochAtTime, lingerTimes, movement, timeAtEpoch } from "../../neuron_core/figures/live_view_js/pace.mjs";

test("epochs per second are slower than the screen: 2 a second take 10 s for 20 epochs", () => {
  let pos = 0;
  let ms = 0;
  while (pos < 20) {
    pos = advance({ kind: "per_second", amount: 2 }, pos, 1000 / 60, 300, null);
    ms += 1000 / 60;
  }
  assert.ok(Math.abs(ms - 10000) < 20, String(ms));
});

test("per frame moves whole epochs, and no speed passes the last epoch", () => {
  assert.equal(advance({ kind: "per_frame", amount: 5 }, 3, 16, 300, null), 8);
  assert.equal(advance({ kind: "per_frame", amount: 25 }, 290, 16, 300, null), 300);
  assert.equal(advance({ kind: "seconds", amount: 5 }, 0, 5000, 300, null), 300);
  assert.equal(advance({ kind: "per_second", amount: 30 }, 299.5, 1000, 300, null), 300);
  assert.throws(() => advance({ kind: "warp", amount: 1 }, 0, 16, 300, null), /unknown speed kind/);
});

test("ŷ's movement is the mean change of σ(z) on the points, epoch to epoch", () => {
  // One feature, two points (x = 1, x = −1); w goes 0 → 2 → 2, b stays 0.
  const F = Float64Array.from([1, -1]);
  const moved = movement(F, 1, Float64Array.from([0, 2, 2]), Float64Array.from([0, 0, 0]), 2);
  const s2 = 1 / (1 + Math.exp(-2));
  assert.equal(moved[0], 0);
  assert.ok(Math.abs(moved[1] - (Math.abs(s2 - 0.5) + Math.abs(1 - s2 - 0.5)) / 2) < 1e-15);
  assert.equal(moved[2], 0);
});

test("teacher's pace lingers where ŷ moves and hurries where it barely does", () => {
  const moved = Float64Array.from({ length: 301 }, (_, k) => (k === 0 ? 0 : Math.exp(-k / 10)));
  const times = lingerTimes(moved, 12);
  assert.equal(times[0], 0);
  assert.ok(Math.abs(times[300] - 12000) < 1e-6); // the whole run in 12 s
  for (let k = 1; k <= 300; k++) assert.ok(times[k] > times[k - 1]); // never stands still
  assert.ok(times[20] > 6000); // the first 20 epochs, where the learning is, get over half
  assert.ok(times[300] - times[280] < 400); // the last 20 pass in well under half a second
});

test("a run where nothing moves plays evenly, and time and epoch invert each other", () => {
  const times = lingerTimes(new Float64Array(101), 10);
  assert.ok(Math.abs(times[50] - 5000) < 1e-9);
  for (const pos of [0, 0.5, 17.25, 99.9, 100]) assert.ok(Math.abs(epochAtTime(times, timeAtEpoch(times, pos)) - pos) < 1e-9);
  assert.equal(epochAtTime(times, -5), 0);
  assert.equal(epochAtTime(times, 1e9), 100);
});
