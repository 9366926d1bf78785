// Grips on the map's boundary line (inputs exactly x₁, x₂): drag the line to move it
// parallel, either end's ring to turn it about the other, and the arrow's knob on its normal
// to make ŷ rise more steeply or gently across it (the knob sits where ŷ = 0.9: nearer the
// line, steeper). MLU-Explain's "Drag the line!" and TensorFlow Playground, done with pointer
// events, so a mouse, a finger and a pen all drag. The first move sets the neuron by hand
// (LiveView.setHand); the map, J and the numbers follow every frame, no server involved.
//
// A drag keeps its anchors in data coordinates and maps them to pixels afresh on each move,
// so a layout that shifts under the finger (a row that wraps) never tears the line away.

import { across, clip, foot, fromPixels, lineInputs, moveThrough, normal, pixelAxes, steepen, toPixels, turnAbout } from "./hand.mjs";

const Z_KNOB = Math.log(9); // z where ŷ = 0.9: where the knob sits
const RING = 7; // the grips' radius in CSS pixels …
const REACH = { mouse: 9, pen: 9, touch: 18 }; // … and how near a pointer must come
// A press on a grip that moves less than this (pixels) is a click, not a drag: it places or
// removes a point like a click anywhere on the map (a point right on the boundary is the
// one a learner most wants to try).
const SLOP = { mouse: 3, pen: 3, touch: 8 };
const KNOB_MIN = 24; // the knob never sits nearer the line than this (pixels)
const END_IN = 18; // the end rings sit this far inside the plot's edge

export class LineGrip {
  // map: the MapView; shown() → the neuron shown { w, b }; canGrab() → whether the line may
  // be taken now; set(w, b) a hand-set neuron; settled() once a drag ends; tap(e) a press
  // on a grip by a finger or pen that did not move (its click may never come: the press
  // was kept from scrolling the page).
  constructor({ map, shown, canGrab, set, settled, tap }) {
    Object.assign(this, { map, shown, canGrab, set, settled, tap });
    this.drag = null;
    this.tookPress = false;
    const c = map.surface.top;
    c.addEventListener("pointerdown", (e) => this.down(e));
    c.addEventListener("pointermove", (e) => this.move(e));
    c.addEventListener("pointerup", (e) => this.up(e));
    c.addEventListener("pointercancel", (e) => this.up(e));
    // A finger that lands on a grip drags it; anywhere else it scrolls the page as always.
    c.addEventListener("touchstart", (e) => this.touch(e), { passive: false });
  }

  update(run) {
    this.run = run;
    this.at = lineInputs(run.meta.features);
    this.drag = null;
  }

  // The neuron's geometry on the map's pixels now, or null (curved inputs, no layout yet).
  geometry() {
    const { run, at, map } = this;
    if (!at || !map.frame) return null;
    return { geo: { at, mean: run.mean, scale: run.scale }, axes: pixelAxes(map.frame) };
  }

  // The grips of the line shown: the line in pixels, its ends' rings, the middle, the knob.
  grips() {
    return this.canGrab() ? this.gripsOf(this.shown()) : null;
  }

  gripsOf({ w, b }) {
    const g = this.geometry();
    if (!g) return null;
    const line = toPixels(w, b, g.geo, g.axes);
    const { pad, pw, ph } = this.map.frame;
    const box = [pad.l, pad.t, pad.l + pw, pad.t + ph];
    const seg = clip(line, box);
    if (!seg) return null;
    const [p, q] = seg;
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
    const along = [(q[0] - p[0]) / len, (q[1] - p[1]) / len];
    const inset = Math.min(END_IN, len / 4);
    const ends = [
      [p[0] + along[0] * inset, p[1] + along[1] * inset],
      [q[0] - along[0] * inset, q[1] - along[1] * inset],
    ];
    const mid = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
    // The knob where ŷ = 0.9, kept inside the plot (then it marks a steeper ŷ than 0.9).
    const u = normal(line);
    const room = Math.min(...[0, 1].map((i) => (u[i] > 0 ? (box[i + 2] - mid[i]) / u[i] : u[i] < 0 ? (box[i] - mid[i]) / u[i] : Infinity))) - RING - 2;
    const true90 = Z_KNOB / Math.hypot(...line.A);
    const d = Math.max(KNOB_MIN, Math.min(true90, room));
    const knob = [mid[0] + u[0] * d, mid[1] + u[1] * d];
    return { line, ends, mid, knob, exact: d === true90, box };
  }

  // Where "Set the neuron by hand" starts when the boundary shown misses the map (w = 0 at
  // epoch 0): down the map's middle, the knob a fifth of the width away; else null.
  fallback() {
    const g = this.geometry();
    if (!g || this.gripsOf(this.shown())) return null;
    const { pad, pw } = this.map.frame;
    const A = [Z_KNOB / (pw / 5), 0];
    return fromPixels({ A, C: -A[0] * (pad.l + pw / 2) }, g.geo, g.axes);
  }

  // What a press at (px, py) takes: "knob", "end0", "end1", "line" or null.
  hit(px, py, reach) {
    const gr = this.grips();
    if (!gr) return null;
    const near = (p) => Math.hypot(p[0] - px, p[1] - py) <= RING + reach;
    if (near(gr.knob)) return { kind: "knob", gr };
    for (const i of [0, 1]) if (near(gr.ends[i])) return { kind: `end${i}`, gr };
    const [l, t, r, btm] = gr.box;
    const inside = px >= l && px <= r && py >= t && py <= btm;
    if (inside && Math.abs(across(gr.line, [px, py])) <= reach) return { kind: "line", gr };
    return null;
  }

  local(e) {
    const box = this.map.surface.top.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  }

  touch(e) {
    const t = e.changedTouches[0];
    if (!t) return;
    const [px, py] = this.local(t);
    if (this.hit(px, py, REACH.touch)) e.preventDefault();
  }

  down(e) {
    this.tookPress = false;
    if (e.button > 0) return;
    const p = this.local(e);
    const got = this.hit(...p, REACH[e.pointerType] ?? REACH.mouse);
    if (!got) return;
    e.preventDefault();
    this.map.surface.top.setPointerCapture?.(e.pointerId);
    const { kind, gr } = got;
    const toData = (q) => this.map.frame.toData(...q);
    const { w, b } = this.shown();
    this.drag = { kind, id: e.pointerId, from: { w: Array.from(w), b }, p0: toData(p), at: p, moved: false };
    if (kind === "end0" || kind === "end1") this.drag.pivot = toData(gr.ends[kind === "end0" ? 1 : 0]);
    this.map.surface.top.style.cursor = "grabbing";
  }

  move(e) {
    const d = this.drag;
    const p = this.local(e);
    if (!d) {
      const got = e.pointerType === "mouse" ? this.hit(...p, REACH.mouse) : null;
      this.map.surface.top.style.cursor = got ? "grab" : "";
      return;
    }
    if (e.pointerId !== d.id) return;
    if (!d.moved) {
      if (Math.hypot(p[0] - d.at[0], p[1] - d.at[1]) < (SLOP[e.pointerType] ?? SLOP.mouse)) return;
      d.moved = true;
      this.tookPress = true; // a drag: the click that follows places no point
    }
    const g = this.geometry();
    if (!g) return;
    const px = (q) => [g.axes.kx * q[0] + g.axes.ox, g.axes.ky * q[1] + g.axes.oy];
    const start = toPixels(d.from.w, d.from.b, g.geo, g.axes);
    const p0 = px(d.p0);
    let line;
    if (d.kind === "line") {
      // The point of the line under the press follows the pointer.
      const f = foot(start, p0);
      line = moveThrough(start, [f[0] + p[0] - p0[0], f[1] + p[1] - p0[1]]);
    }
    else if (d.kind === "knob") line = steepen(start, across(start, p0) / Math.max(2, across(start, p)));
    else line = turnAbout(start, px(d.pivot), p);
    const { w, b } = fromPixels(line, g.geo, g.axes);
    if ([...w, b].every(Number.isFinite)) this.set(w, b);
  }

  up(e) {
    const d = this.drag;
    if (!d || e.pointerId !== d.id) return;
    this.drag = null;
    if (!d.moved && e.type === "pointerup" && e.pointerType !== "mouse") {
      this.tap?.(e);
      this.tookPress = true; // placed by the tap; a click, if the browser still sends one, is not
    }
    this.map.surface.top.style.cursor = "";
    this.settled();
  }

  // The grips of the boundary the map just painted, on their layer over the points.
  paint(look) {
    const gr = this.grips();
    this.drawn = gr;
    const ctx = this.map.surface.clear("grips");
    if (!gr) return;
    const { boundary, paper, ink } = look.style;
    ctx.save();
    // The knob's arrow: from the line, the way ŷ rises.
    ctx.strokeStyle = ink;
    ctx.fillStyle = ink;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(...gr.mid);
    ctx.lineTo(...gr.knob);
    ctx.stroke();
    ctx.setLineDash([]);
    const ring = (p, r, fill, stroke) => {
      ctx.beginPath();
      ctx.arc(p[0], p[1], r, 0, 2 * Math.PI);
      ctx.fillStyle = fill;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = stroke;
      ctx.stroke();
    };
    for (const p of gr.ends) ring(p, RING, paper, boundary);
    ring(gr.mid, RING - 2, boundary, paper);
    // The knob: an arrowhead along the normal (it pulls ŷ's rise nearer or farther).
    const u = normal(gr.line);
    const [kx, ky] = gr.knob;
    const tip = RING + 3, back = RING - 1, half = RING;
    ctx.beginPath();
    ctx.moveTo(kx + u[0] * tip, ky + u[1] * tip);
    ctx.lineTo(kx - u[0] * back - u[1] * half, ky - u[1] * back + u[0] * half);
    ctx.lineTo(kx - u[0] * back + u[1] * half, ky - u[1] * back - u[0] * half);
    ctx.closePath();
    ctx.fillStyle = ink;
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = paper;
    ctx.stroke();
    if (gr.exact) {
      // "ŷ = 0.9" just beyond the arrow's tip.
      ctx.font = look.font(look.textPx - 1, "600");
      ctx.textAlign = u[0] > 0.4 ? "left" : u[0] < -0.4 ? "right" : "center";
      ctx.textBaseline = u[1] > 0.4 ? "top" : u[1] < -0.4 ? "bottom" : "middle";
      const text = `ŷ = ${this.run.format.tick(0.9)}`;
      const at = [kx + u[0] * (tip + 5), ky + u[1] * (tip + 5)];
      ctx.lineWidth = 3;
      ctx.strokeStyle = paper;
      ctx.strokeText(text, ...at);
      ctx.fillStyle = ink;
      ctx.fillText(text, ...at);
    }
    ctx.restore();
  }
}
