"""Regenerate docs/timeline.png, the README's picture of the web page: the page the installed
`cica timeline --html` writes, photographed in headless Chromium.

    python docs/screenshot.py                      # writes docs/timeline.png
    python docs/screenshot.py -o /tmp/phone.png --width 390 --height 844
    python docs/screenshot.py -o /tmp/summits.png --fragment '#kind=summit'

Run it with the Python of the virtual environment `cica` is installed in (its `cica` script is
used). Needs Chromium (Debian: apt-get install chromium). Nothing is fetched: the page is
self-contained and the browser runs with a fresh profile and its network features off.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def cica_command() -> list[str]:
    """The `cica` script beside this Python, else the one on PATH."""
    beside = Path(sys.executable).with_name("cica")
    found = str(beside) if beside.exists() else shutil.which("cica")
    if not found:
        sys.exit("screenshot: no `cica` installed in this environment (pip install -e .)")
    return [found]


def browser() -> str:
    found = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    if not found:
        sys.exit("screenshot: no Chromium found (apt-get install chromium)")
    return found


def screenshot(output: Path, width: int, height: int, fragment: str = "") -> None:
    with tempfile.TemporaryDirectory(prefix="cica-screenshot-") as tmp:
        page = Path(tmp) / "timeline.html"
        subprocess.run([*cica_command(), "timeline", "--html", str(page)], check=True,
                       stdout=subprocess.DEVNULL)
        command = [
            browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--force-device-scale-factor=1",
            f"--window-size={width},{height}", "--virtual-time-budget=5000",
        ]
        # Now and then Chromium photographs the page before every tile is drawn: take
        # pictures until two in a row are the same.
        shots = []
        for attempt in range(5):
            shot = Path(tmp) / f"shot{attempt}.png"
            profile = f"--user-data-dir={Path(tmp) / f'profile{attempt}'}"
            done = subprocess.run([*command, profile, f"--screenshot={shot}", page.as_uri() + fragment],
                                  capture_output=True, text=True, timeout=120)
            if done.returncode != 0 or not shot.exists():
                sys.exit(f"screenshot: Chromium failed:\n{done.stderr[-2000:]}")
            shots.append(shot.read_bytes())
            if len(shots) > 1 and shots[-1] == shots[-2]:
                break
        else:
            sys.exit("screenshot: Chromium gave a different picture each time")
        output.write_bytes(shots[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=HERE / "timeline.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--fragment", default="", help="a view of the page, such as '#kind=summit'")
    args = parser.parse_args(argv)
    screenshot(args.output, args.width, args.height, args.fragment)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
