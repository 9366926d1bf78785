// σ(z) without overflow for any finite z (the sign-split form neuron_core uses).
export function sigmoid(z) {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
