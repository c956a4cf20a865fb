"""A report printed to PDF by headless Chromium, on A4 or Letter.

Chromium lays the page out exactly as it prints from a browser, with the
report's print styles: each scenario on a new page, blocks kept whole, long
lines wrapped. Where no Chromium is installed, the error says so in one line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from ..errors import MissingDependencyError, NegotiationError, ParameterError

__all__ = ["html_to_pdf", "find_chromium", "PAPERS"]

PAPERS = ("A4", "Letter")
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def find_chromium() -> str:
    """The path of a Chromium-family browser, or a one-line error saying how to get one."""
    for name in _BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    raise MissingDependencyError("PDF output needs Chromium (or Chrome) on the PATH: install it, for example "
                                 "apt-get install chromium, or print the HTML report from a browser")


def html_to_pdf(page: str, output: str, paper: str = "A4", timeout: float = 120) -> str:
    """Print the HTML ``page`` (text) to the PDF file ``output`` on ``paper``; return ``output``."""
    if paper not in PAPERS:
        raise ParameterError(f"paper must be one of {', '.join(PAPERS)}, got {paper!r}")
    browser = find_chromium()
    sized = page.replace("</style>", f"@page {{ size: {paper}; }}</style>", 1)
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "report.html")
        target = os.path.join(folder, "report.pdf")
        with open(source, "w", encoding="utf-8") as handle:
            handle.write(sized)
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                   "--no-first-run", "--disable-background-networking", f"--user-data-dir={folder}/profile",
                   "--no-pdf-header-footer", f"--print-to-pdf={target}", "file://" + source]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise NegotiationError(f"Chromium did not print the PDF within {timeout:g} s") from exc
        if not os.path.exists(target) or not open(target, "rb").read(5) == b"%PDF-":
            raise NegotiationError("Chromium ran but wrote no PDF; print the HTML report from a browser instead")
        from .._writing import write_text

        with open(target, "rb") as handle:
            write_text(output, handle.read())
    return output
