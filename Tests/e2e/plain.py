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
