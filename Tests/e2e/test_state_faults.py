"""Saving when the state folder turns read-only or the disk is full: a clear message, the
questionnaire goes on, and the answers saved earlier stay whole. Runs in a private mount
namespace on a small tmpfs, so even root meets a read-only or full file system."""
import json
import os
import subprocess
import sys

if os.environ.get("BT_IN_NAMESPACE") != "1":
    # Re-run in a mount namespace of our own: the mounts vanish with it.
    result = subprocess.run(["unshare", "-m", sys.executable, __file__], env=dict(os.environ, BT_IN_NAMESPACE="1"))
    sys.exit(result.returncode)

from cli import Failures, run, tempdir, vignettes

f = Failures()
state = tempdir()
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", state], check=True)
env = {"XDG_STATE_HOME": state, "BACKTRIAGE_TODAY": "2026-11-23", "LANG": "C.UTF-8", "LC_ALL": ""}
saved_path = os.path.join(state, "backtriage", "back-pain.json")

code, out, err = run("--plain", stdin="44\n1\nquit\n", env=env)
f.check(code == 3, f"first run: exit {code} {err}")
with open(saved_path) as fh:
    original = fh.read()
f.check(json.loads(original)["answers"] == {"age": 44, "region": "lower_back"}, f"first save: {original}")

for fault in ("read-only", "full"):
    if fault == "read-only":
        subprocess.run(["mount", "-o", "remount,ro", state], check=True)
    else:
        subprocess.run(["mount", "-o", "remount,rw", state], check=True)
        subprocess.run(["dd", "if=/dev/zero", "of=" + os.path.join(state, "filler"), "bs=4k", "count=1000"],
                       capture_output=True)
    code, out, err = run("--plain", stdin="1\n3 weeks\nno\nquit\n", env=env)
    f.check("Could not save your answers" in out, f"{fault}: no message about saving: {out[-600:]}")
    f.check(out.count("Could not save your answers") == 1, f"{fault}: the message repeats after every answer")
    f.check("Question 4, " in out and "Question 5, " in out, f"{fault}: the questionnaire did not go on: {out[-600:]}")
    with open(saved_path) as fh:
        now = fh.read()
    f.check(now == original, f"{fault}: the earlier saved answers changed: {now}")
    leftovers = [n for n in os.listdir(os.path.join(state, "backtriage")) if ".tmp" in n]
    f.check(not leftovers, f"{fault}: temporary files left behind: {leftovers}")

# `sheet -o` on the full disk: a message with the operating system's reason, the earlier sheet
# stays whole, and no temporary file is left behind.
answers = os.path.join(tempdir(), "answers.json")
with open(answers, "w") as fh:
    json.dump({"questionnaire": "back-pain", "date": "2026-11-23", "answers": vignettes()[0]["answers"]}, fh)
sheet = os.path.join(state, "sheet.html")
subprocess.run(["rm", "-f", os.path.join(state, "filler")], check=True)
with open(sheet, "w") as fh:
    fh.write("the earlier sheet")
subprocess.run(["dd", "if=/dev/zero", "of=" + os.path.join(state, "filler"), "bs=4k", "count=1000"], capture_output=True)
code, out, err = run("sheet", "--answers", answers, "--format", "html", "-o", sheet, env=env)
f.check(code == 2 and "cannot write" in err and "No space left on device" in err, f"sheet -o on a full disk: exit {code}: {err}")
with open(sheet) as fh:
    f.check(fh.read() == "the earlier sheet", "sheet -o on a full disk: the earlier sheet changed")
f.check(not [n for n in os.listdir(state) if ".tmp" in n], "sheet -o on a full disk: temporary file left behind")

subprocess.run(["umount", state])

# A whole session on a full 64 KiB file system holding both the state and the data folder: the
# result is given, and every message says what was and was not kept, names the file the person
# knows (never a temporary one), and what to do; none says the answers are saved when they are not.
from plain import items, lines


def every_answer_no():
    """A whole first questionnaire from the shipped questionnaire itself: 40 years, lower back,
    7 weeks, the lowest number, the first option and no for everything else."""
    answers = {"age": 40, "region": "lower_back", "duration_weeks": 7}
    for item in items():
        kind = item["type"]
        if item["id"] in answers:
            continue
        if kind == "boolean":
            answers[item["id"]] = False
        elif kind == "choice":
            answers[item["id"]] = item["options"][0]["value"]
        elif kind in ("integer", "decimal", "scale"):
            answers[item["id"]] = item.get("min", 0)
    return "\n".join(lines(answers)) + "\n"


full = tempdir()
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", full], check=True)
subprocess.run(["dd", "if=/dev/zero", "of=" + os.path.join(full, "filler"), "bs=4k", "count=100"], capture_output=True)
env_full = {"XDG_STATE_HOME": full + "/state", "XDG_DATA_HOME": full + "/data", "BACKTRIAGE_TODAY": "2026-11-23", "LANG": "C.UTF-8", "LC_ALL": ""}
code, out, err = run("--plain", stdin=every_answer_no(), env=env_full)
said = " ".join(out.split())
f.check(10 <= code <= 14 and "Result: " in out, f"full disk: no result (exit {code}): {out[-800:]} {err}")
f.check(".tmp" not in out + err, f"full disk: a temporary file is named: {[l for l in out.splitlines() if '.tmp' in l]}")
f.check(said.count("Could not save your answers") == 1 and full + "/state/backtriage/back-pain.json" in said,
        f"full disk: the answers' message does not name their file once: {out[:1500]}")
f.check("Could not save the summary sheet" in said and "Could not save your answers" not in said.split("Could not save the summary sheet")[1],
        f"full disk: the sheet's failure is not said as the sheet's: {out[-1500:]}")
for message in [line for line in out.splitlines() if line.startswith(("Could not", "Your history cannot"))]:
    f.check("disk space" in message or "free some space" in message, f"full disk: no advice in {message!r}")
f.check("stay saved" not in said and "are saved" not in said, f"full disk: a message claims the answers are saved: {out[-1500:]}")
f.check("answers are not saved either" in said and "answer again to get the sheet" in said, f"full disk: the sheet's message does not say what is lost: {out[-1500:]}")
f.check("this result is only on the screen" in said or "Your history cannot be opened" in said,
        f"full disk: the history's failure does not say the result is not kept: {out[-1500:]}")
subprocess.run(["umount", full])
f.finish()
