// σ (live_view_js/sigmoid.mjs): finite and in [0, 1] for every z, symmetric.
import assert from "node:assert/strict";
import test from "node:test";

import { sigmoid } from "../../neuron_core/figures/live_view_js/sigmoid.mjs";

test("σ(0) is one half and σ is symmetric", () => {
  assert.equal(sigmoid(0), 0.5);
  for (const z of [1e-9, 0.3, 2, 17, 40]) assert.ok(Math.abs(sigmoid(-z) - (1 - sigmoid(z))) < 1e-15);
});

test("no overflow at the extremes", () => {
  assert.equal(sigmoid(800), 1);
  assert.equal(sigmoid(-800), 0);
  assert.equal(sigmoid(Infinity), 1);
  assert.equal(sigmoid(-Infinity), 0);
  assert.ok(sigmoid(-700) > 0 && sigmoid(-700) < 1e-300);
  assert.ok(Number.isNaN(sigmoid(NaN)));
});
