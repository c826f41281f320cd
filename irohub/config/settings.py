"""All of irohub's settings, read from the environment in this one module.

Local defaults are safe for a laptop (SQLite under ./var/, DEBUG on, a throwaway key). Production
mode (IROHUB_PRODUCTION=1) refuses to start with a default secret key or with DEBUG on, so a
misconfigured server fails loudly instead of running insecurely. `.env.example` lists every variable.
"""

import os
from datetime import timedelta  # noqa: F401  (kept for settings that take durations)
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent  # the irohub package
VAR_DIR = Path(os.environ.get("IROHUB_VAR_DIR") or Path.cwd() / "var")  # blank: default

DEFAULT_SECRET_KEY = "irohub-local-only-not-secret"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


PRODUCTION = env_bool("IROHUB_PRODUCTION", False)
SECRET_KEY = os.environ.get("IROHUB_SECRET_KEY") or DEFAULT_SECRET_KEY  # blank: default
DEBUG = env_bool("IROHUB_DEBUG", not PRODUCTION)

if PRODUCTION:
    if SECRET_KEY == DEFAULT_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "IROHUB_SECRET_KEY must be set to a long random value (50+ characters) in production. "
            'Make one with: python -c "import secrets; print(secrets.token_urlsafe(64))"'
        )
    if DEBUG:
        raise ImproperlyConfigured("IROHUB_DEBUG must be off in production (IROHUB_PRODUCTION=1).")
    if not os.environ.get("IROHUB_ALLOWED_HOSTS"):
        raise ImproperlyConfigured(
            "IROHUB_ALLOWED_HOSTS must list the host names the service answers to in production."
        )

ALLOWED_HOSTS = env_list("IROHUB_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("IROHUB_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "irohub.accounts.admin_apps.IrohubAdminConfig",  # the Django admin, behind irohub's sign-in
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "irohub.accounts",
    "irohub.audit",
    "irohub.council",
    "irohub.children",
    "irohub.staff",
    "irohub.reviews",
    "irohub.escalations",
    "irohub.voice",
    "irohub.quality",
    "irohub.reminders",
    "irohub.transfer",
    "irohub.reporting",
    "irohub.synth",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "irohub.accounts.middleware.SecondFactorMiddleware",  # after OTP and messages
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "irohub.config.urls"
WSGI_APPLICATION = "irohub.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'irohub.sqlite3'}",
        conn_max_age=int(os.environ.get("IROHUB_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the web server read while an import writes; a busy timeout avoids spurious locks.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "irohub.accounts.backends.RolePermissionBackend",  # Django admin permissions from the role
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"

# Sessions end after a period of inactivity: every request renews the expiry.
SESSION_COOKIE_AGE = int(os.environ.get("IROHUB_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Failed sign-ins: five wrong passwords lock the account (by user name) for a while.
AXES_FAILURE_LIMIT = int(os.environ.get("IROHUB_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("IROHUB_LOGIN_LOCKOUT_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
# The lock ends a fixed time after the last counted mistake; tries during the lock do not
# extend it, so the time the lockout page gives is the time it ends.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "irohub.accounts.lockout.locked_out"  # says when to try again
AXES_VERBOSE = False
# Locking by IP address too (axes.W006) would lock out a whole council office behind one
# address after one person's typing mistakes; the lock is by user name on purpose.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# A second factor (TOTP) is optional for everyone, and required for administrators in production.
IROHUB_REQUIRE_ADMIN_MFA = env_bool("IROHUB_REQUIRE_ADMIN_MFA", PRODUCTION)
OTP_TOTP_ISSUER = os.environ.get("IROHUB_OTP_ISSUER", "irohub")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]  # irohub/static: vendored GOV.UK Frontend, irohub's own
WHITENOISE_USE_FINDERS = (
    True  # serve vendored assets without a collectstatic step when running locally
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = os.environ.get(
    "IROHUB_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("IROHUB_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("IROHUB_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("IROHUB_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("IROHUB_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("IROHUB_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("IROHUB_EMAIL_FROM", "irohub <irohub@localhost>")

# Production hardening: `python -m django check --deploy` is clean with these.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("IROHUB_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("IROHUB_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("IROHUB_LOG_LEVEL", "WARNING")},
}

# The council's name shown in the header until the rules settings say otherwise.
IROHUB_SERVICE_NAME = os.environ.get("IROHUB_SERVICE_NAME", "irohub")
# The address people open irohub at, for links in emails and printed feedback links.
IROHUB_BASE_URL = os.environ.get("IROHUB_BASE_URL", "").rstrip("/")
# The IRO service's telephone number, printed on the child's "My IRO" card. Blank: none.
IROHUB_SERVICE_PHONE = os.environ.get("IROHUB_SERVICE_PHONE", "")
# Ages each commissioned provider's contract covers, for allocation suggestions:
# "Provider name=16-17; *=16-17" (* any other provider). Blank: no age limit.
IROHUB_CONTRACT_AGES = os.environ.get("IROHUB_CONTRACT_AGES", "")
