from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "irohub.staff"
    label = "staff"
