"""Tables and SVG curves of the mini-batch quasi-Newton race (tools/sqn_race.sh).

Usage: [SEEDS=0,1] /usr/bin/python3 tools/sqn_race_table.py OUT_DIR [SVG_DIR]
Reads OUT_DIR/<problem>-b<batch>-<method>-s<seed>.csv (descent --metrics or sqn_race_torch.py rows)
and the descent --json files beside them; prints Markdown tables; writes one SVG per problem and
batch and x axis (passes, steps, seconds) into SVG_DIR (default OUT_DIR).

Per problem and batch: the target is the final objective of the best-tuned descent Adam (lowest
final objective over its lr grid, per seed, averaged over seeds). For every run: the final
objective, steps, passes, training seconds, and the steps and training seconds at the first
evaluation whose objective is <= the target (records are every few steps, so this is an upper
bound), as a multiple of Adam's. A divergence is a non-finite objective, an objective above its
start, or a rollback in the --json summary.
"""
import csv
import glob
import json
import math
import os
import re
import sys
from collections import defaultdict

out = sys.argv[1]
svg_dir = sys.argv[2] if len(sys.argv) > 2 else out
NAME = re.compile(r"(?P<problem>[a-z0-9]+)-b(?P<batch>\d+)-(?P<method>.+)-s(?P<seed>\d+)$")


def load(path):
    rows = []
    with open(path) as f:
        for r in csv.DictReader(f):
            def num(k):
                v = r.get(k, "")
                return float(v) if v not in ("", None) else float("nan")
            rows.append({"step": num("step"), "objective": num("objective"), "passes": num("passes"),
                         "seconds": num("elapsed_s"), "batch": num("batch")})
    return rows


only = os.environ.get("SEEDS")  # for example SEEDS=0 for the seed-0 grid alone
runs = []
for path in sorted(glob.glob(os.path.join(out, "*.csv"))):
    m = NAME.match(os.path.basename(path)[:-4])
    if not m or (only and m.group("seed") not in only.split(",")):
        continue
    rows = load(path)
    if not rows:
        continue
    js = path[:-4] + ".json"
    summary = {}
    if os.path.exists(js) and os.path.getsize(js) > 0:
        try:
            summary = json.loads(open(js).read().strip().splitlines()[-1])
        except (ValueError, IndexError):
            summary = {}
    objs = [r["objective"] for r in rows]
    start = objs[0]
    diverged = any(not math.isfinite(v) for v in objs) or any(v > start for v in objs[1:]) \
        or summary.get("divergenceEvents", 0) > 0 or summary.get("status") == "diverged"
    runs.append(dict(m.groupdict(), rows=rows, summary=summary, diverged=diverged, final=objs[-1],
                     steps=rows[-1]["step"], passes=rows[-1]["passes"], seconds=rows[-1]["seconds"]))


def family(method):
    return re.sub(r"_lr.*$", "", method)


def reach(run, target):
    for r in run["rows"]:
        if math.isfinite(r["objective"]) and r["objective"] <= target:
            return r
    return None


groups = defaultdict(list)
for r in runs:
    groups[(r["problem"], int(r["batch"]))].append(r)

for (problem, batch), rs in sorted(groups.items()):
    seeds = sorted({r["seed"] for r in rs})
    # best descent Adam per seed
    adam_best = {}
    for s in seeds:
        cands = [r for r in rs if family(r["method"]) == "adam" and r["seed"] == s and not r["diverged"]]
        if cands:
            adam_best[s] = min(cands, key=lambda r: r["final"])
    if not adam_best:
        continue
    target = sum(r["final"] for r in adam_best.values()) / len(adam_best)
    a_steps = sum(r["steps"] for r in adam_best.values()) / len(adam_best)
    a_secs = sum(r["seconds"] for r in adam_best.values()) / len(adam_best)
    print(f"\n### {problem}, batch {batch} (seeds {' '.join(seeds)})\n")
    print(f"Target: best-tuned Adam's final objective {target:.5f} "
          f"({', '.join(adam_best[s]['method'] for s in seeds if s in adam_best)}), {a_steps:.0f} steps, {a_secs:.1f} s of training.\n")
    print("| run | final objective | vs Adam | steps | passes | train s | steps to target (×Adam) | train s to target (×Adam) | divergences | counters |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    by_method = defaultdict(list)
    for r in rs:
        by_method[r["method"]].append(r)
    for method, mr in sorted(by_method.items(), key=lambda kv: min(x["final"] if math.isfinite(x["final"]) else 1e9 for x in kv[1])):
        fin = [x["final"] for x in mr]
        mean = lambda v: sum(v) / len(v)
        reached = [reach(x, target) for x in mr]
        ok = [x for x in reached if x is not None]
        if len(ok) == len(mr):
            st = mean([x["step"] for x in ok])
            se = mean([x["seconds"] for x in ok])
            to_target = f"{st:.0f} ({st / a_steps:.2f}×)", f"{se:.1f} ({se / a_secs:.2f}×)"
        else:
            to_target = f"not reached ({len(mr) - len(ok)}/{len(mr)})", "—"
        div = sum(1 for x in mr if x["diverged"])
        s0 = mr[0]["summary"]
        counters = ""
        if "pairsAccepted" in s0:
            counters = (f"acc {s0['pairsAccepted']}, damp {s0['pairsDamped']}, skip {s0['pairsSkipped']}, "
                        f"bt {s0['lineSearchBacktracks']}" + (f", batch {s0.get('batch')}" if "pb" in method else "")
                        + (f", guard fired {sum(1 for x in mr if x['summary'].get('stepsUndone', 0) > 0)}/{len(mr)}"
                           if "sqn" in method else ""))
        finals = mean(fin) if all(math.isfinite(v) for v in fin) else float("nan")
        rel = (finals / target - 1) * 100 if math.isfinite(finals) else float("nan")
        print(f"| {method} | {finals:.5f} | {rel:+.2f}% | {mean([x['steps'] for x in mr]):.0f} | {mean([x['passes'] for x in mr]):.1f} | "
              f"{mean([x['seconds'] for x in mr]):.1f} | {to_target[0]} | {to_target[1]} | {div}/{len(mr)} | {counters} |")

    # curves (seed 0 or the first seed): the best run of each family
    best = {}
    for r in rs:
        if r["seed"] != seeds[0]:
            continue
        f = family(r["method"])
        if f not in best or (math.isfinite(r["final"]) and r["final"] < best[f]["final"]):
            best[f] = r
    colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
              "#17becf", "#000000", "#aec7e8", "#ff9896", "#98df8a"]
    lo = min(min(x["objective"] for x in r["rows"] if math.isfinite(x["objective"])) for r in best.values())
    hi = min(max(r["rows"][0]["objective"] for r in best.values()), 1.25 * target)  # the end game, where the methods differ
    for axis, key in (("passes", "passes"), ("steps", "step"), ("seconds", "seconds")):
        W, H, L, T, R, B = 760, 420, 70, 30, 250, 45
        xmax = max(max(x[key] for x in r["rows"] if math.isfinite(x[key])) for r in best.values()) or 1
        ylo, yhi = math.log(lo * 0.995), math.log(hi)  # log scale, clipped to [0.995·lowest, 1.25·target]
        def px(v):
            return L + (W - L - R) * v / xmax
        def py(v):
            v = min(max(v, lo * 0.995), hi)
            return T + (H - T - B) * (yhi - math.log(v)) / (yhi - ylo)
        parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
                 f'<rect width="{W}" height="{H}" fill="white"/>',
                 f'<text x="{L}" y="18" font-size="13">{problem}, batch {batch}: training objective against {axis} (seed {seeds[0]}; clipped at 1.25× target)</text>',
                 f'<line x1="{L}" y1="{H - B}" x2="{W - R}" y2="{H - B}" stroke="black"/>',
                 f'<line x1="{L}" y1="{T}" x2="{L}" y2="{H - B}" stroke="black"/>',
                 f'<text x="{(L + W - R) / 2}" y="{H - 8}" text-anchor="middle">{axis}</text>']
        for i in range(6):
            xv = xmax * i / 5
            parts.append(f'<text x="{px(xv):.1f}" y="{H - B + 14}" text-anchor="middle">{xv:.3g}</text>')
            yv = math.exp(ylo + (yhi - ylo) * i / 5)
            parts.append(f'<text x="{L - 4}" y="{py(yv) + 4:.1f}" text-anchor="end">{yv:.4f}</text>')
            parts.append(f'<line x1="{L}" y1="{py(yv):.1f}" x2="{W - R}" y2="{py(yv):.1f}" stroke="#eee"/>')
        parts.append(f'<line x1="{L}" y1="{py(target):.1f}" x2="{W - R}" y2="{py(target):.1f}" stroke="#888" stroke-dasharray="4 3"/>')
        for i, (f, r) in enumerate(sorted(best.items())):
            pts = " ".join(f"{px(x[key]):.1f},{py(x['objective']):.1f}" for x in r["rows"]
                           if math.isfinite(x[key]) and math.isfinite(x["objective"]))
            c = colors[i % len(colors)]
            parts.append(f'<polyline fill="none" stroke="{c}" stroke-width="1.6" points="{pts}"/>')
            parts.append(f'<text x="{W - R + 8}" y="{T + 14 * i + 8}" fill="{c}">{r["method"]}{" (diverged)" if r["diverged"] else ""}</text>')
        parts.append(f'<text x="{W - R + 8}" y="{T + 14 * len(best) + 14}" fill="#888">dashed: Adam target</text>')
        parts.append("</svg>")
        os.makedirs(svg_dir, exist_ok=True)
        with open(os.path.join(svg_dir, f"race-{problem}-b{batch}-{axis}.svg"), "w") as fh:
            fh.write("\n".join(parts) + "\n")

print("\nDivergences over seeds × grid, by family:")
fam = defaultdict(lambda: [0, 0])
for r in runs:
    k = (r["problem"], r["batch"], family(r["method"]))
    fam[k][0] += r["diverged"]
    fam[k][1] += 1
for (p, b, f), (d, n) in sorted(fam.items()):
    print(f"- {p} b{b} {f}: {d}/{n}")
