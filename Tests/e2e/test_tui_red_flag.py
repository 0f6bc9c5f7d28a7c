"""A leg getting weaker interrupts the questions at once with what to do now."""
from tui_harness import LOW_BACK_START, Failure, answer_questions, backtriage, no, run


def test(pane):
    p = pane(backtriage())
    answer_questions(p, LOW_BACK_START + [no("around your anus"), no("controlling or emptying")])
    p.wait_for("getting weaker")
    p.keys("y", "Enter")
    screen = p.wait_for("Please act now", "call 112", "Your answers are saved.", "Show my result now",
                        "Go on with the questions")
    if "can point to" not in screen:
        raise Failure("the emergency box does not say what the sign can point to:\n" + screen)
    p.keys("Enter")
    p.wait_for("EMERGENCY", "A leg, foot or arm getting weaker")
    p.keys("q")
    p.wait_for("EXITED=0")


run(test)
