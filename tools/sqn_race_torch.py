"""Torch 1.13 peers of the mini-batch quasi-Newton race (tools/sqn_race.sh): softmax regression
(Linear 784 -> 10, zero init) on Fashion-MNIST standardized per feature with the training set's
mean and standard deviation (1 where it is below 1e-8, as descent's --normalize per-feature),
objective = mean cross-entropy + (1e-4/2)·||W||² (weights only, as descent's --l2), float32,
1 thread.

  --method adam          torch.optim.Adam(lr) with CosineAnnealingLR(T_max = all steps), stepped per batch
  --method lbfgs         torch.optim.LBFGS(lr=1, max_iter=1, history_size=10, line_search_fn=None), a new batch per step()
  --method lbfgs-wolfe   the same with line_search_fn='strong_wolfe' (its closure calls are counted as passes)

Batches: a torch.randperm per epoch from a seeded generator, the last partial batch kept.
Every epoch (and at step 0) the full training objective is computed outside the timed region.
Writes a CSV with descent's --metrics columns (step, epoch, train_loss, val_loss, val_accuracy,
lr, elapsed_s, objective, passes, batch); elapsed_s is training time only.
"""
import argparse
import gzip
import os
import time

ap = argparse.ArgumentParser()
ap.add_argument("--method", required=True, choices=["adam", "lbfgs", "lbfgs-wolfe"])
ap.add_argument("--lr", type=float, default=1.0)
ap.add_argument("--batch", type=int, required=True)
ap.add_argument("--epochs", type=int, required=True)
ap.add_argument("--seed", type=int, default=0)
ap.add_argument("--l2", type=float, default=1e-4)
ap.add_argument("--out", required=True)
args = ap.parse_args()
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["OPENBLAS_NUM_THREADS"] = "1"

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(1)
DIR = "/usr/share/datasets/fashion-mnist"


def idx(name):
    with gzip.open(os.path.join(DIR, name), "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


xtr = idx("train-images-idx3-ubyte.gz").reshape(60000, -1).astype(np.float32) / 255
ytr = idx("train-labels-idx1-ubyte.gz").astype(np.int64)
xte = idx("t10k-images-idx3-ubyte.gz").reshape(10000, -1).astype(np.float32) / 255
yte = idx("t10k-labels-idx1-ubyte.gz").astype(np.int64)
mu = xtr.mean(0, dtype=np.float64)
sd = xtr.std(0, dtype=np.float64)
sd[sd <= 1e-8] = 1
xtr = torch.from_numpy(((xtr - mu) / sd).astype(np.float32))
xte = torch.from_numpy(((xte - mu) / sd).astype(np.float32))
ytr = torch.from_numpy(ytr)
yte = torch.from_numpy(yte)
N = xtr.shape[0]

torch.manual_seed(args.seed)
model = torch.nn.Linear(784, 10)
torch.nn.init.zeros_(model.weight)
torch.nn.init.zeros_(model.bias)


def objective(x, y):
    return F.cross_entropy(model(x), y) + 0.5 * args.l2 * (model.weight ** 2).sum()


per_epoch = (N + args.batch - 1) // args.batch
steps_total = per_epoch * args.epochs
if args.method == "adam":
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=steps_total)
else:
    opt = torch.optim.LBFGS(model.parameters(), lr=1, max_iter=1, history_size=10,
                            line_search_fn="strong_wolfe" if args.method == "lbfgs-wolfe" else None)
    sched = None

rows = []
passes = 0.0
train_seconds = 0.0
step = 0
gen = torch.Generator().manual_seed(args.seed)


def record(epoch, last_loss, lr):
    with torch.no_grad():
        obj = objective(xtr, ytr).item()
        out = model(xte)
        vl = F.cross_entropy(out, yte).item()
        va = (out.argmax(1) == yte).float().mean().item()
    rows.append((step, epoch, last_loss, vl, va, lr, train_seconds, obj, passes, args.batch))


record(0.0, float("nan"), args.lr)
diverged = False
for epoch in range(args.epochs):
    perm = torch.randperm(N, generator=gen)
    losses = []
    for k in range(per_epoch):
        ids = perm[k * args.batch:(k + 1) * args.batch]
        xb, yb = xtr[ids], ytr[ids]
        t0 = time.perf_counter()
        calls = [0]

        def closure():
            calls[0] += 1
            opt.zero_grad()
            loss = objective(xb, yb)
            loss.backward()
            return loss

        lr = opt.param_groups[0]["lr"]
        loss = opt.step(closure)
        if sched is not None:
            sched.step()
        train_seconds += time.perf_counter() - t0
        passes += calls[0] * len(ids) / N
        step += 1
        losses.append(float(loss))
        if not np.isfinite(float(loss)) or not all(torch.isfinite(p).all() for p in model.parameters()):
            diverged = True
            break
    record(epoch + 1.0, float(np.mean(losses)), lr)
    if diverged:
        break

with open(args.out + ".tmp", "w") as f:
    f.write("step,epoch,train_loss,val_loss,val_accuracy,lr,elapsed_s,objective,passes,batch\n")
    for r in rows:
        f.write(",".join("" if isinstance(v, float) and not np.isfinite(v) else repr(v) for v in r) + "\n")
os.replace(args.out + ".tmp", args.out)
print(f"torch {torch.__version__} {args.method} lr {args.lr} batch {args.batch}: objective {rows[-1][7]:.6f} "
      f"after {step} steps, {passes:.2f} passes, {train_seconds:.2f} s" + (" DIVERGED" if diverged else ""))
