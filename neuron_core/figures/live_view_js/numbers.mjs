// The numbers of the epoch shown: cost, gap to J*, accuracy, w and b, one cell each.
//
// update(run) takes a new run, paint(k) writes epoch k's numbers (through the run's one
// formatter; a cell is touched only when its text changes).

import { el } from "./dom.mjs";

const CELLS = [["cost", "Cost J"], ["gap", "J − J*"], ["acc", "Accuracy"], ["w", "w"], ["b", "b"]];

export class NumbersView {
  constructor() {
    this.element = el("div", { class: "lv-numbers" });
    this.cells = {};
    for (const [key, label] of CELLS) {
      const value = el("span", { class: "lv-value" });
      this.cells[key] = value;
      this.element.append(el("div", { class: `lv-cell lv-cell-${key}` }, [el("span", { class: "lv-label", text: label }), value]));
    }
  }

  update(run) {
    this.run = run;
  }

  paint(k) {
    const { run } = this;
    const { number, gap, percent } = run.format;
    const n = run.n;
    const set = (key, text) => {
      if (this.cells[key].textContent !== text) this.cells[key].textContent = text;
    };
    const test = run.hasTest ? ` (test ${number(run.testCost[k])})` : "";
    set("cost", `${number(run.cost[k])}${test}`);
    set("gap", gap(run.cost[k], run.meta.optimum));
    set("acc", percent(run.acc[k]) + (run.hasTest ? ` (test ${percent(run.testAcc[k])})` : ""));
    const w = Array.from(run.w.subarray(k * n, k * n + n), (v) => number(v, 3));
    set("w", `(${w.join(", ")})`);
    set("b", number(run.b[k], 3));
  }
}
