"""SIGTERM, SIGHUP, SIGINT, and SIGTSTP then SIGCONT while the full-screen interface runs: the
program ends within a second, the terminal is restored (stty -g equal before and after), the
answers are kept, a restart resumes. run.sh runs this against the debug build and against the
release build that `make install` ships (version 1's release build ignored these signals)."""
import json
import os
import signal
import subprocess
import time

from tui_harness import Failure, answer_questions, backtriage, run, same_settings, stty_wrapped


def child_of(pane, name="backtriage"):
    """The pid of the backtriage process running in the pane."""
    deadline = time.time() + 10
    while time.time() < deadline:
        out = subprocess.run(["pgrep", "-f", "-n", "^" + backtriage()], capture_output=True, text=True).stdout.split()
        if out:
            return int(out[0])
        time.sleep(0.1)
    raise Failure("backtriage process not found")


def start(pane_factory):
    p, before, after = stty_wrapped(pane_factory)
    answer_questions(p, [("Start the questions", ["Enter"]), ("How old are you?", ["52", "Enter"]),
                         ("Where is your pain mainly?", ["3", "Enter"])])
    p.wait_for("How long has this episode")
    return p, before, after


def ended(pid):
    """Whether the process has ended (gone, or a zombie waiting for its parent)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def ends_within(pid, seconds, what):
    deadline = time.time() + seconds
    while not ended(pid):
        if time.time() > deadline:
            raise Failure("%s: the process still runs %.1f s after the signal" % (what, seconds))
        time.sleep(0.01)


def check_restored(p, before, after, expected_rc, what):
    p.wait_for("RC=%d" % expected_rc)
    if not same_settings(before, after):
        raise Failure("%s: terminal settings differ after the signal" % what)
    with open(os.path.join(p.state_home, "backtriage", "back-pain.json")) as f:
        saved = json.load(f)
    if saved["answers"] != {"age": 52, "region": "neck"}:
        raise Failure("%s: answers not kept: %r" % (what, saved["answers"]))


def test(pane_factory):
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        p, before, after = start(pane_factory)
        pid = child_of(p)
        os.kill(pid, sig)
        ends_within(pid, 1.0, sig.name)
        check_restored(p, before, after, 128 + sig, sig.name)

    # Suspend and continue: the screen comes back as it was, then quitting restores the terminal.
    p, before, after = start(pane_factory)
    pid = child_of(p)
    os.kill(pid, signal.SIGTSTP)
    time.sleep(0.5)
    os.kill(pid, signal.SIGCONT)
    p.keys("C-l")
    p.wait_for("How long has this episode")
    p.type("3")
    p.keys("Enter")
    p.wait_gone("How long has this episode")
    p.keys("C-c")
    p.wait_for("RC=130")
    if not same_settings(before, after):
        raise Failure("SIGTSTP/SIGCONT: terminal settings differ at the end")

    with open(os.path.join(p.state_home, "backtriage", "back-pain.json")) as f:
        if json.load(f)["answers"].get("duration_weeks") != 3:
            raise Failure("the answer given after SIGCONT was not saved")
    # A restart after a signal offers to go on from the first unanswered question.
    again = pane_factory(backtriage(), state_home=p.state_home)
    again.wait_for("Continue where I stopped", "(3 of ")
    again.keys("Enter")
    again.wait_for("keep coming back")
    again.keys("C-c")
    again.wait_for("EXITED=130")


run(test)
