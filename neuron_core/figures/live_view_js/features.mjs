// The hand-made features of (x1, x2), computed from the expressions Python sends with each
// run (meta.feature_table, from neuron_core/features.py): the view has no feature list of
// its own, so a new feature is one row of that table. An expression is a small array:
// ["x", i] is input i, ["pow", i, p] input i to a whole power p (repeated products, as
// Python computes it), ["mul", i, j] input i times input j, ["sin", i] the sine of input i.

const input = (i) => {
  if (i === 0) return (a) => a;
  if (i === 1) return (_, b) => b;
  throw new Error(`feature input ${JSON.stringify(i)}: there are two inputs, 0 and 1`);
};

// A function (x1, x2) → the feature's value; throws on an expression it does not know.
export function compileFeature(expr) {
  const [op, i, arg] = expr;
  const f = input(i);
  if (op === "x" && expr.length === 2) return f;
  if (op === "sin" && expr.length === 2) return (a, b) => Math.sin(f(a, b));
  if (op === "mul" && expr.length === 3) {
    const g = input(arg);
    return (a, b) => f(a, b) * g(a, b);
  }
  if (op === "pow" && expr.length === 3 && Number.isInteger(arg) && arg >= 1) {
    return (a, b) => {
      const v = f(a, b);
      let out = v;
      for (let k = 1; k < arg; k++) out *= v;
      return out;
    };
  }
  throw new Error(`unknown feature expression ${JSON.stringify(expr)}`);
}

// The run's features, by name, compiled from the table: [f(x1, x2), …] in the run's order.
export function featureFunctions(table, names) {
  const byName = new Map(table.map((row) => [row.name, row]));
  return names.map((name) => {
    const row = byName.get(name);
    if (!row) throw new Error(`feature ${JSON.stringify(name)} is not in the feature table`);
    return compileFeature(row.expr);
  });
}
