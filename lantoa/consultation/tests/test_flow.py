"""End to end through the pages: DOCX draft, verified citizens, moderation, version 2, summary."""

import io
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document

from lantoa.consultation.models import Clause, Comment, CommentStatus, Consultation
from lantoa.consultation.tests.drafts import DRAFT_V1, DRAFT_V2
from lantoa.consultation.tests.factories import docx_bytes
from lantoa.core.testing.personas import Personas
from lantoa.core.testing.smtp import LocalSmtp

pytestmark = [pytest.mark.django_db, pytest.mark.db]
PASSWORD = "mat-khau-thu-nghiem"


def _upload(name: str, text: str) -> io.BytesIO:
    stream = io.BytesIO(docx_bytes(text))
    stream.name = name
    return stream


def _verified_citizen(pk: int, smtp: LocalSmtp, email: str, name: str, org: str = "") -> Client:
    citizen = Client()
    citizen.post(
        reverse("consultation:verify_request", args=[pk]),
        {"email": email, "display_name": name, "organization_name": org},
    )
    body = smtp.messages[-1].body_text()
    link = re.search(r"http://\S+", body)
    assert link is not None and smtp.messages[-1].rcpt_tos == (email,)
    path = link.group(0).split("8000", 1)[1] if "8000" in link.group(0) else link.group(0)
    response = citizen.get(path)
    assert response.status_code == 302
    return citizen


def _clause(consultation: Consultation, key: str) -> Clause:
    version = consultation.current_version()
    assert version is not None
    return version.clauses.get(key=key)


def test_draft_to_summary(personas: Personas, smtp_server: LocalSmtp, settings: object) -> None:
    settings.LANTOA_PUBLIC_URL = "http://testserver:8000"  # type: ignore[attr-defined]
    # given Lan, officer of Hà Nội, uploads a DOCX draft decree
    officer = Client()
    officer.login(username="lan", password=PASSWORD)
    now = timezone.now()
    response = officer.post(
        reverse("consultation:create"),
        {
            "title": "Dự thảo Nghị định về xe đạp điện công cộng",
            "owner": personas.hanoi.pk,
            "opens_at": (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M"),
            "document": _upload("du-thao-v1.docx", DRAFT_V1),
        },
    )
    consultation = Consultation.objects.get()
    assert response.status_code == 302
    # then it is split into its five articles and eleven clauses
    version = consultation.current_version()
    assert version is not None and version.number == 1
    assert list(version.clauses.filter(kind="dieu").values_list("key", flat=True)) == [
        f"dieu-{n}" for n in range(1, 6)
    ]
    assert version.clauses.filter(kind="khoan").count() == 11
    assert officer.get(reverse("consultation:structure", args=[consultation.pk])).status_code == 200

    # when two verified citizens comment, one as an organisation, and one posts an insult
    dan = _verified_citizen(consultation.pk, smtp_server, "dan@example.vn", "Nguyễn Văn Dân")
    hop_tac_xa = _verified_citizen(
        consultation.pk, smtp_server, "htx@example.vn", "Trần Thị Hoa", "Hợp tác xã Vận tải Xanh"
    )
    insurance = _clause(consultation, "dieu-4.khoan-2")
    deleted = _clause(consultation, "dieu-5.khoan-3")
    capital = _clause(consultation, "dieu-3.khoan-1")
    url = lambda c: reverse("consultation:comment", args=[consultation.pk, c.pk])  # noqa: E731
    dan.post(url(insurance), {"body": "Nên bắt buộc bảo hiểm cả khi người thuê dắt xe về trạm."})
    dan.post(url(deleted), {"body": "Cần nêu rõ Bộ nào hướng dẫn thủ tục cấp phép."})
    hop_tac_xa.post(
        url(capital),
        {
            "body": "Vốn năm tỷ đồng quá cao với hợp tác xã.",
            "passage": "năm tỷ đồng",
            "as_organization": "1",
        },
    )
    hop_tac_xa.post(url(capital), {"body": "<script>alert('x')</script> đề nghị giảm vốn"})
    dan.post(url(capital), {"body": "Bọn soạn thảo ngu như bò, đồ khốn nạn, cút hết đi"})
    dan.post(reverse("consultation:react", args=[consultation.pk, capital.pk]), {"agree": "0"})

    # then four are published, the insult is held, and the public page escapes the script
    toxic = Comment.objects.get(body__startswith="Bọn soạn thảo")
    assert toxic.status == CommentStatus.HELD
    assert Comment.objects.filter(status=CommentStatus.PUBLISHED).count() == 4
    page = Client().get(reverse("consultation:detail", args=[consultation.pk])).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<script>alert(" not in page
    assert "Hợp tác xã Vận tải Xanh" in page and "Bọn soạn thảo" not in page

    # when Bình (Huế) tries to publish the insult, nothing changes; Lan hides it with a reason
    binh = Client()
    binh.login(username="binh", password=PASSWORD)
    moderation = reverse("consultation:moderation", args=[consultation.pk])
    assert (
        binh.post(
            moderation, {"comment": toxic.pk, "decision": "publish", "reason": "x"}
        ).status_code
        == 404
    )
    toxic.refresh_from_db()
    assert toxic.status == CommentStatus.HELD
    before = len(smtp_server.messages)
    officer.post(moderation, {"comment": toxic.pk, "decision": "hide", "reason": "Lời lẽ xúc phạm"})
    toxic.refresh_from_db()
    assert toxic.status == CommentStatus.HIDDEN and toxic.moderated_by == personas.lan
    # then the author is told
    told = smtp_server.messages[before:]
    assert [m.rcpt_tos for m in told] == [("dan@example.vn",)]
    assert "Lời lẽ xúc phạm" in told[0].body_text()

    # when version 2 inserts a new Điều 3 and deletes the old Điều 5 khoản 3
    officer.post(
        reverse("consultation:new_version", args=[consultation.pk]),
        {"document": _upload("du-thao-v2.docx", DRAFT_V2)},
    )
    assert consultation.current_version().number == 2  # type: ignore[union-attr]
    # then each comment sits on the matching clause of version 2
    carried = dict(Comment.objects.values_list("body", "current_clause__key"))
    carried = {body[:19]: key for body, key in carried.items()}
    assert carried["Nên bắt buộc bảo hi"] == "dieu-5.khoan-2"
    assert carried["Cần nêu rõ Bộ nào h"] == "dieu-6"
    assert carried["Vốn năm tỷ đồng quá"] == "dieu-4.khoan-1"
    assert _clause(consultation, "dieu-4.khoan-1").reactions.filter(agree=False).count() == 1
    page = Client().get(reverse("consultation:detail", args=[consultation.pk])).content.decode()
    assert "(góp ý trên phiên bản 1)" in page

    # when Lan answers a clause and exports the summary
    analysis = reverse("consultation:analysis", args=[consultation.pk])
    assert officer.get(analysis).status_code == 200
    officer.post(
        analysis,
        {
            "clause": _clause(consultation, "dieu-4.khoan-1").pk,
            "kind": "explained",
            "text": "Giữ mức vốn để bảo đảm năng lực bồi thường.",
        },
    )
    assert Client().get(reverse("consultation:summary", args=[consultation.pk])).status_code == 404
    exported = officer.get(reverse("consultation:summary", args=[consultation.pk]))
    # then the DOCX reads back with every article, the comments and the response
    document = Document(io.BytesIO(exported.content))
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Điều khoản", "Ý kiến góp ý (theo chủ đề)", "Tiếp thu / giải trình"]
    labels = [row[0] for row in rows[1:]]
    assert [label for label in labels if "khoản" not in label] == [
        "Điều 1. Phạm vi điều chỉnh",
        "Điều 2. Đối tượng áp dụng",
        "Điều 3. Giải thích từ ngữ",
        "Điều 4. Điều kiện cấp giấy phép",
        "Điều 5. Trách nhiệm của doanh nghiệp vận hành",
        "Điều 6. Hiệu lực thi hành",
    ]
    capital_row = rows[1 + labels.index("Điều 4, khoản 1")]
    assert "Hợp tác xã Vận tải Xanh: Vốn năm tỷ đồng quá cao với hợp tác xã." in capital_row[1]
    assert "không đồng ý: 1" in capital_row[1]
    assert capital_row[2] == "Giải trình: Giữ mức vốn để bảo đảm năng lực bồi thường."
    assert "Bọn soạn thảo" not in "\n".join(row[1] for row in rows)

    # and once published, anyone can download it
    officer.post(analysis, {"publish": "1"})
    assert Client().get(reverse("consultation:summary", args=[consultation.pk])).status_code == 200
