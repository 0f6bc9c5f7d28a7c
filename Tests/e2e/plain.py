"""Turns an answer set into the lines a person types in the plain mode, in question order."""
import json
import os
import yaml  # PyYAML: reads the questionnaire to know the order and the conditions

from cli import QUESTIONNAIRES


def items():
    with open(os.path.join(QUESTIONNAIRES, "back-pain", "questionnaire.yaml")) as f:
        q = yaml.safe_load(f)
    return [item for section in q["sections"] for item in section["items"]]


def asked(item, answers):
    """Whether the item is asked; the shipped conditions are simple comparisons."""
    condition = item.get("when")
    if not condition:
        return True
    namespace = {k: v for k, v in answers.items()}
    try:
        return bool(eval(condition, {"__builtins__": {}}, namespace))
    except NameError:
        return False


def typed(item, value):
    if item["type"] == "boolean":
        return "yes" if value else "no"
    if item["type"] == "choice":
        return str([o["value"] for o in item["options"]].index(value) + 1)
    if item.get("input") == "duration":
        return f"{value} weeks"
    return str(value)


EMERGENCY_SIGNS = {"rf_saddle_numbness", "rf_bladder_bowel", "rf_weakness"}


def lines(answers, go_on_after_emergency=True):
    """The typed lines; after the first emergency sign the plain mode interrupts, and "2" goes on."""
    out, interrupted = [], False
    for item in items():
        if not asked(item, answers):
            continue
        if item["id"] not in answers:
            if item.get("required") is False:
                out.append("")  # an optional question left unanswered
            continue
        out.append(typed(item, answers[item["id"]]))
        if item["id"] in EMERGENCY_SIGNS and answers[item["id"]] and not interrupted:
            interrupted = True
            out.append("2" if go_on_after_emergency else "1")
    return out
