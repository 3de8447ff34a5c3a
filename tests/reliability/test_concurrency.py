"""Several processes at once on one archive: ingesting, editing and rebuilding the index.
Afterwards nothing is lost and the index matches the database."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ARTICLES, ROOT
from tests.reliability.processes import finish, run, shared_archive, shell, start
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


CORRECTIONS = {
    "title": "Hội nghị tổng kết (sửa tay)",
    "place": "Hội trường Tỉnh ủy (sửa tay)",
    "province": "Bắc Kạn (sửa tay)",
    "period_label": "năm 2024 (sửa tay)",
}
SHOW_EVENT = """
import json
from archive.models import Event
event = Event.objects.get(key={key!r})
print(json.dumps({{"values": {{f: getattr(event, f) for f in {fields!r}}},
                  "edited": event.edited_fields}}))
"""


def corrections_kept(env, key):
    shown = shell(env, SHOW_EVENT.format(key=key, fields=list(CORRECTIONS)))
    assert shown.returncode == 0, shown.stderr
    event = json.loads(shown.stdout)
    assert event["values"] == CORRECTIONS
    assert set(CORRECTIONS) <= set(event["edited"])


def editors(env, key, barrier):
    barrier.mkdir()
    return [
        start(env, "-m", "tests.reliability.edit_event", key, field, value, str(barrier), "4")
        for field, value in CORRECTIONS.items()
    ]


KEY_OF_THIRD = "from archive.models import Event; print(Event.objects.order_by('key')[2].key)"


def test_four_editors_changing_one_event_at_once_keep_all_their_corrections(tmp_path):
    """Each editor's form is stale for the others' fields when it is saved."""
    with shared_archive(tmp_path) as env:
        assert run(env, "ingest", str(ARTICLES)).returncode == 0
        key = shell(env, KEY_OF_THIRD).stdout.strip()
        for code, out, err in finish(editors(env, key, tmp_path / "barrier")):
            assert code == 0, out + err
        corrections_kept(env, key)
        assert run(env, "ingest", str(ARTICLES)).returncode == 0
        corrections_kept(env, key)


APPEND_ALIASES = """
from django.db import transaction
from archive.models import Person
for n in range(25):
    with transaction.atomic():
        person = Person.objects.select_for_update().get(slug="nguyen-dang-binh")
        person.aliases = [*person.aliases, "{who} " + str(n)]
        person.save(update_fields=["aliases"])
"""


def test_aliases_appended_by_four_processes_at_once_are_all_kept(tmp_path):
    """Read, change, write in one transaction: on SQLite the transaction must hold the write
    lock from its start, or two of them read the same list and one is refused or lost."""
    with shared_archive(tmp_path) as env:
        assert run(env, "ingest", str(ARTICLES)).returncode == 0
        workers = [
            start(env, "shell", "-v", "0", "-c", APPEND_ALIASES.format(who=w)) for w in "ABCD"
        ]
        for code, out, err in finish(workers):
            assert code == 0, out + err
        shown = shell(
            env,
            "from archive.models import Person; "
            "print(len(Person.objects.get(slug='nguyen-dang-binh').aliases))",
        )
        assert shown.stdout.strip() == "100"


COUNTS = """
from archive.models import Article, Event, Person
names = list(Person.objects.values_list("full_name", flat=True))
print(Article.objects.count(), Event.objects.count(), len(names) - len(set(names)))
"""


def test_four_ingests_and_four_editors_at_once_fail_nothing_and_lose_nothing(tmp_path):
    """Four ingests of the same new reports (they race for the same articles and the same new
    people) while four editors correct one event: no file fails, no correction is lost."""
    copies = many_articles(tmp_path / "new", 6)
    with shared_archive(tmp_path) as env:
        assert run(env, "ingest", str(ARTICLES)).returncode == 0
        key = shell(env, KEY_OF_THIRD).stdout.strip()
        ingests = [
            start(env, "ingest", "--batch-size", "5", str(ARTICLES), str(tmp_path / "new"))
            for _ in range(4)
        ]
        results = finish([*ingests, *editors(env, key, tmp_path / "barrier")])
        for code, out, err in results:
            assert code == 0, out + err
            assert "failed" not in err
        counts = shell(env, COUNTS).stdout.split()
        assert counts == [str(5 + copies), str(5 + copies), "0"]  # nobody created twice
        corrections_kept(env, key)
