"""What bench/bench_browser.py runs inside the page: timers for the first chart, the redraw
after an α change and Play, and a counter of the websocket bytes the server sends.

The scripts measure with ``performance.now()`` in the page, polled every animation frame, so
Playwright's own round trips never count. Each one knows both pages the benchmark opens:
the Playground's live view (inside a shadow root) and the reference's Plotly chart.
"""

from __future__ import annotations

# Runs in every document before the app's own scripts: note when the chart first has data.
FIRST_CHART_JS = """(() => {
  // Timestamp every websocket message from the server, to split waiting from drawing.
  window.__ws = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => window.__ws.push(
        [performance.now(), e.data.byteLength ?? e.data.size ?? e.data.length]));
    }
  };
  // The live view sits in a shadow root; find it there.
  window.__view = () => {
    for (const host of document.querySelectorAll("[data-testid='stBidiComponentIsolated']")) {
      const v = host.shadowRoot && host.shadowRoot.querySelector("[data-testid='live-view']");
      if (v) return v;
    }
    return null;
  };
  const look = () => {
    const v = window.__view();
    const gd = document.querySelector('.js-plotly-plot');
    if ((v && v.hasAttribute('data-frames'))
        || (gd && gd._fullData && gd._fullData.length && gd.querySelector('.gtitle'))) {
      window.__firstChart = performance.now();
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();"""

# Armed before the α key press: __t0 at the press, __t1 once a different run is painted.
ARM_REDRAW_JS = """() => {
  const v = window.__view();
  const gd = document.querySelector('.js-plotly-plot');
  window.__ref = v ? v.dataset.run : gd.data;
  window.__t0 = null;
  window.__t1 = null;
  window.addEventListener('keydown', () => { window.__t0 = performance.now(); },
                          {capture: true, once: true});
  const look = () => {
    const v = window.__view();
    const gd = document.querySelector('.js-plotly-plot');
    const changed = v ? v.dataset.run !== window.__ref && !v.hasAttribute('data-pending')
                      : gd && gd.data !== window.__ref && gd._fullData;
    if (window.__t0 !== null && changed) {
      requestAnimationFrame(() => { window.__t1 = performance.now(); });  // after the paint
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}"""

# Play for five seconds, counting frames painted (the view's data-frames, or Plotly's
# animation frames) and timing the view's own painting.
PLAY_JS = """() => new Promise(done => {
  const v = window.__view();
  const out = {};
  if (v) {
    const view = globalThis.__neuronLiveView.test.view(v), paint = view.paint.bind(view);
    const times = [];
    view.paint = () => { const t = performance.now(); paint(); times.push(performance.now() - t); };
    const f0 = +v.dataset.frames;
    v.querySelector('.lv-speed').value = '1';
    v.querySelector('.lv-speed').dispatchEvent(new Event('change'));
    view.seek(0, false);
    view.toggle();
    const t0 = performance.now();
    setTimeout(() => {
      const dt = (performance.now() - t0) / 1000;
      out.fps = (+v.dataset.frames - f0) / dt;
      out.epoch = +v.dataset.epoch;
      times.sort((a, b) => a - b);
      out.ms = times[Math.floor(times.length / 2)];
      view.pause(false);
      view.paint = paint;
      done(out);
    }, 5000);
  } else {
    const gd = document.querySelector('.js-plotly-plot');
    let n = 0;
    gd.on('plotly_animatingframe', () => { n += 1; });
    const play = [...document.querySelectorAll('.updatemenu-button')]
      .find(b => /Play/.test(b.textContent));
    play.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    const t0 = performance.now();
    // The reference's 68 frames take ~5.4 s at its nominal 80 ms; count for 5 s.
    setTimeout(() => { out.fps = n / ((performance.now() - t0) / 1000); out.epoch = n;
                       done(out); }, 5000);
  }
})"""


# When the biggest message after the key press (the new run) arrived: the server's share.
DATA_ARRIVED_JS = """() => {
  const after = window.__ws.filter(m => m[0] >= window.__t0);
  if (!after.length) return NaN;
  const big = after.reduce((a, b) => (b[1] > a[1] ? b : a));
  return (big[0] - window.__t0) / 1000;
}"""


class WsBytes:
    """Websocket payload bytes the server sent to one page, with a resettable counter."""

    def __init__(self, page):
        self.total = 0
        page.on("websocket", self._attach)

    def _attach(self, ws):
        ws.on("framereceived", self._add)

    def _add(self, payload):
        self.total += len(payload.encode() if isinstance(payload, str) else payload)

    def take(self) -> int:
        n, self.total = self.total, 0
        return n


# Armed before a click on the map: __t0 at the click, __tp once the view draws one point
# more (the point itself, before the server answers), __t1 once a different run is painted.
# Returns the page pixel of an empty spot of the map at data (x, y), or null if a point is
# there (a click would remove it).
ARM_EDIT_JS = """([x, y]) => {
  const v = window.__view();
  const view = globalThis.__neuronLiveView.test.view(v);
  const [px, py] = view.map.frame.toPixel(x, y);
  if (view.map.hit(px, py, 8) >= 0) return null;
  const box = view.map.surface.top.getBoundingClientRect();
  window.__ref = v.dataset.run;
  const points = +v.dataset.points;
  window.__t0 = null; window.__tp = null; window.__t1 = null;
  window.addEventListener('click', () => { window.__t0 = performance.now(); },
                          {capture: true, once: true});
  const look = () => {
    if (window.__t0 !== null && window.__tp === null && +v.dataset.points > points) {
      window.__tp = performance.now();
    }
    if (window.__t0 !== null && v.dataset.run !== window.__ref && !v.hasAttribute('data-pending')) {
      requestAnimationFrame(() => { window.__t1 = performance.now(); });  // after the paint
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  return [box.left + px, box.top + py];
}"""
