// The lesson's controls on the stage: α, epochs, λ and the inputs, drawn in the view's own
// bar so a teacher never needs the sidebar. They are the controls table's rows, sent by
// Python (meta.stage, from neuron_core/stage.py): the label, every option with its text,
// and the value now. A change goes back as { key, value } (the value spelled as the option
// is) and Python sets the sidebar's control to it; the next run's meta.stage confirms it.

import { el } from "./dom.mjs";

// A row of controls; `onChange(key, value)` is called when the learner changes one.
export class Stage {
  constructor(onChange) {
    this.onChange = onChange;
    this.element = el("div", { class: "lv-stage", role: "group", "aria-label": "Lesson controls" });
    // α first, the rest in a group of their own: a phone puts α above the map and the rest
    // below it (live_view.css), so the first screen holds Play, α and the map.
    this.more = el("div", { class: "lv-stage-more" });
    this.controls = new Map(); // key → { entry, set(value) }
  }

  // meta.stage of the run just sent (or nothing: the offline export has no stage).
  update(entries) {
    const list = entries || [];
    this.element.hidden = list.length === 0;
    const keys = list.map((e) => e.key).join(" ");
    if (keys !== this.keys) {
      this.keys = keys;
      this.controls.clear();
      const built = list.map((entry) => [entry, this.build(entry)]);
      this.more.replaceChildren(...built.filter(([e]) => e.key !== "alpha").map(([, item]) => item));
      this.element.replaceChildren(...built.filter(([e]) => e.key === "alpha").map(([, item]) => item), this.more);
    }
    for (const entry of list) this.controls.get(entry.key).set(entry);
  }

  build(entry) {
    if (entry.kind === "toggles") return this.toggles(entry);
    // α has many steps on a log scale: a slider; the others a short menu.
    return entry.options.length > 24 ? this.slider(entry) : this.menu(entry);
  }

  slider(entry) {
    const id = `lv-stage-${entry.key}`;
    const input = el("input", { type: "range", id, class: "lv-stage-range", min: 0, max: entry.options.length - 1, step: 1, "aria-label": entry.label, title: entry.help });
    const shown = el("output", { class: "lv-stage-value", for: id });
    const show = () => {
      const text = this.current(entry.key).texts[Number(input.value)];
      shown.textContent = text;
      input.setAttribute("aria-valuetext", `${entry.short} = ${text}`);
    };
    input.addEventListener("input", show);
    input.addEventListener("change", () => this.changed(entry.key, this.current(entry.key).options[Number(input.value)]));
    this.controls.set(entry.key, {
      entry,
      set: (e) => {
        this.controls.get(entry.key).entry = e;
        input.value = String(Math.max(0, e.options.indexOf(e.value)));
        show();
      },
    });
    return el("label", { class: "lv-stage-item lv-stage-alpha", title: entry.help }, [el("span", { class: "lv-stage-name", text: entry.short }), input, shown]);
  }

  menu(entry) {
    const select = el("select", { class: "lv-stage-select", "aria-label": entry.label, title: entry.help });
    select.addEventListener("change", () => this.changed(entry.key, select.value));
    this.controls.set(entry.key, {
      entry,
      set: (e) => {
        this.controls.get(entry.key).entry = e;
        const options = e.options.map((value, i) => el("option", { value, text: e.texts[i] }));
        if (select.options.length !== options.length) select.replaceChildren(...options);
        select.value = e.value;
      },
    });
    return el("label", { class: "lv-stage-item" }, [el("span", { class: "lv-stage-name", text: entry.short }), select]);
  }

  // One tile per feature, pressed when it is an input (TensorFlow Playground's feature
  // tiles); the last pressed one cannot be released (the neuron needs an input).
  toggles(entry) {
    const box = el("div", { class: "lv-stage-item lv-tiles", role: "group", "aria-label": entry.label, title: entry.help });
    const tiles = new Map();
    const pressed = () => this.current(entry.key).options.filter((f) => tiles.get(f).getAttribute("aria-pressed") === "true");
    this.controls.set(entry.key, {
      entry,
      set: (e) => {
        this.controls.get(entry.key).entry = e;
        if (tiles.size !== e.options.length) {
          tiles.clear();
          box.replaceChildren(el("span", { class: "lv-stage-name", text: e.short }));
          e.options.forEach((name, i) => {
            const tile = el("button", { type: "button", class: "lv-tile", text: e.texts[i], "aria-pressed": "false", title: `Input ${e.texts[i]}` });
            tile.addEventListener("click", () => {
              const on = tile.getAttribute("aria-pressed") !== "true";
              const now = pressed().filter((f) => f !== name);
              if (on) now.push(name);
              if (!now.length) return; // at least one input
              tile.setAttribute("aria-pressed", String(on));
              this.changed(entry.key, this.current(entry.key).options.filter((f) => now.includes(f)));
            });
            tiles.set(name, tile);
            box.append(tile);
          });
        }
        e.options.forEach((name, i) => {
          const tile = tiles.get(name);
          tile.textContent = e.texts[i];
          tile.setAttribute("aria-pressed", String(e.value.includes(name)));
        });
      },
    });
    return box;
  }

  current(key) {
    return this.controls.get(key).entry;
  }

  changed(key, value) {
    this.onChange(key, value);
  }
}
