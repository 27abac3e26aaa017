from django.contrib import admin

from lantoa.crisis.models import Incident, TimelineEntry


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ("title", "owner", "severity", "status", "opened_at", "closed_at")
    list_filter = ("severity", "status")


@admin.register(TimelineEntry)
class TimelineEntryAdmin(admin.ModelAdmin):
    list_display = ("incident", "kind", "actor", "at")
