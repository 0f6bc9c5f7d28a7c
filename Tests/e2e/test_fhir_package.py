"""The terminology package as a hospital's validator loads it: `export-questionnaire --format
fhir-bundle` is a Bundle (collection) that fhir.resources (R4B) accepts, of the Questionnaire and
a CodeSystem and a ValueSet for every code the Questionnaire and the result Bundles use; no two
resources share a url|version; every resource has its narrative and the canonical ones their
publisher, date and jurisdiction; the pain score is marked for Observation extraction. And
--canonical-base reaches every FHIR output of every command that writes one."""
import json
import os
from cli import Failures, answer_file, run, tempdir, vignettes

try:
    from fhir.resources.R4B.bundle import Bundle
except ImportError:
    print("fhir.resources is missing: run `make venv` and set PYTHON=.venv/bin/python3")
    raise SystemExit(1)

f = Failures()
d = tempdir()
DEFAULT = "https://backtriage.invalid/fhir"
BASE = "https://fhir.example.org/r4"
PRIORITY = "http://hl7.org/fhir/request-priority"
EXTRACT = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract"


def walk(items):
    for item in items or []:
        yield item
        yield from walk(item.get("item"))


def codings(node):
    """Every Coding (an object with system and code) anywhere in `node`."""
    if isinstance(node, dict):
        if isinstance(node.get("system"), str) and isinstance(node.get("code"), str):
            yield node["system"], node["code"]
        for value in node.values():
            yield from codings(value)
    elif isinstance(node, list):
        for value in node:
            yield from codings(value)


code, out, err = run("export-questionnaire", "--format", "fhir-bundle")
f.check(code == 0, f"export-questionnaire --format fhir-bundle: exit {code}: {err}")
package = json.loads(out)
Bundle.model_validate(package)
f.check(package["type"] == "collection", f"type {package['type']}")
resources = [e["resource"] for e in package["entry"]]
questionnaire = resources[0]
f.check(questionnaire["resourceType"] == "Questionnaire", "the package does not start with the Questionnaire")
code, alone, _ = run("export-questionnaire")
f.check(json.loads(alone) == questionnaire, "the package's Questionnaire differs from export-questionnaire's")
for e in package["entry"]:
    f.check(e["fullUrl"] == f"{DEFAULT}/{e['resource']['resourceType']}/{e['resource']['id']}", f"fullUrl {e['fullUrl']}")

# One url|version, one resource.
canonical = {}
for r in resources:
    key = (r["url"], r["version"])
    f.check(key not in canonical, f"two resources claim {key}")
    canonical[key] = r
systems = {r["url"]: {c["code"] for c in r["concept"]} for r in resources if r["resourceType"] == "CodeSystem"}
value_sets = {r["compose"]["include"][0]["system"] for r in resources if r["resourceType"] == "ValueSet"}
f.check(set(systems) == value_sets, f"CodeSystems without a ValueSet: {set(systems) - value_sets}")
f.check(len(systems) >= 8, f"{len(systems)} CodeSystems")

# Every code of this deployment's systems that the Questionnaire and the results use is in them.
used = [("the Questionnaire", questionnaire)]
for i, case in enumerate(vignettes()):
    code, out, err = run("sheet", "--answers", answer_file(d, f"case{i}.json", case["answers"]), "--format", "fhir-bundle")
    f.check(code == 0, f"{case['name']}: exit {code}: {err[:200]}")
    used.append((case["name"], json.loads(out)))
code, out, err = run("sheet", "--answers", answer_file(d, "stop.json", {"rf_saddle_numbness": True}), "--format", "fhir-bundle")
used.append(("an emergency stop", json.loads(out)))
for name, resource in used:
    for system, value in codings(resource):
        if system.startswith(DEFAULT):
            f.check(value in systems.get(system, set()), f"{name}: {system}|{value} is in no CodeSystem of the package")

# Narrative everywhere; metadata on every canonical resource.
for name, resource in [("package", package)] + used[1:]:
    for e in resource["entry"]:
        r = e["resource"]
        f.check(r.get("text", {}).get("div", "").startswith('<div xmlns="http://www.w3.org/1999/xhtml">'),
                f"{name}: {r['resourceType']} has no narrative")
for r in resources:
    f.check(r.get("publisher") and r.get("date") and r.get("jurisdiction"), f"{r['resourceType']} {r['id']}: publisher, date or jurisdiction missing")

# The pain score is extracted as an Observation with its LOINC code; the level carries the request
# priority it calls for (self-care calls for none).
intensity = next(i for i in walk(questionnaire["item"]) if i["linkId"] == "intensity")
f.check(any(e["url"] == EXTRACT and e.get("valueBoolean") is True for e in intensity.get("extension", [])), "intensity: no observationExtract")
f.check(any(c["system"] == "http://loinc.org" and c["code"] == "72514-3" for c in intensity["code"]), "intensity: no LOINC 72514-3")
emergency = used[-1][1]["entry"][1]["resource"]["prediction"][0]["qualitativeRisk"]["coding"]
f.check((PRIORITY, "stat") in [(c["system"], c["code"]) for c in emergency], f"the emergency's priority: {emergency}")

# --canonical-base in every FHIR output of every command.
case = answer_file(d, "base.json", vignettes()[0]["answers"])
for command in (["export-questionnaire"], ["export-questionnaire", "--format", "fhir-bundle"],
                ["sheet", "--answers", case, "--format", "fhir"], ["sheet", "--answers", case, "--format", "fhir-bundle"]):
    code, out, err = run(*command, "--canonical-base", BASE)
    f.check(code == 0 and BASE in out and DEFAULT not in out, f"{' '.join(command)} --canonical-base: exit {code}: {err[:200]}")
code, _, err = run("history", "--canonical-base", BASE)
f.check(code == 64 and "--canonical-base goes with --export --format fhir" in err, f"history --canonical-base alone: exit {code}: {err}")
f.finish()
