// Placing points by hand: a click (or tap) on the map places a point of the class picked,
// shift-click the other class, a click on a point removes it; Undo and Clear. The class
// toggle is the map's legend (each class's key becomes a button, pressed for the class a
// click places) and Undo and Clear join it once there is an edit to take back, so the
// stage grows no row (meta.edit, from ui/edits.py, says what they can do). Each edit goes to Python as { op, … } (neuron_core/edits.py checks it against the
// points shown and the run retrains); the map draws it at once (MapView.pending) and the
// run trained on it replaces the drawing when it arrives.

import { el, legendKey } from "./dom.mjs";

export class Editor {
  // map: the MapView; send(op) hands an edit to Python; shown(count) reports the points
  // drawn now; redraw() asks for the map's points to be drawn again; blocked() says a press
  // was taken by something else (the boundary's grips, grip.mjs): its click places nothing.
  constructor({ map, send, shown, redraw, blocked = () => false }) {
    Object.assign(this, { map, send, shown, redraw, blocked });
    this.cls = 0;
    this.meta = null;
    this.classButtons = [0, 1].map((k) => {
      const b = el("button", { type: "button", class: "lv-edit-class", "aria-pressed": String(k === 0) });
      b.addEventListener("click", () => this.pick(k));
      return b;
    });
    this.undo = el("button", { type: "button", class: "lv-edit-undo", text: "Undo", title: "Take the last placed or removed point back" });
    this.clear = el("button", { type: "button", class: "lv-edit-clear", text: "Clear", title: "Take every placed and removed point back" });
    this.undo.addEventListener("click", () => this.send({ op: "undo" }));
    this.clear.addEventListener("click", () => {
      this.map.pending.added = [];
      this.redraw();
      this.send({ op: "clear" });
    });
    // A click, or a tap (a tap is a click too; a swipe is not, so the page still scrolls).
    map.surface.top.addEventListener("click", (e) => this.clicked(e));
  }

  // meta.edit of the data just sent (absent in the offline export: no editing there).
  // Call after the map's update (which writes its legend afresh).
  update(run) {
    this.run = run;
    const meta = run.meta.edit;
    this.meta = meta;
    this.map.surface.top.classList.toggle("lv-editable", !!meta);
    if (!meta) return;
    const { colors } = run.meta.style;
    this.classButtons.forEach((b, k) => {
      const name = run.meta.classes[k];
      b.replaceChildren(legendKey(k ? "square" : "circle", colors[k], name));
      b.setAttribute("aria-label", `Class ${k}: ${name}`);
      b.title = `A click on the map places a ${name} point (shift-click: the other class)`;
    });
    this.undo.hidden = !meta.can_undo;
    this.clear.hidden = !meta.can_clear;
    const legend = this.map.legend;
    const rest = Array.from(legend.children).slice(2); // the class keys become the buttons
    legend.replaceChildren(...this.classButtons, ...rest, this.undo, this.clear);
    legend.setAttribute("role", "group");
    legend.setAttribute("aria-label", meta.help);
  }

  pick(k) {
    this.cls = k;
    this.classButtons.forEach((b, j) => {
      b.setAttribute("aria-pressed", String(j === k));
    });
  }

  clicked(e) {
    const { map, run } = this;
    if (!this.meta || !run || !map.frame || this.blocked()) return;
    const box = map.surface.top.getBoundingClientRect();
    const px = e.clientX - box.left, py = e.clientY - box.top;
    if (!map.frame.contains(px, py)) return;
    const i = map.hit(px, py);
    let op;
    if (i >= 0) {
      op = { op: "remove", i, x: run.points[2 * i], y: run.points[2 * i + 1] };
      map.pending.hidden.add(i);
      map.pending.removed.push([op.x, op.y, run.cls[i]]);
    } else {
      const [x, y] = map.frame.toData(px, py);
      const cls = e.shiftKey ? 1 - this.cls : this.cls;
      op = { op: "add", x, y, cls };
      map.pending.added.push([x, y, cls]);
    }
    this.redraw();
    this.shown(map.shownCount());
    this.send(op);
  }
}

// Python keeps a placed point's coordinates to this step (neuron_core.edits.STEP, 0.01):
// a pending point within half of it (and a hair) of a run's point of its class is that point.
const SAME = 0.0051;

// The edits still pending once `run` arrives: two quick clicks send two edits, and the run
// trained on the first must not hide the second point until its own run comes. A placed
// point the run holds is done; a removed one the run still holds is still pending (hidden
// again, by its new index).
export function carryPending(pending, run) {
  const find = ([x, y, cls]) => {
    for (let i = 0; i < run.m; i++) {
      if (run.cls[i] === cls && Math.abs(run.points[2 * i] - x) <= SAME && Math.abs(run.points[2 * i + 1] - y) <= SAME) return i;
    }
    return -1;
  };
  const added = pending.added.filter((p) => find(p) < 0);
  const removed = pending.removed.filter((p) => find(p) >= 0);
  return { added, removed, hidden: new Set(removed.map(find)) };
}
