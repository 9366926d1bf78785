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
    // The neuron shown (the epoch's or the one set by hand), full precision.
    shown(root) {
      const { w, b } = viewOf(root).neuron();
      return { w: Array.from(w), b };
    },
    // The run's neuron after epoch k (w as sent: float32; b float64).
    row(root, k) {
      const { w, b } = viewOf(root).run.neuronAt(k);
      return { w: Array.from(w), b };
    },
    // The neuron set by hand with its J and accuracy (training, test), or null.
    hand(root) {
      const h = viewOf(root).hand;
      return h && { w: Array.from(h.w), b: h.b, cost: h.train.cost, acc: h.train.acc, test: h.test };
    },
    // The boundary's grips as drawn last, in the page's pixels (client coordinates), or null.
    grips(root) {
      const v = viewOf(root);
      const gr = v.grip.drawn;
      if (!gr) return null;
      const box = v.map.surface.top.getBoundingClientRect();
      const at = ([x, y]) => [box.left + x, box.top + y];
      return { ends: gr.ends.map(at), mid: at(gr.mid), knob: at(gr.knob) };
    },
    // A data point (x₁, x₂) on the map, in the page's pixels, and back.
    toPage(root, [x, y]) {
      const v = viewOf(root);
      const box = v.map.surface.top.getBoundingClientRect();
      const [px, py] = v.map.frame.toPixel(x, y);
      return [box.left + px, box.top + py];
    },
    toData(root, [cx, cy]) {
      const v = viewOf(root);
      const box = v.map.surface.top.getBoundingClientRect();
      return v.map.frame.toData(cx - box.left, cy - box.top);
    },
    // What the view last sent Python on its "control" trigger ({ key, value }).
    control: (root) => viewOf(root).lastControl ?? null,
    // The run's labels and class counts.
    run(root) {
      const { run } = viewOf(root);
      const count = (k) => run.cls.filter((c) => c === k).length;
      return { axis: run.meta.axis_names, classes: run.meta.classes, class0: count(0), class1: count(1) };
    },
  };
}
