"""The cache of compiled questionnaires, through the real binary: a second run uses it, and any
change to a questionnaire file, a damaged cache file or one that cannot be written never shows
an older questionnaire, a message or a failure."""
import os
import shutil
from cli import Failures, QUESTIONNAIRES, answer_file, run, tempdir, vignettes

f = Failures()
d = tempdir()
folder = os.path.join(d, "questionnaires")
shutil.copytree(QUESTIONNAIRES, folder)
cache = os.path.join(d, "cache")
env = {"BACKTRIAGE_QUESTIONNAIRES": folder, "XDG_CACHE_HOME": cache, "HOME": d, "XDG_STATE_HOME": os.path.join(d, "state"),
       "XDG_DATA_HOME": os.path.join(d, "data"), "LANG": "C.UTF-8", "LC_ALL": ""}
answers = answer_file(d, "seven-weeks.json", vignettes()[1]["answers"])


def evaluate():
    return run("evaluate", "--answers", answers, env=env)


def cache_files():
    where = os.path.join(cache, "backtriage")
    return sorted(os.path.join(where, n) for n in os.listdir(where)) if os.path.isdir(where) else []


def edit(name, old, new):
    path = os.path.join(folder, "back-pain", name)
    text = open(path, encoding="utf-8").read()
    assert old in text, f"{old!r} not in {name}"
    open(path, "w", encoding="utf-8").write(text.replace(old, new, 1))


# The first run loads the YAML and writes the compiled questionnaire; the second reads it.
code, first, err = evaluate()
f.check(code == 0 and "SEE A DOCTOR:" in first and err == "", f"first run: exit {code}: {err}")
files = cache_files()
f.check(len(files) == 1, f"cache files after the first run: {files}")
if files:
    f.check(os.stat(files[0]).st_mode & 0o777 == 0o600, f"the cache file is not private: {oct(os.stat(files[0]).st_mode)}")
    stamp = os.stat(files[0]).st_mtime_ns
    code, second, err = evaluate()
    f.check(code == 0 and second == first and err == "", f"second run: exit {code}, same output {second == first}: {err}")
    f.check(os.stat(files[0]).st_mtime_ns == stamp, "the second run wrote the cache again instead of reading it")

# An edited text shows at once, and the cache is made again.
edit("catalog.yaml", "      en: SEE A DOCTOR\n", "      en: SEE A GP\n")
code, out, err = evaluate()
f.check(code == 0 and "SEE A GP:" in out and "SEE A DOCTOR:" not in out, f"after an edit: exit {code}: {out[:200]} {err}")
code, again, err = evaluate()
f.check(code == 0 and again == out, "the run after the edit differs")

# A damaged cache file is read from the YAML again, without a word.
for damage in (b"", b"backtriage compiled questionnaire 1\n\xff\xff", None):
    path = cache_files()[0]
    data = open(path, "rb").read()
    if damage is None:
        damage = data[:-200] + bytes(b ^ 0x55 for b in data[-200:])
    open(path, "wb").write(damage)
    code, out, err = evaluate()
    f.check(code == 0 and out == again and err == "", f"damaged cache ({len(damage)} bytes): exit {code}: {err}")

# A mistake put into the questionnaire after it was cached is reported, never hidden by the cache.
edit("rules.yaml", "triage: see_doctor\n", "triage: see_doktor\n")
code, out, err = evaluate()
f.check(code == 2 and "see_doktor" in err and out == "", f"a broken questionnaire after caching: exit {code}: {err[:300]}")
edit("rules.yaml", "triage: see_doktor\n", "triage: see_doctor\n")

# A cache that cannot be written costs nothing but speed.
shutil.rmtree(cache)
open(cache, "w").write("a file where the cache folder would be")
code, out, err = evaluate()
f.check(code == 0 and out == again and err == "", f"unwritable cache: exit {code}: {err}")
os.remove(cache)

# --no-save reads the cache but leaves nothing behind.
code, out, err = run("--plain", "--no-save", stdin="", env=env)
f.check(cache_files() == [], f"--no-save wrote {cache_files()}")
f.finish()
