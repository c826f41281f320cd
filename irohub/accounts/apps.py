from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "irohub.accounts"
    label = "accounts"
