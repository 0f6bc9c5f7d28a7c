"""Ctrl-C saves, exits 130 as documented, and leaves the terminal as it was; a restart offers to continue."""
import json
import os

from tui_harness import Failure, answer_questions, backtriage, run, same_settings, stty_wrapped


def test(pane):
    p, before, after = stty_wrapped(pane)
    answer_questions(p, [("Start the questions", ["Enter"]), ("How old are you?", ["47", "Enter"]),
                         ("Where is your pain mainly?", ["1", "Enter"])])
    p.wait_for("How long has this episode")
    p.keys("C-c")
    p.wait_for("RC=130")
    if not same_settings(before, after):
        raise Failure("stty differs after Ctrl-C")

    path = os.path.join(p.state_home, "backtriage", "back-pain.json")
    with open(path) as f:
        saved = json.load(f)
    if saved["answers"] != {"age": 47, "region": "lower_back"}:
        raise Failure("unexpected saved answers: %r" % saved)
    if oct(os.stat(path).st_mode & 0o777) != oct(0o600):
        raise Failure("session file mode is %o" % (os.stat(path).st_mode & 0o777))

    again = pane(backtriage(), state_home=p.state_home)
    again.wait_for("Continue where I stopped", "Start over", "(2 of ")
    again.keys("Enter")
    again.wait_for("How long has this episode")
    again.keys("q")
    again.wait_for("EXITED=0")


run(test)
