// The view's sentences (live_view_js/words.mjs): Python's templates filled with a run's
// numbers through the formatter, what a new run changed, and the run's sentence.
import assert from "node:assert/strict";
import test from "node:test";

import { numberFormat } from "../../neuron_core/figures/live_view_js/format.mjs";
import { changes, facts, fill, keysHelp, runSentence } from "../../neuron_core/figures/live_view_js/words.mjs";

// A few of narration.py's templates, as the view gets them.
const WORDS = {
  valuetext: "epoch {epoch} of {epochs}, cost {cost}, accuracy {acc}",
  run: "{changed}: the cost {trend} from {cost0} to {costN} in {epochs} epochs; {accN} of the training points are on the right side.",
  diverged: "{changed}: the cost {trend} from {cost0} to {costN} and blows up at epoch {diverged}; {accN} right.",
  trend: { down: "falls", up: "rises" },
  changed: { alpha: "α = {alpha}", l2: "λ = {l2}", epochs: "{epochs} epochs", features: "inputs {features}", data: "new data", run: "New run" },
  help_intro: "While the view has focus:",
  keys: [["Space", "play or pause"], ["← →", "one epoch"], ["Page Down / Page Up", "a tenth"], ["Home / End", "the ends"], ["Escape", "close"]],
};

const META = {
  alpha: 2, l2: 0, epochs: 300, diverged_at: null, features: ["x1", "x2"], bounds: [0, 1, 0, 1],
  m_train: 160, m_test: 40, classes: ["class 0", "class 1"], axis_names: ["x₁", "x₂"],
  feature_table: [{ name: "x1", label: "x₁" }, { name: "x2", label: "x₂" }, { name: "x1^2", label: "x₁²" }],
};
const FORMAT = numberFormat({ small: 1e-4, large: 1e5, at_optimum: 1e-9 });

function run(meta = META, cost = [0.693147, 0.4, 0.20994]) {
  const last = cost.length - 1;
  const acc = cost.map((_, k) => 0.5 + (0.4 * k) / last);
  return { meta: { ...meta, epochs: last }, last, cost: Float64Array.from(cost), acc: Float32Array.from(acc), format: FORMAT };
}

test("a slot is filled, an unknown one stays as written", () => {
  assert.equal(fill("{a} and {b}", { a: 1 }), "1 and {b}");
});

test("the scrubber's value text says the epoch, the cost and the accuracy through the formatter", () => {
  const r = run();
  assert.equal(fill(WORDS.valuetext, facts(r, 1, WORDS)), "epoch 1 of 2, cost 0.4000, accuracy 70.0 %");
});

test("a new α is said with how the cost went and how many points are right", () => {
  const before = run();
  const after = run({ ...META, alpha: 0.5 });
  const changed = changes(before.meta, after.meta);
  assert.deepEqual(changed, ["alpha"]);
  assert.equal(
    runSentence(WORDS, facts(after, after.last, WORDS), changed),
    "α = 0.5: the cost falls from 0.6931 to 0.2099 in 2 epochs; 90.0 % of the training points are on the right side.",
  );
});

test("inputs, data and several changes are named in order; a theme change names none", () => {
  const a = run();
  const b = run({ ...META, features: ["x1", "x1^2"], l2: 0.01, bounds: [0, 2, 0, 1] });
  const changed = changes(a.meta, b.meta);
  assert.deepEqual(changed, ["l2", "features", "data"]);
  assert.match(runSentence(WORDS, facts(b, b.last, WORDS), changed), /^λ = 0\.01, inputs x₁, x₁², new data: /);
  assert.deepEqual(changes(a.meta, { ...a.meta, style: { presenter: true } }), []);
  assert.match(runSentence(WORDS, facts(a, a.last, WORDS), []), /^New run: /);
});

test("a run that blows up says where, and its shorter history is not an epochs change", () => {
  const a = run();
  const b = run({ ...META, alpha: 40, diverged_at: 2 }, [0.693147, 9.5]);
  assert.deepEqual(changes(a.meta, b.meta), ["alpha"]);
  assert.equal(
    runSentence(WORDS, facts(b, b.last, WORDS), ["alpha"]),
    "α = 40: the cost rises from 0.6931 to 9.500 and blows up at epoch 2; 90.0 % right.",
  );
});

test("the scrubber's tooltip lists the epoch keys from the help's rows", () => {
  assert.equal(
    keysHelp(WORDS),
    "Epoch. While the view has focus: Space play or pause; ← → one epoch; Page Down / Page Up a tenth; Home / End the ends.",
  );
});
