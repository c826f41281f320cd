"""Audit: an append-only record of who saw and changed what."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "irohub.audit"
    label = "audit"

    def ready(self):
        from irohub.accounts import navigation
        from irohub.accounts.roles import Permission

        navigation.register(
            "Audit trail",
            "audit:events",
            Permission.VIEW_AUDIT,
            description="See who opened and changed which records, and when.",
            order=900,
        )
