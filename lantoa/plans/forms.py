"""Page forms: they parse and bound the input; the actions decide permission and write."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import Organization, User
from lantoa.accounts.scoping import visible_organizations
from lantoa.monitoring.models import Topic
from lantoa.monitoring.queries import visible_topics
from lantoa.plans.models import (
    ActivityStatus,
    Audience,
    Channel,
    CommissionStatus,
    Employment,
    FundingSource,
    Plan,
    Policy,
    PolicyStage,
    PolicyType,
    StaffMember,
)
from lantoa.plans.queries import visible_plans, visible_policies, visible_staff

MAX_VND = 10**15  # a quadrillion đồng: far above any communication budget, far below BigInteger


class DateInput(forms.DateInput):
    input_type = "date"


def _date(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DateInput)


def _money(label: Any, required: bool = True) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, min_value=0, max_value=MAX_VND, required=required, initial=0
    )


class OrganizationField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organization) -> str:
        return obj.name


class _UserForm(forms.Form):
    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if "organization" in self.fields:
            field = self.fields["organization"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = visible_organizations(user).order_by("name")
            if user.organization_id and not self.is_bound:
                field.initial = user.organization_id


class PlanForm(_UserForm):
    organization = OrganizationField(label=_("Cơ quan"), queryset=Organization.objects.none())
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Tên kế hoạch"), max_length=500)
    summary = forms.CharField(label=_("Mục đích, yêu cầu"), required=False, widget=forms.Textarea)
    policies = forms.ModelMultipleChoiceField(
        label=_("Chính sách"), queryset=Policy.objects.none(), required=False
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        policies = self.fields["policies"]
        assert isinstance(policies, forms.ModelMultipleChoiceField)
        policies.queryset = visible_policies(user)


class PlanEditForm(PlanForm):
    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        del self.fields["organization"]


class ApprovalForm(forms.Form):
    document_number = forms.CharField(label=_("Số văn bản phê duyệt"), max_length=64)
    document_date = _date(_("Ngày văn bản"))
    signed_file = forms.FileField(label=_("Tệp đã ký (PDF)"), required=False)


class ActivityForm(_UserForm):
    title = forms.CharField(label=_("Tên hoạt động"), max_length=500)
    policy = forms.ModelChoiceField(
        label=_("Chính sách"), queryset=Policy.objects.none(), required=False
    )
    stage = forms.ChoiceField(label=_("Giai đoạn chính sách"), choices=PolicyStage.choices)
    objective = forms.CharField(label=_("Mục tiêu"), required=False, widget=forms.Textarea)
    audiences = forms.MultipleChoiceField(
        label=_("Đối tượng"),
        choices=Audience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    channels = forms.MultipleChoiceField(
        label=_("Kênh"),
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    messages = forms.CharField(label=_("Thông điệp chính"), required=False, widget=forms.Textarea)
    responsible_unit = forms.CharField(label=_("Đơn vị chủ trì"), max_length=255, required=False)
    responsible_person = forms.CharField(label=_("Người phụ trách"), max_length=255, required=False)
    starts_on = _date(_("Bắt đầu"))
    ends_on = _date(_("Kết thúc"))

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        policy = self.fields["policy"]
        assert isinstance(policy, forms.ModelChoiceField)
        policy.queryset = visible_policies(user)


class BudgetLineForm(forms.Form):
    funding_source = forms.ChoiceField(label=_("Nguồn kinh phí"), choices=FundingSource.choices)
    quarter = forms.TypedChoiceField(
        label=_("Quý"), coerce=int, choices=[(q, f"Quý {q}") for q in (1, 2, 3, 4)]
    )
    planned = _money(_("Dự toán (đồng)"))
    committed = _money(_("Đã cam kết (đồng)"))
    spent = _money(_("Đã chi (đồng)"))


class ActivityStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Trạng thái"), choices=ActivityStatus.choices)


class OutputForm(forms.Form):
    url = forms.URLField(label=_("Địa chỉ sản phẩm"), max_length=2000, assume_scheme="https")
    title = forms.CharField(label=_("Tên sản phẩm"), max_length=500, required=False)


class DeadlineForm(forms.Form):
    deadline = _date(_("Hạn ban hành"))


class PolicyForm(_UserForm):
    organization = OrganizationField(
        label=_("Cơ quan quản lý"), queryset=Organization.objects.none()
    )
    title = forms.CharField(label=_("Tên chính sách"), max_length=500)
    type = forms.ChoiceField(label=_("Loại văn bản"), choices=PolicyType.choices)
    lead_agency = forms.CharField(label=_("Cơ quan chủ trì"), max_length=255)
    stage = forms.ChoiceField(label=_("Giai đoạn"), choices=PolicyStage.choices)
    drafting_started_on = _date(_("Ngày bắt đầu soạn thảo"), required=False)
    consultation_until = _date(_("Hạn lấy ý kiến"), required=False)
    issued_on = _date(_("Ngày ban hành"), required=False)
    effective_on = _date(_("Ngày có hiệu lực"), required=False)
    monitoring_topic = forms.ModelChoiceField(
        label=_("Chủ đề theo dõi"),
        queryset=Topic.objects.none(),
        required=False,
        help_text=_("Độ phủ và sắc thái của chủ đề được đưa vào phần hiệu quả của hoạt động."),
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        topic = self.fields["monitoring_topic"]
        assert isinstance(topic, forms.ModelChoiceField)
        topic.queryset = visible_topics(user).order_by("name")


class CommissionForm(_UserForm):
    organization = OrganizationField(
        label=_("Cơ quan đặt hàng"), queryset=Organization.objects.none()
    )
    outlet = forms.CharField(label=_("Cơ quan báo chí"), max_length=255)
    plan = forms.ModelChoiceField(label=_("Kế hoạch"), queryset=Plan.objects.none(), required=False)
    scope = forms.CharField(label=_("Nội dung đặt hàng"), widget=forms.Textarea)
    deliverables = forms.IntegerField(label=_("Số tin, bài, chương trình"), min_value=1)
    value = _money(_("Giá trị (đồng)"))
    starts_on = _date(_("Từ ngày"))
    ends_on = _date(_("Đến ngày"))
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        choices=[c for c in CommissionStatus.choices if c[0] != CommissionStatus.ACCEPTED],
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        plan = self.fields["plan"]
        assert isinstance(plan, forms.ModelChoiceField)
        plan.queryset = visible_plans(user).filter(organization__in=visible_organizations(user))


class DeliveryForm(forms.Form):
    url = forms.URLField(label=_("Địa chỉ tin, bài"), max_length=2000, assume_scheme="https")
    title = forms.CharField(label=_("Tiêu đề"), max_length=1000, required=False)
    delivered_on = _date(_("Ngày đăng"), required=False)


class AcceptanceForm(forms.Form):
    number = forms.CharField(label=_("Số biên bản nghiệm thu"), max_length=64)
    on = _date(_("Ngày nghiệm thu"))
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea)


class StaffForm(_UserForm):
    organization = OrganizationField(label=_("Cơ quan"), queryset=Organization.objects.none())
    full_name = forms.CharField(label=_("Họ và tên"), max_length=255)
    position = forms.CharField(label=_("Chức vụ"), max_length=255, required=False)
    employment = forms.ChoiceField(label=_("Chế độ"), choices=Employment.choices)
    qualifications = forms.CharField(
        label=_("Trình độ, chuyên môn"), required=False, widget=forms.Textarea
    )


class TrainingForm(_UserForm):
    organization = OrganizationField(label=_("Cơ quan"), queryset=Organization.objects.none())
    course = forms.CharField(label=_("Khóa học"), max_length=500)
    held_on = _date(_("Ngày tổ chức"))
    organiser = forms.CharField(label=_("Đơn vị tổ chức"), max_length=255)
    participants = forms.ModelMultipleChoiceField(
        label=_("Học viên"),
        queryset=StaffMember.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        participants = self.fields["participants"]
        assert isinstance(participants, forms.ModelMultipleChoiceField)
        participants.queryset = visible_staff(user).filter(is_active=True)
