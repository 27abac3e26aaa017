"""A fortnight of an agency's work across every domain, for the weekly summary's tests."""

from datetime import date

from lantoa.accounts.models import Organization
from lantoa.consultation.models import Comment, CommentStatus
from lantoa.consultation.tests.drafts import DRAFT_V1
from lantoa.consultation.tests.factories import make_consultation, make_participant
from lantoa.core.testing.factories import make_source
from lantoa.core.testing.personas import Personas
from lantoa.crisis.models import Incident, IncidentStatus, Severity
from lantoa.factcheck.models import ClaimStatus, Tip, TipChannel, Verdict
from lantoa.factcheck.tests.factories import make_claim
from lantoa.monitoring.models import Alert, AlertKind, AlertStatus
from lantoa.monitoring.pipeline import process_new_items
from lantoa.monitoring.tests.factories import at, make_analysed_item, make_topic
from lantoa.network.models import PressQuestion, QuestionChannel, QuestionStatus, ReleaseStatus
from lantoa.network.tests.factories import make_release
from lantoa.plans.models import ActivityStatus
from lantoa.plans.tests.factories import make_activity, make_plan

__all__ = ["WEEK", "make_fortnight"]

WEEK = date(2025, 2, 10)  # Monday of 2025-W07; the week before starts on 3 February


def _items(owner: Organization, sentiments: list[str | None], day: int) -> list[int]:
    source = make_source(owner=owner)
    return [
        make_analysed_item(
            source=source,
            sentiment=sentiment,
            text=f"Học phí đại học: ý kiến số {n}",
            published_at=at(2025, 2, day),
        ).pk
        for n, sentiment in enumerate(sentiments)
    ]


def _alert(owner: Organization, kind: AlertKind, day: int, **fields: object) -> None:
    alert = Alert.objects.create(
        owner=owner, kind=kind, event_key=f"{kind}-{day}-{owner.pk}", title="Cảnh báo", **fields
    )
    Alert.objects.filter(pk=alert.pk).update(created_at=at(2025, 2, day))


def _incident(owner: Organization, title: str, opened: int, closed: int | None = None) -> None:
    incident = Incident.objects.create(
        owner=owner,
        title=title,
        severity=Severity.HIGH,
        status=IncidentStatus.CLOSED if closed else IncidentStatus.OPEN,
        closed_at=at(2025, 2, closed) if closed else None,
    )
    Incident.objects.filter(pk=incident.pk).update(opened_at=at(2025, 2, opened))


def _question(owner: Organization, received: int, deadline: int, answered: int | None) -> None:
    PressQuestion.objects.create(
        owner=owner,
        asker_name="Phóng viên",
        subject="Học phí",
        question="Bao giờ áp dụng mức học phí mới?",
        channel=QuestionChannel.EMAIL,
        received_at=at(2025, 2, received),
        deadline=at(2025, 2, deadline),
        status=QuestionStatus.ANSWERED if answered else QuestionStatus.OPEN,
        answered_at=at(2025, 2, answered) if answered else None,
    )


def make_fortnight(personas: Personas, owner: Organization) -> None:
    """``owner``'s 2025-W06 and W07: items, a topic, alerts, tips, claims, incidents, press
    questions, a release, plan activities and public comments (see test_summary for the
    figures they make)."""
    this_week = _items(owner, ["negative", "negative", "positive", None], day=11)
    last_week = _items(owner, ["negative", "neutral"], day=5)
    make_topic(owner=owner, query='"học phí"', name=f"Học phí ({owner.name})")
    process_new_items([*this_week, *last_week])
    _alert(owner, AlertKind.VOLUME_SPIKE, 11, status=AlertStatus.CLOSED)
    _alert(owner, AlertKind.VOLUME_SPIKE, 12)
    _alert(owner, AlertKind.NEGATIVE_SPIKE, 4)
    tip = Tip.objects.create(owner=owner, channel=TipChannel.PUBLIC, text="Tin đồn tăng học phí")
    Tip.objects.filter(pk=tip.pk).update(created_at=at(2025, 2, 13))
    make_claim(
        owner=owner,
        status=ClaimStatus.VERDICT,
        verdict=Verdict.FALSE,
        published_at=at(2025, 2, 14),
    )
    _incident(owner, "Phản ứng về học phí", opened=11)
    _incident(owner, "Sự cố cũ được đóng", opened=1, closed=12)
    _incident(owner, "Sự cố tuần trước", opened=3, closed=5)
    _question(owner, received=10, deadline=12, answered=13)
    _question(owner, received=11, deadline=14, answered=None)
    _question(owner, received=3, deadline=5, answered=4)
    make_release(owner=owner, status=ReleaseStatus.APPROVED, approved_at=at(2025, 2, 12))
    plan = make_plan(organization=owner, year=2025)
    make_activity(plan=plan, status=ActivityStatus.DONE, ends_on=date(2025, 2, 14))
    make_activity(plan=plan, status=ActivityStatus.IN_PROGRESS, ends_on=date(2025, 2, 12))
    make_activity(plan=plan, status=ActivityStatus.PLANNED, ends_on=date(2025, 2, 28))
    consultation = make_consultation(personas.minh, owner, DRAFT_V1)
    clause = consultation.versions.get().clauses.order_by("position")[0]
    participant = make_participant(email=f"dan-{owner.pk}@example.vn")
    for n, status in enumerate([CommentStatus.PUBLISHED, CommentStatus.PUBLISHED, "held"]):
        Comment.objects.create(
            consultation=consultation,
            clause=clause,
            participant=participant,
            body=f"Góp ý số {n}",
            status=status,
            created_at=at(2025, 2, 12),
        )
