"""The rules of session 12's round on articles nobody here had read (issue 11). Made-up names."""

from chainkg.loaders.extract import extract_text


def _projects(text):
    return sorted(e.name for e in extract_text(text, source="made-up").entities if e.type == "Project")


def test_a_conjunction_inside_a_word_or_after_a_bare_place_parts_no_list():
    """碳中和's 和 is part of a word; 厦门和戊 is one firm's name (a place alone is no item)."""
    text = "丙丁卫浴项目、甲乙碳中和示范区项目、厦门和戊卫浴项目等一批项目落地庚辛开发区。"
    assert _projects(text) == ["丙丁卫浴项目", "厦门和戊卫浴项目", "甲乙碳中和示范区项目"]


def test_a_conjunction_before_a_named_item_still_parts_the_list():
    text = "丙丁卫浴项目、甲乙精密项目和戊己模具项目等一批项目落地庚辛开发区。"
    assert _projects(text) == ["丙丁卫浴项目", "戊己模具项目", "甲乙精密项目"]
