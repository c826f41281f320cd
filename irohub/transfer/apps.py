from django.apps import AppConfig


class TransferConfig(AppConfig):
    name = "irohub.transfer"
    label = "transfer"
