"""A report download: the format checked, the document rendered, the file named."""

from collections.abc import Callable

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

from lantoa.core.documents import CONTENT_TYPES
from lantoa.core.report_font import ReportFontMissing

__all__ = ["document_download"]


def document_download(fmt: str, render: Callable[[str], bytes], filename: str) -> HttpResponse:
    """``render(fmt)`` as an attachment named ``filename.fmt``; 400 for an unknown format
    (checked before ``render`` is called, so a refused request builds nothing), 503 when a PDF
    cannot be made because no Vietnamese font is installed."""
    if fmt not in CONTENT_TYPES:
        return HttpResponseBadRequest(_("Chỉ xuất được báo cáo dạng pdf, docx hoặc xlsx."))
    try:
        content = render(fmt)
    except ReportFontMissing as missing:
        return HttpResponse(str(missing), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
