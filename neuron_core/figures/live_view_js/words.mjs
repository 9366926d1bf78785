// The view's sentences for a screen-reader user, filled with one run's numbers. The words
// are Python's (neuron_core/figures/narration.py, WORDS, sent once inside the script); this
// module only fills their {slots}, every number through the run's one formatter. Pure: it
// touches no page (tests/js/words.test.mjs).

// A template with its {slots} filled; a slot the facts lack stays as written.
export const fill = (template, slots) => template.replace(/\{(\w+)\}/g, (all, name) => (name in slots ? String(slots[name]) : all));

// The slots of epoch k of a run ({ meta, cost, acc, last, format }, as RunData has them).
export function facts(run, k, words) {
  const { meta, last } = run;
  const { number, percent } = run.format;
  const label = new Map(meta.feature_table.map((f) => [f.name, f.label]));
  return {
    epoch: k,
    epochs: last,
    cost: number(run.cost[k]),
    acc: percent(run.acc[k]),
    cost0: number(run.cost[0]),
    costN: number(run.cost[last]),
    accN: percent(run.acc[last]),
    trend: words.trend[run.cost[last] <= run.cost[0] ? "down" : "up"],
    diverged: meta.diverged_at ?? "",
    alpha: number(meta.alpha, 6, true),
    l2: number(meta.l2, 6, true),
    features: meta.features.map((f) => label.get(f) ?? f).join(", "),
    x1: meta.axis_names[0],
    x2: meta.axis_names[1],
    class0: meta.classes[0],
    class1: meta.classes[1],
    m: meta.m_train,
  };
}

// What tells one run's settings from another's, by the words' "changed" keys. A run that
// blew up stops early, so its epochs say nothing about the epochs asked for.
const SETTINGS = {
  alpha: (m) => m.alpha,
  l2: (m) => m.l2,
  epochs: (m) => m.epochs,
  features: (m) => m.features,
  data: (m) => [m.bounds, m.m_train, m.m_test, m.classes, m.axis_names],
};

// The settings a new run changed ([] when the data and settings are the same: a theme
// change re-sends the same run, and there is nothing to say).
export function changes(before, after) {
  const same = (f) => JSON.stringify(f(before)) === JSON.stringify(f(after));
  const blewUp = before.diverged_at != null || after.diverged_at != null;
  return Object.keys(SETTINGS).filter((key) => !(key === "epochs" && blewUp) && !same(SETTINGS[key]));
}

// The sentence a new run is announced with: what changed, then how the cost and the
// accuracy went ("α = 2: the cost falls from 0.6931 to 0.2099 in 300 epochs; …").
export function runSentence(words, slots, changed) {
  const said = (changed.length ? changed : ["run"]).map((key) => fill(words.changed[key], slots));
  const template = slots.diverged === "" ? words.run : words.diverged;
  return fill(template, { ...slots, changed: said.join(", ") });
}

// The scrubber's tooltip, from the help's rows: "Epoch. Keys: Space play or pause, …".
export const keysHelp = (words) => `Epoch. ${words.help_intro} ${words.keys.slice(0, 4).map(([k, does]) => `${k} ${does}`).join("; ")}.`;
