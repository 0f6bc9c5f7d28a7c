"""`backtriage test` runs a questionnaire's cases and `backtriage diff` shows what a content
change does to results, both against the real binary and real folders."""
import json
import os
import re
import shutil
from cli import QUESTIONNAIRES, Failures, run, tempdir, write

f = Failures()
shipped = os.path.join(QUESTIONNAIRES, "back-pain")

# The shipped questionnaire passes its own cases.
code, out, err = run("test", shipped)
f.check(code == 0 and re.search(r"^test back-pain \S+: \d+ cases in \d+ files?: \d+ passed, 0 failed$", out, re.M),
        f"test on shipped: exit {code}: {out[-1500:]} {err}")

# A copy whose case expects the wrong level fails at that line and column, saying both levels.
d = tempdir()
copy = os.path.join(d, "back-pain")
shutil.copytree(shipped, copy)
cases = os.path.join(copy, "cases", "examples.yaml")
lines = open(cases).read().split("\n")
index = next(i for i, line in enumerate(lines) if line.strip() == "triage: self_care")
lines[index] = lines[index].replace("self_care", "urgent")
open(cases, "w").write("\n".join(lines))
name = next(line for line in reversed(lines[:index]) if line.startswith("- name: ")).split(": ", 1)[1].strip('"')
code, out, err = run("test", copy)
column = lines[index].index("urgent") + 1
f.check(code == 1, f"test with a wrong level: exit {code}: {out[-800:]}")
f.check(f"{cases}:{index + 1}:{column}: error: case '{name}': expected the level urgent, came self_care" in out,
        f"test with a wrong level names no file:line:column: {out[:800]}")
f.check(re.search(r", 1 failed$", out, re.M), f"test counts no failure: {out[-300:]}")

# A case file with an unknown key is bad input (2), named at its line; so is a folder without cases.
write(os.path.join(copy, "cases"), "broken.yaml", "- name: x\n  answers: {age: 40}\n  expect: {traige: self_care}\n")
code, out, err = run("test", copy)
f.check(code == 2 and re.search(r"broken\.yaml:3:\d+: error: unknown expectation 'traige'", out) and "did you mean 'triage'?" in out,
        f"test with a malformed case file: exit {code}: {out[-600:]} {err}")
shutil.rmtree(os.path.join(copy, "cases"))
code, out, err = run("test", copy)
f.check(code == 2 and "no case files" in err, f"test without cases: exit {code}: {err}")
code, out, err = run("test", os.path.join(d, "nowhere"))
f.check(code == 2 and err.strip(), f"test on a missing questionnaire: exit {code}: {err}")

# diff on a small questionnaire, whose every class is compared in a moment.
small = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "small")
code, out, err = run("test", small)
f.check(code == 0 and "2 passed, 0 failed" in out, f"test on the small questionnaire: exit {code}: {out} {err}")

# A folder against itself: no change, exit 0, and it says it compared every class.
code, out, err = run("diff", small, small)
f.check(code == 0 and "no change" in out, f"diff of a folder with itself: exit {code}: {out[-600:]} {err}")
f.check("levels: every one of 210 answer classes" in out and "everything else: every one of 210 answer classes" in out,
        f"diff does not say it covered every class: {out[:600]}")

# The emergency rule removed: a lowered level, first, with a witness that really gives an
# emergency before and less after; exit 1.
old_dir, new_dir = os.path.join(d, "old"), os.path.join(d, "new")
shutil.copytree(small, os.path.join(old_dir, "small"))
shutil.copytree(small, os.path.join(new_dir, "small"))
entry = os.path.join(new_dir, "small", "questionnaire.yaml")
text = open(entry).read()
open(entry, "w").write(re.sub(r"  - \{id: fever-when-old, [^\n]*\n", "", text))
code, out, err = run("diff", os.path.join(old_dir, "small"), os.path.join(new_dir, "small"))
f.check(code == 1, f"diff with the emergency rule removed: exit {code}: {out[-600:]} {err}")
changes = out.split("\n\n")[1:]
f.check(changes and changes[0].startswith("LOWERS the level emergency -> self_care in 60 of 210 answer classes"),
        f"the lowered level does not come first, counted: {out[:900]}")
witness = next((line for line in (changes[0].split("\n") if changes else []) if line.startswith("  answers for ")), "")
f.check(witness, f"no witness answer file: {changes[:1]}")
if witness:
    answers = write(d, "witness.json", witness.split(": ", 1)[1])
    code, before, err = run("evaluate", "--questionnaires", old_dir, "--answers", answers, "--format", "json")
    f.check(code == 0 and json.loads(before)["triage"] == "emergency", f"the witness is no emergency before: {code} {before[:300]} {err}")
    code, after, err = run("evaluate", "--questionnaires", new_dir, "--answers", answers, "--format", "json")
    f.check(code == 0 and json.loads(after)["triage"] == "self_care", f"the witness is still an emergency after: {code} {after[:300]} {err}")
words = changes[0].split("\n")[1] if changes else ""
f.check(words == "  for example: How old are you: 60; Do you have a fever: yes", f"the witness is not in words: {words}")

# For tools: the same as JSON; --allow-lower exits 0.
code, out, err = run("diff", os.path.join(old_dir, "small"), os.path.join(new_dir, "small"), "--format", "json", "--allow-lower")
report = json.loads(out) if code == 0 else {}
f.check(code == 0 and report.get("lowers_level") is True, f"diff --format json --allow-lower: exit {code}: {out[:400]} {err}")
first = (report.get("changes") or [{}])[0]
f.check(first.get("kind") == "level" and first.get("from") == "emergency" and first.get("to") == "self_care"
        and first.get("lowers_level") is True and first.get("count") == "60" and first.get("of") == "every class", f"first JSON change: {first}")
f.check(report.get("coverage", {}).get("others") == "every" and report["coverage"].get("compared") == 210, f"coverage: {report.get('coverage')}")
code, out, err = run("diff", small, os.path.join(d, "nowhere"))
f.check(code == 2 and err.strip(), f"diff with a missing folder: exit {code}: {err}")
f.finish()
