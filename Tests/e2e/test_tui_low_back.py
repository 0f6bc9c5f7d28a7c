"""A whole low-back-pain case, 7 weeks, no warning signs, walked to the results at 80x24. After
saving the sheet and quitting, the normal screen keeps the level, the action, the next check and
where the sheet was saved."""
from tui_harness import LOW_BACK_REST, LOW_BACK_START, NO_RED_FLAGS, Failure, answer_questions, backtriage, run


def test(pane):
    p = pane(backtriage())
    answer_questions(p, LOW_BACK_START + [NO_RED_FLAGS] + LOW_BACK_REST)
    screen = p.wait_for("SEE A DOCTOR", "Physiotherapy", "No warning sign answered yes.")
    if "Check again on 28 Dec 2026" not in screen:
        raise Failure("no next check date on the results:\n" + screen)
    p.type("s")
    p.wait_for("Summary sheet saved")
    p.keys("Escape")
    p.wait_gone("Summary sheet saved")
    p.keys("q")
    screen = p.wait_for("EXITED=0")
    after = screen.split("EXITED=0")[0]
    flat = " ".join(after.split())
    for expected in ("SEE A DOCTOR: Make an ordinary appointment", "Check again on 28 Dec 2026", "Summary sheet:", ".txt (also as ", ".html)."):
        if expected not in flat:
            raise Failure("%r is not on the terminal after quitting:\n%s" % (expected, screen))


run(test)
