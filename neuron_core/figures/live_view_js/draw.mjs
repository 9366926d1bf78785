// Canvas 2D marks the views share: a class's marker and a path through screen points.

import { withAlpha } from "./colour.mjs";

// A point of class 0 (circle) or 1 (square) at (x, y), radius r, in its class's colour;
// hollow (a test point) is paper-filled with a coloured rim. `paper` is the palette's
// background colour.
export function marker(ctx, x, y, r, cls, hollow, colour, paper) {
  ctx.beginPath();
  if (cls === 1) ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
  else ctx.arc(x, y, r, 0, 2 * Math.PI);
  if (hollow) {
    ctx.fillStyle = withAlpha(paper, 0.85);
    ctx.fill();
    ctx.strokeStyle = colour;
    ctx.lineWidth = Math.max(1.5, r / 3);
    ctx.stroke();
  } else {
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.strokeStyle = paper;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
}

// A path through screen points ([x, y, …] each) in one stroke.
export function strokePath(ctx, pts, colour, width) {
  ctx.beginPath();
  pts.forEach(([x, y], j) => {
    if (j) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
  });
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.stroke();
}
