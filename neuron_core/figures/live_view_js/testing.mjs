// Hooks for the browser tests (tests/e2e) and bench/: they read back what the view computed
// and painted, and drive its clock, without the view's classes carrying test-only methods.
// live_view.mjs registers them on the hub: globalThis.__neuronLiveView.test.probe(el, …),
// where el is the view's root element ([data-testid='live-view']).

import { sigmoid } from "./sigmoid.mjs";

// viewOf(root) → the LiveView painting into that root.
export function testHooks(viewOf) {
  return {
    view: viewOf,
    // ŷ the map painted last, at grid nodes (flat indices, row-major in y).
    probe(root, indices) {
      const g = viewOf(root).map.grid;
      return indices.map((i) => ({ x1: g.xs[i % g.nx], x2: g.ys[Math.floor(i / g.nx)], yhat: sigmoid(g.zs[i]) }));
    },
    // The standardised features of raw points, as the view computes them.
    inputs(root, points) {
      const run = viewOf(root).run;
      return points.map(([a, b]) => Array.from(run.inputs(a, b, new Float64Array(run.n))));
    },
    // The boundary's pieces, in data coordinates, as last painted.
    boundary: (root) => viewOf(root).map.segments,
    format: (root, values, sig) => values.map((v) => viewOf(root).run.format.number(v, sig)),
    sigma: (zs) => zs.map(sigmoid),
    // The run's labels and class counts.
    run(root) {
      const { run } = viewOf(root);
      const count = (k) => run.cls.filter((c) => c === k).length;
      return { axis: run.meta.axis_names, classes: run.meta.classes, class0: count(0), class1: count(1) };
    },
  };
}
