"""Admin views for administrators; day-to-day work goes through the pages and their actions."""

from django.contrib import admin

from lantoa.plans.models import (
    Activity,
    BudgetLine,
    Plan,
    PlanDeadline,
    Policy,
    PressCommission,
    StaffMember,
    Training,
)


class ActivityInline(admin.TabularInline):
    model = Activity
    fields = ("title", "stage", "starts_on", "ends_on", "status")
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("title", "organization", "year", "status", "document_number", "document_date")
    list_filter = ("status", "year")
    search_fields = ("title", "organization__name", "document_number")
    inlines = (ActivityInline,)


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    list_display = ("title", "type", "lead_agency", "stage")
    list_filter = ("type", "stage")
    search_fields = ("title", "lead_agency")


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):
    list_display = ("activity", "funding_source", "quarter", "planned", "committed", "spent")
    list_filter = ("funding_source", "quarter")


admin.site.register(PlanDeadline)
admin.site.register(PressCommission)
admin.site.register(StaffMember)
admin.site.register(Training)
