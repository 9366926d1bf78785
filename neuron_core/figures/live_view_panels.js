// The view's elements: the control bar, the numbers, the three panels with their legends
// and canvases, and the views' height; methods that live_view.js adds to its LiveView.
// One part of the view's module (see live_view_core.js); uses fmt, percent and gapText.

const el = (tag, props = {}, kids = []) => {
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

// A view's stack of canvases, sized to its box in CSS pixels, sharp on high-DPI screens.
// Parts that change every frame and parts drawn once per size sit on separate canvases,
// so a frame repaints only what moved and the browser composites the rest.
class Surface {
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

// Button icons drawn as SVG: glyphs like ⏸ are missing from many school machines' fonts.
const ICONS = {
  play: "M4 2.5v11l9.5-5.5z",
  pause: "M3.5 2.5h3.2v11H3.5zM9.3 2.5h3.2v11H9.3z",
  restart: "M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.8.6A3.6 3.6 0 1 0 8 4.4V6.5L4.6 3.5 8 .5z",
};

function icon(name) {
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
function panel(title, cls) {
  const box = el("figure", { class: `lv-panel ${cls}` });
  const head = el("figcaption", { class: "lv-title", text: title });
  const legend = el("div", { class: "lv-legend" });
  const frame = el("div", { class: "lv-canvas" });
  box.append(head, frame, legend);
  return { box, frame, legend };
}

const FIT = "fit"; // the speed that plays the whole run in about meta.fit_seconds

const panelMethods = {
  build() {
    const root = el("div", { class: "lv", "data-testid": "live-view" });
    const bar = this.buildBar();
    this.buildNumbers();
    const [map, sheet, cost] = this.buildPanels();
    // One grid holds everything, so a phone can put the numbers right under the map.
    const views = el("div", { class: "lv-views" }, [bar, this.numbers, map.box, sheet.box, cost.box]);
    this.views = views;
    root.append(views);
    this.host.append(root);
    this.root = root;
    root.liveView = this; // the test hook: el.liveView.probe(...), .yhat(...)
  },

  // The controls: play, restart, the epoch slider, the epoch, the speed menu, "log J".
  buildBar() {
    this.play = el("button", { class: "lv-play", type: "button" });
    this.play.addEventListener("click", () => this.toggle());
    this.restart = el("button", { class: "lv-restart", type: "button", title: "Back to epoch 0", "aria-label": "Restart" }, [icon("restart")]);
    this.restart.addEventListener("click", () => this.seek(0, true));
    this.scrub = el("input", { class: "lv-scrub", type: "range", min: 0, step: 1, "aria-label": "Epoch" });
    this.scrub.addEventListener("input", () => {
      this.pause(false);
      this.seek(Number(this.scrub.value), false);
    });
    this.scrub.addEventListener("change", () => this.report());
    this.speedBox = el("select", { class: "lv-speed", "aria-label": "Speed", title: "Epochs per frame" });
    this.speedBox.addEventListener("change", () => {
      this.speed = this.speedChoice = this.speedBox.value;
    });
    this.logBox = el("input", { type: "checkbox", class: "lv-log" });
    this.logBox.addEventListener("change", () => {
      this.logCost = this.logBox.checked;
      this.schedule(true);
    });
    const log = el("label", { class: "lv-check", title: "Cost axis on a log scale" }, [this.logBox, el("span", { text: "log J" })]);
    this.epochText = el("span", { class: "lv-epoch", "aria-live": "off" });
    return el("div", { class: "lv-bar" }, [this.play, this.restart, this.scrub, this.epochText, this.speedBox, log]);
  },

  // The numbers of the epoch shown, one cell each; paintNumbers fills this.cells.
  buildNumbers() {
    this.numbers = el("div", { class: "lv-numbers" });
    this.cells = {};
    const cells = [["cost", "Cost J"], ["gap", "J − J*"], ["acc", "Accuracy"], ["w", "w"], ["b", "b"]];
    for (const [key, label] of cells) {
      const value = el("span", { class: "lv-value" });
      this.cells[key] = value;
      this.numbers.append(el("div", { class: `lv-cell lv-cell-${key}` }, [el("span", { class: "lv-label", text: label }), value]));
    }
  },

  // The three views, each a titled panel with its canvas layers and its legend.
  buildPanels() {
    const map = panel("ŷ over the inputs, boundary ŷ = 0.5", "lv-map");
    const sheet = panel("ŷ as a height (drag to turn)", "lv-sheet");
    const cost = panel("Cost J per epoch", "lv-cost");
    // ŷ's colours: a grid-sized canvas the browser stretches (smoothly) over the plot area.
    this.heatBox = el("div", { class: "lv-heat" });
    this.heatCanvas = el("canvas", { width: MAP_RES, height: MAP_RES });
    this.heatBox.append(this.heatCanvas);
    map.frame.append(this.heatBox);
    this.mapView = new Surface(map.frame, "Probability map", ["line", "marks"]);
    this.sheetView = new Surface(sheet.frame, "3-D sigmoid surface", ["back", "sheet", "front"]);
    this.costView = new Surface(cost.frame, "Cost curve", ["curves", "now"]);
    this.legends = { map: map.legend, sheet: sheet.legend, cost: cost.legend };
    this.sheetView.top.addEventListener("pointerdown", (e) => this.drag(e));
    this.sheetView.top.style.touchAction = "none";
    return [map, sheet, cost];
  },

  // The speed menu; until the learner picks one, long runs start at "whole run in 5 s".
  fillSpeeds() {
    const meta = this.run.meta;
    this.speedBox.replaceChildren(
      ...meta.speeds.map((s) => el("option", { value: String(s), text: `${s} epoch${s > 1 ? "s" : ""}/frame` })),
      el("option", { value: FIT, text: `whole run: ${meta.fit_seconds} s` }),
    );
    this.speed = this.speedChoice ?? (this.run.last > meta.long_run ? FIT : "1");
    this.speedBox.value = this.speed;
  },

  writeLegends() {
    const meta = this.run.meta;
    const [c0, c1] = meta.style.colors;
    const key = (shape, colour, text, hollow = false) =>
      el("span", { class: "lv-key" }, [
        el("i", { class: `lv-sym lv-${shape}${hollow ? " lv-hollow" : ""}`, style: `--c:${colour}` }),
        el("span", { text }),
      ]);
    const classes = [key("circle", c0, meta.classes[0]), key("square", c1, meta.classes[1])];
    const test = meta.m_test ? [key("circle", meta.style.axis, "test (hollow)", true)] : [];
    this.legends.map.replaceChildren(...classes, ...test);
    this.legends.sheet.replaceChildren(el("span", { class: "lv-bar-scale", text: "ŷ: 0" }), el("i", { class: "lv-gradient", style: `background: linear-gradient(90deg, ${meta.style.scale.map(([p, c]) => `${c} ${100 * p}%`).join(", ")})` }), el("span", { text: "1" }));
    const costKeys = [key("line", c0, "training")];
    if (this.run.hasTest) costKeys.push(key("dash", c1, "test"));
    if (meta.optimum !== null) costKeys.push(key("dot", meta.style.optimum, `J* ${fmt(meta.optimum)}`));
    this.legends.cost.replaceChildren(...costKeys);
  },

  // The views' height: what is left of the window below the view's top, so the controls,
  // the numbers and all three views fit on one screen (the CSS height is the fallback).
  fitHeight() {
    const frame = this.mapView.top.parentElement;
    const columns = getComputedStyle(this.views).gridTemplateColumns.split(" ").length;
    // (three columns: side by side; fewer: the CSS sizes the views by width)
    if (columns < 3) {
      this.root.style.removeProperty("--lv-h");
      return;
    }
    const top = this.root.getBoundingClientRect().top + window.scrollY;
    const fixed = this.root.offsetHeight - frame.offsetHeight;
    const most = this.run.meta.style.presenter ? 620 : 480;
    // No taller than 1.2 × wide: a tall thin map distorts the picture more than it helps.
    const tall = frame.getBoundingClientRect().width * 1.2;
    const h = Math.round(Math.min(most, tall, Math.max(220, window.innerHeight - top - fixed - 12)));
    if (this.root.style.getPropertyValue("--lv-h") !== `${h}px`) this.root.style.setProperty("--lv-h", `${h}px`);
  },

  paintNumbers(k) {
    const run = this.run;
    const n = run.n;
    const set = (key, text) => {
      if (this.cells[key].textContent !== text) this.cells[key].textContent = text;
    };
    this.epochText.textContent = `Epoch ${k} / ${run.last}`;
    const test = run.hasTest ? ` (test ${fmt(run.testCost[k])})` : "";
    set("cost", `${fmt(run.cost[k])}${test}`);
    set("gap", gapText(run.cost[k], run.meta.optimum));
    set("acc", percent(run.acc[k]) + (run.hasTest ? ` (test ${percent(run.testAcc[k])})` : ""));
    const w = Array.from(run.w.subarray(k * n, k * n + n), (v) => fmt(v, 3));
    set("w", `(${w.join(", ")})`);
    set("b", fmt(run.b[k], 3));
  },
};
