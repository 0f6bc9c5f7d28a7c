"""The command line for people: --version, "did you mean" for a mistyped command or option, a
top-level --help that shows the questionnaire's options and every exit code, and the operating
system's reason when a file cannot be read."""
import os
import re
import tempfile

from cli import Failures, run

f = Failures()

code, out, err = run("--version")
f.check(code == 0 and re.match(r"backtriage \d+\.\d+\.\d+$", out.strip()), f"--version: exit {code}: {out!r} {err!r}")

code, out, err = run("evalute", "--answers", "x.json")
f.check(code == 64 and "Did you mean 'evaluate'?" in err, f"evalute: exit {code}: {err!r}")
code, out, err = run("shet")
f.check(code == 64 and "Did you mean 'sheet'?" in err, f"shet: exit {code}: {err!r}")
code, out, err = run("evaluate", "--lnag", "de", "--answers", "x.json")
f.check(code == 64 and "Did you mean '--lang'?" in err, f"--lnag: exit {code}: {err!r}")

code, out, err = run("--help")
f.check(code == 0, f"--help: exit {code}")
# Every option of the questionnaire is on the top-level help, and every exit code.
code_i, interactive, _ = run("interactive", "--help")
options = sorted(set(re.findall(r"(--[a-z][a-z-]+)", interactive)) - {"--help"})
f.check(len(options) >= 5, f"interactive --help lists too few options: {options}")
for option in options:
    f.check(option in out, f"top-level --help does not show {option}")
for exit_code in ["0", "1", "2", "3", "10-14", "64", "128+N", "129"]:
    f.check(re.search(r"(^|\s)%s(\s|$)" % re.escape(exit_code), out), f"top-level --help does not explain exit code {exit_code}")

work = tempfile.mkdtemp(prefix="bt-help-")
missing = os.path.join(work, "missing.json")
code, out, err = run("evaluate", "--answers", missing)
f.check(code == 2 and missing in err and "No such file or directory" in err, f"missing file: exit {code}: {err!r}")
code, out, err = run("evaluate", "--answers", work)
f.check(code == 2 and "Is a directory" in err, f"a folder as answer file: exit {code}: {err!r}")
code, out, err = run("check", os.path.join(work, "nope.yaml"))
f.check(code == 1 and "No such file or directory" in err + out, f"check of a missing file: exit {code}: {out!r} {err!r}")
f.finish()
