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

from django.core.management.base import BaseCommand

from lantoa.analysis import accurate_queue
from lantoa.analysis.management.commands._options import (
    add_budget_arguments,
    checked_budget,
    run_in_budgets,
)
from lantoa.content.pipeline import process_accurate_queue


class Command(BaseCommand):
    help = "Give the items waiting for the accurate analysis path the accurate models."

    def add_arguments(self, parser: ArgumentParser) -> None:
        add_budget_arguments(parser, all_help="run until the queue is empty")

    def handle(self, *args: Any, **options: Any) -> None:
        budget = checked_budget(options)
        started = time.perf_counter()
        analyzed, waiting = run_in_budgets(
            lambda: process_accurate_queue(budget),
            accurate_queue.waiting,
            until_done=options["all"],
        )
        result = {
            "analyzed": analyzed,
            "waiting": waiting,
            "seconds": round(time.perf_counter() - started, 2),
        }
        if options["json"]:
            self.stdout.write(json.dumps(result))
        else:
            self.stdout.write(
                f"Analysed {analyzed} item(s) with the accurate models; {waiting} waiting."
            )
