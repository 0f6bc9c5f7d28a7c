"""Follow-up over weeks, as a person does it, in English and German: answer at week 2, check in
at weeks 6 and 13 (the day is set with BACKTRIAGE_TODAY), never typing the duration again; each
result is right and says what changed; `history` shows the check-ins and the chart; `due` tells
by its exit code; `remind --ics` is a calendar file a real iCalendar parser reads; the export is
JSON with every answer and a valid FHIR Bundle; the HTML sheet carries the chart as SVG; and
`history --delete` removes everything after the typed word."""
import json
import os
import stat
from cli import Failures, run, tempdir
from plain import WEEK_TWO as FIRST, check_in, signs_with

try:
    import icalendar
    from fhir.resources.R4B.bundle import Bundle
except ImportError:
    print("icalendar or fhir.resources is missing: run `make venv` and set PYTHON=.venv/bin/python3")
    raise SystemExit(1)

f = Failures()

WORDS = {
    "en": {"new": "Saved to your history as a new episode.", "weeks": "It is now 6 weeks since the pain began on 9 Nov 2026.",
           "since": "Since your last check-in on 23 Nov 2026:", "pain": "  - Pain intensity: from 6/10 to 4/10.",
           "level": "  - The result changed from SELF-CARE to SEE A DOCTOR",
           "mark12": "  - The 12-week mark is reached", "sign": "  - New warning sign: Severe pain at night",
           "due": "A check-in is due", "not_due": "No check-in is due yet", "episode": "Episode 1: Lower back, since 9 Nov 2026 (open)",
           "row6": "21 Dec 2026, week 6: Pain intensity 4/10; SEE A DOCTOR; next check 1 Feb", "delete": "delete",
           "kept": "Nothing was deleted.", "deleted": "Deleted: 1 episode with 3 check-ins"},
    "de": {"new": "In Ihrem Verlauf als neue Episode gespeichert.", "weeks": "Die Schmerzen begannen am 09.11.2026, vor 6 Wochen.",
           "since": "Seit Ihrer letzten Kontrolle am 23.11.2026:", "pain": "  - Schmerzstärke: von 6/10 auf 4/10.",
           "level": "  - Das Ergebnis hat sich geändert, von SELBSTHILFE zu TERMIN IN DER ARZTPRAXIS",
           "mark12": "  - Die Marke von 12 Wochen ist erreicht", "sign": "  - Neues Warnzeichen: Starke Schmerzen nachts",
           "due": "Eine Kontrolle ist fällig", "not_due": "Noch ist keine Kontrolle fällig",
           "episode": "Episode 1: Unterer Rücken (Kreuz), seit 09.11.2026 (offen)",
           "row6": "21.12.2026, Woche 6: Schmerzstärke 4/10; TERMIN IN DER ARZTPRAXIS; nächste Kontrolle 01.02.2027", "delete": "löschen",
           "kept": "Es wurde nichts gelöscht.", "deleted": "Gelöscht: 1 Episode mit 3 Kontrollen"},
}

for lang, w in WORDS.items():
    d = tempdir()
    env = {"XDG_STATE_HOME": os.path.join(d, "state"), "XDG_DATA_HOME": os.path.join(d, "data"), "LANG": "C.UTF-8", "LC_ALL": ""}
    at = lambda day: dict(env, BACKTRIAGE_TODAY=day)
    db = os.path.join(d, "data", "backtriage", "history.sqlite3")

    code, out, err = run("--plain", "--lang", lang, stdin=FIRST, env=at("2026-11-23"))
    f.check(code == 10 and w["new"] in out, f"{lang} week 2: exit {code}: {out[-500:]} {err}")

    # Before the next check nothing is due; on its day it is.
    code, out, _ = run("due", "--lang", lang, env=at("2026-12-01"))
    f.check(code == 1 and w["not_due"] in out, f"{lang} due before week 6: exit {code}: {out}")
    code, out, _ = run("due", "--quiet", env=at("2026-12-01"))
    f.check(code == 1 and out == "", f"{lang} due --quiet before week 6 printed: {out!r}")
    code, out, _ = run("due", "--lang", lang, env=at("2026-12-21"))
    f.check(code == 0 and w["due"] in out, f"{lang} due at week 6: exit {code}: {out}")

    # Week 6: the weeks are counted (Enter keeps them), and the result says what changed.
    code, out, err = run("--plain", "--lang", lang, stdin=check_in("4"), env=at("2026-12-21"))
    f.check(code == 11, f"{lang} week 6: exit {code}: {out[-800:]} {err}")
    for key in ("weeks", "since", "pain", "level"):
        f.check(w[key] in out, f"{lang} week 6: missing {w[key]!r}")
    f.check(out.count("\n> ") < 40, f"{lang} week 6: too many prompts, something was asked twice")

    # Week 13: past 12 weeks, with a new warning sign (severe pain at night).
    signs = signs_with("rf_night_pain")
    code, out, err = run("--plain", "--lang", lang, stdin=check_in("5", signs, stiffness=True), env=at("2027-02-08"))
    f.check(code == 12, f"{lang} week 13: exit {code} (12 = within days): {out[-800:]} {err}")
    f.check(w["mark12"] in out and w["sign"] in out, f"{lang} week 13: changes: {out[out.find('  - '):][:800]}")

    # The history: text with the chart, json and csv.
    code, out, _ = run("history", "--lang", lang, "--chart", "ascii", env=at("2027-02-08"))
    flat = " ".join(out.split())  # a long line wraps
    f.check(code == 0 and w["episode"] in out and w["row6"] in flat, f"{lang} history: {out}")
    f.check(all(len(line) <= 80 for line in out.splitlines()), f"{lang} history wider than 80 columns")
    f.check(not any(0x2500 <= ord(c) <= 0x28FF or c in "○●◆▲■" for c in out), f"{lang} --chart ascii drew non-ASCII lines")
    code, out, _ = run("history", "--lang", lang, "--chart", "unicode", env=at("2027-02-08"))
    f.check(any(0x2801 <= ord(c) <= 0x28FF for c in out), f"{lang} --chart unicode drew no braille")
    code, out, _ = run("history", "--format", "json", env=at("2027-02-08"))
    summary = json.loads(out)
    checks = summary["episodes"][0]["check_ins"]
    f.check([(c["weeks"], c["intensity"], c["level"]) for c in checks] == [(2, 6, "self_care"), (6, 4, "see_doctor"), (13, 5, "soon")],
            f"{lang} history json: {checks}")
    f.check([c["next_check"] for c in checks] == [{"date": "2026-12-07", "weeks": 4}, {"date": "2027-02-01", "weeks": 12}, None],
            f"{lang} next checks: {[c['next_check'] for c in checks]}")
    code, out, _ = run("history", "--format", "csv", env=at("2027-02-08"))
    f.check(out.splitlines()[2] == "1,lower_back,2026-11-09,2026-12-21,6,4,see_doctor,2027-02-01", f"{lang} csv: {out}")

    # No next check after a warning sign: remind says so and writes nothing.
    code, out, err = run("remind", "--ics", "-o", os.path.join(d, "none.ics"), env=at("2027-02-08"))
    f.check(code == 1 and not os.path.exists(os.path.join(d, "none.ics")), f"{lang} remind without a next check: exit {code} {err}")

    # The export: every answer in JSON, and a FHIR Bundle of three responses.
    code, out, _ = run("history", "--export", "-o", os.path.join(d, "export.json"), env=at("2027-02-08"))
    exported = json.load(open(os.path.join(d, "export.json")))
    answers = exported["episodes"][0]["check_ins"][2]["answers"]
    f.check(answers.get("rf_night_pain") is True and answers.get("duration_weeks") == 13, f"{lang} export answers: {answers}")
    f.check(stat.S_IMODE(os.stat(os.path.join(d, "export.json")).st_mode) == 0o600, f"{lang} export file is not 0600")
    # In FHIR, under the deployment's base: the episode, then each check-in's response and its
    # result (the level as stored, holding until the next check); each response read back by
    # evaluate under that base gives the level the check-in stored.
    base = "https://fhir.example.org/r4"
    code, out, err = run("history", "--export", "--format", "fhir", "--lang", lang, "--canonical-base", base, env=at("2027-02-08"))
    try:
        Bundle.model_validate_json(out)
        data = json.loads(out)
        resources = [e["resource"] for e in data["entry"]]
        f.check([r["resourceType"] for r in resources] == ["EpisodeOfCare"] + ["QuestionnaireResponse", "RiskAssessment"] * 3,
                f"{lang} bundle: {[r['resourceType'] for r in resources]}")
        f.check(resources[0]["status"] == "active" and resources[0]["period"]["start"] == "2026-11-09", f"{lang} episode {resources[0]}")
        f.check([r["authored"] for r in resources[1::2]] == ["2026-11-23", "2026-12-21", "2027-02-08"],
                f"{lang} authored: {[r.get('authored') for r in resources[1::2]]}")
        f.check("backtriage.invalid" not in out and all(r["questionnaire"].startswith(base) for r in resources[1::2]),
                f"{lang} the export does not keep --canonical-base")
        for i, (response, result, stored) in enumerate(zip(resources[1::2], resources[2::2], checks)):
            prediction = result["prediction"][0]
            f.check(prediction["qualitativeRisk"]["coding"][0]["code"] == stored["level"], f"{lang} check-in {i}: level {prediction}")
            f.check(prediction.get("whenPeriod", {}).get("end") == (stored["next_check"] or {}).get("date"), f"{lang} check-in {i}: next check")
            f.check([b["reference"] for b in result["basis"]] == [data["entry"][1 + 2 * i]["fullUrl"], data["entry"][0]["fullUrl"]],
                    f"{lang} check-in {i}: basis {result['basis']}")
            path = os.path.join(d, f"check-in-{i}.fhir.json")
            with open(path, "w") as out_file:
                json.dump(response, out_file)
            code, back, err = run("evaluate", "--answers", path, "--format", "json", "--canonical-base", base, env=at("2027-02-08"))
            f.check(code == 0 and json.loads(back)["triage"] == stored["level"], f"{lang} check-in {i} read back: exit {code}: {err[:300]}")
    except Exception as e:  # the validator says what is wrong
        f.check(False, f"{lang} invalid FHIR Bundle: {e}: {err} {out[:300]}")
    # The last check-in's sheet in FHIR keeps the base too.
    for fmt in ("fhir", "fhir-bundle"):
        code, out, err = run("sheet", "--history", "--format", fmt, "--canonical-base", base, env=at("2027-02-08"))
        f.check(code == 0 and base in out and "backtriage.invalid" not in out, f"{lang} sheet --history --format {fmt}: exit {code}: {err}")

    # The HTML sheet of the last check-in has the chart as inline SVG.
    code, out, _ = run("sheet", "--history", "--format", "html", "--lang", lang, env=at("2027-02-08"))
    f.check(code == 0 and out.count("<svg ") == 1 and "stroke-dasharray" in out, f"{lang} sheet --history: exit {code}")

    # Delete: a wrong word keeps everything, the right one removes it all.
    code, out, _ = run("history", "--delete", "--lang", lang, stdin="no\n", env=at("2027-02-08"))
    f.check(code == 1 and w["kept"] in out and os.path.exists(db), f"{lang} delete refused: exit {code}: {out}")
    code, out, _ = run("history", "--delete", "--lang", lang, stdin=w["delete"] + "\n", env=at("2027-02-08"))
    f.check(code == 0 and w["deleted"] in out, f"{lang} delete: exit {code}: {out}")
    f.check(not os.path.exists(db) and not os.path.exists(db + "-wal"), f"{lang} the history is still there")
    f.check(not os.listdir(os.path.join(d, "state")) if os.path.exists(os.path.join(d, "state")) else True,
            f"{lang} saved files left: {os.listdir(os.path.join(d, 'state'))}")
    code, out, _ = run("history", env=at("2027-02-08"))
    f.check(code == 0 and "No history yet" in out, f"{lang} history after delete: {out}")

# A reminder for the next check, read by a real iCalendar parser.
d = tempdir()
env = {"XDG_STATE_HOME": os.path.join(d, "state"), "XDG_DATA_HOME": os.path.join(d, "data"), "LANG": "C.UTF-8", "LC_ALL": ""}
run("--plain", stdin=FIRST, env=dict(env, BACKTRIAGE_TODAY="2026-11-23"))
ics = os.path.join(d, "next.ics")
code, _, err = run("remind", "--ics", "-o", ics, env=dict(env, BACKTRIAGE_TODAY="2026-11-23"))
f.check(code == 0 and stat.S_IMODE(os.stat(ics).st_mode) == 0o600, f"remind: exit {code}: {err}")
calendar = icalendar.Calendar.from_ical(open(ics, "rb").read())
events = list(calendar.walk("VEVENT"))
f.check(len(events) == 1, f"{len(events)} events")
event = events[0]
f.check(str(event.decoded("DTSTART")) == "2026-12-07", f"DTSTART {event.decoded('DTSTART')}")
description = str(event.get("DESCRIPTION"))
for sign in ("Numbness around the anus, genitals or inner thighs", "Fever or chills with the pain", "Call 112 at once"):
    f.check(sign in description, f"the reminder does not name {sign!r}: {description}")
alarms = list(event.walk("VALARM"))
f.check(len(alarms) == 1 and str(alarms[0].get("ACTION")) == "DISPLAY", f"alarms: {alarms}")
f.check(open(ics, "rb").read().count(b"\r\n") > 10, "lines do not end in CRLF")
code, out, _ = run("remind", "--ics", "--lang", "de", env=dict(env, BACKTRIAGE_TODAY="2026-11-23"))
german = list(icalendar.Calendar.from_ical(out.encode()).walk("VEVENT"))[0]
f.check("Warten Sie nicht bis zu diesem Tag" in str(german.get("DESCRIPTION")), "German reminder")

# --no-save writes nothing anywhere, and offers no check-in.
d = tempdir()
env = {"XDG_STATE_HOME": os.path.join(d, "state"), "XDG_DATA_HOME": os.path.join(d, "data"), "HOME": d, "LANG": "C.UTF-8",
       "LC_ALL": "", "BACKTRIAGE_TODAY": "2026-11-23"}
code, out, _ = run("--plain", "--no-save", stdin=FIRST, env=env)
f.check(code == 10 and os.listdir(d) == [], f"--no-save: exit {code}, wrote {os.listdir(d)}")
f.finish()
