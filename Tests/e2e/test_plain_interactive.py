"""An interactive plain session in a pseudo-terminal, typed line by line as a person would."""
import os
import pty
import select
import sys
import time
from cli import BIN, QUESTIONNAIRES, Failures, tempdir

f = Failures()
state = tempdir()


class Session:
    def __init__(self, args, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(BIN, [BIN] + args, env)
        self.out = ""

    def expect(self, text, timeout=15):
        deadline = time.time() + timeout
        while text not in self.out:
            if time.time() > deadline:
                raise SystemExit(f"FAIL: waited for {text!r}; got:\n{self.out[-1500:]}")
            r, _, _ = select.select([self.fd], [], [], 0.2)
            if r:
                try:
                    self.out += os.read(self.fd, 65536).decode("utf-8", "replace")
                except OSError:
                    break
        return self.out

    def send(self, line):
        self.out = ""
        os.write(self.fd, (line + "\n").encode())

    def close(self):
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


env = dict(os.environ, BACKTRIAGE_QUESTIONNAIRES=QUESTIONNAIRES, XDG_STATE_HOME=state, TERM="xterm",
           BACKTRIAGE_TODAY="2026-11-23", LANG="C.UTF-8")
env.pop("LC_ALL", None)
s = Session(["--plain"], env)
s.expect("Question 1, 0 % done")
s.expect("> ")
s.send("forty")
s.expect("Not understood: give a number")
s.send("40")
s.expect("Where is your pain mainly?")
s.send("help")
s.expect("Why this is asked:")
s.send("back")
s.expect("Current answer: 40")
s.send("")
s.expect("Where is your pain mainly?")
s.send("1")
s.expect("How long")
s.send("ten days")
s.expect("Not understood")
s.send("10 days")
s.expect("Question 4, ")
s.send("quit")
s.expect("answers are saved")
f.check(s.close() == 3, "quit did not exit 3")
f.check(os.stat(os.path.join(state, "backtriage", "back-pain.json")).st_mode & 0o777 == 0o600, "state file is not 0600")
f.check(os.stat(os.path.join(state, "backtriage")).st_mode & 0o777 == 0o700, "state folder is not 0700")

# A restart offers to continue where it stopped; the language comes from LANG.
env_de = dict(env, LANG="de_DE.UTF-8")
s = Session(["--plain"], env_de)
s.expect("Gespeicherte Antworten vom")
s.send("1")
s.expect("Frage 4, ")
s.send("ende")
s.expect("Antworten sind gespeichert")
s.close()
f.finish()
