"""Printing the summary sheet with `p` through a real CUPS: the test starts its own cupsd in a
private folder (its own configuration, spool and socket, nothing of the system's), with a queue of
the cups-pdf printer model (its PPD, A4) whose output goes to a file in that folder, and points
`lp` at it through CUPS_SERVER and PRINTER. The queue keeps the PDF the text filter makes;
pdfinfo and pdftotext check that the PDF has one
page for each page of the sheet and that each begins with the sheet's header: CUPS must not fit
more lines on paper than the sheet has (version 2 printed "page 2 of 2" at the foot of page 1)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from tui_harness import Failure, backtriage, run

CUPSD = "/usr/sbin/cupsd"
PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
missing = [tool for tool in (CUPSD, PPD, shutil.which("lpadmin"), shutil.which("pdfinfo")) if not tool or not os.path.exists(tool)]
if missing:
    # Not a silent skip: make deps installs these; without them the test fails and says so.
    print("FAIL: missing for the CUPS test (make deps installs cups, printer-driver-cups-pdf, poppler-utils):", missing)
    sys.exit(1)


def start_cups(folder):
    for sub in ("state", "cache", "spool", "tmp", "log", "out", "ppd"):
        os.makedirs(os.path.join(folder, sub), exist_ok=True)
    os.chmod(folder, 0o755)
    os.chmod(os.path.join(folder, "out"), 0o777)
    os.chmod(os.path.join(folder, "tmp"), 0o1777)
    socket = os.path.join(folder, "cups.sock")
    with open(os.path.join(folder, "cupsd.conf"), "w") as f:
        f.write("Listen %s\nLogLevel warn\nWebInterface No\nBrowsing No\n"
                "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"
                "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n" % socket)
    with open(os.path.join(folder, "cups-files.conf"), "w") as f:
        f.write("ServerRoot %(d)s\nStateDir %(d)s/state\nCacheDir %(d)s/cache\nRequestRoot %(d)s/spool\n"
                "TempDir %(d)s/tmp\nErrorLog %(d)s/log/error_log\nAccessLog %(d)s/log/access_log\n"
                "PageLog %(d)s/log/page_log\nFileDevice Yes\nSystemGroup root\n" % {"d": folder})
    daemon = subprocess.Popen([CUPSD, "-f", "-c", os.path.join(folder, "cupsd.conf"), "-s", os.path.join(folder, "cups-files.conf")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 15
    while not os.path.exists(socket):
        if daemon.poll() is not None or time.time() > deadline:
            raise Failure("cupsd did not start: %s" % daemon.stderr.read().decode(errors="replace")[:500])
        time.sleep(0.1)
    output = os.path.join(folder, "out", "sheet.pdf")
    # The cups-pdf model, taking the PDF the text filter makes as it is (the cups-pdf backend
    # would make PDF of PostScript with Ghostscript, into a system folder).
    ppd = os.path.join(folder, "ppd", "cups-pdf.ppd")
    with open(PPD, encoding="latin-1") as f, open(ppd, "w", encoding="latin-1") as g:
        for line in f:
            g.write(line)
            if line.startswith("*PCFileName"):
                g.write('*cupsFilter2: "application/pdf application/pdf 0 -"\n')
    env = dict(os.environ, CUPS_SERVER=socket)
    done = subprocess.run(["lpadmin", "-p", "sheetpdf", "-E", "-v", "file://" + output, "-P", ppd, "-o", "PageSize=A4"],
                          capture_output=True, text=True, env=env)
    if done.returncode != 0:
        daemon.terminate()
        raise Failure("lpadmin failed: %s" % done.stderr)
    return daemon, socket, output


def test(pane_factory):
    folder = tempfile.mkdtemp(prefix="bt-cups-")
    daemon, socket, output = start_cups(folder)
    try:
        work = tempfile.mkdtemp(prefix="bt-print-")
        answers = os.path.join(work, "answers.json")
        with open(answers, "w") as f:
            f.write('{"questionnaire": "back-pain", "answers": {"rf_saddle_numbness": true}}')
        p = pane_factory(backtriage("--answers", answers), extra_env={"CUPS_SERVER": socket, "PRINTER": "sheetpdf"})
        p.wait_for("Start the questions")
        p.keys("Enter")
        p.wait_for("Please act now")
        p.keys("Enter")
        p.wait_for("EMERGENCY")
        p.type("p")
        p.wait_for("request id", timeout=20)
        deadline = time.time() + 60
        while not (os.path.exists(output) and os.path.getsize(output) > 0 and b"%%EOF" in open(output, "rb").read()[-100:]):
            if time.time() > deadline:
                raise Failure("nothing printed to %s; cupsd log: %s" % (output, open(os.path.join(folder, "log", "error_log")).read()[-800:]
                                                                          if os.path.exists(os.path.join(folder, "log", "error_log")) else "none"))
            time.sleep(0.2)
        time.sleep(0.5)
        pdf = output
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        # The sheet's pages as `backtriage sheet` writes them for the same answers and day.
        sheet = subprocess.run([os.environ["BACKTRIAGE"], "sheet", "--answers", answers], capture_output=True, text=True,
                               env=dict(os.environ, BACKTRIAGE_TODAY=p.env["BACKTRIAGE_TODAY"])).stdout
        headers = [line for line in sheet.splitlines() if re.search(r"page \d+ of \d+$", line)]
        if pages != len(headers):
            raise Failure("the sheet has %d pages, the PDF %d:\n%s" % (len(headers), pages, info))
        # texttopdf embeds its font without a Unicode map: pdftotext gives each letter as a code
        # shifted by a constant (and no digits or spaces). Letters are compared after finding the
        # shift that turns the first page's first line into the header.
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        printed = text.split("\f")[:pages]

        def letters(line, shift=0):
            decoded = "".join(chr(ord(c) + shift) if 0 <= ord(c) + shift < 0x110000 else "" for c in line)
            return re.sub(r"[^A-Za-z]", "", decoded)

        def first_line(page):
            # split("\n"), not splitlines(): shifted codes include \x1c to \x1e, which it splits at.
            return next((line for line in page.split("\n") if line.strip()), "")

        header_letters = letters(headers[0])
        shift = next((k for k in range(-64, 65) if letters(first_line(printed[0]), k) == header_letters), None)
        if shift is None:
            raise Failure("the first PDF page does not begin with the header %r: %r" % (headers[0], first_line(printed[0])))
        for number, (page, header) in enumerate(zip(printed, headers), 1):
            if letters(first_line(page), shift) != letters(header):
                raise Failure("PDF page %d does not begin with the sheet's header %r: %r" % (number, header, first_line(page)))
        p.type("q")
        p.wait_for("EXITED=0")
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


run(test)
