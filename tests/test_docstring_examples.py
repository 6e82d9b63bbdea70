"""Every docstring example in the package runs (the analyses' runnable examples among them)."""

import doctest
import importlib
import pkgutil

import pytest

import chainkg
import chainkg.analyses
import chainkg.graph
import chainkg.loaders
import chainkg.ontology
import chainkg.reports
from chainkg.analyses import attraction_candidates, chain_gaps, leading_enterprises

MODULES = [
    name
    for package in (chainkg, chainkg.analyses, chainkg.graph, chainkg.loaders, chainkg.ontology, chainkg.reports)
    for _, name, is_package in pkgutil.iter_modules(package.__path__, package.__name__ + ".")
    if not is_package
]

#: Modules with no example that runs here (none, or only ones that need a live server and are
#: skipped). They are left out of the doctest cases, where they could only pass; give one an
#: example and move it in (test_modules_without_examples_really_have_none says when).
WITHOUT_EXAMPLES = {
    "chainkg.cli",                  # the command line: tests/test_cli.py runs it
    "chainkg.ontology.terms",       # names; tests/test_ontology.py checks them against the Turtle
}


def runnable_examples(module) -> int:
    """Examples doctest would run in ``module`` (those marked +SKIP do not count)."""
    return sum(1 for test in doctest.DocTestFinder().find(module) for example in test.examples
               if not example.options.get(doctest.SKIP))


def test_every_stage_is_covered():
    assert len(MODULES) > 30 and "chainkg.analyses.gaps" in MODULES and "chainkg.loaders.extract" in MODULES
    assert WITHOUT_EXAMPLES <= set(MODULES)


@pytest.mark.parametrize("name", sorted(set(MODULES) - WITHOUT_EXAMPLES))
def test_docstring_examples(name):
    module = importlib.import_module(name)
    failures, attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert attempted > 0, f"{name} has no runnable example: give it one (or list it in WITHOUT_EXAMPLES)"
    assert failures == 0


@pytest.mark.parametrize("name", sorted(WITHOUT_EXAMPLES))
def test_modules_without_examples_really_have_none(name):
    assert runnable_examples(importlib.import_module(name)) == 0, \
        f"{name} has runnable examples now: remove it from WITHOUT_EXAMPLES so they run"


@pytest.mark.parametrize("function", [chain_gaps, leading_enterprises, attraction_candidates],
                         ids=lambda function: function.__name__)
def test_each_analysis_has_a_runnable_example_that_calls_it(function):
    """A planner reading an analysis finds, in its docstring or its module's, a call that runs."""
    module = importlib.import_module(function.__module__)
    tests = [test for test in doctest.DocTestFinder().find(module)
             if test.name in (module.__name__, f"{module.__name__}.{function.__name__}")]
    assert any(f"{function.__name__}(" in example.source for test in tests for example in test.examples)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    results = [runner.run(test) for test in tests]
    assert sum(r.attempted for r in results) > 0 and sum(r.failed for r in results) == 0
