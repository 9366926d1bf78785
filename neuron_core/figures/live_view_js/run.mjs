// One run's data as the view reads it, and the grids ŷ is evaluated on.
//
// Python trains (neuron_core) and sends the whole history: w and b per epoch, costs,
// accuracies, the points, the features and the standardisation statistics (see
// live_view.py). The view never trains: each frame it evaluates ŷ = σ(w·φ(x̃) + b) on its
// own grids. Nothing here touches the page.

import { featureFunctions } from "./features.mjs";
import { numberFormat } from "./format.mjs";
import { sigmoid } from "./sigmoid.mjs";

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
  return Type.from(v);
}

// One run: the history by epoch, its formatter, and ŷ for any raw point at any epoch.
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
    this.phi = featureFunctions(meta.feature_table, meta.features);
    this.mean = Float64Array.from(meta.mean);
    this.scale = Float64Array.from(meta.scale);
    this.format = numberFormat(meta.numbers);
  }

  // Standardised features of (x1, x2) into out[o … o+n).
  inputs(x1, x2, out, o = 0) {
    for (let j = 0; j < this.n; j++) out[o + j] = (this.phi[j](x1, x2) - this.mean[j]) / this.scale[j];
    return out;
  }

  // The neuron after epoch k: { w (a view into the history), b }.
  neuronAt(k) {
    return { w: this.w.subarray(k * this.n, k * this.n + this.n), b: this.b[k] };
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

// A grid over the data's box with the model's inputs at every node, evaluated per epoch.
export class Grid {
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

  // z at every node (row-major in y) for epoch k, or for `neuron` ({ w, b }, one set by
  // hand) when given; kept in this.zs until the next call.
  evaluate(k, neuron = null) {
    const { run, F, zs } = this;
    const n = run.n;
    const { w, b } = neuron ?? run.neuronAt(k);
    for (let i = 0, o = 0; i < zs.length; i++, o += n) {
      let z = b;
      for (let j = 0; j < n; j++) z += w[j] * F[o + j];
      zs[i] = z;
    }
    return zs;
  }
}
