// The cost curve: J per epoch (training, test, the optimum J*) and the epoch shown.
//
// update(run, look) takes a new run, layout() draws the axes and the curves for the current
// size, paint(k) marks epoch k. `logChoice` is the learner's "log J" (null: automatic, a
// log axis when J spans more than a factor of 100), kept across runs; `log` is the axis
// as drawn.

import { withAlpha } from "./colour.mjs";
import { el, legendKey, Surface } from "./dom.mjs";
import { ticks } from "./ticks.mjs";

export class CostView {
  // onLog: called when the learner ticks or unticks "log J" (the owner relays it out).
  constructor({ frame, legend }, onLog) {
    this.legend = legend;
    this.surface = new Surface(frame, "Cost curve", ["curves", "now"]);
    this.logChoice = null;
    // "log J" sits in the cost curve's own legend: it is that axis's choice.
    this.logBox = el("input", { type: "checkbox", class: "lv-log" });
    this.logBox.addEventListener("change", () => {
      this.logChoice = this.logBox.checked;
      onLog();
    });
    this.logLabel = el("label", { class: "lv-check", title: "Cost axis on a log scale" }, [this.logBox, el("span", { text: "log J" })]);
  }

  update(run, look) {
    this.run = run;
    this.look = look;
    const { colors, optimum } = look.style;
    const keys = [legendKey("line", colors[0], "training")];
    if (run.hasTest) keys.push(legendKey("dash", colors[1], "test"));
    if (run.meta.optimum !== null) keys.push(legendKey("dot", optimum, `J* ${run.format.number(run.meta.optimum)}`));
    this.legend.replaceChildren(...keys, this.logLabel);
  }

  useLog() {
    if (this.logChoice !== null) return this.logChoice;
    const c = Array.from(this.run.cost).filter((v) => Number.isFinite(v) && v > 0);
    return c.length > 1 && Math.max(...c) / Math.min(...c) > 100;
  }

  // The frame: the scales (epoch → x, J → y, log or linear), then the axes and the curves
  // on the "curves" layer; paint draws the epoch shown over them.
  layout() {
    const v = this.surface;
    const tp = this.look.textPx;
    const pad = { l: tp * 4.2, r: tp * 1.4, t: 10, b: tp * 3 };
    const pw = v.w - pad.l - pad.r, ph = v.h - pad.t - pad.b;
    const log = this.useLog();
    this.log = log;
    this.logBox.checked = log;
    const { lo, hi, tf } = this.range(log);
    const last = Math.max(this.run.last, 1);
    const sx = (e) => pad.l + (e / last) * pw;
    const sy = (c) => pad.t + (1 - (tf(c) - lo) / (hi - lo)) * ph;
    this.box = { pad, pw, ph, sx, sy, last, log, lo, hi };
    const ctx = v.clear("curves");
    this.ticks(ctx, this.box);
    this.titles(ctx, this.box);
    this.curves(ctx, this.box);
    ctx.setLineDash([]);
  }

  // J's range on the axis (J* included; on a log scale only J > 0), in axis units, with 5 %
  // room either side; a linear axis keeps 0 in view when J comes near it. tf: J → axis units.
  range(log) {
    const run = this.run;
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
    return { lo, hi, tf };
  }

  // The J grid lines with their numbers (powers of ten on a log scale), the epoch ticks.
  ticks(ctx, { pad, pw, ph, sx, sy, last, log, lo, hi }) {
    const { look, run } = this;
    ctx.font = look.font(look.textPx);
    ctx.fillStyle = look.style.ink;
    ctx.strokeStyle = look.style.grid;
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
      ctx.fillText(run.format.tick(t), pad.l - 6, y);
    }
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const t of ticks(0, last, pw > 260 ? 5 : 3)) {
      ctx.fillRect(sx(t), pad.t + ph, 1, 4);
      ctx.fillText(run.format.number(t, 4, true), sx(t), pad.t + ph + 5);
    }
  }

  // The plot's frame and the axes' names ("epoch" below, J turned up the left side).
  titles(ctx, { pad, pw, ph, log }) {
    const { look } = this;
    const tp = look.textPx;
    ctx.strokeStyle = look.style.axis;
    ctx.strokeRect(pad.l, pad.t, pw, ph);
    ctx.font = look.font(tp + 1, "600");
    ctx.textBaseline = "bottom";
    ctx.fillText("epoch", pad.l + pw / 2, this.surface.h - 2);
    ctx.save();
    ctx.translate(tp + 2, pad.t + ph / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "middle";
    ctx.fillText(log ? "J (log scale)" : "J", 0, 0);
    ctx.restore();
  }

  // Inside the frame: the J* line, then the test curve (dashed) under the training curve.
  curves(ctx, box) {
    const { run, look } = this;
    const { pad, pw, ph, sy } = box;
    ctx.save();
    ctx.beginPath();
    ctx.rect(pad.l, pad.t, pw, ph);
    ctx.clip();
    const [c0, c1] = look.style.colors;
    if (run.meta.optimum !== null) {
      // The J* line spans the whole axis, not just epochs 0 and 1.
      ctx.setLineDash([2, 4]);
      ctx.strokeStyle = look.style.optimum;
      ctx.beginPath();
      ctx.moveTo(pad.l, sy(run.meta.optimum));
      ctx.lineTo(pad.l + pw, sy(run.meta.optimum));
      ctx.stroke();
    }
    if (run.hasTest) this.curve(ctx, box, run.testCost, c1, [7, 4]);
    this.curve(ctx, box, run.cost, c0, []);
    ctx.restore();
  }

  // One J-per-epoch curve; the pen lifts over epochs with no J to draw (not finite, or ≤ 0
  // on a log scale).
  curve(ctx, { sx, sy, log }, arr, colour, dash) {
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
    ctx.lineWidth = this.look.style.line * 0.8;
    ctx.stroke();
  }

  // Epoch k's marker; with a neuron set by hand, a level line at its J instead (no epoch
  // has it: it is where the learner stands against the run's curve).
  paint(k, hand = null) {
    const { run, look } = this;
    const { style } = look;
    const ctx = this.surface.clear("now");
    if (hand) return this.paintHand(ctx, hand.train.cost);
    const { sx, sy, pad, ph } = this.box;
    const x = sx(k);
    ctx.strokeStyle = withAlpha(style.ink, 0.45);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(x, pad.t);
    ctx.lineTo(x, pad.t + ph);
    ctx.stroke();
    const [c0, c1] = style.colors;
    const r = style.marker / 2 + 2;
    const dot = (c, colour) => {
      if (!Number.isFinite(c)) return;
      ctx.beginPath();
      ctx.arc(x, sy(c), r, 0, 2 * Math.PI);
      ctx.fillStyle = colour;
      ctx.fill();
      ctx.strokeStyle = style.paper;
      ctx.lineWidth = 2;
      ctx.stroke();
    };
    if (run.hasTest) dot(run.testCost[k], c1);
    dot(run.cost[k], c0);
  }

  paintHand(ctx, J) {
    const { look, run } = this;
    const { sx, sy, pad, pw, ph } = this.box;
    if (!Number.isFinite(J)) return;
    const y = Math.min(pad.t + ph, Math.max(pad.t, sy(J)));
    ctx.strokeStyle = look.style.ink;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(sx(0), y);
    ctx.lineTo(pad.l + pw, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = look.font(look.textPx, "600");
    ctx.textAlign = "right";
    ctx.textBaseline = y > pad.t + 2 * look.textPx ? "bottom" : "top";
    const text = `your J = ${run.format.number(J)}`;
    const at = [pad.l + pw - 4, y + (ctx.textBaseline === "bottom" ? -3 : 3)];
    ctx.lineWidth = 3;
    ctx.strokeStyle = look.style.paper;
    ctx.strokeText(text, ...at);
    ctx.fillStyle = look.style.ink;
    ctx.fillText(text, ...at);
  }
}
