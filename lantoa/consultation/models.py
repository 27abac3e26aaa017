"""Public consultations: draft versions split into clauses, comments, reactions, statement votes."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import Organization

__all__ = [
    "Clause",
    "ClauseReaction",
    "Comment",
    "CommentStatus",
    "Consultation",
    "DraftVersion",
    "Participant",
    "QuestionKind",
    "ResponseKind",
    "Statement",
    "StatementVote",
    "Survey",
    "SurveyQuestion",
    "SurveyResponse",
]


class Consultation(models.Model):
    owner = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="consultations")
    title = models.CharField(_("tên dự thảo"), max_length=300)
    summary = models.TextField(_("tóm tắt"), blank=True)
    opens_at = models.DateTimeField(_("mở lấy ý kiến"))
    closes_at = models.DateTimeField(_("kết thúc lấy ý kiến"))
    report_published = models.BooleanField(_("đã công bố báo cáo tiếp thu"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-opens_at", "-pk")
        permissions = [("moderate_comment", "Kiểm duyệt ý kiến")]

    def __str__(self) -> str:
        return self.title

    def is_open(self) -> bool:
        return self.opens_at <= timezone.now() < self.closes_at

    def is_public(self) -> bool:
        return self.opens_at <= timezone.now()

    def current_version(self) -> "DraftVersion | None":
        return self.versions.order_by("-number").first()


class DraftVersion(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    source_name = models.CharField(max_length=255, blank=True)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("number",)
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="uniq_draft_version")
        ]

    def __str__(self) -> str:
        return f"{self.consultation} v{self.number}"


class ResponseKind(models.TextChoices):
    NONE = "", _("Chưa trả lời")
    ACCEPTED = "accepted", _("Tiếp thu")
    EXPLAINED = "explained", _("Giải trình")


class Clause(models.Model):
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="clauses")
    key = models.CharField(max_length=120)
    kind = models.CharField(max_length=16)
    number = models.CharField(max_length=16, blank=True)
    heading = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    parent_key = models.CharField(max_length=120, blank=True)
    position = models.PositiveIntegerField()
    response_kind = models.CharField(max_length=16, choices=ResponseKind.choices, blank=True)
    response_text = models.TextField(blank=True)

    class Meta:
        ordering = ("version", "position")
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="uniq_clause_key")]

    def __str__(self) -> str:
        return self.key


class Participant(models.Model):
    """A citizen or organisation that verified an e-mail address; no platform account."""

    email = models.EmailField(unique=True)
    display_name = models.CharField(max_length=120)
    organization_name = models.CharField(max_length=200, blank=True)
    token_digest = models.CharField(max_length=64, blank=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.display_name


class CommentStatus(models.TextChoices):
    PUBLISHED = "published", _("Đã đăng")
    HELD = "held", _("Chờ kiểm duyệt")
    HIDDEN = "hidden", _("Đã ẩn")


class Comment(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments"
    )
    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="original_comments")
    current_clause = models.ForeignKey(
        Clause, null=True, on_delete=models.SET_NULL, related_name="comments"
    )
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE)
    body = models.TextField()
    passage = models.TextField(blank=True)
    as_organization = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=CommentStatus.choices)
    toxicity = models.CharField(max_length=16, blank=True)
    sentiment = models.CharField(max_length=16, blank=True)
    screening_reason = models.CharField(max_length=200, blank=True)
    moderation_reason = models.TextField(blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created_at", "pk")
        indexes = [models.Index(fields=["participant", "created_at"])]

    def __str__(self) -> str:
        return self.body[:60]

    @property
    def author_name(self) -> str:
        if self.as_organization and self.participant.organization_name:
            return self.participant.organization_name
        return self.participant.display_name


class ClauseReaction(models.Model):
    """A participant's agree/disagree on a clause; one per participant and original clause."""

    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="original_reactions")
    current_clause = models.ForeignKey(
        Clause, null=True, on_delete=models.SET_NULL, related_name="reactions"
    )
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE)
    agree = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clause", "participant"], name="uniq_clause_reaction")
        ]

    def __str__(self) -> str:
        return f"{self.participant_id}:{self.clause_id}:{self.agree}"


class Statement(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="statements"
    )
    text = models.CharField(max_length=300)
    author = models.ForeignKey(Participant, null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=16, choices=CommentStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return self.text


class StatementVote(models.Model):
    AGREE, DISAGREE, PASS = 1, -1, 0
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE)
    value = models.SmallIntegerField(
        choices=[(1, _("Đồng ý")), (-1, _("Không đồng ý")), (0, _("Bỏ qua"))]
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "participant"], name="uniq_statement_vote")
        ]

    def __str__(self) -> str:
        return f"{self.participant_id}:{self.statement_id}:{self.value}"


class Survey(models.Model):
    """A questionnaire attached to a consultation, answered once per verified participant."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="surveys")
    title = models.CharField(_("tên khảo sát"), max_length=300)
    description = models.TextField(_("mô tả"), blank=True)
    opens_at = models.DateTimeField(_("mở khảo sát"))
    closes_at = models.DateTimeField(_("đóng khảo sát"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-opens_at", "-pk")

    def __str__(self) -> str:
        return self.title

    def is_open(self) -> bool:
        return self.opens_at <= timezone.now() < self.closes_at


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Chọn một")
    MULTIPLE = "multiple", _("Chọn nhiều")
    SCALE = "scale", _("Thang điểm")
    RANKING = "ranking", _("Xếp hạng")
    MATRIX = "matrix", _("Bảng lựa chọn")
    TEXT = "text", _("Trả lời tự do")


class SurveyQuestion(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=QuestionKind.choices)
    text = models.CharField(_("câu hỏi"), max_length=500)
    options = models.JSONField(default=list, blank=True)
    rows = models.JSONField(default=list, blank=True)
    scale_min = models.SmallIntegerField(default=1)
    scale_max = models.SmallIntegerField(default=5)
    required = models.BooleanField(default=False)
    show_if_question = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="dependents"
    )
    show_if_value = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ("survey", "position")
        constraints = [
            models.UniqueConstraint(fields=["survey", "position"], name="uniq_question_position")
        ]

    def __str__(self) -> str:
        return self.text


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE)
    answers = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created_at", "pk")
        constraints = [
            models.UniqueConstraint(fields=["survey", "participant"], name="uniq_survey_response")
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}:{self.participant_id}"
