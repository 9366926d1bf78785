// The boundary tracer (live_view_js/contour.mjs): marching squares and polylines.
import assert from "node:assert/strict";
import test from "node:test";

import { polylines, zeroCrossings } from "../../neuron_core/figures/live_view_js/contour.mjs";

// z(x, y) on an n × n grid over [-1, 1]², row-major in y.
function field(n, z) {
  const xs = Float64Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
  const zs = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) zs[r * n + c] = z(xs[c], xs[r]);
  return { zs, xs };
}

test("a straight boundary is one open line through the grid, where z = 0", () => {
  const n = 21;
  const { zs, xs } = field(n, (x, y) => x + 0.5 * y - 0.13);
  const segs = zeroCrossings(zs, n, n, xs, xs);
  assert.ok(segs.length >= n - 1); // at least one piece per row of cells
  for (const [x, y] of segs.flat()) assert.ok(Math.abs(x + 0.5 * y - 0.13) < 1e-12);
  const lines = polylines(segs);
  assert.equal(lines.length, 1);
  assert.equal(lines[0].length, segs.length + 1);
  const ys = lines[0].map(([, y]) => y);
  assert.deepEqual([Math.min(...ys), Math.max(...ys)], [-1, 1]);
});

test("a circle is one closed loop", () => {
  const n = 41;
  const { zs, xs } = field(n, (x, y) => x * x + y * y - 0.36);
  const lines = polylines(zeroCrossings(zs, n, n, xs, xs));
  assert.equal(lines.length, 1);
  const line = lines[0];
  assert.deepEqual(line[0], line[line.length - 1]);
  for (const [x, y] of line) assert.ok(Math.abs(Math.hypot(x, y) - 0.6) < 0.01);
});

test("a saddle cell gives two pieces; a field of one sign gives none", () => {
  const zs = Float64Array.from([1, -1, -1, 1]);
  const segs = zeroCrossings(zs, 2, 2, [0, 1], [0, 1]);
  assert.equal(segs.length, 2);
  assert.equal(polylines(segs).length, 2);
  assert.deepEqual(zeroCrossings(Float64Array.from([1, 2, 3, 4]), 2, 2, [0, 1], [0, 1]), []);
});
