#!/usr/bin/env python3
"""Summarise a JFR recording of bench-train: samples of the training thread in Java and in native
code, top frames, and the first dev.pairwise frame under each sample.

Usage: bench/jfr-summary.py RECORDING.jfr [THREAD=main] [JFR_TOOL=jfr]   (see docs/benchmarks.md)
"""
import json, sys, subprocess, collections
if len(sys.argv) < 2:
    sys.exit(__doc__)
jfr = sys.argv[1]
thread = sys.argv[2] if len(sys.argv) > 2 else "main"
out = subprocess.run([sys.argv[3] if len(sys.argv) > 3 else "jfr", "print", "--json", "--stack-depth", "64",
                      "--events", "jdk.ExecutionSample,jdk.NativeMethodSample", jfr],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]
def frames(e):
    st = e["values"].get("stackTrace") or {}
    return [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in st.get("frames", [])]
threads = collections.Counter((e["values"]["sampledThread"].get("javaName") or e["values"]["sampledThread"].get("osName")) for e in events)
print("samples by thread:", threads.most_common(5))
by_type = collections.Counter()
top = {"jdk.ExecutionSample": collections.Counter(), "jdk.NativeMethodSample": collections.Counter()}
ours = {"jdk.ExecutionSample": collections.Counter(), "jdk.NativeMethodSample": collections.Counter()}
for e in events:
    t = e["type"]
    th = e["values"]["sampledThread"]
    name = th.get("javaName") or th.get("osName")
    if name != thread:
        continue
    fr = frames(e)
    if not fr:
        continue
    by_type[t] += 1
    top[t][fr[0]] += 1
    mine = next((f for f in fr if f.startswith("dev.pairwise")), "(none)")
    ours[t][mine] += 1
total = sum(by_type.values())
print(f"samples of thread '{thread}': {total}; in Java {by_type['jdk.ExecutionSample']} "
      f"({100*by_type['jdk.ExecutionSample']/max(1,total):.1f}%), in native {by_type['jdk.NativeMethodSample']} "
      f"({100*by_type['jdk.NativeMethodSample']/max(1,total):.1f}%)")
for t in top:
    n = by_type[t]
    print(f"\n{t}: top frames")
    for f, c in top[t].most_common(15):
        print(f"  {100*c/max(1,n):5.1f}%  {f}")
    print(f"{t}: first dev.pairwise frame")
    for f, c in ours[t].most_common(12):
        print(f"  {100*c/max(1,n):5.1f}%  {f}")
