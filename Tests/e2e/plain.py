"""Turns an answer set into the lines a person types in the plain mode, in question order."""
import os
import yaml  # PyYAML: reads the questionnaire to know the order and the conditions

from cli import QUESTIONNAIRES


def _load(name):
    with open(os.path.join(QUESTIONNAIRES, "back-pain", name)) as f:
        return yaml.safe_load(f)


def items():
    q = _load("questionnaire.yaml")
    return [item for section in q["sections"] for item in section["items"]]


# The warning signs whose rule sets the most urgent level: answering one interrupts at once.
EMERGENCY_SIGNS = {r["red_flag"]["item"] for r in _load("rules.yaml")["rules"]
                   if r.get("triage") == "emergency" and "red_flag" in r}


class _Answers(dict):
    """Answers as names for the conditions; an unanswered item is None."""
    def __missing__(self, key):
        return None


def asked(item, answers):
    """Whether the item is asked. The shipped conditions are comparisons, `in` lists, and/or/not
    and yes(x) (answered yes; not asked counts as no), which Python evaluates alike."""
    condition = item.get("when")
    if not condition:
        return True
    names = _Answers(answers)
    names["yes"] = lambda v: v is True
    return bool(eval(condition, {"__builtins__": {}}, names))


def typed(item, value):
    if item["type"] == "boolean":
        return "yes" if value else "no"
    if item["type"] == "choice":
        return str([o["value"] for o in item["options"]].index(value) + 1)
    if item.get("input") == "duration":
        return f"{value} weeks"
    return str(value)


def lines(answers, go_on_after_emergency=True):
    """The typed lines; each emergency sign answered yes interrupts, and "2" goes on ("1" shows
    the result at once)."""
    out = []
    for item in items():
        if not asked(item, answers):
            continue
        if item["id"] not in answers:
            if item.get("required") is False:
                out.append("")  # an optional question left unanswered
            continue
        out.append(typed(item, answers[item["id"]]))
        if item["id"] in EMERGENCY_SIGNS and answers[item["id"]]:
            out.append("2" if go_on_after_emergency else "1")
            if not go_on_after_emergency:
                break
    return out


# The warning signs asked for low back pain without an accident, in order (read from the
# questionnaire, so the typed lines follow the content).
LOW_BACK_SIGNS = [item["id"] for item in items()
                  if item.get("red_flag") and asked(item, {"age": 40, "region": "lower_back", "duration_weeks": 2})]


def signs_with(*yes):
    """A typed line for each low-back warning sign: "yes" for those named, else "no"."""
    return ["yes" if sign in yes else "no" for sign in LOW_BACK_SIGNS]


# Typed into the plain mode for a history: the first answers at week 2 of low back pain (age,
# lower back, 2 weeks, not recurring, pain 6, three leg questions, no known cause, the warning
# signs, seven on daily life, no painkillers, two on treatment), then check-ins.
WEEK_TWO = "40\n1\n2 weeks\nno\n6\nno\nno\nno\n1\n" + "no\n" * len(LOW_BACK_SIGNS) + "no\n" * 7 + "0\nno\nno\n"


def check_in(pain, signs=None, stiffness=False):
    """1 (check in), Enter (the counted weeks are right), the pain, the legs, Enter (the same
    diagnosis), every warning sign, stiffness from 12 weeks on, daily life, painkillers, and
    Enter twice (the same answers on treatment)."""
    signs = signs or signs_with()
    return "1\n\n" + pain + "\nno\nno\nno\n\n" + "\n".join(signs) + "\n" + "no\n" * (3 if stiffness else 0) + "no\n" * 7 + "0\n\n\n"
