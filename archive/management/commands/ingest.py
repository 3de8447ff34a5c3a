"""Load article files into the archive: a batch of articles per transaction, idempotent."""

import json
import os
import sys
from contextlib import nullcontext

from django.core.management.base import BaseCommand, CommandError

from archive.ingest.loader import FAILED, NEW, UNCHANGED, UPDATED
from archive.ingest.pipeline import BATCH, ingest_path, ingest_paths
from archive.ingest.source import iter_paths
from archive.models.base import refresh_statistics
from archive.search.indexing import deferred


class Command(BaseCommand):
    help = (
        "Ingest article files or folders of .txt files, in batches of one transaction each (a "
        "batch the database refuses is retried file by file); a second run changes nothing; "
        "fields edited by hand are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--format", choices=["json", "text"], default="text")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )
        parser.add_argument(
            "--batch-size", type=int, default=BATCH, help="Articles per transaction."
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="Processes that parse while this one writes, and that build the index's "
            "documents if it is rebuilt at the end (0: all here). Default: CPUs.",
        )

    def handle(self, *args, **options):
        paths = options["paths"]
        files = list(iter_paths(paths))
        results = []
        show_progress = options["format"] == "text" and sys.stdout.isatty()
        # The index is written once, after the last batch (a dry run writes nothing at all).
        workers = max(options["jobs"], 1)
        with nullcontext() if options["dry_run"] else deferred(workers):
            for index, result in enumerate(self.outcomes(files, options), start=1):
                results.append(result)
                if options["format"] == "text":
                    self.report(result, options["verbosity"])
                if show_progress:
                    self.stderr.write(f"\r{index}/{len(files)}", ending="")
        if show_progress:
            self.stderr.write("")
        written = sum(r.status in (NEW, UPDATED) for r in results)
        if written >= options["batch_size"] and not options["dry_run"]:
            refresh_statistics()
        if options["format"] == "json":
            self.stdout.write(
                json.dumps({"files": [r.as_dict() for r in results]}, ensure_ascii=False, indent=2)
            )
        else:
            self.summary(results, options["dry_run"])
        failed = sum(r.status == FAILED for r in results)
        if failed:
            raise CommandError(f"{failed} of {len(results)} files failed")

    def outcomes(self, files, options):
        if options["dry_run"]:
            return (ingest_path(path, dry_run=True) for path in files)
        if options["batch_size"] < 1 or options["jobs"] < 0:
            raise CommandError("--batch-size must be at least 1 and --jobs at least 0")
        # Parsing in other processes pays off only past a batch, and stdin is read here.
        parallel = len(files) > options["batch_size"] and "-" not in map(str, files)
        jobs = options["jobs"] if parallel else 0
        return ingest_paths(files, batch_size=options["batch_size"], workers=jobs)

    def report(self, result, verbosity):
        if result.status == FAILED:
            self.stderr.write(self.style.ERROR(f"{result.file}: {result.error}"))
        elif verbosity >= 2 or (verbosity >= 1 and result.status != UNCHANGED):
            self.stdout.write(f"{result.file}: {result.status}")

    def summary(self, results, dry_run):
        counts = {s: sum(r.status == s for r in results) for s in (NEW, UPDATED, UNCHANGED, FAILED)}
        line = ", ".join(f"{n} {status}" for status, n in counts.items())
        prefix = "Dry run, nothing written: " if dry_run else ""
        style = self.style.ERROR if counts[FAILED] else self.style.SUCCESS
        self.stdout.write(style(f"{prefix}{len(results)} files: {line}"))
