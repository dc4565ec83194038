"""nnstep against a straightforward numpy training loop, side by side.

For each of the deck's networks (1-3-1 on the complex curve, 2-2-1 on the
double arcs, 2-3-3 on the bank coin) this times, interleaved round by round:

* `nnstep train` end to end on a spec with a fixed epoch count and no eps
  (so no early stop), once with E epochs and once with 1 epoch; the
  difference divided by E − 1 is the time per epoch with the process start,
  data loading and output subtracted;
* a numpy loop doing the same work per epoch as the course book writes it:
  shuffle, mini-batches (forward, backward, update), then the loss and the
  metric on the training and validation sets.

It prints the median time per epoch of each and the ratio numpy / nnstep.

Run: python3 benches/numpy_baseline.py [--rounds N] [--nnstep PATH]
(needs numpy: pip install numpy; builds nothing: run `cargo build --release`
first). OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, if set for other tools, are
better unset for this command: `env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE
python3 benches/numpy_baseline.py`.
"""
import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# name, data, hidden, output, loss, eta, batch, nnstep epochs, numpy epochs
NETWORKS = [
    ("1-3-1 complex", "complex", 3, "identity", "mse", 0.5, 10, 4000, 60),
    ("2-2-1 arc", "arc", 2, "sigmoid", "binary_cross_entropy", 0.1, 5, 6000, 80),
    ("2-3-3 bank", "bank", 3, "softmax", "softmax_cross_entropy", 0.1, 10, 3000, 40),
]


def spec_yaml(data, hidden, output, loss, eta, batch, epochs):
    classes = 3 if output == "softmax" else 1
    return f"""data: {{builtin: {data}}}
normalize: min_max
normalize_stats: train_and_test
layers: [{{units: {hidden}, activation: sigmoid}}, {{units: {classes}, activation: {output}}}]
loss: {loss}
init: xavier
learning_rate: {eta}
batch_size: {batch}
epochs: {epochs}
validation: 0.1
seed: 9
"""


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def time_nnstep(binary, spec_path, epochs):
    """Wall and CPU time of one `nnstep train` run of `epochs` epochs, in s."""
    cmd = [binary, "train", spec_path, "--format", "json",
           "--epochs", str(epochs), "--every", str(epochs)]
    t, c = time.perf_counter(), child_cpu()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t, child_cpu() - c


def load(data):
    """The training CSV as (x, y), x min-max normalised, y one-hot for bank."""
    raw = np.loadtxt(os.path.join(ROOT, "data", f"{data}.train.csv"),
                     delimiter=",", skiprows=1, ndmin=2)
    x, y = raw[:, :-1], raw[:, -1:]
    x = (x - x.min(axis=0)) / (x.max(axis=0) - x.min(axis=0))
    if data == "bank":
        labels = y[:, 0].astype(int)
        y = np.eye(labels.max())[labels - 1]
    return x, y


class NumpyNet:
    """The book's two-layer network: sigmoid hidden layer, then the output."""

    def __init__(self, data, hidden, output, eta, batch, rng):
        x, y = load(data)
        perm = rng.permutation(len(x))
        n_val = len(x) // 10
        self.xv, self.yv = x[perm[:n_val]], y[perm[:n_val]]
        self.x, self.y = x[perm[n_val:]], y[perm[n_val:]]
        n, k = self.x.shape[1], self.y.shape[1]
        l1, l2 = np.sqrt(6 / (n + hidden)), np.sqrt(6 / (hidden + k))
        self.W1 = rng.uniform(-l1, l1, (n, hidden))
        self.B1 = np.zeros((1, hidden))
        self.W2 = rng.uniform(-l2, l2, (hidden, k))
        self.B2 = np.zeros((1, k))
        self.output, self.eta, self.batch, self.rng = output, eta, batch, rng

    def forward(self, x):
        z1 = x @ self.W1 + self.B1
        a1 = 1.0 / (1.0 + np.exp(-z1))
        z2 = a1 @ self.W2 + self.B2
        if self.output == "identity":
            a2 = z2
        elif self.output == "sigmoid":
            a2 = 1.0 / (1.0 + np.exp(-z2))
        else:
            e = np.exp(z2 - z2.max(axis=1, keepdims=True))
            a2 = e / e.sum(axis=1, keepdims=True)
        return a1, a2

    def step(self, x, y):
        a1, a2 = self.forward(x)
        m = x.shape[0]
        dz2 = a2 - y
        dw2 = a1.T @ dz2 / m
        db2 = dz2.sum(axis=0, keepdims=True) / m
        dz1 = dz2 @ self.W2.T * a1 * (1 - a1)
        dw1 = x.T @ dz1 / m
        db1 = dz1.sum(axis=0, keepdims=True) / m
        self.W1 -= self.eta * dw1
        self.B1 -= self.eta * db1
        self.W2 -= self.eta * dw2
        self.B2 -= self.eta * db2

    def evaluate(self, x, y):
        _, a = self.forward(x)
        if self.output == "identity":
            loss = 0.5 * np.mean((a - y) ** 2)
            metric = 1 - np.mean((a - y) ** 2) / np.var(y)
        elif self.output == "sigmoid":
            p = np.clip(a, 1e-15, 1 - 1e-15)
            loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
            metric = np.mean((a >= 0.5) == (y >= 0.5))
        else:
            loss = -np.mean(np.sum(y * np.log(np.clip(a, 1e-15, 1)), axis=1))
            metric = np.mean(a.argmax(axis=1) == y.argmax(axis=1))
        return loss, metric

    def epoch(self):
        perm = self.rng.permutation(len(self.x))
        xs, ys = self.x[perm], self.y[perm]
        for i in range(0, len(xs), self.batch):
            self.step(xs[i:i + self.batch], ys[i:i + self.batch])
        self.evaluate(self.x, self.y)
        self.evaluate(self.xv, self.yv)


def time_numpy(net, epochs):
    """Wall and CPU time of `epochs` epochs, in seconds."""
    t, c = time.perf_counter(), time.process_time()
    for _ in range(epochs):
        net.epoch()
    return time.perf_counter() - t, time.process_time() - c


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--nnstep", default=os.path.join(ROOT, "target", "release", "nnstep"))
    args = parser.parse_args()
    if not os.path.exists(args.nnstep):
        raise SystemExit(f"{args.nnstep} not found: run `cargo build --release` first")

    tmp = tempfile.mkdtemp(prefix="nnstep-bench-")
    runs = []
    for name, data, hidden, output, loss, eta, batch, e_nn, e_np in NETWORKS:
        path = os.path.join(tmp, f"{data}.yaml")
        with open(path, "w") as f:
            f.write(spec_yaml(data, hidden, output, loss, eta, batch, e_nn))
        net = NumpyNet(data, hidden, output, eta, batch, np.random.default_rng(9))
        time_numpy(net, 3)  # warm up
        time_nnstep(args.nnstep, path, 1)
        runs.append({"name": name, "spec": path, "e_nn": e_nn, "e_np": e_np,
                     "net": net, "nn": [], "np": [], "start": [], "nn_cpu": [], "np_cpu": []})

    print(f"numpy {np.__version__}; {args.rounds} interleaved rounds; times per epoch "
          "(all batches + loss and metric on training and validation sets)")
    for _ in range(args.rounds):
        for r in runs:
            long = time_nnstep(args.nnstep, r["spec"], r["e_nn"])
            short = time_nnstep(args.nnstep, r["spec"], 1)
            r["nn"].append((long[0] - short[0]) / (r["e_nn"] - 1))
            r["nn_cpu"].append((long[1] - short[1]) / (r["e_nn"] - 1))
            r["start"].append(short[0])
            numpy = time_numpy(r["net"], r["e_np"])
            r["np"].append(numpy[0] / r["e_np"])
            r["np_cpu"].append(numpy[1] / r["e_np"])

    print("(wall: elapsed time; cpu: time on a processor, which a busy shared machine "
          "disturbs less)")
    print(f"{'network':<15}{'nnstep µs/epoch':>17}{'numpy µs/epoch':>16}{'ratio':>8}"
          f"{'nnstep cpu':>12}{'numpy cpu':>11}{'ratio':>8}{'1-epoch run ms':>16}")
    for r in runs:
        med = {key: statistics.median(r[key]) * 1e6 for key in ("nn", "np", "nn_cpu", "np_cpu")}
        print(f"{r['name']:<15}{med['nn']:>17.1f}{med['np']:>16.1f}"
              f"{med['np'] / med['nn']:>7.1f}×{med['nn_cpu']:>12.1f}{med['np_cpu']:>11.1f}"
              f"{med['np_cpu'] / med['nn_cpu']:>7.1f}×{statistics.median(r['start']) * 1e3:>16.2f}")


if __name__ == "__main__":
    main()
