"""An independent model of clinical-content.md version 3, written from the specification alone
(not from the questionnaire's data), and the checks a result must pass against it: the
expectations of one case, and the checks that hold for every answer set (the safety
invariants, the result shape by level, the next check and its date, the watch list, what a
patient reads in English and German). test_spec_conformance.py runs them on the cases in
spec_cases.jsonl, on the shared examples and on random answer sets.

Expect keys of a case (all optional): triage; include / exclude (suggestions); cautions /
exclude_cautions; notes / exclude_notes; only_notes; empty (no suggestions, no cautions);
next_check (weeks or null); next_check_date; red_flags / red_flags_exact; causes; highlighted;
first_caution; action; first_note; watch_has {action: [items]}; watch_groups [actions in order]; watch_not; ignored; error (evaluation must fail);
stderr_has; text_has / text_not (English patient text); de_text_has / de_text_not.
"""
import datetime
import json
import math
import os
import re
import subprocess

from cli import BIN, QUESTIONNAIRES as QDIR
LEVELS = ["self_care", "see_doctor", "soon", "urgent", "emergency"]
# Actions in the order of the levels-and-actions table, most demanding first.
ACTIONS = ["call_112", "emergency_department", "neck_imaging_today", "doctor_today",
           "doctor_within_days", "appointment", "self_help"]
ACTION_LEVEL = {"call_112": "emergency", "emergency_department": "emergency",
                "neck_imaging_today": "urgent", "doctor_today": "urgent",
                "doctor_within_days": "soon", "appointment": "see_doctor", "self_help": "self_care"}
EMERG = ["rf_saddle_numbness", "rf_bladder_bowel", "rf_weakness", "rf_tearing_pain",
         "rf_chest_pain", "rf_stroke_signs", "rf_meningism", "rf_very_unwell", "rf_both_legs"]
URG = ["rf_fever", "rf_trauma", "rf_myelopathy", "rf_kidney", "rf_neck_artery",
       "wl_dangerous_accident", "wl_arm_tingling", "wl_cannot_turn"]
SOON = ["rf_osteoporosis", "rf_cancer", "rf_weight_loss", "rf_night_pain", "rf_infection_risk",
        "rf_progressive_pain"]
HISTORY = ["rf_cancer", "rf_osteoporosis", "rf_trauma", "rf_infection_risk",
           "wl_dangerous_accident", "wl_arm_tingling", "wl_cannot_turn"]
# Safety-netting: the watch list's signs by their usual action (rf_weakness after whiplash: call_112).
WATCH = {"call_112": ["rf_tearing_pain", "rf_chest_pain", "rf_stroke_signs", "rf_meningism", "rf_very_unwell"],
         "emergency_department": ["rf_saddle_numbness", "rf_bladder_bowel", "rf_weakness", "rf_both_legs"],
         "neck_imaging_today": ["rf_neck_artery"],
         "doctor_today": ["rf_fever", "rf_myelopathy", "rf_kidney"],
         "doctor_within_days": ["rf_weight_loss", "rf_night_pain", "rf_progressive_pain"]}
WATCHED = {"emergency": [], "urgent": ["call_112", "emergency_department"],
           "soon": ["call_112", "emergency_department", "neck_imaging_today", "doctor_today"],
           "see_doctor": list(WATCH), "self_care": list(WATCH)}
NEXT_CHECK = {"lower_back": [4, 6, 12], "mid_back": [6, 12], "neck": [3, 12]}


def asked(item, a):
    """When the spec's answer-schema table says an item is asked."""
    r = a.get("region"); wl = r == "neck" and a.get("whiplash") is True
    d = a.get("duration_weeks", 0); age = a.get("age", 40)
    if item in ("radiates_leg", "leg_numbness", "claudication"): return r == "lower_back"
    if item == "whiplash": return r == "neck"
    if item == "rf_chest_pain": return r in ("neck", "mid_back")
    if item in ("rf_stroke_signs", "rf_meningism", "rf_myelopathy", "rf_neck_artery"): return r == "neck"
    if item == "rf_trauma": return not wl
    if item in ("rf_both_legs", "rf_kidney"): return r in ("lower_back", "mid_back")
    if item == "wl_cannot_turn":
        return wl and a.get("wl_dangerous_accident") is not True and a.get("wl_arm_tingling") is not True and age < 65
    if item.startswith("wl_"): return wl
    if item.startswith("ibp_"): return r in ("lower_back", "mid_back") and d >= 12 and age < 45
    return True


def yes(item, a):
    return asked(item, a) and a.get(item) is True


def signs(a):
    """The warning signs that apply (rules 1-3), each as (what, level, action, cause)."""
    y = lambda i: yes(i, a); age = a.get("age", 40); d = a.get("duration_weeks", 0)
    wl = y("whiplash"); out = []
    for i in ("rf_saddle_numbness", "rf_bladder_bowel", "rf_both_legs"):
        if y(i): out.append((i, "emergency", "emergency_department", "cauda_equina"))
    if y("rf_weakness"):
        out.append(("rf_weakness", "emergency", "call_112", "neck_injury") if wl else
                   ("rf_weakness", "emergency", "emergency_department", "nerve_damage"))
    for i, cause in (("rf_tearing_pain", "aorta"), ("rf_chest_pain", "heart"),
                     ("rf_stroke_signs", "stroke_or_artery_tear"), ("rf_meningism", "meningitis"),
                     ("rf_very_unwell", "sepsis")):
        if y(i): out.append((i, "emergency", "call_112", cause))
    for i, cause in (("rf_fever", "infection"), ("rf_trauma", "fracture"),
                     ("rf_myelopathy", "spinal_cord"), ("rf_kidney", "kidney")):
        if y(i): out.append((i, "urgent", "doctor_today", cause))
    if y("rf_neck_artery"): out.append(("rf_neck_artery", "urgent", "neck_imaging_today", "artery_tear"))
    if y("wl_arm_tingling"): out.append(("wl_arm_tingling", "urgent", "neck_imaging_today", "neck_injury"))
    fresh = d < 1
    for i, cond in (("wl_dangerous_accident", y("wl_dangerous_accident")),
                    ("wl_cannot_turn", y("wl_cannot_turn")), ("whiplash>=65", wl and age >= 65)):
        if cond:
            out.append((i, "urgent", "neck_imaging_today", "neck_injury") if fresh else
                       (i, "soon", "doctor_within_days", "neck_injury"))
    cancer_today = y("rf_cancer") and (a.get("region") in ("mid_back", "neck") or y("rf_night_pain")
                                       or y("rf_progressive_pain"))
    if cancer_today: out.append(("rf_cancer", "urgent", "doctor_today", "tumour"))
    elif y("rf_cancer"): out.append(("rf_cancer", "soon", "doctor_within_days", "tumour"))
    for i, cause in (("rf_osteoporosis", "fracture"), ("rf_weight_loss", "tumour"),
                     ("rf_night_pain", "tumour"), ("rf_infection_risk", "infection"),
                     ("rf_progressive_pain", "serious_cause")):
        if y(i): out.append((i, "soon", "doctor_within_days", cause))
    if a.get("region") == "mid_back" and age >= 50:
        out.append(("mid_back>=50", "soon", "doctor_within_days", "serious_cause"))
    return out


def start_day(c):
    """The day the pain began: the day of answering less the duration rounded to whole days, halves up."""
    day = datetime.date.fromisoformat(c.get("date", "2026-11-25"))
    return day - datetime.timedelta(days=math.floor(c["answers"].get("duration_weeks", 0) * 7 + 0.5))


def expected_watch(a, level):
    """The watch list by action: signs asked and answered no, in the groups this level watches."""
    wl = yes("whiplash", a); groups = {}
    for act in WATCHED[level]:
        items = [i for i in WATCH[act] if asked(i, a) and a.get(i) is not True
                 and not (i == "rf_weakness" and wl)]
        if act == "call_112" and wl and asked("rf_weakness", a) and a.get("rf_weakness") is not True:
            items.append("rf_weakness")
        if items: groups[act] = items
    return groups


def run(cases, extra=()):
    inp = "\n".join(json.dumps({"questionnaire": "back-pain", "date": c.get("date", "2026-11-25"),
                                "answers": c["answers"]}) for c in cases) + "\n"
    env = dict(os.environ, BACKTRIAGE_QUESTIONNAIRES=QDIR)
    p = subprocess.run([BIN, "evaluate", "--answers", "-", *extra], input=inp, text=True,
                       capture_output=True, env=env)
    return p


def run_one_text(c, lang):
    inp = json.dumps({"questionnaire": "back-pain", "date": c.get("date", "2026-11-25"),
                      "answers": c["answers"]}) + "\n"
    env = dict(os.environ, BACKTRIAGE_QUESTIONNAIRES=QDIR,
               LANG="de_DE.UTF-8" if lang == "de" else "en_US.UTF-8")
    p = subprocess.run([BIN, "evaluate", "--answers", "-", "--format", "text", "--lang", lang],
                       input=inp, text=True, capture_output=True, env=env)
    return p.stdout, p.stderr, p.returncode


def generic(c, r, txt_en, txt_de):
    """Checks that follow from the spec for every answer set."""
    a = c["answers"]; f = []
    lvl = r["triage"]; sug = r["suggestions"]; cau = r["cautions"]; notes = r["notes"]
    age = a.get("age", 40); region = a.get("region"); d = a.get("duration_weeks", 0)
    sg = signs(a)
    em = [s[0] for s in sg if s[1] == "emergency"]
    ur = [s[0] for s in sg if s[1] == "urgent"]
    so = [s[0] for s in sg if s[1] == "soon"]
    anyrf = bool(sg)
    # Safety invariants
    if em and lvl != "emergency": f.append(f"INV: emergency sign {em} but level {lvl}")
    if ur and LEVELS.index(lvl) < LEVELS.index("urgent"): f.append(f"INV: urgent sign {ur} but level {lvl}")
    if so and LEVELS.index(lvl) < LEVELS.index("soon"): f.append(f"INV: soon sign {so} but level {lvl}")
    if anyrf and (sug or cau or r["next_check"]): f.append("INV: warning sign with suggestions/cautions/next_check")
    if age < 18 and (LEVELS.index(lvl) < 1 or sug or cau): f.append("INV: minor with advice or level < see_doctor")
    if age < 18 and r["next_check"] is not None: f.append("INV: next_check under 18 (rule 0)")
    if "surgery_discussion" in sug and "injections_nonspecific" in cau: f.append("INV: surgery + injections_nonspecific")
    if "surgery_discussion" in sug and "imaging_without_red_flags" in cau: f.append("INV: surgery + imaging_without_red_flags")
    if "otc_nsaid_short" in sug and (age >= 65 or a.get("nsaid_risk") is True): f.append("INV: otc_nsaid_short with age>=65/nsaid_risk")
    if "otc_nsaid_short" in sug and "nsaid_ask_first" in notes: f.append("INV: otc_nsaid_short with nsaid_ask_first (subject nsaid)")
    if "muscle_relaxants" in sug: f.append("INV: muscle_relaxants suggested (rule 9 v3)")
    if region != "lower_back" and set(sug) & {"flexed_activity", "medical_aids"}:
        f.append(f"INV: {set(sug) & {'flexed_activity', 'medical_aids'}} outside the lower back (rule 12 v3)")
    if set(sug) & set(cau): f.append(f"same id as suggestion and caution: {set(sug) & set(cau)}")
    if a.get("yf_low_mood") is True and (not notes or notes[0] != "crisis_help"):
        f.append(f"R20/INV: yf_low_mood but crisis_help not first among notes: {notes}")
    # The action (levels and actions table)
    if "action" not in r: f.append("JSON: no action beside triage")
    else:
        if ACTION_LEVEL.get(r["action"]) != lvl: f.append(f"ACTION: {r.get('action')} is not an action of level {lvl}")
        acts = [s[2] for s in sg if s[1] == lvl]
        exp = min(acts, key=ACTIONS.index) if acts else {"see_doctor": "appointment", "self_care": "self_help"}.get(lvl)
        if exp and r["action"] != exp: f.append(f"ACTION: expected {exp} (first in table order of level {lvl}), got {r['action']}")
    # Result shape by level
    if lvl == "emergency":
        if sug or cau: f.append("SHAPE: emergency with suggestions/cautions")
        if set(notes) - {"crisis_help"}: f.append(f"SHAPE: emergency notes {notes}")
        if r["next_check"] is not None: f.append("SHAPE: emergency next_check")
    if lvl in ("urgent", "soon"):
        if sug or cau: f.append(f"SHAPE: {lvl} with suggestions/cautions")
        if r["next_check"] is not None: f.append(f"SHAPE: {lvl} next_check")
        if "examination_sensible" not in notes: f.append(f"SHAPE: {lvl} without examination_sensible")
        allowed = {"examination_sensible", "crisis_help", "minor_see_doctor", "cancer_spine_check",
                   "tumour_signs_check", "fracture_more_likely", "work_accident", "aneurysm_mimic"}
        if set(notes) - allowed: f.append(f"SHAPE: {lvl} with notes beyond rules 0, 3, 4, 20, 24, 25: {sorted(set(notes) - allowed)}")
    for k in ("suggestions", "cautions", "notes", "watch_for"):
        if not isinstance(r.get(k), list): f.append(f"JSON: {k} is not a list (present and empty where none)")
    if "next_check" not in r: f.append("JSON: next_check absent (null where none)")
    # Rule 4 / rule 0
    if not anyrf and age >= 18 and "surgery_discussion" not in sug and "imaging_without_red_flags" not in cau:
        f.append("R4: no warning sign, adult, no surgery, but no imaging_without_red_flags caution")
    if (ur or so) and not em and "examination_sensible" not in notes:
        f.append("R4: urgent/soon sign without examination_sensible")
    if age < 18 and lvl != "emergency" and "minor_see_doctor" not in notes: f.append("R0: minor without minor_see_doctor")
    if age < 18 and set(notes) - {"minor_see_doctor", "crisis_help", "examination_sensible",
                                   "cancer_spine_check", "tumour_signs_check"}:
        f.append(f"R0: minor carries notes of rules 5-19/21-25: {notes}")
    # next_check and its date (Safety-netting): adults, self_care and see_doctor only
    if lvl in ("self_care", "see_doctor") and age >= 18:
        nxt = next((t for t in NEXT_CHECK[region] if t > d), None)
        nc = r["next_check"]
        if nxt is None:
            if nc is not None: f.append(f"NEXT: expected none after 12 weeks, got {nc}")
        elif not nc or nc.get("weeks") != nxt: f.append(f"NEXT: expected {nxt} weeks ({region}), got {nc}")
        else:
            exp_date = (start_day(c) + datetime.timedelta(days=7 * nxt)).isoformat()
            if nc.get("date") != exp_date: f.append(f"NEXT-DATE: expected {exp_date}, got {nc.get('date')}")
    # Watch list grouped by action, the groups each level watches
    groups = {g.get("action"): g["items"] for g in r.get("watch_for", []) if g["items"]}
    for g in r.get("watch_for", []):
        if g.get("action") in ACTION_LEVEL and g.get("level") != ACTION_LEVEL[g["action"]]:
            f.append(f"WATCH: group {g.get('action')} with level {g.get('level')}")
    exp_groups = expected_watch(a, lvl)
    for act in ACTIONS[:5]:
        if sorted(groups.get(act, [])) != sorted(exp_groups.get(act, [])):
            f.append(f"WATCH {act}: expected {exp_groups.get(act, [])}, got {groups.get(act, [])}")
    order = [g.get("action") for g in r.get("watch_for", []) if g["items"]]
    if order != sorted(order, key=lambda x: ACTIONS.index(x) if x in ACTIONS else 99):
        f.append(f"WATCH: groups not most demanding first: {order}")
    for g in groups.values():
        if set(g) & set(HISTORY): f.append(f"WATCH: history items {set(g) & set(HISTORY)}")
    # What a patient reads: the safety net's words by level, the crisis numbers
    if txt_en is not None:
        t = re.sub(r"\s+", " ", txt_en.replace("\u00a0", " ")).lower()
        if lvl == "see_doctor" and t.count("make an appointment") > 1:
            f.append("TEXT[en]: see_doctor says 'make an appointment' more than once (Safety-netting)")
        if age < 18 and "options below" in t: f.append("TEXT[en]: 'options below' under 18 (action appointment)")
        nc = r["next_check"]
        if lvl == "self_care" and nc and not ("not clearly better" in t and "make an appointment" in t):
            f.append("TEXT[en]: self_care next check without 'not clearly better ... make an appointment' (Safety-netting)")
        if lvl == "see_doctor" and nc and "go back to your doctor" not in t:
            f.append("TEXT[en]: see_doctor next check without 'go back to your doctor' (Safety-netting)")
        if lvl in ("urgent", "soon") and r.get("watch_for") and "before you are seen" not in t:
            f.append(f"TEXT[en]: {lvl} watch list without 'before you are seen' (Result shape)")
        if lvl == "emergency" and "cannot lower" not in t:
            f.append("TEXT[en]: emergency without 'answering more questions cannot lower this'")
        if a.get("yf_low_mood") is True and "source:" in t and t.find("0800 111 0 111") > t.find("source:"):
            f.append("TEXT[en]: crisis numbers not right under the action (after the first advice or note) (rule 20)")
        if a.get("yf_low_mood") is True:
            for num in ("0800 111 0 111", "0800 111 0 222", "116 123"):
                if num not in t: f.append(f"TEXT[en]: crisis number {num} absent")
            if age < 18 and "116 111" not in t: f.append("TEXT[en]: youth helpline 116 111 absent under 18 (rule 20)")
            if age >= 18 and "116 111" in t: f.append("TEXT[en]: youth helpline for an adult")
    # Patient text hygiene
    for lang, t in (("en", txt_en), ("de", txt_de)):
        if t is None: continue
        ids = re.findall(r"\b(?:rf|yf|wl|ibp|otc|nsaid)_[a-z_]+\b|\b[a-z]+_[a-z_]+\b|\b[0-9a-f]{3}_[0-9a-f]{16}\.txt\b|==|advice_applies", t)
        ids = [i for i in ids if i not in ()]
        if ids: f.append(f"TEXT[{lang}]: internal ids shown to patient: {sorted(set(ids))[:6]}")
        if re.search(r"\b(red-flag|neck-|low-back|mid-back|whiplash-)[a-z0-9-]+", t):
            f.append(f"TEXT[{lang}]: rule id shown")
        if lvl == "emergency":
            for bad in (["check again", "self-help", "what the guidance", "6 weeks", "may change",
                         "advises against"] if lang == "en" else
                        ["kontrolle am", "selbsthilfe", "was die leitlinien", "6 wochen", "kann sich ändern"]):
                if bad in t.lower(): f.append(f"TEXT[{lang}]: emergency text contains '{bad}'")
        if lvl in ("urgent", "soon"):
            for bad in (["check again", "what the guidance suggests", "advises against"] if lang == "en"
                        else ["kontrolle am", "was die leitlinien empfehlen", "wovon die leitlinien"]):
                if bad in t.lower(): f.append(f"TEXT[{lang}]: {lvl} text contains '{bad}'")
        # Presentation: never a decimal week ("1.4 weeks", "week 0.3", "1,4 Wochen")
        if re.search(r"\b\d+[.,]\d+\s+(?:weeks?|wochen?)\b|\b(?:week|woche)\s+\d+[.,]\d", t, re.I):
            f.append(f"TEXT[{lang}]: a decimal week shown to a patient (Presentation)")
        if lang == "de":
            # section headings of English seed documents legitimately stay English (Presentation)
            t_nosrc = re.sub(r"Quelle:.*?(?=\n\s*(Warum:|\*|-|$))", "", t, flags=re.S)
            eng = re.findall(r"\b(the|and|weeks?|Check|Source|Why|Your|Call|doctor|Lower back|Neck|yes|no)\b", t_nosrc)
            # "Rückenschmerzen > Behandlung" is a German section title; English here is suspicious
            if eng: f.append(f"TEXT[de]: English words in German output: {sorted(set(eng))}")
            if re.search(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|\d{4}-\d{2}-\d{2}", t):
                f.append("TEXT[de]: date not in 30.12.2026 form")
            if re.search(r"\b\d+\.\d+ (Woche|Wochen)\b", t): f.append("TEXT[de]: decimal point instead of comma")
            if re.search(r"\b1 Wochen\b", t): f.append("TEXT[de]: '1 Wochen'")
            if "Prüfung" in t: f.append("TEXT[de]: 'Prüfung' instead of 'Kontrolle'")
        else:
            if re.search(r"\b1 weeks\b", t): f.append("TEXT[en]: '1 weeks'")
            if re.search(r"\b1,\d", t): f.append("TEXT[en]: decimal comma in English")
        # Rule 19: every text (an entry's words, up to its source line) that mentions ibuprofen or
        # other NSAIDs carries the ask-first warning.
        for entry in re.split(r"\n\s*[*-] ", t):
            words = re.sub(r"\s+", " ", re.split(r"\b(?:Source|Quelle|Why|Warum):", entry)[0])
            if re.search(r"ibuprofen|nsaid|nsar\b|diclofenac|naproxen", words, re.I):
                if not re.search(r"ask a doctor or pharmacist|arzt oder (?:eine )?apotheke|ärztin|apotheke", words, re.I):
                    f.append(f"TEXT[{lang}]: NSAID text without ask-first warning: {words[:120]}")
    return f


def specific(c, r, txt_en, txt_de):
    e = c.get("expect", {}); f = []
    sug = r["suggestions"]; cau = r["cautions"]; notes = r["notes"]
    if "triage" in e and r["triage"] != e["triage"]: f.append(f"triage {r['triage']} != {e['triage']}")
    for k, lst, name in (("include", sug, "suggestion"), ("cautions", cau, "caution"), ("notes", notes, "note"),
                         ("highlighted", r.get("highlighted", []), "highlight"),
                         ("red_flags", r.get("red_flags", []), "red_flag"),
                         ("causes", [x.get("cause") if isinstance(x, dict) else x for x in r.get("red_flag_causes", [])], "cause"),
                         ("ignored", r.get("ignored_answers", []), "ignored")):
        for x in e.get(k, []):
            if x not in lst: f.append(f"missing {name} {x} (have {lst})")
    for k, lst, name in (("exclude", sug, "suggestion"), ("exclude_cautions", cau, "caution"),
                         ("exclude_notes", notes, "note")):
        for x in e.get(k, []):
            if x in lst: f.append(f"unexpected {name} {x}")
    if "only_notes" in e and set(notes) - set(e["only_notes"]): f.append(f"notes {notes} not within {e['only_notes']}")
    if "red_flags_exact" in e and sorted(r.get("red_flags", [])) != sorted(e["red_flags_exact"]):
        f.append(f"red_flags {r.get('red_flags')} != {e['red_flags_exact']}")
    if e.get("empty") and (sug or cau): f.append(f"expected no suggestions/cautions, got {sug} / {cau}")
    if "next_check" in e:
        got = r["next_check"]["weeks"] if r["next_check"] else None
        if got != e["next_check"]: f.append(f"next_check {got} != {e['next_check']}")
    if "next_check_date" in e:
        got = r["next_check"]["date"] if r["next_check"] else None
        if got != e["next_check_date"]: f.append(f"next_check date {got} != {e['next_check_date']}")
    if "first_caution" in e and (not cau or cau[0] != e["first_caution"]): f.append(f"first caution {cau[:1]} != {e['first_caution']}")
    groups = {g["action"]: g["items"] for g in r.get("watch_for", []) if "action" in g}
    if "action" in e and r.get("action") != e["action"]: f.append(f"action {r.get('action')} != {e['action']}")
    if "first_note" in e and (not notes or notes[0] != e["first_note"]): f.append(f"first note {notes[:1]} != {e['first_note']}")
    if "watch_groups" in e and [g["action"] for g in r.get("watch_for", []) if g["items"]] != e["watch_groups"]:
        f.append(f"watch groups {[g['action'] for g in r.get('watch_for', []) if g['items']]} != {e['watch_groups']}")
    for lv, items in e.get("watch_has", {}).items():
        for x in items:
            if x not in groups.get(lv, []): f.append(f"watch {lv} lacks {x}")
    for x in e.get("watch_not", []):
        if any(x in g for g in groups.values()): f.append(f"watch list has {x}")
    # No-break spaces (in phone numbers) read as spaces.
    # Lines wrap anywhere: compare with runs of white space read as one space.
    txt_en, txt_de = [re.sub(r"\s+", " ", t.replace("\u00a0", " ")) if t is not None else None for t in (txt_en, txt_de)]
    for k, t in (("text_has", txt_en), ("de_text_has", txt_de)):
        for s in e.get(k, []):
            if t is None or s.lower() not in t.lower(): f.append(f"{k}: '{s}' absent")
    for k, t in (("text_not", txt_en), ("de_text_not", txt_de)):
        for s in e.get(k, []):
            if t is not None and s.lower() in t.lower(): f.append(f"{k}: '{s}' present")
    for s_ in e.get("stderr_has", []):
        if s_.lower() not in (c.get("_stderr") or "").lower(): f.append(f"stderr lacks '{s_}'")
    return f



LEVEL_ORDER = LEVELS  # the levels from least to most urgent

def rand_answers(rng):
    """A random valid answer set: every item that version 3 asks for it, and nothing else."""
    region = rng.choice(["lower_back", "mid_back", "neck"])
    a = {"age": rng.choice([12, 17, 18, 30, 44, 45, 49, 50, 59, 60, 64, 65, 69, 70, 85]), "region": region,
         "duration_weeks": rng.choice([0, 0.5, 0.99, 1, 1.4, 1.99, 2, 2.9, 3, 3.9, 4, 5, 5.9, 6, 8, 11.9, 12, 20, 60]),
         "recurrent": rng.random() < .3, "intensity": rng.choice([0, 3, 5, 7, 8, 10]),
         "diagnosis": rng.choice(["none"] * 4 + ["spondylolisthesis", "spinal_stenosis", "disc_herniation", "other"])}
    p_rf = rng.choice([0, 0, 0.03, 0.1])
    # Order matters: whiplash before the signs it gates, the other wl_* before wl_cannot_turn.
    items = ["radiates_leg", "leg_numbness", "claudication", "whiplash"] + EMERG + \
            [i for i in URG if i != "wl_cannot_turn"] + ["wl_cannot_turn"] + SOON + \
            ["ibp_morning_stiffness", "ibp_better_moving", "ibp_night_waking",
             "yf_fear", "yf_catastrophizing", "yf_low_mood", "yf_stress", "yf_rest", "sleep_problems",
             "daily_limits", "nsaid_risk", "conservative_failed"]
    for it in items:
        if it in ("whiplash",):
            a[it] = rng.random() < .4
        elif it.startswith(("rf_", "wl_")):
            a[it] = rng.random() < p_rf
        else:
            a[it] = rng.random() < .3
    a["painkiller_weeks"] = rng.choice([0, 1, 2, 2.5, 6])
    # drop the items that are not asked (they would only be ignored)
    return {k: v for k, v in a.items() if k in ("age", "region", "duration_weeks", "intensity", "diagnosis",
                                                "painkiller_weeks") or asked(k, a)}


def model(a):
    """The spec's result for an answer set: level, action, suggestions, cautions and notes that
    must be there, notes and suggestions that must not, and the next check in weeks."""
    age = a["age"]; reg = a["region"]; d = a["duration_weeks"]; y = lambda i: yes(i, a)
    sg = signs(a)
    lvl = max([LEVELS.index(s[1]) for s in sg], default=0)
    if age < 18: lvl = max(lvl, 1)
    sug, cau, notes, nonotes, nosug = set(), set(), set(), set(), {"muscle_relaxants"}
    adult_notes = {"strong_pain", "painkillers_limit", "radicular_facts", "risk_factors_check",
                   "back_to_work", "nsaid_ask_first", "antiepileptics", "opioids_only_strong_pain"}
    em = lvl == 4
    if y("yf_low_mood"): notes.add("crisis_help")
    if age < 18 and not em: notes.add("minor_see_doctor")
    if any(s[1] in ("urgent", "soon") for s in sg) and not em: notes.add("examination_sensible")
    cancer_today = any(s[0] == "rf_cancer" and s[1] == "urgent" for s in sg)
    if not em:
        (notes if cancer_today else nonotes).add("cancer_spine_check")
        if age >= 50 and not y("rf_cancer") and any(y(i) for i in ("rf_night_pain", "rf_weight_loss", "rf_progressive_pain")):
            notes.add("tumour_signs_check")
        else: nonotes.add("tumour_signs_check")
        if age >= 70 and y("rf_trauma"): notes.add("fracture_more_likely")
        else: nonotes.add("fracture_more_likely")
        if age >= 18 and (y("rf_trauma") or y("whiplash")): notes.add("work_accident")
        else: nonotes.add("work_accident")
        if age >= 60 and y("rf_kidney"): notes.add("aneurysm_mimic")
        else: nonotes.add("aneurysm_mimic")
    else:
        nonotes |= {"cancer_spine_check", "tumour_signs_check", "fracture_more_likely", "work_accident",
                    "aneurysm_mimic", "examination_sensible", "minor_see_doctor"}
    if sg or age < 18:
        level = LEVELS[lvl]
        acts = [s[2] for s in sg if s[1] == level]
        action = min(acts, key=ACTIONS.index) if acts else ("appointment" if level == "see_doctor" else "self_help")
        return dict(level=level, action=action, sug=sug, cau=cau, notes=notes, nonotes=nonotes | adult_notes,
                    nosug=nosug, next_check=None)
    neck = reg == "neck"
    phase = ("acute" if d < (3 if neck else 6) else "subacute" if d < 12 else "chronic")
    nsaid_bad = age >= 65 or y("nsaid_risk")
    leg = y("radiates_leg") or y("leg_numbness")
    score = sum(y(i) for i in ("yf_fear", "yf_catastrophizing", "yf_low_mood", "yf_stress", "yf_rest"))
    nsaid_place = False
    cau |= {"bed_rest", "paracetamol", "long_opioids", "muscle_relaxants"}
    if reg == "lower_back":
        if phase == "acute":
            sug |= {"stay_active", "heat", "relaxation"}; nsaid_place = True
            if d >= 4:
                notes.add("risk_factors_check")
                if score >= 2: lvl = max(lvl, 1)
            else: nonotes.add("risk_factors_check")
        else: lvl = max(lvl, 1); sug |= {"physiotherapy", "cbt", "relaxation"}; nonotes.add("risk_factors_check")
        if d >= 6 and y("daily_limits"): sug.add("rehab_sport")
    else: nonotes.add("risk_factors_check")
    if neck:
        sug |= {"stay_active", "mobilization"}
        if not (y("whiplash") and d < 1): sug.add("heat")
        else: nosug.add("heat")
        if d < 3: nsaid_place = True
        if d >= 3: lvl = max(lvl, 1); sug.add("physiotherapy")
        if d >= 12: sug |= {"relaxation", "cbt", "acupuncture"}
    if reg == "mid_back":
        sug |= {"stay_active", "heat", "relaxation"}
        if d >= 6: lvl = max(lvl, 1); sug.add("physiotherapy")
    if y("whiplash"): sug.add("whiplash_care")
    else: nosug.add("whiplash_care")
    if phase == "chronic": sug |= {"exercise_program", "cbt", "multimodal_pain", "diga"}
    if y("recurrent"): sug.add("exercise_program")
    if leg:
        lvl = max(lvl, 1); sug.add("stay_active"); nsaid_place = True
        notes |= {"opioids_only_strong_pain", "radicular_facts"}
        if phase == "chronic": notes.add("antiepileptics")
        else: nonotes.add("antiepileptics")
    else: nonotes |= {"radicular_facts", "antiepileptics"}
    if y("claudication") or a["diagnosis"] in ("spondylolisthesis", "spinal_stenosis"):
        sug.add("physiotherapy")
        if reg == "lower_back": sug |= {"flexed_activity", "medical_aids"}
    if reg != "lower_back": nosug |= {"flexed_activity", "medical_aids"}
    surg = y("conservative_failed") and phase == "chronic" and (
        a["diagnosis"] in ("spondylolisthesis", "spinal_stenosis", "disc_herniation") or y("radiates_leg"))
    if surg: sug.add("surgery_discussion")
    else: nosug.add("surgery_discussion"); cau.add("imaging_without_red_flags")
    if score >= 3: sug.add("cbt")
    if (y("yf_low_mood") or y("sleep_problems")) and phase != "acute": sug.add("antidepressant_discussion")
    else: nosug.add("antidepressant_discussion")
    if a["painkiller_weeks"] > 2: lvl = max(lvl, 1); notes.add("painkillers_limit")
    else: nonotes.add("painkillers_limit")
    if a["intensity"] >= 8: lvl = max(lvl, 1); notes.add("strong_pain")
    else: nonotes.add("strong_pain")
    if nsaid_place and nsaid_bad: notes.add("nsaid_ask_first"); nosug.add("otc_nsaid_short")
    elif nsaid_place: sug.add("otc_nsaid_short"); nonotes.add("nsaid_ask_first")
    else: nosug.add("otc_nsaid_short"); nonotes.add("nsaid_ask_first")
    ibp = sum(y(i) for i in ("ibp_morning_stiffness", "ibp_better_moving", "ibp_night_waking"))
    if reg != "neck" and d >= 12 and age < 45 and ibp >= 2: lvl = max(lvl, 1); sug.add("rheumatology_check")
    else: nosug.add("rheumatology_check")
    if y("daily_limits") and d >= (3 if neck else 6): notes.add("back_to_work")
    else: nonotes.add("back_to_work")
    if reg != "neck" and a["diagnosis"] == "none" and not leg: cau.add("injections_nonspecific")
    if a["diagnosis"] == "spondylolisthesis": cau.add("brace_long_term")
    level = LEVELS[lvl]
    nxt = next((t for t in NEXT_CHECK[reg] if t > d), None)
    return dict(level=level, action="appointment" if lvl == 1 else "self_help", sug=sug, cau=cau,
                notes=notes, nonotes=nonotes, nosug=nosug, next_check=nxt)
