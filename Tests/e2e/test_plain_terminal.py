"""The plain mode on a narrow terminal (tmux, 46 columns, German): every line is wrapped by the
program between words, so the terminal never breaks a word or a number ("1 bis 12/0."); a refused
choice says "1 oder 2"-style wording; Ctrl-D at a prompt ends the prompt's line before saying that
the input ended, and the exit status is 3, as documented."""
from tui_harness import Failure, backtriage, run

WIDTH = 46


def wait_words(pane, text):
    """Waits until `text` is on screen, perhaps wrapped over lines."""
    return pane.wait_until(repr(text), lambda screen: text in " ".join(screen.split()))


def test(pane_factory):
    p = pane_factory(backtriage("--plain", "--lang", "de"), width=WIDTH, height=40)
    wait_words(p, "Wie alt sind Sie?")
    p.type("47")
    p.keys("Enter")
    wait_words(p, "Wo haben Sie")
    p.type("9")
    p.keys("Enter")
    wait_words(p, "Nicht verstanden")
    screen = p.screen()
    # Lines the terminal wrapped itself are joined by -J; lines the program wrapped are not.
    joined = p.tmux("capture-pane", "-p", "-J", "-t", "t")
    def lines_of(text):
        return [line.rstrip() for line in text.rstrip().split("\n")]
    if lines_of(joined) != lines_of(screen):
        raise Failure("the terminal had to break lines the program did not wrap:\n" + screen)
    if any(len(line) > WIDTH for line in screen.split("\n")):
        raise Failure("a line is wider than the terminal:\n" + screen)
    flat = " ".join(screen.split())
    if "1 bis 120" not in flat:
        raise Failure("the range is not said whole:\n" + screen)
    if "Nummer von 1 bis" not in flat and "1 oder 2" not in flat:
        raise Failure("the refused choice does not say what to type:\n" + screen)
    p.keys("C-d")
    screen = p.wait_for("EXITED=")
    lines = [line.rstrip() for line in screen.split("\n")]
    ended = next(i for i, line in enumerate(lines) if "Die Eingabe endete" in line)
    if lines[ended].startswith(">"):
        raise Failure("the message stands after the prompt:\n" + screen)
    if "EXITED=3" not in screen:
        raise Failure("Ctrl-D did not exit 3 as documented:\n" + screen)


run(test)
