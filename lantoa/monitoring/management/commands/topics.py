"""``topics list [--json]`` and ``topics add --name N --query Q [--owner CODE] [--json]``."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import IntegrityError, transaction

from lantoa.accounts.models import Organization
from lantoa.accounts.setup import GOVERNMENT_CODE
from lantoa.monitoring.actions import check_query
from lantoa.monitoring.models import ItemTopic, Topic, TopicBackfill
from lantoa.monitoring.pipeline import backfill_topic
from lantoa.monitoring.query import QueryError

DEFAULT_OWNER = GOVERNMENT_CODE


def _as_dict(topic: Topic) -> dict[str, Any]:
    return {
        "id": topic.pk,
        "name": topic.name,
        "query": topic.query,
        "exact": topic.exact,
        "active": topic.active,
        "owner": topic.owner.code,
        "items": ItemTopic.objects.filter(topic=topic).count(),
    }


class Command(BaseCommand):
    help = "Liệt kê hoặc thêm chủ đề theo dõi (thêm: gắn chủ đề cho tin bài đã có)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        listing = actions.add_parser("list", help="liệt kê chủ đề")
        listing.add_argument("--json", action="store_true")
        adding = actions.add_parser("add", help="thêm chủ đề")
        adding.add_argument("--name", required=True)
        adding.add_argument("--query", required=True)
        adding.add_argument("--owner", default=DEFAULT_OWNER, help="mã đơn vị sở hữu")
        adding.add_argument("--exact", action="store_true")
        adding.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            topics = [_as_dict(t) for t in Topic.objects.select_related("owner").order_by("pk")]
            if options["json"]:
                self.stdout.write(json.dumps(topics, ensure_ascii=False))
            for topic in [] if options["json"] else topics:
                self.stdout.write(
                    f"{topic['id']}\t{topic['owner']}\t{topic['items']}\t{topic['name']}\t{topic['query']}"
                )
            return
        self._add(options)

    def _add(self, options: dict[str, Any]) -> None:
        owner = Organization.objects.filter(code=options["owner"]).first()
        if owner is None:
            raise CommandError(f"Không có đơn vị mã '{options['owner']}'.")
        try:
            check_query(options["query"], exact=options["exact"])
        except QueryError as error:
            raise CommandError(error.message) from None
        try:
            with transaction.atomic():
                topic = Topic.objects.create(
                    owner=owner,
                    name=options["name"].strip(),
                    query=options["query"].strip(),
                    exact=options["exact"],
                )
        except IntegrityError:
            raise CommandError(f"Đơn vị đã có chủ đề tên '{options['name']}'.") from None
        # The command waits for the retroactive tagging instead of queueing it.
        backfill = backfill_topic(TopicBackfill.objects.create(topic=topic, query=topic.query).pk)
        topic.refresh_from_db()
        if options["json"]:
            self.stdout.write(json.dumps(_as_dict(topic), ensure_ascii=False))
        else:
            self.stdout.write(
                f"Đã thêm chủ đề {topic.pk}: {topic.name} ({backfill.matched} tin bài)"
            )
