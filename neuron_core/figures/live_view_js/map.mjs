// The probability map: ŷ's colours over the inputs, the ŷ = 0.5 boundary and the points.
//
// update(run, look) takes a new run, layout() draws the fixed parts for the current size,
// paint(k) draws epoch k. `frame` maps data to pixels and back (toPixel / toData), for
// anything that points at the map. `pending` holds the points a click placed or removed
// (edit.mjs) until the run trained on them arrives: drawn at once, not waited for.

import { zeroCrossings, polylines } from "./contour.mjs";
import { el, legendKey, Surface } from "./dom.mjs";
import { marker } from "./draw.mjs";
import { Grid } from "./run.mjs";
import { sigmoid } from "./sigmoid.mjs";
import { ticks } from "./ticks.mjs";

export const MAP_RES = 100; // nodes per side of the probability map's grid

// The plot area inside a view of w × h CSS pixels, and the data box [x0, x1, y0, y1] on it.
export class PlotFrame {
  constructor(pad, w, h, [x0, x1, y0, y1]) {
    Object.assign(this, { pad, x0, x1, y0, y1 });
    this.pw = w - pad.l - pad.r;
    this.ph = h - pad.t - pad.b;
  }

  sx(x) {
    return this.pad.l + ((x - this.x0) / (this.x1 - this.x0)) * this.pw;
  }

  sy(y) {
    return this.pad.t + (1 - (y - this.y0) / (this.y1 - this.y0)) * this.ph;
  }

  toPixel(x, y) {
    return [this.sx(x), this.sy(y)];
  }

  toData(px, py) {
    const { pad, pw, ph, x0, x1, y0, y1 } = this;
    return [x0 + ((px - pad.l) / pw) * (x1 - x0), y0 + (1 - (py - pad.t) / ph) * (y1 - y0)];
  }

  contains(px, py) {
    const { pad, pw, ph } = this;
    return px >= pad.l && px <= pad.l + pw && py >= pad.t && py <= pad.t + ph;
  }
}

export class MapView {
  constructor({ frame, legend }) {
    this.legend = legend;
    // ŷ's colours: a grid-sized canvas the browser stretches (smoothly) over the plot area.
    this.heatBox = el("div", { class: "lv-heat" });
    this.heatCanvas = el("canvas", { width: MAP_RES, height: MAP_RES });
    this.heatBox.append(this.heatCanvas);
    frame.append(this.heatBox);
    // The boundary under the points, its grips (grip.mjs) over them: handles stay in sight.
    this.surface = new Surface(frame, "Probability map", ["line", "marks", "grips"]);
    this.segments = []; // the boundary's pieces in data coordinates, as last painted
    this.pending = { added: [], removed: [], hidden: new Set() };
  }

  // How many points the map draws now (the run's, less those a click removed, plus those
  // it placed).
  shownCount() {
    return this.run.m - this.pending.hidden.size + this.pending.added.length;
  }

  // The run's point under (px, py) in CSS pixels (the nearest within its marker and a
  // finger's slack), or -1.
  hit(px, py, slack = 4) {
    const { run, frame: fr } = this;
    let best = -1, bestD = (this.r + slack) ** 2;
    for (let i = 0; i < run.m; i++) {
      if (this.pending.hidden.has(i)) continue;
      const d = (fr.sx(run.points[2 * i]) - px) ** 2 + (fr.sy(run.points[2 * i + 1]) - py) ** 2;
      if (d <= bestD) [best, bestD] = [i, d];
    }
    return best;
  }

  update(run, look) {
    this.run = run;
    this.look = look;
    this.grid = new Grid(run, MAP_RES, MAP_RES);
    this.heat = new ImageData(MAP_RES, MAP_RES);
    const { colors, axis } = look.style;
    const keys = [legendKey("circle", colors[0], run.meta.classes[0]), legendKey("square", colors[1], run.meta.classes[1])];
    if (run.meta.m_test) keys.push(legendKey("circle", axis, "test (hollow)", true));
    this.legend.replaceChildren(...keys);
  }

  // The map's fixed parts (points, axes) drawn once per size into a layer over ŷ.
  layout() {
    const v = this.surface;
    const { run, look } = this;
    const { style } = look;
    const tp = look.textPx;
    const fr = new PlotFrame({ l: tp * 3.4, r: 8, t: 8, b: tp * 3 }, v.w, v.h, run.meta.bounds);
    this.frame = fr;
    const { pad, pw, ph } = fr;
    // Node centres sit on the plot's edges: the grid's pixels reach half a cell beyond them.
    const cw = pw / (MAP_RES - 1), ch = ph / (MAP_RES - 1);
    Object.assign(this.heatBox.style, { left: `${pad.l}px`, top: `${pad.t}px`, width: `${pw}px`, height: `${ph}px` });
    Object.assign(this.heatCanvas.style, { left: `${-cw / 2}px`, top: `${-ch / 2}px`, width: `${pw + cw}px`, height: `${ph + ch}px` });
    const ctx = v.clear("marks");
    const [c0, c1] = style.colors;
    const r = Math.max(3, Math.min(style.marker / 2, pw / 60));
    this.r = r;
    for (let i = 0; i < run.m; i++) {
      if (this.pending.hidden.has(i)) continue;
      const cls = run.cls[i];
      marker(ctx, fr.sx(run.points[2 * i]), fr.sy(run.points[2 * i + 1]), r, cls, run.test[i] > 0, cls ? c1 : c0, style.paper);
    }
    for (const [x, y, cls] of this.pending.added) marker(ctx, fr.sx(x), fr.sy(y), r, cls, false, cls ? c1 : c0, style.paper);
    ctx.strokeStyle = style.axis;
    ctx.lineWidth = 1;
    ctx.strokeRect(pad.l, pad.t, pw, ph);
    ctx.fillStyle = style.ink;
    ctx.font = look.font(tp);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    const { tick } = run.format;
    for (const t of ticks(fr.x0, fr.x1, pw > 260 ? 5 : 3)) {
      ctx.fillRect(fr.sx(t), pad.t + ph, 1, 4);
      ctx.fillText(tick(t), fr.sx(t), pad.t + ph + 5);
    }
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const t of ticks(fr.y0, fr.y1, ph > 260 ? 5 : 3)) {
      ctx.fillRect(pad.l - 4, fr.sy(t), 4, 1);
      ctx.fillText(tick(t), pad.l - 6, fr.sy(t));
    }
    ctx.font = look.font(tp + 1, "600");
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

  // Epoch k, or `neuron` ({ w, b }) when one is set by hand.
  paint(k, neuron = null) {
    const g = this.grid;
    const zs = g.evaluate(k, neuron);
    const px = this.heat.data;
    const lut = this.look.lut;
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
    const ctx = this.surface.clear("line");
    const fr = this.frame;
    const { pad, pw, ph } = fr;
    ctx.save();
    ctx.beginPath();
    ctx.rect(pad.l, pad.t, pw, ph);
    ctx.clip();
    const segs = zeroCrossings(zs, g.nx, g.ny, g.xs, g.ys);
    this.segments = segs;
    ctx.beginPath();
    for (const pts of polylines(segs)) {
      pts.forEach(([x, y], j) => {
        if (j) ctx.lineTo(fr.sx(x), fr.sy(y));
        else ctx.moveTo(fr.sx(x), fr.sy(y));
      });
    }
    const { style } = this.look;
    ctx.strokeStyle = style.boundary;
    ctx.lineWidth = style.line;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.stroke();
    ctx.restore();
  }
}
