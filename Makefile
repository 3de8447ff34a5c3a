# The documented commands: `make run` serves the archive, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres
HOST ?= 127.0.0.1:8000

export DJANGO_DEBUG ?= 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: soak loadrun install rum browser run test test-sqlite test-postgres lint format setup fixtures messages accuracy clean

install: $(STAMP) rum

# Debian's RUM extension, with which the PostgreSQL backend ranks only a broad query's nearest
# matches (migration 0010): as root, where PostgreSQL 15 runs on this machine; otherwise the
# backend ranks every match, as it does without it.
RUM_CONTROL := /usr/share/postgresql/15/extension/rum.control
rum:
	@if [ ! -f $(RUM_CONTROL) ] && [ -d /usr/lib/postgresql/15 ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-15-rum || \
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-15-rum; } || \
		echo "postgresql-15-rum not installed: PostgreSQL search ranks every match"; \
	fi

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Migrations, the reviewed archive fixture and the search index; safe to run again.
setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_archive
	$(BIN)/python manage.py rebuild_index

run: setup
	$(BIN)/python manage.py runserver $(HOST)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Debian's Chromium for the browser tests (as root; no browser is ever downloaded by a tool).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

# axe-core for the accessibility checks of the browser tests, from the npm registry.
AXE := var/node/node_modules/axe-core/axe.min.js
$(AXE):
	npm install --prefix var/node --no-save --no-audit --no-fund axe-core@4

browser: $(CHROMIUM) $(AXE)

test: lint browser test-sqlite test-postgres

test-sqlite: install
	@echo "== makemigrations --check (SQLite)"
	$(BIN)/python manage.py makemigrations --check --dry-run
	@echo "== test suite on SQLite"
	$(BIN)/pytest

test-postgres: install
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect(sys.argv[1], connect_timeout=5).close()" "$(PG_URL)" 2>/dev/null; then \
		echo "== makemigrations --check (PostgreSQL)" && \
		DATABASE_URL="$(PG_URL)" $(BIN)/python manage.py makemigrations --check --dry-run && \
		echo "== test suite on PostgreSQL ($(PG_URL))" && \
		DATABASE_URL="$(PG_URL)" $(BIN)/pytest; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL is unreachable at $(PG_URL) and CI=true: failing the run."; exit 1; \
	else \
		echo "SKIPPED the PostgreSQL half: no PostgreSQL answers at $(PG_URL) (set CI=true to make this an error)."; \
	fi

# Regenerate the reviewed fixture from fixtures/articles (review the diff before committing).
fixtures: install
	rm -rf var/fixtures-build
	ARCHIVE_VAR_DIR=var/fixtures-build $(BIN)/python manage.py migrate --noinput -v 0
	ARCHIVE_VAR_DIR=var/fixtures-build $(BIN)/python manage.py ingest fixtures/articles
	ARCHIVE_VAR_DIR=var/fixtures-build $(BIN)/python manage.py export_archive --reviewed-fixture -o fixtures/archive.json
	rm -rf var/fixtures-build

# Update the Vietnamese translations after changing user-facing text (needs GNU gettext).
messages: install
	$(BIN)/python manage.py makemessages -l vi --ignore=.venv --ignore=var --ignore=tests
	cd archive && ../$(BIN)/python ../manage.py compilemessages -l vi

# The real corpus (excerpts of public news pages) lives outside the project, beside the worktree.
REAL_CORPUS ?= ../shared/corpus/real
accuracy: install
	$(BIN)/python -m devtools.accuracy --texts fixtures/articles tests/ingest/expected
	$(BIN)/python -m devtools.accuracy tests/ingest/samples tests/ingest/heldout
	@if [ -d "$(REAL_CORPUS)" ]; then \
		$(BIN)/python -m devtools.accuracy --texts "$(REAL_CORPUS)" tests/ingest/real; \
	else \
		echo "SKIPPED the real corpus: not found at $(REAL_CORPUS)"; \
	fi

clean:
	rm -rf $(VENV) var

# A bounded soak run: gunicorn on 127.0.0.1:8001 and 20 simulated users for 5 minutes.
SOAK_SECONDS ?= 300
soak: setup
	$(BIN)/gunicorn archive.wsgi --config gunicorn.conf.py --bind 127.0.0.1:8001 --workers 3 --pid var/soak.pid --daemon
	sleep 3
	$(BIN)/python manage.py soak --url http://127.0.0.1:8001 --users 20 --seconds $(SOAK_SECONDS) --server-pid $$(cat var/soak.pid); status=$$?; kill $$(cat var/soak.pid); exit $$status

# The load run at scale: gunicorn (3 workers) on 127.0.0.1:8002 serving an archive that
# `benchmark --keep` built (LOAD_DOCS synthetic reports, LOAD_BACKEND), with DEBUG off, and 20
# users for LOAD_SECONDS on a faceted search page, a name search and an event page. The archive
# is built first if var/load-<docs>/<backend> does not exist yet (that is a full benchmark run).
LOAD_DOCS ?= 100000
LOAD_SECONDS ?= 120
LOAD_BACKEND ?= tantivy
LOAD_DIR := var/load-$(LOAD_DOCS)
LOAD_ENV := set -a && . $(LOAD_DIR)/$(LOAD_BACKEND)/env && set +a && export DJANGO_DEBUG=0 ARCHIVE_DEVTOOLS=1 DJANGO_SECRET_KEY=load-run-only-$$$$-not-a-secret-key-xxxxxxxxxxxxxxxxxxxxxxxx DJANGO_ALLOWED_HOSTS=127.0.0.1
loadrun: install
	test -f $(LOAD_DIR)/$(LOAD_BACKEND)/env || $(BIN)/python manage.py benchmark --docs $(LOAD_DOCS) --backend $(LOAD_BACKEND) --repeat 5 --keep $(LOAD_DIR)
	$(LOAD_ENV) && $(BIN)/gunicorn archive.wsgi --config gunicorn.conf.py --bind 127.0.0.1:8002 --workers 3 --pid $(LOAD_DIR)/gunicorn.pid --daemon --access-logfile /dev/null
	sleep 5
	$(LOAD_ENV) && set -- $$($(BIN)/python manage.py shell -v 0 -c "from archive.models import Event; e = Event.objects.order_by('pk')[Event.objects.count() // 2]; print(e.get_absolute_url(), e.date_held.year)") && event=$$1 && year=$$2 && \
	$(BIN)/python manage.py soak --url http://127.0.0.1:8002 --users 20 --seconds $(LOAD_SECONDS) --server-pid $$(cat $(LOAD_DIR)/gunicorn.pid) --format json \
		--path "/search/?q=qu%E1%BB%91c+ph%C3%B2ng&type=event&year=$$year" --path "/search/?q=ch%E1%BB%89+huy+tr%C6%B0%E1%BB%9Fng" --path "$$event"; \
	status=$$?; kill $$(cat $(LOAD_DIR)/gunicorn.pid); exit $$status
