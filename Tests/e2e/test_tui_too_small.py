"""While the window is too small, keys other than q and Ctrl-C do nothing (version 1 let a typed
3 turn a duration of 1 into 13 unseen), the message names the plain mode, and q quits. With an
emergency answered, the small box still says the level and the whole action, first."""
import json
import os
import subprocess
import tempfile

import yaml  # PyYAML: the action's words, as the questionnaire has them

from tui_harness import QUESTIONNAIRES, Failure, backtriage, run


def test(pane_factory):
    p = pane_factory(backtriage())
    p.wait_for("Start the questions")
    p.keys("Enter")
    p.wait_for("How old are you?")
    p.type("4")
    p.resize(40, 12)
    p.wait_for("--plain")
    p.type("7")
    p.keys("Down", "Left", "BSpace", "Enter")
    p.type("y")
    p.resize(80, 24)
    screen = p.wait_for("How old are you?")
    if "47" in screen or "4" not in screen:
        raise Failure("keys typed on the too-small screen changed the answer:\n" + screen)
    p.resize(40, 12)
    p.wait_for("--plain")
    p.type("q")
    p.wait_for("EXITED=0")

    # An emergency sign answered yes: the interrupt stands; shrinking the window keeps its action.
    work = tempfile.mkdtemp(prefix="bt-small-")
    answers = os.path.join(work, "emergency.json")
    with open(answers, "w") as f:
        json.dump({"questionnaire": "back-pain", "answers": {"rf_saddle_numbness": True}}, f)
    e = pane_factory(backtriage("--answers", answers))
    e.wait_for("Start the questions")
    e.keys("Enter")
    e.wait_for("Please act now")
    e.resize(50, 16)
    screen = e.wait_for("The window is 50x16")
    box = " ".join(" ".join(line.strip("│ ") for line in screen.splitlines() if line.startswith("│")).split())
    # The action as evaluate gives it for the same answers, whole, in the box.
    result = subprocess.run([os.environ["BACKTRIAGE"], "evaluate", "--answers", answers, "--format", "json"], capture_output=True, text=True)
    action = json.loads(result.stdout)["action"]
    with open(os.path.join(QUESTIONNAIRES, "back-pain", "catalog.yaml")) as f:
        text = next(a["text"]["en"] for a in yaml.safe_load(f)["actions"] if a["id"] == action)
    if not box.startswith("EMERGENCY: ") or "…" in screen or " ".join(text.split()) not in box:
        raise Failure("the small box does not say the whole emergency action %r:\n%s" % (text, screen))
    if screen.index("EMERGENCY") > screen.index("The window is"):
        raise Failure("the action is not first in the small box:\n" + screen)
    e.type("q")
    e.wait_for("EXITED=0")


run(test)
