"""Normalization of annotated traditional text, with offsets back to the original."""

from hypothesis import given, settings
from hypothesis import strategies as st

from chainkg.loaders.text import normalize_annotated_text, normalize_article, sentence_spans, to_simplified


def test_pinyin_annotations_are_removed_and_real_parentheticals_kept():
    text = normalize_annotated_text("豐澤區(qū)依托先進(jìn)制造研究院(原哈工大研究院)孵化")
    assert text.text == "丰泽区依托先进制造研究院(原哈工大研究院)孵化"


def test_annotation_with_a_stray_space_is_removed():
    assert normalize_annotated_text("創(chuàng )新").text == "创新"


def test_list_parenthetical_of_place_kinds_is_kept():
    assert normalize_annotated_text("各縣(市、區(qū))政府").text == "各县(市、区)政府"


def test_corrupted_annotation_is_removed():
    assert normalize_annotated_text("請?jiān)?0日").text == "请?0日"


def test_offsets_point_back_into_the_original():
    original = "南安芯谷半導(dǎo)體科技產(chǎn)業(yè)港"
    text = normalize_annotated_text(original)
    start = text.text.index("科技")
    begin, end = text.original_span(start, start + 2)
    assert original[begin:end] == "科技"


def test_seed_sentence_maps_back_to_its_original_span(seed_text):
    text = normalize_annotated_text(seed_text)
    start = text.text.index("中国机械总院海西分院")
    begin, end = text.original_span(start, start + len("中国机械总院海西分院"))
    assert to_simplified(normalize_annotated_text(seed_text[begin:end]).text) == "中国机械总院海西分院"


def test_sentences_split_at_full_stops_and_semicolons_not_at_mojibake_question_marks():
    assert sentence_spans("甲?乙;丙。丁") == [(0, 4), (4, 6), (6, 7)]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalization_never_raises_keeps_offsets_valid_and_is_idempotent(original):
    text = normalize_annotated_text(original)
    assert len(text.offsets) == len(text.text)
    assert all(0 <= o < len(original) for o in text.offsets)
    assert list(text.offsets) == sorted(set(text.offsets))
    assert normalize_annotated_text(text.text).text == text.text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["質", "(zhì)", "(原哈工大研究院)", "區", "(qū)", "?shù)", " ", "A", "(", ")"]), max_size=30))
def test_annotation_heavy_text_round_trips_offsets(parts):
    original = "".join(parts)
    text = normalize_annotated_text(original)
    for i, ch in enumerate(text.text):
        source = original[text.offsets[i]]
        assert to_simplified(source) == ch or source == ch


def test_a_box_drawing_table_keeps_one_line_per_row_with_its_rules_as_cell_delimiters():
    original = "┌───┬──────┐\n│ 1 │ 甲乙项目 │\n├───┼──────┤\n│   │ (二)丙丁集团 │\n╘═══╧══════╛"
    text = normalize_article(original)
    assert text.text == "│1│甲乙项目│\n││(二)丙丁集团│"
    begin, end = text.original_span(text.text.index("甲乙项目"), text.text.index("甲乙项目") + 4)
    assert original[begin:end] == "甲乙项目"
    assert normalize_article(text.text).text == text.text


def test_a_question_mark_before_a_list_comma_is_mojibake_and_ends_no_sentence():
    text = normalize_article("由甲公司、??乙?、丙公司投资。为什么?就在这里").text
    assert text == "由甲公司、??乙?、丙公司投资。为什么？就在这里"
    assert len(sentence_spans(text)) == 3
