// The Playground's live view: one neuron's training run painted in the browser, every epoch.
//
// It paints three views from one clock: the probability map with the ŷ = 0.5 boundary, the
// 3-D sigmoid sheet (Canvas 2D, no GPU needed) and the cost curve, plus the numbers of the
// epoch shown. This part holds the view itself: its state, the clock and the controls that
// drive it, and the mounting; each view's drawing is a part of its own, joined before this
// one (PARTS in live_view.py), whose methods are added to the class below.
//
// Streamlit (st.components.v2) calls the default export again on the SAME element at every
// rerun, so the view lives on that element and a rerun only swaps the data: one animation
// loop per element, ever. The offline HTML export calls it once with the same data.

class LiveView {
  constructor(host) {
    this.host = host;
    this.frames = 0;
    this.epoch = 0;
    this.pos = 0;
    this.playing = false;
    this.raf = 0;
    this.az = -0.6;
    this.el = 0.5;
    this.speed = "1";
    this.speedChoice = null;
    this.logCost = null;
    this.build();
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

  // New data from Python: keep the epoch the learner looks at, and keep playing.
  update(data) {
    const meta = data.meta;
    if (this.run && this.run.meta.run === meta.run) return;
    const first = !this.run;
    const wasAtEnd = this.run && this.epoch >= this.run.last && !this.playing;
    this.run = new RunData(data);
    Object.assign(NUMBERS, meta.numbers || {});
    const last = this.run.last;
    if (first) this.epoch = this.restored ?? last;
    else if (wasAtEnd) this.epoch = last;
    this.epoch = Math.min(this.epoch, last);
    this.pos = this.epoch;
    this.mapGrid = new Grid(this.run, MAP_RES, MAP_RES);
    this.sheetGrid = new Grid(this.run, SHEET_RES, SHEET_RES);
    this.lut = colourTable(meta.style.scale);
    this.heat = new ImageData(MAP_RES, MAP_RES);
    this.sheetPoints = this.pickSheetPoints();
    this.root.classList.toggle("lv-presenter", !!meta.style.presenter);
    this.scrub.max = last;
    this.fillSpeeds();
    this.root.setAttribute("data-epochs", String(last));
    this.root.setAttribute("data-run", meta.run);
    this.root.setAttribute("data-pending", "true"); // until this run's first frame is painted
    this.writeLegends();
    if (this.root.isConnected) this.fitHeight();
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
      const step = this.speed === FIT ? (dt * last) / (this.run.meta.fit_seconds * 1000) : Number(this.speed);
      this.pos = Math.min(this.pos + step, last);
      this.epoch = Math.floor(this.pos);
      if (this.epoch >= last) {
        this.playing = false;
        this.report();
      }
    }
    this.lastT = this.playing ? t : undefined;
    this.paint();
    if (this.playing) this.schedule();
  }

  toggle() {
    if (this.playing) return this.pause(true);
    if (this.epoch >= this.run.last) this.seek(0, false);
    this.playing = true;
    this.lastT = undefined;
    this.schedule();
    this.setPlayLabel();
  }

  pause(report) {
    if (!this.playing) return;
    this.playing = false;
    this.setPlayLabel();
    if (report) this.report();
  }

  seek(epoch, report) {
    this.epoch = Math.max(0, Math.min(Math.round(epoch), this.run.last));
    this.pos = this.epoch;
    if (report) {
      this.pause(false);
      this.report();
    }
    this.schedule();
  }

  report() {
    this.setPlayLabel();
    if (this.setStateValue) this.setStateValue("epoch", this.epoch);
  }

  setPlayLabel() {
    const label = this.playing ? "Pause" : "Play";
    if (this.play.getAttribute("aria-label") !== label) {
      this.play.setAttribute("aria-label", label);
      this.play.replaceChildren(icon(this.playing ? "pause" : "play"), el("span", { text: label }));
    }
    this.root.setAttribute("data-playing", String(this.playing));
  }

  // --- painting ---------------------------------------------------------------------------

  paint() {
    const k = this.epoch;
    const resized = [this.mapView, this.sheetView, this.costView].map((v) => v.fit()).some(Boolean);
    if (resized || this.dirty) this.layout();
    this.dirty = false;
    this.paintMap(k);
    this.paintSheet(k);
    this.paintCost(k);
    this.paintNumbers(k);
    this.scrub.value = String(k);
    this.frames += 1;
    this.root.setAttribute("data-epoch", String(k));
    this.root.setAttribute("data-frames", String(this.frames));
    this.root.removeAttribute("data-pending");
    this.setPlayLabel();
  }

  font(px, weight = "") {
    // Read once: the sheet's labels are drawn every frame, and a style read each time
    // would make the browser recompute styles every frame.
    this.family ??= getComputedStyle(this.root).fontFamily || "sans-serif";
    return `${weight} ${px}px ${this.family}`.trim();
  }

  get textPx() {
    return this.run.meta.style.presenter ? 17 : 13;
  }

  layout() {
    this.dirtyKey = (this.dirtyKey || 0) + 1;
    this.layoutMap();
    this.layoutCost();
  }

  // --- test hooks -------------------------------------------------------------------------

  sigma(zs) {
    return zs.map(sigmoid);
  }

  format(values, sig) {
    return values.map((v) => fmt(v, sig));
  }

  yhat(points, epoch = this.epoch) {
    return points.map(([a, b]) => this.run.yhat(epoch, a, b));
  }

  destroy() {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.playing = false;
    this.resize.disconnect();
    window.removeEventListener("resize", this.onWindow);
  }
}

// The drawing parts' methods (live_view_panels.js, _map, _sheet, _cost). They hold no
// getters: Object.assign would copy a getter's value once, so textPx stays in the class.
Object.assign(LiveView.prototype, panelMethods, mapMethods, sheetMethods, costMethods);

// What a view was showing, by component key: navigating away and back re-creates the
// element, and the learner finds the epoch, speed and camera they left.
const memory = new Map();

export default function mountLiveView(component) {
  const { data, key, parentElement, setStateValue } = component;
  if (!data || !data.meta) return undefined; // the code's own element (see the end) draws nothing
  let view = parentElement.__liveView;
  const fresh = !view;
  if (fresh) {
    view = new LiveView(parentElement);
    parentElement.__liveView = view;
    const kept = memory.get(key);
    if (kept) Object.assign(view, { restored: kept.epoch, speedChoice: kept.speedChoice, az: kept.az, el: kept.el, logCost: kept.logCost });
  }
  view.setStateValue = setStateValue;
  view.update(data);
  // A new view tells the page which epoch it shows (a rerun only if the page thought
  // otherwise), so the equations below always match the picture.
  if (fresh) view.report();
  return () => {
    memory.set(key, { epoch: view.epoch, speedChoice: view.speedChoice, az: view.az, el: view.el, logCost: view.logCost });
    view.destroy();
    if (parentElement.__liveView === view) delete parentElement.__liveView;
    view.root.remove();
  };
}

// In the app this code (all its parts) is its own element, mounted once and then resent by
// reference (the same bytes every rerun), while each run's data goes to a small element whose
// stub hands it over through this hub: an α change sends the run, not 30 kB of code again.
const hub = (globalThis.__neuronLiveView ||= { queue: [] });
hub.mount = mountLiveView;
for (const waiting of hub.queue.splice(0)) mountLiveView(waiting);
