"""--lang de shows the German interface: German dates and numbers, j (ja) answers yes and the
footer says j/n, and pressing j twice still means yes. L switches language keeping answers."""
from tui_harness import Failure, backtriage, run


def test(pane):
    p = pane(backtriage("--lang", "de"))
    p.wait_for("Rücken- und Nackenschmerzen", "keine Diagnose", "Mit den Fragen beginnen")
    p.keys("Enter")
    p.wait_for("Wie alt sind Sie?", "weiter")
    p.type("47")
    p.keys("Enter")
    p.wait_for("Wo haben Sie hauptsächlich Schmerzen?", "Unterer Rücken")
    p.keys("1", "Enter")
    # A start date the German way becomes weeks until today (2026-11-23).
    p.wait_for("Wie lange")
    p.type("9.11.2026")
    p.wait_for("Seit 09.11.2026: 14 Tage.")
    p.keys("Enter")
    screen = p.wait_for("j/n ja / nein")
    if "y/n" in screen:
        raise Failure("the German footer names y/n:\n" + screen)
    # j is ja, however often it is pressed; it never moves the cursor to Nein.
    p.type("jj")
    p.keys("Enter")
    p.wait_for("Wie stark")
    p.keys("r")
    screen = p.wait_for("Ihre Antworten", "14 Tage", "47 Jahre")
    if not any("Kommt immer wieder" in line and "ja" in line for line in screen.splitlines()):
        raise Failure("j did not answer yes:\n" + screen)
    p.keys("Escape")
    p.wait_for("Wie stark")
    p.keys("L")
    p.wait_for("How strong", "Backspace back")
    p.keys("BSpace")
    p.wait_for("Does this pain keep coming back")
    p.keys("q")
    p.wait_for("EXITED=0")


run(test)
