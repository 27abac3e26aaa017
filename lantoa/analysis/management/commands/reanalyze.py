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

from django.core.management.base import BaseCommand

from lantoa.analysis.management.commands._options import (
    add_budget_arguments,
    checked_budget,
    run_in_budgets,
)
from lantoa.analysis.reanalysis import stale_count
from lantoa.analysis.storing import production_models
from lantoa.content.pipeline import reanalyze_stale


class Command(BaseCommand):
    help = "Relabel the items that older models labelled, with the current models."

    def add_arguments(self, parser: ArgumentParser) -> None:
        add_budget_arguments(parser, all_help="run until no item is stale")

    def handle(self, *args: Any, **options: Any) -> None:
        budget = checked_budget(options)
        started = time.perf_counter()
        analyzed, stale = run_in_budgets(
            lambda: reanalyze_stale(budget), _stale_count, until_done=options["all"]
        )
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
    return stale_count(production_models())
