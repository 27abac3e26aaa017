from django.contrib import admin

from lantoa.network.models import (
    Briefing,
    Contact,
    ContactList,
    OutletProfile,
    PressQuestion,
    Release,
)


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("full_name", "kind", "owner", "outlet", "email", "phone", "is_active")
    list_filter = ("kind", "is_active", "is_shared")
    search_fields = ("full_name", "email", "phone")


@admin.register(Release)
class ReleaseAdmin(admin.ModelAdmin):
    list_display = ("title", "owner", "status", "embargo_until", "approved_at")
    list_filter = ("status",)


admin.site.register(OutletProfile)
admin.site.register(ContactList)
admin.site.register(PressQuestion)
admin.site.register(Briefing)
