"""The warning signs are one checklist: numbered lines, scrolling at 80x24 with a "more" mark so
that the selected line's whole question fits under them, Enter refused until each line has an
answer, and an emergency sign interrupts at once with what to do now, which the terminal still
shows after quitting."""
import time

from tui_harness import CHECKLIST, LOW_BACK_START, RED_FLAGS, Failure, answer_questions, backtriage, run


def test(pane):
    p = pane(backtriage())
    answer_questions(p, LOW_BACK_START)
    screen = p.wait_for(CHECKLIST, "yes", "no", RED_FLAGS[0], "more below")
    # Moving down scrolls the list; every line shows, numbered.
    seen = screen
    for _ in RED_FLAGS[1:]:
        p.keys("Down")
        time.sleep(0.15)
        seen += p.screen()
    for number, text in enumerate(RED_FLAGS, 1):
        if not any(("%d  " % number) in line and text in line for line in seen.splitlines()):
            raise Failure("line %d (%s) is not numbered:\n%s" % (number, text, seen[-2500:]))
    p.keys(*(["Up"] * (len(RED_FLAGS) - 1)))
    # Enter before every line has an answer says how many are missing and keeps the screen.
    p.keys("n", "n", "Enter")
    p.wait_for("%d lines are still unanswered" % (len(RED_FLAGS) - 2), CHECKLIST)
    # The first unanswered line is selected; y answers it at once.
    p.keys("y")
    screen = p.wait_for("Please act now", "112", "Your answers are saved.", "Show my result now",
                        "Go on with the questions")
    if "can point to" not in screen:
        raise Failure("the emergency box does not say what the sign can point to:\n" + screen)
    p.keys("Enter")
    p.wait_for("EMERGENCY", RED_FLAGS[2])
    p.keys("q")
    p.wait_for("EXITED=0", "EMERGENCY: ")


run(test)
