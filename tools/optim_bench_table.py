#!/usr/bin/python3
"""Turns the JSON lines of tools/optim_bench.sh into the Markdown tables of docs/PERFORMANCE.md.

Usage: /usr/bin/python3 tools/optim_bench_table.py results.jsonl [more.jsonl ...]
With several files (runs), the descent rows show the median over runs of each run's median,
and the range over every rep of every run.
"""
import json
import statistics
import sys
from collections import defaultdict

descent = defaultdict(list)
torch = defaultdict(list)
stream_c = []
meta = []
for path in sys.argv[1:]:
    for line in open(path):
        line = line.strip()
        if not line.startswith("{"):
            continue
        d = json.loads(line)
        if "nsPerParam" in d:
            key = d["optimizer"] + (" (scalar)" if d["kernels"].startswith("scalar") else "")
            descent[key].append(d)
        elif d.get("bench") == "optimizer_step":
            torch[(d["optimizer"], d["layout"], d["foreach"])].append(d)
        elif "triad" in json.dumps(d).lower():
            stream_c.append(d)
        else:
            meta.append(d)

for m in meta:
    print("<!--", json.dumps(m), "-->")
print("| optimizer | bytes/param | ns/param median (range) | GB/s | STREAM triad GB/s (same run) | ratio to triad |")
print("|---|---|---|---|---|---|")
for key, runs in descent.items():
    ns = statistics.median(r["nsPerParam"] for r in runs)
    lo = min(r["nsPerParamMin"] for r in runs)
    hi = max(r["nsPerParamMax"] for r in runs)
    bpp = runs[0]["bytesPerParam"]
    stream = statistics.median(r["streamGbPerSec"] for r in runs)
    ratio = statistics.median(r["ratioToStream"] for r in runs)
    print(f"| {key} | {bpp} | {ns:.2f} ({lo:.2f}–{hi:.2f}) | {bpp / ns:.1f} | {stream:.1f} | {ratio:.2f} |")
print()
print("| torch 1.13 | layout | foreach | ns/param median (range) | GB/s |")
print("|---|---|---|---|---|")
for (name, layout, foreach), runs in torch.items():
    ns = statistics.median(r["ns_per_param_median"] for r in runs)
    lo = min(r["ns_per_param_min"] for r in runs)
    hi = max(r["ns_per_param_max"] for r in runs)
    print(f"| {name} | {layout} | {foreach} | {ns:.2f} ({lo:.2f}–{hi:.2f}) | {runs[0]['bytes_per_param'] / ns:.1f} |")
for s in stream_c:
    print()
    print("C STREAM (peer stream.c, 1 thread):", json.dumps(s))
