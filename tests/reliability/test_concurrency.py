"""Several processes at once on one archive: ingesting, editing and rebuilding the index.
Afterwards nothing is lost and the index matches the database."""

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.reliability.test_crash import environment, manage, many_articles

EDIT = """
import random
from archive.models import Person
for n in range(25):
    person = Person.objects.order_by("?").first()
    if person:
        person.full_name = f"{person.full_name.split(' #')[0]} #{n}"
        person.save()
print("edited")
"""


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="runs on its own SQLite file")
def test_ingest_edit_and_rebuild_at_once(tmp_path):
    var_dir = tmp_path / "var"
    assert manage(var_dir, "migrate", "-v", "0").wait(120) == 0
    many_articles(tmp_path / "first", 4)
    assert manage(var_dir, "ingest", str(tmp_path / "first")).wait(300) == 0
    many_articles(tmp_path / "second", 8)
    workers = [
        manage(var_dir, "ingest", str(tmp_path / "second")),
        manage(var_dir, "rebuild_index"),
        subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", EDIT],
            cwd=ROOT,
            env=environment(var_dir),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ),
        manage(var_dir, "rebuild_index"),
    ]
    results = [(w.wait(600), w.stderr.read().decode()) for w in workers]
    for code, err in results:
        assert code == 0, err
        assert "LockError" not in err and "database is locked" not in err
    check = manage(var_dir, "check_index")
    out, err = check.communicate(timeout=300)
    assert check.returncode == 0, out.decode() + err.decode()
