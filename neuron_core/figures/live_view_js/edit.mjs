// Placing points by hand: a click (or tap) on the map places a point of the class picked,
// shift-click the other class, a click on a point removes it; Undo and Clear. The class
// toggle is the map's legend (each class's key becomes a button, pressed for the class a
// click places) and Undo and Clear join it once there is an edit to take back, so the
// stage grows no row (meta.edit, from ui/edits.py, says what they can do). Each edit goes to
// Python as a numbered message (outbox.mjs), neuron_core/edits.py checks it against the points
// shown and the run retrains; the map draws it at once (MapView.pending) until a run arrives
// that Python made after taking it.

import { el, legendKey } from "./dom.mjs";

export class Editor {
  // map: the MapView; send(op) hands an edit to Python and returns its number; shown(count)
  // reports the points drawn now; redraw() asks for the map's points to be drawn again;
  // blocked() says a press was taken by something else (the boundary's grips, grip.mjs):
  // its click places nothing.
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
  update(run, done) {
    this.run = run;
    const meta = run.meta.edit;
    this.meta = meta;
    this.confirm(done);
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

  // Python took the view's messages up to number `done` (outbox.mjs), in the run just sent
  // or the same run again: the map stops drawing those edits as pending.
  confirm(done) {
    this.map.pending = carryPending(this.map.pending, this.map.run, done);
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
    let op, seq;
    if (i >= 0) {
      op = { op: "remove", i, x: run.points[2 * i], y: run.points[2 * i + 1], cls: run.cls[i] };
      seq = this.send(op);
      map.pending.hidden.add(i);
      map.pending.removed.push([op.x, op.y, run.cls[i], seq]);
    } else {
      const [x, y] = map.frame.toData(px, py);
      const cls = e.shiftKey ? 1 - this.cls : this.cls;
      op = { op: "add", x, y, cls };
      seq = this.send(op);
      map.pending.added.push([x, y, cls, seq]);
    }
    this.redraw();
    this.shown(map.shownCount());
  }
}

// Python keeps a placed point's coordinates to this step (neuron_core.edits.STEP, 0.01), and
// a removed one is where the run drew it: a pending removal is the run's point of its class
// within half a step (and a hair).
const SAME = 0.0051;

// The edits still pending once `run` arrives, Python having taken those numbered up to
// `done`: two quick clicks send two edits, and the run made after the first must not hide
// the second point until a run made after it comes. A removal still pending hides the
// run's point it names (found again by where it is: indices move).
export function carryPending(pending, run, done) {
  const open = (p) => p[3] > done;
  const find = ([x, y, cls]) => {
    for (let i = 0; i < run.m; i++) {
      if (run.cls[i] === cls && Math.abs(run.points[2 * i] - x) <= SAME && Math.abs(run.points[2 * i + 1] - y) <= SAME) return i;
    }
    return -1;
  };
  const added = pending.added.filter(open);
  const removed = pending.removed.filter(open);
  return { added, removed, hidden: new Set(removed.map(find).filter((i) => i >= 0)) };
}
