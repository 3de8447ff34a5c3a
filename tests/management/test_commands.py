"""The extract and ingest commands, as a script would run them."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from archive.models import Article
from tests.conftest import ARTICLES


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_extract_prints_the_documented_json_and_writes_nothing(db):
    out, _ = run("extract", str(ARTICLES), "--format", "json")
    document = json.loads(out)
    assert len(document["articles"]) == 5
    event = document["articles"][2]["events"][0]
    assert set(event) >= {
        "title",
        "kind",
        "date",
        "period",
        "place",
        "participants",
        "organisations",
        "awards",
        "statistics",
    }
    assert event["participants"][0] == {
        "name": "Nguyễn Hồng Thái",
        "rank": "Trung tướng",
        "titles": ["Ủy viên Trung ương Đảng", "Tư lệnh Quân khu 1"],
        "roles": ["directed", "attended"],
        "confidence": "strong",
    }
    assert {f["confidence"] for f in event["statistics"]} == {"strong", "weak"}
    assert all("sentence" not in a and "reviewed" not in a for a in event["awards"])
    assert Article.objects.count() == 0


def test_extract_reads_bare_text(tmp_path, db):
    body = (ARTICLES / "003_f01ec78be0abed4e.txt").read_text(encoding="utf-8").split("---\n", 2)[2]
    bare = tmp_path / "bare.txt"
    bare.write_text(body, encoding="utf-8")
    out, _ = run("extract", str(bare))
    [article] = json.loads(out)["articles"]
    assert article["published"] == "2019-09-27"
    assert article["events"][0]["date"] == "2019-09-26"


def test_ingest_json_reports_each_file_and_is_idempotent(db):
    out, _ = run("ingest", str(ARTICLES), "--format", "json")
    statuses = [f["status"] for f in json.loads(out)["files"]]
    assert statuses == ["new"] * 5
    out, _ = run("ingest", str(ARTICLES), "--format", "json")
    assert [f["status"] for f in json.loads(out)["files"]] == ["unchanged"] * 5


def test_ingest_summary_line(db):
    out, _ = run("ingest", str(ARTICLES))
    assert "5 files: 5 new, 0 updated, 0 unchanged, 0 failed" in out


def test_dry_run_writes_nothing(db):
    out, _ = run("ingest", str(ARTICLES), "--dry-run")
    assert "Dry run" in out and "5 new" in out
    assert Article.objects.count() == 0


@pytest.fixture
def bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG" * 20)
    (tmp_path / "latin.txt").write_bytes(b"H\xf4i ngh\xec t\xf4ng k\xeat qu\xf4c ph\xf2ng " * 5)
    (tmp_path / "weather.txt").write_text("Thời tiết hôm nay nắng đẹp, trời trong xanh. " * 5)
    good = (ARTICLES / "002_f63c98608b468458.txt").read_text(encoding="utf-8")
    (tmp_path / "good.txt").write_text(good, encoding="utf-8")
    (tmp_path / "truncated.txt").write_text(good[:150], encoding="utf-8")
    return tmp_path


def test_bad_files_fail_one_by_one_and_the_good_one_loads(bad_files, db):
    out = StringIO()
    with pytest.raises(CommandError, match="5 of 6 files failed"):
        call_command("ingest", str(bad_files), "--format", "json", stdout=out, stderr=StringIO())
    files = {f["file"].rsplit("/", 1)[-1]: f for f in json.loads(out.getvalue())["files"]}
    assert files["good.txt"]["status"] == "new"
    reasons = {name: f["error"] for name, f in files.items() if f["status"] == "failed"}
    assert reasons == {
        "binary.txt": "the file is binary, not text",
        "empty.txt": "the file is empty",
        "latin.txt": reasons["latin.txt"],
        "truncated.txt": reasons["truncated.txt"],
        "weather.txt": "no conference, exercise or ceremony is recognisable in the text",
    }
    assert "not UTF-8" in reasons["latin.txt"]
    assert reasons["truncated.txt"]
    assert Article.objects.count() == 1


def test_missing_file_is_a_failure_not_a_crash(tmp_path, db):
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path / "nope.txt"), stdout=StringIO(), stderr=err)
    assert "nope.txt" in err.getvalue()


def test_a_file_the_database_would_refuse_fails_alone(tmp_path, db):
    good = (ARTICLES / "002_f63c98608b468458.txt").read_text(encoding="utf-8")
    bad = good.replace("key: 002_f63c98608b468458", "key: bad\nurl: not a url at all")
    (tmp_path / "a_bad.txt").write_text(bad, encoding="utf-8")
    (tmp_path / "b_good.txt").write_text(good, encoding="utf-8")
    out = StringIO()
    with pytest.raises(CommandError, match="1 of 2 files failed"):
        call_command("ingest", str(tmp_path), "--format", "json", stdout=out, stderr=StringIO())
    files = json.loads(out.getvalue())["files"]
    assert [f["status"] for f in files] == ["failed", "new"]
    assert "source_url" in files[0]["error"]
    assert Article.objects.count() == 1


def test_two_articles_from_standard_input_stay_two(db, monkeypatch):
    import io
    import sys

    for name in ("001_e583691dd32359a8.txt", "002_f63c98608b468458.txt"):
        data = (ARTICLES / name).read_bytes().split(b"---\n", 2)[2]
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        run("ingest", "-")
    assert Article.objects.count() == 2


def test_ingest_refuses_a_batch_size_below_one(db):
    with pytest.raises(CommandError, match="batch-size"):
        call_command("ingest", str(ARTICLES), "--batch-size", "0", stdout=StringIO())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner statistics")
def test_a_bulk_ingest_leaves_the_planner_statistics_of_what_it_loaded(db):
    def articles_counted():
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'archive_article'")
            return cursor.fetchone()[0]

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE archive_article")  # of the table as it is: empty
    assert articles_counted() == 0
    call_command("ingest", str(ARTICLES), "--batch-size", "2", stdout=StringIO(), stderr=StringIO())
    assert articles_counted() == Article.objects.count() > 0
