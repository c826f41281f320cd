"""The demo: one account per role with a printed password, and (later) a synthetic council.

Used by `irohub demo`. Only ever synthetic data: the accounts are named after their roles, and
the council comes from the synthetic generator.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from irohub.accounts import services as accounts
from irohub.accounts.roles import ROLES

# Shared by every demo account and printed on the terminal: a demo is never a real service
# (the demo command refuses to run in production mode). Long enough for the validators.
DEMO_PASSWORD = "Synthetic-Council-Demo-2026"


@dataclass(frozen=True)
class DemoLogin:
    role_name: str
    username: str
    password: str


@transaction.atomic
def ensure_demo_accounts() -> list[DemoLogin]:
    """Create one account per role (user name = role code), or reset it to the demo password.

    A reset also unlocks the user name and makes the account active again, so the printed
    logins always work.
    """
    from axes.utils import reset as unlock

    existing = {user.username: user for user in get_user_model().objects.filter(username__in=ROLES)}
    logins = []
    for code, role in ROLES.items():
        user = existing.get(code)
        if user is None:
            accounts.create_account(
                by=None, username=code, role=code, password=DEMO_PASSWORD,
                first_name="Demo", last_name=role.name,
                provider="Synthetic Advocacy Partners" if code == "commissioned_iro" else "",
            )  # fmt: skip
        else:
            accounts.update_account(by=None, user=user, changes={"role": code, "is_active": True})
            accounts.set_password(by=None, user=user, password=DEMO_PASSWORD)
        unlock(username=code)
        logins.append(DemoLogin(role.name, code, DEMO_PASSWORD))
    return logins


def load_synthetic_council(children: int | None, seed: int | None) -> str:
    """EXTENSION POINT for the synthetic council (interfaces.md §3, `irohub demo`).

    Generates `children` children deterministically from `seed` (None: the generator's
    defaults) and imports them through the normal import service; returns a one-line summary
    for the terminal. Imported here, not at the top: the generator sits above the accounts app
    (it uses the import services), and only the demo needs it.
    """
    from irohub.synth.demo import load_council

    return load_council(children, seed)


def logins_table(logins: list[DemoLogin]) -> str:
    """The logins as a fixed-width table for the terminal."""
    rows = [("Role", "User name", "Password")] + [
        (login.role_name, login.username, login.password) for login in logins
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)
