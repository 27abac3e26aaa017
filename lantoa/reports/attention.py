"""What waits for the reader today, across domains: the dashboard's "cần xử lý" figures.

Each line counts what its link lists, through the reader's scoping, at ``now``.
"""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import User
from lantoa.crisis.models import IncidentStatus
from lantoa.crisis.queries import visible_incidents
from lantoa.factcheck.models import ClaimStatus
from lantoa.factcheck.queries import visible_claims
from lantoa.monitoring.models import AlertStatus
from lantoa.monitoring.queries import visible_alerts
from lantoa.network.models import QuestionStatus
from lantoa.network.queries import is_staff_member, visible_questions
from lantoa.plans.queries import overdue_activities

__all__ = ["Waiting", "waiting_for"]


@dataclass(frozen=True, slots=True)
class Waiting:
    label: str
    count: int
    url: str


def waiting_for(user: User, now: datetime | None = None) -> list[Waiting]:
    """The reader's open work at ``now`` (default: now); nothing for non-staff accounts."""
    if not is_staff_member(user):
        return []
    moment = now or timezone.now()
    late_questions = visible_questions(user).filter(status=QuestionStatus.OPEN, deadline__lt=moment)
    return [
        Waiting(
            _("Cảnh báo chưa đóng"),
            visible_alerts(user).exclude(status=AlertStatus.CLOSED).count(),
            reverse("monitoring:alert_list"),
        ),
        Waiting(
            _("Sự cố đang xử lý"),
            visible_incidents(user).filter(status=IncidentStatus.OPEN).count(),
            reverse("crisis:incident_list"),
        ),
        Waiting(
            _("Câu hỏi của báo chí quá hạn trả lời"),
            late_questions.count(),
            reverse("network:questions") + "?status=open&overdue=1",
        ),
        Waiting(
            _("Thông tin mới chờ xác minh"),
            visible_claims(user).filter(status=ClaimStatus.NEW).count(),
            reverse("factcheck:claim_list") + "?status=new",
        ),
        Waiting(
            _("Hoạt động truyền thông quá hạn"),
            overdue_activities(user, timezone.localdate(moment)).count(),
            reverse("plans:plan_list"),
        ),
    ]
