"""Every vignette through `backtriage evaluate`, one file each and all in one .jsonl file."""
import json
from cli import Failures, answer_file, meets, run, tempdir, vignettes, write

f = Failures()
d = tempdir()
cases = vignettes()
for i, case in enumerate(cases):
    path = answer_file(d, f"case{i}.json", case["answers"])
    code, out, err = run("evaluate", "--answers", path, "--format", "json")
    f.check(code == 0, f"{case['name']}: exit {code}: {err}")
    if code == 0:
        result = json.loads(out)
        for key in ("triage", "suggestions", "cautions", "red_flags", "fired_rules", "trace"):
            f.check(key in result, f"{case['name']}: JSON lacks {key}")
        for p in meets(result, case["expect"]):
            f.check(False, f"{case['name']}: {p}")

lines = "\n".join(json.dumps({"questionnaire": "back-pain", "date": "2026-11-23", "answers": c["answers"]}) for c in cases)
code, out, err = run("evaluate", "--answers", write(d, "all.jsonl", lines + "\n"), "--format", "json")
f.check(code == 0, f"jsonl: exit {code}: {err}")
results = [json.loads(l) for l in out.splitlines() if l.strip()]
f.check(len(results) == len(cases), f"jsonl: {len(results)} results for {len(cases)} cases")
for case, result in zip(cases, results):
    f.check(not meets(result, case["expect"]), f"jsonl {case['name']}: {meets(result, case['expect'])}")

# The text format is what a person reads: level first, sources and reasons given.
code, out, err = run("evaluate", "--answers", answer_file(d, "seven.json", cases[1]["answers"]))
f.check(code == 0 and out.splitlines()[2].startswith("  SEE A DOCTOR:"), f"text: level is not first: {out[:300]}")
f.check("Source: betanet" in out and "Why:" in out, "text: no source or why")
f.check("low-back-6-weeks" not in out and ".txt" not in out, "text: a rule id or a file name reaches the reader")
code, out, err = run("evaluate", "--answers", answer_file(d, "seven.json", cases[1]["answers"]), "--explain")
f.check(code == 0 and "rule low-back-6-weeks: advice_applies and region == 'lower_back'" in " ".join(out.split()),
        f"--explain: no rule id and condition: {out[:600]}")
f.check("information, not a diagnosis" in out, "text: no disclaimer")
code, out, err = run("evaluate", "--answers", answer_file(d, "seven.json", cases[1]["answers"]), "--lang", "de")
f.check(code == 0 and "TERMIN IN DER ARZTPRAXIS" in out.upper() and "Quelle:" in out and "23.11.2026" in out, f"German text: {out[:300]}")

# Answers to questions not asked are ignored and each is named on standard error; a warning
# sign answered yes that is not used gets its own words.
neck = dict(next(c for c in cases if c["name"] == "whiplash, ten days")["answers"])
neck.update({"rf_trauma": True, "radiates_leg": True})
code, out, err = run("evaluate", "--answers", answer_file(d, "ignored.json", neck), "--format", "json")
f.check(code == 0 and json.loads(out)["triage"] == "self_care", f"ignored answers: exit {code}: {err}")
f.check("warning: the warning sign 'rf_trauma' was answered yes but is not used" in err, f"no own line for rf_trauma: {err}")
f.check("warning: the answer 'radiates_leg' is ignored" in err, f"radiates_leg not named: {err}")
f.check(json.loads(out)["ignored_answers"] == ["radiates_leg", "rf_trauma"], f"JSON ignored_answers: {out[-300:]}")

# A 16-year-old gets guidance, not an error.
teen = next(c for c in cases if c["name"] == "teenager with back pain")
code, out, err = run("evaluate", "--answers", answer_file(d, "teen.json", teen["answers"]))
f.check(code == 0 and "Written for adults" in out, f"teenager: exit {code}: {err} {out[:300]}")
f.finish()
