"""Where the RUM index of 0010 exists, it alone answers the full-text matches: the GIN index
of 0003 goes. Both answer `vector @@ query`, and the planner prefers the smaller GIN one, but
GIN keeps no positions, so every candidate of a phrase is checked again against its full
vector, read back from TOAST; RUM checks phrases on the positions it holds. At 100 000 reports
counting the 57 743 matches of "khu vực phòng thủ" took 580–800 ms through GIN and 240–320 ms
through RUM; a broad word's count 100–150 against 130–165 ms (docs/performance.md). Without
RUM the GIN index stays, as before."""

from django.db import migrations

GIN = "searchentry_vector_gin"
RUM = "searchentry_vector_rum"


def has_index(connection, name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [name])
        return cursor.fetchone() is not None


def drop_gin(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql" and has_index(connection, RUM):
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN}")


def create_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {GIN} ON archive_searchentry USING gin (vector)"
        )


class Migration(migrations.Migration):
    dependencies = [("archive", "0011_search_ranking_vector")]

    operations = [migrations.RunPython(drop_gin, create_gin)]
