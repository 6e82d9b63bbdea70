"""The planner's reports in a real headless Chromium with networking disabled."""

import json
import re
import shutil

import pytest
from playwright.sync_api import sync_playwright

from chainkg.cli import main
from chainkg.loaders.reviewed import PLACES_FACTS
from chainkg.reports.gap_report import STATUS_COLOURS
from chainkg.reports.pyvis_report import report_graph

from _paths import CORPUS, REPO

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = REPO / "out" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-sync"],
        )
        yield browser
        browser.close()


def open_offline(browser, path):
    """Open a file with the network cut: every request that is not the file itself is recorded and refused."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, offline=True)
    page = context.new_page()
    problems: dict[str, list[str]] = {"console": [], "requests": [], "dialogs": []}

    def on_dialog(dialog) -> None:
        problems["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("console", lambda m: problems["console"].append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems["console"].append(str(e)))
    page.on("dialog", on_dialog)

    def guard(route):
        if route.request.url == path.resolve().as_uri():
            route.continue_()
        else:
            problems["requests"].append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.goto(path.resolve().as_uri())
    return context, page, problems


#: What the page's own objects say about what is drawn: the scale, the view box (canvas
#: units) and every drawn node with its label's size on screen.
VIEW = """() => { const r = window.chainkgReport, net = r.network, scale = net.getScale();
    const box = net.canvas.frame.canvas.getBoundingClientRect();
    const a = net.DOMtoCanvas({x: 0, y: 0}), b = net.DOMtoCanvas({x: box.width, y: box.height});
    const ids = r.nodeView.getIds(), at = net.getPositions(ids);
    return {scale, box: [a.x, a.y, b.x, b.y], nodes: ids.map(id => ({id, label: r.nodes.get(id).label,
        places: r.nodes.get(id).places, x: at[id].x, y: at[id].y, px: net.body.nodes[id].options.font.size * scale}))}; }"""


def _inside(view, x, y) -> bool:
    x0, y0, x1, y1 = view["box"]
    return x0 <= x <= x1 and y0 <= y <= y1


def _open_report(browser, path):
    context, page, problems = open_offline(browser, path)
    page.wait_for_function("window.chainkgReport !== undefined")
    return context, page, problems


def test_seed_report_labels_are_readable_at_1_to_1_and_every_node_is_in_view(browser, built_out, seed_kg):
    context, page, problems = _open_report(browser, built_out / "report.html")
    assert page.evaluate("window.chainkgReport.network.physics.options.enabled") is False  # a fixed layout
    assert page.evaluate("window.devicePixelRatio") == 1
    view = page.evaluate(VIEW)
    assert len(view["nodes"]) == page.evaluate("window.chainkgReport.drawnNodes()") == report_graph(seed_kg).number_of_nodes()
    assert min(n["px"] for n in view["nodes"]) >= 12  # every label, at the first view, without zooming
    assert all(_inside(view, n["x"], n["y"]) for n in view["nodes"])
    # no two nodes share a spot (nothing piled on one label)
    spots = {(round(n["x"] / 20), round(n["y"] / 20)) for n in view["nodes"]}
    assert len(spots) == len(view["nodes"])
    # the title is one line: the article's own title
    assert page.inner_text("h1") == "泉州市工业(产业)园区标准化建设2024年第一季度拉练活动"
    assert page.evaluate("document.querySelector('h1').getBoundingClientRect().height") < 30
    # ties to the prefecture and province are hidden until asked for
    upper = "window.chainkgReport.edgeView.get().filter(e => e.upper).length"
    assert page.evaluate(upper) == 0
    page.check("#upper-edges")
    assert page.evaluate(upper) > 0
    page.uncheck("#upper-edges")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "report-seed.png"))
    context.close()
    assert problems == {"console": [], "requests": [], "dialogs": []}


def test_a_county_filter_keeps_only_that_county_and_zooms_to_it(browser, built_out, seed_kg):
    context, page, problems = _open_report(browser, built_out / "report.html")
    before = page.evaluate(VIEW)
    far = {n["label"]: (n["x"], n["y"]) for n in before["nodes"] if n["label"] in ("泉州市", "福建省", "广东省", "深圳市", "鲤城区", "德化县")}
    assert len(far) == 6
    nanan = next(iri for iri, a in seed_kg.nodes(data=True) if a.get("name") == "南安市")
    page.select_option("#county-filter", label="南安市")
    after = page.evaluate(VIEW)
    labels = {n["label"] for n in after["nodes"]}
    assert {"南安市", "南安芯谷半导体科技产业港", "半导体"} <= labels
    assert all(nanan in n["places"] for n in after["nodes"])  # only 南安市's nodes are kept
    assert after["scale"] > 1.5 * before["scale"]  # zoomed in to what is kept...
    assert all(_inside(after, n["x"], n["y"]) for n in after["nodes"])
    assert not [label for label, (x, y) in far.items() if _inside(after, x, y)]  # ...and far-away places are out of view
    assert min(n["px"] for n in after["nodes"]) >= 12
    page.screenshot(path=str(SCREENSHOTS / "report-nanan.png"))

    page.select_option("#county-filter", label="惠安县")
    names = {n["label"] for n in page.evaluate(VIEW)["nodes"]}
    assert {"惠安县", "南王", "纸业包装"} <= names
    assert not names & {"南安芯谷半导体科技产业港", "广东省", "深圳市", "泉州市", "福建省"}
    page.select_option("#chain-filter", label="纸业包装")
    assert {n["label"] for n in page.evaluate(VIEW)["nodes"]} == {"南王", "纸业包装", "惠安县"}
    context.close()
    assert problems == {"console": [], "requests": [], "dialogs": []}


@pytest.mark.parametrize("query, found", [("芯谷", "南安芯谷半导体科技产业港"), ("nananxingu", "南安芯谷半导体科技产业港"),
                                          ("nananshi", "南安市"), ("naxg", "南安芯谷半导体科技产业港")])
def test_search_finds_a_node_by_alias_or_pinyin_and_focuses_it(browser, built_out, query, found):
    context, page, problems = _open_report(browser, built_out / "report.html")
    page.select_option("#county-filter", label="德化县")  # a filter that hides the node: the search lifts it
    page.fill("#search", query)
    assert page.inner_text("#search-results button >> nth=0").startswith(found)
    page.press("#search", "Enter")
    selected = page.evaluate("window.chainkgReport.network.getSelectedNodes()")
    assert [page.evaluate(f"window.chainkgReport.nodes.get('{selected[0]}').label")] == [found]
    centre = page.evaluate("window.chainkgReport.network.getViewPosition()")
    at = page.evaluate(f"window.chainkgReport.network.getPositions(['{selected[0]}'])['{selected[0]}']")
    assert abs(centre["x"] - at["x"]) < 1 and abs(centre["y"] - at["y"]) < 1  # focused on it
    assert page.evaluate("window.chainkgReport.network.getScale()") * 16 >= 16
    assert page.inner_text("#panel h2") == found
    if query == "芯谷":
        page.screenshot(path=str(SCREENSHOTS / "report-search.png"))
    context.close()
    assert problems == {"console": [], "requests": [], "dialogs": []}


def test_panels_speak_chinese_and_give_each_sentence_once_with_its_source(browser, built_out):
    context, page, problems = _open_report(browser, built_out / "report.html")
    edge_id = page.evaluate("""() => window.chainkgReport.edges.get().find(e => e.predicate === 'leadsChain' && e.kind === 'chain_leader').id""")
    page.evaluate(f"window.chainkgReport.network.body.emitter.emit('click', {{nodes: [], edges: ['{edge_id}']}})")
    panel = page.inner_text("#panel")
    assert "中国机械总院海西分院 —引领产业链→ 工业母机" in panel and "leadsChain" not in panel
    assert "国内工业母机链主企业" in panel and "类别：链主" in panel
    assert "泉州市工业(产业)园区标准化建设2024年第一季度拉练活动 · 2024-03" in panel
    assert "依据类型：原文明述" in panel and "语气：" in panel and "置信度：1" in panel
    # an inferred fact carries its basis and note: 南王's chain comes from a reference table
    nanwang = page.evaluate("window.chainkgReport.nodes.get().find(n => n.label === '南王').id")
    page.evaluate(f"window.chainkgReport.network.body.emitter.emit('click', {{nodes: ['{nanwang}'], edges: []}})")
    panel = page.inner_text("#panel")
    assert "从事 → 纸业包装[推断]" in panel.replace(" ", "").replace("从事→", "从事 → ")
    for camel in ("locatedIn", "operatesIn", "leadsChain", "hostsChain"):
        assert camel not in panel
    # the node whose ties repeat a sentence most (one sentence, several relations): each sentence once
    node, distinct = page.evaluate("""() => { let best = [null, 0, 0];
        for (const n of window.chainkgReport.nodes.get()) {
            const texts = window.chainkgReport.edges.get().filter(e => (e.from === n.id || e.to === n.id) && e.predicate !== 'segmentOf')
                .flatMap(e => e.evidence.map(v => v.text));
            const repeats = texts.length - new Set(texts).size;
            if (repeats > best[2]) best = [n.id, new Set(texts).size, repeats]; }
        return [best[0], best[1]]; }""")
    assert node is not None and distinct >= 1  # a sentence that backs two relations or more
    page.evaluate(f"window.chainkgReport.network.body.emitter.emit('click', {{nodes: ['{node}'], edges: []}})")
    quotes = page.locator("#panel blockquote").all_inner_texts()
    assert len(quotes) == len(set(quotes)) == distinct
    assert page.locator("#panel .source").count() == len(quotes)
    assert all(text.startswith("来源：泉州市工业(产业)园区") and "；支持：" in text for text in page.locator("#panel .source").all_inner_texts())
    page.screenshot(path=str(SCREENSHOTS / "report-panel.png"))
    context.close()
    assert problems == {"console": [], "requests": [], "dialogs": []}


def test_hostile_name_is_escaped_through_the_whole_pipeline(browser, tmp_path):
    hostile = "<img src=x onerror=alert(1)>"
    facts = tmp_path / "hostile.yaml"
    facts.write_text(
        "source: {id: hostile_registry, kind: reference_table, title: 'test registry', citation: 'a test'}\n"
        f"entities:\n- {{id: org/hostile, type: Company, name: '{hostile}', aliases: ['\"><script>alert(2)</script>']}}\n"
        "relations:\n- {subject: org/hostile, predicate: locatedIn, object: area/350521}\n"
        "- {subject: org/hostile, predicate: operatesIn, object: chain/food}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["build", "--out", str(out), str(PLACES_FACTS), str(facts)]) == 0
    for name in ("report.html", "gaps.html"):
        raw = (out / name).read_text(encoding="utf-8")
        assert "<img src=x" not in raw and "<script>alert(2)" not in raw
    context, page, problems = open_offline(browser, out / "report.html")
    page.wait_for_function("window.chainkgReport !== undefined")
    labels = page.evaluate("window.chainkgReport.nodes.get().map(n => n.label)")
    assert hostile in labels  # shown as the text it is
    node = page.evaluate("window.chainkgReport.nodes.get().find(n => n.label.startsWith('<img')).id")
    page.evaluate(f"window.chainkgReport.network.body.emitter.emit('click', {{nodes: ['{node}'], edges: []}})")
    assert hostile in page.inner_text("#panel")
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    context.close()
    assert problems["dialogs"] == [] and problems["requests"] == []
    context, page, problems = open_offline(browser, out / "gaps.html")
    assert hostile in page.text_content("section#food")  # in its table cell, as the text it is
    context.close()
    assert problems["dialogs"] == [] and problems["requests"] == []


def _boxes(page, slug):
    """(segment name, fill, second line) of each box of a chain map."""
    return page.evaluate(f"""() => Array.from(document.querySelectorAll('section#{slug} svg.chain-map g.segment')).map(g =>
        [g.querySelector('text').textContent, g.querySelector('rect').getAttribute('fill'), g.querySelectorAll('text')[1].textContent])""")


def test_gap_report_shows_a_chain_map_per_chain_in_its_status_colours(browser, built_out):
    context, page, problems = open_offline(browser, built_out / "gaps.html")
    assert page.locator("section.chain").count() == 14
    assert page.locator("section.chain svg.chain-map").count() == 14  # one map per chain...
    assert page.locator("section.chain svg.chain-map:visible").count() == 1  # ...one chain at a time
    assert page.evaluate("document.documentElement.scrollHeight") < 1400  # not a 7,900 px page
    # 安溪: its applications segment holds five firms, shown as present (强) in the map
    page.goto((built_out / "gaps.html").resolve().as_uri() + "#optoelectronics")
    page.select_option("#county-view", label="安溪县")
    boxes = {name: (fill, mark) for name, fill, mark in _boxes(page, "optoelectronics")}
    assert boxes["光电应用终端"] == (STATUS_COLOURS["present"], "强 · 5 家")
    # 永春: two weak segments the article names, the rest of the template missing; links break at the gaps
    page.goto((built_out / "gaps.html").resolve().as_uri() + "#smart_terminals")
    page.select_option("#county-view", label="永春县")
    fills = {name: fill for name, fill, _ in _boxes(page, "smart_terminals")}
    assert fills == {"耳机零部件": STATUS_COLOURS["missing"], "扫地机器人零部件": STATUS_COLOURS["weak"],
                     "扫地机器人整机": STATUS_COLOURS["missing"], "蓝牙耳机整机": STATUS_COLOURS["weak"],
                     "终端销售渠道": STATUS_COLOURS["missing"]}
    kinds = page.evaluate("Array.from(document.querySelectorAll('section#smart_terminals line.link')).map(l => l.getAttribute('class'))")
    assert kinds and set(kinds) == {"link missing"}
    assert "永春县 · 永春县(6家)" in page.inner_text("section#smart_terminals")  # the chain-level fact with its count
    page.screenshot(path=str(SCREENSHOTS / "gaps-chain-map.png"))
    # a county the chain never reaches: every box white (not covered), never 缺
    page.select_option("#county-view", label="鲤城区")
    assert {fill for _, fill, _ in _boxes(page, "smart_terminals")} == {STATUS_COLOURS["not_covered"]}
    # the matrix: a picture with hover texts, the table behind a toggle
    assert page.locator("section#smart_terminals .picture svg rect title").count() > 5
    assert not page.locator("section#smart_terminals details.table table").is_visible()
    cell = page.locator("section#optoelectronics table td.present")
    assert cell.count() == 1 and "安溪芯园(5家)" in cell.text_content() and "强 5" in cell.text_content()
    page.goto((built_out / "gaps.html").resolve().as_uri() + "#machine_tools")
    assert "中国机械总院海西分院" in page.inner_text("section#machine_tools")
    context.close()
    assert problems == {"console": [], "requests": [], "dialogs": []}


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory):
    """`chainkg build` on every article of the shared corpus."""
    out = tmp_path_factory.mktemp("corpus")
    assert main(["build", "--out", str(out), str(CORPUS)]) == 0
    return out


def test_the_corpus_build_has_a_one_line_title_and_gathers_unplaced_nodes(browser, corpus_out):
    context, page, problems = _open_report(browser, corpus_out / "report.html")
    title = page.inner_text("h1")
    assert "\n" not in title and len(title) < 60 and title.endswith("篇文章")
    assert page.evaluate("document.querySelector('h1').getBoundingClientRect().height") < 30
    view = page.evaluate(VIEW)
    unplaced = page.evaluate("window.chainkgReport.nodes.get().filter(n => n.home === '@unplaced').map(n => [n.x, n.y])")
    assert len(unplaced) > 40  # the nodes no source places...
    assert len({(round(x / 20), round(y / 20)) for x, y in unplaced}) == len(unplaced)  # ...each in a spot of its own
    drawn = [n for n in view["nodes"] if _inside(view, n["x"], n["y"])]
    assert drawn and min(n["px"] for n in drawn) >= 12
    sources = page.locator("#panel li").all_inner_texts()
    assert len(sources) == 29 and all("\n" not in s and len(s) <= 80 for s in sources)
    context.close()
    assert problems == {"console": [], "requests": [], "dialogs": []}


def test_large_graphs_aggregate_firms_and_turn_physics_off(browser, tmp_path):
    from chainkg.graph.networkx_projection import to_networkx
    from chainkg.graph.rdf import facts_to_dataset, union_graph
    from chainkg.loaders.synthetic import generate_synthetic
    from chainkg.reports.pyvis_report import render_report_html

    kg = to_networkx(union_graph(facts_to_dataset(generate_synthetic(firms=400, seed=2).facts)))
    path = tmp_path / "large.html"
    path.write_text(render_report_html(kg, title="large", large_threshold=300), encoding="utf-8")
    found = re.search(r'id="chainkg-data">(.*?)</script>', path.read_text(encoding="utf-8"), re.S)
    assert found is not None
    data = json.loads(found.group(1))
    firms = [n for n in kg if "/synthetic/org/" in n]
    assert data["large"] and len(firms) > 400
    assert not [n for n in data["nodes"] if "/synthetic/org/" in str(n.get("id"))]  # every firm is in an aggregate
    assert len(data["nodes"]) < len(kg) - len(firms) + 100  # places, parks, chains, segments, and the aggregates
    context, page, problems = open_offline(browser, path)
    page.wait_for_function("window.chainkgReport !== undefined")
    assert page.evaluate("window.chainkgReport.network.physics.options.enabled") is False
    assert "企业按县、链汇总" in page.inner_text("#stats")
    context.close()
    assert problems["console"] == [] and problems["requests"] == []
