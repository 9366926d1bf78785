// J and the accuracy of hand-set neurons as the view computes them (hand.mjs) on one real
// run (a fixture test_js.py writes: the payload with its arrays as lists, and the neurons);
// prints them for test_js.py to hold to neuron_core's cost.
import { readFileSync } from "node:fs";

import { rows, score } from "../../neuron_core/figures/live_view_js/hand.mjs";
import { RunData } from "../../neuron_core/figures/live_view_js/run.mjs";

const { data, neurons } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const run = new RunData(data);
const { train, test } = rows(run);
const l2 = run.meta.l2;
console.log(JSON.stringify(neurons.map(({ w, b }) => ({ train: score(w, b, train, l2), test: score(w, b, test, l2) }))));
