"""Forms of the monitoring pages; query validation reuses the parser's Vietnamese errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.analysis.models import Sentiment
from lantoa.content.models import ItemKind
from lantoa.monitoring.actions import check_query
from lantoa.monitoring.models import AlertKind, AlertRule, AlertSensitivity
from lantoa.monitoring.query import QueryError
from lantoa.monitoring.search import NOT_ANALYSED, SearchParams
from lantoa.sources.models import SourceKind

QUERY_HELP = _(
    'Ví dụ: "chuyển đổi số" AND (xã OR phường) NOT quảng cáo. Toán tử: AND/VÀ, OR/HOẶC, '
    "NOT/KHÔNG, NEAR/5, ONEAR/5, title:, source:, exact:, ký tự đại diện học*. "
    "Không phân biệt dấu: truyen thong tìm được truyền thông."
)


class TopicForm(forms.Form):
    name = forms.CharField(label=_("Tên chủ đề"), max_length=200)
    query = forms.CharField(
        label=_("Truy vấn"), widget=forms.Textarea(attrs={"rows": 3}), help_text=QUERY_HELP
    )
    exact = forms.BooleanField(
        label=_("Giữ nguyên dấu (phân biệt có dấu/không dấu)"), required=False
    )
    active = forms.BooleanField(label=_("Đang theo dõi"), required=False, initial=True)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "query" in cleaned:
            try:
                check_query(cleaned["query"], exact=bool(cleaned.get("exact")))
            except QueryError as error:
                self.add_error("query", error.message)
                self.query_error_position = error.position
        return cleaned


class AlertRuleForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại cảnh báo"),
        choices=[(k.value, k.label) for k in AlertKind if k is not AlertKind.CLAIM_MATCH],
    )
    sensitivity = forms.ChoiceField(
        label=_("Độ nhạy"), choices=AlertSensitivity.choices, initial=AlertSensitivity.BALANCED
    )
    min_count = forms.IntegerField(label=_("Số tin tối thiểu trong ngày"), min_value=1, initial=5)
    cooldown_minutes = forms.IntegerField(
        label=_("Thời gian chờ giữa hai cảnh báo (phút)"), min_value=0, initial=360
    )
    emails = forms.CharField(
        label=_("Thư điện tử nhận cảnh báo"),
        required=False,
        help_text=_("Nhiều địa chỉ cách nhau bằng dấu phẩy."),
    )
    webhook_url = forms.URLField(label=_("Địa chỉ webhook"), required=False, assume_scheme="https")
    webhook_secret = forms.CharField(label=_("Khóa bí mật webhook"), required=False)

    def clean_emails(self) -> str:
        value: str = self.cleaned_data["emails"]
        rule = AlertRule(emails=value)
        validator = forms.EmailField()
        for address in rule.email_list():
            validator.clean(address)
        return ", ".join(rule.email_list())


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Truy vấn"), required=False, help_text=QUERY_HELP)
    exact = forms.BooleanField(label=_("Giữ nguyên dấu"), required=False)
    date_from = forms.DateField(
        label=_("Từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    source = forms.IntegerField(label=_("Nguồn"), required=False, widget=forms.HiddenInput)
    source_kind = forms.ChoiceField(
        label=_("Loại nguồn"), required=False, choices=[("", _("Tất cả")), *SourceKind.choices]
    )
    kind = forms.ChoiceField(
        label=_("Loại tin"), required=False, choices=[("", _("Tất cả")), *ItemKind.choices]
    )
    province = forms.CharField(label=_("Tỉnh, thành"), required=False)
    sentiment = forms.ChoiceField(
        label=_("Sắc thái"),
        required=False,
        choices=[("", _("Tất cả")), *Sentiment.choices, (NOT_ANALYSED, _("Chưa phân tích"))],
    )
    topic = forms.IntegerField(label=_("Chủ đề"), required=False, widget=forms.HiddenInput)
    language = forms.CharField(label=_("Ngôn ngữ"), required=False, max_length=8)
    sort = forms.ChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[("date", _("Mới nhất")), ("relevance", _("Liên quan nhất"))],
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("q"):
            try:
                check_query(cleaned["q"], exact=bool(cleaned.get("exact")))
            except QueryError as error:
                self.add_error("q", error.message)
        return cleaned

    def params(self) -> SearchParams:
        data = self.cleaned_data
        return SearchParams(
            q=data.get("q") or "",
            exact=bool(data.get("exact")),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            source=data.get("source"),
            source_kind=data.get("source_kind") or "",
            kind=data.get("kind") or "",
            province=data.get("province") or "",
            sentiment=data.get("sentiment") or "",
            topic=data.get("topic"),
            language=data.get("language") or "",
            sort=data.get("sort") or "date",
        )
