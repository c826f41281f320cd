"""`irohub serve`: serve the site with the current database (gunicorn, or runserver on Windows)."""

from django.core.management.base import BaseCommand

from irohub.accounts.serving import serve


class Command(BaseCommand):
    help = "Serve irohub on http://127.0.0.1:8000 (gunicorn; Django's server where gunicorn cannot run)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes.")

    def handle(self, *args, host, port, workers, **options):
        self.stdout.write(f"Serving irohub on http://{host}:{port} (Ctrl+C to stop)")
        status = serve(host=host, port=port, workers=workers)
        if status:
            raise SystemExit(status)
