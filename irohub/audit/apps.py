from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "irohub.audit"
    label = "audit"
