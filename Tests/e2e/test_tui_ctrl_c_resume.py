"""Ctrl-C saves and leaves the terminal as it was; a restart offers to continue."""
import json
import os
import tempfile

from tui_harness import Failure, answer_questions, backtriage, run


def test(pane):
    work = tempfile.mkdtemp(prefix="bt-stty-")
    before, after = os.path.join(work, "before"), os.path.join(work, "after")
    wrapper = "stty -g > %s; %s; rc=$?; stty -g > %s; echo RC=$rc" % (before, backtriage(), after)
    p = pane("sh -c '%s'" % wrapper.replace("'", "'\\''"))
    answer_questions(p, [("Start the questions", ["Enter"]), ("How old are you?", ["47", "Enter"]),
                         ("Where is your pain mainly?", ["1", "Enter"])])
    p.wait_for("How long has this episode")
    p.keys("C-c")
    p.wait_for("RC=0")
    with open(before) as f, open(after) as g:
        settings_before, settings_after = f.read().strip(), g.read().strip()
    if settings_before != settings_after:
        raise Failure("stty differs after Ctrl-C:\nbefore %s\nafter  %s" % (settings_before, settings_after))

    path = os.path.join(p.state_home, "backtriage", "back-pain.json")
    with open(path) as f:
        saved = json.load(f)
    if saved["answers"] != {"age": 47, "region": "lower_back"}:
        raise Failure("unexpected saved answers: %r" % saved)
    if oct(os.stat(path).st_mode & 0o777) != oct(0o600):
        raise Failure("session file mode is %o" % (os.stat(path).st_mode & 0o777))

    again = pane(backtriage(), state_home=p.state_home)
    again.wait_for("Continue where I stopped", "Start over", "2 answered")
    again.keys("Enter")
    again.wait_for("How long has this episode")
    again.keys("q")
    again.wait_for("EXITED=0")


run(test)
