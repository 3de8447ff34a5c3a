"""Accounts of the editors' desk: a superuser, an editor of the "Biên tập viên" group."""

import pytest
from django.contrib.auth.models import Group, User

PASSWORD = "a-long-password-1"


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("chief", "chief@example.org", PASSWORD)


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Biên tập viên"))
    return user


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
