"""Compare the search index with the database: documents missing, stale or left over."""

from django.core.management.base import BaseCommand, CommandError

from archive.search import BACKENDS, get_backend
from archive.search.indexing import all_documents


class Command(BaseCommand):
    help = "Report documents missing from the search index or stale in it; non-zero exit if any."

    def add_arguments(self, parser):
        parser.add_argument("--backend", choices=BACKENDS, help="Default: ARCHIVE_SEARCH_BACKEND.")

    def handle(self, *args, **options):
        backend = get_backend(options["backend"])
        indexed = backend.fingerprints()
        missing, stale = [], []
        expected = set()
        for document in all_documents():
            expected.add(document.doc_id)
            if document.doc_id not in indexed:
                missing.append(document.doc_id)
            elif indexed[document.doc_id] != document.fingerprint:
                stale.append(document.doc_id)
        orphans = sorted(set(indexed) - expected)
        for label, ids in (
            ("missing", missing),
            ("stale", stale),
            ("not in the database", orphans),
        ):
            for doc_id in ids[:50]:
                self.stdout.write(f"{label}: {doc_id}")
        summary = (
            f"{len(expected)} documents: {len(missing)} missing, {len(stale)} stale, "
            f"{len(orphans)} left over ({backend.name})"
        )
        if missing or stale or orphans:
            raise CommandError(summary + ". Run rebuild_index.")
        self.stdout.write(self.style.SUCCESS(summary + "."))
