"""The 0-10 pain scale takes two digits: 1 then 0 stores 10 (version 1 stored 0), and Home and
End go to the ends of the scale, not to another question."""
from tui_harness import Failure, answer_questions, backtriage, run


def test(pane):
    p = pane(backtriage("--no-save"))
    answer_questions(p, [
        ("Start the questions", ["Enter"]),
        ("How old are you?", ["47", "Enter"]),
        ("Where is your pain mainly?", ["1", "Enter"]),
        ("How long has this episode", ["3", "Enter"]),
        ("keep coming back", ["n", "Enter"]),
    ])
    p.wait_for("How strong was your pain")
    p.keys("End")
    p.wait_for("Your choice: 10")
    p.keys("Home")
    p.wait_for("Your choice: 0", "How strong was your pain")
    p.type("10")
    p.wait_for("Your choice: 10")
    p.keys("Enter")
    p.wait_gone("How strong was your pain")
    p.keys("r")
    screen = p.wait_for("Your answers", "Pain intensity")
    if not any("Pain intensity" in line and "10/10" in line for line in screen.splitlines()):
        raise Failure("typing 1 then 0 did not store 10:\n" + screen)
    p.keys("C-c")
    p.wait_for("EXITED=130")


run(test)
