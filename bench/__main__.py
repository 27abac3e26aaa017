"""`make bench` / `python -m bench [NAME ...]`: run every bench/bench_*.py (or the named ones).

Each benchmark prints its figures and rewrites its own section of docs/benchmarks.md.
"""

import importlib
import os
import sys
import time
from pathlib import Path

import django


def _names(requested: list[str]) -> list[str]:
    available = sorted(
        p.stem.removeprefix("bench_") for p in Path(__file__).parent.glob("bench_*.py")
    )
    unknown = sorted(set(requested) - set(available))
    if unknown:
        raise SystemExit(
            f"Unknown benchmark(s): {', '.join(unknown)}. Available: {', '.join(available)}"
        )
    return requested or available


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lantoa.settings")
    os.environ.setdefault("DEBUG", "true")
    django.setup()
    failures = []
    for name in _names(argv):
        print(f"\n=== bench {name} ===", flush=True)
        started = time.perf_counter()
        try:
            importlib.import_module(f"bench.bench_{name}").main()
        except Exception as error:  # one failing benchmark must not hide the others' figures
            failures.append(name)
            print(f"bench {name} failed: {error!r}", file=sys.stderr)
        print(f"=== bench {name}: {time.perf_counter() - started:.0f} s ===", flush=True)
    if failures:
        print(f"Failed benchmarks: {', '.join(failures)}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
