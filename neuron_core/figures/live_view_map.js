// The probability map: ŷ's colours over the inputs, the ŷ = 0.5 boundary and the points.
// Methods that live_view.js adds to its LiveView. One part of the view's module (see
// live_view_core.js); uses sigmoid, ticks and tick, and the panels' canvases.

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

const mapMethods = {
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
    ctx.strokeStyle = run.meta.style.axis;
    ctx.lineWidth = 1;
    ctx.strokeRect(pad.l, pad.t, pw, ph);
    ctx.fillStyle = run.meta.style.ink;
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
  },

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
    ctx.strokeStyle = this.run.meta.style.boundary;
    ctx.lineWidth = this.run.meta.style.line;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.stroke();
    ctx.restore();
  },

  // The test hook: ŷ the map painted last, at grid nodes (flat indices, row-major in y).
  probe(indices) {
    const g = this.mapGrid;
    return indices.map((i) => ({ x1: g.xs[i % g.nx], x2: g.ys[Math.floor(i / g.nx)], yhat: sigmoid(g.zs[i]) }));
  },
};
