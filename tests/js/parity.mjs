// The view's formatter, features and σ on the inputs of a fixture Python wrote; prints
// their outputs as JSON for tests/js/test_js.py to compare with neuron_core's.
//   node tests/js/parity.mjs fixture.json
import { readFileSync } from "node:fs";

import { compileFeature } from "../../neuron_core/figures/live_view_js/features.mjs";
import { numberFormat } from "../../neuron_core/figures/live_view_js/format.mjs";
import { sigmoid } from "../../neuron_core/figures/live_view_js/sigmoid.mjs";

const fixture = JSON.parse(readFileSync(process.argv[2], "utf8"));
// Numbers travel as Python's repr() (exact round trip), "inf" and "nan" included.
const num = (s) => ({ inf: Infinity, "-inf": -Infinity, nan: NaN })[s] ?? Number(s);
const f = numberFormat(fixture.numbers);
const out = {
  number: fixture.number.map(([v, sig]) => f.number(num(v), sig)),
  gap: fixture.gap.map(([cost, optimum]) => f.gap(num(cost), optimum === null ? null : num(optimum))),
  percent: fixture.percent.map((v) => f.percent(num(v))),
  features: fixture.feature_table.map(({ expr }) => {
    const g = compileFeature(expr);
    return fixture.points.map(([a, b]) => String(g(num(a), num(b))));
  }),
  sigmoid: fixture.z.map((z) => String(sigmoid(num(z)))),
};
process.stdout.write(JSON.stringify(out));
