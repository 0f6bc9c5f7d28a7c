"""The results of the real binary against an independent model of the specification
(specmodel.py, specification version 3): the cases of spec_cases.jsonl, each naming the rule or section it tests,
and the shared examples, each with its own expectations and every general check, in JSON and
in the English and German patient text; then random answer sets, whose level and whose
action, suggestions, cautions, notes and next check the model predicts."""
import json
import os
import random
from cli import Failures, vignettes
from specmodel import generic, model, rand_answers, run, run_one_text, specific

HERE = os.path.dirname(os.path.abspath(__file__))
f = Failures()


def check_cases(cases, origin):
    results = run(cases, ["--format", "json"])
    outputs = [json.loads(line) for line in results.stdout.splitlines() if line.strip()]
    f.check(len(outputs) == len(cases), f"{origin}: {len(outputs)} results for {len(cases)} cases")
    for case, result in zip(cases, outputs):
        expect = case.get("expect", {})
        if "error" in result:
            f.check(bool(expect.get("error")), f"{origin}: {case['name']}: {result['error'][:200]}")
            continue
        if expect.get("error"):
            f.check(False, f"{origin}: {case['name']}: expected an error, got {result['triage']}")
            continue
        english, stderr, _ = run_one_text(case, "en")
        german, _, _ = run_one_text(case, "de")
        case["_stderr"] = stderr
        problems = specific(case, result, english, german) + ["[general] " + p for p in generic(case, result, english, german)]
        f.check(not problems, f"{origin}: {case['name']} ({case.get('spec', 'example')}): " + "; ".join(problems))


with open(os.path.join(HERE, "spec_cases.jsonl")) as fh:
    spec_cases = [json.loads(line) for line in fh if line.strip()]
check_cases(spec_cases, "spec_cases.jsonl")
examples = vignettes()
check_cases(examples, "examples")

# Random answer sets: seeded, so a failure names sets that can be replayed.
rng = random.Random(20261125)
cases = [{"name": f"random {i}", "answers": rand_answers(rng)} for i in range(1500)]
outputs = [json.loads(line) for line in run(cases, ["--format", "json"]).stdout.splitlines()]
f.check(len(outputs) == len(cases), f"random: {len(outputs)} results for {len(cases)} sets")
for case, result in zip(cases, outputs):
    if "error" in result:
        f.check(False, f"{case['name']}: {result['error']}: {json.dumps(case['answers'])}")
        continue
    m = model(case["answers"])
    problems = [f"level {result['triage']}, the model says {m['level']}"] if result["triage"] != m["level"] else []
    if result.get("action") != m["action"]: problems.append(f"action {result.get('action')}, the model says {m['action']}")
    problems += [f"no suggestion {x}" for x in sorted(m["sug"] - set(result["suggestions"]))]
    problems += [f"suggestion {x}" for x in sorted(m["nosug"] & set(result["suggestions"]))]
    problems += [f"no caution {x}" for x in sorted(m["cau"] - set(result["cautions"]))]
    problems += [f"no note {x}" for x in sorted(m["notes"] - set(result["notes"]))]
    problems += [f"note {x}" for x in sorted(m["nonotes"] & set(result["notes"]))]
    got_next = result["next_check"]["weeks"] if result["next_check"] else None
    if got_next != m["next_check"]: problems.append(f"next check {got_next}, the model says {m['next_check']}")
    problems += ["[general] " + p for p in generic(case, result, None, None)]
    f.check(not problems, f"{case['name']}: " + "; ".join(problems) + ": " + json.dumps(case["answers"]))
print(f"spec conformance: {len(spec_cases)} cases, {len(examples)} examples, {len(cases)} random answer sets; "
      f"{len(f.messages)} failed")
f.finish()
