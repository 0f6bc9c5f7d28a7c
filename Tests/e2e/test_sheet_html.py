"""The HTML sheet renders in headless Chromium, to PNG and to PDF, and a typical sheet's main
part is one A4 page: the PDF has the main page, then the appendix from page 2 on."""
import os
import re
import shutil
import subprocess
from cli import Failures, answer_file, run, tempdir, vignettes

f = Failures()
d = os.environ.get("SHEET_ARTIFACTS") or tempdir()
os.makedirs(d, exist_ok=True)
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if not chromium or not shutil.which("pdfinfo") or not shutil.which("pdftotext"):
    print("chromium and poppler-utils are needed: run `make deps` as root")
    raise SystemExit(1)


def chrome(*args):
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
           "--user-data-dir=" + os.path.join(d, "profile"), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


typical = {c["name"]: c for c in vignettes()}["low back pain for seven weeks"]
for lang in ("en", "de"):
    html = os.path.join(d, f"sheet-{lang}.html")
    code, _, err = run("sheet", "--answers", answer_file(d, "seven.json", typical["answers"]),
                       "--format", "html", "--lang", lang, "-o", html)
    f.check(code == 0, f"{lang}: sheet --format html: exit {code}: {err}")
    text = open(html, encoding="utf-8").read()
    f.check(not re.search(r'(src|href)\s*=\s*"(https?:)?//', text) and "@import" not in text,
            f"{lang}: the HTML loads something from elsewhere")
    f.check('name="viewport"' in text and "@media print" in text and "size: A4" in text,
            f"{lang}: no viewport or A4 print stylesheet")

    pdf = os.path.join(d, f"sheet-{lang}.pdf")
    p = chrome("--print-to-pdf=" + pdf, "file://" + html)
    f.check(os.path.exists(pdf) and os.path.getsize(pdf) > 1000, f"{lang}: no PDF: {p.stderr[-300:]}")
    if os.path.exists(pdf):
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
        f.check(abs(float(size.group(1)) - 595) < 3 and abs(float(size.group(2)) - 842) < 3, f"{lang}: not A4: {size.group(0)}")
        first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], capture_output=True, text=True).stdout
        second = subprocess.run(["pdftotext", "-f", "2", "-l", "2", pdf, "-"], capture_output=True, text=True).stdout
        level, questions, appendix = (("SEE A DOCTOR", "Questions to ask", "Appendix") if lang == "en"
                                      else ("TERMIN IN DER ARZTPRAXIS", "Fragen an Ihre", "Anhang"))
        # The whole main part (level to disclaimer) is on page 1, the appendix starts page 2.
        f.check(level in first and questions in first and "112" in first, f"{lang}: page 1 lacks the main part")
        f.check(second.lstrip().startswith(appendix), f"{lang}: page 2 does not start with the appendix: {second[:120]!r}")
        f.check(pages <= 4, f"{lang}: {pages} pages")
        print(f"{lang}: {pages} PDF pages, main part on page 1")

    png = os.path.join(d, f"sheet-{lang}.png")
    chrome("--screenshot=" + png, "--window-size=1000,1400", "file://" + html)
    f.check(os.path.exists(png) and os.path.getsize(png) > 10000, f"{lang}: no screenshot")
    phone = os.path.join(d, f"sheet-{lang}-phone.png")
    chrome("--screenshot=" + phone, "--window-size=390,1600", "file://" + html)
    f.check(os.path.exists(phone), f"{lang}: no phone screenshot")
f.finish()
