#!/usr/bin/env python3
"""Summarises async-profiler's collapsed stacks of the service by what the time was spent on.

    python3 src/test/load/profile_summary.py profile.collapsed

Each sample goes to the first category whose marker appears anywhere in its stack (so the token check counts once,
even when it runs inside the request log's handler); the rest is the HTTP stack (Vert.x, Netty, RESTEasy Reactive),
the request log, metrics and tracing, and frames the profiler could not name. http_bench.py --async-profiler writes
such a file for 20 s of assessments at peak.
"""
import argparse
import collections

CATEGORIES = [
    ("token check (SmallRye JWT, jose4j)", ["DefaultJWTParser", "org/jose4j", "org.jose4j", "JWTAuthMechanism"]),
    ("reading and validating the body", ["AssessmentRequestBodyReader.readFrom"]),
    ("engine", ["org/footpain/engine/Assessor.assess", "org.footpain.engine.Assessor.assess"]),
    ("building the answer", ["AssessmentResponses.of"]),
    ("writing the answer (Jackson)", ["JacksonMessageBodyWriter", "ObjectWriter.writeValue", "ObjectMapper.writeValue"]),
    ("garbage collection", ["VM_GenCollect", "DefNewGeneration", "SerialHeap", "TenuredGeneration"]),
    ("JIT compilers", ["CompileBroker", "C2Compiler", "Compiler::compile"]),
    ("socket writes", ["writev", "__GI_write"]),
]
REST = "the rest: HTTP stack, request log, metrics, tracing, unnamed frames"


def summarise(path):
    counts, total = collections.Counter(), 0
    with open(path) as collapsed:
        for line in collapsed:
            stack, _, samples = line.rstrip().rpartition(" ")
            if not samples.isdigit():
                continue
            n = int(samples)
            total += n
            name = next((c for c, markers in CATEGORIES if any(m in stack for m in markers)), REST)
            counts[name] += n
    return total, counts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("collapsed")
    args = parser.parse_args()
    total, counts = summarise(args.collapsed)
    print(f"{total} samples")
    for name, n in counts.most_common():
        print(f"  {100 * n / max(total, 1):5.1f} %  {name}")


if __name__ == "__main__":
    main()
