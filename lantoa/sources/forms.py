from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.sources.actions import MIN_INTERVAL_MINUTES
from lantoa.sources.models import SourceKind

MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class SourceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại nguồn"), choices=SourceKind.choices)
    url = forms.CharField(
        label=_("Địa chỉ"),
        max_length=2000,
        help_text=_(
            "Địa chỉ RSS, trang chuyên mục, sitemap.xml hoặc bài viết; tên kênh với nguồn tệp."
        ),
    )
    name = forms.CharField(label=_("Tên hiển thị"), max_length=255, required=False)
    interval_minutes = forms.IntegerField(
        label=_("Chu kỳ quét (phút)"), min_value=MIN_INTERVAL_MINUTES, initial=30
    )
    is_shared = forms.BooleanField(label=_("Dùng chung cho mọi đơn vị"), required=False)
    url_patterns = forms.CharField(
        label=_("Mẫu URL bài viết (mỗi dòng một biểu thức)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    platform = forms.CharField(label=_("Nền tảng (nguồn tệp)"), max_length=32, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp JSONL hoặc CSV (có thể nén .gz)"))
    platform = forms.CharField(label=_("Nền tảng"), max_length=32, required=False)

    def clean_file(self) -> object:
        uploaded = self.cleaned_data["file"]
        if uploaded.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Tệp quá lớn (tối đa 200 MB); hãy dùng lệnh lantoa import.")
            )
        return uploaded
