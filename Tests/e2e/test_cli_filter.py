"""`evaluate --answers -` as a Unix filter, through real pipes: one output line per input line,
error records in place of bad lines, exit 2 at the end, answers given as lines arrive, memory
that does not grow with the input."""
import json
import os
import select
import subprocess
import time
from cli import BIN, FIXTURES, Failures, run, tempdir, write

f = Failures()
d = tempdir()
# The repository's own vignettes: every one of them is a complete, valid answer set for the
# shipped questionnaire (the unit tests hold them to that), so a failure here is the filter's.
with open(os.path.join(FIXTURES, "vignettes.json")) as fh:
    CASES = json.load(fh)


def line(answers, date="2026-11-23"):
    return json.dumps({"questionnaire": "back-pain", "date": date, "answers": answers})


def pipe(stdin_bytes, *args):
    """backtriage evaluate --answers - ARGS, its input written through a pipe; (code, out, err)."""
    p = subprocess.Popen([BIN, "evaluate", "--answers", "-", *args], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate(stdin_bytes, timeout=120)
    return p.returncode, out.decode(), err.decode()


# 1. Good, bad and blank lines: output line N belongs to input line N.
good = [line(c["answers"]) for c in CASES]
bad_syntax = '{"questionnaire": "back-pain", "answers": {"age": 40,, "x": 1}}'
missing = dict(CASES[0]["answers"])
del missing["rf_fever"]
bad_value = line({**CASES[1]["answers"], "intensity": 12})
unknown_questionnaire = json.dumps({"questionnaire": "knee-pain", "answers": CASES[0]["answers"]})
inputs = [good[0], bad_syntax, good[1], "", line(missing), good[2], bad_value, unknown_questionnaire, good[3]]
code, out, err = pipe(("\n".join(inputs) + "\n").encode(), "--format", "json")
outputs = out.split("\n")
f.check(outputs[-1] == "", f"output does not end with a line break: {out[-80:]!r}")
outputs = outputs[:-1]
f.check(len(outputs) == len(inputs), f"{len(outputs)} output lines for {len(inputs)} input lines")
f.check(code == 2, f"exit {code} with bad lines, expected 2")
expected_errors = {2: "expected a key in double quotes, found ','", 5: "the warning sign 'rf_fever' is missing",
                   7: "answer 'intensity'", 8: "unknown questionnaire 'knee-pain'"}
for number, (given, result) in enumerate(zip(inputs, outputs), start=1):
    if given == "":
        f.check(result == "", f"line {number}: a blank line gave {result!r}")
        continue
    try:
        record = json.loads(result)
    except ValueError:
        f.check(False, f"line {number}: not JSON: {result[:200]!r}")
        continue
    if number in expected_errors:
        f.check(set(record) == {"line", "error"}, f"line {number}: not an error record: {result[:200]}")
        f.check(record.get("line") == number, f"line {number}: the record says line {record.get('line')}")
        f.check(expected_errors[number] in record.get("error", ""), f"line {number}: {record.get('error')!r}")
        f.check(f"<stdin>:{number}:" in err, f"line {number}: no diagnostic on stderr naming <stdin>:{number}:")
    else:
        f.check("triage" in record and "error" not in record, f"line {number}: no result: {result[:200]}")
f.check("hint: warning signs are always required" in err, "the full diagnostic (with its hint) is not on stderr")
for crash in ("Fatal error", "Stack dump", "Backtrace"):
    f.check(crash not in err, f"crashed: {err[:300]}")

# 2. The filter's results are the results of the same answer sets evaluated one file each.
code, out, err = pipe(("\n".join(good) + "\n").encode(), "--format", "json")
f.check(code == 0, f"all valid: exit {code}: {err[:300]}")
results = [json.loads(l) for l in out.splitlines()]
f.check(len(results) == len(good), f"{len(results)} results for {len(good)} lines")
for i, (case, result) in enumerate(zip(CASES, results)):
    c, single, e = run("evaluate", "--answers", write(d, f"case{i}.json", good[i]), "--format", "json")
    f.check(c == 0 and json.loads(single) == result, f"{case['name']}: the filter and the file disagree")

# 3. A .jsonl file gets error records too; the text format keeps errors on stderr only.
jsonl = write(d, "mixed.jsonl", "\n".join([good[0], bad_syntax, good[1]]) + "\n")
code, out, err = run("evaluate", "--answers", jsonl, "--format", "json")
records = [json.loads(l) for l in out.splitlines()]
f.check(code == 2 and len(records) == 3 and records[1] == {"line": 2, "error": records[1].get("error")}
        and "triage" in records[2], f"jsonl file: exit {code}: {out[:300]}")
f.check(f"{jsonl}:2:" in err, f"jsonl file: stderr lacks {jsonl}:2: {err[:300]}")
code, out, err = pipe(("\n".join([good[0], bad_syntax, good[1]]) + "\n").encode(), "--format", "text", "--lang", "en")
f.check(code == 2 and '"error"' not in out and out.count("information, not a diagnosis") == 2,
        f"text: exit {code}, {out.count('information, not a diagnosis')} results: {out[:300]}")
f.check("<stdin>:2:" in err, f"text: stderr lacks <stdin>:2: {err[:300]}")

# 4. A line that is not UTF-8, and input that ends without a line break.
code, out, err = pipe(good[0].encode() + b"\n" + b'{"questionnaire": "R\xfccken"}\n' + good[1].encode(), "--format", "json")
outputs = out.splitlines()
f.check(code == 2 and len(outputs) == 3, f"not UTF-8: exit {code}, {len(outputs)} lines: {out[:300]}")
if len(outputs) == 3:
    f.check(json.loads(outputs[1]) == {"line": 2, "error": "the line is not valid UTF-8"}, f"not UTF-8: {outputs[1]}")
    f.check("triage" in json.loads(outputs[2]), "the last line, without a line break, was not evaluated")
f.check("<stdin>:2:21: error: the line is not valid UTF-8" in err, f"not UTF-8: {err[:300]}")

# 5. Answers come as lines arrive: the result of a line is readable while the input stays open.
p = subprocess.Popen([BIN, "evaluate", "--answers", "-", "--format", "json"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
try:
    for i in range(3):
        p.stdin.write((good[i] + "\n").encode())
        p.stdin.flush()
        ready, _, _ = select.select([p.stdout], [], [], 30)
        f.check(bool(ready), f"no result for line {i + 1} while the input stays open")
        if not ready:
            break
        result = p.stdout.readline()
        f.check(json.loads(result).get("triage") == json.loads(json.dumps(results[i]))["triage"],
                f"line {i + 1}: {result[:200]!r}")
    p.stdin.close()
    f.check(p.wait(timeout=30) == 0, f"exit {p.returncode} after the input ended")
finally:
    if p.poll() is None:
        p.kill()
        p.wait()

# 6. A line that leaves questions open but already gives an emergency sign gets the emergency
# result in its place, its missing answers listed, as a session that stops there would.
stopped = {"age": 50, "region": "lower_back", "duration_weeks": 2, "rf_bladder_bowel": True}
code, out, err = pipe((good[0] + "\n" + line(stopped) + "\n").encode(), "--format", "json")
records = [json.loads(l) for l in out.splitlines()]
f.check(code == 0 and len(records) == 2, f"incomplete emergency: exit {code}, {len(records)} lines: {err[:300]}")
if len(records) == 2:
    f.check(records[1].get("triage") == "emergency" and records[1].get("red_flags") == ["rf_bladder_bowel"],
            f"incomplete emergency: {out.splitlines()[1][:300]}")
    f.check("rf_saddle_numbness" in records[1].get("missing", []), f"the missing answers are not listed: {records[1].get('missing')}")
f.check("<stdin>:2:" in err and "warning: answers are missing" in err and "most urgent level" in err,
        f"incomplete emergency: stderr {err[:300]}")
huge = line({**CASES[0]["answers"], "duration_weeks": 1e20})
code, out, err = pipe((huge + "\n" + good[1] + "\n").encode(), "--format", "json")
records = [json.loads(l) for l in out.splitlines()]
f.check(code == 2 and len(records) == 2 and "above 2600" in records[0].get("error", "") and "triage" in records[1],
        f"a number beyond 64 bits: exit {code}: {out[:300]} {err[-300:]}")
less_urgent = {"age": 50, "region": "lower_back", "duration_weeks": 2, "rf_fever": True}
code, out, err = pipe((line(less_urgent) + "\n").encode(), "--format", "json")
f.check(code == 2 and '"error"' in out, f"incomplete with a less urgent sign: exit {code}: {out[:200]}")

# 7. Threads change nothing but the time: a mixed file of many lines (good, bad, blank, an
# unknown questionnaire twice) gives the same output, messages and exit code on one thread and
# on every core, through a file and through a pipe; --jobs 0 is refused.
mixed = []
for i in range(600):
    mixed.append([good[i % len(good)], bad_syntax, "", line(missing), bad_value, unknown_questionnaire][i % 6] if i % 5 == 0
                 else good[i % len(good)])
mixed_text = "\n".join(mixed) + "\n"
many = write(d, "many.jsonl", mixed_text)
for fmt in ("json", "text"):
    one = run("evaluate", "--jobs", "1", "--answers", many, "--format", fmt)
    every = run("evaluate", "--answers", many, "--format", fmt)
    f.check(one == every, f"{fmt}: --jobs 1 and every core differ (exit {one[0]} and {every[0]})")
    f.check(one[0] == 2 and one[2].count("unknown questionnaire 'knee-pain'") == mixed.count(unknown_questionnaire),
            f"{fmt}: exit {one[0]}, stderr {one[2][:300]}")
    piped = pipe(mixed_text.encode(), "--format", fmt)
    f.check(piped[:2] == one[:2], f"{fmt}: the pipe and the file differ")
code, out, err = run("evaluate", "--jobs", "0", "--answers", many)
f.check(code == 64 and "--jobs" in err, f"--jobs 0: exit {code}: {err[:200]}")

# 8. Memory stays flat: ten times the input does not take ten times the memory.
def peak_rss_kib(count):
    """Peak RSS of one filter run over `count` lines, fed through a pipe by a writer thread."""
    import threading
    p = subprocess.Popen([BIN, "evaluate", "--answers", "-", "--format", "json"], stdin=subprocess.PIPE,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    payload = ("\n".join(good[i % len(good)] for i in range(count)) + "\n").encode()

    def feed():
        p.stdin.write(payload)
        p.stdin.close()
    writer = threading.Thread(target=feed)
    writer.start()
    _, status, usage = os.wait4(p.pid, 0)
    writer.join()
    f.check(os.waitstatus_to_exitcode(status) == 0, f"{count} lines: exit {status}")
    return usage.ru_maxrss


small, large = peak_rss_kib(500), peak_rss_kib(5_000)
f.check(large - small < 8 * 1024, f"peak RSS grew from {small} KiB (500 lines) to {large} KiB (5,000 lines)")
f.finish()
