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
    assert json.loads(json.dumps(export(), default=str)) == before
