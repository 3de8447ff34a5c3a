"""Behind the TLS proxy every request comes from the proxy's address: failed logins lock the
user at the client's address (read from X-Forwarded-For, set by a trusted proxy only), never
everyone."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def behind_the_proxy(settings):
    settings.ARCHIVE_TRUSTED_PROXIES = [PROXY]
    User.objects.create_user("editor", password="đúng-mật-khẩu-1", is_staff=True)


def login(client, username, password, client_address, remote=PROXY):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=client_address,
    )


def test_failures_from_one_client_do_not_lock_out_other_editors(client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "editor", "sai", "203.0.113.66")
        login(client, "admin", "sai", "203.0.113.66")
    assert login(client, "editor", "đúng-mật-khẩu-1", "198.51.100.7").status_code == 302


def test_the_failing_client_is_locked_for_that_user(client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "editor", "sai", "203.0.113.66")
    assert login(client, "editor", "đúng-mật-khẩu-1", "203.0.113.66").status_code != 302


def test_a_forwarded_address_from_anyone_but_the_proxy_is_ignored(client, settings):
    """Otherwise a client could name a new address at each try and never be locked."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        login(client, "editor", "sai", f"192.0.2.{n}", remote="203.0.113.66")
    response = login(client, "editor", "đúng-mật-khẩu-1", "192.0.2.99", remote="203.0.113.66")
    assert response.status_code != 302
