"""Settings, driven by the environment.

Unset, DEBUG is off (`DJANGO_DEBUG=1` for local use, as `make run` sets it) and everything is
embedded: SQLite and a Tantivy index under `var/`. `DATABASE_URL` moves the data to PostgreSQL,
`ARCHIVE_SEARCH_BACKEND` chooses the search backend (tantivy, whoosh, postgres),
`ARCHIVE_INDEX_DIR` the folder of the embedded indexes (Tantivy's in `tantivy-N/`, N following its
layout). With DEBUG off a `DJANGO_SECRET_KEY` is required.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ARCHIVE_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# Off unless asked for: `make run` and `make test` set DJANGO_DEBUG=1 for local use.
DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "development-only-key-never-used-with-debug-off"

ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]
if DEBUG:
    ALLOWED_HOSTS += ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "axes",
    "simple_history",
    "archive.history",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "archive",
]
# The measuring tools (benchmark, soak, synthetic reports) are for development only.
if DEBUG or env_bool("ARCHIVE_DEVTOOLS", False):
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "archive.middleware.RequestLimitMiddleware",
    "archive.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "archive.site.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("ARCHIVE_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = 1  # hour
# Locked: this user at this client address (not every user at an address, nor a user
# everywhere). Behind a proxy the address is read from X-Forwarded-For, trusted only from the
# proxies listed in ARCHIVE_TRUSTED_PROXIES (addresses or networks, comma-separated).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
ARCHIVE_TRUSTED_PROXIES = [
    p.strip() for p in os.environ.get("ARCHIVE_TRUSTED_PROXIES", "").split(",") if p.strip()
]
AXES_CLIENT_IP_CALLABLE = "archive.middleware.client_address"
AXES_RESET_ON_SUCCESS = True

# Request bodies: the editors' desk posts a report of up to 2 MB (twice on the review screen,
# percent-encoded); a larger request is refused from its Content-Length before it is read
# (archive.middleware), the public site takes none. Django's own limits match.
ARCHIVE_MAX_REQUEST_BYTES = int(os.environ.get("ARCHIVE_MAX_REQUEST_BYTES", 12 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = ARCHIVE_MAX_REQUEST_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_500_000  # an upload above this goes to a temporary file
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # The public site's tags live in its own package, not in an app of their own.
            "libraries": {
                "archive_tags": "archive.site.templatetags.archive_tags",
                "open_tags": "archive.site.templatetags.open_tags",
            },
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'archive.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes share the file (ingests, editors, the web server): a writer waits for
    # the lock (busy timeout, seconds) instead of failing at once, and every transaction takes
    # the write lock when it begins, so a read-then-write inside one can never be refused
    # half-way ("database is locked") or write over another's change.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=int(os.environ.get("ARCHIVE_SQLITE_TIMEOUT", "30")),
        transaction_mode="IMMEDIATE",
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("TEST", {})["NAME"] = os.environ.get(
        "ARCHIVE_TEST_DATABASE", "test_archive"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "archive" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
FORMAT_MODULE_PATH = ["archive.site.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

ARCHIVE_SEARCH_BACKEND = os.environ.get("ARCHIVE_SEARCH_BACKEND", "tantivy")
ARCHIVE_INDEX_DIR = Path(os.environ.get("ARCHIVE_INDEX_DIR", VAR_DIR / "index"))

# The read-only API (archive/api/): anonymous, throttled, its filters the site's FilterSets.
ARCHIVE_API_ANON_RATE = os.environ.get("ARCHIVE_API_ANON_RATE", "120/minute")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["archive.api.throttling.AnonymousThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "archive.api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "archive.api.schema.ArchiveAutoSchema",
    "UNAUTHENTICATED_USER": None,
    "PAGE_SIZE": 20,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Defence-work report archive API",
    "DESCRIPTION": "Read-only access to the archive: events, people, organisations, awards, "
    "figures, source reports and the full-text search.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "EventKindEnum": "archive.models.Event.Kind",
        "OrganisationKindEnum": "archive.models.Organisation.Kind",
    },
}
# Printed in the dataset's README and LICENCE.txt (`manage.py export_dataset`).
ARCHIVE_DATASET_LICENCE = os.environ.get(
    "ARCHIVE_DATASET_LICENCE",
    "The facts extracted and reviewed for this archive (events, people, organisations, "
    "participations, awards, figures) are released under the Creative Commons Attribution 4.0 "
    "International licence (CC BY 4.0): cite the archive and the original report. The texts "
    "of the reports remain their publishers'; they are included for research and citation, "
    "each with its original address.",
)

# Any origin may read the API; nothing else is shared and nothing can be written.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]


# Every unhandled exception (Django logs it as "Internal Server Error" on django.request)
# reaches standard error with its traceback: the server's error log under gunicorn. With DEBUG
# on, Django's own console output is kept; with it off, Django alone would log errors nowhere
# (its default sends them to ADMINS by mail).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "debug_on": {"()": "django.utils.log.RequireDebugTrue"},
        "debug_off": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "debug_console": {
            "class": "logging.StreamHandler",
            "level": "INFO",
            "filters": ["debug_on"],
        },
        "errors": {"class": "logging.StreamHandler", "level": "ERROR", "filters": ["debug_off"]},
    },
    "loggers": {
        "archive": {"handlers": ["console"], "level": "INFO"},
        "django": {"handlers": ["debug_console", "errors"], "level": "INFO"},
    },
}
