// Numbers as neuron_core.number_format writes them, with the limits Python sends
// (meta.numbers), so the view never restates them: `sig` significant digits in plain
// decimals between `small` and `large` (trailing zeros kept, so a number that changes every
// frame keeps its width), a × 10ⁿ outside, the real minus sign, never "NaN".
// tests/js/format.test.mjs holds it to Python's outputs.

const MINUS = "\u2212";
const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

// The formatter for one set of limits: { number, tick, gap, percent }.
export function numberFormat({ small, large, at_optimum: atOptimum }) {
  const number = (v, sig = 4, trim = false) => {
    if (v === null || v === undefined || Number.isNaN(v)) return "not a number";
    const sign = v < 0 ? MINUS : "";
    if (!Number.isFinite(v)) return `${sign}∞`;
    if (v === 0) return "0";
    let a = Math.abs(v);
    if (a >= small && a < large) {
      let text = a.toFixed(Math.max(0, sig - 1 - Math.floor(Math.log10(a))));
      if (Number(text) < large) {
        if (trim && text.includes(".")) text = text.replace(/\.?0+$/, "");
        return sign + text;
      }
      a = Number(text); // rounding carried into the next decade
    }
    const [m, e] = a.toExponential(sig - 1).split("e");
    const exp = String(Number(e)).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c]);
    return `${sign}${trim ? Number(m) : m} × 10${exp}`;
  };
  // How far a cost is above the optimum J*; within rounding (or a hair below) it is there.
  const gap = (cost, optimum) => {
    if (optimum === null) return "no J* (separable)";
    const d = cost - optimum;
    if (!Number.isFinite(d)) return number(d, 3);
    if (d <= atOptimum * Math.max(1, Math.abs(optimum))) return "0 (at the optimum)";
    return number(d, 3);
  };
  return {
    number,
    gap,
    // Tick labels: as few digits as say the value.
    tick: (v) => number(v, 3, true),
    percent: (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : "—"),
  };
}
