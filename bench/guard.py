#!/usr/bin/env python3
"""Run one benchmark command when the shared machine is quiet; retry it if others got busy.

The same policy as the peer's runq.py (/work/shared/bench/pytorch-peer/runq.py), rewritten here
for two reasons: runq.py writes its results beside itself (a read-only shared folder) and it
trusts the command to report its own `cpu_monitor`, which our Java commands do not. This guard
measures contention from outside, the same way for both sides: whole-machine busy CPU time
(/proc/stat) minus the CPU time of the command and its children (getrusage), over the run.

  guard.py --out R.json --log R.log [--max-other 0.05] [--tries 3] -- <command ...>

The command's last line that starts with '{' is its result; the guard adds a "guard" object
(try, wall_s, other_cpu_frac, accepted, cmd) and writes it to --out.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")
NCPU = os.cpu_count() or 1


def machine_busy_s():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (v[0] + v[1] + v[2] + v[5] + v[6]) / HZ  # user nice system irq softirq


def children_cpu_s():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def wait_until_quiet(idle_frac, wait_max):
    t0 = time.time()
    while True:
        b0 = machine_busy_s()
        time.sleep(3.0)
        frac = (machine_busy_s() - b0) / 3.0 / NCPU
        if frac < idle_frac or time.time() - t0 > wait_max:
            return time.time() - t0, frac


def last_json(path):
    found = None
    with open(path, errors="replace") as f:
        for line in f:
            if line.startswith("{"):
                try:
                    found = json.loads(line)
                except json.JSONDecodeError:
                    pass
    return found


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--max-other", type=float, default=0.05, help="accept a try when others used <= this share of all cores")
    p.add_argument("--idle-frac", type=float, default=0.10, help="start a try when the machine is busier than this less")
    p.add_argument("--wait-max", type=float, default=600)
    p.add_argument("--tries", type=int, default=3)
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        p.error("no command after --")
    last = None
    for t in range(1, a.tries + 1):
        waited, busy = wait_until_quiet(a.idle_frac, a.wait_max)
        print(f"[guard] try {t}: waited {waited:.0f}s (busy {busy:.2f}); {' '.join(cmd)}", flush=True)
        log = f"{a.log}.try{t}" if t > 1 else a.log
        b0, c0, w0 = machine_busy_s(), children_cpu_s(), time.perf_counter()
        with open(log, "w") as out:
            out.write("# " + " ".join(cmd) + "\n")
            out.flush()
            rc = subprocess.call(cmd, stdout=out, stderr=subprocess.STDOUT)
        wall = time.perf_counter() - w0
        own = children_cpu_s() - c0
        other = max(0.0, (machine_busy_s() - b0) - own) / wall / NCPU
        js = last_json(log)
        if rc != 0 or js is None:
            print(f"[guard] try {t}: rc={rc}, no JSON line; see {log}", flush=True)
            break  # a command that fails fails again: retries are for disturbed runs only
        shown = [c if len(c) <= 300 else c[:120] + "...(" + str(len(c)) + " chars)" for c in cmd]
        js["guard"] = {"try": t, "wall_s": wall, "self_cpu_s": own, "other_cpu_frac": other,
                       "max_other": a.max_other, "accepted": other <= a.max_other, "cmd": shown}
        last = js
        print(f"[guard] try {t}: other processes {100 * other:.1f}% of the machine", flush=True)
        if other <= a.max_other:
            break
    if last is None:
        return 1
    with open(a.out, "w") as f:
        json.dump(last, f)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
