#!/usr/bin/env python3
"""Summarises the CPU samples (jdk.ExecutionSample) or allocation samples of a JFR recording, with the JDK's jfr tool.

    python3 src/test/load/jfr_summary.py recording.jfr [--prefix org.footpain.] [--top 25]

Prints the methods where samples were taken (self) and, for methods whose class starts with --prefix,
the share of samples with the method anywhere on the stack (total), so that the cost of an engine or
adapter method includes what it calls in the JDK and libraries.
"""
import argparse
import collections
import json
import shutil
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("recording")
    parser.add_argument("--prefix", default="org.footpain.")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--thread", default="", help="only samples of threads whose name contains this")
    parser.add_argument("--within", default="", help="only samples with this method (Class.method) on the stack")
    parser.add_argument("--alloc", action="store_true",
                        help="allocation samples (jdk.ObjectAllocationSample, by weight) instead of CPU samples")
    args = parser.parse_args()
    jfr = shutil.which("jfr") or sys.exit("jfr (from the JDK) not found")
    event = "jdk.ObjectAllocationSample" if args.alloc else "jdk.ExecutionSample"
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "256", "--events", event,
                          args.recording], capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    own = collections.Counter()
    total = collections.Counter()
    count = 0
    for e in events:
        v = e["values"]
        thread = (v.get("sampledThread") or v.get("eventThread") or {}).get("javaName") or ""
        if args.thread and args.thread not in thread:
            continue
        frames = (v.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
        if args.within and not any(args.within in name for name in names):
            continue
        weight = v.get("weight", 1) if args.alloc else 1
        count += weight
        if args.alloc:
            names[0] = names[0] + " -> " + v["objectClass"]["name"].replace("/", ".")
        own[names[0]] += weight
        for name in set(names):
            if name.startswith(args.prefix):
                total[name] += weight
    if not count:
        sys.exit("no samples")
    print(f"{count} bytes sampled" if args.alloc else f"{count} samples")
    print(f"\nself (top {args.top}):")
    for name, n in own.most_common(args.top):
        print(f"  {100 * n / count:5.1f}%  {name}")
    print(f"\ntotal, {args.prefix}* (top {args.top}):")
    for name, n in total.most_common(args.top):
        print(f"  {100 * n / count:5.1f}%  {name}")


if __name__ == "__main__":
    main()
