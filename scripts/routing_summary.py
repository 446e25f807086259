#!/usr/bin/env python3
"""Summarises `loop-demo --routing both` JSON lines (stdin or files): per budget, the reward model's
held-out accuracy under FIFO and UNCERTAINTY routing as mean ± standard error over seeds, and the
paired difference (uncertainty − fifo, seed by seed) with its standard error. A Markdown table."""
import fileinput
import json
import math
from collections import defaultdict


def mean_se(xs):
    m = sum(xs) / len(xs)
    if len(xs) < 2:
        return m, float("nan")
    var = sum((x - m) ** 2 for x in xs) / (len(xs) - 1)
    return m, math.sqrt(var / len(xs))


acc = defaultdict(dict)  # (budget, routing) -> seed -> accuracy
judgments = defaultdict(list)
for line in fileinput.input():
    line = line.strip()
    if not line.startswith("{"):
        continue
    r = json.loads(line)
    acc[(r["budget"], r["routing"])][r["seed"]] = r["rm_heldout_accuracy"]
    judgments[(r["budget"], r["routing"])].append(r["judgments"])

print("| budget (prompts) | seeds | FIFO accuracy | UNCERTAINTY accuracy | uncertainty − fifo (paired) | judgments FIFO / UNC (mean) |")
print("|---|---|---|---|---|---|")
for budget in sorted({b for b, _ in acc}):
    f, u = acc.get((budget, "fifo"), {}), acc.get((budget, "uncertainty"), {})
    seeds = sorted(set(f) & set(u))
    if not seeds:
        continue
    fm, fs = mean_se([f[s] for s in seeds])
    um, us = mean_se([u[s] for s in seeds])
    dm, ds = mean_se([u[s] - f[s] for s in seeds])
    jf = sum(judgments[(budget, "fifo")]) / len(judgments[(budget, "fifo")])
    ju = sum(judgments[(budget, "uncertainty")]) / len(judgments[(budget, "uncertainty")])
    print(f"| {budget} | {len(seeds)} | {100 * fm:.1f}% ± {100 * fs:.1f} | {100 * um:.1f}% ± {100 * us:.1f} "
          f"| {100 * dm:+.1f} ± {100 * ds:.1f} points | {jf:.0f} / {ju:.0f} |")
