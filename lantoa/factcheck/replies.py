"""Automatic e-mail replies to everyone who reported a claim and asked to hear the verdict."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from lantoa.factcheck.models import Claim, ClaimEvent, EventKind, Tip

__all__ = ["reply_to_tipsters"]


@shared_task(name="lantoa.factcheck.replies.reply_to_tipsters")
def reply_to_tipsters(claim_id: int) -> int:
    """Send the verdict to each waiting tipster once; returns how many were sent.

    Each tip is claimed with a conditional UPDATE before sending, so a retried or parallel run
    never writes to the same person twice.
    """
    claim = Claim.objects.select_related("owner").get(pk=claim_id)
    if not claim.published_at:
        return 0
    waiting = Tip.objects.filter(claim=claim, notify=True, replied_at__isnull=True).exclude(
        contact_email=""
    )
    link = settings.LANTOA_PUBLIC_URL + reverse("factcheck:public_verdict", args=[claim.slug])
    sent = 0
    for tip in waiting:
        if not Tip.objects.filter(pk=tip.pk, replied_at__isnull=True).update(
            replied_at=timezone.now()
        ):
            continue
        context = {"claim": claim, "tip": tip, "link": link}
        send_mail(
            render_to_string("factcheck/email_subject.txt", context).strip(),
            render_to_string("factcheck/email_reply.txt", context),
            None,
            [tip.contact_email],
        )
        sent += 1
    if sent:
        ClaimEvent.objects.create(
            claim=claim, kind=EventKind.REPLIED, data={"sent": sent}, text=f"{sent}"
        )
    return sent
