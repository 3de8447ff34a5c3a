"""Benchmark the archive on N synthetic reports, per search backend, in a fresh database.

Each backend runs in a child process (`benchmark --child`) with a database and an index of its
own (a temporary SQLite file for Whoosh; a PostgreSQL database created and dropped for
PostgreSQL), so the measurement never touches the archive in use.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from devtools.benchmarking import run_benchmark

POSTGRES_SERVER = os.environ.get(
    "ARCHIVE_BENCHMARK_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres"
)


class Command(BaseCommand):
    help = "Measure ingest, indexing, search and page speed on N synthetic reports."

    def add_arguments(self, parser):
        parser.add_argument("--docs", type=int, default=1000)
        parser.add_argument(
            "--backend", choices=["tantivy", "whoosh", "postgres", "both"], default="both"
        )
        parser.add_argument("--format", choices=["json", "text"], default="text")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--repeat", type=int, default=20, help="Runs of each query.")
        parser.add_argument(
            "--keep",
            metavar="DIR",
            help="Keep the archive built (its files under DIR/<backend>, and the PostgreSQL "
            "database) for a load run; DIR/<backend>/env holds its settings.",
        )
        parser.add_argument(
            "--kept",
            metavar="DIR",
            help="Measure the archive an earlier --keep left in DIR/<backend> (searches and "
            "pages only, in a fresh process), without building one.",
        )
        parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
        parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args, **options):
        if options["child"]:
            build = not options["measure_only"]
            result = run_benchmark(options["docs"], options["seed"], options["repeat"], build)
            self.stdout.write(json.dumps(result))
            return
        if options["kept"] and options["keep"]:
            raise CommandError("give --keep (build and keep) or --kept (measure what was kept)")
        backends = ["whoosh", "postgres"] if options["backend"] == "both" else [options["backend"]]
        results = {name: self.run_child(name, options) for name in backends}
        if options["format"] == "json":
            self.stdout.write(json.dumps({"docs": options["docs"], "backends": results}, indent=2))
            return
        for name, result in results.items():
            self.stdout.write(self.style.MIGRATE_HEADING(f"{name}, {options['docs']} reports"))
            for key, value in result.items():
                self.stdout.write(f"  {key}: {value}")

    def run_child(self, backend, options):
        if options["kept"]:
            return self.run_kept(Path(options["kept"]) / backend, options)
        if options["keep"]:
            kept = Path(options["keep"]) / backend
            if kept.exists():
                raise CommandError(f"{kept} exists; give a new --keep folder")
            kept.mkdir(parents=True)
            try:
                return self.run_in(str(kept.resolve()), backend, options, keep=True)
            except BaseException:
                shutil.rmtree(kept, ignore_errors=True)  # nothing half-built is kept
                raise
        with tempfile.TemporaryDirectory(prefix="archive-bench-") as scratch:
            return self.run_in(scratch, backend, options, keep=False)

    def run_kept(self, kept, options):
        settings_file = kept / "env"
        if not settings_file.is_file():
            raise CommandError(f"{settings_file} not found: build one with --keep first")
        lines = settings_file.read_text().splitlines()
        env = {**production_like(), **dict(line.split("=", 1) for line in lines if "=" in line)}
        return self.run_process(env, options, "--measure-only")

    def run_process(self, env, options, *flags):
        """The child's result, with the wall time of the run."""
        command = [
            sys.executable,
            str(Path(settings.BASE_DIR) / "manage.py"),
            "benchmark",
            "--child",
            f"--docs={options['docs']}",
            f"--seed={options['seed']}",
            f"--repeat={options['repeat']}",
            *flags,
        ]
        started = time.monotonic()
        child = subprocess.run(command, env=env, capture_output=True, text=True)
        if child.returncode:
            name = env["ARCHIVE_SEARCH_BACKEND"]
            raise CommandError(f"{name} benchmark failed:\n{child.stderr[-3000:]}")
        result = json.loads(child.stdout.strip().splitlines()[-1])
        result["wall_s"] = round(time.monotonic() - started, 1)
        return result

    def run_in(self, scratch, backend, options, keep):
        env = {**production_like(), "ARCHIVE_VAR_DIR": scratch, "ARCHIVE_SEARCH_BACKEND": backend}
        env["ARCHIVE_INDEX_DIR"] = str(Path(scratch) / "index")
        database = None
        if backend == "postgres":
            database = f"archive_bench_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(POSTGRES_SERVER, autocommit=True) as connection:
                connection.execute(f'CREATE DATABASE "{database}"')
            env["DATABASE_URL"] = POSTGRES_SERVER.rsplit("/", 1)[0] + f"/{database}"
        else:
            env["DATABASE_URL"] = f"sqlite:///{Path(scratch) / 'bench.sqlite3'}"
        try:
            result = self.run_process(env, options)
            if keep:
                database = None  # kept, with its settings in `env`
                settings_of = ("ARCHIVE_VAR_DIR", "ARCHIVE_SEARCH_BACKEND", "ARCHIVE_INDEX_DIR")
                lines = [f"{name}={env[name]}" for name in (*settings_of, "DATABASE_URL")]
                (Path(scratch) / "env").write_text("\n".join(lines) + "\n")
            return result
        finally:
            if database:
                with psycopg.connect(POSTGRES_SERVER, autocommit=True) as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def production_like():
    """The child's settings as in production: with DEBUG on, Django keeps every query's SQL in
    memory."""
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "ARCHIVE_DEVTOOLS": "1",
        "DJANGO_SECRET_KEY": uuid.uuid4().hex * 2,
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }
