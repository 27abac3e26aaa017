"""``lantoa reanalyze [--budget N] [--all] [--json]``: relabel items older models labelled.

The same work as the periodic "reanalysis" task, for operators and scripts, typically right
after ``make models`` or ``lantoa train``: it relabels at most N stale items (default
``ANALYSIS_REANALYSIS_BUDGET``), newest first, with the fast models; those that had the
accurate path are queued for it again. ``--all`` runs until none is stale. With ``--json`` the
last line is ``{"analyzed", "stale", "seconds"}``.
"""

import json
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lantoa.analysis.reanalysis import stale_items
from lantoa.analysis.storing import production_models
from lantoa.content.pipeline import reanalyze_stale


class Command(BaseCommand):
    help = "Relabel the items that older models labelled, with the current models."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--budget", type=int, help="items per run (default: the setting)")
        parser.add_argument("--all", action="store_true", help="run until no item is stale")
        parser.add_argument("--json", action="store_true", help="end with one JSON line")

    def handle(self, *args: Any, **options: Any) -> None:
        budget = options["budget"]
        if budget is not None and budget < 1:
            raise CommandError("--budget must be at least 1")
        started = time.perf_counter()
        analyzed = 0
        stale = _stale_count()
        while True:
            analyzed += reanalyze_stale(budget)
            before, stale = stale, _stale_count()
            # stop too if a run left as many stale as before, rather than loop for ever
            if not options["all"] or stale == 0 or stale >= before:
                break
        result = {
            "analyzed": analyzed,
            "stale": stale,
            "seconds": round(time.perf_counter() - started, 2),
        }
        if options["json"]:
            self.stdout.write(json.dumps(result))
        else:
            self.stdout.write(f"Relabelled {analyzed} item(s); {stale} still stale.")


def _stale_count() -> int:
    return stale_items(production_models()).count()
