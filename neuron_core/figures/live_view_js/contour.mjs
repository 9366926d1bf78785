// The decision boundary z = 0 on a grid: marching squares with linear interpolation along
// cell edges, then the pieces joined into polylines.

// Segments [[x, y], [x, y]] where z changes sign; zs is row-major in y (nx × ny), xs and ys
// the nodes' coordinates.
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
