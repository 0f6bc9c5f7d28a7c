"""Bad input of every kind: a clear message naming the file position or answer id, exit 2, no crash."""
import json
import re
from cli import Failures, answer_file, run, tempdir, vignettes, write

f = Failures()
d = tempdir()
base = vignettes()[0]["answers"]


def expect_refusal(name, args, *fragments):
    code, out, err = run(*args)
    f.check(code == 2, f"{name}: exit {code}, expected 2 ({err.strip()[:200]})")
    for fragment in fragments:
        f.check(fragment in err, f"{name}: message lacks {fragment!r}: {err.strip()[:300]}")
    for crash in ("Fatal error", "Stack dump", "Backtrace", "Segmentation"):
        f.check(crash not in err, f"{name}: crashed: {err[:300]}")


bad_json = write(d, "bad.json", '{"questionnaire": "back-pain",\n "answers": {"age": 40,,}}')
expect_refusal("malformed JSON", ["evaluate", "--answers", bad_json], f"{bad_json}:2:")
expect_refusal("missing file", ["evaluate", "--answers", d + "/nope.json"], "cannot read the answer file")
expect_refusal("wrong type", ["evaluate", "--answers", answer_file(d, "t.json", {**base, "age": "forty"})], "answer 'age'", "expected a number")
expect_refusal("out of range", ["evaluate", "--answers", answer_file(d, "r.json", {**base, "intensity": 12})], "answer 'intensity'", "above 10")
expect_refusal("unknown id", ["evaluate", "--answers", answer_file(d, "u.json", {**base, "duraton_weeks": 3})], "unknown answer id 'duraton_weeks'", "did you mean 'duration_weeks'")
missing = dict(base)
del missing["rf_fever"]
expect_refusal("missing red flag", ["evaluate", "--answers", answer_file(d, "m.json", missing)], "rf_fever", "missing")
unknown_q = write(d, "q.json", json.dumps({"questionnaire": "knee-pain", "answers": base}))
expect_refusal("unknown questionnaire", ["evaluate", "--answers", unknown_q], "unknown questionnaire 'knee-pain'")
expect_refusal("invalid UTF-8", ["evaluate", "--answers", write(d, "x.json", "")], "empty")
with open(d + "/latin1.json", "wb") as fh:
    fh.write(b'{"questionnaire": "back-pain", "answers": {"region": "R\xfccken"}}')
expect_refusal("invalid UTF-8", ["evaluate", "--answers", d + "/latin1.json"], "not valid UTF-8")
lines = json.dumps({"questionnaire": "back-pain", "answers": base}) + "\n" + '{"questionnaire": "back-pain", "answers": {"age": 40}}\n'
expect_refusal("bad line in jsonl", ["evaluate", "--answers", write(d, "two.jsonl", lines)], "two.jsonl:2:")
deep = write(d, "deep.json", '{"questionnaire": "back-pain", "answers": {"age": ' + "[" * 100000 + "]" * 100000 + "}}")
expect_refusal("one line nested 100,000 deep", ["evaluate", "--answers", deep], f"{deep}:1:", "nested more than")
code, out, err = run("evaluate", "--answers", deep)
f.check(len(err) < 1000 and "…" in err, f"one line nested 100,000 deep: the message quotes {len(err)} characters of it")
yes_yaml = write(d, "yes.yaml", "questionnaire: back-pain\nanswers:\n" + "".join(
    f"  {k}: {'yes' if k == 'rf_fever' else json.dumps(v)}\n" for k, v in {**base, "age": "forty"}.items()))
expect_refusal("yes in a YAML answer file", ["evaluate", "--answers", yes_yaml], "answer 'rf_fever': expected true or false, got 'yes'", "hint: write true or false")
code, out, err = run("evaluate", "--answers", yes_yaml)
lines = [int(m) for m in re.findall(r"yes\.yaml:(\d+):", err)]
f.check("yes or no" not in err and len(lines) == 2 and lines == sorted(lines), f"yes in a YAML answer file: {err}")
expect_refusal("unknown questionnaire folder", ["list", "--questionnaires", d + "/none"], "no questionnaires found")
f.finish()
