#!/usr/bin/env python3
"""HTTP benchmark of the packaged service: POST /v1/assessments against the stack's floor, in the same run.

    ./mvnw -Pbench package -Dquarkus.package.jar.type=aot-jar && python3 src/test/load/http_bench.py

(the aot-jar packaging is the image's, docker/Dockerfile.jvm; a fast-jar build runs too, with a warning.)

The floor is POST /bench/echo, compiled into the service only by the Maven profile bench: it reads the same body
as a generic JSON tree and answers a small JSON object, behind the same authentication (bearer JWT, role
assessment), request log, timeout and metrics. The script

  1. makes a local identity provider and a token (MintToken, JDK only);
  2. starts target/bench/quarkus-app/quarkus-run.jar pinned to one core (taskset -c SERVICE_CPU) with the JVM
     flags of docker/Dockerfile.jvm, and -XX:MaxRAM=512m standing for the Kubernetes memory limit (512Mi), so the
     heap is sized as in the container (-XX:MaxRAMPercentage);
  3. times the start: from launching java to the first answered POST /v1/assessments (200);
  4. warms both endpoints until their rates hold (the JIT done; see warm_up), then alternates wrk runs (echo,
     assessment, echo, ...) at 16 connections, wrk pinned to the other core (taskset -c WRK_CPU, one wrk thread),
     the bodies rotating sparse, typical, rich (src/test/load/wrk-bodies.lua);
  5. throttles both endpoints to half the echo's median peak rate (a per-connection delay drawn in the Lua script,
     calibrated once) and measures latency there;
  6. reads the service's resident memory after all that load (well over a minute), then stops it.

The service runs on the JDK of the image: --java (a java executable or a JDK/JRE home), else JAVA_HOME when its
major version is the one of docker/Dockerfile.jvm's base image, else such a JDK under /usr/lib/jvm. When the
Dockerfile's JAVA_OPTS name an AOT cache (-XX:AOTCache=...), the script first makes one the way the image build does,
with docker/aot-training.sh and the same JVM and flags, and starts the service with it (--aot-cache PATH uses a cache
made before, also when the Dockerfile names none; --no-aot-cache runs without one).

Prints per-run figures, the medians, and each target with PASS or MISS. Needs wrk (apt-get install wrk) and taskset.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
import http.client

import profile_summary
from local_service import HOST, REPO, free_port, java_tool, make_identity_provider, mint_token, rss_mib

JAR = os.path.join(REPO, "target", "bench", "quarkus-app", "quarkus-run.jar")
LUA = os.path.join(REPO, "src", "test", "load", "wrk-bodies.lua")
BODIES = os.path.join(REPO, "src", "test", "load", "bodies")
DOCKERFILE = os.path.join(REPO, "docker", "Dockerfile.jvm")
TRAINING = os.path.join(REPO, "docker", "aot-training.sh")
LOAD_AGENT = os.path.join(REPO, "src", "test", "java", "org", "footpain", "tools", "LoadAgent.java")
AOT_CACHE_FLAG = "-XX:AOTCache="
ASSESS = "/v1/assessments"
ECHO = "/bench/echo"
WARM_RUN_SECONDS = 10
WARM_TOLERANCE = 0.05


def dockerfile_java_opts():
    """JAVA_OPTS as docker/Dockerfile.jvm sets it, so the benchmark runs the flags that ship."""
    text = open(DOCKERFILE).read().replace("\\\n", " ")
    found = re.search(r'JAVA_OPTS="([^"]*)"', text)
    if not found:
        sys.exit("JAVA_OPTS not found in docker/Dockerfile.jvm")
    return found.group(1).split()


def dockerfile_java_major():
    """The major version of the base image's Java (eclipse-temurin:25.0.3_9-jre-... gives 25)."""
    found = re.search(r"^FROM\s+\S*temurin:(\d+)", open(DOCKERFILE).read(), re.MULTILINE)
    return int(found.group(1)) if found else None


def java_major(home):
    """The major version of the JDK or JRE in home, from its release file; None when there is none."""
    try:
        text = open(os.path.join(home, "release")).read()
    except OSError:
        return None
    found = re.search(r'^JAVA_VERSION="(\d+)', text, re.MULTILINE)
    return int(found.group(1)) if found else None


def resolve_java(requested):
    """The java executable to run the service with: --java, else the JDK of the image's major version."""
    if requested:
        path = os.path.join(requested, "bin", "java") if os.path.isdir(requested) else requested
        if not os.access(path, os.X_OK):
            sys.exit(f"--java {requested}: no java executable there")
        return path
    major = dockerfile_java_major()
    homes = [os.environ.get("JAVA_HOME")] + sorted(
        os.path.join("/usr/lib/jvm", d) for d in (os.listdir("/usr/lib/jvm") if os.path.isdir("/usr/lib/jvm") else []))
    for home in homes:
        if home and java_major(home) == major and os.access(os.path.join(home, "bin", "java"), os.X_OK):
            return os.path.join(home, "bin", "java")
    if major is None:
        return java_tool("java")
    sys.exit(f"no Java {major} found (docker/Dockerfile.jvm runs Java {major}): set JAVA_HOME or pass --java PATH")


def java_version(java):
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()
    return out[1].strip() if len(out) > 1 else " ".join(out)


def train_aot_cache(args, env, work):
    """Makes an AOT cache as the image build does (docker/aot-training.sh), with the service's JVM and flags."""
    cache = os.path.join(work, "app.aot")
    flags = [f for f in dockerfile_java_opts() if not f.startswith(AOT_CACHE_FLAG)] + ["-XX:MaxRAM=512m"] + args.jvm_flag
    began = time.perf_counter()
    with open(os.path.join(work, "aot-training.log"), "w") as log:
        done = subprocess.run(["bash", TRAINING, args.java, cache, JAR, BODIES, args.token_file] + flags,
                              env=dict(env, TRAIN_PORT=str(free_port())), stdout=log, stderr=subprocess.STDOUT)
    if done.returncode != 0 or not os.path.exists(cache):
        sys.exit(f"the AOT training run failed; see {log.name}")
    print(f"AOT cache trained in {time.perf_counter() - began:.0f} s ({os.path.getsize(cache) / 2**20:.0f} MiB): "
          f"{' '.join(flags)}", flush=True)
    return cache


def jar_main_class():
    """Main-Class of the runner jar: the aot-jar packaging's is AotQuarkusEntryPoint, the fast-jar's QuarkusEntryPoint."""
    with zipfile.ZipFile(JAR) as jar:
        manifest = jar.read("META-INF/MANIFEST.MF").decode("utf-8", "replace")
    found = re.search(r"^Main-Class:\s*(\S+)", manifest, re.MULTILINE)
    return found.group(1) if found else ""


def packaging_warning(aot_cache):
    """A warning when an AOT cache is used with a jar that is not the aot-jar packaging the image is built from."""
    if not aot_cache or jar_main_class().endswith("AotQuarkusEntryPoint"):
        return None
    return ("WARNING: target/bench was not built as an aot-jar, as the image is: the AOT cache covers only the JDK's and "
            "Quarkus' bootstrap classes, not the libraries, so start-up is slower than the image's. Build with "
            "./mvnw -Pbench package -Dquarkus.package.jar.type=aot-jar")


def service_flags(args):
    """The Dockerfile's JAVA_OPTS, the memory limit, --jvm-flag; its AOT cache replaced by the local one."""
    flags = [f for f in dockerfile_java_opts() if not f.startswith(AOT_CACHE_FLAG)]
    if args.aot_cache:
        flags.append(AOT_CACHE_FLAG + args.aot_cache)
    return flags + ["-XX:MaxRAM=512m"] + args.jvm_flag


def tool(name):
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found (wrk: apt-get install wrk; taskset: util-linux)")
    return found


def post(port, path, token, body, timeout=2.0):
    c = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        c.request("POST", path, body=body, headers={"Content-Type": "application/json",
                                                     "Authorization": "Bearer " + token})
        r = c.getresponse()
        r.read()
        return r.status
    finally:
        c.close()


def wrk(args, port, path, seconds, connections, delay_ms=0.0):
    env = dict(os.environ)
    env.pop("WRK_DELAY_MS", None)
    if delay_ms > 0:
        env["WRK_DELAY_MS"] = f"{delay_ms:.3f}"
    cmd = [tool("taskset"), "-c", str(args.wrk_cpu), tool("wrk"), "-t1", f"-c{connections}", f"-d{seconds}s",
           "--timeout", "5s", "-s", LUA, f"http://{HOST}:{port}", "--", path, args.token_file, BODIES]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=seconds + 60).stdout
    line = [l for l in out.splitlines() if l.startswith("{")]
    if not line:
        sys.exit("wrk printed no result:\n" + out)
    result = json.loads(line[-1])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def show(label, r):
    print(f"  {label:34s} {r['rps']:8.0f} req/s  p50 {r['p50_us'] / 1000:6.2f}  p99 {r['p99_us'] / 1000:6.2f}  "
          f"p99.9 {r['p999_us'] / 1000:6.2f}  max {r['max_us'] / 1000:7.2f} ms  errors {r['errors']}"
          f"  non-2xx {r['status_errors']}", flush=True)


def median(runs, key):
    return statistics.median(r[key] for r in runs)


def start_service(args, port, env, log):
    flags = service_flags(args)
    cmd = [tool("taskset"), "-c", str(args.service_cpu), args.java] + flags + [
        f"-Dquarkus.http.host={HOST}", f"-Dquarkus.http.port={port}", "-jar", JAR]
    began = time.perf_counter()
    service = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    body = open(os.path.join(BODIES, "typical.json"), "rb").read()
    while True:
        if service.poll() is not None:
            sys.exit(f"the service exited ({service.returncode}); see {log.name}")
        try:
            if post(port, ASSESS, args.token, body, timeout=5) == 200:
                break
        except OSError:
            pass
        if time.perf_counter() - began > 120:
            sys.exit("the service did not answer within 120 s; see " + log.name)
        time.sleep(0.005)
    return service, time.perf_counter() - began, flags


def warm_up(args, port):
    """Alternates short runs of both endpoints until the JIT is done: pinned to one core, the compiler threads compete
    with the load, so the rates climb for a minute or more. Done when each endpoint's rate is within WARM_TOLERANCE
    of its previous run's, after at least --warmup-seconds and at most --warmup-max-seconds of load."""
    print(f"warm-up: {WARM_RUN_SECONDS} s runs of each endpoint, alternating, until both rates hold within "
          f"{WARM_TOLERANCE:.0%} (at least {args.warmup_seconds} s, at most {args.warmup_max_seconds} s):", flush=True)
    previous, spent = None, 0
    while True:
        rates = [wrk(args, port, path, WARM_RUN_SECONDS, args.connections)["rps"] for path in (ECHO, ASSESS)]
        spent += 2 * WARM_RUN_SECONDS
        steady = previous is not None and all(abs(r - p) <= WARM_TOLERANCE * p for r, p in zip(rates, previous))
        print(f"  after {spent:3d} s: echo {rates[0]:.0f}/s, assessments {rates[1]:.0f}/s", flush=True)
        if (steady and spent >= args.warmup_seconds) or spent >= args.warmup_max_seconds:
            if not steady:
                print(f"  WARNING: rates still changing after {spent} s; the figures below may be low", flush=True)
            return
        previous = rates


def stop(service):
    service.terminate()
    try:
        service.wait(timeout=40)
    except subprocess.TimeoutExpired:
        service.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="alternating echo/assessment runs of each")
    parser.add_argument("--seconds", type=int, default=10, help="length of each measured wrk run")
    parser.add_argument("--warmup-seconds", type=int, default=120, help="least warm-up, both endpoints together")
    parser.add_argument("--warmup-max-seconds", type=int, default=300, help="most warm-up, if rates keep changing")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--service-cpu", type=int, default=1)
    parser.add_argument("--wrk-cpu", type=int, default=0)
    parser.add_argument("--starts", type=int, default=3, help="extra cold starts timed at the end (medians)")
    parser.add_argument("--jvm-flag", action="append", default=[], help="an extra JVM flag for the service")
    parser.add_argument("--start-only", action="store_true", help="only time cold starts (--starts of them)")
    parser.add_argument("--java", help="java executable or JDK/JRE home (default: the JDK of the image's version)")
    parser.add_argument("--aot-cache", help="an AOT cache made before, instead of training one")
    parser.add_argument("--no-aot-cache", action="store_true", help="run without the Dockerfile's AOT cache")
    parser.add_argument("--profile", metavar="FILE",
                        help="after the measurements, record 20 s of assessments at peak into this file: with JFR"
                             " (profile settings; summarise with src/test/load/jfr_summary.py), or with"
                             " --async-profiler as collapsed stacks, summarised at once by profile_summary.py")
    parser.add_argument("--async-profiler", metavar="LIB",
                        help="libasyncProfiler.so: --profile records with it (itimer, 1 ms) instead of JFR, whose"
                             " execution samples on JDK 24+ land on a few frames of this service")
    args = parser.parse_args()
    if args.async_profiler and not args.profile:
        parser.error("--async-profiler needs --profile FILE, where the collapsed stacks go")
    args.java = resolve_java(args.java)
    if not os.path.exists(JAR):
        sys.exit("build the benchmark service first: ./mvnw -Pbench package -Dquarkus.package.jar.type=aot-jar")
    tool("wrk")
    tool("taskset")

    work = tempfile.mkdtemp(prefix="http-bench-")
    env = make_identity_provider(work)
    args.token = mint_token(work)
    args.token_file = os.path.join(work, "token")
    with open(args.token_file, "w") as fh:
        fh.write(args.token)
    env.pop("JAVA_TOOL_OPTIONS", None)
    print(f"java: {args.java} ({java_version(args.java)})", flush=True)
    wants_cache = any(f.startswith(AOT_CACHE_FLAG) for f in dockerfile_java_opts())
    if args.no_aot_cache:
        args.aot_cache = None
    elif args.aot_cache:
        args.aot_cache = os.path.abspath(args.aot_cache)
    elif wants_cache:
        args.aot_cache = train_aot_cache(args, env, work)
    warning = packaging_warning(args.aot_cache)
    if warning:
        print(warning, flush=True)
    if args.start_only:
        starts = []
        for _ in range(args.starts):
            with open(os.path.join(work, "start.log"), "w") as log:
                s, seconds, flags = start_service(args, free_port(), env, log)
                stop(s)
            starts.append(seconds)
            print(f"start to first answered assessment: {seconds:.2f} s", flush=True)
        print(f"service: java {' '.join(flags)}")
        print(f"median of {len(starts)} starts: {statistics.median(starts):.2f} s")
        if warning:
            print(warning)
        shutil.rmtree(work, ignore_errors=True)
        return
    log = open(os.path.join(work, "service.log"), "w")
    port = free_port()
    service, first_start, flags = start_service(args, port, env, log)
    print(f"http-bench: {os.cpu_count()} cores; service on core {args.service_cpu}, wrk (1 thread) on core "
          f"{args.wrk_cpu}; {args.connections} connections; bodies sparse/typical/rich in rotation")
    print(f"service: java {' '.join(flags)} -jar {os.path.relpath(JAR, REPO)}")
    print(f"start to first answered assessment: {first_start:.2f} s", flush=True)
    load_began = time.time()
    try:
        for path in (ECHO, ASSESS):
            if post(port, path, args.token, b'{"patient": {"ageYears": 50}}') != 200:
                sys.exit(f"{path} did not answer 200; is this the -Pbench build?")
        warm_up(args, port)

        print(f"peak, {args.connections} connections, {args.rounds} rounds of {args.seconds} s per endpoint:")
        echo_runs, assess_runs = [], []
        for i in range(args.rounds):
            e = wrk(args, port, ECHO, args.seconds, args.connections)
            show(f"round {i + 1} echo", e)
            a = wrk(args, port, ASSESS, args.seconds, args.connections)
            show(f"round {i + 1} assessments", a)
            echo_runs.append(e)
            assess_runs.append(a)
        ratios = [a["rps"] / e["rps"] for e, a in zip(echo_runs, assess_runs)]
        p99_ratios = [a["p99_us"] / e["p99_us"] for e, a in zip(echo_runs, assess_runs)]

        echo_peak = median(echo_runs, "rps")
        target = echo_peak / 2
        per_connection_ms = args.connections * 1000.0 / target
        print(f"throttled to half the echo's median peak ({target:.0f} req/s): each of {args.connections} "
              f"connections waits a drawn delay before each request (WRK_DELAY_MS), calibrated once:")
        throttled = {}
        for label, path in (("echo", ECHO), ("assessments", ASSESS)):
            # the cycle of a connection is its delay plus the answer's latency: measure, then correct the delay
            delay = max(0.0, per_connection_ms - 0.5)
            probe = wrk(args, port, path, 5, args.connections, delay)
            latency_ms = args.connections * 1000.0 / probe["rps"] - delay
            delay = max(0.0, per_connection_ms - latency_ms)
            runs = [wrk(args, port, path, args.seconds, args.connections, delay) for _ in range(3)]
            for j, r in enumerate(runs):
                show(f"{label} at ~{target:.0f}/s, run {j + 1} (delay {delay:.2f} ms)", r)
            throttled[label] = runs
        load_seconds = time.time() - load_began
        rss = rss_mib(service.pid)
        if args.profile and args.async_profiler:
            # measured after RSS and apart from the figures; loaded through the Attach API (LoadAgent), since
            # jcmd's JVMTI.agent_load would take async-profiler's key=value options for its own
            def profiler(options):
                subprocess.run([args.java, LOAD_AGENT, str(service.pid), os.path.abspath(args.async_profiler), options],
                               check=True, capture_output=True)
            profiler("start,event=itimer,interval=1000000")
            profiled = wrk(args, port, ASSESS, 20, args.connections)
            profiler("stop,collapsed,file=" + os.path.abspath(args.profile))
            show("assessments under async-profiler", profiled)
            print(f"async-profiler, collapsed stacks: {args.profile}", flush=True)
            total, counts = profile_summary.summarise(args.profile)
            for name, n in counts.most_common():
                print(f"  {100 * n / max(total, 1):5.1f} %  {name}")
        elif args.profile:
            # measured after RSS and apart from the figures: the recording itself costs a little
            jcmd = os.path.join(os.path.dirname(os.path.realpath(args.java)), "jcmd")
            subprocess.run([jcmd, str(service.pid), "JFR.start", "name=bench", "settings=profile"], check=True,
                           capture_output=True)
            profiled = wrk(args, port, ASSESS, 20, args.connections)
            subprocess.run([jcmd, str(service.pid), "JFR.stop", "name=bench",
                            "filename=" + os.path.abspath(args.profile)], check=True, capture_output=True)
            show("assessments under JFR", profiled)
            print(f"JFR recording: {args.profile}", flush=True)
    finally:
        stop(service)
        log.close()

    starts = [first_start]
    for _ in range(args.starts):
        log = open(os.path.join(work, "start.log"), "w")
        port = free_port()
        s, seconds, _ = start_service(args, port, env, log)
        stop(s)
        log.close()
        starts.append(seconds)

    t_a = throttled["assessments"]
    t_e = throttled["echo"]
    ratio = statistics.median(ratios)
    p99_ratio = statistics.median(p99_ratios)
    t_p99 = median(t_a, "p99_us") / 1000
    start = statistics.median(starts)
    print()
    print(f"{'figure (medians)':52s} {'measured':>14s}  target")
    rows = [
        ("echo peak throughput", f"{echo_peak:.0f}/s", "", None),
        ("assessment peak throughput", f"{median(assess_runs, 'rps'):.0f}/s", "", None),
        ("assessments / echo throughput (per round)", f"{100 * ratio:.1f} %", ">= 80 %", ratio >= 0.8),
        ("echo p50 / p99 / p99.9 at peak (ms)", "{:.2f} / {:.2f} / {:.2f}".format(
            *(median(echo_runs, k) / 1000 for k in ("p50_us", "p99_us", "p999_us"))), "", None),
        ("assessment p50 / p99 / p99.9 at peak (ms)", "{:.2f} / {:.2f} / {:.2f}".format(
            *(median(assess_runs, k) / 1000 for k in ("p50_us", "p99_us", "p999_us"))), "", None),
        ("assessment p99 / echo p99 at peak (per round)", f"{p99_ratio:.2f} x", "<= 1.5 x", p99_ratio <= 1.5),
        (f"rate reached when throttled (target {target:.0f}/s)",
         f"{median(t_a, 'rps'):.0f}/s, echo {median(t_e, 'rps'):.0f}/s", "", None),
        ("assessment p50 / p99 / p99.9 at half peak (ms)", "{:.2f} / {:.2f} / {:.2f}".format(
            *(median(t_a, k) / 1000 for k in ("p50_us", "p99_us", "p999_us"))), "p99 <= 5 ms", t_p99 <= 5),
        ("echo p50 / p99 / p99.9 at half peak (ms)", "{:.2f} / {:.2f} / {:.2f}".format(
            *(median(t_e, k) / 1000 for k in ("p50_us", "p99_us", "p999_us"))), "", None),
        (f"start to first answered assessment ({len(starts)} starts)", f"{start:.2f} s", "<= 1 s", start <= 1.0),
        (f"RSS after {load_seconds:.0f} s of load", f"{rss:.0f} MiB", "<= 150 MB", rss * 1.048576 <= 150),
    ]
    for name, value, goal, ok in rows:
        verdict = "" if ok is None else ("PASS" if ok else "MISS")
        print(f"{name:52s} {value:>14s}  {goal} {verdict}")
    errors = sum(r["errors"] + r["status_errors"] for r in echo_runs + assess_runs + t_a + t_e)
    print(f"transport errors and non-2xx answers: {errors}")
    if warning:
        print(warning)
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
