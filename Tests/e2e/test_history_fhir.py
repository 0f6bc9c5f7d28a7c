"""The history in FHIR, as an integrator's tools read it: an episode begun in plain mode and a
second one that a plain-mode emergency interrupt ends early. `history --export --format fhir
--canonical-base URL` is a Bundle fhir.resources (R4B) accepts, with each episode as an
EpisodeOfCare and each check-in's response and result (level, next check) resting on the
response and the episode; the interrupted check-in's response is `stopped`, never `completed`;
no URL keeps the default base; and every response read back by `evaluate` under that base
gives the level its check-in stored. `sheet --history` keeps the base too."""
import json
import os
from cli import Failures, answer_file, run, tempdir, vignettes
from plain import EMERGENCY_SIGNS, lines

try:
    from fhir.resources.R4B.bundle import Bundle
except ImportError:
    print("fhir.resources is missing: run `make venv` and set PYTHON=.venv/bin/python3")
    raise SystemExit(1)

f = Failures()
d = tempdir()
BASE = "https://fhir.example.org/r4"
env = {"XDG_STATE_HOME": os.path.join(d, "state"), "XDG_DATA_HOME": os.path.join(d, "data"), "LANG": "C.UTF-8", "LC_ALL": ""}
at = lambda day: dict(env, BACKTRIAGE_TODAY=day)

# A complete first check-in from an answer file, then a new bout of pain whose session stops at
# an emergency sign (the plain mode interrupts there).
complete = answer_file(d, "complete.json", vignettes()[0]["answers"])
code, out, err = run("--plain", "--answers", complete, stdin="", env=at("2026-11-23"))
f.check("Saved to your history" in out, f"the first check-in is not recorded: exit {code}: {out[-300:]} {err}")
answers = {"age": 45, "region": "lower_back", "duration_weeks": 1, "recurrent": False, "intensity": 5,
           "radiates_leg": False, "leg_numbness": False, "claudication": False, "diagnosis": "none"}
typed = lines({**answers, sorted(EMERGENCY_SIGNS)[0]: True}, go_on_after_emergency=False)
code, out, err = run("--plain", stdin="\n".join(["2"] + typed) + "\n", env=at("2026-11-30"))
f.check(code == 14, f"the emergency session: exit {code}: {out[-500:]} {err}")

code, summary, _ = run("history", "--format", "json", env=at("2026-11-30"))
stored = [c for e in json.loads(summary)["episodes"] for c in e["check_ins"]]
code, out, err = run("history", "--export", "--format", "fhir", "--canonical-base", BASE, env=at("2026-11-30"))
f.check(code == 0, f"history --export --format fhir: exit {code}: {err}")
try:
    Bundle.model_validate_json(out)
except Exception as e:  # the validator says what is wrong
    f.check(False, f"invalid FHIR Bundle: {str(e)[:800]}")
bundle = json.loads(out)
entries = bundle.get("entry", [])
kinds = [e["resource"]["resourceType"] for e in entries]
f.check(kinds.count("EpisodeOfCare") == len(json.loads(summary)["episodes"]) and kinds.count("QuestionnaireResponse") == len(stored),
        f"entries {kinds} for {len(stored)} check-ins")
f.check("backtriage.invalid" not in out, "a URL keeps the default base")

episode, responses = None, []
for i, e in enumerate(entries):
    r = e["resource"]
    if r["resourceType"] == "EpisodeOfCare":
        episode = e["fullUrl"]
    elif r["resourceType"] == "QuestionnaireResponse":
        responses.append((e["fullUrl"], r))
    elif r["resourceType"] == "RiskAssessment":
        url, response = responses[-1]
        f.check([b["reference"] for b in r["basis"]] == [url, episode], f"the result rests on {r['basis']}")
for (url, response), check_in in zip(responses, stored):
    f.check(response["questionnaire"].startswith(BASE + "/Questionnaire/back-pain|"), f"questionnaire {response['questionnaire']}")
    path = os.path.join(d, url.rsplit(":", 1)[1] + ".json")
    with open(path, "w") as out_file:
        json.dump(response, out_file)
    code, back, err = run("evaluate", "--answers", path, "--format", "json", "--canonical-base", BASE, env=at("2026-11-30"))
    f.check(code == 0 and json.loads(back or "{}").get("triage") == check_in["level"],
            f"the response of {check_in['date']} read back: exit {code}, stored {check_in['level']}: {err[:300]}")
statuses = [r["status"] for _, r in responses]
f.check(statuses == ["completed", "stopped"], f"statuses {statuses}: the interrupted check-in must be stopped")
levels = [r["prediction"][0]["qualitativeRisk"]["coding"][0]["code"] for r in (e["resource"] for e in entries)
          if r["resourceType"] == "RiskAssessment"]
f.check(levels == [c["level"] for c in stored], f"levels {levels}, stored {[c['level'] for c in stored]}")
first = next(e["resource"] for e in entries if e["resource"]["resourceType"] == "RiskAssessment")
f.check(first["prediction"][0].get("whenPeriod", {}).get("end") == (stored[0]["next_check"] or {}).get("date"), "the next check")

for fmt in ("fhir", "fhir-bundle"):
    code, out, err = run("sheet", "--history", "--format", fmt, "--canonical-base", BASE, env=at("2026-11-30"))
    f.check(code == 0 and BASE in out and "backtriage.invalid" not in out, f"sheet --history --format {fmt}: exit {code}: {err}")
f.finish()
