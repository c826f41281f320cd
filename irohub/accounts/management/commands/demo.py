"""`irohub demo`: a working local irohub in one command.

Creates ./var/ and the SQLite database (or uses DATABASE_URL), runs the migrations, creates or
resets one account per role, loads the synthetic council (extension point), prints the logins
and serves on http://127.0.0.1:8000.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from irohub.accounts.demo import ensure_demo_accounts, load_synthetic_council, logins_table
from irohub.accounts.serving import serve


class Command(BaseCommand):
    help = "Set up a local demo (database, one account per role) and serve it."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Set up, print, and stop.")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--children", type=int, default=None, help="Children in the synthetic council."
        )
        parser.add_argument(
            "--seed", type=int, default=None, help="Seed for the synthetic council."
        )

    def handle(self, *args, no_serve, port, children, seed, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "irohub demo prints a shared password: it will not run in production mode."
            )
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        database = settings.DATABASES["default"]
        self.stdout.write(f"Database: {database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}")
        call_command("migrate", interactive=False, verbosity=0)
        logins = ensure_demo_accounts()
        self.stdout.write(load_synthetic_council(children, seed))
        self.stdout.write("\nDemo logins (synthetic data only):\n\n" + logins_table(logins) + "\n")
        if no_serve:
            return
        self.stdout.write(f"\nOpen http://127.0.0.1:{port}/ and sign in (Ctrl+C to stop).")
        status = serve(host="127.0.0.1", port=port, workers=2)
        if status:
            raise SystemExit(status)
