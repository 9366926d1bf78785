// Colours from the palette Python sends (meta.style): "#rrggbb" strings turned into what
// Canvas 2D and ImageData need.

// [r, g, b] of "#rrggbb".
export const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

// "#rrggbb" with an opacity, as Canvas 2D takes it: "rgba(r,g,b,a)".
export const withAlpha = (hex, a) => `rgba(${rgb(hex).join(",")},${a})`;

// A colour scale ([[position, "#rrggbb"], …] from 0 to 1) as a 256-entry RGB lookup table.
export function colourTable(stops) {
  const points = stops.map(([p, hex]) => [p, rgb(hex)]);
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    let s = 0;
    while (s < points.length - 2 && t > points[s + 1][0]) s++;
    const [p0, c0] = points[s];
    const [p1, c1] = points[s + 1];
    const u = p1 > p0 ? Math.min(Math.max((t - p0) / (p1 - p0), 0), 1) : 0;
    for (let ch = 0; ch < 3; ch++) lut[i * 3 + ch] = c0[ch] + (c1[ch] - c0[ch]) * u;
  }
  return lut;
}
