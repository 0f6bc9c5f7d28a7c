"""A whole low-back-pain case, 7 weeks, no warning signs, walked to the results at 80x24."""
from tui_harness import LOW_BACK_REST, LOW_BACK_START, NO_RED_FLAGS, Failure, answer_questions, backtriage, run


def test(pane):
    p = pane(backtriage())
    answer_questions(p, LOW_BACK_START + [NO_RED_FLAGS] + LOW_BACK_REST)
    screen = p.wait_for("SEE A DOCTOR", "Physiotherapy", "No warning sign answered yes.")
    if "Check again on 28 Dec 2026" not in screen:
        raise Failure("no next check date on the results:\n" + screen)
    p.keys("q")
    p.wait_for("EXITED=0")


run(test)
