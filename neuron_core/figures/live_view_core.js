// The live view's core: numbers, one run's data and the grids ŷ is evaluated on.
//
// Python trains (neuron_core) and sends the whole history: w and b per epoch, costs,
// accuracies, the points, the features and the standardisation statistics (see
// live_view.py). The view never trains: each frame it evaluates ŷ = σ(w·φ(x̃) + b) on its
// own grids. This part touches no page: it computes, and the parts joined after it draw.
// live_view.py joins the parts into one module in the order of its PARTS (this one first),
// so a later part uses the names an earlier one defines without importing them.

// The features of (x1, x2), by the names neuron_core.FEATURES uses.
export const FEATURES = {
  x1: (a, b) => a,
  x2: (a, b) => b,
  "x1^2": (a, b) => a * a,
  "x2^2": (a, b) => b * b,
  "x1*x2": (a, b) => a * b,
  "sin(x1)": (a) => Math.sin(a),
  "sin(x2)": (a, b) => Math.sin(b),
};

// σ(z) without overflow for any finite z (the sign-split form the core uses).
export function sigmoid(z) {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

// Numbers as neuron_core.number_format writes them (its limits arrive in meta.numbers, the
// defaults here are the same): `sig` significant digits in plain decimals between SMALL
// and LARGE (trailing zeros kept, so a number that changes every frame keeps its width),
// a × 10ⁿ outside, the real minus sign, never "NaN".
export const NUMBERS = { small: 1e-4, large: 1e5, at_optimum: 1e-10 };
const MINUS = "\u2212";

export function fmt(v, sig = 4, trim = false) {
  if (v === null || v === undefined || Number.isNaN(v)) return "not a number";
  const sign = v < 0 ? MINUS : "";
  if (!Number.isFinite(v)) return `${sign}∞`;
  if (v === 0) return "0";
  let a = Math.abs(v);
  if (a >= NUMBERS.small && a < NUMBERS.large) {
    let text = a.toFixed(Math.max(0, sig - 1 - Math.floor(Math.log10(a))));
    if (Number(text) < NUMBERS.large) {
      if (trim && text.includes(".")) text = text.replace(/\.?0+$/, "");
      return sign + text;
    }
    a = Number(text); // rounding carried into the next decade
  }
  const [m, e] = a.toExponential(sig - 1).split("e");
  const exp = String(Number(e)).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c]);
  return `${sign}${trim ? Number(m) : m} × 10${exp}`;
}

// Tick labels: as few digits as say the value.
const tick = (v) => fmt(v, 3, true);

// How far a cost is above the optimum J*; within rounding (or a hair below) it is there.
export function gapText(cost, optimum) {
  if (optimum === null) return "no J* (separable)";
  const gap = cost - optimum;
  if (!Number.isFinite(gap)) return fmt(gap, 3);
  if (gap <= NUMBERS.at_optimum * Math.max(1, Math.abs(optimum))) return "0 (at the optimum)";
  return fmt(gap, 3);
}

export const percent = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : "—");

// Arrays arrive as an Arrow table (Streamlit), a base64 string (the offline export) or a
// typed array; always hand back a typed array of the wanted type.
export function decode(v, Type) {
  if (v == null) return new Type(0);
  if (typeof v === "string") {
    const bin = atob(v);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Type(bytes.buffer);
  }
  if (typeof v.getChildAt === "function") {
    const names = v.schema.fields.map((f) => f.name);
    const at = names.findIndex((nm) => !nm.startsWith("__index"));
    return Type.from(v.getChildAt(Math.max(at, 0)).toArray());
  }
  if (ArrayBuffer.isView(v)) return Type.from(v);
  return Type.from(v);
}

// One run: the history by epoch, and ŷ for any raw point at any epoch.
export class RunData {
  constructor(data) {
    const meta = data.meta;
    this.meta = meta;
    const packs = { f32: decode(data.f32, Float32Array), f64: decode(data.f64, Float64Array) };
    const field = (name) => {
      const [pack, off, len] = meta.fields[name];
      return packs[pack].subarray(off, off + len);
    };
    for (const k of ["w", "b", "cost", "acc", "points", "cls", "test"]) this[k] = field(k);
    this.testCost = field("test_cost");
    this.testAcc = field("test_acc");
    this.hasTest = this.testCost.length > 0;
    this.n = meta.n;
    this.last = meta.epochs;
    this.m = this.cls.length;
    this.phi = meta.features.map((f) => FEATURES[f]);
    this.mean = Float64Array.from(meta.mean);
    this.scale = Float64Array.from(meta.scale);
  }

  // Standardised features of (x1, x2) into out[o … o+n).
  inputs(x1, x2, out, o = 0) {
    for (let j = 0; j < this.n; j++) out[o + j] = (this.phi[j](x1, x2) - this.mean[j]) / this.scale[j];
    return out;
  }

  z(k, x1, x2) {
    const f = this.inputs(x1, x2, new Float64Array(this.n));
    let z = this.b[k];
    for (let j = 0; j < this.n; j++) z += this.w[k * this.n + j] * f[j];
    return z;
  }

  yhat(k, x1, x2) {
    return sigmoid(this.z(k, x1, x2));
  }
}

const MAP_RES = 100; // nodes per side of the probability map's grid
const SHEET_RES = 26; // nodes per side of the 3-D sheet
const SHEET_POINTS = 400; // at most this many points ride on the sheet (the map shows all)

// A grid over the data's box with the model's inputs at every node, evaluated per epoch.
class Grid {
  constructor(run, nx, ny) {
    const [x0, x1, y0, y1] = run.meta.bounds;
    this.nx = nx;
    this.ny = ny;
    this.xs = Float64Array.from({ length: nx }, (_, i) => x0 + ((x1 - x0) * i) / (nx - 1));
    this.ys = Float64Array.from({ length: ny }, (_, i) => y0 + ((y1 - y0) * i) / (ny - 1));
    this.F = new Float64Array(nx * ny * run.n);
    for (let r = 0; r < ny; r++)
      for (let c = 0; c < nx; c++) run.inputs(this.xs[c], this.ys[r], this.F, (r * nx + c) * run.n);
    this.zs = new Float64Array(nx * ny);
    this.run = run;
  }

  // z at every node (row-major in y) for epoch k.
  evaluate(k) {
    const { run, F, zs } = this;
    const n = run.n;
    const b = run.b[k];
    const w = run.w.subarray(k * n, k * n + n);
    for (let i = 0, o = 0; i < zs.length; i++, o += n) {
      let z = b;
      for (let j = 0; j < n; j++) z += w[j] * F[o + j];
      zs[i] = z;
    }
    return zs;
  }
}

// Colour scale (pale blue → white → pale orange) as a 256-entry lookup table.
function colourTable(stops) {
  const rgb = stops.map(([p, hex]) => [p, [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))]);
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    let s = 0;
    while (s < rgb.length - 2 && t > rgb[s + 1][0]) s++;
    const [p0, c0] = rgb[s];
    const [p1, c1] = rgb[s + 1];
    const u = p1 > p0 ? Math.min(Math.max((t - p0) / (p1 - p0), 0), 1) : 0;
    for (let ch = 0; ch < 3; ch++) lut[i * 3 + ch] = c0[ch] + (c1[ch] - c0[ch]) * u;
  }
  return lut;
}

// About five round tick values covering [lo, hi].
function ticks(lo, hi, count = 5) {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) || raw;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}
