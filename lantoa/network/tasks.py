"""Thin tasks: each calls one domain function. Queue them with ``transaction.on_commit``."""

from celery import shared_task

from lantoa.network.actions.distribution import send_pending
from lantoa.network.models import Delivery, DeliveryStatus

__all__ = ["resume_distributions", "send_briefing_invitations", "send_release"]


@shared_task(name="lantoa.network.send_release", acks_late=True)
def send_release(release_id: int) -> int:
    """Send a release's pending deliveries; re-running it never sends a row twice."""
    return send_pending(release_id)


@shared_task(name="lantoa.network.resume_distributions")
def resume_distributions() -> int:
    """Periodic sweep: finish distributions a dead worker left (pending or expired claims)."""
    releases = set(
        Delivery.objects.filter(status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING])
        .values_list("release_id", flat=True)
        .distinct()
    )
    return sum(send_pending(release_id) for release_id in sorted(releases))


@shared_task(name="lantoa.network.find_coverage")
def find_all_coverage() -> int:
    """Periodic: link newly ingested items to the approved releases they carried."""
    from lantoa.network.actions.coverage import find_coverage
    from lantoa.network.models import Release, ReleaseStatus

    return sum(find_coverage(r) for r in Release.objects.filter(status=ReleaseStatus.APPROVED))


@shared_task(name="lantoa.network.send_briefing_invitations", acks_late=True)
def send_briefing_invitations(briefing_id: int) -> int:
    """Send a briefing's pending invitations; re-running it never mails anyone twice."""
    from lantoa.network.actions.briefings import send_invitations

    return send_invitations(briefing_id)
