"""Accounts: users, roles and permissions (in code), sign-in, second factor."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "irohub.accounts"
    label = "accounts"

    def ready(self):
        from irohub.accounts import navigation
        from irohub.accounts.roles import Permission

        navigation.register(
            "Administration",
            "admin:index",
            Permission.MANAGE_USERS,
            description="Add and change accounts, unlock user names and look after reference data.",
            order=1000,
        )
