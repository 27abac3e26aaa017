"""``lantoa analyze-queue [--budget N] [--json]``: give queued items the accurate path now.

The same work as the periodic "accurate-analysis" task, for operators and scripts: it analyses
at most N queued items (default ``ANALYSIS_ACCURATE_BUDGET``) in order of service. ``--all``
works the queue until it is empty. With ``--json`` the last line is
``{"analyzed", "waiting", "seconds"}``.
"""

import json
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lantoa.analysis import accurate_queue
from lantoa.content.pipeline import process_accurate_queue


class Command(BaseCommand):
    help = "Give the items waiting for the accurate analysis path the accurate models."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--budget", type=int, help="items per run (default: the setting)")
        parser.add_argument("--all", action="store_true", help="run until the queue is empty")
        parser.add_argument("--json", action="store_true", help="end with one JSON line")

    def handle(self, *args: Any, **options: Any) -> None:
        budget = options["budget"]
        if budget is not None and budget < 1:
            raise CommandError("--budget must be at least 1")
        started = time.perf_counter()
        analyzed = 0
        while True:
            done = process_accurate_queue(budget)
            analyzed += done
            if not options["all"] or done == 0:
                break
        result = {
            "analyzed": analyzed,
            "waiting": accurate_queue.waiting(),
            "seconds": round(time.perf_counter() - started, 2),
        }
        if options["json"]:
            self.stdout.write(json.dumps(result))
        else:
            waiting = result["waiting"]
            self.stdout.write(
                f"Analysed {analyzed} item(s) with the accurate models; {waiting} waiting."
            )
