"""An independent model of clinical-content.md version 2, written from the specification alone
(not from the questionnaire's data), and the checks a result must pass against it: the
expectations of one case, and the checks that hold for every answer set (the safety
invariants, the result shape by level, the next check and its date, the watch list, what a
patient reads in English and German). test_spec_conformance.py runs them on the cases in
spec_cases.jsonl, on the shared examples and on random answer sets.

Expect keys of a case (all optional): triage; include / exclude (suggestions); cautions /
exclude_cautions; notes / exclude_notes; only_notes; empty (no suggestions, no cautions);
next_check (weeks or null); next_check_date; red_flags / red_flags_exact; causes; highlighted;
first_caution; watch_has {level: [items]}; watch_not; ignored; error (evaluation must fail);
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
EMERG = ["rf_saddle_numbness", "rf_bladder_bowel", "rf_weakness", "rf_tearing_pain",
         "rf_chest_pain", "rf_stroke_signs", "rf_meningism"]
URG = ["rf_fever", "rf_trauma", "rf_both_legs", "rf_myelopathy", "wl_dangerous_accident",
       "wl_arm_tingling", "wl_cannot_turn"]
SOON = ["rf_osteoporosis", "rf_cancer", "rf_weight_loss", "rf_night_pain", "rf_infection_risk"]
HISTORY = ["rf_cancer", "rf_osteoporosis", "rf_trauma", "rf_infection_risk",
           "wl_dangerous_accident", "wl_arm_tingling", "wl_cannot_turn"]


def asked(item, a):
    """When the spec's answer-schema table says an item is asked."""
    r = a.get("region"); wl = a.get("whiplash") is True
    d = a.get("duration_weeks", 0); age = a.get("age", 40)
    if item in ("radiates_leg", "leg_numbness", "claudication"): return r == "lower_back"
    if item == "whiplash": return r == "neck"
    if item == "rf_chest_pain": return r in ("neck", "mid_back")
    if item in ("rf_stroke_signs", "rf_meningism", "rf_myelopathy"): return r == "neck"
    if item == "rf_trauma": return not (r == "neck" and wl)
    if item == "rf_both_legs": return r in ("lower_back", "mid_back")
    if item.startswith("wl_"): return r == "neck" and wl
    if item.startswith("ibp_"): return r in ("lower_back", "mid_back") and d >= 12 and age < 45
    return True


def yes(item, a):
    return asked(item, a) and a.get(item) is True


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
    em = [i for i in EMERG if yes(i, a)]
    ur = [i for i in URG if yes(i, a)] + (["whiplash>=65"] if yes("whiplash", a) and age >= 65 else [])
    so = [i for i in SOON if yes(i, a)]
    anyrf = bool(em or ur or so)
    # Safety invariants
    if em and lvl != "emergency": f.append(f"INV: emergency sign {em} but level {lvl}")
    if ur and LEVELS.index(lvl) < LEVELS.index("urgent"): f.append(f"INV: urgent sign {ur} but level {lvl}")
    if so and LEVELS.index(lvl) < LEVELS.index("soon"): f.append(f"INV: soon sign {so} but level {lvl}")
    if anyrf and (sug or cau or r["next_check"]): f.append("INV: warning sign with suggestions/cautions/next_check")
    if age < 18 and (LEVELS.index(lvl) < 1 or sug or cau): f.append("INV: minor with advice or level < see_doctor")
    if "surgery_discussion" in sug and "injections_nonspecific" in cau: f.append("INV: surgery + injections_nonspecific")
    if "otc_nsaid_short" in sug and (age >= 65 or a.get("nsaid_risk") is True): f.append("INV: otc_nsaid_short with age>=65/nsaid_risk")
    if set(sug) & set(cau): f.append(f"same id as suggestion and caution: {set(sug) & set(cau)}")
    # Result shape by level
    if lvl == "emergency":
        if sug or cau: f.append("SHAPE: emergency with suggestions/cautions")
        if set(notes) - {"crisis_help"}: f.append(f"SHAPE: emergency notes {notes}")
        if r["next_check"] is not None: f.append("SHAPE: emergency next_check")
    if lvl in ("urgent", "soon"):
        if sug or cau: f.append(f"SHAPE: {lvl} with suggestions/cautions")
        if r["next_check"] is not None: f.append(f"SHAPE: {lvl} next_check")
        if "examination_sensible" not in notes: f.append(f"SHAPE: {lvl} without examination_sensible")
        wl_levels = [g["level"] for g in r.get("watch_for", []) if g["items"]]
        if set(wl_levels) - {"emergency"}: f.append(f"SHAPE: {lvl} watch groups {wl_levels}")
        if not wl_levels: f.append(f"SHAPE: {lvl} without emergency watch list")
    # Rule 4 / rule 20
    if not anyrf and age >= 18 and lvl != "emergency" and "imaging_without_red_flags" not in cau:
        f.append("R4: no warning sign, adult, but no imaging_without_red_flags caution")
    if anyrf and lvl != "emergency" and (ur or so) and "examination_sensible" not in notes:
        f.append("R4: urgent/soon sign without examination_sensible")
    if a.get("yf_low_mood") is True and "crisis_help" not in notes: f.append("R20: yf_low_mood without crisis_help")
    if age < 18 and lvl != "emergency" and "minor_see_doctor" not in notes: f.append("R0: minor without minor_see_doctor")
    if age < 18 and set(notes) - {"minor_see_doctor", "crisis_help", "examination_sensible",
                                   "tumour_check_soon", "fracture_more_likely"}:
        f.append(f"R0: minor carries notes of rules 5-19/21: {notes}")
    # next_check arithmetic (Safety-netting)
    if lvl in ("self_care", "see_doctor") and d is not None:
        th = [3, 12] if region == "neck" else [6, 12]
        nxt = next((t for t in th if t > d), None)
        nc = r["next_check"]
        if nxt is None:
            if nc is not None: f.append(f"NEXT: expected none after 12 weeks, got {nc}")
        else:
            if not nc or nc.get("weeks") != nxt: f.append(f"NEXT: expected {nxt} weeks, got {nc}")
            else:
                day = datetime.date.fromisoformat(c.get("date", "2026-11-25"))
                ok = {(day + datetime.timedelta(days=fn((nxt - d) * 7))).isoformat() for fn in (math.floor, round)}
                if nc.get("date") not in ok: f.append(f"NEXT-DATE: expected date {sorted(ok)}, got {nc.get('date')} (remaining {(nxt-d)*7:.1f} days)")
        # watch list
        groups = {g["level"]: g["items"] for g in r.get("watch_for", [])}
        exp_e = [i for i in EMERG if asked(i, a) and a.get(i) is not True]
        exp_u = [i for i in ["rf_fever", "rf_both_legs", "rf_myelopathy"] if asked(i, a) and a.get(i) is not True]
        exp_s = [i for i in ["rf_weight_loss", "rf_night_pain"] if asked(i, a) and a.get(i) is not True]
        for lv, ex in (("emergency", exp_e), ("urgent", exp_u), ("soon", exp_s)):
            if sorted(groups.get(lv, [])) != sorted(ex):
                f.append(f"WATCH {lv}: expected {ex}, got {groups.get(lv, [])}")
        for g in groups.values():
            if set(g) & set(HISTORY): f.append(f"WATCH: history items {set(g) & set(HISTORY)}")
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
        # NSAID mention must carry the ask-first warning in the same sentence (rule 19)
        for sent in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", t)):
            if re.search(r"ibuprofen|nsaid|nsar|diclofenac|naproxen", sent, re.I):
                if not re.search(r"ask a doctor or pharmacist|arztpraxis oder apotheke|ask at the pharmacy|apotheke", sent, re.I):
                    f.append(f"TEXT[{lang}]: NSAID sentence without ask-first warning: {sent[:100]}")
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
    groups = {g["level"]: g["items"] for g in r.get("watch_for", [])}
    for lv, items in e.get("watch_has", {}).items():
        for x in items:
            if x not in groups.get(lv, []): f.append(f"watch {lv} lacks {x}")
    for x in e.get("watch_not", []):
        if any(x in g for g in groups.values()): f.append(f"watch list has {x}")
    # No-break spaces (in phone numbers) read as spaces.
    txt_en, txt_de = [t.replace("\u00a0", " ") if t is not None else None for t in (txt_en, txt_de)]
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
    region = rng.choice(["lower_back", "mid_back", "neck"])
    a = {"age": rng.choice([12, 17, 18, 30, 44, 45, 49, 50, 64, 65, 69, 70, 85]), "region": region,
         "duration_weeks": rng.choice([0, 0.5, 0.99, 1, 1.4, 1.99, 2, 2.9, 3, 4, 5, 5.9, 6, 8, 11.9, 12, 20, 60]),
         "recurrent": rng.random() < .3, "intensity": rng.choice([0, 3, 5, 7, 8, 10]),
         "diagnosis": rng.choice(["none"] * 4 + ["spondylolisthesis", "spinal_stenosis", "disc_herniation", "other"])}
    p_rf = rng.choice([0, 0, 0.03, 0.1])
    items = ["radiates_leg", "leg_numbness", "claudication", "whiplash"] + EMERG + URG + SOON + \
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
    age = a["age"]; reg = a["region"]; d = a["duration_weeks"]; y = lambda i: yes(i, a)
    lvl = 0; sug, cau, notes, nonotes, nosug = set(), set(), set(), set(), set()
    em = any(y(i) for i in EMERG)
    ur = any(y(i) for i in URG) or (y("whiplash") and age >= 65)
    so = any(y(i) for i in SOON)
    anyrf = em or ur or so
    if em: lvl = 4
    elif ur: lvl = 3
    elif so: lvl = 2
    if age < 18: lvl = max(lvl, 1)
    if y("yf_low_mood"): notes.add("crisis_help")
    if age < 18 and lvl != 4: notes.add("minor_see_doctor")
    if (ur or so) and not em: notes.add("examination_sensible")
    if anyrf or age < 18:
        return LEVEL_ORDER[lvl], sug, cau, notes, {"strong_pain", "painkillers_limit", "radicular_facts"}, set()
    neck = reg == "neck"
    phase = ("acute" if d < (3 if neck else 6) else "subacute" if d < 12 else "chronic")
    nsaid_bad = age >= 65 or y("nsaid_risk")
    leg = y("radiates_leg") or y("leg_numbness")
    nsaid_place = False
    cau |= {"imaging_without_red_flags", "bed_rest", "paracetamol", "long_opioids"}
    if reg == "lower_back":
        if phase == "acute": sug |= {"stay_active", "heat", "relaxation"}; nsaid_place = True
        else: lvl = max(lvl, 1); sug |= {"physiotherapy", "cbt", "relaxation"}
        if d >= 6 and y("daily_limits"): sug.add("rehab_sport")
    if neck:
        sug |= {"stay_active", "mobilization"}
        if not (y("whiplash") and d < 1): sug.add("heat")
        else: nosug.add("heat")
        if d >= 3: lvl = max(lvl, 1); sug.add("physiotherapy")
        if d >= 12: sug |= {"relaxation", "cbt", "acupuncture"}
    if reg == "mid_back":
        sug |= {"stay_active", "heat", "relaxation"}
        if d >= 6: lvl = max(lvl, 1); sug.add("physiotherapy")
    if y("whiplash"):
        sug.add("whiplash_care")
        if d < 2: sug.add("muscle_relaxants"); nosug.discard("muscle_relaxants")
        else: cau.add("muscle_relaxants"); nosug.add("muscle_relaxants")
    else:
        cau.add("muscle_relaxants"); nosug.add("muscle_relaxants")
    if phase == "chronic": sug |= {"exercise_program", "cbt", "multimodal_pain", "diga"}
    if y("recurrent"): sug.add("exercise_program")
    if leg:
        lvl = max(lvl, 1); sug.add("stay_active"); nsaid_place = True
        notes |= {"opioids_only_strong_pain", "radicular_facts"}
        if phase == "chronic": notes.add("antiepileptics")
    if y("claudication") or a["diagnosis"] in ("spondylolisthesis", "spinal_stenosis"):
        sug |= {"flexed_activity", "physiotherapy", "medical_aids"}
    surg = y("conservative_failed") and phase == "chronic" and (
        a["diagnosis"] in ("spondylolisthesis", "spinal_stenosis", "disc_herniation") or y("radiates_leg"))
    if surg: sug.add("surgery_discussion")
    else: nosug.add("surgery_discussion")
    score = sum(y(i) for i in ("yf_fear", "yf_catastrophizing", "yf_low_mood", "yf_stress", "yf_rest"))
    if score >= 3: sug.add("cbt")
    if (y("yf_low_mood") or y("sleep_problems")) and phase != "acute": sug.add("antidepressant_discussion")
    else: nosug.add("antidepressant_discussion")
    if a["painkiller_weeks"] > 2: lvl = max(lvl, 1); notes.add("painkillers_limit")
    if a["intensity"] >= 8: lvl = max(lvl, 1); notes.add("strong_pain")
    if nsaid_place:
        if nsaid_bad: notes.add("nsaid_ask_first"); nosug.add("otc_nsaid_short")
        else: sug.add("otc_nsaid_short")
    else:
        nosug.add("otc_nsaid_short")
    ibp = sum(y(i) for i in ("ibp_morning_stiffness", "ibp_better_moving", "ibp_night_waking"))
    if reg != "neck" and d >= 12 and age < 45 and ibp >= 2: lvl = max(lvl, 1); sug.add("rheumatology_check")
    else: nosug.add("rheumatology_check")
    if a["diagnosis"] == "none" and not leg: cau.add("injections_nonspecific")
    if a["diagnosis"] == "spondylolisthesis": cau.add("brace_long_term")
    return LEVEL_ORDER[lvl], sug, cau, notes, set(), nosug


