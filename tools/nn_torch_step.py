"""Peer for descent's NnStepBenchmark: one training step of the 784-256-128-10 ReLU MLP at
batch 128 in torch (Debian's python3-torch 1.13, CPU, float32), on synthetic data.

Usage: /usr/bin/python3 tools/nn_torch_step.py [--threads 1] [--blas-threads 1] [--reps 7]
Measures, like the JMH benchmark:
  forward_backward   F.cross_entropy(model(x), y); zero_grad(set_to_none); backward()
  sgd_momentum_step  the same plus torch.optim.SGD(lr=0.01, momentum=0.9).step()
Each rep times enough steps to take >= --min-time seconds; prints one JSON line with the
median and range in ms per step.
"""
import argparse
import os

ap = argparse.ArgumentParser()
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--blas-threads", type=int, default=None)
ap.add_argument("--batch", type=int, default=128)
ap.add_argument("--reps", type=int, default=7)
ap.add_argument("--min-time", type=float, default=1.0)
args = ap.parse_args()
blas = args.blas_threads or args.threads
os.environ["OMP_NUM_THREADS"] = str(args.threads)
os.environ["OPENBLAS_NUM_THREADS"] = str(blas)

import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(args.threads)
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(),
                            torch.nn.Linear(256, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
x = torch.rand(args.batch, 784)
y = torch.randint(0, 10, (args.batch,))


def fb():
    loss = F.cross_entropy(model(x), y)
    opt.zero_grad(set_to_none=True)
    loss.backward()
    return loss


def step():
    fb()
    opt.step()


def measure(fn):
    for _ in range(20):
        fn()
    k = 10
    while True:
        t0 = time.perf_counter()
        for _ in range(k):
            fn()
        dt = time.perf_counter() - t0
        if dt >= args.min_time:
            break
        k = max(2 * k, int(k * args.min_time / max(dt, 1e-9)) + 1)
    ms = [dt / k * 1e3]
    for _ in range(args.reps - 1):
        t0 = time.perf_counter()
        for _ in range(k):
            fn()
        ms.append((time.perf_counter() - t0) / k * 1e3)
    return {"median_ms": round(statistics.median(ms), 4), "min_ms": round(min(ms), 4),
            "max_ms": round(max(ms), 4)}


out = {"bench": "nn_torch_step", "torch": torch.__version__, "threads": args.threads,
       "blas_threads": blas, "batch": args.batch,
       "forward_backward": measure(fb), "sgd_momentum_step": measure(step)}
print(json.dumps(out), flush=True)
