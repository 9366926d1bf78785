// The Playground's live view: one neuron's training run painted in the browser, every epoch.
//
// LiveView owns the clock (the epoch shown, Play, the speed) and composes the parts, each a
// small class with update(run, look) / layout() / paint(k): the bar (bar.mjs), the numbers
// (numbers.mjs), the probability map (map.mjs), the 3-D sheet (sheet.mjs) and the cost curve
// (cost.mjs). The pure parts (run data, features, formatter, σ, boundary tracer, colours,
// ticks) touch no page and are tested with node (tests/js).
//
// Streamlit (st.components.v2) calls the default export again on the SAME element at every
// rerun, so the view lives on that element and a rerun only swaps the data: one animation
// loop per element, ever. The offline HTML export calls it once with the same data.
// live_view.py joins these modules into one script (js_bundle.py); in the app that script
// is an element of its own, sent once, and reached through the hub at the end.

import { Bar, jump } from "./bar.mjs";
import { CostView } from "./cost.mjs";
import { el, panel } from "./dom.mjs";
import { Editor } from "./edit.mjs";
import { LineGrip } from "./grip.mjs";
import { rescale, rows, score, unscale } from "./hand.mjs";
import { HandPanel } from "./hand_panel.mjs";
import { KeysHelp } from "./help.mjs";
import { Look } from "./look.mjs";
import { MapView } from "./map.mjs";
import { Narrator } from "./narrator.mjs";
import { NumbersView, weights } from "./numbers.mjs";
import { Outbox } from "./outbox.mjs";
import { advance, lingerTimes, movement } from "./pace.mjs";
import { RunData } from "./run.mjs";
import { SheetView } from "./sheet.mjs";
import { Stage } from "./stage.mjs";
import { testHooks } from "./testing.mjs";
import { CSS } from "./view_css.mjs";
import { WORDS } from "./view_words.mjs";
import { changes, keysHelp } from "./words.mjs";

// After the last seek of a burst (keys held, buttons pressed), how long before the view says
// where it is: a screen reader hears one sentence, not one per epoch.
const SETTLE_MS = 600;
// While Play runs, how often the scrubber's value text is brought up to date.
const VALUE_TEXT_MS = 1000;

// The palette's colours the CSS uses (meta.style.css, from neuron_core/palette.py) become
// CSS variables on the view's root: --lv-ink, --lv-accent, …
function paintCssVariables(root, colours) {
  for (const [name, value] of Object.entries(colours)) root.style.setProperty(`--lv-${name}`, value);
}

class LiveView {
  constructor(host) {
    this.host = host;
    this.frames = 0;
    this.epoch = 0;
    this.pos = 0;
    this.playing = false;
    this.raf = 0;
    this.speed = "1";
    this.speedChoice = null;
    this.bar = new Bar({
      toggle: () => this.toggle(),
      seek: (k) => this.seek(k, true),
      step: (delta) => this.seek(this.epoch + delta, true),
      scrub: (k) => {
        this.pause(false);
        this.seek(k, false);
      },
      scrubbed: () => this.report("settled"),
      speed: (id) => {
        this.speed = this.speedChoice = id;
      },
    });
    // α, epochs, λ and the inputs: a change goes to Python, which sets the sidebar's value.
    this.outbox = new Outbox();
    this.stage = new Stage((key, value) => this.control(key, value));
    this.numbers = new NumbersView();
    const mapPanel = panel("ŷ over the inputs, boundary ŷ = 0.5", "lv-map");
    const sheetPanel = panel("ŷ as a height (drag to turn)", "lv-sheet");
    const costPanel = panel("Cost J per epoch", "lv-cost");
    this.map = new MapView(mapPanel);
    this.sheet = new SheetView(sheetPanel, () => this.schedule());
    this.cost = new CostView(costPanel, () => this.schedule(true));
    this.parts = [this.map, this.sheet, this.cost];
    // Points placed by a click on the map: the edit goes to Python like a stage control.
    this.editor = new Editor({
      map: this.map,
      send: (op) => this.control("edit", op, true),
      shown: (count) => this.root.setAttribute("data-points", String(count)),
      redraw: () => this.schedule(true),
      blocked: () => this.grip.tookPress,
    });
    // The neuron set by hand (hand.mjs): the boundary's grips on the map, and the row that
    // types its weights, trains from it or goes back to the run.
    this.hand = null;
    this.trained = 0; // the number of the "Train from here" whose run is still to come
    this.grip = new LineGrip({
      map: this.map,
      shown: () => this.neuron(),
      canGrab: () => !this.playing,
      set: (w, b) => {
        this.handPanel.editing = null; // the hand on the map wins over half-typed text
        this.setHand(w, b);
      },
      settled: () => this.handSettled(),
      tap: (e) => this.editor.clicked(e),
    });
    this.handPanel = new HandPanel({
      enter: () => this.enterHand(),
      leave: () => this.leaveHand(true),
      train: () => this.trainFromHere(),
      typed: (j, v) => {
        const { w, b } = this.neuron();
        const ws = Array.from(w);
        if (j === "b") this.setHand(ws, v);
        else {
          ws[j] = v;
          this.setHand(ws, b);
        }
        this.handSettled();
      },
    });
    this.numbers.element.append(this.handPanel.enter);
    // Words for a screen reader: a summary, the canvases' labels, what changed (polite).
    this.narrator = new Narrator(WORDS, { map: mapPanel.frame, sheet: sheetPanel.frame, cost: costPanel.frame });
    this.help = new KeysHelp(WORDS);
    this.bar.element.append(this.help.button);
    this.bar.scrub.title = keysHelp(WORDS);
    // A learner who asks for less motion: Play only when asked (see update).
    this.still = window.matchMedia?.("(prefers-reduced-motion: reduce)");
    // One grid holds everything, so a phone can put the numbers right under the map.
    this.views = el("div", { class: "lv-views" }, [this.bar.element, this.stage.element, this.numbers.element, this.handPanel.element, mapPanel.box, sheetPanel.box, costPanel.box]);
    // Focusable, so a click anywhere on the view gives its keys (Space, arrows) to it.
    const [summary, live] = this.narrator.elements;
    this.root = el("div", { class: "lv", "data-testid": "live-view", "data-hand": "false", tabindex: 0, role: "group", "aria-label": "Live view of the training run" }, [summary, this.views, live, this.help.dialog]);
    this.root.addEventListener("keydown", (e) => this.key(e));
    // The CSS travels inside the script (sent once), not with each run's element.
    this.style = el("style", { text: CSS });
    host.append(this.style, this.root);
    this.resize = new ResizeObserver(() => {
      this.fitHeight();
      this.schedule(true);
    });
    this.resize.observe(this.root);
    // Content above the view (a notice, a wrapped caption) moves its top: refit then too.
    const page = document.querySelector("[data-testid='stMainBlockContainer'], .stMainBlockContainer");
    if (page) this.resize.observe(page);
    this.onWindow = () => this.fitHeight();
    window.addEventListener("resize", this.onWindow);
  }

  // New data from Python: keep the epoch the learner looks at, and keep playing (unless
  // the learner asked for less motion: then the new run waits for Play).
  update(data) {
    const meta = data.meta;
    this.stage.update(meta.stage); // the controls' values, even when the run is the same
    const done = this.outbox.confirm(meta.outbox?.done); // the messages Python took
    // Python took "Train from here": this run starts from the hand-set neuron, or (the same
    // run again) Python refused the start and the neuron stays set by hand. A run from
    // before Python took it is neither.
    const trained = this.trained > 0 && done >= this.trained;
    if (trained) this.trained = 0;
    if (this.run && this.run.meta.run === meta.run) return this.unchanged(done);
    const first = !this.run;
    const before = this.run;
    const changed = first ? [] : changes(this.run.meta, meta);
    const stopped = this.playing && this.still?.matches;
    if (stopped) this.pause(false);
    const wasAtEnd = this.run && this.epoch >= this.run.last && !this.playing;
    this.run = new RunData(data);
    this.rows = null; // the rows a hand-set neuron is scored on, made when first needed
    const last = this.run.last;
    if (first) this.epoch = this.restored ?? last;
    else if (wasAtEnd) this.epoch = last;
    this.epoch = Math.min(this.epoch, last);
    this.pos = this.epoch;
    this.look = new Look(meta.style, this.root);
    paintCssVariables(this.root, meta.style.css);
    this.root.classList.toggle("lv-presenter", !!meta.style.presenter);
    this.numbers.update(this.run);
    for (const part of this.parts) part.update(this.run, this.look);
    this.editor.update(this.run, done);
    this.grip.update(this.run);
    this.handPanel.update(this.run);
    this.carryHand(before, trained);
    // (a point placed since, whose run is still to come, stays drawn and counted)
    this.root.setAttribute("data-points", String(this.map.shownCount()));
    this.bar.setLast(last);
    this.speeds = new Map(meta.speeds.map((sp) => [sp.id, sp]));
    if (!this.speeds.has(this.speedChoice)) this.speedChoice = null;
    this.speed = this.speedChoice ?? (last > meta.long_run ? meta.long_run_speed : meta.speed);
    this.bar.setSpeeds(meta.speeds, this.speed);
    this.lingerTimes = null; // teacher's pace: measured on this run when first played
    this.root.setAttribute("data-epochs", String(last));
    this.root.setAttribute("data-run", meta.run);
    this.root.setAttribute("data-pending", "true"); // until this run's first frame is painted
    if (this.root.isConnected) this.fitHeight();
    this.schedule(true);
    if (trained) {
      // "Train from here" came back as this run: it starts at the learner's neuron; play it.
      this.seek(0, false);
      if (!this.still?.matches) this.toggle();
    }
    if (stopped) this.report(); // where it stopped: the page's equations follow
    else this.describe();
    if (changed.length) {
      clearTimeout(this.settling); // the new run is news; where an old seek rested is not
      this.narrator.sayRun(this.run, changed);
    }
  }

  // The same run again: an edit Python took and refused (a stale click) is drawn no longer.
  unchanged(done) {
    const p = this.map.pending;
    const had = p.added.length || p.hidden.size;
    this.editor.confirm(done);
    if (!had) return;
    this.root.setAttribute("data-points", String(this.map.shownCount()));
    this.schedule(true);
  }

  // --- the clock -------------------------------------------------------------------------

  schedule(relayout = false) {
    if (relayout) this.dirty = true;
    if (!this.raf) this.raf = requestAnimationFrame((t) => this.frame(t));
  }

  frame(t) {
    this.raf = 0;
    if (!this.run) return;
    // The first frame of a play shows where it starts (epoch 0 after the end); then it moves.
    if (this.playing && this.lastT !== undefined) {
      const last = this.run.last;
      const dt = Math.min(t - this.lastT, 100);
      const speed = this.speeds.get(this.speed);
      this.pos = advance(speed, this.pos, dt, last, speed.kind === "linger" ? this.lingerSchedule(speed) : null);
      this.epoch = Math.floor(this.pos + 1e-9);
      if (this.epoch >= last) {
        this.playing = false;
        this.report("ended");
      }
    }
    this.lastT = this.playing ? t : undefined;
    this.paint();
    // While playing, the scrubber's value text keeps up once a second (not every frame);
    // the summary and the pictures' labels wait until the epoch settles.
    if (this.playing && !(t - this.toldAt < VALUE_TEXT_MS)) {
      this.toldAt = t;
      this.bar.scrub.setAttribute("aria-valuetext", this.narrator.valueText(this.run, this.epoch));
    }
    if (this.playing) this.schedule();
  }

  // Teacher's pace: when each epoch is reached, from how much ŷ moves on (at most 200 of)
  // the training points, measured once per run.
  lingerSchedule(speed) {
    if (!this.lingerTimes) {
      const run = this.run;
      const train = [];
      for (let i = 0; i < run.m; i++) if (!(run.test[i] > 0)) train.push(i);
      const stride = Math.max(1, Math.ceil(train.length / 200));
      const picked = train.filter((_, j) => j % stride === 0);
      const F = new Float64Array(picked.length * run.n);
      picked.forEach((i, j) => {
        run.inputs(run.points[2 * i], run.points[2 * i + 1], F, j * run.n);
      });
      this.lingerTimes = lingerTimes(movement(F, run.n, run.w, run.b, run.last), speed.amount);
    }
    return this.lingerTimes;
  }

  // Keys while the view has focus (W3C's media seek slider, and Space for Play). The
  // lesson's own controls (α's slider, the menus) keep their keys; a button keeps Space
  // and Enter.
  key(e) {
    if (!this.run || e.altKey || e.ctrlKey || e.metaKey || this.help.open) return;
    const t = e.target;
    const own = t === this.root || t === this.bar.scrub || t.tagName === "BUTTON";
    if (!own || (t.tagName === "BUTTON" && (e.key === " " || e.key === "Enter"))) return;
    const last = this.run.last;
    const to = {
      ArrowLeft: this.epoch - 1,
      ArrowDown: this.epoch - 1,
      ArrowRight: this.epoch + 1,
      ArrowUp: this.epoch + 1,
      PageDown: this.epoch - jump(last),
      PageUp: this.epoch + jump(last),
      Home: 0,
      End: last,
    }[e.key];
    if (e.key === "Escape" && this.hand) this.leaveHand(true);
    else if (e.key === " ") this.toggle();
    else if (to !== undefined) this.seek(to, true);
    else return;
    e.preventDefault();
  }

  toggle() {
    if (this.hand) this.leaveHand(false);
    if (this.playing) return this.pause(true);
    if (this.epoch >= this.run.last) this.seek(0, false);
    this.playing = true;
    this.lastT = undefined;
    this.schedule();
    this.showPlaying();
  }

  pause(report) {
    if (!this.playing) return;
    this.playing = false;
    this.showPlaying();
    if (report) this.report("paused");
  }

  seek(epoch, report) {
    if (this.hand) this.leaveHand(false);
    this.epoch = Math.max(0, Math.min(Math.round(epoch), this.run.last));
    this.pos = this.epoch;
    if (report) {
      this.pause(false);
      this.report("settled");
    }
    this.schedule();
  }

  // Tell the page which epoch is shown (it redraws its equations there), and a screen
  // reader what it shows: `say` is "paused", "ended" or "settled" (a seek; said once the
  // keys or the buttons rest).
  report(say) {
    this.showPlaying();
    if (this.setStateValue) this.setStateValue("epoch", this.epoch);
    this.describe();
    clearTimeout(this.settling);
    if (say === "settled") this.settling = setTimeout(() => this.settled(), SETTLE_MS);
    else if (say) this.narrator.sayEpoch(say, this.run, this.epoch);
  }

  // A seek has rested: say where it is, unless the scrubber has focus (its value text,
  // just updated, is what the screen reader says then) or Play has started again.
  settled() {
    if (!this.run || this.playing || this.root.getRootNode().activeElement === this.bar.scrub) return;
    this.narrator.sayEpoch("settled", this.run, this.epoch);
  }

  // The epoch shown, in words: the scrubber's value text, the canvases' labels, the summary.
  // Not every frame while playing (a screen reader would chatter): when the epoch settles.
  describe() {
    this.narrator.describe(this.run, this.epoch);
    this.bar.scrub.setAttribute("aria-valuetext", this.narrator.valueText(this.run, this.epoch));
  }

  showPlaying() {
    this.bar.setPlaying(this.playing);
    this.root.setAttribute("data-playing", String(this.playing));
  }

  // --- painting ---------------------------------------------------------------------------

  paint() {
    const k = this.epoch;
    const resized = this.parts.map((part) => part.surface.fit()).some(Boolean);
    if (resized || this.dirty) {
      for (const part of this.parts) part.layout();
    }
    this.dirty = false;
    const hand = this.hand;
    for (const part of this.parts) part.paint(k, hand);
    this.grip.paint(this.look);
    this.bar.show(k);
    this.numbers.paint(k, hand);
    if (hand) this.handPanel.paint(hand.w, hand.b);
    this.showNeuron();
    this.frames += 1;
    this.root.setAttribute("data-epoch", String(k));
    this.root.setAttribute("data-frames", String(this.frames));
    this.root.removeAttribute("data-pending");
    this.showPlaying();
  }

  // --- a neuron set by hand -----------------------------------------------------------------

  // The neuron shown: the hand-set one, or epoch k's.
  neuron() {
    return this.hand ?? this.run.neuronAt(this.epoch);
  }

  // Set the neuron by hand (entering hand mode pauses Play): J and the accuracy on the
  // training (and test) rows as neuron_core computes them; the next frame paints it.
  setHand(w, b) {
    const entering = !this.hand;
    if (entering) this.pause(false);
    this.rows ??= rows(this.run);
    const { l2 } = this.run.meta;
    const { train, test } = this.rows;
    this.hand = { w: Float64Array.from(w), b, train: score(w, b, train, l2), test: test.y.length ? score(w, b, test, l2) : null };
    if (entering) this.showHand();
    this.schedule();
  }

  // "Set the neuron by hand": from the neuron shown, or, when its boundary misses the map
  // (w = 0 at epoch 0), from a line down the map's middle.
  enterHand() {
    const start = this.grip.fallback() ?? this.neuron();
    this.setHand(Array.from(start.w), start.b);
    this.handSettled();
    this.handPanel.inputs[0]?.input.focus(); // the button pressed is gone: focus moves on
  }

  leaveHand(focus) {
    this.hand = null;
    this.showHand();
    this.schedule();
    if (focus) this.handPanel.enter.focus();
  }

  showHand() {
    const on = !!this.hand;
    this.handPanel.show(on);
    this.root.setAttribute("data-hand", String(on));
    this.root.classList.toggle("lv-hand-mode", on);
  }

  // A drag ended or a weight was typed: a screen reader hears where the neuron stands.
  handSettled() {
    if (!this.hand) return;
    const { number, percent } = this.run.format;
    const { cost, acc } = this.hand.train;
    this.narrator.say(`Your neuron: cost J ${number(cost)}, accuracy ${percent(acc)} on the training points.`);
  }

  // Python trains from the hand-set neuron (w in the order of meta.features, in the
  // neuron's own inputs, full precision); the run that comes back plays from epoch 0.
  trainFromHere() {
    const { w, b } = this.hand;
    this.trained = this.control("start", { w: Array.from(w), b, features: this.run.meta.features });
  }

  // A new run while a neuron is set by hand (a point placed, α changed): the same line on
  // the map, in the new run's inputs (its standardisation moved), scored on its rows. Other
  // inputs, or the run trained from it (`trained`): back to the run.
  carryHand(before, trained) {
    const hand = this.hand;
    if (!hand) return;
    const run = this.run;
    if (!before || before.meta.features.join(" ") !== run.meta.features.join(" ") || trained) {
      this.hand = null;
      this.showHand();
      return;
    }
    const raw = unscale(hand.w, hand.b, before);
    const { w, b } = rescale(raw.w, raw.b, run);
    this.hand = null;
    this.setHand(w, b);
  }

  // data-w, data-b: the neuron shown, as the numbers write it.
  showNeuron() {
    const { w, b } = this.neuron();
    const { number } = this.run.format;
    const ws = weights(w, number), bs = number(b, 3);
    if (this.root.getAttribute("data-w") !== ws) this.root.setAttribute("data-w", ws);
    if (this.root.getAttribute("data-b") !== bs) this.root.setAttribute("data-b", bs);
  }

  // Everything the view sends Python: { key, value } as a numbered message on the "control"
  // trigger, with those Python has not confirmed (outbox.mjs); a new value of a control
  // replaces its unconfirmed one, edits add up (`adds`). Returns its number; the last is
  // kept for the test hooks.
  control(key, value, adds = false) {
    this.lastControl = { key, value };
    const send = this.outbox.add({ key, value }, this.run?.meta.outbox?.batch ?? 1, !adds);
    this.setTriggerValue?.("control", send);
    return this.outbox.next - 1;
  }

  // The views' height: what is left of the window below the view's top, so the controls,
  // the numbers and all three views fit on one screen (the CSS height is the fallback).
  fitHeight() {
    const frame = this.map.surface.top.parentElement;
    const columns = getComputedStyle(this.views).gridTemplateColumns.split(" ").length;
    // (three columns side by side, or the map beside the sheet over the cost; one column,
    // a phone's: the CSS sizes the views by width)
    if (columns < 2) {
      this.root.style.removeProperty("--lv-h");
      return;
    }
    const top = this.root.getBoundingClientRect().top + window.scrollY;
    const fixed = this.root.offsetHeight - frame.offsetHeight;
    const most = this.run.meta.style.presenter ? 620 : 480;
    // No taller than 1.2 × wide: a tall thin map distorts the picture more than it helps.
    const tall = frame.getBoundingClientRect().width * 1.2;
    const h = Math.round(Math.min(most, tall, Math.max(220, window.innerHeight - top - fixed - 12)));
    if (this.root.style.getPropertyValue("--lv-h") !== `${h}px`) this.root.style.setProperty("--lv-h", `${h}px`);
  }

  // What a remount restores (see `memory` below).
  state() {
    return { epoch: this.epoch, speedChoice: this.speedChoice, camera: { ...this.sheet.camera }, logChoice: this.cost.logChoice, outbox: this.outbox };
  }

  // (the outbox too: messages sent just before the view was made again stay numbered as sent)
  restore({ epoch, speedChoice, camera, logChoice, outbox }) {
    Object.assign(this, { restored: epoch, speedChoice, outbox });
    this.sheet.camera = camera;
    this.cost.logChoice = logChoice;
  }

  destroy() {
    cancelAnimationFrame(this.raf);
    clearTimeout(this.settling);
    this.raf = 0;
    this.playing = false;
    this.resize.disconnect();
    window.removeEventListener("resize", this.onWindow);
    this.root.remove();
    this.style.remove();
  }
}

// What a view was showing, by component key: navigating away and back re-creates the
// element, and the learner finds the epoch, speed, camera and log axis they left.
const memory = new Map();
// The view on each root element, for the test hooks.
const views = new WeakMap();

export default function mountLiveView(component) {
  const { data, key, parentElement, setStateValue } = component;
  if (!data?.meta) return undefined; // the code's own element (see the end) draws nothing
  let view = parentElement.__liveView;
  const fresh = !view;
  if (fresh) {
    view = new LiveView(parentElement);
    parentElement.__liveView = view;
    views.set(view.root, view);
    const kept = memory.get(key);
    if (kept) view.restore(kept);
  }
  view.setStateValue = setStateValue;
  view.setTriggerValue = component.setTriggerValue;
  view.update(data);
  // A new view tells the page which epoch it shows (a rerun only if the page thought
  // otherwise), so the equations below always match the picture.
  if (fresh) view.report();
  return () => {
    memory.set(key, view.state());
    view.destroy();
    if (parentElement.__liveView === view) delete parentElement.__liveView;
  };
}

// In the app this code is its own element, mounted once and then resent by reference (the
// same bytes every rerun), while each run's data goes to a small element whose stub hands
// it over through this hub: an α change sends the run, not the code again. The browser
// tests and bench/ reach the view through hub.test (testing.mjs).
globalThis.__neuronLiveView ??= { queue: [] };
const hub = globalThis.__neuronLiveView;
hub.mount = mountLiveView;
hub.test = testHooks((root) => views.get(root));
for (const waiting of hub.queue.splice(0)) mountLiveView(waiting);
