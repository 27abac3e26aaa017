from django.contrib import admin

from lantoa.content.models import Item


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ("title", "source", "kind", "published_at", "language")
    list_filter = ("kind", "language", "source__kind")
    search_fields = ("title",)
    raw_id_fields = ("source", "parent")
    date_hierarchy = "published_at"
