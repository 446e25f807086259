#!/usr/bin/env python3
"""Summarise one side-by-side comparison: medians per side and the Java/peer ratios of medians.

  summarize.py RESULTS_DIR   (holds peer-<i>.json and java-<i>.json from run-peer-comparison.sh)

Prints one JSON line (also written to RESULTS_DIR.json). Only the medians are compared: the
machine is shared, single runs vary by about 10%, and a median of alternating runs is what
the peer's README asks for.
"""
import glob
import json
import os
import statistics
import sys

KEYS = ("tokens_per_s", "step_ms", "val_loss", "train_loss")
# The two sides name the median step time differently.
ALIASES = {"step_ms": ("step_ms_median", "ms_per_step")}


def load(folder, side):
    runs = []
    for path in sorted(glob.glob(os.path.join(folder, f"{side}-*.json"))):
        with open(path) as f:
            runs.append(json.load(f))
    return runs


def side_summary(runs):
    out = {"runs": len(runs),
           "accepted": sum(1 for r in runs if r.get("guard", {}).get("accepted", True)),
           "other_cpu_frac": [round(r.get("guard", {}).get("other_cpu_frac", float("nan")), 3) for r in runs]}
    for k in KEYS:
        vals = []
        for r in runs:
            for name in ALIASES.get(k, (k,)):
                if isinstance(r.get(name), (int, float)):
                    vals.append(r[name])
                    break
        if vals:
            out[k] = vals
            out["median_" + k] = statistics.median(vals)
    return out


def main():
    folder = sys.argv[1].rstrip("/")
    peer, java = side_summary(load(folder, "peer")), side_summary(load(folder, "java"))
    res = {"name": os.path.basename(folder), "peer": peer, "java": java}
    for k in ("tokens_per_s", "step_ms"):
        if "median_" + k in peer and "median_" + k in java:
            res[f"ratio_{k}_java_over_peer"] = java["median_" + k] / peer["median_" + k]
    line = json.dumps(res)
    print(line)
    with open(folder + ".json", "w") as f:
        f.write(line + "\n")


if __name__ == "__main__":
    main()
