"""A GIN index on the search vector, on PostgreSQL only (other databases have no tsvector)."""

from django.db import migrations

CREATE = "CREATE INDEX IF NOT EXISTS searchentry_vector_gin ON archive_searchentry USING gin (vector)"
DROP = "DROP INDEX IF EXISTS searchentry_vector_gin"


def on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("archive", "0002_search_tables")]

    operations = [migrations.RunPython(on_postgres(CREATE), on_postgres(DROP))]
