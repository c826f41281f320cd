from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "irohub.voice"
    label = "voice"
