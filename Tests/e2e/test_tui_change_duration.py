"""Going back from the result and changing the duration changes the result; a duration typed
with its unit in words is read in that unit, and letters after digits stay in the field."""
from tui_harness import LOW_BACK_REST, LOW_BACK_START, NO_RED_FLAGS, answer_questions, backtriage, run


def test(pane):
    p = pane(backtriage())
    answer_questions(p, LOW_BACK_START + [NO_RED_FLAGS] + LOW_BACK_REST)
    p.wait_for("SEE A DOCTOR")
    p.keys("b")
    p.wait_for("Your answers", "7 weeks")
    # Age, where it hurts, how long: the third line.
    p.keys("Down", "Down", "Enter")
    p.wait_for("How long has this episode")
    # "for 3 months" is read in months; its r stays text in the field, never the review.
    p.keys("BSpace")
    p.type("for 3 months")
    p.wait_for("for 3 months", "That is about 13 weeks.")
    p.keys(*(["BSpace"] * len("for 3 months")), "2", "Enter")
    # Under 3 weeks a duration is said in days.
    p.wait_for("Your answers", "14 days")
    # The last line of the list shows the result.
    p.keys("End")
    p.wait_for("Show my result")
    p.keys("Enter")
    p.wait_for("SELF-CARE")
    p.keys("q")
    p.wait_for("EXITED=0")


run(test)
