from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "irohub.council"
    label = "council"
    verbose_name = "Council rules and reference data"
