from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "irohub.reporting"
    label = "reporting"
