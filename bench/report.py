"""Write one benchmark's figures into docs/benchmarks.md, replacing that benchmark's old section.

Each benchmark owns a section delimited by HTML comments, so benchmarks can run alone or together
and the file keeps every other section as it was.
"""

import datetime as dt
import os
import platform
import re
import subprocess
from pathlib import Path

BENCHMARKS_MD = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
_HEADER = (
    "# Benchmarks\n\nWritten by `make bench`; each section says when and where it was measured.\n"
)


def machine_line() -> str:
    """Describe the machine, date and commit a figure was measured on."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = "unknown"
    cpu = platform.processor() or platform.machine()
    # The machines are shared: a load above the core count means other work ran beside this.
    load = os.getloadavg()[0]
    return (
        f"Measured {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %z} on {platform.node()} "
        f"({cpu}, {os.cpu_count()} cores, Python {platform.python_version()}), commit {commit or 'n/a'}; "
        f"load average {load:.1f} when written."
    )


def write_section(name: str, title: str, body: str) -> None:
    """Replace (or append) the section ``name`` of docs/benchmarks.md with ``body``."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    section = f"{start}\n## {title}\n\n{machine_line()}\n\n{body.strip()}\n{end}"
    text = BENCHMARKS_MD.read_text(encoding="utf-8") if BENCHMARKS_MD.exists() else _HEADER
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    BENCHMARKS_MD.parent.mkdir(parents=True, exist_ok=True)
    BENCHMARKS_MD.write_text(text, encoding="utf-8")
    print(body)
