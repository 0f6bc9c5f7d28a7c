"""LANG=de_DE.UTF-8 on a system without that locale (only C.UTF-8 installed, as in containers):
the interface stays German and still draws Unicode, not ASCII boxes and "Rueckenschmerzen"."""
import subprocess

from tui_harness import Failure, Pane, backtriage, run


def test(pane):
    # A locale name no system installs, so the fallback is tested wherever this runs.
    for name in ("de_DE.UTF-8", "de_ZZ.UTF-8"):
        p = pane(backtriage(), extra_env={"LANG": name, "LC_ALL": ""})
        screen = p.wait_for("Rücken- und Nackenschmerzen", "Mit den Fragen beginnen")
        if "┌" not in screen or "+--" in screen:
            raise Failure("%s: no Unicode frame:\n%s" % (name, screen))
        p.keys("q")
        p.wait_for("EXITED=0")


run(test)
