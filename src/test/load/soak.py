#!/usr/bin/env python3
"""Bounded soak test of the packaged service, on loopback only.

Starts target/quarkus-app/quarkus-run.jar with a local identity provider (keys and token made by
MintToken), sends a steady mix of valid and invalid requests for a fixed time, stops the service and
reports: requests by kind and status, unexpected statuses, latency percentiles, and the service's memory
(resident set size, and heap in use after a full GC) at the end of warm-up and at the end.

    ./mvnw package -DskipTests
    python3 src/test/load/soak.py                      # 10 minutes at 40 requests/s
    python3 src/test/load/soak.py --minutes 1 --rate 20

Exits 1 on any unexpected status or transport error, or when heap after GC grew more than
--max-heap-growth-mib beyond warm-up. Python 3 standard library and the JDK only.
"""
import argparse
import glob
import http.client
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from local_service import HOST, REPO, free_port, java_tool, make_identity_provider, mint_token, rss_mib

JAR = os.path.join(REPO, "target", "quarkus-app", "quarkus-run.jar")


def requests_to_send(vignettes_dir):
    """(kind, method, path, body, content type, expected status) tuples."""
    valid = []
    for f in sorted(glob.glob(os.path.join(vignettes_dir, "**", "*.json"), recursive=True)):
        with open(f) as fh:
            doc = json.load(fh)
        if isinstance(doc, dict) and isinstance(doc.get("request"), dict):
            valid.append(doc["request"])
    with open(os.path.join(REPO, "src", "test", "resources", "requests", "contract-example.json")) as fh:
        valid.append(json.load(fh))
    mix = []
    for request in valid:
        # valid requests weigh four times each invalid variant: about half of what is sent is valid
        mix.extend([("valid", "POST", "/v1/assessments?limit=5", json.dumps(request), "application/json", 200)] * 4)
        # invalid variants of each valid request
        typo = json.loads(json.dumps(request))
        typo.setdefault("exam", {})["heelWalk"] = {"left": "impared"}
        mix.append(("misspelt", "POST", "/v1/assessments", json.dumps(typo), "application/json", 400))
        wrong_type = json.loads(json.dumps(request))
        wrong_type.setdefault("patient", {})["ageYears"] = "forty"
        mix.append(("wrong-type", "POST", "/v1/assessments", json.dumps(wrong_type), "application/json", 400))
        unknown = json.loads(json.dumps(request))
        unknown["unknownField"] = True
        mix.append(("unknown-field", "POST", "/v1/assessments", json.dumps(unknown), "application/json", 400))
        mix.append(("malformed", "POST", "/v1/assessments", json.dumps(request)[:-7], "application/json", 400))
    mix.append(("oversize", "POST", "/v1/assessments", '{"x":"' + "a" * 70_000 + '"}', "application/json", 413))
    mix.append(("knowledge", "GET", "/v1/knowledge", None, None, 200))
    mix.append(("unauthenticated", "POST-NOAUTH", "/v1/assessments", json.dumps(valid[0]), "application/json", 401))
    return mix, len(valid)


class Client(threading.local):
    def conn(self, port):
        if not hasattr(self, "c"):
            self.c = http.client.HTTPConnection(HOST, port, timeout=30)
        return self.c

    def reset(self):
        if hasattr(self, "c"):
            self.c.close()
            del self.c


def memory(pid, jcmd):
    rss = rss_mib(pid)
    subprocess.run([jcmd, str(pid), "GC.run"], capture_output=True, timeout=60)
    info = subprocess.run([jcmd, str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=60).stdout
    used = [int(m) for m in re.findall(r"used (\d+)K", info)]
    heap_kib = used[0] if used else -1  # the first 'used' is the whole heap for G1 and Serial
    return rss, heap_kib / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--rate", type=float, default=40, help="requests per second")
    parser.add_argument("--warmup-seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--heap", default="256m", help="the service's -Xmx")
    parser.add_argument("--max-heap-growth-mib", type=float, default=16)
    parser.add_argument("--vignettes", default=os.path.join(REPO, "..", "shared", "vignettes"))
    args = parser.parse_args()
    if not os.path.exists(JAR):
        sys.exit("package the service first: ./mvnw package -DskipTests")

    java, jcmd = java_tool("java"), java_tool("jcmd")
    idp = tempfile.mkdtemp(prefix="soak-idp-")
    env = make_identity_provider(idp)
    port = free_port()
    log = open(os.path.join(idp, "service.log"), "w")
    service = subprocess.Popen([java, f"-Xmx{args.heap}", f"-Dquarkus.http.host={HOST}",
                                f"-Dquarkus.http.port={port}", "-jar", JAR], env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    try:
        for _ in range(120):
            try:
                c = http.client.HTTPConnection(HOST, port, timeout=2)
                c.request("GET", "/q/health/ready")
                if c.getresponse().status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            sys.exit("the service did not become ready; see " + log.name)

        mix, valid_count = requests_to_send(args.vignettes)
        # tokens live an hour; mint one per 30 minutes of soak
        tokens = {"token": mint_token(idp), "minted": time.time()}
        client = Client()
        lock = threading.Lock()
        results = []  # (phase, kind, status, expected, millis)
        errors = []

        def send(item, phase):
            kind, method, path, body, ctype, expected = item
            headers = {"Content-Type": ctype} if ctype else {}
            if method == "POST":
                headers["Authorization"] = "Bearer " + tokens["token"]
            verb = "POST" if method.startswith("POST") else method
            start = time.perf_counter()
            try:
                c = client.conn(port)
                c.request(verb, path, body=body.encode() if body else None, headers=headers)
                response = c.getresponse()
                response.read()
                status = response.status
                if response.getheader("Connection", "").lower() == "close":
                    client.reset()
            except Exception as e:  # transport failures count as errors
                client.reset()
                with lock:
                    errors.append(f"{kind}: {type(e).__name__}: {e}")
                return
            millis = (time.perf_counter() - start) * 1000
            with lock:
                results.append((phase, kind, status, expected, millis))

        rng = random.Random(20261122)
        interval = 1.0 / args.rate
        began = time.time()
        end = began + args.minutes * 60
        warm_until = began + args.warmup_seconds
        warm_memory = None
        sent = 0
        print(f"soak: {len(mix)} request kinds from {valid_count} valid requests, {args.rate}/s for "
              f"{args.minutes} min on {HOST}:{port}, heap -Xmx{args.heap}", flush=True)
        with ThreadPoolExecutor(max_workers=args.workers) as pool:
            next_at = time.time()
            while time.time() < end:
                now = time.time()
                if warm_memory is None and now >= warm_until:
                    warm_memory = memory(service.pid, jcmd)
                    print(f"after warm-up: RSS {warm_memory[0]:.0f} MiB, heap after GC {warm_memory[1]:.1f} MiB",
                          flush=True)
                if now - tokens["minted"] > 1800:
                    tokens["token"] = mint_token(idp)
                    tokens["minted"] = now
                phase = "warmup" if now < warm_until else "steady"
                pool.submit(send, rng.choice(mix), phase)
                sent += 1
                next_at += interval
                delay = next_at - time.time()
                if delay > 0:
                    time.sleep(delay)
        final_memory = memory(service.pid, jcmd)
    finally:
        service.terminate()
        try:
            service.wait(timeout=40)
        except subprocess.TimeoutExpired:
            service.kill()
        log.close()

    steady = [r for r in results if r[0] == "steady"]
    unexpected = [r for r in results if r[2] != r[3]]
    by_kind = {}
    for _, kind, status, _, _ in results:
        by_kind.setdefault((kind, status), 0)
        by_kind[(kind, status)] += 1
    latencies = sorted(r[4] for r in steady) or [0.0]

    def pct(p):
        return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))]

    elapsed = time.time() - began
    print(f"sent {sent} requests in {elapsed:.0f} s ({sent / elapsed:.1f}/s); answered {len(results)}; "
          f"transport errors {len(errors)}; unexpected statuses {len(unexpected)}")
    for (kind, status), n in sorted(by_kind.items()):
        print(f"  {kind:16s} {status}  {n}")
    print(f"latency after warm-up (ms): p50 {pct(50):.1f}  p90 {pct(90):.1f}  p99 {pct(99):.1f}  "
          f"max {latencies[-1]:.1f}  mean {statistics.fmean(latencies):.1f}")
    if warm_memory is None:
        warm_memory = final_memory
    growth = final_memory[1] - warm_memory[1]
    print(f"memory: RSS {warm_memory[0]:.0f} -> {final_memory[0]:.0f} MiB; heap after GC "
          f"{warm_memory[1]:.1f} -> {final_memory[1]:.1f} MiB (growth {growth:+.1f} MiB, "
          f"limit {args.max_heap_growth_mib} MiB)")
    for e in errors[:10]:
        print("  error:", e)
    for r in unexpected[:10]:
        print(f"  unexpected: {r[1]} answered {r[2]}, expected {r[3]}")
    ok = not errors and not unexpected and growth <= args.max_heap_growth_mib
    if ok:
        shutil.rmtree(idp, ignore_errors=True)
    else:
        print("the service's log is kept in", idp)
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
