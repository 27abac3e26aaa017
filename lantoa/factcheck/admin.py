from django.contrib import admin

from lantoa.factcheck.models import Claim, ClaimEvent, MatchSettings, Tip


@admin.register(MatchSettings)
class MatchSettingsAdmin(admin.ModelAdmin):
    list_display = ("owner", "suggest_threshold", "auto_threshold", "window_days")


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ("statement", "owner", "status", "verdict", "published_at")
    list_filter = ("status", "verdict", "category")
    search_fields = ("statement",)


@admin.register(Tip)
class TipAdmin(admin.ModelAdmin):
    list_display = ("text", "owner", "channel", "category", "claim", "created_at")
    list_filter = ("channel", "category")


@admin.register(ClaimEvent)
class ClaimEventAdmin(admin.ModelAdmin):
    list_display = ("claim", "kind", "actor", "created_at")
