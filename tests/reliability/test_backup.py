"""Backup and restore: export_archive → loaddata into an empty database reproduces the archive
(runs on SQLite and on PostgreSQL, like every test)."""

import json
from io import StringIO

from django.core.management import call_command

from archive.management.commands.export_archive import MODELS, export
from tests.conftest import ARTICLES


def test_export_then_loaddata_into_an_empty_database_reproduces_the_archive(db, tmp_path):
    call_command("ingest", str(ARTICLES), stdout=StringIO())
    backup = tmp_path / "backup.json"
    call_command("export_archive", output=str(backup), stdout=StringIO())
    before = json.loads(backup.read_text(encoding="utf-8"))
    for model in reversed(MODELS):
        model.objects.all().delete()
    assert all(not model.objects.exists() for model in MODELS)
    call_command("loaddata", str(backup), verbosity=0)
    assert json.loads(json.dumps(export(site=True), default=str)) == before


def test_the_backup_restores_users_groups_history_and_import_times(db, tmp_path):
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.auth.models import Group, Permission, User

    from archive.models import Article

    call_command("ingest", str(ARTICLES), stdout=StringIO())
    group = Group.objects.create(name="Trưởng ban biên tập")
    group.permissions.add(Permission.objects.get(codename="change_event"))
    editor = User.objects.create_user("editor", password="mật-khẩu-dài-1", is_staff=True)
    editor.groups.add(group)
    article = Article.objects.order_by("pk").first()
    LogEntry.objects.log_actions(editor.pk, [article], CHANGE, change_message="sửa tiêu đề")
    imported = dict(Article.objects.values_list("key", "imported_at"))
    backup = tmp_path / "backup.json"
    call_command("export_archive", output=str(backup), stdout=StringIO())
    LogEntry.objects.all().delete()
    User.objects.all().delete()
    Group.objects.all().delete()
    for model in reversed(MODELS):
        model.objects.all().delete()
    call_command("loaddata", str(backup), verbosity=0)
    editor = User.objects.get(username="editor")
    assert editor.check_password("mật-khẩu-dài-1")
    assert list(editor.groups.values_list("name", flat=True)) == ["Trưởng ban biên tập"]
    assert editor.has_perm("archive.change_event")
    entry = LogEntry.objects.get()
    assert (entry.user, entry.get_edited_object().key) == (editor, article.key)
    assert dict(Article.objects.values_list("key", "imported_at")) == imported
    assert Article.objects.get(key=article.key).pk == article.pk  # public URLs unchanged
