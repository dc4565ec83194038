"""A straightforward numpy implementation of the complex-curve training loop
(1 input, 3 sigmoid hidden units, 1 linear output, batch 10, 1,000 samples),
as the course book writes it, to compare with `cargo bench --bench engine`.

Run: python3 benches/numpy_baseline.py   (needs numpy: pip install numpy)
"""
import time
import numpy as np

rng = np.random.default_rng(9)
m = 1000
x = rng.random((m, 1))
y = 0.4 * x**2 + 0.3 * x * np.sin(15 * x) + 0.01 * np.cos(50 * x) - 0.3
x = (x - x.min()) / (x.max() - x.min())
lim1, lim2 = np.sqrt(6 / 4), np.sqrt(6 / 4)
W1 = rng.uniform(-lim1, lim1, (1, 3)); B1 = np.zeros((1, 3))
W2 = rng.uniform(-lim2, lim2, (3, 1)); B2 = np.zeros((1, 1))
eta, bs = 0.5, 10


def iteration(xb, yb):
    global W1, B1, W2, B2
    Z1 = xb @ W1 + B1
    A1 = 1.0 / (1.0 + np.exp(-Z1))
    Z2 = A1 @ W2 + B2
    dZ2 = Z2 - yb
    n = xb.shape[0]
    dW2 = A1.T @ dZ2 / n
    dB2 = dZ2.sum(axis=0, keepdims=True) / n
    dA1 = dZ2 @ W2.T
    dZ1 = dA1 * A1 * (1 - A1)
    dW1 = xb.T @ dZ1 / n
    dB1 = dZ1.sum(axis=0, keepdims=True) / n
    W1 -= eta * dW1; B1 -= eta * dB1; W2 -= eta * dW2; B2 -= eta * dB2


def epoch():
    perm = rng.permutation(m)
    xs, ys = x[perm], y[perm]
    for i in range(0, m, bs):
        iteration(xs[i:i + bs], ys[i:i + bs])


# One iteration including its batch slicing, as in an epoch loop.
for _ in range(20):
    epoch()
reps = 200
t = time.perf_counter()
for _ in range(reps):
    epoch()
per_iter = (time.perf_counter() - t) / (reps * m / bs)
print(f"numpy {np.__version__}: {per_iter * 1e6:.2f} µs per iteration (batch {bs}, incl. shuffle per epoch)")
print(f"numpy: 4200 epochs would take {per_iter * 4200 * m / bs:.2f} s")
