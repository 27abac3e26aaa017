"""End-to-end import throughput: demo posts and articles written as a social-media export
(JSONL, the documented schema) and imported with `lantoa import` into a fresh SQLite database
and a fresh PostgreSQL database. Baseline: parsing the same file with the file connector
without storing anything, measured in the same run.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import psycopg

from bench.report import write_section
from lantoa.content.demo import generate_items
from lantoa.sources.connectors import Entry, SourceSpec, get_connector
from lantoa.sources.fetching import Fetcher

REPO = Path(__file__).resolve().parent.parent
ITEMS = int(os.environ.get("BENCH_IMPORT_ITEMS", "100000"))
POSTGRES_ITEMS = int(os.environ.get("BENCH_IMPORT_POSTGRES_ITEMS", str(ITEMS)))
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/lantoa_bench_import"
)
# Measured as deployed: DEBUG off, so Django does not record every query it runs.
PRODUCTION_SETTINGS = {
    "DEBUG": "false",
    "SECRET_KEY": "bench-import-" + "k" * 50,
    "ALLOWED_HOSTS": "localhost",
}


def write_export(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for item in generate_items(seed=11, count=count, end=date(2026, 11, 22)):
            row = {
                "platform": "demo",
                "post_id": item.key,
                "author": item.author,
                "text": item.text,
                "title": item.title,
                "time": item.published.isoformat(),
                "url": item.url,
                "parent_id": item.parent_key,
                **item.engagement,
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def parse_only_rate(path: Path) -> float:
    spec = SourceSpec(kind="file", url=str(path), options={})
    started = time.perf_counter()
    with Fetcher() as fetcher:
        harvest = get_connector("file").harvest(spec, fetcher=fetcher)
        entries = sum(1 for record in harvest.records if isinstance(record, Entry))
    return entries / (time.perf_counter() - started)


def _lantoa(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(  # noqa: S603 - our own CLI with fixed arguments
        [sys.executable, "-m", "lantoa.cli", *args],
        cwd=REPO,
        env={**os.environ, **PRODUCTION_SETTINGS, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def import_rate(path: Path, env: dict[str, str]) -> tuple[int, float]:
    _lantoa(["migrate", "--verbosity", "0"], env)
    started = time.perf_counter()
    report = json.loads(_lantoa(["import", str(path), "--json"], env).splitlines()[-1])
    return report["stored"], report["stored"] / (time.perf_counter() - started)


def recreate_postgres(url: str) -> None:
    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        export = Path(workdir) / "demo-export.jsonl"
        write_export(export, ITEMS)
        baseline = parse_only_rate(export)
        rows = [
            "| run | items stored | items/s | vs parsing alone |",
            "|---|---:|---:|---:|",
            f"| parse the file only (baseline, nothing stored) | — | {baseline:,.0f} | 1.00 |",
        ]
        stored, rate = import_rate(export, {"LANTOA_DATA_DIR": str(Path(workdir) / "var")})
        rows.append(
            f"| `lantoa import` into SQLite | {stored:,} | {rate:,.0f} | {rate / baseline:.3f} |"
        )
        try:
            recreate_postgres(POSTGRES_URL)
            postgres_export = export
            if POSTGRES_ITEMS != ITEMS:
                postgres_export = Path(workdir) / "demo-export-postgres.jsonl"
                write_export(postgres_export, POSTGRES_ITEMS)
            stored, rate = import_rate(postgres_export, {"DATABASE_URL": POSTGRES_URL})
            rows.append(
                f"| `lantoa import` into PostgreSQL | {stored:,} | {rate:,.0f} | {rate / baseline:.3f} |"
            )
        except psycopg.Error as error:
            rows.append(f"| PostgreSQL | not measured: {error} | — | — |")
    note = (
        f"{ITEMS:,} demo posts, comments and articles as one JSONL export "
        f"({POSTGRES_ITEMS:,} for PostgreSQL). Each item is "
        "normalised, hashed, MinHash-signed, assigned to a story and committed in its own "
        "transaction, so a crash loses nothing already stored, then analysed, indexed and counted "
        "for monitoring in batches of 500, as a poll does. Production settings (DEBUG off)."
    )
    write_section("import", "End-to-end import (`lantoa import`)", note + "\n\n" + "\n".join(rows))
