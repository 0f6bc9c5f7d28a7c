#!/usr/bin/env python3
"""`make bench`: measures a release build and writes BENCHMARKS.md.

Every figure is a median with its spread over repeated runs, never a single run. Nothing here
asserts a time: the targets are reported beside the figures, met or not.
"""
import json
import os
import platform
import pty
import random
import resource
import select
import signal
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build/release/backtriage")
ENGINE_BIN = os.path.join(ROOT, ".build/release/backtriage-bench")
QUESTIONNAIRES = os.path.join(ROOT, "Questionnaires")
VIGNETTES = os.path.join(ROOT, "Tests/TriageKitTests/Fixtures/vignettes.json")
WORK = os.environ.get("BENCH_DIR", "/tmp/backtriage-bench")
ENV = dict(os.environ, BACKTRIAGE_QUESTIONNAIRES=QUESTIONNAIRES, TERM="xterm-256color", LANG="C.UTF-8",
           XDG_STATE_HOME=os.path.join(WORK, "state"))


def spread(values):
    values = sorted(values)
    q = lambda p: values[min(len(values) - 1, int(round(p * (len(values) - 1))))]
    return {"median": statistics.median(values), "min": values[0], "max": values[-1], "p99": q(0.99), "n": len(values)}


def fmt_ms(s):
    return f"{s['median'] * 1000:.2f} ms (min {s['min'] * 1000:.2f}, max {s['max'] * 1000:.2f}, n={s['n']})"


# ---------------------------------------------------------------- pseudo-terminal driving

class Pty:
    """A program in a pseudo-terminal of 80x24: write keys, read output, measure."""

    def __init__(self, argv, env, rows=24, cols=80):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            import fcntl, struct, termios
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(argv[0], argv, env)
        import fcntl, struct, termios
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.output = b""

    def read_until(self, predicate, timeout=10.0):
        """Reads until predicate(output) holds; returns the time it held."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if r:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.output += chunk
                if predicate(self.output):
                    return time.perf_counter()
        raise TimeoutError("screen not reached; last output: %r" % self.output[-300:])

    def burst_after(self, keys, quiet=0.02, timeout=5.0):
        """Sends keys; returns seconds until the last byte of the redraw they cause.

        The redraw is over when no byte arrives for `quiet` seconds; that wait is not counted.
        """
        self.output = b""
        start = time.perf_counter()
        os.write(self.fd, keys)
        last = None
        deadline = start + timeout
        while time.perf_counter() < deadline:
            r, _, _ = select.select([self.fd], [], [], quiet if last else timeout)
            if not r:
                break
            chunk = os.read(self.fd, 65536)
            if not chunk:
                break
            self.output += chunk
            last = time.perf_counter()
        if last is None:
            raise TimeoutError("no redraw after %r" % keys)
        return last - start

    def kill(self):
        """Ends the program; returns its CPU seconds (user + system) and peak RSS in KiB."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, _, usage = os.wait4(self.pid, 0)
        os.close(self.fd)
        return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def first_frame(argv, env, done, runs=20):
    """Wall time from exec to a complete first frame, and the CPU time spent until then."""
    walls, cpus = [], []
    for _ in range(runs):
        start = time.perf_counter()
        p = Pty(argv, env)
        end = p.read_until(done)
        cpu, _ = p.kill()
        walls.append(end - start)
        cpus.append(cpu)
    return spread(walls), spread(cpus)


# ---------------------------------------------------------------- helpers

def run(argv, **kw):
    return subprocess.run(argv, env=ENV, capture_output=True, text=True, **kw)


def peak_rss_kib(argv, stdin=None):
    """Peak resident memory of a finished child, from wait4."""
    p = subprocess.Popen(argv, env=ENV, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if stdin:
        p.stdin.write(stdin.encode())
        p.stdin.close()
    _, _, usage = os.wait4(p.pid, 0)
    return usage.ru_maxrss


def generate_answers(path, count, seed=7):
    """`count` valid answer sets around the vignettes, varied in every answer the rules read."""
    random.seed(seed)
    cases = json.load(open(VIGNETTES))
    with open(path, "w") as out:
        for _ in range(count):
            a = dict(random.choice(cases)["answers"])
            a["age"] = random.randint(18, 99)
            a["duration_weeks"] = round(random.uniform(0, 60), 1)
            a["intensity"] = random.randint(0, 10)
            a["painkiller_weeks"] = round(random.uniform(0, 6), 1)
            for k in list(a):
                if k.startswith(("rf_", "yf_")) or k in ("recurrent", "sleep_problems", "daily_limits", "conservative_failed"):
                    a[k] = random.random() < 0.1
            out.write(json.dumps({"questionnaire": "back-pain", "date": "2026-11-23", "answers": a}) + "\n")
