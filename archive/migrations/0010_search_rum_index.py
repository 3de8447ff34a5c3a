"""A RUM index on the search vector, where PostgreSQL has the `rum` extension (Debian's
`postgresql-15-rum`, which `make install` installs as root): it returns the best matches of a
query in the order of `vector <=> query` without reading every match's vector, so the
PostgreSQL backend ranks a broad query's first candidates only. Without the extension nothing
is created and the backend ranks every match, as before; SQLite has no search tables' vector."""

from django.db import migrations, transaction

INDEX = "searchentry_vector_rum"


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if cursor.fetchone() is None:
            return
        try:
            with transaction.atomic(using=connection.alias):  # a savepoint: refused is fine
                cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
        except Exception:  # no right to create extensions: rank without it
            return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON archive_searchentry USING rum (vector rum_tsvector_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0009_fact_confidence_and_review")]

    operations = [migrations.RunPython(create, drop)]
