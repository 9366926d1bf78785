// How fast Play moves through the epochs: the speeds Python offers (meta.speeds, from SPEEDS
// in live_view.py) as a clock, and "teacher's pace", which lingers where ŷ moves most.
// Nothing here touches the page.

import { sigmoid } from "./sigmoid.mjs";

// How much ŷ moves at each epoch: movement[k] (k ≥ 1) is the mean |ŷ_k − ŷ_{k−1}| over the
// points whose standardised features F holds (m rows of n), for weights w ((last+1) × n)
// and biases b (last+1). movement[0] is 0.
export function movement(F, n, w, b, last) {
  const m = n ? F.length / n : 0;
  const out = new Float64Array(last + 1);
  let before = new Float64Array(m);
  let now = new Float64Array(m);
  for (let k = 0; k <= last; k++) {
    let moved = 0;
    for (let i = 0; i < m; i++) {
      let z = b[k];
      for (let j = 0; j < n; j++) z += w[k * n + j] * F[i * n + j];
      now[i] = sigmoid(z);
      if (k > 0) moved += Math.abs(now[i] - before[i]);
    }
    if (k > 0) out[k] = m ? moved / m : 0;
    [before, now] = [now, before];
  }
  return out;
}

// When each epoch is reached at teacher's pace: times[k] in ms (times[0] = 0), the whole run
// in `seconds`. A quarter of the time is spread evenly (so a quiet stretch still moves); the
// rest goes to the epochs in proportion to how much ŷ moved reaching them.
export function lingerTimes(moved, seconds) {
  const last = moved.length - 1;
  const times = new Float64Array(last + 1);
  if (last < 1) return times;
  const total = seconds * 1000;
  let sum = 0;
  for (let k = 1; k <= last; k++) sum += Number.isFinite(moved[k]) ? moved[k] : 0;
  const even = sum > 0 ? total / 4 / last : total / last;
  const share = sum > 0 ? (total * 3) / 4 / sum : 0;
  for (let k = 1; k <= last; k++) {
    const d = Number.isFinite(moved[k]) ? moved[k] : 0;
    times[k] = times[k - 1] + even + share * d;
  }
  return times;
}

// The fractional epoch reached `t` ms into a schedule (times as lingerTimes gives them).
export function epochAtTime(times, t) {
  const last = times.length - 1;
  if (t <= 0) return 0;
  if (t >= times[last]) return last;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) lo = mid;
    else hi = mid;
  }
  return lo + (t - times[lo]) / (times[hi] - times[lo]);
}

// The time a fractional epoch `pos` is reached in a schedule (the inverse of epochAtTime).
export function timeAtEpoch(times, pos) {
  const last = times.length - 1;
  if (pos <= 0) return 0;
  if (pos >= last) return times[last];
  const k = Math.floor(pos);
  return times[k] + (pos - k) * (times[k + 1] - times[k]);
}

// Where Play stands after a frame `dt` ms long at `speed` ({ kind, amount }), from `pos`
// (a fractional epoch) in a run of `last` epochs; `times` is the linger schedule.
export function advance(speed, pos, dt, last, times) {
  switch (speed.kind) {
    case "per_frame":
      return Math.min(pos + speed.amount, last);
    case "per_second":
      return Math.min(pos + (speed.amount * dt) / 1000, last);
    case "seconds":
      return Math.min(pos + (dt * last) / (speed.amount * 1000), last);
    case "linger":
      return Math.min(epochAtTime(times, timeAtEpoch(times, pos) + dt), last);
    default:
      throw new Error(`unknown speed kind ${speed.kind}`);
  }
}
