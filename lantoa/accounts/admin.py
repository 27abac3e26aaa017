from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import ApiToken, Organization, User


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "type", "parent", "is_active")
    list_filter = ("type", "is_active")
    search_fields = ("name", "short_name", "code")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "organization", "is_active")
    list_filter = ("is_active", "is_staff", "groups", "organization__type")
    fieldsets = (*DjangoUserAdmin.fieldsets, (_("Tổ chức"), {"fields": ("organization",)}))  # type: ignore[misc]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "created_at", "last_used_at")
    readonly_fields = ("digest", "created_at", "last_used_at")
