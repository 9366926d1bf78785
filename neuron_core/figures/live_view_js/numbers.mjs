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

  // Epoch k's numbers, or a hand-set neuron's (hand: { w, b, train, test } with the cost
  // and accuracy on each set, hand.test null without test points).
  paint(k, hand = null) {
    const { run } = this;
    const { number, gap, percent } = run.format;
    const set = (key, text) => {
      if (this.cells[key].textContent !== text) this.cells[key].textContent = text;
    };
    const cost = hand ? hand.train.cost : run.cost[k];
    const acc = hand ? hand.train.acc : run.acc[k];
    const testCost = hand ? hand.test?.cost : run.testCost[k];
    const testAcc = hand ? hand.test?.acc : run.testAcc[k];
    const hasTest = run.hasTest && testCost !== undefined;
    set("cost", `${number(cost)}${hasTest ? ` (test ${number(testCost)})` : ""}`);
    set("gap", gap(cost, run.meta.optimum));
    set("acc", percent(acc) + (hasTest ? ` (test ${percent(testAcc)})` : ""));
    const { w, b } = hand ?? run.neuronAt(k);
    set("w", `(${weights(w, number)})`);
    set("b", number(b, 3));
    this.element.classList.toggle("lv-numbers-hand", !!hand);
  }
}

// The weights as the numbers show them (3 significant digits), comma-separated: also the
// view's data-w attribute.
export const weights = (w, number) => Array.from(w, (v) => number(v, 3)).join(", ");
