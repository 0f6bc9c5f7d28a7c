"""`evaluate` and `sheet` refuse a QuestionnaireResponse they must not evaluate, with exit 2 and a
message at file:line:column that names what is wrong and, where two things disagree, both:
entered-in-error (and any status but completed or amended), another questionnaire version,
another host (canonical base), another questionnaire, a code from another system, and a value of
the wrong JSON type ("valueBoolean": "true"). The unchanged response is read."""
import json
import os
import re
from cli import Failures, answer_file, run, tempdir, vignettes

f = Failures()
d = tempdir()
case = vignettes()[0]
code, valid, err = run("sheet", "--answers", answer_file(d, "case.json", case["answers"]), "--format", "fhir")
f.check(code == 0, f"sheet --format fhir: exit {code}: {err}")
base = "https://backtriage.invalid/fhir"
reference = f"{base}/Questionnaire/back-pain|2.0.0"
region_system = f"{base}/CodeSystem/back-pain-region"


def position(text, needle):
    """Line and column (from 1) of the first `needle` in `text`."""
    before = text[:text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def variant(old, new):
    f.check(old in valid, f"the response lacks {old}")
    return valid.replace(old, new, 1)


malformed = [
    ("entered-in-error", variant('"status": "completed"', '"status": "entered-in-error"'), '"entered-in-error"',
     ["recorded in error", "only a completed or amended response is evaluated"]),
    ("another version", variant(reference, f"{base}/Questionnaire/back-pain|1.0.0"), f'"{base}/Questionnaire/back-pain|1.0.0"',
     ["version 1.0.0", "version 2.0.0"]),
    ("another host", variant(reference, "https://forms.example.com/fhir/Questionnaire/back-pain|2.0.0"),
     '"https://forms.example.com/fhir/Questionnaire/back-pain|2.0.0"',
     ["https://forms.example.com/fhir", base, "--canonical-base https://forms.example.com/fhir"]),
    ("another questionnaire", variant(reference, f"{base}/Questionnaire/neck-pain|1.0.0"), f'"{base}/Questionnaire/neck-pain|1.0.0"',
     ["neck-pain|1.0.0", "not installed here", reference]),
    ("a code from another system", variant(region_system, "http://snomed.info/sct"), '"http://snomed.info/sct"',
     ["'region'", "http://snomed.info/sct", region_system]),
    ("a boolean written as text", variant('"valueBoolean": false', '"valueBoolean": "true"'), '"true"',
     ["valueBoolean", 'not the text "true"']),
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
f.finish()
