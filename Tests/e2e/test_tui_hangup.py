"""When the terminal goes away (a window closed, a connection dropped) the full-screen interface
saves and ends with 129 instead of running on without a terminal. Two ways to lose it: tmux
kill-server (the kernel also sends SIGHUP), and a pseudo-terminal whose other end closes while it
is not the program's controlling terminal (no SIGHUP at all: only the hang-up of the descriptor
tells)."""
import json
import os
import pty
import select
import subprocess
import tempfile
import threading
import time

from tui_harness import BINARY, QUESTIONNAIRES, Failure, answer_questions, run


def ended(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def wait_ended(pid, seconds, what):
    deadline = time.time() + seconds
    while not ended(pid):
        if time.time() > deadline:
            raise Failure("%s: backtriage still runs %.0f s after its terminal went away" % (what, seconds))
        time.sleep(0.05)


def saved_answers(state_home):
    with open(os.path.join(state_home, "backtriage", "back-pain.json")) as f:
        return json.load(f)["answers"]


def test(pane_factory):
    # 1. tmux kill-server: no backtriage process is left behind.
    p = pane_factory("exec " + BINARY)
    answer_questions(p, [("Start the questions", ["Enter"]), ("How old are you?", ["61", "Enter"])])
    p.wait_for("Where is your pain mainly?")
    # The pane's shell exec'd into backtriage, so the pane's process is backtriage itself.
    pid = int(p.tmux("display-message", "-p", "-t", "t", "#{pane_pid}").strip())
    p.close()
    wait_ended(pid, 2, "tmux kill-server")
    if saved_answers(p.state_home) != {"age": 61}:
        raise Failure("tmux kill-server: answers not saved: %r" % saved_answers(p.state_home))

    # 2. The other end of its terminal closes, and no SIGHUP comes.
    state_home = tempfile.mkdtemp(prefix="bt-hangup-")
    master, slave = pty.openpty()
    env = {"PATH": os.environ.get("PATH", ""), "TERM": "xterm", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
           "XDG_STATE_HOME": state_home, "BACKTRIAGE_QUESTIONNAIRES": QUESTIONNAIRES,
           "BACKTRIAGE_TODAY": "2026-11-23", "COLUMNS": "80", "LINES": "24"}
    # A new session without a controlling terminal: closing the master sends it no signal.
    child = subprocess.Popen([BINARY], stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    screen = bytearray()
    stop = threading.Event()

    def drain():
        while not stop.is_set():
            r, _, _ = select.select([master], [], [], 0.05)
            if r:
                try:
                    screen.extend(os.read(master, 65536))
                except OSError:
                    return

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()

    def wait_screen(text):
        deadline = time.time() + 10
        while text.encode() not in screen:
            if time.time() > deadline:
                raise Failure("pty: waited for %r" % text)
            time.sleep(0.05)

    wait_screen("Start the questions")
    os.write(master, b"\r")
    wait_screen("How old are you?")
    os.write(master, b"58\r")
    wait_screen("Where is your pain")
    stop.set()
    reader.join()
    os.close(master)
    try:
        code = child.wait(timeout=3)
    except subprocess.TimeoutExpired:
        child.kill()
        raise Failure("pty hang-up: backtriage still runs 3 s after its terminal closed")
    if code != 129:
        raise Failure("pty hang-up: exit %d, expected 129" % code)
    if saved_answers(state_home) != {"age": 58}:
        raise Failure("pty hang-up: answers not saved: %r" % saved_answers(state_home))


run(test)
