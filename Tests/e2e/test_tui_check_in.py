"""Follow-up in the full-screen interface: a first result is added to the history when the person
quits; four weeks later the welcome screen offers a check-in, which begins with the weeks counted
from the episode's start (6, confirmed with Enter), asks every warning sign again, shows what
changed, and is recorded in the same episode on quitting. The history page lists both."""
import json
import os
import subprocess
import tempfile

from plain import LOW_BACK_SIGNS
from tui_harness import BINARY, CHECKLIST, RED_FLAGS, Failure, Pane, answer_questions, backtriage, no, run

FIRST_DAY = "2026-11-23"
LATER = "2026-12-21"


def answers_file(directory):
    """Week 2 of low back pain, every question answered, no warning sign."""
    answers = {"age": 47, "region": "lower_back", "duration_weeks": 2, "recurrent": False, "intensity": 6,
               "radiates_leg": False, "leg_numbness": False, "claudication": False, "diagnosis": "none",
               "painkiller_weeks": 0, "nsaid_risk": False, "conservative_failed": False,
               "sleep_problems": False, "daily_limits": False}
    for sign in LOW_BACK_SIGNS + ["yf_fear", "yf_catastrophizing", "yf_low_mood", "yf_stress", "yf_rest"]:
        answers[sign] = False
    path = os.path.join(directory, "week2.json")
    with open(path, "w") as f:
        json.dump({"questionnaire": "back-pain", "date": FIRST_DAY, "answers": answers}, f)
    return path


def history(home, today):
    env = dict(os.environ, XDG_STATE_HOME=home, XDG_DATA_HOME=home, BACKTRIAGE_TODAY=today)
    out = subprocess.run([BINARY, "history", "--format", "json"], capture_output=True, text=True, env=env, timeout=30)
    if out.returncode != 0:
        raise Failure("history --format json: exit %d: %s" % (out.returncode, out.stderr))
    return json.loads(out.stdout)


def check_ins(data):
    return [c for e in data.get("episodes", []) for c in e.get("check_ins", e.get("checkIns", []))]


def test(pane):
    home = tempfile.mkdtemp(prefix="bt-checkin-")
    p = pane(backtriage("--answers", answers_file(home)), state_home=home, extra_env={"BACKTRIAGE_TODAY": FIRST_DAY})
    p.wait_for("answers are filled in from the answer file")
    p.keys("Enter")
    p.wait_for("SELF-CARE")
    p.keys("q")
    p.wait_for("EXITED=0")
    first = check_ins(history(home, FIRST_DAY))
    if len(first) != 1:
        raise Failure("the first result was not recorded once: %r" % first)

    p2 = pane(backtriage(), state_home=home, extra_env={"BACKTRIAGE_TODAY": LATER})
    p2.wait_for("open episode", "Check in: how is it now?", "The pain is gone", "Show my history")
    p2.keys("Enter")
    screen = p2.wait_for("How long has this episode", "Kept from last time")
    if "│ 6 " not in screen:
        raise Failure("the weeks are not counted from the episode's start (6):\n" + screen)
    answer_questions(p2, [
        ("How long has this episode", ["Enter"]),
        ("How strong was your pain", ["3", "Enter"]),
        no("shoot into one or both legs"),
        no("numbness or tingling in a leg"),
        no("When you walk or stand"),
        ("already found a specific cause", ["Enter"]),
        (CHECKLIST, ["n"] * len(RED_FLAGS) + ["Enter"]),
        no("worried that moving"), no("never get better"), no("felt down"), no("a lot of stress"),
        no("mostly resting"), no("disturb your sleep"), no("limit your everyday life"),
        ("have you taken painkillers", ["0", "Enter"]),
        ("Do any of these apply to you", ["Enter"]),
        ("treatment without surgery", ["Enter"]),
    ])
    p2.wait_for("Since your last check-in", "What changed since 23 Nov 2026")
    p2.keys("Home", "Enter")
    p2.wait_for("from 6/10 to 3/10")
    p2.keys("Escape")
    p2.wait_for("What changed since")
    p2.keys("q")
    p2.wait_for("EXITED=0")
    data = history(home, LATER)
    episodes = data.get("episodes", [])
    if len(episodes) != 1 or len(check_ins(data)) != 2:
        raise Failure("the check-in did not go into the same episode: %s" % json.dumps(data)[:800])

    p3 = pane(backtriage(), state_home=home, extra_env={"BACKTRIAGE_TODAY": LATER})
    p3.wait_for("Show my history")
    p3.keys("End", "Enter")
    p3.wait_for("Your history", "23 Nov 2026", "21 Dec 2026")
    p3.keys("Escape")
    p3.wait_for("Check in: how is it now?")
    p3.keys("q")
    p3.wait_for("EXITED=0")


run(test)
