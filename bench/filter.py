#!/usr/bin/env python3
"""`evaluate` on a 20,000-line JSONL file against `jq -c .` on the same file, binary sizes and
peak memory, for one or two release builds side by side (before/after a change).

    python3 bench/filter.py [--before BIN] [--after BIN] [--lines N] [--runs N]

Every time is a median over --runs runs with its min and max; nothing is asserted. Peak RSS is
what `/usr/bin/time -v` reports. Sizes are the file as built and after `strip`.
"""
import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from bench import generated_answers, timed  # noqa: E402  (valid answer sets from backtriage-bench; timing)

ENV = dict(os.environ, BACKTRIAGE_QUESTIONNAIRES=os.path.join(ROOT, "Questionnaires"), LANG="C.UTF-8")
ENV.pop("BACKTRIAGE_TODAY", None)


def peak_rss_kib(argv, stdin_path=None):
    """Maximum resident set size from /usr/bin/time -v."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    p = subprocess.run(["/usr/bin/time", "-v", *argv], env=ENV, stdin=stdin, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    for line in p.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1])
    return None


def digest(argv, stdin_path=None):
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    out = subprocess.run(argv, env=ENV, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    return hashlib.sha256(out).hexdigest()[:16], out.count(b"\n")


def sizes(binary):
    with tempfile.TemporaryDirectory() as d:
        stripped = os.path.join(d, "stripped")
        subprocess.run(["strip", "-o", stripped, binary], check=True)
        return os.path.getsize(binary), os.path.getsize(stripped)


def fmt(times):
    return f"{statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", help="a release binary to compare with")
    parser.add_argument("--after", default=os.path.join(ROOT, ".build/release/backtriage"))
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="backtriage-filter-")
    answers = os.path.join(work, "answers.jsonl")
    generated_answers(answers, args.lines)
    mib = os.path.getsize(answers) / 1024 / 1024
    builds = [("after", args.after)] + ([("before", args.before)] if args.before else [])

    print(f"# evaluate vs jq on {args.lines:,} lines ({mib:.1f} MiB), {args.runs} runs each\n")
    print("| build | binary | stripped |")
    print("|---|---|---|")
    for name, binary in builds:
        built, stripped = sizes(binary)
        print(f"| {name} | {built / 1024 / 1024:.1f} MiB | {stripped / 1024 / 1024:.1f} MiB |")

    jq_times, _ = timed(["jq", "-c", "."], stdin_path=answers, runs=args.runs)
    jq = statistics.median(jq_times)
    rows = [("`jq -c .` (stdin)", jq_times, {0}, peak_rss_kib(["jq", "-c", "."], answers))]
    for name, binary in builds:
        for fmt_name in ("json", "text"):
            argv = [binary, "evaluate", "--answers", answers, "--format", fmt_name]
            t, codes = timed(argv, runs=args.runs)
            rows.append((f"{name}: evaluate --format {fmt_name} (file)", t, codes, peak_rss_kib(argv)))
        if name == "after":
            argv = [binary, "evaluate", "--answers", "-", "--format", "json"]
            t, codes = timed(argv, stdin_path=answers, runs=args.runs)
            rows.append((f"{name}: evaluate --answers - --format json (stdin)", t, codes, peak_rss_kib(argv, answers)))
    print("\n| command | wall time | × jq | exit | peak RSS |")
    print("|---|---|---|---|---|")
    for label, t, codes, rss in rows:
        print(f"| {label} | {fmt(t)} | {statistics.median(t) / jq:.2f} | {','.join(map(str, sorted(codes)))} | "
              f"{rss / 1024:.1f} MiB |")

    print("\nOutputs (sha256 prefix, lines):")
    for name, binary in builds:
        for fmt_name in ("json", "text"):
            print(f"- {name} {fmt_name}: {digest([binary, 'evaluate', '--answers', answers, '--format', fmt_name])}")
    print(f"- after json from stdin: {digest([args.after, 'evaluate', '--answers', '-', '--format', 'json'], answers)}")


if __name__ == "__main__":
    main()
