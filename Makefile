# Every target prints what it does with `make help`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
# In parallel, one pytest-xdist worker per core, each with its own test database, Redis
# database and live server. `make test PYTEST_ARGS=-n0` runs in one process.
PYTEST_ARGS ?= -n auto

.DEFAULT_GOAL := help
.PHONY: help run test install install-test frontend lint lock migrations-check messages bench lighthouse e2e clean

help: ## List the targets with a line of help each
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 not found as '$(PYTHON)'; run: make PYTHON=python3 ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(PY) ## Create .venv and install the site's dependencies
	$(BIN)/pip install --quiet -c constraints.txt -e .
	@$(MAKE) --no-print-directory frontend

install-test: $(PY) ## Create .venv and install dependencies with the test extras
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	@$(MAKE) --no-print-directory frontend

frontend: ## Install the front-end packages (jsQR, the tablets' camera decoder) when npm is present
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: tablets will read QR codes only where the browser has BarcodeDetector (typed codes always work)."; fi

run: install ## Set up the demo site on SQLite, start the task worker and serve http://127.0.0.1:8000/
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@# The background worker (ballot PDFs, exports, e-mails) and the scheduled-publishing loop
	@# live and die with the server.
	$(PY) manage.py db_worker & worker=$$!; \
	$(PY) manage.py publish_scheduled_loop & publisher=$$!; \
	trap 'kill $$worker $$publisher 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install-test ## Install with test extras and run the whole suite: the tablet's JS unit tests (Node), then pytest (browser tests included)
	@if command -v npm >/dev/null 2>&1; then npm test --silent; \
	elif [ "$$CI" = true ]; then echo "CI needs Node.js for the tablet's unit tests"; exit 1; \
	else echo "npm not found: the tablet's JS unit tests are skipped (CI runs them)."; fi
	$(BIN)/pytest $(PYTEST_ARGS)

e2e: install-test ## Run only the real-browser tests
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

lint: install-test ## ruff, import layers, mypy, ESLint, Django's system checks and the migrations check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	npm run --silent lint
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

lock: install-test ## Rewrite constraints.txt from the installed packages (after changing pyproject.toml)
	@{ head -3 constraints.txt; $(BIN)/pip freeze --exclude-editable | grep -v '^liepaja'; } > constraints.new && mv constraints.new constraints.txt

migrations-check: install-test ## Fail if a model change has no migration
	$(PY) manage.py makemigrations --check --dry-run

messages: install-test ## Update every app's lv catalogue and compile it (needs gettext)
	for dir in campaign base home stories materials mock_elections ballots voting results editorial_admin; do \
		(cd $$dir && ../$(PY) ../manage.py makemessages -l lv --no-obsolete --ignore='tests/*' --ignore='wagtail_lv/*' && \
		 if [ -d static ]; then ../$(PY) ../manage.py makemessages -d djangojs -l lv --no-obsolete --ignore='tests/*'; fi); \
	done
	$(PY) manage.py build_admin_catalogue
	$(PY) manage.py compilemessages --ignore='.venv/*' --ignore='node_modules/*'

bench: install-test ## Run the benchmarks in bench/ and print their figures
	$(PY) -m bench

lighthouse: install-test ## Lighthouse mobile on the production server (home, story, results)
	npm ci --prefix bench/lighthouse --no-audit --no-fund
	$(PY) -m bench lighthouse

clean: ## Remove the virtual environment, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles media node_modules
