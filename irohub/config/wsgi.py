"""WSGI entry point for gunicorn: `gunicorn irohub.config.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "irohub.config.settings")
application = get_wsgi_application()
