"""Resizing in the middle of a question redraws from state and keeps the typed answer."""
from tui_harness import Failure, backtriage, run


def test(pane):
    p = pane(backtriage())
    p.wait_for("Start the questions")
    p.keys("Enter")
    p.wait_for("How old are you?")
    p.type("47")
    p.wait_for("47")
    p.resize(120, 40)
    screen = p.wait_until("the frame redrawn at 120x40", lambda s: s.splitlines()[0].rstrip().endswith("┐")
                          and len(s.splitlines()[0].rstrip()) == 120 and len(s.rstrip().splitlines()) == 40)
    if "How old are you?" not in screen or "47" not in screen:
        raise Failure("the question or the typed answer was lost on resize:\n" + screen)
    p.resize(60, 18)
    p.wait_for("60x18", "at least 80x24")
    p.resize(80, 24)
    p.wait_for("How old are you?", "47")
    p.keys("Enter")
    p.wait_for("Where is your pain mainly?")
    p.keys("q")
    p.wait_for("EXITED=0")


run(test)
