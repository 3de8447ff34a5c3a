"""Hostile report files through `extract` and `ingest`: each bad one fails alone with its reason,
the good ones after it are loaded, and every page and the backup still work afterwards."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from archive.ingest.source import MAX_REPORT_BYTES
from archive.models import Article, Event
from tests.conftest import ARTICLES

GOOD = sorted(ARTICLES.glob("*.txt"))[2].read_text(encoding="utf-8")
BODY = GOOD.split("---\n", 2)[2]


def header(published):
    return f"---\npublisher: Báo Bắc Kạn\npublished: {published}\n---\n"


BAD = {
    "0-header-date-0001.txt": (header("0001-01-01") + BODY, "not between 1945 and 2100"),
    "1-header-date-9999.txt": (header("9999-12-31 23:59") + BODY, "not between 1945 and 2100"),
    "2-body-date-0001.txt": ("Cập nhật: 01/01/0001\n" + BODY, "published_at: "),
    "3-event-date-0001.txt": (BODY.replace("Chiều 5-12", "Chiều 5/12/0001", 1), "date_held: "),
    "4-too-large.txt": (BODY * (MAX_REPORT_BYTES // len(BODY.encode()) + 1), "2 MB at most"),
}
ODD_NAMES = ["5-new\nline.txt", "6-" + "dai" * 60 + ".txt"]
HUGE_NUMBER = "z-huge-number.txt"


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, (text, _reason) in BAD.items():
        (folder / name).write_text(text, encoding="utf-8")
    for n, name in enumerate(ODD_NAMES):
        (folder / name).write_text(BODY.replace("Bắc Kạn", f"Bắc Kạn {n}"), encoding="utf-8")
    huge = BODY + f"\nNăm qua, toàn tỉnh có {'9' * 5000} công dân nhập ngũ.\n"
    (folder / HUGE_NUMBER).write_text(huge, encoding="utf-8")
    return folder


def ingest(*args):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match=f"{len(BAD)} of {len(BAD) + 3} files failed"):
        call_command("ingest", *args, "--format", "json", stdout=out, stderr=err)
    return {r["file"].rsplit("/", 1)[-1]: r for r in json.loads(out.getvalue())["files"]}


def test_bad_files_fail_alone_and_the_rest_is_loaded(db, folder, client):
    results = ingest(str(folder))
    for name, (_text, reason) in BAD.items():
        assert results[name]["status"] == "failed"
        assert reason in results[name]["error"], results[name]
    for name in [*ODD_NAMES, HUGE_NUMBER]:
        assert results[name]["status"] == "new", results[name]
    assert Article.objects.count() == 3
    assert all(
        key.isprintable() and len(key) <= 120
        for key in Article.objects.values_list("key", flat=True)
    )
    # Nothing implausible was stored: every page and the backup can be made.
    for event in Event.objects.all():
        assert client.get(event.get_absolute_url()).status_code == 200
    call_command("export_archive", stdout=StringIO())
    assert ingest(str(folder)) and Article.objects.count() == 3  # idempotent


def test_extract_reports_bad_files_and_reads_the_rest(db, folder):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("extract", str(folder), "--format", "json", stdout=out, stderr=err)
    document = json.loads(out.getvalue())
    assert len(document["articles"]) >= 3
