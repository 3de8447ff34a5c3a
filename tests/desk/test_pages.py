"""The admin pages bar: every registered model's list, add and change pages open, with
realistic related rows present, for a superuser and for an editor."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from archive.models import Organisation, Person
from tests.factories import AwardFactory, ParticipationFactory, StatisticFactory

ARCHIVE = "archive"


@pytest.fixture
def archive_rows(loaded_archive, superuser, editor):
    """The reviewed archive (organisations with events, people with roles, awards, figures),
    logins for the login-throttling pages, and a row of every archive model."""
    seen = {"user_agent": "Chromium", "ip_address": "127.0.0.1", "username": "intruder"}
    AccessAttempt.objects.create(**seen, failures_since_start=1, get_data="", post_data="")
    AccessFailureLog.objects.create(**seen)
    AccessLog.objects.create(**seen)
    participation = ParticipationFactory(person=Person.objects.first())
    AwardFactory(event=participation.event, giver_organisation=Organisation.objects.first())
    StatisticFactory(event=participation.event)
    assert Organisation.objects.filter(events__isnull=False).exists()


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def admin_url(model, page, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=args)


def may_add(model_admin, user):
    request = RequestFactory().get("/")
    request.user = user
    return model_admin.has_add_permission(request)


def test_every_registered_model_opens_for_a_superuser(client, archive_rows, superuser):
    client.force_login(superuser)
    checked = []
    for model, model_admin in registered():
        assert client.get(admin_url(model, "changelist")).status_code == 200, model
        # Third-party read-only pages (the login-throttling records) have no add page.
        expected = 200 if may_add(model_admin, superuser) else 403
        assert model._meta.app_label != ARCHIVE or expected == 200, model
        assert client.get(admin_url(model, "add")).status_code == expected, model
        obj = model._default_manager.order_by("pk").first()
        assert obj is not None, f"no {model._meta.label} row to open"
        assert client.get(admin_url(model, "change", obj.pk)).status_code == 200, model
        checked.append(model._meta.label)
    assert "archive.Organisation" in checked and "auth.User" in checked


def test_every_archive_model_opens_for_an_editor_but_users_do_not(client, archive_rows, editor):
    client.force_login(editor)
    for model, _model_admin in registered():
        obj = model._default_manager.order_by("pk").first()
        pages = [
            admin_url(model, "changelist"),
            admin_url(model, "add"),
            admin_url(model, "change", obj.pk),
        ]
        if model._meta.label in {"auth.User", "auth.Group"}:
            assert [client.get(url).status_code for url in pages] == [403] * 3, model
        elif model._meta.app_label == ARCHIVE:
            assert [client.get(url).status_code for url in pages] == [200] * 3, model
            delete = client.post(admin_url(model, "delete", obj.pk), {"post": "yes"})
            assert delete.status_code == 403, model
            assert model._default_manager.filter(pk=obj.pk).exists()


def test_an_organisation_with_events_opens(admin_client, loaded_archive):
    organisation = Organisation.objects.filter(events__isnull=False).first()
    response = admin_client.get(admin_url(Organisation, "change", organisation.pk))
    assert response.status_code == 200
    assert organisation.events.first().title in response.content.decode()


def test_the_admin_speaks_vietnamese(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Django" not in html
    assert "Bàn biên tập" in html


def test_the_admin_scripts_speak_vietnamese(admin_client):
    catalog = admin_client.get("/admin/jsi18n/").content.decode()
    assert (
        '"Choose all %s": "Ch\\u1ecdn t\\u1ea5t c\\u1ea3 %s"' in catalog
        or "Chọn tất cả %s" in catalog
    )
    assert '"Remove all %s"' in catalog
