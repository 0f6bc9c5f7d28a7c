"""`check` and `verify` pass on the shipped files and catch a broken copy."""
import json
import os
import re
import shutil
from cli import QUESTIONNAIRES, Failures, run, tempdir, vignettes, write

f = Failures()
code, out, err = run("list")
f.check(code == 0 and re.search(r"^back-pain\t3\.0\.0\ten,de", out, re.M), f"list: {code} {out} {err}")

code, out, err = run("check")
f.check(code == 0 and "0 errors" in out, f"check on shipped: {code} {out[-500:]} {err}")

code, out, err = run("verify")
f.check(code == 0 and "all properties hold" in out and "answer classes" in out, f"verify on shipped: {code} {out} {err}")

# A copy with a misspelt item in a rule: check names file, line, column and the fix.
d = tempdir()
copy = os.path.join(d, "q")
shutil.copytree(QUESTIONNAIRES, copy)
rules = os.path.join(copy, "back-pain", "rules.yaml")
text = open(rules).read()
open(rules, "w").write(text.replace("duration_weeks >= 6", "duraton_weeks >= 6", 1))
code, out, err = run("check", "--questionnaires", copy)
f.check(code == 1, f"check on broken copy: exit {code}")
f.check(re.search(r"rules\.yaml:\d+:\d+: error: in the condition of rule '[a-z0-9-]+': unknown item 'duraton_weeks'", out), f"check message: {out[:600]}")
f.check("did you mean 'duration_weeks'?" in out and "^" in out, "check: no hint or caret")

# A file that cannot be read or parsed is the one problem reported, not the first of hundreds
# about what it would have defined (unknown levels, unused catalog entries, unnamed signs).
for name, breakage in [("rules.yaml", "directory"), ("catalog.yaml", "syntax"), ("catalog.yaml", "binary")]:
    shutil.rmtree(copy)
    shutil.copytree(QUESTIONNAIRES, copy)
    path = os.path.join(copy, "back-pain", name)
    if breakage == "directory":
        os.remove(path)
        os.mkdir(path)
    else:
        with open(path, "ab") as fh:
            fh.write(b"x: [1\n" if breakage == "syntax" else b"\xff\xfe")
    code, out, err = run("check", "--questionnaires", copy)
    f.check(code == 1 and out.rstrip().endswith("1 error, 0 warnings"), f"check with {name} a {breakage}: exit {code}: {out[-800:]}")
    expected = {"directory": r"questionnaire\.yaml:\d+:\d+: error: cannot read .*rules\.yaml: Is a directory",
                "syntax": r"catalog\.yaml:\d+:\d+: error: invalid YAML", "binary": r"catalog\.yaml:\d+:\d+: error: the file is not valid UTF-8"}
    f.check(re.search(expected[breakage], out), f"check with {name} a {breakage}: {out[:400]}")

# An include that leads out of the questionnaire's folder is refused, and the file never quoted.
shutil.rmtree(copy)
shutil.copytree(QUESTIONNAIRES, copy)
entry = os.path.join(copy, "back-pain", "questionnaire.yaml")
source = open(entry).read()
open(entry, "w").write(source.replace("include: [catalog.yaml,", "include: [../../../../../../../../etc/passwd, catalog.yaml,", 1))
code, out, err = run("check", "--questionnaires", copy)
f.check(code == 1 and re.search(r"questionnaire\.yaml:\d+:11: error: '\.\./.*/etc/passwd' is outside the questionnaire's folder", out),
        f"check with an include outside: exit {code}: {out[:400]}")
f.check("root:" not in out + err, f"check quoted the file outside: {out[:400]}")

# A copy without the fever rule: rf_fever can no longer raise the level. check names the sign,
# and evaluate refuses the questionnaire rather than answer SELF-CARE to a fever.
shutil.rmtree(copy)
shutil.copytree(QUESTIONNAIRES, copy)
blocks = re.split(r"(?m)^(?=  - id: )", text)
open(rules, "w").write("".join(b for b in blocks if not b.startswith("  - id: red-flag-fever")))
code, out, err = run("check", "--questionnaires", copy)
f.check(code == 1, f"check without the fever rule: exit {code}")
f.check(re.search(r"questionnaire\.yaml:\d+:\d+: error: the warning sign 'rf_fever' is named by no rule", out), f"check output: {out[-600:]}")
answers = write(d, "fever.json", json.dumps({"questionnaire": "back-pain", "answers": {**vignettes()[0]["answers"], "rf_fever": True}}))
code, out, err = run("evaluate", "--questionnaires", copy, "--answers", answers)
f.check(code == 2 and "rf_fever" in err and "SELF-CARE" not in out, f"evaluate without the fever rule: exit {code} {out[:200]} {err[-300:]}")

# A copy whose fever rule asks for too little: verify fails with a counter-example that has fever.
shutil.rmtree(copy)
shutil.copytree(QUESTIONNAIRES, copy)
fever = next(b for b in blocks if b.startswith("  - id: red-flag-fever"))
open(rules, "w").write(text.replace(fever, fever.replace("triage: urgent", "triage: see_doctor", 1), 1))
code, out, err = run("verify", "--questionnaires", copy)
f.check(code == 1, f"verify with a weakened fever rule: exit {code} {err[-300:]}")
f.check("FAILED invariant urgent-signs-are-at-least-urgent" in out and "rf_fever=true" in out, f"verify output: {out}")
f.finish()
