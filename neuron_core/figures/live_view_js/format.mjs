// Numbers as neuron_core.number_format writes them, with the limits Python sends
// (meta.numbers), so the view never restates them: `sig` significant digits in plain
// decimals between `small` and `large` (trailing zeros kept, so a number that changes every
// frame keeps its width), a × 10ⁿ outside, the real minus sign, never "NaN".
// tests/js/format.test.mjs and the parity test (tests/js/test_js.py) hold it to Python's
// outputs.

const MINUS = "\u2212";
const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

// Python rounds an exact tie (…5 exactly at the cut) to even; toFixed and toExponential
// round it away from zero (0.125 → "0.12" in Python, "0.13" in JS). Ties are rare (a
// double whose exact decimal expansion ends right there), so the JS result stands unless
// the exact digits say tie and the kept digit is even; then the truncated digits are
// Python's. Doubles below 2⁻⁴⁷ have expansions too long to end in a tie at 17 digits.
const TIE_FLOOR = 2 ** -47;

// The exact decimal expansion of a finite a > 0: toFixed(100) is exact for every double
// in [2⁻⁴⁷, 2⁵³) (at most 99 binary places); doubles from 2⁵³ up are integers.
const exact = (a) => (a >= 2 ** 53 ? BigInt(a).toString() : a.toFixed(100));
const isTie = (tail) => /^50*$/.test(tail);
const even = (digit) => Number(digit) % 2 === 0;

// a ≥ 0 with d decimals, rounded as Python's f"{a:.{d}f}".
function fixed(a, d) {
  const text = a.toFixed(d);
  if (a < TIE_FLOOR || a >= 2 ** 53) return text;
  const digits = exact(a);
  const cut = digits.indexOf(".") + 1 + d;
  const kept = digits.slice(0, d ? cut : cut - 1);
  return isTie(digits.slice(cut)) && even(kept[kept.length - 1]) ? kept : text;
}

// a > 0 as [mantissa with sig digits, exponent], rounded as Python's f"{a:.{sig - 1}e}".
function exponential(a, sig) {
  const [m, e] = a.toExponential(sig - 1).split("e");
  if (a < TIE_FLOOR) return [m, Number(e)];
  const digits = exact(a);
  const point = digits.includes(".") ? digits.indexOf(".") : digits.length;
  const plain = digits.replace(".", "");
  const first = plain.search(/[1-9]/);
  const kept = plain.slice(first, first + sig);
  if (!isTie(plain.slice(first + sig)) || !even(kept[kept.length - 1])) return [m, Number(e)];
  return [kept.length > 1 ? `${kept[0]}.${kept.slice(1)}` : kept, point - 1 - first];
}

// The formatter for one set of limits: { number, tick, gap, percent }.
export function numberFormat({ small, large, at_optimum: atOptimum }) {
  const number = (v, sig = 4, trim = false) => {
    if (v === null || v === undefined || Number.isNaN(v)) return "not a number";
    const sign = v < 0 ? MINUS : "";
    if (!Number.isFinite(v)) return `${sign}∞`;
    if (v === 0) return "0";
    let a = Math.abs(v);
    if (a >= small && a < large) {
      let text = fixed(a, Math.max(0, sig - 1 - Math.floor(Math.log10(a))));
      if (Number(text) < large) {
        if (trim && text.includes(".")) text = text.replace(/\.?0+$/, "");
        return sign + text;
      }
      a = Number(text); // rounding carried into the next decade
    }
    const [m, e] = exponential(a, sig);
    const exp = String(e).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c]);
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
    percent: (v) => {
      if (!Number.isFinite(v)) return "—";
      const p = 100 * v;
      return `${p < 0 ? "-" : ""}${fixed(Math.abs(p), 1)} %`;
    },
  };
}
