"""Write the downloadable dataset of the whole archive: one CSV table per record type, a JSON
dump of the same tables, a README of the columns and the licence, in one zip file.

Rows are streamed into the zip a chunk at a time, so the archive's size does not matter.
"""

import json
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from archive.exports import TABLES, csv_stream

PROGRESS_EVERY = 10_000


def readme(counts, generated):
    lines = [
        "# Lưu trữ báo cáo công tác quốc phòng địa phương — dataset",
        "",
        f"Generated {generated}. Tables in `csv/` (UTF-8 with a byte-order mark, so Excel "
        "shows Vietnamese correctly) and the same rows in `archive.json`",
        '(`{"generated": …, "licence": …, "tables": {"events": [ … ], …}}`).',
        "Several values in one cell are separated by ` | `; addresses are paths of the site.",
        "",
        "## Licence",
        "",
        settings.ARCHIVE_DATASET_LICENCE,
        "",
    ]
    for table in TABLES.values():
        lines += [f"## {table.name} ({counts[table.name]} rows)", "", table.description, ""]
        lines += ["| column | meaning |", "| --- | --- |"]
        lines += [f"| `{c.name}` | {c.description} |" for c in table.columns]
        lines.append("")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Write the whole archive as a dataset: CSV tables, a JSON dump, README and licence."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", default="archive-dataset.zip", help="Zip to write.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the rows of each table; write nothing."
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        if options["dry_run"]:
            for table in TABLES.values():
                self.stdout.write(f"{table.name}: {table.queryset().count()} rows")
            return
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"No such directory: {output.parent}")
        generated = timezone.now().isoformat(timespec="seconds")
        partial = output.with_name(output.name + ".partial")
        counts = {}
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            for table in TABLES.values():
                counts[table.name] = self.write_csv(bundle, table)
            self.write_json(bundle, generated)
            bundle.writestr("README.md", readme(counts, generated))
            bundle.writestr("LICENCE.txt", settings.ARCHIVE_DATASET_LICENCE + "\n")
        partial.replace(output)  # a reader never sees half a dataset
        total = sum(counts.values())
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {output}: {total} rows in {len(counts)} tables.")
        )

    def progress(self, rows, table):
        for n, row in enumerate(rows, 1):
            if self.verbosity >= 1 and n % PROGRESS_EVERY == 0:
                self.stdout.write(f"  {table.name}: {n} rows…")
            yield row

    def write_csv(self, bundle, table):
        columns = [c.name for c in table.columns]
        count = 0

        def counted():
            nonlocal count
            for row in self.progress(table.rows(), table):
                count += 1
                yield row

        with bundle.open(f"csv/{table.name}.csv", "w") as out:
            for piece in csv_stream(columns, counted()):
                out.write(piece.encode("utf-8"))
        if self.verbosity >= 1:
            self.stdout.write(f"{table.name}: {count} rows")
        return count

    def write_json(self, bundle, generated):
        with bundle.open("archive.json", "w") as out:
            head = {"generated": generated, "licence": settings.ARCHIVE_DATASET_LICENCE}
            out.write((json.dumps(head, ensure_ascii=False)[:-1] + ', "tables": {').encode())
            for index, table in enumerate(TABLES.values()):
                out.write(f'{", " if index else ""}"{table.name}": ['.encode())
                for n, row in enumerate(table.rows()):
                    text = ("" if n == 0 else ",\n") + json.dumps(row, ensure_ascii=False)
                    out.write(text.encode("utf-8"))
                out.write(b"]")
            out.write(b"}}\n")
