"""The FHIR output is valid FHIR: every vignette's QuestionnaireResponse and the exported
Questionnaire pass fhir.resources (R4B models, which match R4 for these two resources), and a
response read back by `evaluate` gives the same result as the original answers."""
import json
import os
from cli import Failures, answer_file, run, tempdir, vignettes

try:
    from fhir.resources.R4B.questionnaire import Questionnaire
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
except ImportError:
    print("fhir.resources is missing: run `make venv` and set PYTHON=.venv/bin/python3")
    raise SystemExit(1)

f = Failures()
d = tempdir()

code, out, err = run("export-questionnaire", "--format", "fhir", "--questionnaire", "back-pain")
f.check(code == 0, f"export-questionnaire: exit {code}: {err}")
questionnaire = Questionnaire.model_validate_json(out) if code == 0 else None
link_ids = {item.linkId: item for item in (questionnaire.item if questionnaire else [])}
f.check("age" in link_ids and "rf_fever" in link_ids, "Questionnaire lacks age or rf_fever")
if "radiates_leg" in link_ids:
    ew = link_ids["radiates_leg"].enableWhen or []
    f.check(len(ew) == 1 and ew[0].question == "region" and ew[0].answerCoding.code == "lower_back",
            f"radiates_leg enableWhen: {ew}")
if "region" in link_ids:
    f.check([o.valueCoding.code for o in link_ids["region"].answerOption] == ["lower_back", "mid_back", "neck"],
            "region answerOption codes")

for i, case in enumerate(vignettes()):
    path = answer_file(d, f"case{i}.json", case["answers"])
    code, out, err = run("sheet", "--answers", path, "--format", "fhir")
    f.check(code == 0, f"{case['name']}: sheet --format fhir: exit {code}: {err}")
    if code != 0:
        continue
    try:
        response = QuestionnaireResponse.model_validate_json(out)
    except Exception as e:  # the validator's message says what is wrong
        f.check(False, f"{case['name']}: invalid QuestionnaireResponse: {e}")
        continue
    f.check(response.status == "completed", f"{case['name']}: status {response.status}")
    f.check(response.questionnaire == f"{questionnaire.url}|{questionnaire.version}",
            f"{case['name']}: questionnaire {response.questionnaire}")
    for item in response.item:
        f.check(item.linkId in link_ids, f"{case['name']}: linkId {item.linkId} is not in the Questionnaire")
    # Round trip through the command line: the response is an answer file for evaluate.
    fhir_path = os.path.join(d, f"case{i}.fhir.json")
    code, _, err = run("sheet", "--answers", path, "--format", "fhir", "-o", fhir_path)
    f.check(code == 0 and oct(os.stat(fhir_path).st_mode & 0o777) == "0o600", f"{case['name']}: -o mode or exit {code}: {err}")
    a = run("evaluate", "--answers", path, "--format", "json")
    b = run("evaluate", "--answers", fhir_path, "--format", "json")
    f.check(a[0] == 0 and b[0] == 0 and json.loads(a[1]) == json.loads(b[1]),
            f"{case['name']}: evaluate differs after the FHIR round trip: {b[2][:300]}")
f.finish()
