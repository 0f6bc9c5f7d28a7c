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
f.check(re.search(r": 1 failed$", out, re.M), f"test counts no failure: {out[-300:]}")

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

# A folder against itself: no change, exit 0, and it says whether it covered every class.
code, out, err = run("diff", shipped, shipped, "--samples", "200", timeout=300)
f.check(code == 0 and "no change" in out, f"diff of a folder with itself: exit {code}: {out[-600:]} {err}")
f.check(re.search(r"levels: every one of \d+ answer classes", out) and re.search(r"random sample of 200 of the \d+ answer classes \(seed 1", out),
        f"diff does not say what it covered: {out[:600]}")

# One emergency rule removed (and its sign no longer marked as one): a lowered level, first,
# with a witness that really gives an emergency before and less after; exit 1.
shutil.rmtree(copy)
shutil.copytree(shipped, copy)
rules_path = os.path.join(copy, "rules.yaml")
rules = open(rules_path).read()
block = re.search(r"  - id: ([a-z0-9-]+)\n    when: \"(rf_[a-z_]+)\"\n    triage: emergency\n.*?(?=\n  - id: )", rules, re.S)
removed_rule, sign = block.group(1), block.group(2)
open(rules_path, "w").write(rules.replace(block.group(0), "", 1))
entry = os.path.join(copy, "questionnaire.yaml")
items = open(entry).read()
item = re.search(rf"      - id: {sign}\n(        .*\n)+", items)
cut = re.sub(r"        (red_flag: true|watch: [a-z_]+)\n", "", item.group(0))
open(entry, "w").write(items.replace(item.group(0), cut, 1))
code, out, err = run("check", copy)
f.check(code == 0, f"the cut copy does not load: {out[-600:]}")
code, out, err = run("diff", shipped, copy, "--samples", "200", timeout=300)
f.check(code == 1, f"diff with {removed_rule} removed: exit {code}: {out[-600:]} {err}")
changes = out.split("\n\n")[1:]
f.check(changes and changes[0].startswith("LOWERS the level emergency -> "), f"the lowered level does not come first: {out[:900]}")
witness = next((line for line in (changes[0].split("\n") if changes else []) if line.startswith("  answers for ")), "")
f.check(witness, f"no witness answer file: {changes[:1]}")
if witness:
    answers = write(d, "witness.json", witness.split(": ", 1)[1])
    code, before, err = run("evaluate", "--questionnaires", os.path.dirname(shipped), "--answers", answers, "--format", "json")
    f.check(code == 0 and json.loads(before)["triage"] == "emergency", f"the witness is no emergency before: {code} {before[:300]} {err}")
    code, after, err = run("evaluate", "--questionnaires", d, "--answers", answers, "--format", "json")
    f.check(code == 0 and json.loads(after)["triage"] != "emergency", f"the witness is still an emergency after: {code} {after[:300]} {err}")
words = changes[0].split("\n")[1] if changes else ""
f.check(words.startswith("  for example: ") and ": yes" in words, f"the witness is not in words: {words}")

# For tools: the same as JSON; --allow-lower exits 0.
code, out, err = run("diff", shipped, copy, "--samples", "200", "--format", "json", "--allow-lower", timeout=300)
report = json.loads(out) if code == 0 else {}
f.check(code == 0 and report.get("lowers_level") is True, f"diff --format json --allow-lower: exit {code}: {out[:400]} {err}")
first = (report.get("changes") or [{}])[0]
f.check(first.get("kind") == "level" and first.get("from") == "emergency" and first.get("lowers_level") is True
        and int(first.get("count", "0")) > 0 and first.get("of") == "every class", f"first JSON change: {first}")
f.check(report.get("coverage", {}).get("others") == "sample" and report["coverage"].get("compared") == 200, f"coverage: {report.get('coverage')}")
f.finish()
