"""1,000 generated answer sets (FHIR_SETS to change it) that answer every question of the exported
Questionnaire, asked or not, with numbers next to every constant the content compares with:
- the items R4's enableWhen enables are exactly the items backtriage asks;
- `sheet --format fhir-bundle` gives a Bundle that fhir.resources (R4B) accepts, whose response
  holds no disabled item and keeps R4's rules for responses (fhir_r4.py);
- the response read back by `evaluate` gives the identical evaluation;
- the SDC variables (FHIRPath, by fhirpathpy) give the engine's phase, psychosocial_score,
  any_red_flag and every other derived value, and the triage level evaluate gives, for the
  first FHIRPATH_SETS of them (300 unless set: fhirpathpy takes about a tenth of a second a
  response)."""
import json
import os
import random
from concurrent.futures import ThreadPoolExecutor
from cli import Failures, answer_file, run, tempdir
import fhir_r4

try:
    from fhir.resources.R4B.bundle import Bundle
    import fhirpathpy  # noqa: F401
except ImportError:
    print("fhir.resources or fhirpathpy is missing: run `make venv` and set PYTHON=.venv/bin/python3")
    raise SystemExit(1)

COUNT = int(os.environ.get("FHIR_SETS", "1000"))
SEED = int(os.environ.get("FHIR_SEED", "20261123"))
FHIRPATH = int(os.environ.get("FHIRPATH_SETS", "300"))

f = Failures()
d = tempdir()
code, out, err = run("export-questionnaire")
q = json.loads(out)
numbers = fhir_r4.constants(os.path.join(os.environ["BACKTRIAGE_QUESTIONNAIRES"], "back-pain"), q)
rng = random.Random(SEED)
sets = [fhir_r4.generate(q, numbers, rng) for _ in range(COUNT)]
systems = {i["linkId"]: i["answerOption"][0]["valueCoding"]["system"] for i in fhir_r4.questions(q) if i["type"] == "choice"}
variables_of = fhir_r4.calculated_items(q)


def bundle_of(i):
    path = answer_file(d, f"set{i}.json", sets[i])
    return run("sheet", "--answers", path, "--format", "fhir-bundle")


with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
    results = list(pool.map(bundle_of, range(COUNT)))

originals = [{"questionnaire": "back-pain", "date": "2026-11-23", "answers": s} for s in sets]
evaluated = run("evaluate", "--answers", fhir_r4.jsonl(os.path.join(d, "originals.jsonl"), originals), "--format", "json")
f.check(evaluated[0] == 0, f"evaluate of the generated sets: exit {evaluated[0]}: {evaluated[2][:300]}")
engine = [json.loads(line) for line in evaluated[1].splitlines()]

responses = []
for i, ((code, out, err), answers, result) in enumerate(zip(results, sets, engine)):
    if code != 0:
        f.check(False, f"set {i}: sheet --format fhir-bundle: exit {code}: {err[:300]}")
        responses.append(None)
        continue
    bundle = json.loads(out)
    try:
        Bundle.model_validate(bundle)
    except Exception as e:
        f.check(False, f"set {i}: invalid Bundle: {str(e)[:500]}")
    response = bundle["entry"][0]["resource"]
    responses.append(response)
    for problem in fhir_r4.check_response(q, response):
        f.check(False, f"set {i}: {problem}")
    # R4 on the whole answer set enables exactly what the engine asks: everything it answered
    # but what it ignored.
    full = {k: [(systems[k], v) if k in systems else v] for k, v in answers.items()}
    r4 = fhir_r4.enabled(q, full) & set(answers)
    asked = set(answers) - set(result["ignored_answers"])
    f.check(r4 == asked, f"set {i}: R4 enables {sorted(r4 - asked)} that the engine does not ask, "
                         f"and not {sorted(asked - r4)} that it asks")
    values = fhir_r4.evaluate_variables(q, response) if i < FHIRPATH else {}
    # The level as the Questionnaire's hidden coded item computes it (FHIRPath over the rules).
    if i < FHIRPATH:
        f.check(values.get("triageLevel") == [result["triage"]], f"set {i}: FHIRPath %triageLevel = {values.get('triageLevel')}, "
                                                                 f"the engine says {result['triage']}")
    for link, variable in variables_of.items() if i < FHIRPATH else []:
        if link == "triage-level":
            continue
        want, got = result["derived"].get(link), values.get(variable, [])
        f.check((want is None and got == []) or (len(got) == 1 and fhir_r4.same(want, got[0])),
                f"set {i}: FHIRPath %{variable} = {got}, the engine says {want}")
    risk = bundle["entry"][1]["resource"]
    f.check(risk["prediction"][0]["qualitativeRisk"]["coding"][0]["code"] == result["triage"], f"set {i}: RiskAssessment level")

valid = [r for r in responses if r is not None]
back = run("evaluate", "--answers", fhir_r4.jsonl(os.path.join(d, "responses.jsonl"), valid), "--format", "json")
f.check(back[0] == 0, f"evaluate of the responses: exit {back[0]}: {back[2][:300]}")
returned = iter(json.loads(line) for line in back[1].splitlines())
for i, (response, result) in enumerate(zip(responses, engine)):
    if response is None:
        continue
    again = dict(next(returned))
    original = dict(result)
    original.pop("ignored_answers")
    f.check(again.pop("ignored_answers") == [], f"set {i}: the response holds answers the engine ignores")
    f.check(again == original, f"set {i}: the evaluation differs after the FHIR round trip")
print(f"{COUNT} generated answer sets (seed {SEED}), FHIRPath over {min(COUNT, FHIRPATH)}")
f.finish()
