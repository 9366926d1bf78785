"""Time `neuron_core.train` against other ways of running the same batch gradient descent.

    python bench/bench_core.py            # m = 200, 1 000, 10 000
    python bench/bench_core.py --quick    # fewer epochs and repeats, for a smoke run

Every variant runs the same math (z = Xw + b, cross-entropy cost, dw = Xᵀ(ŷ − y)/m,
db = mean(ŷ − y), w ← w − α·dw, b ← b − α·db) on the same data, in the same process:

- train        `neuron_core.train`: records w, b, cost and accuracy every epoch
- naive        the article's equations typed into numpy as a learner would
- floor        the bare minimum of work per epoch: X@w, one exp, Xᵀ@v — nothing else
- hand-tuned   a careful numpy loop that also records w, b and cost every epoch
- torch        PyTorch (CPU, float64) with a manual update under torch.no_grad()
- torch-grad   PyTorch with autograd computing the gradient

Times are the best of several repeats (as `timeit` recommends), in µs per epoch; the
ratio column is variant time / train time (above 1: train is faster).
"""

from __future__ import annotations

import argparse
import sys
import timeit
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere
import neuron_core as nc

ALPHA = 0.5


def naive(X, y, alpha, epochs):
    """The article's equations in plain numpy, one line per formula."""
    m, n = X.shape
    w = np.zeros(n)
    b = 0.0
    costs = []
    for _ in range(epochs):
        z = X @ w + b
        a = 1 / (1 + np.exp(-z))
        cost = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
        costs.append(cost)
        dz = a - y
        dw = X.T @ dz / m
        db = np.mean(dz)
        w = w - alpha * dw
        b = b - alpha * db
    return w, b, costs


def floor(X, y, alpha, epochs):
    """The work no implementation can skip: one matvec, one exp, one transposed matvec."""
    m, n = X.shape
    w = np.zeros(n)
    z = np.empty(m)
    g = np.empty(n)
    for _ in range(epochs):
        np.dot(X, w, out=z)
        np.exp(z, out=z)
        np.dot(z, X, out=g)
    return g


def hand_tuned(X, y, alpha, epochs):
    """A careful numpy loop recording w, b and cost each epoch (stable for any z).

    Rows are pre-multiplied by s = 1 − 2y (+1 for class 0, −1 for class 1), so with
    t = s·z the loss is softplus(t) and ŷ − y = s·σ(t): y leaves the loop. One exp,
    e = exp(−|t|), serves both: softplus(t) = relu(t) + log1p(e) and
    σ(t) = max(e, [t ≥ 0]) / (1 + e). (`train` goes one step further: it replaces the m
    log1p calls by logs of chunked products of 1 + e, and it also records accuracy.)
    """
    m, n = X.shape
    s = 1.0 - 2.0 * y
    Xs = np.empty((m, n + 1))
    Xs[:, :n] = X * s[:, None]
    Xs[:, n] = s
    Xs_lr = Xs * (alpha / m)  # the step's α/m folded into the gradient matvec
    theta = np.zeros(n + 1)
    Theta = np.empty((epochs + 1, n + 1))
    C = np.empty(epochs + 1)
    buf = np.empty((3, m))  # rows: t, −|t|, log1p(e); their weighted sum is m·J
    t, neg_abs, log_term = buf
    weights = np.repeat([0.5, -0.5, 1.0], m)  # relu(t) = (t − (−|t|))/2
    flat = buf.reshape(-1)
    e, p, q = np.empty(m), np.empty(m), np.empty(m)
    pos = np.empty(m, dtype=bool)
    g = np.empty(n + 1)
    with np.errstate(all="ignore"):
        for k in range(epochs + 1):
            np.dot(Xs, theta, out=t)
            np.abs(t, out=neg_abs)
            np.negative(neg_abs, out=neg_abs)
            np.exp(neg_abs, out=e)
            np.log1p(e, out=log_term)
            Theta[k] = theta
            C[k] = np.dot(weights, flat) / m
            if k == epochs:
                break
            np.greater_equal(t, 0.0, out=pos)
            np.maximum(e, pos, out=p)
            np.add(e, 1.0, out=q)
            np.divide(p, q, out=p)  # σ(t)
            np.dot(p, Xs_lr, out=g)
            theta -= g
    return Theta[:, :n], Theta[:, n], C


def torch_variants():
    """The two PyTorch loops, or None when torch is not installed."""
    try:
        import torch
        import torch.nn.functional as F
    except ImportError:
        return None

    def manual(X, y, alpha, epochs):
        m, n = X.shape
        X, y = torch.from_numpy(X), torch.from_numpy(y)
        w = torch.zeros(n, dtype=torch.float64)
        b = torch.zeros((), dtype=torch.float64)
        W = torch.empty(epochs + 1, n, dtype=torch.float64)
        B = torch.empty(epochs + 1, dtype=torch.float64)
        C = torch.empty(epochs + 1, dtype=torch.float64)
        with torch.no_grad():
            for k in range(epochs + 1):
                z = torch.addmv(b, X, w)
                W[k], B[k] = w, b
                C[k] = F.binary_cross_entropy_with_logits(z, y)
                if k == epochs:
                    break
                dz = torch.sigmoid(z) - y
                w -= (alpha / m) * (dz @ X)
                b -= alpha * dz.mean()
        return W.numpy(), B.numpy(), C.numpy()

    def autograd(X, y, alpha, epochs):
        n = X.shape[1]
        X, y = torch.from_numpy(X), torch.from_numpy(y)
        w = torch.zeros(n, dtype=torch.float64, requires_grad=True)
        b = torch.zeros((), dtype=torch.float64, requires_grad=True)
        W = torch.empty(epochs + 1, n, dtype=torch.float64)
        B = torch.empty(epochs + 1, dtype=torch.float64)
        C = torch.empty(epochs + 1, dtype=torch.float64)
        for k in range(epochs + 1):
            J = F.binary_cross_entropy_with_logits(torch.addmv(b, X, w), y)
            with torch.no_grad():
                W[k], B[k], C[k] = w, b, J
            if k == epochs:
                break
            J.backward()
            with torch.no_grad():
                w -= alpha * w.grad
                b -= alpha * b.grad
            w.grad = b.grad = None
        return W.numpy(), B.numpy(), C.numpy()

    info = f"torch {torch.__version__}, {torch.get_num_threads()} threads"
    return info, {"torch": manual, "torch-grad": autograd}


def best_times(fns, repeat):
    """Best wall time of each call over ``repeat`` rounds, after one warm-up call each.

    The rounds interleave the variants, so a burst of load on the machine hits them all
    alike instead of whichever happened to be running.
    """
    for fn in fns.values():
        fn()
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(repeat):
        for name, fn in fns.items():
            best[name] = min(best[name], timeit.timeit(fn, number=1))
    return best


def check_same(name, result, history):
    """Every variant that records a path must land where train does."""
    W, B, C = result
    worst = max(
        np.max(np.abs(np.asarray(W) - history.w)),
        np.max(np.abs(np.asarray(B) - history.b)),
        np.max(np.abs(np.asarray(C) - history.cost)),
    )
    if worst > 1e-9:
        raise SystemExit(f"{name} disagrees with train by {worst:.3g}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer epochs and repeats")
    args = parser.parse_args()
    sizes = [(200, 2000, 7), (1_000, 2000, 5), (10_000, 1000, 5)]
    if args.quick:
        sizes = [(m, epochs // 10, 2) for m, epochs, _ in sizes]

    variants = {"naive": naive, "floor": floor, "hand-tuned": hand_tuned}
    torch_found = torch_variants()
    if torch_found is None:
        print("torch not installed — pip install torch==2.13.0 (CPU) to compare")
    else:
        info, extra = torch_found
        variants.update(extra)
        print(info)
    print(f"numpy {np.__version__}; n = 2 features, α = {ALPHA}, best of several repeats\n")

    names = ["train", *variants]
    header = f"{'m':>7} {'epochs':>6} " + " ".join(f"{nm:>16}" for nm in names)
    print("µs per epoch (ratio = time / train time)")
    print(header)
    print("-" * len(header))
    for m, epochs, repeat in sizes:
        data = nc.make_dataset("moons", m, noise=0.2, seed=0)
        X, y = data.X, data.y.astype(float)
        history = nc.train(X, y, alpha=ALPHA, epochs=epochs)
        for name, fn in variants.items():
            if name not in ("naive", "floor"):
                check_same(name, fn(X, y, ALPHA, epochs), history)
        run = {"train": lambda X, y, alpha, epochs: nc.train(X, y, alpha=alpha, epochs=epochs)}
        run.update(variants)
        calls = {
            name: lambda fn=fn, X=X, y=y, e=epochs: fn(X, y, ALPHA, e) for name, fn in run.items()
        }
        times = best_times(calls, repeat)
        cells = []
        for name in names:
            us = times[name] / epochs * 1e6
            ratio = times[name] / times["train"]
            cells.append(f"{us:8.1f} ({ratio:4.2f}×)")
        print(f"{m:>7} {epochs:>6} " + " ".join(f"{c:>16}" for c in cells))


if __name__ == "__main__":
    main()
