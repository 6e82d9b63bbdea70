# Two commands a new user needs:  `make build`  (seed graph into out/)  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: build test setup system-deps clean neo4j-up neo4j-down

$(BIN)/chainkg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

setup: $(BIN)/chainkg

build: $(BIN)/chainkg
	$(BIN)/chainkg build --out $(OUT)

# What the tests need from Debian: Java 17 + Maven (the Neo4j server, fetched from Maven
# Central), Chromium and CJK fonts (the report tests). Installed only when missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
system-deps:
	@missing=""; \
	command -v java >/dev/null 2>&1 || missing="$$missing openjdk-17-jre-headless"; \
	command -v mvn >/dev/null 2>&1 || missing="$$missing maven"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	fc-list 2>/dev/null | grep -qi "noto sans cjk" || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

test: $(BIN)/chainkg system-deps
	$(BIN)/python -m pytest

# A throwaway local Neo4j 5.26 (from Maven Central, no Docker): prints its bolt URI.
neo4j-up: $(BIN)/chainkg
	$(BIN)/chainkg neo4j up

neo4j-down: $(BIN)/chainkg
	$(BIN)/chainkg neo4j down

clean:
	rm -rf $(OUT) .pytest_cache
