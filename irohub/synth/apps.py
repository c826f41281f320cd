from django.apps import AppConfig


class SynthConfig(AppConfig):
    """Registered only so Django finds the `synth` management command."""

    name = "irohub.synth"
    label = "synth"
    default_auto_field = "django.db.models.BigAutoField"
