"""Many articles at once (loaders/batch.py, `chainkg extract --jobs`): the same documents, in the
same order, from one process or several."""

from __future__ import annotations

import json

import pytest

import chainkg.loaders.batch as batch
from chainkg.cli import main
from chainkg.loaders.articles import read_article, source_id
from chainkg.loaders.batch import ArticleJob, extract_many

from _paths import CORPUS

ARTICLES = sorted(CORPUS.glob("*.txt"))


def test_two_processes_give_the_documents_one_gives_in_the_input_order():
    jobs = [ArticleJob(read_article(path)[0], source_id(path)) for path in reversed(ARTICLES)]
    alone = extract_many(jobs, workers=1)
    spread = extract_many(jobs, workers=2)
    assert [d.source for d in spread] == [source_id(path) for path in reversed(ARTICLES)]
    assert [d.to_dict() for d in spread] == [d.to_dict() for d in alone]
    assert sum(len(d.relations) for d in spread) > 100  # real documents, not empty ones


def test_a_small_batch_stays_in_this_process_unless_told(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for a small batch")

    monkeypatch.setattr(batch, "ProcessPoolExecutor", no_pool)
    jobs = [ArticleJob("甲乙市引进丙丁物流、戊己包装等行业巨头。", "made-up")] * (batch.PARALLEL_FROM - 1)
    documents = extract_many(jobs)
    assert {e.name for e in documents[-1].entities if e.type == "Company"} == {"丙丁物流", "戊己包装"}
    with pytest.raises(AssertionError, match="a pool was started"):
        extract_many(jobs[:4], workers=2)


def test_the_cli_prints_the_same_json_at_any_number_of_jobs(capsys):
    folder = str(CORPUS)
    assert main(["extract", "--json", "--jobs", "1", folder]) == 0
    one = json.loads(capsys.readouterr().out)
    assert main(["extract", "--json", "--jobs", "2", folder]) == 0
    two = json.loads(capsys.readouterr().out)
    assert [d["source"] for d in two["documents"]] == [str(path) for path in ARTICLES]
    assert two == one


def test_jobs_must_be_a_positive_number(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--jobs", "0", str(ARTICLES[0])])
    assert "--jobs: not a positive whole number: '0'" in capsys.readouterr().err
