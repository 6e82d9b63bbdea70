"""The planner's reports in a real headless Chromium with networking disabled."""

import json
import re
import shutil

import pytest
from playwright.sync_api import sync_playwright

from chainkg.cli import main
from chainkg.loaders.reviewed import PLACES_FACTS
from chainkg.reports.pyvis_report import report_graph

from _paths import REPO

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
    context = browser.new_context(viewport={"width": 1800, "height": 1100}, offline=True)
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


def test_seed_report_draws_every_node_offline_and_filters_by_county(browser, built_out, seed_kg):
    context, page, problems = open_offline(browser, built_out / "report.html")
    page.wait_for_function("window.chainkgReport !== undefined")
    page.wait_for_function("!window.chainkgReport.network.physics.options.enabled", timeout=20000)
    drawn = page.evaluate("window.chainkgReport.drawnNodes()")
    assert drawn == report_graph(seed_kg).number_of_nodes()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "report-seed.png"))

    page.select_option("#county-filter", label="惠安县")
    page.wait_for_timeout(300)
    in_huian = page.evaluate("window.chainkgReport.drawnNodes()")
    assert 0 < in_huian < drawn
    names = set(page.evaluate("window.chainkgReport.nodeView.get().map(n => n.label)"))
    assert {"惠安县", "南王", "纸业包装"} <= names and "南安芯谷半导体科技产业港" not in names
    page.select_option("#chain-filter", label="纸业包装")
    page.wait_for_timeout(300)
    assert set(page.evaluate("window.chainkgReport.nodeView.get().map(n => n.label)")) >= {"南王", "纸业包装", "惠安县"}
    page.screenshot(path=str(SCREENSHOTS / "report-huian.png"))
    context.close()
    assert problems == {"console": [], "requests": [], "dialogs": []}


def test_clicking_an_edge_shows_its_sentence_and_source(browser, built_out):
    context, page, problems = open_offline(browser, built_out / "report.html")
    page.wait_for_function("window.chainkgReport !== undefined")
    edge_id = page.evaluate("""() => { const r = window.chainkgReport;
        const e = r.edges.get().find(e => e.predicate === 'leadsChain' && e.kind === 'chain_leader'); return e.id; }""")
    page.evaluate(f"window.chainkgReport.network.body.emitter.emit('click', {{nodes: [], edges: ['{edge_id}']}})")
    panel = page.inner_text("#panel")
    assert "中国机械总院海西分院 —leadsChain→ 工业母机" in panel
    assert "国内工业母机链主企业" in panel and "seed_quanzhou_parks_2024q1" in panel
    context.close()
    assert problems["requests"] == [] and problems["console"] == []


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
    assert hostile in page.inner_text("body")
    context.close()
    assert problems["dialogs"] == [] and problems["requests"] == []


def test_gap_report_opens_offline_with_pictures_and_tables(browser, built_out):
    context, page, problems = open_offline(browser, built_out / "gaps.html")
    assert page.locator("section").count() == 14
    assert page.locator("section#smart_terminals svg rect").count() > 5
    cell = page.locator("section#optoelectronics table td.present")
    assert cell.count() == 1 and "安溪芯园(5家)" in cell.inner_text() and "强 5" in cell.inner_text()
    page.goto((built_out / "gaps.html").resolve().as_uri() + "#machine_tools")
    assert "中国机械总院海西分院" in page.inner_text("section#machine_tools")
    page.screenshot(path=str(SCREENSHOTS / "gaps-seed.png"))
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
    assert "firms aggregated" in page.inner_text("#stats")
    context.close()
    assert problems["console"] == [] and problems["requests"] == []
