"""Production settings: the environment-driven settings with DEBUG off and HTTPS enforced.

Run with DJANGO_SETTINGS_MODULE=archive.settings_production, DJANGO_SECRET_KEY and
DJANGO_ALLOWED_HOSTS set, behind a TLS-terminating proxy that sets X-Forwarded-Proto.
`manage.py check --deploy` reports nothing with these settings.
"""

import os

from django.core.exceptions import ImproperlyConfigured

os.environ["DJANGO_DEBUG"] = "0"

from archive.settings import *  # noqa: F403
from archive.settings import ALLOWED_HOSTS, STORAGES, env_bool

if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS to the site's host names.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
