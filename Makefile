# Two commands a new user needs:  `make build`  (seed graph into out/)  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: build test lint setup system-deps clean neo4j-up neo4j-down notebook

$(BIN)/chainkg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

setup: $(BIN)/chainkg

build: $(BIN)/chainkg
	$(BIN)/chainkg build --out $(OUT)

# JupyterLab on notebooks/ (the optional `notebooks` extra), reading the build in out/ when there is one.
notebook: $(BIN)/chainkg
	$(BIN)/pip install --quiet -e '.[notebooks]'
	cd notebooks && ../$(BIN)/jupyter lab

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

# The whole check: lint (ruff + mypy on every package) and the test suite.
test: lint system-deps
	$(BIN)/python -m pytest

# ruff and mypy, both run whatever the other finds. mypy cannot read
# [tool.setuptools.package-dir] (chainkg.graph = graph/, ...), so the installed layout is
# rebuilt from that table as symlinks in build/mypy-layout and mypy checks it from there
# (see [tool.mypy] in pyproject.toml).
define MYPY_LAYOUT
import pathlib, shutil, tomllib
tree = pathlib.Path("build/mypy-layout")
shutil.rmtree(tree, ignore_errors=True)
mapping = tomllib.loads(pathlib.Path("pyproject.toml").read_text())["tool"]["setuptools"]["package-dir"]
for package, folder in sorted(mapping.items()):
    place = tree.joinpath(*package.split("."))
    if "." in package:  # a subpackage: its whole folder
        place.symlink_to(pathlib.Path(folder).resolve(), target_is_directory=True)
    else:  # the root package: its modules, beside the subpackages' links
        place.mkdir(parents=True)
        for module in pathlib.Path(folder).glob("*.py"):
            (place / module.name).symlink_to(module.resolve())
endef
export MYPY_LAYOUT

lint: $(BIN)/chainkg
	$(BIN)/python -c "$$MYPY_LAYOUT"
	status=0; $(BIN)/ruff check . || status=1; $(BIN)/mypy || status=1; exit $$status

# A throwaway local Neo4j 5.26 (from Maven Central, no Docker): prints its bolt URI.
neo4j-up: $(BIN)/chainkg
	$(BIN)/chainkg neo4j up

neo4j-down: $(BIN)/chainkg
	$(BIN)/chainkg neo4j down

clean:
	rm -rf $(OUT) .pytest_cache
