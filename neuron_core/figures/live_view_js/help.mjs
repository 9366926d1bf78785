// The keyboard help: a button in the bar opens a small native <dialog> listing the view's
// keys (WORDS.keys, narration.py). Escape or Close shuts it and focus goes back to the button.

import { el } from "./dom.mjs";

export class KeysHelp {
  constructor(words) {
    this.button = el("button", { type: "button", class: "lv-help", text: "?", "aria-label": words.help, title: words.help, "aria-haspopup": "dialog" });
    const title = el("h2", { class: "lv-help-title", id: "lv-help-title", text: words.help });
    const rows = words.keys.map(([keys, does]) => el("div", {}, [el("dt", {}, [el("kbd", { text: keys })]), el("dd", { text: does })]));
    const close = el("button", { type: "button", class: "lv-help-close", text: words.close });
    this.dialog = el("dialog", { class: "lv-help-dialog", "aria-labelledby": "lv-help-title" }, [title, el("p", { text: words.help_intro }), el("dl", {}, rows), close]);
    this.button.addEventListener("click", () => this.dialog.showModal());
    close.addEventListener("click", () => this.dialog.close());
    // Escape closes a modal dialog by itself; either way, focus goes back to the button.
    this.dialog.addEventListener("close", () => this.button.focus());
  }

  get open() {
    return this.dialog.open;
  }
}
