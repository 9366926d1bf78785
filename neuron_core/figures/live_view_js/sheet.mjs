// The 3-D sheet: ŷ as a height over the inputs, rasterised in Canvas 2D (no WebGL, so it
// works without a GPU), turned by dragging. Three layers: the floor and walls (redrawn when
// the camera turns), the sheet, and the points and labels in front.
//
// update(run, look) takes a new run, layout() marks the walls for redrawing, paint(k) draws
// epoch k; `camera` ({ az, el }) is the learner's view angle, kept across runs.

import { el, Surface } from "./dom.mjs";
import { marker, strokePath } from "./draw.mjs";
import { Grid } from "./run.mjs";
import { sigmoid } from "./sigmoid.mjs";

export const SHEET_RES = 26; // nodes per side of the 3-D sheet
const START = { az: -0.6, el: 0.5 }; // the camera's first angle (radians)
const SHEET_POINTS = 400; // at most this many points ride on the sheet (the map shows all)

export class SheetView {
  // onTurn: called when a drag has turned the camera (the owner schedules a frame).
  constructor({ frame, legend }, onTurn) {
    this.legend = legend;
    this.onTurn = onTurn;
    this.surface = new Surface(frame, "3-D sigmoid surface", ["back", "sheet", "front"]);
    this.camera = { ...START };
    const top = this.surface.top;
    top.addEventListener("pointerdown", (e) => this.drag(e));
    // One finger scrolls the page up and down (a swipe that starts on the sheet must not
    // turn it edge-on); sideways it turns the sheet. A mouse turns it both ways.
    top.style.touchAction = "pan-y";
    // Focused, the arrow keys turn it.
    frame.tabIndex = 0;
    frame.setAttribute("aria-label", "3-D sigmoid surface (arrow keys turn it)");
    frame.addEventListener("keydown", (e) => this.key(e));
    this.reset = el("button", { type: "button", class: "lv-reset-turn", title: "Back to the first angle", text: "Reset view" });
    this.reset.addEventListener("click", () => this.turn(START.az - this.camera.az, START.el - this.camera.el));
  }

  // Turn by d_az and d_el (radians), within the elevations that keep the floor in view.
  turn(dAz, dEl) {
    const cam = this.camera;
    cam.az += dAz;
    cam.el = Math.min(1.45, Math.max(0.05, cam.el + dEl));
    this.onTurn();
  }

  key(e) {
    const by = { ArrowLeft: [0.15, 0], ArrowRight: [-0.15, 0], ArrowUp: [0, 0.08], ArrowDown: [0, -0.08] }[e.key];
    if (!by) return;
    this.turn(...by);
    e.preventDefault();
    e.stopPropagation(); // the arrows turn the sheet here, not the epoch
  }

  update(run, look) {
    this.run = run;
    this.look = look;
    this.grid = new Grid(run, SHEET_RES, SHEET_RES);
    const stride = Math.max(1, Math.ceil(run.m / SHEET_POINTS));
    this.points = [];
    for (let i = 0; i < run.m; i += stride) this.points.push(i);
    const scale = look.style.scale.map(([p, c]) => `${c} ${100 * p}%`).join(", ");
    this.legend.replaceChildren(
      el("span", { class: "lv-bar-scale", text: "ŷ: 0" }),
      el("i", { class: "lv-gradient", style: `background: linear-gradient(90deg, ${scale})` }),
      el("span", { text: "1" }),
      this.reset,
    );
  }

  layout() {
    this.drawnCamera = null; // the walls follow the new size
  }

  drag(e) {
    const c = this.surface.top;
    c.setPointerCapture(e.pointerId);
    const touch = e.pointerType === "touch";
    let x = e.clientX, y = e.clientY;
    const move = (ev) => {
      this.turn(-(ev.clientX - x) * 0.01, touch ? 0 : (ev.clientY - y) * 0.01);
      x = ev.clientX;
      y = ev.clientY;
    };
    const up = () => {
      c.removeEventListener("pointermove", move);
      c.removeEventListener("pointerup", up);
      c.removeEventListener("pointercancel", up);
    };
    c.addEventListener("pointermove", move);
    c.addEventListener("pointerup", up);
    c.addEventListener("pointercancel", up); // the page took the swipe: it scrolls
  }

  paint(k, neuron = null) {
    const zs = this.grid.evaluate(k, neuron);
    const cam = this.projection();
    const v = this.surface;
    const drawn = `${this.camera.az} ${this.camera.el} ${v.w} ${v.h}`;
    if (drawn !== this.drawnCamera) {
      this.drawnCamera = drawn;
      this.paintWalls(cam);
    }
    // The sheet, rasterised here with a depth buffer: hundreds of filled paths a frame
    // cost Canvas 2D ~10 ms without a GPU, these pixels a few.
    const raster = this.raster(zs, cam.project, cam.scale);
    const ctx = v.clear("front");
    this.paintPoints(ctx, cam, raster);
    this.paintLabels(ctx, cam);
  }

  // The camera as it stands: project (u, v, h) in [-1, 1]² × [0, 1] to screen x, y and depth
  // (larger is farther), the scale (pixels per half-width of the box), the box's corners
  // and the floor's corners on screen.
  projection() {
    const v = this.surface;
    const { az, el: elevation } = this.camera;
    const ca = Math.cos(az), sa = Math.sin(az);
    const ce = Math.cos(elevation), se = Math.sin(elevation);
    const margin = this.look.textPx * 1.8; // room for the ŷ scale on the left
    const scale = Math.min((v.w - margin) / 2.9, v.h / 2.5);
    const cx = (v.w + margin) / 2, cy = v.h / 2 + scale * 0.1;
    const H = 1.1; // height of ŷ = 1 relative to the box's half-width
    const project = (u, w, h) => {
      const a = u * ca - w * sa;
      const b = u * sa + w * ca;
      const z = (h - 0.5) * H;
      return [cx + scale * a, cy - scale * (z * ce + b * se), b * ce - z * se];
    };
    const corners = [[-1, -1], [1, -1], [1, 1], [-1, 1]];
    const floor = corners.map(([u, w]) => project(u, w, 0));
    return { project, scale, corners, floor };
  }

  // The floor and the two far walls (grid lines at ŷ = 0.5 and 1), on the back layer.
  paintWalls({ project, corners, floor }) {
    const back = this.surface.clear("back");
    const { wall, wall_grid: wallGrid } = this.look.style;
    const far = floor.indexOf(floor.reduce((a, b) => (b[2] > a[2] ? b : a)));
    strokePath(back, [...floor, floor[0]], wall, 1);
    for (const side of [far - 1, far + 1]) {
      const [ua, wa] = corners[far], [ub, wb] = corners[(side + 4) % 4];
      for (const h of [0.5, 1]) strokePath(back, [project(ua, wa, h), project(ub, wb, h)], wallGrid, 1);
      strokePath(back, [project(ub, wb, 0), project(ub, wb, 1)], wallGrid, 1);
    }
    strokePath(back, [floor[far], project(...corners[far], 1)], wall, 1);
  }

  // Points at the height of their class; behind the sheet they show faintly through it.
  paintPoints(ctx, { project }, raster) {
    const { run } = this;
    const { style } = this.look;
    const [x0, x1, y0, y1] = run.meta.bounds;
    const unitX = (x) => (2 * (x - x0)) / (x1 - x0) - 1;
    const unitY = (y) => (2 * (y - y0)) / (y1 - y0) - 1;
    const [c0, c1] = style.colors;
    const r = Math.max(2.5, style.marker / 3);
    const W = raster.width, Hpx = raster.height, dpr = this.surface.dpr;
    for (const i of this.points) {
      const cls = run.cls[i];
      const [x, y, depth] = project(unitX(run.points[2 * i]), unitY(run.points[2 * i + 1]), cls);
      const px = Math.round(x * dpr), py = Math.round(y * dpr);
      const inside = px >= 0 && py >= 0 && px < W && py < Hpx;
      ctx.globalAlpha = inside && raster.depth[py * W + px] < depth - 0.02 ? 0.3 : 1;
      marker(ctx, x, y, r, cls, false, cls ? c1 : c0, style.paper);
    }
    ctx.globalAlpha = 1;
  }

  // The ŷ scale on the corner farthest left, and the axis names along two floor edges:
  // drawn last so the sheet never hides them.
  paintLabels(ctx, { project, corners, floor }) {
    const { look, run } = this;
    const tp = look.textPx;
    ctx.font = look.font(tp);
    ctx.fillStyle = look.style.ink;
    const left = corners[floor.indexOf(floor.reduce((a, b) => (b[0] < a[0] ? b : a)))];
    strokePath(ctx, [project(...left, 0), project(...left, 1)], look.style.optimum, 1.2);
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const h of [0, 0.5, 1]) {
      const [x, y] = project(...left, h);
      ctx.fillText(String(h), x - 5, y);
    }
    const [tx, ty] = project(...left, 1);
    ctx.font = look.font(tp + 2, "600");
    ctx.textAlign = "center";
    ctx.fillText("ŷ", tx, ty - tp - 4);
    ctx.font = look.font(tp, "600");
    ctx.textAlign = "center";
    const xa = project(0, -1.3, 0), ya = project(-1.3, 0, 0);
    ctx.fillText(run.meta.axis_names[0], xa[0], xa[1]);
    ctx.fillText(run.meta.axis_names[1], ya[0], ya[1]);
  }

  // ŷ's sheet as pixels on the sheet layer: two flat-shaded triangles a grid cell, the
  // nearest wins, a faint line along every grid line. Returns the depth buffer too.
  raster(zs, project, scale) {
    const v = this.surface;
    const { canvas, ctx } = v.layers.sheet;
    const W = canvas.width, Hpx = canvas.height;
    const buf = this.buffer(W, Hpx);
    const px = buf.img.data, depth = buf.depth, lut = this.look.lut;
    const { nx, ny } = this.grid;
    const { X, Y, Z } = this.nodes(zs, project);
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
    const unit = scale * scale * v.dpr * v.dpr * (2 / (nx - 1)) ** 2;
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

  // The sheet layer's pixels and depth buffer, cleared: made again only when its size changes.
  buffer(W, Hpx) {
    let buf = this.buf;
    if (!buf || buf.width !== W || buf.height !== Hpx) {
      buf = { width: W, height: Hpx, img: new ImageData(W, Hpx), depth: new Float32Array(W * Hpx) };
      this.buf = buf;
    }
    buf.img.data.fill(0);
    buf.depth.fill(Infinity);
    return buf;
  }

  // Every grid node of the sheet on screen, in device pixels (X, Y) and depth (Z).
  nodes(zs, project) {
    const dpr = this.surface.dpr;
    const { nx, ny } = this.grid;
    const X = new Float64Array(nx * ny), Y = new Float64Array(nx * ny), Z = new Float64Array(nx * ny);
    for (let r = 0; r < ny; r++)
      for (let c = 0; c < nx; c++) {
        const i = r * nx + c;
        const p = project((2 * c) / (nx - 1) - 1, (2 * r) / (ny - 1) - 1, sigmoid(zs[i]));
        X[i] = p[0] * dpr;
        Y[i] = p[1] * dpr;
        Z[i] = p[2];
      }
    return { X, Y, Z };
  }
}
