"""The user: one account per person, with one role defined in `roles.py`."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from irohub.accounts.roles import ROLE_CHOICES, Permission, Role, role_for


class User(AbstractUser):
    role = models.CharField(max_length=32, choices=ROLE_CHOICES, default="iro")
    # For a commissioned IRO: the provider whose contract scopes what they see.
    provider = models.CharField(max_length=200, blank=True)

    @property
    def role_definition(self) -> Role:
        return role_for(self.role)

    def can(self, permission: Permission) -> bool:
        return self.is_active and self.role_definition.has(permission)
