# Lantoa: `make demo` serves the platform on http://127.0.0.1:8000; `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
PG_URL ?= postgres://postgres@127.0.0.1:5432/lantoa
DEMO_ENV := DEBUG=true
DATASETS ?= ../shared/datasets

.PHONY: demo test lint typecheck pytest pytest-sqlite pytest-postgres worker bench models browser-deps clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Cần Python 3.11 ($(PYTHON)) để cài Lantoa." >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

demo: $(STAMP)
	$(DEMO_ENV) $(BIN)/lantoa migrate --verbosity 1
	$(DEMO_ENV) $(BIN)/lantoa train-demo
	$(DEMO_ENV) $(BIN)/lantoa seed-demo
	$(DEMO_ENV) $(BIN)/lantoa createadmin --username admin --password lantoa-demo
	@echo "Lantoa đang chạy tại http://127.0.0.1:8000 — đăng nhập: admin / lantoa-demo (Ctrl+C để dừng)"
	$(DEMO_ENV) $(BIN)/lantoa run 127.0.0.1:8000

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	DEBUG=true $(BIN)/mypy lantoa bench

pytest: pytest-sqlite pytest-postgres

pytest-sqlite: $(STAMP)
	$(BIN)/pytest

# The database tests again on PostgreSQL. Outside CI a missing server is reported and skipped.
pytest-postgres: $(STAMP)
	@if $(BIN)/python -m lantoa.config.probe_database "$(PG_URL)"; then \
		DATABASE_URL="$(PG_URL)" $(BIN)/pytest -m db -p no:cacheprovider; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL không truy cập được tại $(PG_URL): bắt buộc trong CI." >&2; exit 1; \
	else \
		echo "Bỏ qua kiểm thử PostgreSQL: không truy cập được $(PG_URL)." >&2; \
	fi

worker: $(STAMP)
	@test -n "$$CELERY_BROKER_URL" || { echo "Đặt CELERY_BROKER_URL, ví dụ redis://127.0.0.1:6379/0" >&2; exit 1; }
	$(BIN)/celery -A lantoa worker --loglevel=INFO

bench: $(STAMP)
	DEBUG=true $(BIN)/python -m bench

models: $(STAMP)
	DEBUG=true $(BIN)/lantoa train-all --datasets $(DATASETS)

# Debian's Chromium for the browser tests (Playwright drives it through executable_path).
browser-deps:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
