"""--lang de shows the German interface and questions; L switches back keeping answers."""
from tui_harness import backtriage, run


def test(pane):
    p = pane(backtriage("--lang", "de"))
    p.wait_for("Rückenschmerzen", "keine Diagnose", "Mit den Fragen beginnen")
    p.keys("Enter")
    p.wait_for("Wie alt sind Sie?", "weiter")
    p.type("47")
    p.keys("Enter")
    p.wait_for("Wo haben Sie hauptsächlich Schmerzen?", "Unterer Rücken")
    p.keys("L")
    p.wait_for("Where is your pain mainly?", "Lower back")
    p.keys("Left")
    p.wait_for("How old are you?", "47")
    p.keys("q")
    p.wait_for("EXITED=0")


run(test)
