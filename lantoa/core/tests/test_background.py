"""Background work: in-process by default; a real worker through a real Redis broker when configured."""

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from lantoa.core.tasks import ping

REPO = Path(__file__).resolve().parents[3]
BROKER = os.environ.get("LANTOA_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def test_without_a_broker_tasks_run_in_process() -> None:
    assert ping.delay("xin chào").get(timeout=1) == "pong:xin chào"


def _redis_or_skip() -> None:
    try:
        redis.Redis.from_url(BROKER, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is required in CI: {error}")
        pytest.skip(f"Redis not reachable at {BROKER}: {error}")


@pytest.fixture
def redis_worker(tmp_path: Path) -> Iterator[str]:
    _redis_or_skip()
    redis.Redis.from_url(BROKER).flushdb()
    env = {
        **os.environ,
        "CELERY_BROKER_URL": BROKER,
        "CELERY_RESULT_BACKEND": BROKER,
        "DEBUG": "true",
        "LANTOA_DATA_DIR": str(tmp_path),
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lantoa",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield BROKER
    finally:
        worker.terminate()
        worker.wait(timeout=30)


@pytest.mark.redis
def test_a_real_worker_consumes_a_task_from_redis(redis_worker: str) -> None:
    from celery import Celery

    client = Celery("lantoa-test-client", broker=redis_worker, backend=redis_worker)
    deadline = time.monotonic() + 60
    result = client.send_task("lantoa.core.ping", args=["từ Redis"])

    assert result.get(timeout=max(1.0, deadline - time.monotonic())) == "pong:từ Redis"
