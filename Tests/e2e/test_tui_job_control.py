"""Job control as in htop and mutt: Ctrl-Z in the full-screen interface gives the terminal back to
an interactive shell (the job is reported stopped, the screen is the shell's), `fg` draws the
question again with the typed answer kept, and the session goes on and ends normally."""
from tui_harness import Failure, backtriage, run


def test(pane_factory):
    # An interactive shell, so that there is job control to hand the terminal back to.
    p = pane_factory("env PS1='shell$ ' bash --norc --noprofile -i")
    p.wait_for("shell$")
    p.type(backtriage())
    p.keys("Enter")
    p.wait_for("Start the questions")
    p.keys("Enter")
    p.wait_for("How old are you?")
    p.type("47")
    p.keys("C-z")
    screen = p.wait_for("Stopped", "shell$")
    if "How old are you?" in screen.split("Stopped")[-1]:
        raise Failure("the interface stayed on screen after Ctrl-Z:\n" + screen)
    p.type("fg")
    p.keys("Enter")
    screen = p.wait_for("How old are you?", "47")
    if "shell$" in screen:
        raise Failure("fg did not draw the whole screen again:\n" + screen)
    p.keys("Enter")
    p.wait_for("Where is your pain mainly?")
    p.type("q")
    p.wait_for("shell$ ")
    p.type("echo RC=$?")
    p.keys("Enter")
    p.wait_for("RC=0")


run(test)
