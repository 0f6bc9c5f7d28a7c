"""Helpers for end-to-end tests of the real binary (stdlib only)."""
import json
import os
import subprocess
import sys
import tempfile

BIN = os.environ["BACKTRIAGE"]
QUESTIONNAIRES = os.environ["BACKTRIAGE_QUESTIONNAIRES"]
FIXTURES = os.path.join(os.path.dirname(__file__), "..", "TriageKitTests", "Fixtures")


def run(*args, stdin=None, env=None, timeout=60):
    """Runs backtriage with args; returns (exit code, stdout, stderr)."""
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True, timeout=timeout, env=e)
    return p.returncode, p.stdout, p.stderr


def vignettes():
    path = os.environ.get("VIGNETTES")
    if not path or not os.path.exists(path):
        path = os.path.join(FIXTURES, "vignettes.json")
    with open(path) as f:
        return json.load(f)


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def answer_file(directory, name, answers, date="2026-11-23"):
    return write(directory, name, json.dumps({"questionnaire": "back-pain", "date": date, "answers": answers}))


def meets(result, expect):
    """The differences between a JSON result and a vignette's expectation, as messages."""
    problems = []
    if "triage" in expect and result["triage"] != expect["triage"]:
        problems.append(f"triage {result['triage']} != {expect['triage']}")
    for s in expect.get("include", []):
        if s not in result["suggestions"]:
            problems.append(f"missing suggestion {s}")
    for s in expect.get("exclude", []):
        if s in result["suggestions"]:
            problems.append(f"unexpected suggestion {s}")
    for c in expect.get("cautions", []):
        if c not in result["cautions"]:
            problems.append(f"missing caution {c}")
    for n in expect.get("notes", []):
        if n not in result["notes"]:
            problems.append(f"missing note {n}")
    for n in expect.get("no_notes", []):
        if n in result["notes"]:
            problems.append(f"unexpected note {n}")
    if expect.get("empty") and (result["suggestions"] or result["cautions"]):
        problems.append("expected no suggestions and no cautions")
    if "next_check" in expect:
        weeks = result["next_check"]["weeks"] if result["next_check"] else None
        if weeks != expect["next_check"]:
            problems.append(f"next check {weeks} != {expect['next_check']}")
    return problems


class Failures:
    """Collects failed checks; exits non-zero at the end when any failed."""

    def __init__(self):
        self.messages = []

    def check(self, ok, message):
        if not ok:
            self.messages.append(message)

    def finish(self):
        for m in self.messages:
            print("FAIL:", m)
        sys.exit(1 if self.messages else 0)


def tempdir():
    return tempfile.mkdtemp(prefix="backtriage-e2e-")
