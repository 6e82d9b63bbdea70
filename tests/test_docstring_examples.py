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

MODULES = [
    name
    for package in (chainkg, chainkg.analyses, chainkg.graph, chainkg.loaders, chainkg.ontology, chainkg.reports)
    for _, name, is_package in pkgutil.iter_modules(package.__path__, package.__name__ + ".")
    if not is_package
]


def test_every_stage_is_covered():
    assert len(MODULES) > 30 and "chainkg.analyses.gaps" in MODULES and "chainkg.loaders.extract" in MODULES


@pytest.mark.parametrize("name", sorted(set(MODULES)))
def test_docstring_examples(name):
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_the_analyses_have_runnable_examples():
    from chainkg.analyses import attraction_candidates, chain_gaps, leading_enterprises

    for function in (chain_gaps, leading_enterprises):
        assert ">>>" in function.__doc__
    assert ">>>" in importlib.import_module("chainkg.analyses.candidates").__doc__
    assert attraction_candidates.__doc__
