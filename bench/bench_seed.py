"""seed-demo storage throughput (`--no-process`): the demo generator alone, then
`lantoa seed-demo` into SQLite (1,000,000
items) and PostgreSQL (100,000 items), each in a fresh database.

The generator-only figure is the baseline: the ratio shows what storing costs.
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

REPO = Path(__file__).resolve().parent.parent
END = date(2026, 11, 22)
SQLITE_ITEMS = int(os.environ.get("BENCH_SEED_SQLITE_ITEMS", "1000000"))
POSTGRES_ITEMS = int(os.environ.get("BENCH_SEED_POSTGRES_ITEMS", "100000"))
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/lantoa_bench_seed"
)


def _generator_rate(count: int) -> float:
    started = time.perf_counter()
    for _ in generate_items(seed=7, count=count, end=END):
        pass
    return count / (time.perf_counter() - started)


def _lantoa(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run(  # noqa: S603 - our own CLI with fixed arguments
        [sys.executable, "-m", "lantoa.cli", *args],
        cwd=REPO,
        env={**os.environ, "DEBUG": "true", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def _seed(count: int, env: dict[str, str]) -> dict[str, float]:
    _lantoa("migrate", "--verbosity", "0", env=env)
    output = _lantoa(
        "seed-demo",
        "--items",
        str(count),
        "--end",
        END.isoformat(),
        "--no-process",
        "--json",
        env=env,
    )
    return json.loads(output.strip().splitlines()[-1])


def _recreate_postgres_database(url: str) -> None:
    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    generator = _generator_rate(min(SQLITE_ITEMS, 200_000))
    with tempfile.TemporaryDirectory() as data_dir:
        sqlite = _seed(SQLITE_ITEMS, {"LANTOA_DATA_DIR": data_dir})
    rows = [
        "| run | items | seconds | items/s | vs generator alone |",
        "|---|---:|---:|---:|---:|",
        f"| generator only (baseline, no database) | {min(SQLITE_ITEMS, 200_000):,} | — | {generator:,.0f} | 1.00 |",
        f"| `lantoa seed-demo` into SQLite | {sqlite['items_created']:,} | {sqlite['seconds']:,.1f} | "
        f"{sqlite['items_per_second']:,.0f} | {sqlite['items_per_second'] / generator:.2f} |",
    ]
    try:
        _recreate_postgres_database(POSTGRES_URL)
        postgres = _seed(POSTGRES_ITEMS, {"DATABASE_URL": POSTGRES_URL})
        rows.append(
            f"| `lantoa seed-demo` into PostgreSQL | {postgres['items_created']:,} | "
            f"{postgres['seconds']:,.1f} | {postgres['items_per_second']:,.0f} | "
            f"{postgres['items_per_second'] / generator:.2f} |"
        )
    except psycopg.Error as error:
        rows.append(f"| PostgreSQL | — | — | not measured: {error} | — |")
    write_section("seed", "Demo corpus seeding (`lantoa seed-demo`)", "\n".join(rows))
