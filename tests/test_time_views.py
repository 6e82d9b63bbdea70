"""Time in the pages: each fact's date, the stale mark past ``--stale-years`` and the changes
section of gaps.html — on the corpus build with the seed facts, through the CLI, and in a real
browser."""

import html
import re
import shutil

import pytest
from playwright.sync_api import sync_playwright

from chainkg.cli import main
from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS

from _paths import CORPUS

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
STALE = '<b class="stale">陈旧</b>'


@pytest.fixture(scope="module")
def corpus_pages(tmp_path_factory):
    """The corpus build (stale after 1 year) and a report of it with the default 3 years."""
    built = tmp_path_factory.mktemp("built")
    assert main(["build", "--out", str(built), "--stale-years", "1", str(PLACES_FACTS), str(SEED_FACTS), str(CORPUS)]) == 0
    again = tmp_path_factory.mktemp("report")
    assert main(["report", "--data", str(built), "--out", str(again)]) == 0
    return {"one_year": built, "three_years": again}


def _gaps(folder) -> str:
    return (folder / "gaps.html").read_text(encoding="utf-8")


def test_a_fact_shows_its_own_date_and_an_undated_one_says_so(corpus_pages):
    page = _gaps(corpus_pages["three_years"])
    # 洛江's chain-level fact comes from an article dated 2022-05-18 by its dateline
    luojiang = re.search(r'<li><b>洛江区</b> · 洛江区[^：<]*：“([^”]*)” <span class="date">（([^）]*)）</span>', page)
    assert luojiang and luojiang.group(2) == "2022-05-18"
    article = (CORPUS / "d24_luojiang_equipment_park_phase2.txt").read_text(encoding="utf-8")
    assert html.unescape(luojiang.group(1))[:20] in article
    # a park of an undated article (d1 carries no dateline): its date is unknown, and the page says so
    assert re.search(r'安溪湖头光电产业园区[^<、]*<span class="date">（日期不详）</span>', page)


def test_the_stale_mark_follows_the_threshold_and_spares_newer_facts(corpus_pages):
    one, three = _gaps(corpus_pages["one_year"]), _gaps(corpus_pages["three_years"])
    seed_fact = r'安溪芯园[^<、]*<span class="date">（2024-03）</span>'
    newer_fact = r'鞋服智造园中科玮创项目[^<、]*<span class="date">（2025-08-29）</span>'
    # reference date: the newest date in the graph (2025-08-29); 1 year back is 2024-08-29
    assert "最新日期早于 2024-08-29（参照日 2025-08-29 前 1 年）" in one
    assert re.search(seed_fact + STALE, one) and not re.search(seed_fact + STALE, three)
    assert re.search(newer_fact, one) and not re.search(newer_fact + STALE, one)
    # with 3 years, 洛江's 2022-05-18 article is stale, and its chain-level row says so
    assert re.search(r'洛江区[^<、]*<span class="date">（2022-05-18）</span>' + STALE, three)


def test_a_segment_resting_only_on_stale_facts_is_marked_on_its_status_cell(corpus_pages):
    one = _gaps(corpus_pages["one_year"])
    cells = re.findall(r'<td class="(present|weak|planned)" title="[^"]*">[^<]*' + STALE, one)
    assert cells  # the seed's 2024-03 firms alone carry several segments
    svg = (corpus_pages["one_year"] / "gaps" / "optoelectronics.svg").read_text(encoding="utf-8")
    assert "依据均陈旧" in svg and " 旧</text>" in svg


def test_the_changes_section_lists_a_change_with_its_sentence_and_date(corpus_pages):
    page = _gaps(corpus_pages["three_years"])
    section = page[page.index('<section id="changes"'):]
    assert "2022-08-29 之后至 2025-08-29（参照日）" in section
    row = re.search(r'<tr data-counties="[^"]*"><td>([^<]*)</td><td>([^<]*)</td><td>2025-07-28</td><td>首次见于来源</td>'
                    r'<td>中化三期炼化一体化 从事 炼油 <span class="basis">\[规划/意向\]</span></td>'
                    r'<td class="sentence">“([^”]*)”</td></tr>', section)
    # the refinery project's sentence names no county; its segment 炼油 lies in the chain 石化
    assert row and row.group(1, 2) == ("县区未说明", "石化")
    assert html.unescape(row.group(3))[:15] in (CORPUS / "d16_quanzhou_petrochem_roadmap.txt").read_text(encoding="utf-8")
    # a 2022-05-18 fact lies before the window: not listed
    assert "2022-05-18</td>" not in section


def test_report_html_dates_each_edge_and_links_the_changes(corpus_pages):
    page = (corpus_pages["one_year"] / "report.html").read_text(encoding="utf-8")
    assert '<a id="changes-link" href="gaps.html#changes"' in page
    assert '"date": "2024-03", "stale": true' in page and '"date": "2025-07-28", "stale": false' in page
    assert '"date": "日期不详", "stale": false' in page


def test_the_changes_section_is_visible_and_linked_in_a_browser(corpus_pages):
    folder = corpus_pages["three_years"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((folder / "report.html").resolve().as_uri())
        page.click("#changes-link")
        page.wait_for_url("**/gaps.html#changes")
        section = page.locator("section#changes")
        assert section.is_visible() and section.locator("tbody tr").count() > 10
        assert page.evaluate("document.querySelector('section#changes').getBoundingClientRect().top") < 900
        page.click("nav#chains a.chain-link >> nth=0")
        assert not section.is_visible()  # a view of its own: a chain's view hides it
        page.click("nav#chains a.changes-link")
        assert section.is_visible() and "中化三期炼化一体化" in section.inner_text()
        # one county's changes: only the rows whose fact is in it, and how many
        rows = section.locator("tbody tr")
        everything = rows.count()
        page.select_option("#county-view", "泉港区")
        kept = [r for r in rows.all() if r.is_visible()]
        assert 0 < len(kept) < everything
        assert all("泉港区" in (r.get_attribute("data-counties") or "").split("、") for r in kept)
        assert f"其中 泉港区 {len(kept)} 项" in section.locator("h2").inner_text()
        page.select_option("#county-view", "全市")
        assert sum(r.is_visible() for r in rows.all()) == everything
        browser.close()
    assert errors == []


def test_a_fact_a_later_article_repeats_is_as_new_as_that_article_on_real_articles():
    """d17 (dateline 2011-06-02) and d8 (2023-03-24, the date its address gives) both speak of 德化's
    ceramics chain: the fact is dated by its first statement and shows the newer one; it is not
    stale where a fact only the 2011 article states is."""
    from chainkg.graph.build import load_facts
    from chainkg.graph.networkx_projection import to_networkx
    from chainkg.graph.rdf import facts_to_dataset, union_graph
    from chainkg.reports.fact_dates import FactDates

    d8 = CORPUS / "d8_dehua_ceramics_tradpinyin.txt"
    kg = to_networkx(union_graph(facts_to_dataset(load_facts(
        [PLACES_FACTS, CORPUS / "d17_dehua_sanban_ceramics.txt", d8], dates={d8.name: "2023-03-24"}))))
    name = {n: a.get("name") for n, a in kg.nodes(data=True)}
    [repeated] = [d for u, v, k, d in kg.edges(keys=True, data=True)
                  if k == "hostsChain" and (name[u], name[v]) == ("德化县", "陶瓷")]
    assert repeated["stated_dates"] == ["2011-06-02", "2023-03-24"]
    once = [d for u, v, k, d in kg.edges(keys=True, data=True)
            if d.get("sources") and d.get("stated_dates") == ["2011-06-02"]]
    assert once  # what only the 2011 article says
    dates = FactDates(kg, stale_years=3)  # the reference is the newest date in the graph: 2023-03-24
    assert dates.cutoff == "2020-03-24"
    assert not dates.is_stale(repeated) and all(dates.is_stale(d) for d in once)
    assert dates.label(repeated) == "2011-06-02，最新 2023-03-24"
    # as of 2015 only the 2011 article had said it: older than that day's cutoff
    assert FactDates(kg, stale_years=3, as_of="2015-01-01").is_stale(repeated)
