// A neuron set by hand: its cost and accuracy on the run's rows, computed as neuron_core
// computes them, and the geometry that turns the boundary line on the map into (w, b) and
// back. Pure functions: nothing here touches the page (tests/js/hand.test.mjs,
// tests/js/test_js.py holds J to neuron_core's cost).
//
// The map draws the raw inputs (x₁, x₂); the neuron reads its own inputs, standardised or
// not (meta.mean, meta.scale), so z = Σ w_j (x_j − mean_j) / scale_j + b. On the map's
// pixels (px = kx·x + ox, py = ky·y + oy) that is one linear function z = A₁·px + A₂·py + C:
// its zero set is the boundary line and |A| how fast z (and ŷ) rises across it, per pixel.

// The loss in logits, as neuron_core.log_loss: log(1 + e^z) − y·z, with log(1 + e^z) taken
// as numpy's logaddexp(0, z) does (no overflow for any finite z).
export function logLoss(z, y) {
  if (z === Infinity || z === -Infinity) return z > 0 === y > 0.5 ? 0 : Infinity;
  const soft = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  return soft - y * z;
}

// The model's inputs of a run's rows, in float64 (the points travel as float64): the
// training rows (F, y) and the test rows (Ft, yt), in the order the run lists them.
export function rows(run) {
  const n = run.n;
  const count = (test) => Array.from(run.test).filter((t) => t > 0 === test).length;
  const make = (test) => ({ F: new Float64Array(count(test) * n), y: new Float64Array(count(test)) });
  const train = make(false), test = make(true);
  const at = [0, 0];
  for (let i = 0; i < run.m; i++) {
    const isTest = run.test[i] > 0;
    const part = isTest ? test : train;
    const j = at[+isTest]++;
    run.inputs(run.points[2 * i], run.points[2 * i + 1], part.F, j * n);
    part.y[j] = run.cls[i];
  }
  return { train, test };
}

// J(w, b) on rows (F: m × n row-major, y: m) plus (l2/2)·‖w‖² when l2 > 0, and the share
// of rows on the right side (z ≥ 0 predicts class 1), as neuron_core's cost and History.
export function score(w, b, { F, y }, l2 = 0) {
  const n = w.length, m = y.length;
  let sum = 0, right = 0;
  for (let i = 0, o = 0; i < m; i++, o += n) {
    let z = b;
    for (let j = 0; j < n; j++) z += w[j] * F[o + j];
    sum += logLoss(z, y[i]);
    if (z >= 0 === y[i] > 0.5) right += 1;
  }
  let cost = m ? sum / m : Number.NaN;
  if (l2) cost += 0.5 * l2 * w.reduce((s, v) => s + v * v, 0);
  return { cost, acc: m ? right / m : Number.NaN };
}

// Where x₁ and x₂ sit among the run's features, or null when the inputs are anything but
// exactly x₁ and x₂ (the boundary is a line only then).
export function lineInputs(features) {
  if (features.length !== 2) return null;
  const i1 = features.indexOf("x1"), i2 = features.indexOf("x2");
  return i1 >= 0 && i2 >= 0 ? [i1, i2] : null;
}

// A neuron on standardised inputs ((f − mean) / scale) as one on the raw inputs f, and back
// (neuron_core's Standardizer.unscale): the same z for every point.
export function unscale(w, b, { mean, scale }) {
  const raw = Array.from(w, (v, j) => v / scale[j]);
  return { w: raw, b: raw.reduce((s, v, j) => s - v * mean[j], b) };
}

export function rescale(w, b, { mean, scale }) {
  return { w: Array.from(w, (v, j) => v * scale[j]), b: Array.from(w).reduce((s, v, j) => s + v * mean[j], b) };
}

// The map's pixels of a PlotFrame (map.mjs): px = kx·x + ox, py = ky·y + oy.
export function pixelAxes(frame) {
  const kx = frame.pw / (frame.x1 - frame.x0), ky = -frame.ph / (frame.y1 - frame.y0);
  return { kx, ox: frame.pad.l - kx * frame.x0, ky, oy: frame.pad.t + frame.ph - ky * frame.y0 };
}

// (w, b) → the line z = A·p + C on the map's pixels. geo: { at: [i1, i2], mean, scale } and
// the pixel axes.
export function toPixels(w, b, { at, mean, scale }, { kx, ox, ky, oy }) {
  const [i1, i2] = at;
  const a1 = w[i1] / scale[i1], a2 = w[i2] / scale[i2];
  const c = b - a1 * mean[i1] - a2 * mean[i2];
  return { A: [a1 / kx, a2 / ky], C: c - (a1 * ox) / kx - (a2 * oy) / ky };
}

// The line on the pixels → (w, b) of the neuron's own inputs.
export function fromPixels({ A, C }, { at, mean, scale }, { kx, ox, ky, oy }) {
  const [i1, i2] = at;
  const a1 = A[0] * kx, a2 = A[1] * ky;
  const c = C + A[0] * ox + A[1] * oy;
  const w = [0, 0];
  w[i1] = a1 * scale[i1];
  w[i2] = a2 * scale[i2];
  return { w, b: c + a1 * mean[i1] + a2 * mean[i2] };
}

const dot = (A, p) => A[0] * p[0] + A[1] * p[1];
const norm = (A) => Math.hypot(A[0], A[1]);

// Moved parallel: through p (a point grabbed on the line, now at p).
export function moveThrough(line, p) {
  return { A: line.A, C: -dot(line.A, p) };
}

// Turned about q until it passes through p, as steep as before; ŷ keeps rising on the side
// it rose before (the normal turns the short way). Unchanged when p is on q.
export function turnAbout(line, q, p) {
  const d = [p[0] - q[0], p[1] - q[1]];
  const len = norm(d);
  if (len < 1e-9) return line;
  const s = norm(line.A) / len;
  let A = [-d[1] * s, d[0] * s];
  if (dot(A, line.A) < 0) A = [-A[0], -A[1]];
  return { A, C: -dot(A, q) };
}

// Steeper or flatter by `factor`, the line where it was (z scales, its zero set stays).
export function steepen(line, factor) {
  return { A: [line.A[0] * factor, line.A[1] * factor], C: line.C * factor };
}

// The signed distance in pixels of p from the line, along the way z rises.
export function across(line, p) {
  return (dot(line.A, p) + line.C) / norm(line.A);
}

// The unit normal (the way z rises) and the foot of the perpendicular from p.
export function normal(line) {
  const len = norm(line.A);
  return [line.A[0] / len, line.A[1] / len];
}

export function foot(line, p) {
  const d = across(line, p);
  const u = normal(line);
  return [p[0] - d * u[0], p[1] - d * u[1]];
}

// The piece of the line inside the box [l, t, r, btm] (pixels), as two points, or null.
export function clip({ A, C }, [l, t, r, btm]) {
  if (!(norm(A) > 0) || !Number.isFinite(C)) return null;
  const hits = [];
  const add = (x, y) => {
    if (x >= l - 1e-6 && x <= r + 1e-6 && y >= t - 1e-6 && y <= btm + 1e-6) hits.push([x, y]);
  };
  if (A[1] !== 0) for (const x of [l, r]) add(x, -(A[0] * x + C) / A[1]);
  if (A[0] !== 0) for (const y of [t, btm]) add(-(A[1] * y + C) / A[0], y);
  // The two hits farthest apart (a corner is hit twice).
  let best = null, far = -1;
  for (let i = 0; i < hits.length; i++)
    for (let j = i + 1; j < hits.length; j++) {
      const d = norm([hits[i][0] - hits[j][0], hits[i][1] - hits[j][1]]);
      if (d > far) [best, far] = [[hits[i], hits[j]], d];
    }
  return far > 0 ? best : null;
}

// A typed number, as the learner may write it or the formatter wrote it: "-1.5", "−1.5",
// "2e-3", "2 × 10⁻³"; a comma as the decimal mark too. null unless finite.
const SUPER = { "⁻": "-", "⁺": "+", "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };

export function parseTyped(text) {
  let s = String(text).trim().replace(/\u2212/g, "-").replace(/[⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => SUPER[c]);
  if (/^[-+]?\d+,\d+$/.test(s)) s = s.replace(",", ".");
  const m = s.match(/^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)(?:\s*[×x*]\s*10\s*\^?\s*([-+]?\d+))?$/i);
  if (!m) return null;
  if (m[2] !== undefined && /e/i.test(m[1])) return null;
  const v = Number(m[2] === undefined ? m[1] : `${m[1]}e${m[2]}`); // correctly rounded
  return Number.isFinite(v) ? v : null;
}
