from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from lantoa.accounts.models import Organization
from lantoa.core.api_pagination import Pages

router = Router()


class OrganizationOut(Schema):
    id: int
    name: str
    short_name: str
    code: str
    type: str
    parent_id: int | None


@router.get("/", response=list[OrganizationOut], summary="Danh sách tổ chức")
@paginate(Pages)
def list_organizations(request: HttpRequest, type: str | None = None, parent_id: int | None = None):
    """The directory of organisations is public information: every authenticated user reads it."""
    organizations = Organization.objects.filter(is_active=True).order_by("name")
    if type:
        organizations = organizations.filter(type=type)
    if parent_id is not None:
        organizations = organizations.filter(parent_id=parent_id)
    return organizations


@router.get("/{organization_id}", response=OrganizationOut, summary="Một tổ chức")
def get_organization(request: HttpRequest, organization_id: int) -> Organization:
    return get_object_or_404(Organization, pk=organization_id, is_active=True)
