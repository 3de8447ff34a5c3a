"""An index in the order of `Event.objects.latest()` (newest first, undated last, then newest
id), so that "the six newest events that …" reads a few rows instead of sorting them all.

PostgreSQL sorts NULL first in a descending order unless told; SQLite puts NULL last already
and refuses NULLS LAST in an index."""

from django.db import migrations

SQL = {
    "postgresql": "CREATE INDEX IF NOT EXISTS event_latest_idx "
    "ON archive_event (date_held DESC NULLS LAST, id DESC)",
    "sqlite": "CREATE INDEX IF NOT EXISTS event_latest_idx ON archive_event (date_held DESC, id DESC)",
}
DROP = "DROP INDEX IF EXISTS event_latest_idx"


def create(apps, schema_editor):
    sql = SQL.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("archive", "0006_alias_keys")]

    operations = [migrations.RunPython(create, drop)]
