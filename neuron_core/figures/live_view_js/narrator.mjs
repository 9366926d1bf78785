// What the view says to a screen-reader user: a screen summary (visually hidden, first in
// the view) of what each picture shows for this run, each canvas stack's text alternative,
// and a polite live region for what changed. Spoken when something settles (Play pauses or
// ends, a scrub settles, a new run arrives), never every frame. The words are Python's
// (WORDS, narration.py); words.mjs fills them.

import { el } from "./dom.mjs";
import { facts, fill, runSentence } from "./words.mjs";

export class Narrator {
  // frames: { map, sheet, cost } — the canvas stacks (role=img) whose labels follow the run.
  constructor(words, frames) {
    this.words = words;
    this.frames = frames;
    this.summary = el("div", { class: "lv-sr", "data-testid": "live-view-summary" });
    this.live = el("div", { class: "lv-sr", role: "status", "aria-live": "polite", "aria-atomic": "true", "data-testid": "live-view-says" });
    this.elements = [this.summary, this.live];
  }

  // Epoch k of run, settled: the canvases' labels and the summary say it.
  describe(run, k) {
    const w = this.words;
    const slots = facts(run, k, w);
    const parts = ["map", "sheet", "cost"].map((name) => {
      const text = fill(w[name], slots);
      this.frames[name].setAttribute("aria-label", text);
      return text;
    });
    const text = [w.summary, ...parts].join(" ");
    if (this.summary.textContent !== text) this.summary.textContent = text;
    return slots;
  }

  // The scrubber's aria-valuetext for epoch k.
  valueText(run, k) {
    return fill(this.words.valuetext, facts(run, k, this.words));
  }

  // Say one of the epoch sentences ("paused", "ended", "settled") about epoch k.
  sayEpoch(kind, run, k) {
    this.say(fill(this.words[kind], facts(run, k, this.words)));
  }

  // Say what a new run changed and how it went.
  sayRun(run, changed) {
    this.say(runSentence(this.words, facts(run, run.last, this.words), changed));
  }

  say(text) {
    // The same words again (paused twice at one epoch) are said again: clear, then set.
    if (this.live.textContent === text) this.live.textContent = "";
    this.live.textContent = text;
    this.said = (this.said || 0) + 1;
    this.live.setAttribute("data-said", String(this.said));
  }
}
