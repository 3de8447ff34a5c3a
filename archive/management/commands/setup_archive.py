"""First-run setup for `make run`: load the reviewed fixture into an empty archive."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from archive.models import Article

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "archive.json"


class Command(BaseCommand):
    help = (
        "Load fixtures/archive.json when the archive is empty. An archive that already holds "
        "articles is left as it is, so editors' work is never overwritten by the fixture."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say what would be done.")

    def handle(self, *args, **options):
        existing = Article.objects.count()
        if existing:
            self.stdout.write(f"The archive holds {existing} articles; the fixture is not loaded.")
            return
        if options["dry_run"]:
            self.stdout.write(f"Would load {FIXTURE.name} into the empty archive.")
            return
        call_command("loaddata", str(FIXTURE), verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Loaded {FIXTURE.name}: {Article.objects.count()} articles.")
        )
