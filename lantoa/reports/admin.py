from django.contrib import admin

from lantoa.reports.models import SentSummary, SummarySubscription


@admin.register(SummarySubscription)
class SummarySubscriptionAdmin(admin.ModelAdmin):
    list_display = ("user", "created_at")


@admin.register(SentSummary)
class SentSummaryAdmin(admin.ModelAdmin):
    list_display = ("user", "week_start", "attempts", "sent_at", "error")
    list_filter = ("week_start",)
