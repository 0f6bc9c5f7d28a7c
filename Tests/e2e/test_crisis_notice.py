"""Crisis help acts at once (clinical-content.md, Safety-netting): yes to feeling down or hopeless
shows the crisis numbers before the next question, in the full-screen interface (a box closed
with Enter, not a stop) and in plain mode, in both languages, with the youth helpline under 18;
a session that ends before its result says them again on the way out."""
import json
import os
import subprocess
import tempfile

from plain import items, lines
from tui_harness import Failure, backtriage, run

BINARY = os.environ["BACKTRIAGE"]
LOW_MOOD = "yf_low_mood"


def answers_before_low_mood(age=40):
    """An adult (or a child) with two weeks of low back pain and no warning sign, answered up to
    the question on low mood."""
    answers = {"age": age, "region": "lower_back", "duration_weeks": 2, "recurrent": False, "intensity": 5,
               "radiates_leg": False, "leg_numbness": False, "claudication": False, "diagnosis": "none"}
    for item in items():
        if item["id"] == LOW_MOOD:
            break
        if item["id"].startswith(("rf_", "yf_")) and item["id"] not in answers:
            answers[item["id"]] = False
    return answers


def answer_file(age=40):
    path = os.path.join(tempfile.mkdtemp(prefix="bt-crisis-"), "answers.json")
    with open(path, "w") as f:
        json.dump({"questionnaire": "back-pain", "answers": answers_before_low_mood(age)}, f)
    return path


def flat(text):
    # The numbers are written with no-break spaces so that no line breaks inside one.
    return " ".join(text.replace("\u00a0", " ").split())


def full_screen(pane, lang, title, number, next_question, age=40):
    p = pane(backtriage("--answers", answer_file(age), "--lang", lang))
    p.wait_for("Back and neck pain" if lang == "en" else "Rücken- und Nackenschmerzen")
    p.keys("Enter")
    p.wait_for("hopeless" if lang == "en" else "hoffnungslos")
    p.keys("y" if lang == "en" else "j", "Enter")
    screen = p.wait_for(title)
    if number not in flat(screen):
        raise Failure("the crisis box lacks %s:\n%s" % (number, screen))
    if "0800 111 0 111" not in flat(screen):
        raise Failure("the crisis box lacks the Telefonseelsorge:\n%s" % screen)
    # A notice, not a stop: Enter goes on with the next question.
    p.keys("Enter")
    p.wait_gone(title)
    p.wait_for(next_question)
    # Quitting before the result says the crisis help again on the terminal.
    p.keys("q")
    after = p.wait_for("EXITED=0")
    if title not in after or number not in flat(after):
        raise Failure("leaving did not repeat the crisis help:\n%s" % after)


def plain_session(lang, title, yes_word, age=40):
    answers = dict(answers_before_low_mood(age), **{LOW_MOOD: True})
    typed = lines(answers)
    if lang == "de":
        typed = [{"yes": "ja", "no": "nein"}.get(t, t) for t in typed]
    state = tempfile.mkdtemp(prefix="bt-crisis-plain-")
    env = dict(os.environ, XDG_STATE_HOME=state, XDG_DATA_HOME=state, BACKTRIAGE_TODAY="2026-11-23")
    done = subprocess.run([BINARY, "--plain", "--lang", lang], input="\n".join(typed) + "\n", capture_output=True,
                          text=True, env=env, timeout=60)
    out = flat(done.stdout)
    first = out.find(title)
    if first < 0:
        raise Failure("plain mode never showed the crisis help:\n%s" % done.stdout[-3000:])
    # At once: before the question that follows the one on low mood.
    following = "a lot of stress" if lang == "en" else "viel Stress"
    if not (0 <= first < out.find(following)):
        raise Failure("the crisis help did not come before the next question:\n%s" % done.stdout[-3000:])
    # The input ended before the result: said again on the way out.
    if out.count(title) < 2:
        raise Failure("the end of input did not repeat the crisis help:\n%s" % done.stdout[-3000:])
    return out


def test(pane):
    full_screen(pane, "en", "Help at once, day and night", "0800 111 0 222", "a lot of stress")
    full_screen(pane, "de", "Sofort Hilfe, Tag und Nacht", "0800 111 0 222", "viel Stress")
    full_screen(pane, "en", "Help at once, day and night", "116 111", "a lot of stress", age=16)
    plain_session("en", "Help at once, day and night", "yes")
    plain_session("de", "Sofort Hilfe, Tag und Nacht", "ja")
    young = plain_session("en", "Help at once, day and night", "yes", age=16)
    if "116 111" not in young:
        raise Failure("under 18 the plain mode does not name the youth helpline")


run(test)
