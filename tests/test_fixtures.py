"""fixtures/archive.json is exactly what ingesting fixtures/articles produces."""

import json
from io import StringIO

from django.core.management import call_command

from archive.management.commands.export_archive import export
from tests.conftest import ARTICLES, ROOT


def test_ingesting_the_articles_reproduces_the_reviewed_fixture(db):
    call_command("ingest", str(ARTICLES), stdout=StringIO())
    reviewed = json.loads((ROOT / "fixtures" / "archive.json").read_text(encoding="utf-8"))
    assert json.loads(json.dumps(export(), default=str)) == reviewed


def test_fixture_articles_keep_a_header_above_the_body():
    for path in ARTICLES.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        header, body = text.split("---\n", 2)[1:]
        assert f"key: {path.stem}" in header
        assert body.strip()
