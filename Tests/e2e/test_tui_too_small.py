"""While the window is too small, keys other than q and Ctrl-C do nothing (version 1 let a typed
3 turn a duration of 1 into 13 unseen), the message names the plain mode, and q quits."""
from tui_harness import Failure, backtriage, run


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


run(test)
