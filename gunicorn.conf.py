"""gunicorn for the archive: `gunicorn archive.wsgi` (reads this file from the working directory).

Workers are processes: each keeps one Whoosh searcher; with several web servers use
ARCHIVE_SEARCH_BACKEND=postgres. Workers are recycled now and then to keep memory flat.
Sync workers serve one request at a time, so a slow client would hold one: they must sit behind
a buffering proxy (nginx), as the README's Production section says.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 8)))
# Sync workers: a worker recycled by max_requests finishes its request and drops none.
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = 30
graceful_timeout = 30
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# Request lines and headers past these are refused (400) before Django sees them; bodies are
# limited by Django (archive.middleware) and by the proxy.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
