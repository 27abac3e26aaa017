from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import Organization
from lantoa.factcheck.models import Category, ClaimStatus, Verdict


class TipForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=_("Cơ quan tiếp nhận"), queryset=Organization.objects.filter(is_active=True)
    )
    category = forms.ChoiceField(label=_("Lĩnh vực"), choices=Category.choices)
    link = forms.URLField(
        label=_("Đường dẫn tới thông tin"), required=False, max_length=2000, assume_scheme="https"
    )
    text = forms.CharField(
        label=_("Nội dung thông tin cần kiểm chứng"),
        widget=forms.Textarea(attrs={"rows": 5}),
        min_length=10,
        max_length=5000,
    )
    screenshot = forms.FileField(
        label=_("Ảnh chụp màn hình hoặc tệp PDF (tối đa 5 MB)"), required=False
    )
    contact_email = forms.EmailField(label=_("Thư điện tử để nhận kết quả"), required=False)
    notify = forms.BooleanField(label=_("Tôi muốn được báo kết quả kiểm chứng"), required=False)
    website = forms.CharField(required=False, widget=forms.HiddenInput)  # honeypot


class ClaimForm(forms.Form):
    statement = forms.CharField(label=_("Nhận định"), widget=forms.Textarea(attrs={"rows": 3}))
    category = forms.ChoiceField(label=_("Lĩnh vực"), choices=Category.choices)


class VerdictForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Kết luận"), choices=Verdict.choices)
    explanation = forms.CharField(label=_("Giải thích"), widget=forms.Textarea(attrs={"rows": 5}))


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}))


class EvidenceForm(forms.Form):
    url = forms.URLField(label=_("Đường dẫn bằng chứng"), max_length=2000, assume_scheme="https")


class DueForm(forms.Form):
    due_at = forms.DateTimeField(
        label=_("Hạn xử lý"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Trạng thái"), choices=[("", _("Tất cả")), *ClaimStatus.choices], required=False
    )
