"""The results screen keeps its promises: Enter opens an entry with why (in the person's answers,
no rule ids), Esc returns to the same selection, s saves the text and HTML sheets privately
(with --no-save too) and keeps their paths on screen until dismissed, c copies them into the
current folder, p prints through lp or, without lp, says that printing needs CUPS and saves the
sheet instead."""
import json
import os
import re
import shlex
import stat
import tempfile

from tui_harness import Failure, backtriage, run

HERE = os.path.dirname(os.path.abspath(__file__))
VIGNETTES = os.path.join(HERE, "..", "TriageKitTests", "Fixtures", "vignettes.json")


def answer_file(directory):
    """Vignette 1 (low back pain for seven weeks, every question answered) as an answer file."""
    with open(VIGNETTES) as f:
        vignette = json.load(f)[1]
    path = os.path.join(directory, "answers.json")
    with open(path, "w") as f:
        json.dump({"questionnaire": "back-pain", "answers": vignette["answers"]}, f)
    return path


def selected_line(screen):
    lines = [line for line in screen.splitlines() if "\u25b8" in line]
    return lines[0].split("\u2502")[1] if lines else None


def saved_paths(screen, heading="Saved, readable only by you:"):
    """The two files the box names: the folder on the line after `heading`, then the names."""
    lines = screen.splitlines()
    start = next((i for i, line in enumerate(lines) if heading in line), None)
    if start is None:
        raise Failure("the box does not say %r:\n%s" % (heading, screen))
    folder = re.search(r"(/\S*/)", lines[start + 1])
    below = "\n".join(lines[start + 2:start + 5])
    text = re.search(r"(summary-\S+\.txt)", below)
    html = re.search(r"(summary-\S+\.html)", below)
    if not folder or not text or not html:
        raise Failure("the box does not name both files:\n" + screen)
    return os.path.join(folder.group(1), text.group(1)), os.path.join(folder.group(1), html.group(1))


def private(path, mode=0o600):
    actual = stat.S_IMODE(os.stat(path).st_mode)
    if actual != mode:
        raise Failure("%s has mode %o, not %o" % (path, actual, mode))


def with_path(path, command):
    """The command with PATH set for it alone: the pane's shell startup files reset PATH."""
    return "env PATH=%s %s" % (shlex.quote(path), command)


def to_results(p):
    p.wait_for("answers are filled in from the answer file")
    p.keys("Enter")
    return p.wait_for("SEE A DOCTOR", "Enter details", "p print")


def test(pane):
    work = tempfile.mkdtemp(prefix="bt-ra-")
    answers = answer_file(work)

    # A fake lp first on PATH: it keeps what it is given and answers like CUPS.
    fakebin = os.path.join(work, "fakebin")
    os.mkdir(fakebin)
    printed = os.path.join(work, "printed.txt")
    lp = os.path.join(fakebin, "lp")
    with open(lp, "w") as f:
        f.write("#!/bin/sh\n/bin/cat > '%s'\necho 'lp-noise-on-stderr' >&2\necho 'request id is fake-1 (1 file(s))'\n" % printed)
    os.chmod(lp, 0o755)

    state = tempfile.mkdtemp(prefix="bt-")
    here = os.path.join(work, "here")
    os.mkdir(here)
    p = pane("cd %s && %s" % (shlex.quote(here), with_path(fakebin + ":" + os.environ.get("PATH", "/usr/bin:/bin"),
                                                             backtriage("--answers", answers, "--no-save"))),
             state_home=state)
    screen = to_results(p)

    # Enter opens the selected entry; its page says why, with the rule and the answers.
    p.keys("Down")
    screen = p.wait_until("the selection to move", lambda s: selected_line(s) not in (None, selected_line(screen)))
    selected = selected_line(screen)
    p.keys("Enter")
    p.wait_for("\u2190 back", "Suggested")
    p.keys("End")
    page = p.wait_for("Why", "Because:", "How long: 7 weeks")
    if "more below" in page:
        raise Failure("the end of the page still says more below:\n" + page)
    if "low-back-6-weeks" in page or "==" in page:
        raise Failure("a rule id or expression reached the patient:\n" + page)
    p.keys("Escape")
    screen = p.wait_for("SEE A DOCTOR", "Enter details")
    if selected_line(screen) != selected:
        raise Failure("Esc did not return to the same selection (%r, now %r):\n%s" % (selected, selected_line(screen), screen))

    # s saves both sheets, privately, although --no-save is on.
    p.keys("s")
    screen = p.wait_for("Summary sheet saved", ".html")
    text_path, html_path = saved_paths(screen)
    # The box stays with its paths until dismissed; c also saves the sheets here.
    p.keys("Down")
    p.keys("c")
    screen = p.wait_for("Also saved here:")
    for path in (text_path, html_path):
        copy = os.path.join(here, os.path.basename(path))
        if not os.path.exists(copy):
            raise Failure("no copy %s:\n%s" % (copy, screen))
    if "Summary sheet saved" not in screen:
        raise Failure("the box closed:\n" + screen)
    p.keys("Escape")
    p.wait_gone("Summary sheet saved")
    folder = os.path.join(state, "backtriage")
    for path in (text_path, html_path):
        if os.path.dirname(path) != folder or not os.path.exists(path):
            raise Failure("%s is not a file in the state folder %s" % (path, folder))
        private(path)
    private(folder, 0o700)
    with open(html_path) as f:
        if "<html" not in f.read():
            raise Failure("the HTML sheet is not HTML")
    with open(text_path) as f:
        sheet = f.read()
    if "SEE A DOCTOR" not in sheet.upper():
        raise Failure("the text sheet does not say what to do:\n" + sheet[:400])

    # p sends the text sheet to lp and shows lp's job line.
    p.keys("p")
    screen = p.wait_for("Sent to the printer", "request id is fake-1")
    if "lp-noise-on-stderr" in screen:
        raise Failure("lp wrote to the terminal:\n" + screen)
    with open(printed) as f:
        # For the printer the pages are separated by form feeds, so that CUPS keeps them.
        def lines(text):
            return [line for line in text.replace("\f", "\n").splitlines() if line.strip()]
        if lines(f.read()) != lines(sheet):
            raise Failure("lp did not receive the text sheet")
    p.keys("q")
    p.wait_for("Quit?")
    p.keys("y")
    p.wait_for("EXITED=0")

    # Without lp on PATH: printing needs CUPS, and the sheet is saved to print another way.
    bare = os.path.join(work, "bin")
    os.mkdir(bare)
    state2 = tempfile.mkdtemp(prefix="bt-")
    p2 = pane(with_path(bare, backtriage("--answers", answers, "--no-save")), state_home=state2)
    to_results(p2)
    p2.keys("p")
    screen = p2.wait_for("Printing needs CUPS (the lp command)", ".html")
    text_path, html_path = saved_paths(screen)
    for path in (text_path, html_path):
        if not path.startswith(os.path.join(state2, "backtriage") + "/"):
            raise Failure("%s is not in the state folder" % path)
        private(path)
    # The interface goes on after it.
    p2.keys("Enter")
    p2.wait_gone("Printing needs CUPS")
    p2.wait_for("SEE A DOCTOR", "Enter details")
    p2.keys("q")
    p2.wait_for("Quit?")
    p2.keys("y")
    p2.wait_for("EXITED=0")


run(test)
