"""What `make install` ships works on its own: the installed binary finds the questionnaires it
installed beside it (share/backtriage) without any environment variable pointing there.
Only meaningful for an installed build (BACKTRIAGE_SHIPPED=1); the debug build passes trivially."""
import os
import sys

from cli import BIN, Failures, run

if not os.environ.get("BACKTRIAGE_SHIPPED"):
    print("debug build: nothing installed to check")
    sys.exit(0)
f = Failures()
env = dict(os.environ)
env.pop("BACKTRIAGE_QUESTIONNAIRES", None)
code, out, err = run("list", env={"BACKTRIAGE_QUESTIONNAIRES": ""})
f.check(code == 0 and out.startswith("back-pain\t"), f"installed list: exit {code}: {out} {err}")
share = os.path.realpath(os.path.join(os.path.dirname(BIN), "..", "share", "backtriage", "back-pain", "questionnaire.yaml"))
f.check(os.path.exists(share), f"nothing installed at {share}")
f.finish()
