"""Archives that several processes share, on SQLite or on PostgreSQL (whichever the suite runs
on), and the processes that work on them: `manage.py` commands and editors in the admin."""

import contextlib
import os
import subprocess
import sys
import uuid

from tests.conftest import ROOT


@contextlib.contextmanager
def shared_archive(tmp_path):
    """The environment of processes sharing one new, migrated archive: a SQLite file under
    `tmp_path`, or with DATABASE_URL a PostgreSQL database of its own, dropped afterwards."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "ARCHIVE_INDEX_DIR"}}
    env.update(
        ARCHIVE_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="archive.settings",
        DJANGO_DEBUG="1",
    )
    url = os.environ.get("DATABASE_URL", "")
    name = None
    if url.startswith("postgres"):
        import psycopg

        name = f"reliab_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + name
        env["ARCHIVE_SEARCH_BACKEND"] = "postgres"
    try:
        assert run(env, "migrate", "-v", "0").returncode == 0
        yield env
    finally:
        if name:
            with psycopg.connect(url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start(env, *args):
    """`manage.py ARGS` (or `python -m MODULE` when args start with "-m"), running."""
    command = [sys.executable, *args] if args[0] == "-m" else [sys.executable, "manage.py", *args]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def run(env, *args, timeout=600):
    process = start(env, *args)
    out, err = process.communicate(timeout=timeout)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def finish(processes, timeout=900):
    """(exit status, stdout, stderr) of each process, once all have ended."""
    outputs = [p.communicate(timeout=timeout) for p in processes]
    return [(p.returncode, *output) for p, output in zip(processes, outputs, strict=True)]


def shell(env, code):
    return run(env, "shell", "-v", "0", "-c", code)
