from django.contrib import admin

from lantoa.sources.models import Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "owner", "status", "last_success_at", "consecutive_failures")
    list_filter = ("kind", "status", "is_shared")
    search_fields = ("name", "url")
