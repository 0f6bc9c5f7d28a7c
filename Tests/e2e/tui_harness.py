"""Drives the real backtriage binary in a private tmux server, for the test_tui_*.py scripts.

Stdlib only. Each test polls the pane with a timeout instead of sleeping a fixed time, and
exits non-zero with the screen it saw when an expectation fails.
"""
import os
import shlex
import subprocess
import sys
import tempfile
import time

BINARY = os.environ.get("BACKTRIAGE") or sys.exit("set BACKTRIAGE to the backtriage binary")
QUESTIONNAIRES = os.environ.get("BACKTRIAGE_QUESTIONNAIRES", "")


class Failure(Exception):
    pass


class Pane:
    """One tmux session running one command, on a tmux server of its own."""

    def __init__(self, command, width=80, height=24, state_home=None, extra_env=None):
        self.socket = "bt-e2e-%d-%d" % (os.getpid(), id(self))
        self.state_home = state_home or tempfile.mkdtemp(prefix="bt-state-")
        env = {"XDG_STATE_HOME": self.state_home, "XDG_DATA_HOME": self.state_home, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
               "BACKTRIAGE_QUESTIONNAIRES": QUESTIONNAIRES, "BACKTRIAGE_TODAY": "2026-11-23"}
        env.update(extra_env or {})
        self.env = env
        args = ["new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height)]
        for key, value in env.items():
            args += ["-e", "%s=%s" % (key, value)]
        # Keep the pane open after the program ends so its last words can be read.
        args.append("%s; echo EXITED=$?; sleep 600" % command)
        self.tmux(*args)

    def tmux(self, *args):
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        result = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null"] + list(args),
                                capture_output=True, text=True, env=env, timeout=20)
        if result.returncode != 0:
            raise Failure("tmux %s failed: %s" % (" ".join(args[:2]), result.stderr.strip()))
        return result.stdout

    def keys(self, *keys):
        """Sends tmux key names (Enter, Left, C-c) or literal text."""
        for key in keys:
            self.tmux("send-keys", "-t", "t", key)

    def type(self, text):
        self.tmux("send-keys", "-t", "t", "-l", text)

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "t")

    def wait_for(self, *texts, timeout=15):
        """Waits until every text is on screen; returns the screen."""
        deadline = time.time() + timeout
        while True:
            screen = self.screen()
            if all(t in screen for t in texts):
                return screen
            if time.time() > deadline:
                missing = [t for t in texts if t not in screen]
                raise Failure("timed out waiting for %r; the screen was:\n%s" % (missing, screen))
            time.sleep(0.1)

    def wait_until(self, description, predicate, timeout=15):
        """Waits until `predicate(screen)` holds; returns the screen."""
        deadline = time.time() + timeout
        while True:
            screen = self.screen()
            if predicate(screen):
                return screen
            if time.time() > deadline:
                raise Failure("timed out waiting for %s; the screen was:\n%s" % (description, screen))
            time.sleep(0.1)

    def wait_gone(self, text, timeout=15):
        deadline = time.time() + timeout
        while text in self.screen():
            if time.time() > deadline:
                raise Failure("%r stayed on screen:\n%s" % (text, self.screen()))
            time.sleep(0.1)

    def resize(self, width, height):
        self.tmux("resize-window", "-t", "t", "-x", str(width), "-y", str(height))

    def close(self):
        try:
            self.tmux("kill-server")
        except Exception:
            pass


def backtriage(*args):
    return " ".join(shlex.quote(a) for a in [BINARY] + list(args))


def stty_wrapped(pane_factory, *args):
    """A pane running backtriage between two `stty -g`; returns (pane, before file, after file).

    The shell prints RC=<exit status> when backtriage ends, so tests can compare the terminal
    settings from before and after.
    """
    work = tempfile.mkdtemp(prefix="bt-stty-")
    before, after = os.path.join(work, "before"), os.path.join(work, "after")
    wrapper = "stty -g > %s; %s; rc=$?; stty -g > %s; echo RC=$rc" % (before, backtriage(*args), after)
    return pane_factory("sh -c '%s'" % wrapper.replace("'", "'\\''")), before, after


def same_settings(before, after):
    with open(before) as f, open(after) as g:
        return f.read().strip() == g.read().strip()


def answer_questions(pane, answers):
    """Answers questions in order. Each entry is (text expected on screen, keys to press)."""
    for expected, keys in answers:
        pane.wait_for(expected)
        for key in keys:
            if key in ("Enter", "Tab", "BSpace", "Left", "Right", "Up", "Down", "Home", "Escape", "C-c"):
                pane.keys(key)
            else:
                pane.type(key)
        if "Enter" in keys:
            pane.wait_gone(expected)


def no(question):
    return (question, ["n", "Enter"])


# A 47-year-old with 7 weeks of lower back pain, no warning signs: the questions in order.
LOW_BACK_START = [
    ("Start the questions", ["Enter"]),
    ("How old are you?", ["47", "Enter"]),
    ("Where is your pain mainly?", ["1", "Enter"]),
    ("How long has this episode", ["7", "Enter"]),
    no("keep coming back"),
    ("How strong was your pain", ["6", "Enter"]),
    no("shoot into one or both legs"),
    no("numbness or tingling in a leg"),
    no("When you walk or stand"),
    ("already found a specific cause", ["1", "Enter"]),
]
# The lines of the warning-sign checklist, in order (all on one screen at 80x24).
CHECKLIST = "Do you have any of these right now?"
RED_FLAGS = ["Numbness around the anus", "controlling or emptying", "both legs", "getting weaker",
             "Sudden severe pain", "Very unwell", "Fever or chills", "Began after a serious accident", "Pain in the side",
             "Osteoporosis", "Cancer now", "Weight loss", "at night", "Worse week after week", "Recent infection"]


def checklist(*yes):
    """Answers every line of the warning-sign checklist (no, unless its number is in `yes`), then Enter."""
    return (CHECKLIST, ["y" if i + 1 in yes else "n" for i in range(len(RED_FLAGS))] + ["Enter"])


NO_RED_FLAGS = checklist()
LOW_BACK_REST = [
    no("worried that moving"),
    no("never get better"),
    no("felt down"),
    no("a lot of stress"),
    no("mostly resting"),
    no("disturb your sleep"),
    no("limit your everyday life"),
    ("have you taken painkillers", ["0", "Enter"]),
    no("Do any of these apply to you"),
    no("treatment without surgery"),
]


def run(test):
    """Runs `test(pane_factory)`, closing every pane, and exits 0 or 1 with a message."""
    panes = []

    def factory(*args, **kwargs):
        pane = Pane(*args, **kwargs)
        panes.append(pane)
        return pane

    try:
        test(factory)
    except Failure as failure:
        print("FAIL: %s" % failure)
        sys.exit(1)
    finally:
        for pane in panes:
            pane.close()
    print("ok")
    sys.exit(0)
