"""Write N synthetic reports as files, for `ingest` and for load runs at scale."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from devtools.synthetic import generate


class Command(BaseCommand):
    help = "Write N deterministic synthetic reports of the genre as .txt files into a folder."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("folder")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, **options):
        if options["count"] < 1:
            raise CommandError("count must be at least 1")
        folder = Path(options["folder"])
        if folder.exists() and any(folder.iterdir()):
            raise CommandError(f"{folder} is not empty; give a new folder")
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in generate(options["count"], seed=options["seed"]):
            (folder / name).write_text(text, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"{options['count']} reports written to {folder}"))
