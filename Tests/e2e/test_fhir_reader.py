"""`evaluate` and `sheet` refuse a QuestionnaireResponse they must not evaluate, with exit 2 and a
message at file:line:column that names what is wrong and, where two things disagree, both: the
statuses and questionnaires of the past, and what an integrator's validator refuses too (text
that is not JSON, null, modifierExtension, an extension without url, a bad id, invalid dates and
times, values of the wrong FHIR type, items out of their groups). The unchanged response is read,
and so is the program's own stopped response to answers that stop at an emergency sign."""
import copy
import json
import os
import re
from cli import Failures, answer_file, run, tempdir, vignettes

f = Failures()
d = tempdir()
case = vignettes()[0]
code, valid, err = run("sheet", "--answers", answer_file(d, "case.json", case["answers"]), "--format", "fhir")
f.check(code == 0, f"sheet --format fhir: exit {code}: {err}")
response = json.loads(valid)
base = "https://backtriage.invalid/fhir"
version = json.loads(run("export-questionnaire")[1])["version"]
reference = f"{base}/Questionnaire/back-pain|{version}"
region_system = f"{base}/CodeSystem/back-pain-region"


def position(text, needle, last=False):
    """Line and column (from 1) of `^` in the first (or last) place `needle` stands in `text`, or
    of the offset `needle`."""
    if isinstance(needle, int):
        before = text[:needle]
        return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
    caret = needle.index("^") if "^" in needle else 0
    plain = needle.replace("^", "", 1)
    at = (text.rindex(plain) if last else text.index(plain)) + caret
    before = text[:at]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def variant(old, new):
    f.check(old in valid, f"the response lacks {old}")
    return valid.replace(old, new, 1)


def reshaped(change):
    r = copy.deepcopy(response)
    change(r)
    return json.dumps(r, indent=2, ensure_ascii=False)


def group(r, link):
    return next(g for g in r["item"] if g["linkId"] == link)


def flatten(r):
    r["item"] = [i for g in r["item"] for i in (g["item"] if g["linkId"] != "derived-values" else [g])]


def move_region_to_about(r):
    region = next(i for i in group(r, "pain")["item"] if i["linkId"] == "region")
    group(r, "pain")["item"].remove(region)
    group(r, "about")["item"].append(region)


def region_as_string(r):
    next(i for i in group(r, "pain")["item"] if i["linkId"] == "region")["answer"] = [{"valueString": "lower_back"}]


# A decimal answer written as a whole number, at its offset in the text.
whole = re.search(r'"valueDecimal": (\d+)(?![.\d])', valid)
f.check(whole is not None, "the response has no whole-numbered decimal")
MODIFIER = '"modifierExtension": [{"url": "https://example.org/negated", "valueBoolean": true}], '
malformed = [
    ("entered-in-error", variant('"status": "completed"', '"status": "entered-in-error"'), '^"entered-in-error"',
     ["recorded in error", "only a completed or amended response is evaluated"]),
    ("another version", variant(reference, f"{base}/Questionnaire/back-pain|1.0.0"), f'^"{base}/Questionnaire/back-pain|1.0.0"',
     ["version 1.0.0", f"version {version}"]),
    ("another host", variant(reference, f"https://forms.example.com/fhir/Questionnaire/back-pain|{version}"),
     f'^"https://forms.example.com/fhir/Questionnaire/back-pain|{version}"',
     ["https://forms.example.com/fhir", base, "--canonical-base https://forms.example.com/fhir"]),
    ("another questionnaire", variant(reference, f"{base}/Questionnaire/neck-pain|1.0.0"), f'^"{base}/Questionnaire/neck-pain|1.0.0"',
     ["neck-pain|1.0.0", "not installed here", reference]),
    ("a code from another system", variant(region_system, "http://snomed.info/sct"), '^"http://snomed.info/sct"',
     ["'region'", "http://snomed.info/sct", region_system]),
    ("a boolean written as text", variant('"valueBoolean": false', '"valueBoolean": "true"'), '^"true"',
     ["valueBoolean", 'not the text "true"']),
    # What an integrator's validator refused and the reader used to accept.
    ("a choice as valueString", reshaped(region_as_string), '^"valueString": "lower_back"',
     ["'region' is a question of FHIR type coding, answered with valueString"]),
    ("a decimal as valueInteger", valid[:whole.start()] + '"valueInteger": ' + whole.group(1) + valid[whole.end():], whole.start(),
     ["of FHIR type decimal, answered with valueInteger"]),
    ("the hour 25", variant('"authored": "2026-11-23"', '"authored": "2026-11-23T25:61:00Z"'), '"authored": ^"', ["there is no hour 25"]),
    ("a time without a zone", variant('"authored": "2026-11-23"', '"authored": "2026-11-23T10:00:00"'), '"authored": ^"',
     ["needs its zone"]),
    ("an item flattened out of its group", reshaped(flatten), '"linkId": ^"age"', ["stands at the top of the response", "'about'"]),
    ("an item in another group", reshaped(move_region_to_about), '"linkId": ^"region"',
     ["'region' stands in the group 'about', but in the questionnaire it is in the group 'pain'"]),
    ("null", variant('"language": "en"', '"language": null'), '^null', ['"language" is null']),
    ("an extension without url", variant('"status": "completed"', '"extension": [{"valueString": "x"}], "status": "completed"'),
     '^{"valueString"', ['an extension has no "url"']),
    ("a modifierExtension", variant('"status": "completed"', MODIFIER + '"status": "completed"'), '^"modifierExtension"',
     ["modifierExtension (https://example.org/negated)", "must not read it"]),
    ("a bad id", variant('"status": "completed"', '"id": "no spaces please", "status": "completed"'), '"id": ^"no spaces', ["FHIR id"]),
    ("a comment", variant('"status": "completed"', '// final\n  "status": "completed"'), '^// final', ["invalid FHIR JSON"]),
    ("single quotes", variant('"status": "completed"', "'status': 'completed'"), "^'status'", ["invalid FHIR JSON"]),
    ("a leading zero", variant('"status": "completed"', '"status": "completed", "x": 01'), '"x": ^01', ["may not start with 0"]),
    ("stopped without an emergency sign", variant('"status": "completed"', '"status": "stopped"'), '"status": ^"stopped"',
     ["stopped before it was finished", "do not give the most urgent level"]),
]

for name, text, at, words in malformed:
    path = os.path.join(d, re.sub(r"\W+", "-", name) + ".json")
    with open(path, "w") as out:
        out.write(text)
    line, column = position(text, at)
    for command in (["evaluate", "--answers", path], ["sheet", "--answers", path, "--format", "fhir-bundle"]):
        code, out, err = run(*command)
        f.check(code == 2 and out == "", f"{name}: {command[0]}: exit {code}, output {out[:80]!r}")
        f.check(f"{path}:{line}:{column}: error:" in err, f"{name}: {command[0]} does not point to {line}:{column}: {err[:400]}")
        for word in words:
            f.check(word in err, f"{name}: {command[0]}: the message lacks {word!r}: {err[:400]}")

# The same response read, and one to another deployment read when that deployment is this one.
ok = os.path.join(d, "valid.json")
with open(ok, "w") as out:
    out.write(valid)
code, _, err = run("evaluate", "--answers", ok)
f.check(code == 0, f"the unchanged response is refused: {err[:300]}")
other = os.path.join(d, "other-base.json")
with open(other, "w") as out:
    out.write(valid.replace(base, "https://forms.example.com/fhir"))
code, _, err = run("evaluate", "--answers", other, "--canonical-base", "https://forms.example.com/fhir/")
f.check(code == 0, f"a response under --canonical-base is refused: {err[:300]}")

# Answers that stop at an emergency sign: the response is stopped, never completed, and it is
# read back to the same result; saying completed instead is refused.
stop = answer_file(d, "stop.json", {"rf_saddle_numbness": True})
code, stopped, err = run("sheet", "--answers", stop, "--format", "fhir")
f.check(code == 0 and json.loads(stopped)["status"] == "stopped", f"an emergency stop: exit {code}, status {stopped[:300]}")
stopped_path = os.path.join(d, "stopped.fhir.json")
with open(stopped_path, "w") as out:
    out.write(stopped)
a = run("evaluate", "--answers", stop, "--format", "json")
b = run("evaluate", "--answers", stopped_path, "--format", "json")
f.check(a[0] == 0 and b[0] == 0 and json.loads(a[1])["triage"] == json.loads(b[1])["triage"] == "emergency",
        f"the stopped response is not read back to the same result: {a[0]} {b[0]} {b[2][:300]}")
completed = os.path.join(d, "completed.fhir.json")
with open(completed, "w") as out:
    out.write(stopped.replace('"status": "stopped"', '"status": "completed"'))
code, _, err = run("evaluate", "--answers", completed)
f.check(code == 2 and "says completed, but required answers are missing" in err, f"a completed partial response: exit {code}: {err[:300]}")
f.finish()
