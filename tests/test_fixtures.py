"""fixtures/archive.json is exactly what ingesting fixtures/articles produces."""

import json
from io import StringIO

from django.core.management import call_command

from tests.conftest import ARTICLES, ROOT

VOLATILE = {"imported_at", "updated_at"}


def dump():
    out = StringIO()
    call_command(
        "dumpdata", "archive", natural_foreign=True, natural_primary=True, stdout=out
    )
    return [
        {**item, "fields": {k: v for k, v in item["fields"].items() if k not in VOLATILE}}
        for item in json.loads(out.getvalue())
    ]


def test_ingesting_the_articles_reproduces_the_reviewed_fixture(db):
    call_command("ingest", str(ARTICLES), stdout=StringIO())
    reviewed = json.loads((ROOT / "fixtures" / "archive.json").read_text(encoding="utf-8"))
    assert dump() == reviewed


def test_fixture_articles_keep_the_shared_bodies_unchanged():
    for path in ARTICLES.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("---\nkey: ")
        header, body = text.split("---\n", 2)[1:]
        assert f"key: {path.stem}" in header
        assert body.strip()
