// How one run is drawn: the palette and sizes Python sent (meta.style), ŷ's colour table
// and the text sizes, shared by every view.

import { colourTable } from "./colour.mjs";

export class Look {
  constructor(style, root) {
    this.style = style;
    this.root = root;
    this.lut = colourTable(style.scale);
    this.textPx = style.presenter ? 17 : 13;
  }

  // A canvas font at px pixels. The family is read once: the sheet's labels are drawn every
  // frame, and a style read each time would make the browser recompute styles every frame.
  font(px, weight = "") {
    this.family ??= getComputedStyle(this.root).fontFamily || "sans-serif";
    return `${weight} ${px}px ${this.family}`.trim();
  }
}
