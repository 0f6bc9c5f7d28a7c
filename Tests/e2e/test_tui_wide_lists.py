"""Lists use the width they have: at 200x60 the results list shows each title whole beside its
preview, and the review shows every label and answer whole (no "…"), where the 76-column text
column used to cut them beside empty columns. The release build in tmux, as a person sees it."""
from tui_harness import (Failure, LOW_BACK_REST, LOW_BACK_START, NO_RED_FLAGS, answer_questions,
                         backtriage, run)


def test(pane):
    p = pane(backtriage(), width=200, height=60)
    answer_questions(p, LOW_BACK_START + [NO_RED_FLAGS] + LOW_BACK_REST)
    screen = p.wait_for("What the guidance suggests", "Questions to ask your doctor")
    rows = screen.splitlines()
    start = next(i for i, row in enumerate(rows) if "What the guidance suggests" in row)
    # The list's column ends at the preview's bar; nothing in it is cut but the doctor's
    # questions and the answers' summary, which are sentences the preview shows whole.
    questions = next(i for i, row in enumerate(rows) if "Questions to ask your doctor" in row)
    for row in rows[start:questions]:
        left = row.split("│")[1] if row.count("│") >= 3 else row
        if "…" in left:
            raise Failure("a title is cut in the results list at 200 columns:\n" + screen)
    p.keys("b")
    screen = p.wait_for("Your answers", "Show my result")
    if "…" in screen:
        raise Failure("the review cuts a label or an answer at 200 columns:\n" + screen)
    for label in ("Numbness around the anus, genitals or inner thighs", "47 years"):
        if label not in screen:
            raise Failure("%r is not whole in the review:\n%s" % (label, screen))
    p.keys("q")


run(test)
