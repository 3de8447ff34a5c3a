"""A bounded load run against a running server: N users for S seconds; errors and memory."""

import json
import random
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from devtools.benchmarking import percentile

QUERIES = ["quoc phong", "Nguyễn Đăng Bình", '"khu vực phòng thủ"', "UBND", "21/2019", "dang binh"]
PATHS = ["/", "/events/", "/years/", "/people/", "/organisations/", "/awards/"]


def rss_mb(pid):
    """Resident memory in MB of a process and its children (gunicorn's workers): (total,
    largest process, largest process's anonymous part). The rest of a process's resident memory
    is mapped files (Whoosh maps its index), shared between workers and given back on demand."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        if int(fields.get("Pid", 0)) == pid or int(fields.get("PPid", 0)) == pid:
            rss, anon = (int(fields.get(k, "0 kB").split()[0]) / 1024 for k in ("VmRSS", "RssAnon"))
            sizes.append((rss, anon))
    if not sizes:
        return None, None, None
    return (
        round(sum(rss for rss, _ in sizes), 1),
        round(max(rss for rss, _ in sizes), 1),
        round(max(anon for _, anon in sizes), 1),
    )


def summary(latencies):
    return {
        f"p{round(fraction * 100)}_ms": percentile(latencies, fraction, digits=1)
        for fraction in (0.5, 0.95, 0.99)
    }


class Command(BaseCommand):
    help = "Load a running archive with simulated users and report errors, latency and memory."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000")
        parser.add_argument("--users", type=int, default=20)
        parser.add_argument("--seconds", type=int, default=300)
        parser.add_argument("--server-pid", type=int, help="Sample this process's memory.")
        parser.add_argument("--format", choices=["json", "text"], default="text")
        parser.add_argument(
            "--path",
            action="append",
            dest="paths",
            help="Request only these paths (repeatable), each reported on its own; "
            "default: a mix of searches and browsing pages.",
        )

    def handle(self, *args, **options):
        deadline = time.monotonic() + options["seconds"]
        stats = {"requests": 0, "errors": 0, "latencies": {}, "samples": []}
        lock = threading.Lock()
        memory = []

        def user():
            rng = random.Random()
            while time.monotonic() < deadline:
                if options["paths"]:
                    path = label = rng.choice(options["paths"])
                elif rng.random() < 0.5:
                    path = "/search/?q=" + urllib.request.quote(rng.choice(QUERIES))
                    label = "/search/"
                else:
                    path = label = rng.choice(PATHS)
                started = time.perf_counter()
                failure = None
                try:
                    with urllib.request.urlopen(options["url"] + path, timeout=30) as response:
                        response.read()
                except urllib.error.HTTPError as error:
                    failure = f"{error.code} {path}" if error.code >= 500 else None
                except Exception as error:  # a refused connection, a bad URL: all failures
                    failure = f"{error!r} {path}"
                with lock:
                    stats["requests"] += 1
                    stats["errors"] += bool(failure)
                    if failure and len(stats["samples"]) < 5:
                        stats["samples"].append(failure)
                    stats["latencies"].setdefault(label, []).append(time.perf_counter() - started)

        threads = [threading.Thread(target=user, daemon=True) for _ in range(options["users"])]
        for thread in threads:
            thread.start()
        while any(t.is_alive() for t in threads):
            if options["server_pid"]:
                memory.append(rss_mb(options["server_pid"]))
            time.sleep(5)
        elapsed = options["seconds"]
        latencies = [t for times in stats["latencies"].values() for t in times]
        report = {
            "requests": stats["requests"],
            "errors": stats["errors"],
            "requests_per_s": round(stats["requests"] / elapsed, 1),
            **summary(latencies),
            "by_path": {
                label: {
                    "requests": len(times),
                    "requests_per_s": round(len(times) / elapsed, 1),
                    **summary(times),
                }
                for label, times in sorted(stats["latencies"].items())
            },
            "rss_mb_first": memory[0][0] if memory else None,
            "rss_mb_last": memory[-1][0] if memory else None,
            "rss_mb_max": max((sample[0] for sample in memory if sample[0]), default=None),
            "rss_mb_max_one_process": max((s[1] for s in memory if s[1]), default=None),
            "anonymous_mb_max_one_process": max((s[2] for s in memory if s[2]), default=None),
            "error_samples": stats["samples"],
        }
        if options["format"] == "json":
            self.stdout.write(json.dumps(report))
        else:
            self.stdout.write(", ".join(f"{k}={v}" for k, v in report.items()))
        if stats["errors"]:
            raise CommandError(f"{stats['errors']} requests failed")
