// Fills the view's sentences for one real run (a fixture test_js.py writes: the payload with
// its arrays as lists, and narration.py's WORDS) and prints what the view would say.
import { readFileSync } from "node:fs";

import { RunData } from "../../neuron_core/figures/live_view_js/run.mjs";
import { facts, fill, runSentence } from "../../neuron_core/figures/live_view_js/words.mjs";

const { data, words } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const run = new RunData(data);
const slots = facts(run, run.last, words);
console.log(JSON.stringify({
  slots: Object.keys(slots),
  valuetext: fill(words.valuetext, facts(run, 1, words)),
  run: runSentence(words, slots, ["alpha", "features"]),
}));
