"""FHIR R4's own rules for a QuestionnaireResponse against its Questionnaire, written from the
specification and independent of backtriage's code:

- enableWhen: an item is enabled when its parent is and its conditions hold (enableBehavior all
  or any). '=' and the comparisons need an answer that satisfies them; '!=' holds when no answer
  equals (so also when there is none); 'exists' tests for an answer. The answers of a disabled
  item count as no answer.
- a response holds no item that is disabled, and an answer for every enabled required question;
- the response's items follow the Questionnaire's hierarchy and order, answers have the item's
  type, codes come from the item's answerOptions, numbers keep minValue and maxValue.

Also: answer sets generated from a Questionnaire (every question answered, asked or not, numbers
next to every constant the content compares with) and the SDC variables evaluated with fhirpathpy.
"""
import json
import os
import random
import re

import yaml

MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable"
CALCULATED = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"


def walk(items, parent=None):
    """Every item below `items`, depth first, with its parent's linkId."""
    for item in items or []:
        yield item, parent
        yield from walk(item.get("item"), item["linkId"])


def questions(questionnaire):
    """The items that take an answer from a person (not groups, displays or calculated items)."""
    return [i for i, _ in walk(questionnaire["item"]) if i["type"] not in ("group", "display") and not i.get("readOnly")]


def answer_value(answer):
    """A response answer or an enableWhen answer as a comparable Python value."""
    for key, value in answer.items():
        if key.startswith("value") or key.startswith("answer"):
            if isinstance(value, dict):
                return (value.get("system"), value.get("code"))
            return value
    return None


def enabled(questionnaire, answers):
    """The linkIds R4 enables, given answers: linkId -> list of comparable values."""
    on = set()
    for _ in range(8):
        nxt = set()

        def visit(items, parent_on):
            for item in items or []:
                conditions = item.get("enableWhen") or []
                results = [holds(c, answers, on) for c in conditions]
                ok = parent_on and (not results or (any(results) if item.get("enableBehavior") == "any" else all(results)))
                if ok:
                    nxt.add(item["linkId"])
                visit(item.get("item"), ok)

        visit(questionnaire["item"], True)
        if nxt == on:
            break
        on = nxt
    return on


def holds(condition, answers, on):
    question, op = condition["question"], condition["operator"]
    values = answers.get(question, []) if question in on else []
    target = answer_value(condition)
    if op == "exists":
        return bool(values) == target
    if op == "=":
        return any(v == target for v in values)
    if op == "!=":
        return not any(v == target for v in values)
    compare = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}[op]
    return any(compare(v, target) for v in values if isinstance(v, (int, float)) and not isinstance(v, bool))


def response_answers(response):
    """linkId -> list of comparable answer values, from a QuestionnaireResponse."""
    out = {}
    for item, _ in walk(response.get("item")):
        if "answer" in item:
            out[item["linkId"]] = [answer_value(a) for a in item["answer"]]
    return out


TYPES = {
    "boolean": ("valueBoolean", lambda v: isinstance(v, bool)),
    "integer": ("valueInteger", lambda v: isinstance(v, int) and not isinstance(v, bool)),
    "decimal": ("valueDecimal", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)),
    "string": ("valueString", lambda v: isinstance(v, str)),
    "text": ("valueString", lambda v: isinstance(v, str)),
    "date": ("valueDate", lambda v: isinstance(v, str)),
    "choice": ("valueCoding", lambda v: isinstance(v, dict)),
}


def check_response(questionnaire, response):
    """Every way `response` breaks R4's rules for a response to `questionnaire`, as messages."""
    problems = []
    if response.get("questionnaire") != f"{questionnaire['url']}|{questionnaire['version']}":
        problems.append(f"questionnaire {response.get('questionnaire')}")
    if response.get("status") not in ("completed", "amended"):
        problems.append(f"status {response.get('status')}")

    def structure(q_items, r_items, path):
        order = [i["linkId"] for i in q_items or []]
        last = -1
        for r in r_items or []:
            link = r.get("linkId")
            if link not in order:
                problems.append(f"{path}/{link}: not an item here in the Questionnaire")
                continue
            position = order.index(link)
            if position <= last:
                problems.append(f"{path}/{link}: out of order or repeated")
            last = position
            q = q_items[position]
            if "answer" in r:
                if q["type"] in ("group", "display"):
                    problems.append(f"{link}: a {q['type']} has an answer")
                    continue
                if len(r["answer"]) > 1 and not q.get("repeats"):
                    problems.append(f"{link}: several answers to an item that does not repeat")
                for a in r["answer"]:
                    key, ok = TYPES.get(q["type"], (None, None))
                    value = a.get(key) if key else None
                    if key is None or value is None or not ok(value):
                        problems.append(f"{link}: answer {a} does not fit type {q['type']}")
                        continue
                    if q["type"] == "choice":
                        options = [(o["valueCoding"]["system"], o["valueCoding"]["code"]) for o in q.get("answerOption", [])]
                        if (value.get("system"), value.get("code")) not in options:
                            problems.append(f"{link}: {value} is not one of its answerOptions")
                    for ext in q.get("extension", []):
                        bound = ext.get("valueInteger", ext.get("valueDecimal"))
                        if ext["url"] == MIN_VALUE and value < bound or ext["url"] == MAX_VALUE and value > bound:
                            problems.append(f"{link}: {value} is outside {ext['url'].rsplit('/', 1)[1]} {bound}")
            structure(q.get("item"), r.get("item"), f"{path}/{link}")

    structure(questionnaire["item"], response.get("item"), "")
    answers = response_answers(response)
    on = enabled(questionnaire, answers)
    for item, _ in walk(response.get("item")):
        if item["linkId"] not in on:
            problems.append(f"{item['linkId']}: in the response but disabled")
    for q in questions(questionnaire):
        if q.get("required") and q["linkId"] in on and not answers.get(q["linkId"]):
            problems.append(f"{q['linkId']}: enabled and required but not answered")
    return problems


def translations(element_extension):
    """language -> text of the translation extensions in a `_text`-style element."""
    out = {}
    for t in (element_extension or {}).get("extension", []):
        if t.get("url") == TRANSLATION:
            parts = {p["url"]: p for p in t["extension"]}
            out[parts["lang"]["valueCode"]] = parts["content"]["valueString"]
    return out


# Answer sets -------------------------------------------------------------------------------------

def constants(questionnaire_dir, questionnaire):
    """Every number the content compares with: in the conditions and derived values of the YAML,
    the safety-net thresholds, and the enableWhen answers of the Questionnaire."""
    found = set()
    number = re.compile(r"(?<![\w.'])-?\d+(?:\.\d+)?(?![\w.'])")

    def scan(node, key=None):
        if isinstance(node, dict):
            for k, v in node.items():
                scan(v, k)
        elif isinstance(node, list):
            for v in node:
                scan(v, key)
        elif isinstance(node, str) and key in ("when", "value"):
            found.update(float(n) for n in number.findall(node))
        elif isinstance(node, (int, float)) and not isinstance(node, bool) and key == "weeks":
            found.add(float(node))

    for name in os.listdir(questionnaire_dir):
        if name.endswith(".yaml"):
            with open(os.path.join(questionnaire_dir, name)) as f:
                scan(yaml.safe_load(f))
    for item, _ in walk(questionnaire["item"]):
        for c in item.get("enableWhen") or []:
            v = answer_value(c)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                found.add(float(v))
    return sorted(found)


def generate(questionnaire, numbers, rng, yes=0.2):
    """An answer for every question, asked or not, as an answer file's `answers`. Numbers come
    from the constants and the values a hair either side of them (2.004 weeks, 5.999 weeks)."""
    answers = {}
    for q in questions(questionnaire):
        kind = q["type"]
        if kind == "boolean":
            answers[q["linkId"]] = rng.random() < yes
        elif kind == "choice":
            answers[q["linkId"]] = rng.choice(q["answerOption"])["valueCoding"]["code"]
        elif kind in ("integer", "decimal"):
            lo = hi = None
            for ext in q.get("extension", []):
                if ext["url"] == MIN_VALUE:
                    lo = ext.get("valueInteger", ext.get("valueDecimal"))
                if ext["url"] == MAX_VALUE:
                    hi = ext.get("valueInteger", ext.get("valueDecimal"))
            if kind == "integer":
                pool = {int(n) + d for n in numbers for d in (-1, 0, 1) if n == int(n)}
            else:
                pool = {n + d for n in numbers for d in (-0.001, 0, 0.001, -1e-9)} | {2.004, 5.999}
            pool = sorted(v for v in pool if (lo is None or v >= lo) and (hi is None or v <= hi))
            pool += [v for v in (lo, hi) if v is not None]
            answers[q["linkId"]] = rng.choice(pool)
    return answers


# FHIRPath ----------------------------------------------------------------------------------------

_compiled = {}


def evaluate_variables(questionnaire, response):
    """The SDC variables of the Questionnaire, in order, evaluated over `response` with fhirpathpy:
    variable name -> list of values (empty when unknown)."""
    from fhirpathpy import compile
    from fhirpathpy.models import models
    env = {"resource": response, "questionnaire": questionnaire}
    out = {}
    for ext in questionnaire.get("extension", []):
        if ext["url"] != VARIABLE:
            continue
        expression = ext["valueExpression"]
        if expression["expression"] not in _compiled:
            _compiled[expression["expression"]] = compile(expression["expression"], models["r4"])
        value = _compiled[expression["expression"]](response, env)
        env[expression["name"]] = value
        out[expression["name"]] = value
    return out


def calculated_items(questionnaire):
    """linkId of each calculated item -> the variable it shows (from `%name`)."""
    out = {}
    for item, _ in walk(questionnaire["item"]):
        for ext in item.get("extension", []):
            if ext["url"] == CALCULATED:
                out[item["linkId"]] = ext["valueExpression"]["expression"].lstrip("%")
    return out


def same(a, b):
    """Engine value and FHIRPath value alike: numbers by value, the rest as they are."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b or a == b and type(a) == type(b)
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return a == b


def jsonl(path, objects):
    with open(path, "w") as f:
        for o in objects:
            f.write(json.dumps(o, separators=(",", ":")) + "\n")
    return path
