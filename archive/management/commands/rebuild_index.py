"""Rebuild the search index from the database; the old index answers until the new one is done."""

import os
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from archive.search import BACKENDS, get_backend
from archive.search.indexing import all_documents, count_documents


class Command(BaseCommand):
    help = "Rebuild the whole search index atomically from the database."

    def add_arguments(self, parser):
        parser.add_argument("--backend", choices=BACKENDS, help="Default: ARCHIVE_SEARCH_BACKEND.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the documents; build nothing."
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="Processes that build the documents while this one writes the index "
            "(1: all here). Default: CPUs.",
        )

    def handle(self, *args, **options):
        if options["jobs"] < 1:
            raise CommandError("--jobs must be at least 1")
        total = count_documents()
        backend = get_backend(options["backend"])
        if options["dry_run"]:
            self.stdout.write(f"Would index {total} documents with {backend.name}.")
            return
        started = time.monotonic()
        show = sys.stderr.isatty() and options["verbosity"] >= 1

        def progress(count):
            if show and (count % 200 == 0 or count == total):
                self.stderr.write(f"\r{count}/{total} documents", ending="")

        count = backend.rebuild(all_documents(options["jobs"]), progress=progress)
        if show:
            self.stderr.write("")
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} documents with {backend.name} in {seconds:.1f} s.")
        )
