"""Release distribution to 10,000 recipients through a real local SMTP server (aiosmtpd).

Runs `lantoa network-send` in a fresh embedded (SQLite) database, as a worker would:

1. uninterrupted: e-mails per second, end to end (claim, compose, SMTP, mark SENT);
2. crash and restart: the sender is killed with SIGKILL part-way, restarted at once (it takes
   the unclaimed rows), then run again after the dead worker's claims expire; the SMTP server
   counts messages per recipient, so duplicates and gaps are measured, not assumed.

Baseline, same run: the same messages sent with Django's SMTP backend over one connection and
no database at all.
"""

import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from bench.report import write_section

REPO = Path(__file__).resolve().parent.parent
RECIPIENTS = int(os.environ.get("BENCH_NETWORK_RECIPIENTS", "10000"))
PORT = int(os.environ.get("BENCH_NETWORK_SMTP_PORT", "18025"))

SETUP = """
from django.utils import timezone
from lantoa.accounts.models import Organization
from lantoa.network.models import Contact, ContactList, Release, ListKind
org = Organization.objects.create(name="Bench", code="bench-{tag}", type="province")
Contact.objects.bulk_create([
    Contact(owner=org, kind="journalist", full_name=f"Phóng viên {{i}}",
            email=f"pv{{i}}@bench.invalid", consent=True, beats="|y-te|")
    for i in range({count})
], batch_size=2000)
lst = ContactList.objects.create(owner=org, name="Tất cả", kind=ListKind.DYNAMIC,
                                 criteria={{"beats": ["y-te"]}})
release = Release.objects.create(owner=org, title="Thông cáo đo hiệu năng",
    body="Nội dung " * 80, status="approved", approved_at=timezone.now())
from lantoa.network.actions import distribution
from lantoa.network.queries import list_recipients
from lantoa.network.models import Delivery
Delivery.objects.bulk_create([Delivery(release=release, contact_id=pk, email=e)
    for pk, e in list_recipients(lst).values_list("pk", "email")], batch_size=2000)
print(release.pk)
"""


class Counting:
    def __init__(self) -> None:
        self.per_recipient: Counter[str] = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self.lock:
            self.per_recipient.update(str(address) for address in envelope.rcpt_tos)
        return "250 OK"

    def reset(self) -> None:
        with self.lock:
            self.per_recipient.clear()


def _env(data_dir: str) -> dict[str, str]:
    return {
        **os.environ,
        "DEBUG": "true",
        "LANTOA_DATA_DIR": data_dir,
        "DATABASE_URL": "",
        "CELERY_BROKER_URL": "",
        "EMAIL_URL": f"smtp://127.0.0.1:{PORT}",
    }


def _lantoa(args: list[str], env: dict[str, str]) -> str:
    return subprocess.run(  # noqa: S603 - our own CLI with fixed arguments
        [sys.executable, "-m", "lantoa.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _prepare(env: dict[str, str], tag: str) -> int:
    _lantoa(["migrate", "--verbosity", "0"], env)
    out = _lantoa(["shell", "-c", SETUP.format(count=RECIPIENTS, tag=tag)], env)
    return int(out.strip().splitlines()[-1])


def _send(env: dict[str, str], release: int) -> dict[str, float]:
    out = _lantoa(["network-send", "--release", str(release), "--json"], env)
    return json.loads(out.strip().splitlines()[-1])


def uninterrupted(server: Counting) -> float:
    with tempfile.TemporaryDirectory() as data_dir:
        env = _env(data_dir)
        release = _prepare(env, "a")
        server.reset()
        started = time.perf_counter()
        result = _send(env, release)
        seconds = time.perf_counter() - started
        assert result["sent"] == RECIPIENTS == sum(server.per_recipient.values())
    return RECIPIENTS / seconds


def crash_and_restart(server: Counting) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as data_dir:
        env = _env(data_dir)
        release = _prepare(env, "b")
        server.reset()
        worker = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "lantoa.cli", "network-send", "--release", str(release)],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        while sum(server.per_recipient.values()) < RECIPIENTS // 3:
            time.sleep(0.05)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        before_restart = sum(server.per_recipient.values())
        _send(env, release)  # restart: takes the rows nobody claimed
        expire = (
            "from datetime import timedelta; from django.utils import timezone; "
            "from lantoa.network.models import Delivery; "
            "Delivery.objects.filter(status='sending').update("
            "claimed_until=timezone.now() - timedelta(seconds=1))"
        )
        _lantoa(["shell", "-c", expire], env)  # as if CLAIM_SECONDS had passed
        _send(env, release)
        uncertain = _lantoa(
            [
                "shell",
                "-c",
                "from lantoa.network.models import Delivery; "
                "print(Delivery.objects.filter(status='failed').count())",
            ],
            env,
        )
    counts = server.per_recipient
    return {
        "sent_before_kill": before_restart,
        "recipients_reached": len(counts),
        "duplicates": sum(n - 1 for n in counts.values() if n > 1),
        "missing": RECIPIENTS - len(counts),
        "uncertain": int(uncertain.strip().splitlines()[-1]),
    }


def baseline() -> float:
    from django.core.mail import EmailMessage, get_connection

    connection = get_connection(
        "django.core.mail.backends.smtp.EmailBackend", host="127.0.0.1", port=PORT
    )
    started = time.perf_counter()
    with connection:
        for i in range(RECIPIENTS):
            EmailMessage(
                "Thông cáo đo hiệu năng",
                "Nội dung " * 80,
                to=[f"pv{i}@bench.invalid"],
                connection=connection,
            ).send()
    return RECIPIENTS / (time.perf_counter() - started)


def main() -> None:
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command
    server = Counting()
    controller = Controller(server, hostname="127.0.0.1", port=PORT)
    controller.start()
    try:
        base = baseline()
        rate = uninterrupted(server)
        crash = crash_and_restart(server)
    finally:
        controller.stop()
    rows = [
        "| measure | value |",
        "|---|---|",
        f"| recipients | {RECIPIENTS:,} |",
        f"| `lantoa network-send`, uninterrupted (SQLite) | **{rate:,.0f} e-mails/s** |",
        f"| baseline: Django SMTP backend, one connection, no database | {base:,.0f} e-mails/s |",
        f"| crash test: sent before SIGKILL | {crash['sent_before_kill']:,} |",
        f"| crash test: recipients reached after restart | {crash['recipients_reached']:,} |",
        f"| crash test: duplicate e-mails | {crash['duplicates']} |",
        f"| crash test: recipients missed | {crash['missing']} |",
        f"| crash test: in flight at the kill, left for a person to resend | {crash['uncertain']} |",
    ]
    note = (
        "Each delivery is claimed by a conditional UPDATE and marked SENT right after the SMTP "
        "server accepts it; a killed worker's claims are taken again only after they expire. "
        "A row whose SMTP transaction had started when the worker died is never resent "
        "automatically (it may have arrived): it is marked failed with that reason, and the "
        '"resend to those not reached" action is a person\'s decision. "Missed" counts '
        "recipients the SMTP server never received, those rows included."
    )
    write_section(
        "network", "Release distribution (`lantoa network-send`)", note + "\n\n" + "\n".join(rows)
    )
