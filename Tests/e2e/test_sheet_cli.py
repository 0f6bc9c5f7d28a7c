"""`backtriage sheet`: every format on stdout, -o writes a file only its owner can read, and bad
input is refused exactly as `evaluate` refuses it (exit 2, the same messages)."""
import json
import os
from cli import Failures, answer_file, run, tempdir, vignettes, write

f = Failures()
d = tempdir()
base = vignettes()[1]["answers"]
good = answer_file(d, "good.json", base)

for fmt in ("text", "markdown", "html", "json", "fhir", "fhir-bundle"):
    code, out, err = run("sheet", "--answers", good, "--format", fmt)
    f.check(code == 0 and out.strip(), f"{fmt}: exit {code}: {err}")
    f.check("\x1b" not in out, f"{fmt}: escape codes in the output")
code, out, _ = run("sheet", "--answers", good, "--format", "json")
f.check(json.loads(out)["answers"]["duration_weeks"] == 7, "json: answers missing")
code, out, _ = run("sheet", "--answers", good, "--lang", "de")
f.check("TERMIN IN DER ARZTPRAXIS" in out and "FRAGEN AN IHRE" in out and "23.11.2026" in out, "German text sheet")

path = os.path.join(d, "sheet.html")
write(d, "sheet.html", "old")
os.chmod(path, 0o644)
code, out, err = run("sheet", "--answers", good, "--format", "html", "-o", path)
f.check(code == 0 and out == "", f"-o: exit {code}, stdout {out[:80]!r}: {err}")
f.check(os.stat(path).st_mode & 0o777 == 0o600, f"-o: mode {oct(os.stat(path).st_mode & 0o777)}")
f.check(open(path).read().startswith("<!DOCTYPE html>"), "-o: the file is not the sheet")
# -o through a symbolic link writes where it points and keeps the link; -o /dev/stdout works.
target = write(d, "target.txt", "old")
link = os.path.join(d, "link.txt")
os.symlink(target, link)
code, out, err = run("sheet", "--answers", good, "-o", link)
f.check(code == 0 and os.path.islink(link) and open(target).read().startswith(open(link).read()[:20]) and "old" != open(target).read(),
        f"-o through a link: exit {code}: {err}")
code, out, err = run("sheet", "--answers", good, "-o", "/dev/stdout")
f.check(code == 0 and out.strip(), f"-o /dev/stdout: exit {code}: {err}")
f.check(not [n for n in os.listdir(d) if ".tmp" in n], "-o left a temporary file")

bad = [
    answer_file(d, "t.json", {**base, "age": "forty"}),
    answer_file(d, "u.json", {**base, "duraton_weeks": 3}),
    write(d, "bad.json", '{"questionnaire": "back-pain",\n "answers": {"age": 40,,}}'),
    d + "/nope.json",
]
for b in bad:
    e = run("evaluate", "--answers", b)
    s = run("sheet", "--answers", b, "--format", "html")
    f.check(s[0] == 2 and s[2] == e[2] and s[1] == "", f"{os.path.basename(b)}: sheet exit {s[0]}, {s[2]!r} vs evaluate {e[2]!r}")
lines = write(d, "two.jsonl", json.dumps({"questionnaire": "back-pain", "answers": base}) + "\n" +
              json.dumps({"questionnaire": "back-pain", "answers": base}) + "\n")
code, _, err = run("sheet", "--answers", lines)
f.check(code == 2 and "a sheet is made from one" in err, f"jsonl: exit {code}: {err}")
code, _, err = run("sheet", "--answers", good, "-o", d + "/missing/dir/sheet.txt")
f.check(code == 2 and "cannot write" in err, f"unwritable -o: exit {code}: {err}")

# -o chooses the format by the file's ending when --format is not given; a --format that
# contradicts the ending is refused, naming both, and writes nothing.
for name, starts in (("x.html", "<!DOCTYPE html>"), ("x.md", "# "), ("x.fhir.json", '{\n  "resourceType"'), ("x.txt", "")):
    path = os.path.join(d, name)
    code, out, err = run("sheet", "--answers", good, "-o", path)
    f.check(code == 0 and open(path).read().startswith(starts), f"-o {name}: exit {code}: {err} {open(path).read()[:40]!r}")
code, out, err = run("sheet", "--answers", good, "--format", "text", "-o", os.path.join(d, "y.html"))
f.check(code == 64 and "y.html ends in .html, which is html, but --format is text" in err and not os.path.exists(os.path.join(d, "y.html")),
        f"--format text -o y.html: exit {code}: {err}")
code, out, err = run("sheet", "--answers", good, "--format", "fhir", "-o", os.path.join(d, "z.json"))
f.check(code == 0, f"--format fhir -o z.json (FHIR is JSON): exit {code}: {err}")
f.finish()
