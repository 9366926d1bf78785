// The control bar: Play/Pause, Restart, the epoch scrubber, the epoch, the speed menu and
// "log J". It holds no state of the run: it calls its owner's handlers and shows what it
// is told (setLast, show, setPlaying, setSpeeds, setLog).

import { el, icon } from "./dom.mjs";

export const FIT = "fit"; // the speed that plays the whole run in about meta.fit_seconds

export class Bar {
  // on: { toggle(), seek(epoch), scrub(epoch), scrubbed(), speed(value), log(checked) }
  constructor(on) {
    this.play = el("button", { class: "lv-play", type: "button" });
    this.play.addEventListener("click", () => on.toggle());
    this.restart = el("button", { class: "lv-restart", type: "button", title: "Back to epoch 0", "aria-label": "Restart" }, [icon("restart")]);
    this.restart.addEventListener("click", () => on.seek(0));
    this.scrub = el("input", { class: "lv-scrub", type: "range", min: 0, step: 1, "aria-label": "Epoch" });
    this.scrub.addEventListener("input", () => on.scrub(Number(this.scrub.value)));
    this.scrub.addEventListener("change", () => on.scrubbed());
    this.speedBox = el("select", { class: "lv-speed", "aria-label": "Speed", title: "Epochs per frame" });
    this.speedBox.addEventListener("change", () => on.speed(this.speedBox.value));
    this.logBox = el("input", { type: "checkbox", class: "lv-log" });
    this.logBox.addEventListener("change", () => on.log(this.logBox.checked));
    const log = el("label", { class: "lv-check", title: "Cost axis on a log scale" }, [this.logBox, el("span", { text: "log J" })]);
    this.epochText = el("span", { class: "lv-epoch", "aria-live": "off" });
    this.element = el("div", { class: "lv-bar" }, [this.play, this.restart, this.scrub, this.epochText, this.speedBox, log]);
  }

  setPlaying(playing) {
    const label = playing ? "Pause" : "Play";
    if (this.play.getAttribute("aria-label") !== label) {
      this.play.setAttribute("aria-label", label);
      this.play.replaceChildren(icon(playing ? "pause" : "play"), el("span", { text: label }));
    }
  }

  // A new run's last epoch: the scrubber's end.
  setLast(last) {
    this.last = last;
    this.scrub.max = last;
  }

  // Epoch k on the scrubber and in words.
  show(k) {
    this.epochText.textContent = `Epoch ${k} / ${this.last}`;
    this.scrub.value = String(k);
  }

  // The speed menu (epochs per frame, and "whole run in N s"), showing `speed`.
  setSpeeds(speeds, fitSeconds, speed) {
    this.speedBox.replaceChildren(
      ...speeds.map((s) => el("option", { value: String(s), text: `${s} epoch${s > 1 ? "s" : ""}/frame` })),
      el("option", { value: FIT, text: `whole run: ${fitSeconds} s` }),
    );
    this.speedBox.value = speed;
  }

  setLog(checked) {
    this.logBox.checked = checked;
  }
}
