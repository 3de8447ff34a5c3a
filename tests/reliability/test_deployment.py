"""Production settings pass Django's deployment checks; pages carry the security headers."""

import os
import subprocess
import sys

from tests.conftest import ROOT


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_check_deploy_reports_nothing():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="archive.settings_production",
        DJANGO_SECRET_KEY="x" * 20 + "-production-secret-" + "y" * 30,
        DJANGO_ALLOWED_HOSTS="archive.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE="archive.settings_production", DJANGO_ALLOWED_HOSTS="a.org"
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_pages_carry_security_headers(client, db):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


FAILING_PAGE = """
from unittest import mock
from django.test import Client
from archive.models.events import EventQuerySet
with mock.patch.object(EventQuerySet, "year_counts", side_effect=RuntimeError("boom-for-the-log")):
    print(Client(raise_request_exception=False).get("/").status_code)
"""


def test_an_unhandled_exception_reaches_the_error_log_with_debug_off(tmp_path):
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"
    }
    environment.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="testserver",
        ARCHIVE_VAR_DIR=str(tmp_path),  # its own SQLite file
    )

    def manage(*args):
        command = [sys.executable, "manage.py", *args]
        return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)

    assert manage("migrate", "-v", "0").returncode == 0
    result = manage("shell", "-v", "0", "-c", FAILING_PAGE)
    assert result.stdout.strip() == "500", result.stderr
    assert "Internal Server Error: /" in result.stderr
    assert "Traceback" in result.stderr and "RuntimeError: boom-for-the-log" in result.stderr


def test_debug_is_off_unless_asked_for():
    show = (
        "from django.conf import settings; "
        "print(settings.DEBUG, 'devtools' in settings.INSTALLED_APPS)"
    )
    off = run_manage("shell", "-v", "0", "-c", show, DJANGO_SECRET_KEY="x" * 50)
    assert off.stdout.split() == ["False", "False"], off.stderr
    tools = run_manage(
        "shell", "-v", "0", "-c", show, DJANGO_SECRET_KEY="x" * 50, ARCHIVE_DEVTOOLS="1"
    )
    assert tools.stdout.split() == ["False", "True"], tools.stderr
    on = run_manage("shell", "-v", "0", "-c", show, DJANGO_DEBUG="1")
    assert on.stdout.split() == ["True", "True"], on.stderr
    refused = run_manage("check")
    assert "DJANGO_SECRET_KEY must be set" in refused.stderr


def test_gunicorn_limits_requests_and_keeps_sync_workers_behind_the_proxy():
    import runpy

    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["limit_request_line"] <= 8190
    assert config["limit_request_fields"] <= 100
    assert config["limit_request_field_size"] <= 8190
    assert config["threads"] == 1  # sync workers: the README requires a buffering proxy
    assert "The proxy must buffer" in (ROOT / "README.md").read_text(encoding="utf-8")
