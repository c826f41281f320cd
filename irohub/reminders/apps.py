from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "irohub.reminders"
    label = "reminders"
    verbose_name = "Daily reminders"
