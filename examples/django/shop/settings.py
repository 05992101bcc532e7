"""Settings for a small Django shop that reports its errors to Faultline.

Set up as a team would for Sentry: only the DSN points at the Faultline
collector. Run with `SENTRY_DSN=http://KEY@127.0.0.1:8787/ID python3 manage.py runserver`.
"""
import logging
import os

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import LoggingIntegration

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-only-not-secret")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "shop.urls"
INSTALLED_APPS = ["library"]
MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
    "shop.middleware.sentry_scope_middleware",
]
# The library views' ORM queries (N+1 detection); a file so runserver's threads share it.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("SHOP_DATABASE", os.path.join(os.path.dirname(__file__), "..", "db.sqlite3")),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
USE_TZ = True
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}


def before_send(event, hint):
    """Drops noise the team never acts on and marks what it kept."""
    exc_info = hint.get("exc_info")
    if exc_info and exc_info[0].__name__ == "BrokenPipeError":
        return None
    event.setdefault("tags", {})["team"] = "checkout"
    return event


sentry_sdk.init(
    dsn=os.environ.get("SENTRY_DSN"),
    integrations=[
        DjangoIntegration(),
        LoggingIntegration(level=logging.INFO, event_level=logging.ERROR),
    ],
    release=os.environ.get("SHOP_RELEASE", "shop@1.4.2"),
    environment=os.environ.get("SHOP_ENVIRONMENT", "production"),
    # A team that wants cookies, headers and the user's IP sets this; the collector scrubs them.
    send_default_pii=os.environ.get("SHOP_SEND_DEFAULT_PII") == "1",
    before_send=before_send,
    # Transactions with their db spans, for performance and N+1 detection.
    traces_sample_rate=float(os.environ.get("SHOP_TRACES_SAMPLE_RATE", "0")),
)
