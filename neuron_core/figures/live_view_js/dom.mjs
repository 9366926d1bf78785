// Building blocks of the view's page: elements (text always as textContent, never parsed
// as HTML), button icons, a titled panel, and a stack of canvases sized to its box.

// An element with properties, attributes and children. `text` sets textContent: a class
// name, a column name or a file name is shown exactly as typed and never becomes markup.
export const el = (tag, props = {}, kids = []) => {
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

// Button icons drawn as SVG: glyphs like ⏸ are missing from many school machines' fonts.
const ICONS = {
  play: "M4 2.5v11l9.5-5.5z",
  pause: "M3.5 2.5h3.2v11H3.5zM9.3 2.5h3.2v11H9.3z",
  restart: "M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.8.6A3.6 3.6 0 1 0 8 4.4V6.5L4.6 3.5 8 .5z",
  stepBack: "M12.5 3v10L5.5 8zM2.5 3h2.2v10H2.5z",
  stepForward: "M3.5 3v10l7-5zM11.3 3h2.2v10h-2.2z",
  jumpBack: "M14.5 3v10L8.5 8zM8.5 3v10L2.5 8z",
  jumpForward: "M1.5 3v10l6-5zM7.5 3v10l6-5z",
};

export function icon(name) {
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

// One view's panel: its title, the frame its canvases go in, and its legend below.
export function panel(title, cls) {
  const box = el("figure", { class: `lv-panel ${cls}` });
  const head = el("figcaption", { class: "lv-title", text: title });
  const legend = el("div", { class: "lv-legend" });
  const frame = el("div", { class: "lv-canvas" });
  box.append(head, frame, legend);
  return { box, frame, legend };
}

// A legend entry: a swatch of the given shape ("circle", "square", "line", "dash", "dot")
// in a palette colour, and its text.
export const legendKey = (shape, colour, text, hollow = false) =>
  el("span", { class: "lv-key" }, [
    el("i", { class: `lv-sym lv-${shape}${hollow ? " lv-hollow" : ""}`, style: `--c:${colour}` }),
    el("span", { text }),
  ]);

// A view's stack of canvases, sized to its box in CSS pixels, sharp on high-DPI screens.
// Parts that change every frame and parts drawn once per size sit on separate canvases,
// so a frame repaints only what moved and the browser composites the rest.
export class Surface {
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

  // Match the canvases to the box; true when the size (or the pixel ratio) changed.
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
