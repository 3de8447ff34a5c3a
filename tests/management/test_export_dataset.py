"""`export_dataset`: the whole archive as CSV tables and a JSON dump, README and licence."""

import csv
import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command

from archive.exports import TABLES
from archive.models import Article, Award, Event, Organisation, Participation, Person, Statistic

pytestmark = pytest.mark.django_db
MODELS = {
    "events": Event,
    "people": Person,
    "organisations": Organisation,
    "participations": Participation,
    "awards": Award,
    "figures": Statistic,
    "articles": Article,
}


def test_dataset_has_every_table_row_readme_and_licence(loaded_archive, tmp_path):
    out = io.StringIO()
    target = tmp_path / "dataset.zip"
    call_command("export_dataset", "-o", str(target), stdout=out)
    assert "Wrote" in out.getvalue() and "events:" in out.getvalue()
    with zipfile.ZipFile(target) as bundle:
        dump = json.loads(bundle.read("archive.json"))
        readme = bundle.read("README.md").decode()
        assert "CC BY 4.0" in bundle.read("LICENCE.txt").decode()
        for name, model in MODELS.items():
            raw = bundle.read(f"csv/{name}.csv")
            assert raw.startswith("\ufeff".encode())
            rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
            assert len(rows) == model.objects.count() == len(dump["tables"][name])
            assert f"## {name} ({model.objects.count()} rows)" in readme
            for column in TABLES[name].columns:
                assert f"| `{column.name}` |" in readme
    titles = {r["title"] for r in dump["tables"]["events"]}
    assert titles == set(Event.objects.values_list("title", flat=True))


def test_dry_run_writes_nothing(loaded_archive, tmp_path):
    out = io.StringIO()
    call_command("export_dataset", "-o", str(tmp_path / "d.zip"), "--dry-run", stdout=out)
    assert f"events: {Event.objects.count()} rows" in out.getvalue()
    assert not list(tmp_path.iterdir())


def test_a_missing_directory_is_an_error(db, tmp_path):
    with pytest.raises(CommandError):
        call_command("export_dataset", "-o", str(tmp_path / "no" / "d.zip"))
