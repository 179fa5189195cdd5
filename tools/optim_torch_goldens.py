#!/usr/bin/python3
"""Golden optimizer trajectories from PyTorch 1.13 for descent's optimizer tests.

Run:  /usr/bin/python3 tools/optim_torch_goldens.py > descent-core/src/test/resources/dev/descent/optim/torch_goldens.txt

Problem (float32, n = 10), reimplemented in OptimizerGoldenTest:
    f(x) = sum_i a_i/2 (x_i - c_i)^2 + 0.025 x_i^4,   g(x) = a*(x - c) + 0.1*x*x*x
Each case runs STEPS steps from X0 with lr_t = lr / (1 + k t) (t = 0, 1, ...) and prints x after every step.
Gradient clipping uses torch.nn.utils.clip_grad_norm_ then clip_grad_value_ before each step.
Parameter groups are separate tensors, one per range; indices outside every group are not optimized.

torch.optim has no Lion in 1.13, and its NAdam computes mu_product_next = mu_product * mu * mu_next
(fixed in 2.0 to mu_product * mu_next). Both are written here in torch float32 ops: Lion from
Chen et al. 2023 (Program 1), NAdam as torch 1.13's _single_tensor_nadam with the 2.0 fix. The script
checks that its NAdam, with the 1.13 formula restored, reproduces torch.optim.NAdam bit for bit.
"""
import math
import sys

import torch

STEPS = 50
N = 10
A = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]
C = [1.0, -2.0, 0.5, -0.25, 3.0, -1.5, 0.75, 2.0, -3.0, 0.1]
X0 = [2.0, 1.0, -1.5, 0.5, -2.0, 1.25, -0.75, 0.3, 2.5, -1.0]

DEFAULTS = {
    "sgd": dict(lr=0.01, momentum=0.0, dampening=0.0, nesterov=False),
    "momentum": dict(lr=0.01, momentum=0.9, dampening=0.0, nesterov=False),
    "nesterov": dict(lr=0.01, momentum=0.9, dampening=0.0, nesterov=True),
    "adagrad": dict(lr=0.01, lr_decay=0.0, initial_accumulator_value=0.0, eps=1e-10),
    "rmsprop": dict(lr=0.01, alpha=0.99, eps=1e-8, momentum=0.0, centered=False),
    "adam": dict(lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, amsgrad=False),
    "adamw": dict(lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.01, amsgrad=False),
    "nadam": dict(lr=2e-3, beta1=0.9, beta2=0.999, eps=1e-8, momentum_decay=4e-3),
    "radam": dict(lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8),
    "adamax": dict(lr=2e-3, beta1=0.9, beta2=0.999, eps=1e-8),
    "adadelta": dict(lr=1.0, rho=0.9, eps=1e-6),
    "lion": dict(lr=1e-4, beta1=0.9, beta2=0.99, weight_decay=0.0),
}
COMMON = dict(weight_decay=0.0, maximize=False, clip_norm=math.inf, clip_value=math.inf)

# name, spec (descent's Optimizers.parse form), lr decay k, groups "from:to:lr_scale:wd_scale;..." or "whole"
CASES = [
    ("sgd", "sgd:lr=0.05", 0, "whole"),
    ("sgd_wd", "sgd:lr=0.05,weight_decay=0.1", 0, "whole"),
    ("sgd_maximize", "sgd:lr=0.002,maximize=true", 0, "whole"),
    ("sgd_clip_norm", "sgd:lr=0.05,clip_norm=1.0", 0, "whole"),
    ("sgd_clip_value", "sgd:lr=0.05,clip_value=0.5", 0, "whole"),
    ("sgd_schedule", "sgd:lr=0.05", 0.1, "whole"),
    ("momentum", "momentum:lr=0.02", 0, "whole"),
    ("momentum_dampening", "sgd:lr=0.02,momentum=0.8,dampening=0.5", 0, "whole"),
    ("momentum_wd_clip", "momentum:lr=0.02,weight_decay=0.05,clip_norm=2.0,clip_value=1.0", 0, "whole"),
    ("momentum_groups", "momentum:lr=0.02,weight_decay=0.1", 0, "0:4:1:1;6:10:0.5:0"),
    ("nesterov", "nesterov:lr=0.02", 0, "whole"),
    ("nesterov_wd_maximize", "sgd:lr=0.001,momentum=0.5,nesterov=true,weight_decay=0.01,maximize=true", 0, "whole"),
    ("adagrad", "adagrad:lr=0.2", 0, "whole"),
    ("adagrad_decay_init", "adagrad:lr=0.2,lr_decay=0.05,initial_accumulator_value=0.1,eps=1e-6", 0, "whole"),
    ("adagrad_wd_maximize", "adagrad:lr=0.01,weight_decay=0.1,maximize=true", 0, "whole"),
    ("rmsprop", "rmsprop:lr=0.01", 0, "whole"),
    ("rmsprop_centered", "rmsprop:lr=0.01,centered=true", 0, "whole"),
    ("rmsprop_momentum", "rmsprop:lr=0.005,momentum=0.9,alpha=0.9", 0, "whole"),
    ("rmsprop_centered_momentum_wd", "rmsprop:lr=0.005,momentum=0.5,centered=true,weight_decay=0.1", 0, "whole"),
    ("rmsprop_maximize", "rmsprop:lr=0.001,maximize=true", 0, "whole"),
    ("rmsprop_groups", "rmsprop:lr=0.01,weight_decay=0.05", 0, "0:5:1:1;5:10:0.25:0"),
    ("adam", "adam:lr=0.05", 0, "whole"),
    ("adam_betas_eps", "adam:lr=0.05,beta1=0.5,beta2=0.9,eps=1e-3", 0, "whole"),
    ("adam_amsgrad", "adam:lr=0.05,amsgrad=true", 0, "whole"),
    ("adam_wd", "adam:lr=0.05,weight_decay=0.1", 0, "whole"),
    ("adam_maximize", "adam:lr=0.002,maximize=true", 0, "whole"),
    ("adam_clip_value", "adam:lr=0.05,clip_value=0.5", 0, "whole"),
    ("adam_schedule", "adam:lr=0.05", 0.1, "whole"),
    ("adam_groups", "adam:lr=0.05,weight_decay=0.1", 0, "0:3:1:1;3:7:0.1:0;8:10:2:0.5"),
    ("adamw", "adamw:lr=0.05,weight_decay=0.1", 0, "whole"),
    ("adamw_amsgrad", "adamw:lr=0.05,weight_decay=0.1,amsgrad=true", 0, "whole"),
    ("adamw_maximize", "adamw:lr=0.002,maximize=true", 0, "whole"),
    ("adamw_groups", "adamw:lr=0.05,weight_decay=0.5", 0.05, "0:5:1:1;5:10:0.5:0"),
    ("nadam", "nadam:lr=0.05", 0, "whole"),
    ("nadam_wd", "nadam:lr=0.05,weight_decay=0.1,momentum_decay=0.01", 0, "whole"),
    ("radam", "radam:lr=0.05", 0, "whole"),
    ("radam_wd", "radam:lr=0.05,weight_decay=0.1,beta2=0.99", 0, "whole"),
    ("adamax", "adamax:lr=0.05", 0, "whole"),
    ("adamax_wd_maximize", "adamax:lr=0.002,weight_decay=0.1,maximize=true", 0, "whole"),
    ("adadelta", "adadelta:lr=1.0", 0, "whole"),
    ("adadelta_wd_rho", "adadelta:lr=0.5,rho=0.5,eps=1e-4,weight_decay=0.1", 0, "whole"),
    ("adadelta_maximize", "adadelta:lr=0.1,maximize=true", 0, "whole"),
    ("lion", "lion:lr=0.01", 0, "whole"),
    ("lion_wd", "lion:lr=0.01,weight_decay=0.5,beta1=0.8,beta2=0.95", 0, "whole"),
    ("lion_maximize", "lion:lr=0.002,maximize=true", 0, "whole"),
]


def parse(spec):
    name, _, rest = spec.partition(":")
    kw = dict(DEFAULTS[name])
    common = dict(COMMON)
    for pair in filter(None, rest.split(",")):
        k, v = pair.split("=")
        v = {"true": True, "false": False}.get(v, None) if v in ("true", "false") else float(v)
        if k in kw:
            kw[k] = v
        else:
            common[k] = v
    return name, kw, common


def grad_of(x, a, c):
    return a * (x - c) + 0.1 * x * x * x


class NAdamRef:
    """torch 1.13 _single_tensor_nadam, with mu_product_next fixed as in torch 2.0 unless legacy."""

    def __init__(self, groups, beta1, beta2, eps, momentum_decay, weight_decay, legacy=False):
        self.groups, self.b1, self.b2, self.eps, self.psi, self.wd = groups, beta1, beta2, eps, momentum_decay, weight_decay
        self.legacy = legacy
        self.state = {}
        self.mu_product = torch.tensor(1.) if legacy else 1.0
        self.t = 0

    def step(self):
        self.t += 1
        t = self.t
        mu = self.b1 * (1. - 0.5 * (0.96 ** (t * self.psi)))
        mu_next = self.b1 * (1. - 0.5 * (0.96 ** ((t + 1) * self.psi)))
        self.mu_product *= mu
        mu_product_next = self.mu_product * mu * mu_next if self.legacy else self.mu_product * mu_next
        mp = float(self.mu_product)
        mpn = float(mu_product_next)
        bias_correction2 = 1 - self.b2 ** t
        for group in self.groups:
            lr = group["lr"]
            for p in group["params"]:
                grad = p.grad
                m, v = self.state.setdefault(id(p), (torch.zeros_like(p), torch.zeros_like(p)))
                wd = group.get("weight_decay", self.wd)
                if wd != 0:
                    grad = grad.add(p.detach(), alpha=wd)
                m.mul_(self.b1).add_(grad, alpha=1 - self.b1)
                v.mul_(self.b2).addcmul_(grad, grad, value=1 - self.b2)
                denom = v.div(bias_correction2).sqrt().add_(self.eps)
                with torch.no_grad():
                    p.addcdiv_(grad, denom, value=-lr * (1. - mu) / (1. - mp))
                    p.addcdiv_(m, denom, value=-lr * mu_next / (1. - mpn))


class LionRef:
    """Chen et al. 2023, Program 1, in torch ops; maximize negates the gradient."""

    def __init__(self, groups, beta1, beta2, weight_decay, maximize):
        self.groups, self.b1, self.b2, self.wd, self.maximize = groups, beta1, beta2, weight_decay, maximize
        self.state = {}

    def step(self):
        for group in self.groups:
            lr = group["lr"]
            for p in group["params"]:
                grad = -p.grad if self.maximize else p.grad
                m = self.state.setdefault(id(p), torch.zeros_like(p))
                with torch.no_grad():
                    p.mul_(1 - lr * self.wd)
                    c = m.mul(self.b1).add(grad, alpha=1 - self.b1)
                    p.add_(torch.sign(c), alpha=-lr)
                m.mul_(self.b2).add_(grad, alpha=1 - self.b2)


def make(name, kw, common, groups):
    wd, mx = common["weight_decay"], common["maximize"]
    if name in ("sgd", "momentum", "nesterov"):
        return torch.optim.SGD(groups, lr=kw["lr"], momentum=kw["momentum"], dampening=kw["dampening"],
                               nesterov=kw["nesterov"], weight_decay=wd, maximize=mx)
    if name == "adagrad":
        return torch.optim.Adagrad(groups, lr=kw["lr"], lr_decay=kw["lr_decay"], weight_decay=wd,
                                   initial_accumulator_value=kw["initial_accumulator_value"], eps=kw["eps"],
                                   maximize=mx)
    if name == "rmsprop":
        return torch.optim.RMSprop(groups, lr=kw["lr"], alpha=kw["alpha"], eps=kw["eps"], weight_decay=wd,
                                   momentum=kw["momentum"], centered=kw["centered"], maximize=mx)
    if name == "adam":
        return torch.optim.Adam(groups, lr=kw["lr"], betas=(kw["beta1"], kw["beta2"]), eps=kw["eps"],
                                weight_decay=wd, amsgrad=kw["amsgrad"], maximize=mx, foreach=False)
    if name == "adamw":
        return torch.optim.AdamW(groups, lr=kw["lr"], betas=(kw["beta1"], kw["beta2"]), eps=kw["eps"],
                                 weight_decay=kw["weight_decay"], amsgrad=kw["amsgrad"], maximize=mx, foreach=False)
    if name == "nadam":
        assert not mx
        return NAdamRef(groups, kw["beta1"], kw["beta2"], kw["eps"], kw["momentum_decay"], wd)
    if name == "radam":
        assert not mx
        return torch.optim.RAdam(groups, lr=kw["lr"], betas=(kw["beta1"], kw["beta2"]), eps=kw["eps"],
                                 weight_decay=wd)
    if name == "adamax":
        return torch.optim.Adamax(groups, lr=kw["lr"], betas=(kw["beta1"], kw["beta2"]), eps=kw["eps"],
                                  weight_decay=wd, maximize=mx)
    if name == "adadelta":
        return torch.optim.Adadelta(groups, lr=kw["lr"], rho=kw["rho"], eps=kw["eps"], weight_decay=wd, maximize=mx)
    if name == "lion":
        assert wd == 0
        return LionRef(groups, kw["beta1"], kw["beta2"], kw["weight_decay"], mx)
    raise ValueError(name)


def run(spec, k, groups_text, opt_factory=None):
    name, kw, common = parse(spec)
    a = torch.tensor(A, dtype=torch.float32)
    c = torch.tensor(C, dtype=torch.float32)
    if groups_text == "whole":
        ranges = [(0, N, 1.0, 1.0)]
    else:
        ranges = [tuple(float(v) if j >= 2 else int(v) for j, v in enumerate(r.split(":")))
                  for r in groups_text.split(";")]
    # the buffer as consecutive leaf tensors: group ranges and the frozen gaps between them
    cuts = sorted({0, N} | {r[0] for r in ranges} | {r[1] for r in ranges})
    pieces = {}
    for lo, hi in zip(cuts, cuts[1:]):
        pieces[(lo, hi)] = torch.tensor(X0[lo:hi], dtype=torch.float32, requires_grad=True)
    base_wd = kw["weight_decay"] if name in ("adamw", "lion") else common["weight_decay"]
    groups = [{"params": [pieces[(r[0], r[1])]], "lr": kw["lr"] * r[2], "weight_decay": base_wd * r[3],
               "scale": r[2]} for r in ranges]
    opt = opt_factory(groups) if opt_factory else make(name, kw, common, groups)
    optimized = [g["params"][0] for g in groups]
    rows = []
    for t in range(STEPS):
        lr_t = kw["lr"] / (1 + k * t)
        for g in opt.groups if isinstance(opt, (NAdamRef, LionRef)) else opt.param_groups:
            g["lr"] = lr_t * g["scale"]
        with torch.no_grad():
            x = torch.cat([pieces[key] for key in sorted(pieces)])
            gfull = grad_of(x, a, c)
        for (lo, hi), p in pieces.items():
            p.grad = gfull[lo:hi].clone()
        if common["clip_norm"] != math.inf:
            torch.nn.utils.clip_grad_norm_(optimized, common["clip_norm"])
        if common["clip_value"] != math.inf:
            torch.nn.utils.clip_grad_value_(optimized, common["clip_value"])
        opt.step()
        with torch.no_grad():
            rows.append(torch.cat([pieces[key] for key in sorted(pieces)]).tolist())
    return rows


def check_nadam_reference():
    """Our NAdam with the 1.13 formula restored must equal torch.optim.NAdam exactly."""
    def legacy(groups):
        return NAdamRef(groups, 0.9, 0.999, 1e-8, 4e-3, 0.0, legacy=True)

    ours = run("nadam:lr=0.05", 0, "whole", legacy)
    theirs = run("nadam:lr=0.05", 0, "whole",
                 lambda groups: torch.optim.NAdam(groups, lr=0.05, betas=(0.9, 0.999), eps=1e-8, momentum_decay=4e-3))
    assert ours == theirs, "NAdam reference does not reproduce torch.optim.NAdam"


def main():
    torch.set_num_threads(1)
    check_nadam_reference()
    out = sys.stdout
    out.write("# descent optimizer goldens: torch %s, python %s\n" % (torch.__version__, sys.version.split()[0]))
    out.write("# written by tools/optim_torch_goldens.py; problem g(x) = a*(x-c) + 0.1*x*x*x in float32\n")
    out.write("# nadam follows torch 1.13 with torch 2.0's mu_product fix; lion is Chen et al. 2023 in torch ops\n")
    out.write("a " + " ".join(repr(v) for v in A) + "\n")
    out.write("c " + " ".join(repr(v) for v in C) + "\n")
    out.write("x0 " + " ".join(repr(v) for v in X0) + "\n")
    for case, spec, k, groups in CASES:
        rows = run(spec, k, groups)
        out.write("case %s %s %r %s %d\n" % (case, spec, k, groups, len(rows)))
        for row in rows:
            out.write(" ".join("%.9g" % v for v in row) + "\n")


if __name__ == "__main__":
    main()
