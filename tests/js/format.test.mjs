// The view's number formatter (live_view_js/format.mjs), on its own; test_js.py also holds
// it to Python's neuron_core.number_format over thousands of values.
import assert from "node:assert/strict";
import test from "node:test";

import { numberFormat } from "../../neuron_core/figures/live_view_js/format.mjs";

const f = numberFormat({ small: 1e-4, large: 1e5, at_optimum: 1e-10 });

test("plain decimals between the limits, trailing zeros kept", () => {
  assert.equal(f.number(0.21), "0.2100");
  assert.equal(f.number(-0.000126, 3), "−0.000126");
  assert.equal(f.number(12345.6), "12346");
  assert.equal(f.number(7), "7.000");
  assert.equal(f.number(1e-4), "0.0001000");
});

test("powers of ten outside the limits, with the real minus and superscripts", () => {
  assert.equal(f.number(1.26e-5, 3), "1.26 × 10⁻⁵");
  assert.equal(f.number(3.1e300, 2), "3.1 × 10³⁰⁰");
  assert.equal(f.number(-2.5e-12, 2), "−2.5 × 10⁻¹²");
  assert.equal(f.number(1e5, 1), "1 × 10⁵");
});

test("rounding that carries into the next decade moves to a power of ten", () => {
  assert.equal(f.number(99999.7), "1.000 × 10⁵");
  assert.equal(f.number(99999.5, 5), "1.0000 × 10⁵");
});

test("an exact tie rounds to even, as Python does", () => {
  assert.equal(f.number(0.125, 2), "0.12");
  assert.equal(f.number(0.375, 2), "0.38");
  assert.equal(f.number(2.5, 1), "2");
  assert.equal(f.number(3.5, 1), "4");
  assert.equal(f.number(125000, 2), "1.2 × 10⁵");
  assert.equal(f.number(135000, 2), "1.4 × 10⁵");
  assert.equal(f.percent(1 / 16), "6.2 %");
  assert.equal(f.percent(3 / 16), "18.8 %");
});

test("zero, not-a-number and infinities read as words and signs", () => {
  assert.equal(f.number(0), "0");
  assert.equal(f.number(-0), "0");
  assert.equal(f.number(NaN), "not a number");
  assert.equal(f.number(null), "not a number");
  assert.equal(f.number(Infinity), "∞");
  assert.equal(f.number(-Infinity), "−∞");
  assert.equal(f.percent(NaN), "—");
});

test("ticks trim zeros; the limits come from the argument, not the module", () => {
  assert.equal(f.tick(0.5), "0.5");
  assert.equal(f.tick(2e-5), "2 × 10⁻⁵");
  assert.equal(f.tick(100), "100");
  const narrow = numberFormat({ small: 0.01, large: 100, at_optimum: 1e-10 });
  assert.equal(narrow.number(0.005, 2), "5.0 × 10⁻³");
  assert.equal(narrow.number(500, 2), "5.0 × 10²");
});

test("the gap to J* reads the optimum within rounding", () => {
  assert.equal(f.gap(0.3, null), "no J* (separable)");
  assert.equal(f.gap(0.3, 0.3 + 1e-12), "0 (at the optimum)");
  assert.equal(f.gap(0.3123, 0.3), "0.0123");
  assert.equal(f.gap(Infinity, 0.3), "∞");
});
