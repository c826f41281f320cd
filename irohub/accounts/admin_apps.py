"""The Django admin app, using irohub's admin site (admin_site.py). Kept apart from the site so
that loading the app does not import models before the app registry is ready."""

from django.contrib.admin.apps import AdminConfig


class IrohubAdminConfig(AdminConfig):
    default_site = "irohub.accounts.admin_site.IrohubAdminSite"
