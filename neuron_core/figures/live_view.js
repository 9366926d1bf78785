// The Playground's live view: one neuron's training run painted in the browser, every epoch.
//
// Python trains (neuron_core) and sends the whole history: w and b per epoch, costs,
// accuracies, the points, the features and the standardisation statistics (see
// live_view.py). This file never trains: each frame it evaluates ŷ = σ(w·φ(x̃) + b) on its
// own grids and paints three views from one clock: the probability map with the ŷ = 0.5
// boundary, the 3-D sigmoid sheet (Canvas 2D, no GPU needed) and the cost curve, plus the
// numbers of the epoch shown.
//
// Streamlit (st.components.v2) calls the default export again on the SAME element at every
// rerun, so the view lives on that element and a rerun only swaps the data: one animation
// loop per element, ever. The offline HTML export calls it once with the same data.

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

// Numbers as neuron_core.numbers writes them (its limits arrive in meta.numbers, the
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

// Segments where z = 0, by marching squares with linear interpolation along cell edges.
export function zeroCrossings(zs, nx, ny, xs, ys) {
  const segs = [];
  const cut = (za, zb, a, b) => a + ((b - a) * za) / (za - zb);
  for (let r = 0; r < ny - 1; r++) {
    for (let c = 0; c < nx - 1; c++) {
      const z00 = zs[r * nx + c], z10 = zs[r * nx + c + 1];
      const z01 = zs[(r + 1) * nx + c], z11 = zs[(r + 1) * nx + c + 1];
      const pts = [];
      if (z00 > 0 !== z10 > 0) pts.push([cut(z00, z10, xs[c], xs[c + 1]), ys[r]]);
      if (z10 > 0 !== z11 > 0) pts.push([xs[c + 1], cut(z10, z11, ys[r], ys[r + 1])]);
      if (z01 > 0 !== z11 > 0) pts.push([cut(z01, z11, xs[c], xs[c + 1]), ys[r + 1]]);
      if (z00 > 0 !== z01 > 0) pts.push([xs[c], cut(z00, z01, ys[r], ys[r + 1])]);
      if (pts.length === 2) segs.push([pts[0], pts[1]]);
      else if (pts.length === 4) segs.push([pts[0], pts[1]], [pts[2], pts[3]]);
    }
  }
  return segs;
}

// The segments joined into polylines: one stroke of a few long lines is far cheaper for
// Canvas 2D than a stroke of a hundred separate pieces. Adjacent cells compute a shared
// edge's crossing from the same numbers, so shared endpoints are exactly equal.
export function polylines(segs) {
  const at = new Map();
  const key = (p) => `${p[0]},${p[1]}`;
  segs.forEach(([a, b], i) => {
    for (const [p, end] of [[a, 0], [b, 1]]) {
      const k = key(p);
      if (!at.has(k)) at.set(k, []);
      at.get(k).push([i, end]);
    }
  });
  const used = new Uint8Array(segs.length);
  const walk = (i, end) => {
    const line = [segs[i][end], segs[i][1 - end]];
    used[i] = 1;
    for (;;) {
      const next = (at.get(key(line[line.length - 1])) || []).find(([j]) => !used[j]);
      if (!next) return line;
      const [j, e] = next;
      used[j] = 1;
      line.push(segs[j][1 - e]);
    }
  };
  const lines = [];
  // Open curves first, from an end only one segment touches; then the closed loops.
  for (const ends of at.values()) if (ends.length === 1 && !used[ends[0][0]]) lines.push(walk(ends[0][0], ends[0][1]));
  for (let i = 0; i < segs.length; i++) if (!used[i]) lines.push(walk(i, 0));
  return lines;
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

const el = (tag, props = {}, kids = []) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("aria-") || k.startsWith("data-") || k === "role" || k === "for") e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const kid of kids) e.append(kid);
  return e;
};

// A view's stack of canvases, sized to its box in CSS pixels, sharp on high-DPI screens.
// Parts that change every frame and parts drawn once per size sit on separate canvases,
// so a frame repaints only what moved and the browser composites the rest.
class Surface {
  constructor(parent, label, layers) {
    parent.setAttribute("role", "img");
    parent.setAttribute("aria-label", label);
    this.layers = {};
    for (const name of layers) {
      const canvas = el("canvas");
      parent.append(canvas);
      this.layers[name] = { canvas, ctx: canvas.getContext("2d") };
    }
    this.top = this.layers[layers[layers.length - 1]].canvas;
    this.w = this.h = 0;
  }

  fit() {
    const r = this.top.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(r.width)), h = Math.max(1, Math.round(r.height));
    if (w === this.w && h === this.h && dpr === this.dpr) return false;
    Object.assign(this, { w, h, dpr });
    for (const { canvas } of Object.values(this.layers)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
    }
    return true;
  }

  // The layer's context, cleared, drawing in CSS pixels.
  clear(name) {
    const { canvas, ctx } = this.layers[name];
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    return ctx;
  }
}

// Button icons drawn as SVG: glyphs like ⏸ are missing from many school machines' fonts.
const ICONS = {
  play: "M4 2.5v11l9.5-5.5z",
  pause: "M3.5 2.5h3.2v11H3.5zM9.3 2.5h3.2v11H9.3z",
  restart: "M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.8.6A3.6 3.6 0 1 0 8 4.4V6.5L4.6 3.5 8 .5z",
};

function icon(name) {
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "lv-icon");
  const path = document.createElementNS(NS, "path");
  path.setAttribute("d", ICONS[name]);
  path.setAttribute("fill", "currentColor");
  svg.append(path);
  return svg;
}

function marker(ctx, x, y, r, cls, hollow, colour) {
  ctx.beginPath();
  if (cls === 1) ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
  else ctx.arc(x, y, r, 0, 2 * Math.PI);
  if (hollow) {
    ctx.fillStyle = "rgba(255,255,255,0.85)";
    ctx.fill();
    ctx.strokeStyle = colour;
    ctx.lineWidth = Math.max(1.5, r / 3);
    ctx.stroke();
  } else {
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = 1;
    ctx.stroke();
  }
}

const MAP_RES = 100; // nodes per side of the probability map's grid
const SHEET_RES = 26; // nodes per side of the 3-D sheet
const SHEET_POINTS = 400; // at most this many points ride on the sheet (the map shows all)
const FIT = "fit"; // the speed that plays the whole run in about meta.fit_seconds

class LiveView {
  constructor(host) {
    this.host = host;
    this.frames = 0;
    this.epoch = 0;
    this.pos = 0;
    this.playing = false;
    this.raf = 0;
    this.az = -0.6;
    this.el = 0.5;
    this.speed = "1";
    this.speedChoice = null;
    this.logCost = null;
    this.build();
    this.resize = new ResizeObserver(() => {
      this.fitHeight();
      this.schedule(true);
    });
    this.resize.observe(this.root);
    // Content above the view (a notice, a wrapped caption) moves its top: refit then too.
    const page = document.querySelector("[data-testid='stMainBlockContainer'], .stMainBlockContainer");
    if (page) this.resize.observe(page);
    this.onWindow = () => this.fitHeight();
    window.addEventListener("resize", this.onWindow);
  }

  build() {
    const root = el("div", { class: "lv", "data-testid": "live-view" });
    this.play = el("button", { class: "lv-play", type: "button" });
    this.play.addEventListener("click", () => this.toggle());
    this.restart = el("button", { class: "lv-restart", type: "button", title: "Back to epoch 0", "aria-label": "Restart" }, [icon("restart")]);
    this.restart.addEventListener("click", () => this.seek(0, true));
    this.scrub = el("input", { class: "lv-scrub", type: "range", min: 0, step: 1, "aria-label": "Epoch" });
    this.scrub.addEventListener("input", () => {
      this.pause(false);
      this.seek(Number(this.scrub.value), false);
    });
    this.scrub.addEventListener("change", () => this.report());
    this.speedBox = el("select", { class: "lv-speed", "aria-label": "Speed", title: "Epochs per frame" });
    this.speedBox.addEventListener("change", () => {
      this.speed = this.speedChoice = this.speedBox.value;
    });
    this.logBox = el("input", { type: "checkbox", class: "lv-log" });
    this.logBox.addEventListener("change", () => {
      this.logCost = this.logBox.checked;
      this.schedule(true);
    });
    const log = el("label", { class: "lv-check", title: "Cost axis on a log scale" }, [this.logBox, el("span", { text: "log J" })]);
    this.epochText = el("span", { class: "lv-epoch", "aria-live": "off" });
    const bar = el("div", { class: "lv-bar" }, [this.play, this.restart, this.scrub, this.epochText, this.speedBox, log]);

    this.numbers = el("div", { class: "lv-numbers" });
    this.cells = {};
    const cells = [["cost", "Cost J"], ["gap", "J − J*"], ["acc", "Accuracy"], ["w", "w"], ["b", "b"]];
    for (const [key, label] of cells) {
      const value = el("span", { class: "lv-value" });
      this.cells[key] = value;
      this.numbers.append(el("div", { class: `lv-cell lv-cell-${key}` }, [el("span", { class: "lv-label", text: label }), value]));
    }

    const panel = (title, cls) => {
      const box = el("figure", { class: `lv-panel ${cls}` });
      const head = el("figcaption", { class: "lv-title", text: title });
      const legend = el("div", { class: "lv-legend" });
      const frame = el("div", { class: "lv-canvas" });
      box.append(head, frame, legend);
      return { box, frame, legend };
    };
    const map = panel("ŷ over the inputs, boundary ŷ = 0.5", "lv-map");
    const sheet = panel("ŷ as a height (drag to turn)", "lv-sheet");
    const cost = panel("Cost J per epoch", "lv-cost");
    // ŷ's colours: a grid-sized canvas the browser stretches (smoothly) over the plot area.
    this.heatBox = el("div", { class: "lv-heat" });
    this.heatCanvas = el("canvas", { width: MAP_RES, height: MAP_RES });
    this.heatBox.append(this.heatCanvas);
    map.frame.append(this.heatBox);
    this.mapView = new Surface(map.frame, "Probability map", ["line", "marks"]);
    this.sheetView = new Surface(sheet.frame, "3-D sigmoid surface", ["back", "sheet", "front"]);
    this.costView = new Surface(cost.frame, "Cost curve", ["curves", "now"]);
    this.legends = { map: map.legend, sheet: sheet.legend, cost: cost.legend };
    this.sheetView.top.addEventListener("pointerdown", (e) => this.drag(e));
    this.sheetView.top.style.touchAction = "none";
    // One grid holds everything, so a phone can put the numbers right under the map.
    const views = el("div", { class: "lv-views" }, [bar, this.numbers, map.box, sheet.box, cost.box]);
    this.views = views;
    root.append(views);
    this.host.append(root);
    this.root = root;
    root.liveView = this; // the test hook: el.liveView.probe(...), .yhat(...)
  }

  // New data from Python: keep the epoch the learner looks at, and keep playing.
  update(data) {
    const meta = data.meta;
    if (this.run && this.run.meta.run === meta.run) return;
    const first = !this.run;
    const wasAtEnd = this.run && this.epoch >= this.run.last && !this.playing;
    this.run = new RunData(data);
    Object.assign(NUMBERS, meta.numbers || {});
    const last = this.run.last;
    if (first) this.epoch = this.restored ?? last;
    else if (wasAtEnd) this.epoch = last;
    this.epoch = Math.min(this.epoch, last);
    this.pos = this.epoch;
    this.mapGrid = new Grid(this.run, MAP_RES, MAP_RES);
    this.sheetGrid = new Grid(this.run, SHEET_RES, SHEET_RES);
    this.lut = colourTable(meta.style.scale);
    this.heat = new ImageData(MAP_RES, MAP_RES);
    this.sheetPoints = this.pickSheetPoints();
    this.root.classList.toggle("lv-presenter", !!meta.style.presenter);
    this.scrub.max = last;
    this.fillSpeeds();
    this.root.setAttribute("data-epochs", String(last));
    this.root.setAttribute("data-run", meta.run);
    this.root.setAttribute("data-pending", "true"); // until this run's first frame is painted
    this.writeLegends();
    if (this.root.isConnected) this.fitHeight();
    this.schedule(true);
  }

  // The speed menu; until the learner picks one, long runs start at "whole run in 5 s".
  fillSpeeds() {
    const meta = this.run.meta;
    this.speedBox.replaceChildren(
      ...meta.speeds.map((s) => el("option", { value: String(s), text: `${s} epoch${s > 1 ? "s" : ""}/frame` })),
      el("option", { value: FIT, text: `whole run: ${meta.fit_seconds} s` }),
    );
    this.speed = this.speedChoice ?? (this.run.last > meta.long_run ? FIT : "1");
    this.speedBox.value = this.speed;
  }

  pickSheetPoints() {
    const { m } = this.run;
    const stride = Math.max(1, Math.ceil(m / SHEET_POINTS));
    const out = [];
    for (let i = 0; i < m; i += stride) out.push(i);
    return out;
  }

  writeLegends() {
    const meta = this.run.meta;
    const [c0, c1] = meta.style.colors;
    const key = (shape, colour, text, hollow = false) =>
      el("span", { class: "lv-key" }, [
        el("i", { class: `lv-sym lv-${shape}${hollow ? " lv-hollow" : ""}`, style: `--c:${colour}` }),
        el("span", { text }),
      ]);
    const classes = [key("circle", c0, meta.classes[0]), key("square", c1, meta.classes[1])];
    const test = meta.m_test ? [key("circle", "#444", "test (hollow)", true)] : [];
    this.legends.map.replaceChildren(...classes, ...test);
    this.legends.sheet.replaceChildren(el("span", { class: "lv-bar-scale", text: "ŷ: 0" }), el("i", { class: "lv-gradient", style: `background: linear-gradient(90deg, ${meta.style.scale.map(([p, c]) => `${c} ${100 * p}%`).join(", ")})` }), el("span", { text: "1" }));
    const costKeys = [key("line", c0, "training")];
    if (this.run.hasTest) costKeys.push(key("dash", c1, "test"));
    if (meta.optimum !== null) costKeys.push(key("dot", "#555", `J* ${fmt(meta.optimum)}`));
    this.legends.cost.replaceChildren(...costKeys);
  }

  // --- the clock -------------------------------------------------------------------------

  schedule(relayout = false) {
    if (relayout) this.dirty = true;
    if (!this.raf) this.raf = requestAnimationFrame((t) => this.frame(t));
  }

  frame(t) {
    this.raf = 0;
    if (!this.run) return;
    // The first frame of a play shows where it starts (epoch 0 after the end); then it moves.
    if (this.playing && this.lastT !== undefined) {
      const last = this.run.last;
      const dt = Math.min(t - this.lastT, 100);
      const step = this.speed === FIT ? (dt * last) / (this.run.meta.fit_seconds * 1000) : Number(this.speed);
      this.pos = Math.min(this.pos + step, last);
      this.epoch = Math.floor(this.pos);
      if (this.epoch >= last) {
        this.playing = false;
        this.report();
      }
    }
    this.lastT = this.playing ? t : undefined;
    this.paint();
    if (this.playing) this.schedule();
  }

  toggle() {
    if (this.playing) return this.pause(true);
    if (this.epoch >= this.run.last) this.seek(0, false);
    this.playing = true;
    this.lastT = undefined;
    this.schedule();
    this.setPlayLabel();
  }

  pause(report) {
    if (!this.playing) return;
    this.playing = false;
    this.setPlayLabel();
    if (report) this.report();
  }

  seek(epoch, report) {
    this.epoch = Math.max(0, Math.min(Math.round(epoch), this.run.last));
    this.pos = this.epoch;
    if (report) {
      this.pause(false);
      this.report();
    }
    this.schedule();
  }

  report() {
    this.setPlayLabel();
    if (this.setStateValue) this.setStateValue("epoch", this.epoch);
  }

  setPlayLabel() {
    const label = this.playing ? "Pause" : "Play";
    if (this.play.getAttribute("aria-label") !== label) {
      this.play.setAttribute("aria-label", label);
      this.play.replaceChildren(icon(this.playing ? "pause" : "play"), el("span", { text: label }));
    }
    this.root.setAttribute("data-playing", String(this.playing));
  }

  drag(e) {
    const c = this.sheetView.top;
    c.setPointerCapture(e.pointerId);
    let x = e.clientX, y = e.clientY;
    const move = (ev) => {
      this.az -= (ev.clientX - x) * 0.01;
      this.el = Math.min(1.45, Math.max(0.05, this.el + (ev.clientY - y) * 0.01));
      x = ev.clientX;
      y = ev.clientY;
      this.schedule();
    };
    const up = () => {
      c.removeEventListener("pointermove", move);
      c.removeEventListener("pointerup", up);
      c.removeEventListener("pointercancel", up);
    };
    c.addEventListener("pointermove", move);
    c.addEventListener("pointerup", up);
    c.addEventListener("pointercancel", up);
  }

  // --- painting ---------------------------------------------------------------------------

  paint() {
    const k = this.epoch;
    const resized = [this.mapView, this.sheetView, this.costView].map((v) => v.fit()).some(Boolean);
    if (resized || this.dirty) this.layout();
    this.dirty = false;
    this.paintMap(k);
    this.paintSheet(k);
    this.paintCost(k);
    this.paintNumbers(k);
    this.scrub.value = String(k);
    this.frames += 1;
    this.root.setAttribute("data-epoch", String(k));
    this.root.setAttribute("data-frames", String(this.frames));
    this.root.removeAttribute("data-pending");
    this.setPlayLabel();
  }

  font(px, weight = "") {
    // Read once: the sheet's labels are drawn every frame, and a style read each time
    // would make the browser recompute styles every frame.
    this.family ??= getComputedStyle(this.root).fontFamily || "sans-serif";
    return `${weight} ${px}px ${this.family}`.trim();
  }

  get textPx() {
    return this.run.meta.style.presenter ? 17 : 13;
  }

  // The views' height: what is left of the window below the view's top, so the controls,
  // the numbers and all three views fit on one screen (the CSS height is the fallback).
  fitHeight() {
    const frame = this.mapView.top.parentElement;
    const columns = getComputedStyle(this.views).gridTemplateColumns.split(" ").length;
    // (three columns: side by side; fewer: the CSS sizes the views by width)
    if (columns < 3) {
      this.root.style.removeProperty("--lv-h");
      return;
    }
    const top = this.root.getBoundingClientRect().top + window.scrollY;
    const fixed = this.root.offsetHeight - frame.offsetHeight;
    const most = this.run.meta.style.presenter ? 620 : 480;
    // No taller than 1.2 × wide: a tall thin map distorts the picture more than it helps.
    const tall = frame.getBoundingClientRect().width * 1.2;
    const h = Math.round(Math.min(most, tall, Math.max(220, window.innerHeight - top - fixed - 12)));
    if (this.root.style.getPropertyValue("--lv-h") !== `${h}px`) this.root.style.setProperty("--lv-h", `${h}px`);
  }

  layout() {
    this.dirtyKey = (this.dirtyKey || 0) + 1;
    this.layoutMap();
    this.layoutCost();
  }

  // The map's fixed parts (points, axes) drawn once per size into a layer over ŷ.
  layoutMap() {
    const v = this.mapView;
    const run = this.run;
    const tp = this.textPx;
    const pad = { l: tp * 3.4, r: 8, t: 8, b: tp * 3 };
    const [x0, x1, y0, y1] = run.meta.bounds;
    const pw = v.w - pad.l - pad.r, ph = v.h - pad.t - pad.b;
    this.mapBox = {
      pad, pw, ph,
      sx: (x) => pad.l + ((x - x0) / (x1 - x0)) * pw,
      sy: (y) => pad.t + (1 - (y - y0) / (y1 - y0)) * ph,
    };
    // Node centres sit on the plot's edges: the grid's pixels reach half a cell beyond them.
    const cw = pw / (MAP_RES - 1), ch = ph / (MAP_RES - 1);
    Object.assign(this.heatBox.style, { left: `${pad.l}px`, top: `${pad.t}px`, width: `${pw}px`, height: `${ph}px` });
    Object.assign(this.heatCanvas.style, { left: `${-cw / 2}px`, top: `${-ch / 2}px`, width: `${pw + cw}px`, height: `${ph + ch}px` });
    const ctx = v.clear("marks");
    const { sx, sy } = this.mapBox;
    const [c0, c1] = run.meta.style.colors;
    const r = Math.max(3, Math.min(run.meta.style.marker / 2, pw / 60));
    for (let i = 0; i < run.m; i++) {
      const cls = run.cls[i];
      marker(ctx, sx(run.points[2 * i]), sy(run.points[2 * i + 1]), r, cls, run.test[i] > 0, cls ? c1 : c0);
    }
    ctx.strokeStyle = "#444";
    ctx.lineWidth = 1;
    ctx.strokeRect(pad.l, pad.t, pw, ph);
    ctx.fillStyle = "#111";
    ctx.font = this.font(tp);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const t of ticks(x0, x1, pw > 260 ? 5 : 3)) {
      ctx.fillRect(sx(t), pad.t + ph, 1, 4);
      ctx.fillText(tick(t), sx(t), pad.t + ph + 5);
    }
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const t of ticks(y0, y1, ph > 260 ? 5 : 3)) {
      ctx.fillRect(pad.l - 4, sy(t), 4, 1);
      ctx.fillText(tick(t), pad.l - 6, sy(t));
    }
    ctx.font = this.font(tp + 1, "600");
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    ctx.fillText(run.meta.axis_names[0], pad.l + pw / 2, v.h - 2);
    ctx.save();
    ctx.translate(tp + 2, pad.t + ph / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "middle";
    ctx.fillText(run.meta.axis_names[1], 0, 0);
    ctx.restore();
  }

  paintMap(k) {
    const v = this.mapView;
    const g = this.mapGrid;
    const zs = g.evaluate(k);
    const px = this.heat.data;
    const lut = this.lut;
    // ImageData rows run top to bottom; grid rows run up the y axis.
    for (let r = 0; r < g.ny; r++) {
      const row = (g.ny - 1 - r) * g.nx;
      for (let c = 0; c < g.nx; c++) {
        const i = Math.min(255, Math.max(0, Math.round(sigmoid(zs[r * g.nx + c]) * 255))) * 3;
        const o = (row + c) * 4;
        px[o] = lut[i];
        px[o + 1] = lut[i + 1];
        px[o + 2] = lut[i + 2];
        px[o + 3] = 255;
      }
    }
    this.heatCanvas.getContext("2d").putImageData(this.heat, 0, 0);
    const ctx = v.clear("line");
    const { pad, pw, ph, sx, sy } = this.mapBox;
    ctx.save();
    ctx.beginPath();
    ctx.rect(pad.l, pad.t, pw, ph);
    ctx.clip();
    const segs = zeroCrossings(zs, g.nx, g.ny, g.xs, g.ys);
    this.boundary = segs;
    ctx.beginPath();
    for (const pts of polylines(segs)) {
      pts.forEach(([x, y], j) => (j ? ctx.lineTo(sx(x), sy(y)) : ctx.moveTo(sx(x), sy(y))));
    }
    ctx.strokeStyle = "#111111";
    ctx.lineWidth = this.run.meta.style.line;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.stroke();
    ctx.restore();
  }

  // The sheet: orthographic view of ŷ over the box, turned by azimuth and elevation (Canvas
  // 2D and our own pixels; no WebGL, so it works without a GPU). Three layers: the floor and
  // walls (redrawn when the camera turns), the sheet, and the points and labels in front.
  paintSheet(k) {
    const v = this.sheetView;
    const run = this.run;
    const zs = this.sheetGrid.evaluate(k);
    const ca = Math.cos(this.az), sa = Math.sin(this.az);
    const ce = Math.cos(this.el), se = Math.sin(this.el);
    const margin = this.textPx * 1.8; // room for the ŷ scale on the left
    const scale = Math.min((v.w - margin) / 2.9, v.h / 2.5);
    const cx = (v.w + margin) / 2, cy = v.h / 2 + scale * 0.1;
    const H = 1.1; // height of ŷ = 1 relative to the box's half-width
    const [x0, x1, y0, y1] = run.meta.bounds;
    const unitX = (x) => (2 * (x - x0)) / (x1 - x0) - 1;
    const unitY = (y) => (2 * (y - y0)) / (y1 - y0) - 1;
    // (u, v, h) in [-1, 1]² × [0, 1] → screen x, y and depth (larger is farther).
    const project = (u, w, h) => {
      const a = u * ca - w * sa;
      const b = u * sa + w * ca;
      const z = (h - 0.5) * H;
      return [cx + scale * a, cy - scale * (z * ce + b * se), b * ce - z * se];
    };
    const corners = [[-1, -1], [1, -1], [1, 1], [-1, 1]];
    const floor = corners.map(([u, w]) => project(u, w, 0));
    const line = (ctx, pts, colour, width) => {
      ctx.beginPath();
      pts.forEach(([x, y], j) => (j ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
      ctx.strokeStyle = colour;
      ctx.lineWidth = width;
      ctx.stroke();
    };
    const camera = `${this.az} ${this.el} ${v.w} ${v.h} ${this.dirtyKey}`;
    if (camera !== this.sheetCamera) {
      this.sheetCamera = camera;
      // The floor and the two far walls (grid lines at ŷ = 0.5 and 1).
      const back = v.clear("back");
      const far = floor.indexOf(floor.reduce((a, b) => (b[2] > a[2] ? b : a)));
      line(back, [...floor, floor[0]], "#9a9a9a", 1);
      for (const side of [far - 1, far + 1]) {
        const [ua, wa] = corners[far], [ub, wb] = corners[(side + 4) % 4];
        for (const h of [0.5, 1]) line(back, [project(ua, wa, h), project(ub, wb, h)], "#d0d0d0", 1);
        line(back, [project(ub, wb, 0), project(ub, wb, 1)], "#d0d0d0", 1);
      }
      line(back, [floor[far], project(...corners[far], 1)], "#9a9a9a", 1);
    }
    // The sheet, rasterised here with a depth buffer: hundreds of filled paths a frame
    // cost Canvas 2D ~10 ms without a GPU, these pixels a few.
    const raster = this.rasterSheet(zs, project, scale);
    // Points at the height of their class; behind the sheet they show faintly through it.
    const ctx = v.clear("front");
    const [c0, c1] = run.meta.style.colors;
    const r = Math.max(2.5, run.meta.style.marker / 3);
    const W = raster.width, Hpx = raster.height, dpr = v.dpr;
    for (const i of this.sheetPoints) {
      const cls = run.cls[i];
      const [x, y, depth] = project(unitX(run.points[2 * i]), unitY(run.points[2 * i + 1]), cls);
      const px = Math.round(x * dpr), py = Math.round(y * dpr);
      const inside = px >= 0 && py >= 0 && px < W && py < Hpx;
      ctx.globalAlpha = inside && raster.depth[py * W + px] < depth - 0.02 ? 0.3 : 1;
      marker(ctx, x, y, r, cls, false, cls ? c1 : c0);
    }
    ctx.globalAlpha = 1;
    // The ŷ scale on the corner farthest left, and the axis names along two floor edges:
    // drawn last so the sheet never hides them.
    ctx.font = this.font(this.textPx);
    ctx.fillStyle = "#111";
    const left = corners[floor.indexOf(floor.reduce((a, b) => (b[0] < a[0] ? b : a)))];
    line(ctx, [project(...left, 0), project(...left, 1)], "#555", 1.2);
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const h of [0, 0.5, 1]) {
      const [x, y] = project(...left, h);
      ctx.fillText(String(h), x - 5, y);
    }
    const [tx, ty] = project(...left, 1);
    ctx.font = this.font(this.textPx + 2, "600");
    ctx.textAlign = "center";
    ctx.fillText("ŷ", tx, ty - this.textPx - 4);
    ctx.font = this.font(this.textPx, "600");
    ctx.textAlign = "center";
    const xa = project(0, -1.3, 0), ya = project(-1.3, 0, 0);
    ctx.fillText(run.meta.axis_names[0], xa[0], xa[1]);
    ctx.fillText(run.meta.axis_names[1], ya[0], ya[1]);
  }

  // ŷ's sheet as pixels on the sheet layer: two flat-shaded triangles a grid cell, the
  // nearest wins, a faint line along every grid line. Returns the depth buffer too.
  rasterSheet(zs, project, scale) {
    const v = this.sheetView;
    const { canvas, ctx } = v.layers.sheet;
    const W = canvas.width, Hpx = canvas.height, dpr = v.dpr;
    let buf = this.sheetBuf;
    if (!buf || buf.width !== W || buf.height !== Hpx) {
      buf = { width: W, height: Hpx, img: new ImageData(W, Hpx), depth: new Float32Array(W * Hpx) };
      this.sheetBuf = buf;
    }
    const px = buf.img.data, depth = buf.depth, lut = this.lut;
    px.fill(0);
    depth.fill(Infinity);
    const g = this.sheetGrid, nx = g.nx, ny = g.ny;
    const X = new Float64Array(nx * ny), Y = new Float64Array(nx * ny), Z = new Float64Array(nx * ny);
    for (let r = 0; r < ny; r++)
      for (let c = 0; c < nx; c++) {
        const i = r * nx + c;
        const p = project((2 * c) / (nx - 1) - 1, (2 * r) / (ny - 1) - 1, sigmoid(zs[i]));
        X[i] = p[0] * dpr;
        Y[i] = p[1] * dpr;
        Z[i] = p[2];
      }
    // One triangle: barycentric weights stepped along each row (edge functions).
    // (ua, va) … are the corners' grid coordinates, for the grid lines.
    const tri = (a, b, c, ua, va, ub, vb, uc, vc, R, G, B) => {
      const ax = X[a], ay = Y[a], bx = X[b], by = Y[b], cx = X[c], cy = Y[c];
      const area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      if (Math.abs(area) < 1e-9) return;
      const inv = 1 / area;
      const x0 = Math.max(0, Math.floor(Math.min(ax, bx, cx))), x1 = Math.min(W - 1, Math.ceil(Math.max(ax, bx, cx)));
      const y0 = Math.max(0, Math.floor(Math.min(ay, by, cy))), y1 = Math.min(Hpx - 1, Math.ceil(Math.max(ay, by, cy)));
      const dax = -(cy - by) * inv, dbx = -(ay - cy) * inv; // d(weight)/dx
      const za = Z[a], zb = Z[b], zc = Z[c];
      for (let y = y0; y <= y1; y++) {
        const py = y + 0.5, pxx = x0 + 0.5;
        let wa = ((bx - pxx) * (cy - py) - (by - py) * (cx - pxx)) * inv;
        let wb = ((cx - pxx) * (ay - py) - (cy - py) * (ax - pxx)) * inv;
        for (let x = x0, o = y * W + x0; x <= x1; x++, o++, wa += dax, wb += dbx) {
          const wc = 1 - wa - wb;
          if (wa < -1e-6 || wb < -1e-6 || wc < -1e-6) continue;
          const d = wa * za + wb * zb + wc * zc;
          if (d >= depth[o]) continue;
          depth[o] = d;
          const gu = wa * ua + wb * ub + wc * uc, gv = wa * va + wb * vb + wc * vc;
          const f = Math.abs(gu - Math.round(gu)) < 0.05 || Math.abs(gv - Math.round(gv)) < 0.05 ? 0.86 : 1;
          const q = o * 4;
          px[q] = R * f;
          px[q + 1] = G * f;
          px[q + 2] = B * f;
          px[q + 3] = 255;
        }
      }
    };
    const unit = scale * scale * dpr * dpr * (2 / (nx - 1)) ** 2;
    for (let r = 0; r < ny - 1; r++)
      for (let c = 0; c < nx - 1; c++) {
        const i = r * nx + c, j = i + 1, k = i + nx + 1, l = i + nx;
        const li = Math.round(sigmoid((zs[i] + zs[j] + zs[k] + zs[l]) / 4) * 255) * 3;
        // Shade by how much of the cell faces the viewer, so the S-shape reads in 3-D.
        const facing = Math.abs((X[j] - X[i]) * (Y[l] - Y[i]) - (Y[j] - Y[i]) * (X[l] - X[i])) / unit;
        const shade = 0.72 + 0.28 * Math.min(1, facing * 2.2);
        const R = lut[li] * shade, G = lut[li + 1] * shade, B = lut[li + 2] * shade;
        tri(i, j, k, c, r, c + 1, r, c + 1, r + 1, R, G, B);
        tri(i, k, l, c, r, c + 1, r + 1, c, r + 1, R, G, B);
      }
    ctx.putImageData(buf.img, 0, 0);
    return buf;
  }

  useLog() {
    if (this.logCost !== null) return this.logCost;
    const c = Array.from(this.run.cost).filter((v) => Number.isFinite(v) && v > 0);
    return c.length > 1 && Math.max(...c) / Math.min(...c) > 100;
  }

  layoutCost() {
    const v = this.costView;
    const run = this.run;
    const tp = this.textPx;
    const pad = { l: tp * 4.2, r: tp * 1.4, t: 10, b: tp * 3 };
    const pw = v.w - pad.l - pad.r, ph = v.h - pad.t - pad.b;
    const log = this.useLog();
    this.logBox.checked = log;
    const finite = [];
    for (const arr of [run.cost, run.testCost]) for (const c of arr) if (Number.isFinite(c) && (!log || c > 0)) finite.push(c);
    if (run.meta.optimum !== null) finite.push(run.meta.optimum);
    let lo = Math.min(...finite), hi = Math.max(...finite);
    const tf = log ? (c) => Math.log10(Math.max(c, 1e-300)) : (c) => c;
    lo = tf(lo);
    hi = tf(hi);
    if (!(hi > lo)) {
      hi = lo + 1;
      lo -= 1;
    }
    const span = hi - lo;
    lo -= span * 0.05;
    hi += span * 0.05;
    if (!log) lo = Math.max(lo, Math.min(0, tf(Math.min(...finite))));
    const last = Math.max(run.last, 1);
    const sx = (e) => pad.l + (e / last) * pw;
    const sy = (c) => pad.t + (1 - (tf(c) - lo) / (hi - lo)) * ph;
    this.costBox = { sx, sy };
    const ctx = v.clear("curves");
    ctx.font = this.font(tp);
    ctx.fillStyle = "#111";
    ctx.strokeStyle = "#e3e3e3";
    ctx.lineWidth = 1;
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    const yt = log ? ticks(Math.ceil(lo), Math.floor(hi), 4).filter(Number.isInteger).map((e) => 10 ** e) : ticks(lo, hi, ph > 200 ? 5 : 3);
    for (const t of yt) {
      const y = sy(t);
      if (y < pad.t - 1 || y > pad.t + ph + 1) continue;
      ctx.beginPath();
      ctx.moveTo(pad.l, y);
      ctx.lineTo(pad.l + pw, y);
      ctx.stroke();
      ctx.fillText(tick(t), pad.l - 6, y);
    }
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const t of ticks(0, last, pw > 260 ? 5 : 3)) {
      ctx.fillRect(sx(t), pad.t + ph, 1, 4);
      ctx.fillText(fmt(t, 4, true), sx(t), pad.t + ph + 5);
    }
    ctx.strokeStyle = "#444";
    ctx.strokeRect(pad.l, pad.t, pw, ph);
    ctx.font = this.font(tp + 1, "600");
    ctx.textBaseline = "bottom";
    ctx.fillText("epoch", pad.l + pw / 2, v.h - 2);
    ctx.save();
    ctx.translate(tp + 2, pad.t + ph / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "middle";
    ctx.fillText(log ? "J (log scale)" : "J", 0, 0);
    ctx.restore();
    ctx.save();
    ctx.beginPath();
    ctx.rect(pad.l, pad.t, pw, ph);
    ctx.clip();
    const [c0, c1] = run.meta.style.colors;
    const curve = (arr, colour, dash) => {
      ctx.beginPath();
      let pen = false;
      for (let e = 0; e < arr.length; e++) {
        const c = arr[e];
        if (!Number.isFinite(c) || (log && c <= 0)) {
          pen = false;
          continue;
        }
        const x = sx(e), y = sy(c);
        if (pen) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
        pen = true;
      }
      ctx.setLineDash(dash);
      ctx.strokeStyle = colour;
      ctx.lineWidth = run.meta.style.line * 0.8;
      ctx.stroke();
    };
    if (run.meta.optimum !== null) {
      // The J* line spans the whole axis, not just epochs 0 and 1.
      ctx.setLineDash([2, 4]);
      ctx.strokeStyle = "#555555";
      ctx.beginPath();
      ctx.moveTo(pad.l, sy(run.meta.optimum));
      ctx.lineTo(pad.l + pw, sy(run.meta.optimum));
      ctx.stroke();
    }
    if (run.hasTest) curve(run.testCost, c1, [7, 4]);
    curve(run.cost, c0, []);
    ctx.restore();
    ctx.setLineDash([]);
    this.costPad = pad;
    this.costPh = ph;
  }

  paintCost(k) {
    const v = this.costView;
    const run = this.run;
    const ctx = v.clear("now");
    const { sx, sy } = this.costBox;
    const x = sx(k);
    ctx.strokeStyle = "rgba(17,17,17,0.45)";
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(x, this.costPad.t);
    ctx.lineTo(x, this.costPad.t + this.costPh);
    ctx.stroke();
    const [c0, c1] = run.meta.style.colors;
    const r = run.meta.style.marker / 2 + 2;
    const dot = (c, colour) => {
      if (!Number.isFinite(c)) return;
      ctx.beginPath();
      ctx.arc(x, sy(c), r, 0, 2 * Math.PI);
      ctx.fillStyle = colour;
      ctx.fill();
      ctx.strokeStyle = "#fff";
      ctx.lineWidth = 2;
      ctx.stroke();
    };
    if (run.hasTest) dot(run.testCost[k], c1);
    dot(run.cost[k], c0);
  }

  paintNumbers(k) {
    const run = this.run;
    const n = run.n;
    const set = (key, text) => {
      if (this.cells[key].textContent !== text) this.cells[key].textContent = text;
    };
    this.epochText.textContent = `Epoch ${k} / ${run.last}`;
    const test = run.hasTest ? ` (test ${fmt(run.testCost[k])})` : "";
    set("cost", `${fmt(run.cost[k])}${test}`);
    set("gap", gapText(run.cost[k], run.meta.optimum));
    set("acc", percent(run.acc[k]) + (run.hasTest ? ` (test ${percent(run.testAcc[k])})` : ""));
    const w = Array.from(run.w.subarray(k * n, k * n + n), (v) => fmt(v, 3));
    set("w", `(${w.join(", ")})`);
    set("b", fmt(run.b[k], 3));
  }

  // --- test hooks -------------------------------------------------------------------------

  // ŷ the map painted last, at grid nodes (flat indices, row-major in y).
  probe(indices) {
    const g = this.mapGrid;
    return indices.map((i) => ({ x1: g.xs[i % g.nx], x2: g.ys[Math.floor(i / g.nx)], yhat: sigmoid(g.zs[i]) }));
  }

  sigma(zs) {
    return zs.map(sigmoid);
  }

  format(values, sig) {
    return values.map((v) => fmt(v, sig));
  }

  yhat(points, epoch = this.epoch) {
    return points.map(([a, b]) => this.run.yhat(epoch, a, b));
  }

  destroy() {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.playing = false;
    this.resize.disconnect();
    window.removeEventListener("resize", this.onWindow);
  }
}

// What a view was showing, by component key: navigating away and back re-creates the
// element, and the learner finds the epoch, speed and camera they left.
const memory = new Map();

export default function mountLiveView(component) {
  const { data, key, parentElement, setStateValue } = component;
  if (!data || !data.meta) return undefined; // the code's own element (see the end) draws nothing
  let view = parentElement.__liveView;
  const fresh = !view;
  if (fresh) {
    view = new LiveView(parentElement);
    parentElement.__liveView = view;
    const kept = memory.get(key);
    if (kept) Object.assign(view, { restored: kept.epoch, speedChoice: kept.speedChoice, az: kept.az, el: kept.el, logCost: kept.logCost });
  }
  view.setStateValue = setStateValue;
  view.update(data);
  // A new view tells the page which epoch it shows (a rerun only if the page thought
  // otherwise), so the equations below always match the picture.
  if (fresh) view.report();
  return () => {
    memory.set(key, { epoch: view.epoch, speedChoice: view.speedChoice, az: view.az, el: view.el, logCost: view.logCost });
    view.destroy();
    if (parentElement.__liveView === view) delete parentElement.__liveView;
    view.root.remove();
  };
}

// In the app this file is its own element, mounted once and then resent by reference (the
// same bytes every rerun), while each run's data goes to a small element whose stub hands
// it over through this hub: an α change sends the run, not 30 kB of code again.
const hub = (globalThis.__neuronLiveView ||= { queue: [] });
hub.mount = mountLiveView;
for (const waiting of hub.queue.splice(0)) mountLiveView(waiting);
