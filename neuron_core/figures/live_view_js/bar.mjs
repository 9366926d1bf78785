// The control bar: Play/Pause, the step buttons (back to 0, a tenth back, one back, one
// forward, a tenth forward), the epoch scrubber, the epoch and the speed menu. It holds no
// state of the run: it calls its owner's handlers and shows what it is told (setLast,
// show, setPlaying, setSpeeds).

import { el, icon } from "./dom.mjs";

// The jump of the « » buttons and Page Up/Down: a tenth of the run, at least one epoch.
export const jump = (last) => Math.max(1, Math.round(last / 10));

export class Bar {
  // on: { toggle(), seek(epoch), step(delta), scrub(epoch), scrubbed(), speed(id) }
  constructor(on) {
    this.play = el("button", { class: "lv-play", type: "button" });
    this.play.addEventListener("click", () => on.toggle());
    const stepButton = (cls, name, iconName, act) => {
      const b = el("button", { class: `lv-step ${cls}`, type: "button", title: name, "aria-label": name }, [icon(iconName)]);
      b.addEventListener("click", act);
      return b;
    };
    this.restart = stepButton("lv-restart", "Restart", "restart", () => on.seek(0));
    this.restart.title = "Back to epoch 0";
    this.back = stepButton("lv-back", "Jump back", "jumpBack", () => on.step(-jump(this.last)));
    this.prev = stepButton("lv-prev", "Previous epoch", "stepBack", () => on.step(-1));
    this.next = stepButton("lv-next", "Next epoch", "stepForward", () => on.step(1));
    this.forward = stepButton("lv-forward", "Jump forward", "jumpForward", () => on.step(jump(this.last)));
    this.scrub = el("input", { class: "lv-scrub", type: "range", min: 0, step: 1, "aria-label": "Epoch" });
    this.scrub.addEventListener("input", () => on.scrub(Number(this.scrub.value)));
    this.scrub.addEventListener("change", () => on.scrubbed());
    this.speedBox = el("select", { class: "lv-speed", "aria-label": "Speed", title: "How fast Play goes" });
    this.speedBox.addEventListener("change", () => on.speed(this.speedBox.value));
    this.epochText = el("span", { class: "lv-epoch", "aria-live": "off" });
    const steps = el("span", { class: "lv-steps" }, [this.restart, this.back, this.prev, this.next, this.forward]);
    this.element = el("div", { class: "lv-bar" }, [this.play, steps, this.scrub, this.epochText, this.speedBox]);
  }

  setPlaying(playing) {
    const label = playing ? "Pause" : "Play";
    if (this.play.getAttribute("aria-label") !== label) {
      this.play.setAttribute("aria-label", label);
      this.play.replaceChildren(icon(playing ? "pause" : "play"), el("span", { text: label }));
    }
  }

  // A new run's last epoch: the scrubber's end, and the jump the « » buttons make.
  setLast(last) {
    this.last = last;
    this.scrub.max = last;
    const n = jump(last);
    this.back.title = `Back ${n} epoch${n > 1 ? "s" : ""}`;
    this.forward.title = `Forward ${n} epoch${n > 1 ? "s" : ""}`;
  }

  // Epoch k on the scrubber and in words. (The step buttons stay enabled at the ends, where
  // they do nothing: a disabled button would drop a keyboard user's focus.)
  show(k) {
    this.epochText.textContent = `Epoch ${k} / ${this.last}`;
    this.scrub.value = String(k);
  }

  // The speed menu from the table Python sends (meta.speeds), showing `speed` (an id).
  setSpeeds(speeds, speed) {
    if (this.speedBox.options.length !== speeds.length) {
      this.speedBox.replaceChildren(...speeds.map((s) => el("option", { value: s.id, text: s.text })));
    }
    this.speedBox.value = speed;
  }
}
