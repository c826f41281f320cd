from django.contrib import admin

from irohub.council.admin_base import ReadOnlyAdmin
from irohub.quality.models import Audit


@admin.register(Audit)
class AuditAdmin(ReadOnlyAdmin):
    list_display = ("audit_id", "child", "audit_date", "audit_type", "iro_score",
                    "manager_score", "moderated_score", "grade")  # fmt: skip
    list_filter = ("audit_type", "grade")
    search_fields = ("audit_id", "child__child_id")
    list_select_related = ("child",)
