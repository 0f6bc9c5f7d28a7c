"""The FHIR output is valid FHIR and follows R4's rules: the exported Questionnaire (one, with
both languages) and, for every example, the QuestionnaireResponse and the Bundle pass
fhir.resources (R4B models, which match R4 for these resources); every response keeps R4's rules
for responses against that Questionnaire (fhir_r4.py); the items R4's enableWhen enables are
exactly the ones backtriage asks; a response read back by `evaluate` gives the same result; the
SDC variables (FHIRPath) give the engine's derived values."""
import json
import os
import re
from cli import Failures, answer_file, run, tempdir, vignettes
import fhir_r4

try:
    from fhir.resources.R4B.bundle import Bundle
    from fhir.resources.R4B.questionnaire import Questionnaire
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
    import fhirpathpy  # noqa: F401
except ImportError:
    print("fhir.resources or fhirpathpy is missing: run `make venv` and set PYTHON=.venv/bin/python3")
    raise SystemExit(1)

f = Failures()
d = tempdir()

code, out, err = run("export-questionnaire", "--format", "fhir", "--questionnaire", "back-pain", "--lang", "en")
f.check(code == 0, f"export-questionnaire: exit {code}: {err}")
q = json.loads(out)
Questionnaire.model_validate(q)
code, out_de, err = run("export-questionnaire", "--format", "fhir", "--lang", "de")

# One Questionnaire per content version, in both languages: its texts are in the first language
# of the questionnaire whatever --lang says, the others are translations, so one url|version is
# one resource.
f.check(out == out_de, "the exports with --lang en and --lang de differ: two resources under one url|version")
f.check(q["language"] == "en", f"language {q['language']}")
items_en = {i["linkId"]: i for i, _ in fhir_r4.walk(q["item"])}
f.check(all(fhir_r4.translations(i.get("_text")).get("de") for i in items_en.values() if "text" in i),
        "an item text has no German translation")
f.check(fhir_r4.translations(q.get("_title")).get("de") not in (None, q["title"]), "the title has no German translation")
f.check(len(items_en) == len(set(items_en)), "linkIds are not unique")

# The canonical base a deployment sets reaches every URL of the export.
code, out_base, err = run("export-questionnaire", "--canonical-base", "https://fhir.example.org/r4")
f.check(code == 0 and json.loads(out_base)["url"] == "https://fhir.example.org/r4/Questionnaire/back-pain"
        and "backtriage.invalid" not in out_base, f"--canonical-base: exit {code}: {err[:200]}")
code, _, err = run("export-questionnaire", "--canonical-base", "ftp://fhir.example.org")
f.check(code == 64 and "canonical base" in err, f"a canonical base that is no http(s) URL: exit {code}")

numbers = fhir_r4.constants(os.path.join(os.environ["BACKTRIAGE_QUESTIONNAIRES"], "back-pain"), q)
variables_of = fhir_r4.calculated_items(q)

originals, responses, bundles = [], [], []
for i, case in enumerate(vignettes()):
    path = answer_file(d, f"case{i}.json", case["answers"])
    code, out, err = run("sheet", "--answers", path, "--format", "fhir-bundle")
    f.check(code == 0, f"{case['name']}: sheet --format fhir-bundle: exit {code}: {err}")
    if code != 0:
        continue
    bundle = json.loads(out)
    try:
        Bundle.model_validate(bundle)
        QuestionnaireResponse.model_validate(bundle["entry"][0]["resource"])
    except Exception as e:  # the validator's message says what is wrong
        f.check(False, f"{case['name']}: invalid: {e}")
        continue
    response = bundle["entry"][0]["resource"]
    for problem in fhir_r4.check_response(q, response):
        f.check(False, f"{case['name']}: {problem}")
    # The fhir format is the same response.
    code, out, err = run("sheet", "--answers", path, "--format", "fhir")
    f.check(code == 0 and json.loads(out) == response, f"{case['name']}: --format fhir differs from the bundle's response")
    fhir_path = os.path.join(d, f"case{i}.fhir.json")
    code, _, err = run("sheet", "--answers", path, "--format", "fhir", "-o", fhir_path)
    f.check(code == 0 and oct(os.stat(fhir_path).st_mode & 0o777) == "0o600", f"{case['name']}: -o mode or exit {code}: {err}")
    originals.append({"questionnaire": "back-pain", "date": "2026-11-23", "answers": case["answers"]})
    responses.append(response)
    bundles.append((case["name"], bundle))

# A bundle is made with fresh identifiers and the time of making; BACKTRIAGE_TODAY makes it
# reproducible.
first = answer_file(d, "first.json", vignettes()[0]["answers"])
one, two = (json.loads(run("sheet", "--answers", first, "--format", "fhir-bundle")[1]) for _ in range(2))
f.check(one["identifier"] != two["identifier"] and one["entry"][0]["fullUrl"] != two["entry"][0]["fullUrl"],
        "two bundles of the same answers share identifiers")
f.check(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", one["timestamp"]) is not None, f"timestamp {one['timestamp']}")
fixed = [run("sheet", "--answers", first, "--format", "fhir-bundle", env={"BACKTRIAGE_TODAY": "2026-11-23"})[1] for _ in range(2)]
f.check(fixed[0] == fixed[1] and json.loads(fixed[0])["timestamp"] == "2026-11-23T00:00:00Z",
        "bundles under BACKTRIAGE_TODAY differ or are not stamped with that day")

# Round trip and derived values, one evaluate run each.
a = run("evaluate", "--answers", fhir_r4.jsonl(os.path.join(d, "originals.jsonl"), originals), "--format", "json")
b = run("evaluate", "--answers", fhir_r4.jsonl(os.path.join(d, "responses.jsonl"), responses), "--format", "json")
f.check(a[0] == 0 and b[0] == 0, f"evaluate: exit {a[0]}, {b[0]}: {b[2][:300]}")
for (name, bundle), line_a, line_b, response in zip(bundles, a[1].splitlines(), b[1].splitlines(), responses):
    ra, rb = json.loads(line_a), json.loads(line_b)
    ignored = ra.pop("ignored_answers")
    rb.pop("ignored_answers")
    f.check(ra == rb, f"{name}: evaluate differs after the FHIR round trip")
    held = {i["linkId"] for i, _ in fhir_r4.walk(response["item"])}
    f.check(not held & set(ignored), f"{name}: the response holds answers the engine ignores: {held & set(ignored)}")
    values = fhir_r4.evaluate_variables(q, response)
    written = {i["linkId"]: fhir_r4.answer_value(i["answer"][0]) for i, _ in fhir_r4.walk(response["item"]) if i["linkId"] in variables_of}
    # The hidden coded item of the level: FHIRPath over the response gives the level evaluate gives.
    level = values.get("triageLevel", [])
    f.check(level == [ra["triage"]], f"{name}: FHIRPath %triageLevel = {level}, evaluate says {ra['triage']}")
    written_level = next((i["answer"][0]["valueCoding"]["code"] for i, _ in fhir_r4.walk(response["item"]) if i["linkId"] == "triage-level"), None)
    f.check(written_level == ra["triage"], f"{name}: the response says the level is {written_level}")
    for link, variable in variables_of.items():
        if link == "triage-level":
            continue
        engine = ra["derived"].get(link)
        got = values.get(variable, [])
        f.check((engine is None and got == []) or (len(got) == 1 and fhir_r4.same(engine, got[0])),
                f"{name}: FHIRPath %{variable} = {got}, the engine says {engine}")
        f.check(engine is None or fhir_r4.same(engine, written.get(link)), f"{name}: the response says {link} = {written.get(link)}")
    # The bundle says what evaluate says.
    risk = bundle["entry"][1]["resource"]
    plan = bundle["entry"][2]["resource"]
    f.check(risk["prediction"][0]["qualitativeRisk"]["coding"][0]["code"] == ra["triage"], f"{name}: RiskAssessment level")
    f.check([p["outcome"]["coding"][0]["code"] for p in risk["prediction"][1:]] == [c["cause"] for c in ra["red_flag_causes"]],
            f"{name}: RiskAssessment causes")
    codes = [a["detail"]["code"]["coding"][0]["code"] for a in plan.get("activity", [])]
    f.check(codes[:len(ra["suggestions"]) + len(ra["cautions"]) + len(ra["notes"])] == ra["suggestions"] + ra["cautions"] + ra["notes"],
            f"{name}: CarePlan activities {codes}")
f.finish()
