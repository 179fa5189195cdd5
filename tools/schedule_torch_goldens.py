#!/usr/bin/python3
"""Learning-rate goldens from torch.optim.lr_scheduler for descent's schedule tests.

Run with Debian's interpreter and its python3-torch 1.13 package:
    /usr/bin/python3 tools/schedule_torch_goldens.py \
        > descent-core/src/test/resources/dev/descent/schedule/torch_goldens.txt

Every line is one case: `case NAME torch-args`, then `lr0 X`, then `lrs v0 v1 ...`: the learning
rate of the single parameter group at steps 0, 1, 2, ... as read from the optimizer before each
`scheduler.step()` (what a training loop uses at that step). These are PyTorch's own (mostly
recursive) updates, so the Java closed forms are compared with them in relative terms.
For ReduceLROnPlateau the line `metrics m1 m2 ...` gives the metric passed to each step and the
`lrs` are the rates after each step. Numbers are printed with repr() (shortest round-trip form).
"""
import math
import warnings

import torch
from torch.optim import SGD
from torch.optim import lr_scheduler as S

warnings.filterwarnings("ignore")
assert torch.__version__.startswith("1.13"), "goldens were written with torch 1.13, got " + torch.__version__


def optimizer(lr):
    return SGD([torch.zeros(1, requires_grad=True)], lr=lr)


def trajectory(name, args, lr0, make, steps):
    opt = optimizer(lr0)
    sched = make(opt)
    lrs = []
    for _ in range(steps):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    emit(name, args, lr0, lrs)


def emit(name, args, lr0, lrs, metrics=None):
    print("case", name, args)
    print("lr0", repr(float(lr0)))
    if metrics is not None:
        print("metrics", " ".join(repr(float(m)) for m in metrics))
    print("lrs", " ".join(repr(float(v)) for v in lrs))


def plateau(name, args, lr0, kwargs, metrics):
    opt = optimizer(lr0)
    sched = S.ReduceLROnPlateau(opt, **kwargs)
    lrs = []
    for m in metrics:
        opt.step()
        sched.step(m)
        lrs.append(opt.param_groups[0]["lr"])
    emit(name, args, lr0, lrs, metrics)


print("# torch", torch.__version__, "(Debian python3-torch), written by tools/schedule_torch_goldens.py")

trajectory("StepLR", "step_size=7,gamma=0.1", 0.1, lambda o: S.StepLR(o, step_size=7, gamma=0.1), 60)
trajectory("StepLR", "step_size=3,gamma=0.5", 1.0, lambda o: S.StepLR(o, step_size=3, gamma=0.5), 40)
trajectory("MultiStepLR", "milestones=5;12;30,gamma=0.1", 0.1,
           lambda o: S.MultiStepLR(o, milestones=[5, 12, 30], gamma=0.1), 50)
trajectory("MultiStepLR", "milestones=1;2;40,gamma=0.3", 2.0,
           lambda o: S.MultiStepLR(o, milestones=[1, 2, 40], gamma=0.3), 50)
trajectory("ExponentialLR", "gamma=0.95", 0.1, lambda o: S.ExponentialLR(o, gamma=0.95), 100)
trajectory("ExponentialLR", "gamma=0.5", 1.0, lambda o: S.ExponentialLR(o, gamma=0.5), 60)
trajectory("CosineAnnealingLR", "T_max=50,eta_min=0.0", 0.1, lambda o: S.CosineAnnealingLR(o, T_max=50), 51)
trajectory("CosineAnnealingLR", "T_max=30,eta_min=0.0001", 0.05,
           lambda o: S.CosineAnnealingLR(o, T_max=30, eta_min=1e-4), 31)
trajectory("CosineAnnealingWarmRestarts", "T_0=10,T_mult=1,eta_min=0.001", 0.1,
           lambda o: S.CosineAnnealingWarmRestarts(o, T_0=10, T_mult=1, eta_min=1e-3), 60)
trajectory("CosineAnnealingWarmRestarts", "T_0=5,T_mult=2,eta_min=0.0", 0.1,
           lambda o: S.CosineAnnealingWarmRestarts(o, T_0=5, T_mult=2), 100)
trajectory("OneCycleLR", "max_lr=0.1,total_steps=100,pct_start=0.3,div_factor=25.0,final_div_factor=10000.0", 0.1,
           lambda o: S.OneCycleLR(o, max_lr=0.1, total_steps=100), 100)
trajectory("OneCycleLR", "max_lr=1.0,total_steps=37,pct_start=0.25,div_factor=10.0,final_div_factor=100.0", 1.0,
           lambda o: S.OneCycleLR(o, max_lr=1.0, total_steps=37, pct_start=0.25, div_factor=10.0,
                                  final_div_factor=100.0), 37)
trajectory("PolynomialLR", "total_iters=20,power=2.0", 0.1, lambda o: S.PolynomialLR(o, total_iters=20, power=2.0), 30)
trajectory("PolynomialLR", "total_iters=10,power=1.0", 0.5, lambda o: S.PolynomialLR(o, total_iters=10, power=1.0), 15)
trajectory("LinearLR", "start_factor=0.3333333333333333,end_factor=1.0,total_iters=5", 0.1,
           lambda o: S.LinearLR(o), 12)
trajectory("LinearLR", "start_factor=1.0,end_factor=0.1,total_iters=20", 0.2,
           lambda o: S.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=20), 30)

# a loss that improves, stalls (with improvements below the threshold), improves again, then diverges
loss = [1.0, 0.8, 0.7, 0.7, 0.69995, 0.7, 0.71, 0.6, 0.6, 0.6, 0.6, 0.6, 0.59999, 0.5, 0.5,
        0.5, 0.5, 0.5, 0.5, 0.5, 0.4, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45,
        float("nan"), float("nan"), float("nan"), 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]
plateau("ReduceLROnPlateau", "mode=min,factor=0.1,patience=2,threshold=0.0001,threshold_mode=rel,cooldown=0,min_lr=0.0,eps=1e-08",
        0.1, dict(mode="min", factor=0.1, patience=2), loss)
plateau("ReduceLROnPlateau", "mode=min,factor=0.5,patience=1,threshold=0.05,threshold_mode=abs,cooldown=2,min_lr=0.01,eps=1e-08",
        0.1, dict(mode="min", factor=0.5, patience=1, threshold=0.05, threshold_mode="abs", cooldown=2,
                  min_lr=0.01), loss)
accuracy = [0.1, 0.3, 0.5, 0.5, 0.505, 0.52, 0.52, 0.52, 0.6, 0.6, 0.6, 0.6, 0.61, 0.61, 0.7,
            0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.71, 0.71, 0.71, 0.71, 0.71, 0.71, 0.71, 0.71, 0.71]
plateau("ReduceLROnPlateau", "mode=max,factor=0.3,patience=3,threshold=0.01,threshold_mode=rel,cooldown=1,min_lr=0.0,eps=1e-08",
        1.0, dict(mode="max", factor=0.3, patience=3, threshold=0.01, cooldown=1), accuracy)
plateau("ReduceLROnPlateau", "mode=max,factor=0.5,patience=0,threshold=0.005,threshold_mode=abs,cooldown=0,min_lr=0.0,eps=0.01",
        0.1, dict(mode="max", factor=0.5, patience=0, threshold=0.005, threshold_mode="abs", eps=0.01), accuracy)
