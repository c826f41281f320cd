from django.apps import AppConfig


class EscalationsConfig(AppConfig):
    name = "irohub.escalations"
    label = "escalations"
