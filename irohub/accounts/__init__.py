"""Accounts: users, roles and permissions (in code), sign-in, second factor."""
