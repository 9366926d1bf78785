// Setting the neuron by hand, besides dragging its boundary (grip.mjs). Showing the run: a
// "Set by hand" button (the view puts it at the end of the numbers). Showing a hand-set
// neuron: a row with its weights and bias as numbers to type (each labelled with its
// input's label), "Train from here" (gradient descent starts at this neuron) and "Back to
// the run", and, when the inputs bend the boundary into a curve, one line that says so. The
// row takes the epoch player's place (live_view.css): Play means nothing for this neuron,
// and the map does not move when a drag brings the row in. Real buttons and inputs, so the
// keyboard and a screen reader reach all of it.

import { el } from "./dom.mjs";
import { lineInputs, parseTyped } from "./hand.mjs";

const HOW_LINE = "Set the neuron by hand: type its weights, or drag the boundary on the map (the line moves it, an end ring turns it, the arrow sets how steeply ŷ rises)";
const HOW_CURVE = "With these inputs the boundary is a curve: type the weights to set the neuron.";

export class HandPanel {
  // act: { enter(), leave(), train(), typed(j, value) } — j is a weight's index, or "b".
  constructor(act) {
    this.act = act;
    this.enter = el("button", { type: "button", class: "lv-hand-enter", text: "Set by hand" });
    this.enter.addEventListener("click", () => act.enter());
    this.how = el("span", { class: "lv-hand-how" });
    // Says whose numbers the row above shows while a hand-set neuron is on the map.
    this.badge = el("span", { class: "lv-hand-badge", text: "Your neuron" });
    this.fields = el("span", { class: "lv-hand-fields" });
    this.train = el("button", { type: "button", class: "lv-hand-train", text: "Train from here", title: "Gradient descent starts at this neuron" });
    this.train.addEventListener("click", () => act.train());
    this.back = el("button", { type: "button", class: "lv-hand-back", text: "Back to the run" });
    this.back.addEventListener("click", () => act.leave());
    this.problem = el("span", { class: "lv-hand-problem", role: "alert" });
    this.element = el("div", { class: "lv-hand", role: "group", "aria-label": "Your neuron, set by hand" }, [this.badge, this.fields, this.train, this.back, this.how, this.problem]);
    this.inputs = [];
    this.editing = null; // the field the learner is typing in
    this.on = false;
    this.show(false);
  }

  update(run) {
    this.run = run;
    const labels = new Map(run.meta.feature_table.map((f) => [f.name, f.label]));
    const names = run.meta.features;
    const key = names.join(" ");
    this.line = !!lineInputs(names);
    this.how.textContent = HOW_CURVE;
    this.how.hidden = this.line;
    this.enter.title = this.line ? HOW_LINE : HOW_CURVE;
    if (key === this.key) return;
    this.key = key;
    const field = (j, label, name) => {
      const input = el("input", { type: "text", inputMode: "decimal", class: "lv-hand-input", autocomplete: "off", spellcheck: false, "aria-label": name });
      const commit = () => {
        const v = parseTyped(input.value);
        input.setAttribute("aria-invalid", String(v === null));
        this.problem.textContent = v === null ? `${name}: type a number, e.g. −1.5 or 0.25` : "";
        if (v !== null) this.act.typed(j, v);
      };
      // Typed text stays as typed while its field is being edited; a drag takes it over.
      input.addEventListener("input", () => {
        this.editing = input;
      });
      input.addEventListener("blur", () => {
        if (this.editing === input) this.editing = null;
      });
      input.addEventListener("change", commit);
      input.addEventListener("keydown", (e) => {
        if (e.key === "Enter") commit();
      });
      this.inputs.push({ j, input });
      return el("label", { class: "lv-hand-field" }, [el("span", { class: "lv-hand-label", text: label }), input]);
    };
    this.inputs = [];
    const ws = names.map((name, j) => field(j, labels.get(name) ?? name, `Weight on ${labels.get(name) ?? name}`));
    this.fields.replaceChildren(el("span", { class: "lv-hand-name", text: "w" }), ...ws, el("span", { class: "lv-hand-name", text: "b" }), field("b", "", "Bias b"));
  }

  // Hand mode on or off (the buttons and fields that belong to it).
  show(on) {
    this.on = on;
    // (kept in its place, unseen and unreachable, so the numbers keep their lines and the
    // map does not move when a drag starts)
    this.enter.style.visibility = on ? "hidden" : "";
    this.element.hidden = !on;
    if (!on) this.problem.textContent = "";
  }

  // The hand-set neuron's numbers in the fields (not the one being typed in: a field with
  // focus but nothing typed yet, as on entering, follows the neuron like the others).
  paint(w, b) {
    const { number } = this.run.format;
    for (const { j, input } of this.inputs) {
      if (input === this.editing) continue; // the learner is typing there
      const text = number(j === "b" ? b : w[j], 4);
      if (input.value !== text) {
        input.value = text;
        input.removeAttribute("aria-invalid");
      }
    }
  }
}
