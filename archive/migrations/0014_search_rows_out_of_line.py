"""On PostgreSQL a search entry's long values (its snippet's source, and the title and URL when
long) are stored out of line, as its vectors already were, so that its row holds little more
than what is matched, filtered and counted. A broad query's count reads every matching row:
at 100 000 reports the snippet sources kept inline made the table 197 MB, and counting the
99 355 matches of "quốc phòng" read 21 604 of its pages (docs/performance.md). Only the 20
shown entries read their snippet back.

PostgreSQL moves values out of line only from rows it toasts at all: those over about 2 KB,
or holding an out-of-line value already (every report's vectors are). It applies to rows
written from now on; `rebuild_index` rewrites the others (a `VACUUM FULL
archive_searchentry` does too, locking the table meanwhile)."""

from django.db import migrations

TABLE = "archive_searchentry"
TARGET = 128  # bytes; the least PostgreSQL allows (its default is about 2 KB)


def narrow(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = {TARGET})")


def widen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [("archive", "0013_search_facet_indexes")]

    operations = [migrations.RunPython(narrow, widen)]
