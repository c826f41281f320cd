"""`irohub demo` and `irohub serve`."""

import io
import sys
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from irohub.accounts import demo, serving
from irohub.accounts.roles import ROLES

pytestmark = pytest.mark.django_db


HOOK = "irohub.accounts.management.commands.demo.load_synthetic_council"


def run_demo(*args) -> str:
    """The demo without its synthetic council (one test below loads a real, small one)."""
    out = io.StringIO()
    with mock.patch(HOOK, return_value="(no council in this test)"):
        call_command("demo", "--no-serve", *args, stdout=out)
    return out.getvalue()


def test_demo_creates_one_account_per_role_and_prints_the_logins():
    output = run_demo()
    users = get_user_model().objects.filter(username__in=ROLES)
    assert sorted(user.username for user in users) == sorted(ROLES)
    assert all(
        user.role == user.username and user.check_password(demo.DEMO_PASSWORD) for user in users
    )
    for code, role in ROLES.items():
        assert code in output and role.name in output
    assert demo.DEMO_PASSWORD in output


def test_running_the_demo_again_resets_and_unlocks_the_accounts(client):
    run_demo()
    iro = get_user_model().objects.get(username="iro")
    iro.set_password("forgotten-and-changed-42")
    iro.is_active = False
    iro.save()
    for _ in range(5):
        client.post("/accounts/sign-in/", {"username": "iro", "password": "wrong-wrong-wrong"})
    run_demo()
    response = client.post(
        "/accounts/sign-in/", {"username": "iro", "password": demo.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert get_user_model().objects.filter(username="iro").count() == 1


def test_demo_passes_children_and_seed_to_the_synthetic_council_hook():
    hook = mock.Mock(return_value="loaded 40")
    out = io.StringIO()
    with mock.patch(HOOK, hook):
        call_command("demo", "--no-serve", "--children", "40", "--seed", "7", stdout=out)
    output = out.getvalue()
    hook.assert_called_once_with(40, 7)
    assert "loaded 40" in output


def test_the_hook_loads_a_synthetic_council_through_the_import(db):
    from irohub.children.models import Child

    summary = demo.load_synthetic_council(20, 3)
    assert summary.startswith("Loaded a synthetic council (seed 3)")
    assert Child.objects.exists()


def test_demo_password_passes_the_validators(db):
    from django.contrib.auth.password_validation import validate_password

    for code in ROLES:
        validate_password(demo.DEMO_PASSWORD, get_user_model()(username=code))


def test_demo_refuses_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        run_demo()


def test_demo_serves_on_the_port_given():
    with (
        mock.patch("irohub.accounts.management.commands.demo.serve", return_value=0) as serve,
        mock.patch(HOOK, return_value=""),
    ):
        call_command("demo", "--port", "8123", stdout=io.StringIO())
    serve.assert_called_once_with(host="127.0.0.1", port=8123, workers=2)


def test_serve_runs_gunicorn_with_the_wsgi_app():
    with mock.patch.object(serving.os, "execv") as execv:
        call_command("serve", "--workers", "3", stdout=io.StringIO())
    program, command = execv.call_args.args
    assert program == sys.executable
    assert command[1:4] == ["-m", "gunicorn", "irohub.config.wsgi"]
    assert "127.0.0.1:8000" in command and "3" in command


def test_serve_falls_back_to_runserver_without_gunicorn():
    with (
        mock.patch.object(serving, "gunicorn_importable", return_value=False),
        mock.patch.object(serving, "call_command") as django_command,
    ):
        call_command("serve", "--port", "8001", stdout=io.StringIO())
    django_command.assert_called_once_with("runserver", "127.0.0.1:8001", use_reloader=False)


def test_gunicorn_is_importable_here():
    assert serving.gunicorn_importable()
