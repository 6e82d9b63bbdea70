# Two commands a new user needs:  `make build`  (seed graph into out/)  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: build test setup clean neo4j-up neo4j-down

$(BIN)/chainkg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

setup: $(BIN)/chainkg

build: $(BIN)/chainkg
	$(BIN)/chainkg build --out $(OUT)

test: $(BIN)/chainkg
	$(BIN)/python -m pytest

# A throwaway local Neo4j 5.26 (from Maven Central, no Docker): prints its bolt URI.
neo4j-up: $(BIN)/chainkg
	$(BIN)/chainkg neo4j up

neo4j-down: $(BIN)/chainkg
	$(BIN)/chainkg neo4j down

clean:
	rm -rf $(OUT) .pytest_cache
