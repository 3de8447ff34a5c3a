"""SIGKILL in the middle of an ingest leaves no partial article; the next run completes."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import ARTICLES, ROOT


def environment(var_dir):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "ARCHIVE_INDEX_DIR"}}
    env.update(ARCHIVE_VAR_DIR=str(var_dir), DJANGO_SETTINGS_MODULE="archive.settings")
    return env


def manage(var_dir, *args, **kwargs):
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(var_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


def many_articles(folder, copies):
    folder.mkdir()
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for n in range(copies):
            copy = text.replace(f"key: {path.stem}", f"key: {path.stem}-{n}")
            (folder / f"{path.stem}-{n:03d}.txt").write_text(copy, encoding="utf-8")
    return len(list(folder.glob("*.txt")))


def consistent(database):
    """Every article has its event, and every event its facts: nothing half-written."""
    with sqlite3.connect(database) as db:
        articles = db.execute("select count(*) from archive_article").fetchone()[0]
        with_events = db.execute(
            "select count(distinct article_id) from archive_event_articles"
        ).fetchone()[0]
        empty_events = db.execute(
            "select count(*) from archive_event e where not exists "
            "(select 1 from archive_participation p where p.event_id = e.id)"
        ).fetchone()[0]
    return articles, with_events, empty_events


def wait_for_articles(database, process, at_least, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with sqlite3.connect(database) as db:
                if db.execute("select count(*) from archive_article").fetchone()[0] >= at_least:
                    return
        except sqlite3.OperationalError:
            pass  # locked by the writer for a moment
        time.sleep(0.05)


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="runs on its own SQLite file")
def test_sigkill_during_ingest_leaves_no_partial_article(tmp_path):
    var_dir = tmp_path / "var"
    assert manage(var_dir, "migrate", "-v", "0").wait(120) == 0
    total = many_articles(tmp_path / "articles", 120)
    # Small batches, so that the kill lands after some have committed and before the last.
    ingest = manage(var_dir, "ingest", "--batch-size", "5", str(tmp_path / "articles"))
    # Late in the run, so that what is left for the next run is too little to rebuild for.
    wait_for_articles(var_dir / "archive.sqlite3", ingest, at_least=total * 3 // 4)
    ingest.send_signal(signal.SIGKILL)
    ingest.wait(10)
    articles, with_events, empty_events = consistent(var_dir / "archive.sqlite3")
    assert 0 < articles < total, "the kill should land in the middle of the run"
    assert with_events == articles
    assert empty_events == 0
    # The index is written after the last batch: the killed run left it behind, and says so.
    assert list(var_dir.glob("index-behind-*"))
    assert manage(var_dir, "check_index").wait(120) != 0
    again = manage(var_dir, "ingest", str(tmp_path / "articles"))
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"{total - articles} new" in out.decode()
    assert consistent(var_dir / "archive.sqlite3") == (total, total, 0)
    # The next ingest found the flag and rebuilt the whole index, the killed run's part too.
    assert not list(var_dir.glob("index-behind-*"))
    check = manage(var_dir, "check_index")
    assert check.wait(120) == 0, check.stderr.read().decode()
