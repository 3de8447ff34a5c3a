"""The development tools' commands: synthetic reports and the soak run."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from archive.models import Article


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_synthesize_writes_reports_that_ingest_in_parallel(tmp_path, db):
    folder = tmp_path / "reports"
    call_command("synthesize", "12", str(folder), stdout=StringIO())
    assert len(list(folder.glob("*.txt"))) == 12
    with pytest.raises(CommandError, match="not empty"):
        call_command("synthesize", "3", str(folder), stdout=StringIO())
    out = StringIO()
    # Two parsing processes, batches of 5: the results still come back one per file, in order.
    call_command("ingest", str(folder), "--jobs", "2", "--batch-size", "5", stdout=out)
    assert "12 files: 12 new, 0 updated, 0 unchanged, 0 failed" in out.getvalue()
    assert Article.objects.filter(key__startswith="synthetic-").count() == 12


def test_soak_reports_each_path_and_no_errors(live_server, loaded_archive):
    out = StringIO()
    paths = ["/search/?q=quoc+phong", "/events/"]
    call_command(
        "soak", url=live_server.url, users=2, seconds=2, paths=paths, format="json", stdout=out
    )
    report = json.loads(out.getvalue())
    assert report["errors"] == 0
    assert report["requests"] == sum(p["requests"] for p in report["by_path"].values()) > 0
    assert set(report["by_path"]) == set(paths)
    assert all(p["p99_ms"] >= p["p50_ms"] > 0 for p in report["by_path"].values())
