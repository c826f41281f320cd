from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "irohub.quality"
    label = "quality"
