"""Rule-based extraction from Chinese news text: entities and relations with evidence.

The text is normalized first (``normalize_article``: annotations, traditional characters,
boilerplate, punctuation), so the same rules read simplified, traditional and annotated text
alike; every offset is mapped back to the original file. Entities come from gazetteers
(the national division table, the reference zones, the ontology's chain labels) and from
rules over the shape of names (a park ends in 产业园 / 工业园区 / 产业港…, a firm in 集团 /
公司 / 研究院…, or is listed before 等…企业 / 等项目); a project's name opens with a place and
ends in 项目 / 工程, follows 位于 and its place, or fills a cell of a box-drawing table of projects.
Relations come from patterns in a sentence: a place that opens a sentence is where what follows
lies, and so is the place after 位于; 引进 / 招引 attract; 依托 X 孵化 A incubates; (…链主企业) and
龙头 designate leaders (A、B等行业龙头企业 in a sentence without a chain: the paragraph's one
chain); 供应 supplies; 由…投资 and a table's enumerated heading (``(十一)省X集团``) say who develops
a project; a park or firm whose name holds a chain name grows or works in it.

Example
-------
>>> doc = extract_text("惠安县发挥南王龙头作用(去年深交所A股成功上市),引进下游食品产业链项目10多家;", source="demo")
>>> sorted(e.name for e in doc.entities if e.type == "Company")
['南王']
>>> sorted((r.predicate, doc.entity(r.object).name) for r in doc.relations if doc.entity(r.subject).name == "南王")
[('listedOn', '深圳证券交易所'), ('locatedIn', '惠安县')]
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import ChainMap
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache, partial

from chainkg.loaders import extract_lexical
from chainkg.loaders.dates import DATE_PHRASE as _DATE
from chainkg.loaders.dates import DATELINE as _DATELINE
from chainkg.loaders.dates import resolve_date_phrase as _resolve_date
from chainkg.loaders.extract_brands import firm_brand, is_group_or_holding, names_a_place, opens_with_brand
from chainkg.loaders.extract_chains import (
    DISPLAY_INDUSTRY,
    MEMBER_CONFIDENCE,
    chain_members,
    chain_mentions,
    industry_frames,
    label_possessor,
    made_in_named_chains,
    names_a_wider_trade,
    possessor_of,
    resolve_chain,
)
from chainkg.loaders.extract_confidence import confidence
from chainkg.loaders.extract_events import (
    EVENT_HOSTS,
    about_the_event,
    event_host,
    event_kind,
    held_in_sentence,
    signed_projects,
)
from chainkg.loaders.extract_generic import (
    CLAUSE_OPENERS,
    chain_park_of_a_sort,
    firms_of_a_kind,
    in_slogan_frame,
    is_no_brand,
    names_a_kind,
)
from chainkg.loaders.extract_index import SpanIndex
from chainkg.loaders.extract_leaders import LEADING_ROLE, role_holders
from chainkg.loaders.extract_listed_firms import firms_listed_for, listed_then_placed
from chainkg.loaders.extract_located import (
    gives_a_site,
    names_an_origin,
    opening_run,
    short_forms_named_in_full,
    unit_of_a_parent,
)
from chainkg.loaders.extract_names import (
    FIRM_BEFORE_ITS_PARK,
    NEWS_MEDIUM,
    SUPERLATIVE_FIRST,
    TokenIndex,
    is_brandless,
    joining_conjunction,
    joins_two_words,
    lists_projects,
    name_start,
    named_project_lists,
    projects_introduced,
    reads_as_a_clause,
)
from chainkg.loaders.extract_owners import firm_forms, firms_opening
from chainkg.loaders.extract_parks import (
    called_a_zone,
    park_named_by_its_kind,
    park_opening_project,
    phase_called_a_project,
    shared_ending_items,
    titles_in_apposition,
)
from chainkg.loaders.extract_places import (
    in_region,
    mark_registrations,
    neighbour_places,
    place_of_kind,
    region_of_concern,
    skip_opening_adverbials,
)
from chainkg.loaders.extract_short_forms import add_repeated_name_mentions, add_short_form_mentions
from chainkg.loaders.extract_status import status_statements
from chainkg.loaders.extract_supply import supply_pairs
from chainkg.loaders.extract_topic import title_chain
from chainkg.loaders.extract_towns import Town, town_entry, town_mentions
from chainkg.loaders.gazetteer import LiteralFinder, PlaceEntry, chain_gazetteer, place_gazetteer
from chainkg.loaders.records import ENTITY_TERMS, RELATION_QUALIFIERS, Entity, Observation, Relation, TextSpan
from chainkg.loaders.text import BOX_DRAWING, NormalizedText, normalize_article

__all__ = ["FigureMention", "ExtractedDocument", "extract_text", "clause_modality", "clause_pieces", "EXCHANGES", "MAX_SENTENCE"]

_CJK = r"\u3400-\u9fff"
_NAME_CHARS = rf"[{_CJK}A-Za-z0-9]"
# (box-drawing characters rule a table's cells: they end a name, never belong to one)
_DELIMITERS = set("，。；：、！？“”‘’（）()[]【】《》\n ,;:!?|·…★☆●■◆") | set(map(chr, range(0x2500, 0x2580)))  # = BOX_DRAWING
# Words that open a clause but are not part of the name that follows.
_LEADING_WORDS = (
    "其中", "同时", "此外", "另外", "目前", "近日", "昨日", "今年", "去年", "活动中", "会上", "据悉", "据介绍",
    "高品质建成", "建成", "建设", "打造", "围绕", "依托", "孵化", "引入", "引进", "招引", "推动", "落地", "入驻", "为", "在",
    "对", "和", "与", "及", "以", "向", "将", "由", "是", "的", "了", "观摩了", "观摩", "现场", "一次性", "成功", "积极",
    "对接", "发挥", "聚焦", "导入", "拓展", "形成", "设立", "举行", "签约", "牵手", "产品供应", "供应", "旗下", "涵盖",
    "主要", "布局", "大力发展", "发展", "新签约", "位于", "即将开园的", "相继", "还", "也", "都", "已", "并", "未来",
    "走进", "来到", "走访", "前往", "深入", "全资子公司", "控股子公司", "子公司", "分公司",
    *CLAUSE_OPENERS,
)
# what says a zone's words are a rank or a class: 全国 / 全省 … in front, 第N家 / 第N个 inside
_RANKED = re.compile(r"^全(?:国|省|市|县|区)|第[一二三四五六七八九十百千]+[家个批座]")
_LEADING_LONGEST_FIRST = tuple(sorted(_LEADING_WORDS, key=len, reverse=True))
_LEADING_FIRST_CHARACTERS = frozenset(word[0] for word in _LEADING_WORDS)
# (工业区: a district of firms, a park unless the text calls it a zone — extract_parks.called_a_zone;
# not after 加: X加工业区 is a district of X processing industry, 加工业 + 区, no name;
# 智造园: a park of smart manufacturing, as 科技城 is one of technology)
# the endings that name a park by its trade (甲乙化工园区, 丙丁科技园)
_PARK_OF_A_TRADE = re.compile(r"(?:科技|文创|创业|物流|专业|化工|石化|轻纺|纺织|网商|软件|食品|创意|电商)园区?")
_PARK_SUFFIX = (r"(?:产业园区|工业园区|产业园|工业园|园区|产业港|科创中心|科技城|创新谷|微工业园|鞋纺城|芯谷|芯园|(?:创谷|智谷|光谷)(?![\u3400-\u9fff]{0,4}园)|智造园|工业小区|工业新城|(?<!加)工业区"
                rf"|{_PARK_OF_A_TRADE.pattern}|(?:工业|加工)集中区|工业城|电商谷|医药港)")
# (a bare 开发区 last: 甲乙二期开发区 is a zone too, and the longer endings win where they stand)
_ZONE_SUFFIX = r"(?:经济技术开发区|经济开发区|台商投资区|投资专区|高新技术产业开发区|高新区|开发区|综合实验区|综合试验区|综合保税区|经济合作区|产业合作区|(?<=[\u3400-\u9fff]{2})新区)"
# A provincial or municipal department by its standard name (省教育厅, 市商务局): a vocabulary of
# the administration's departments, not of any one body.
_DEPARTMENT = (r"(?:教育|财政|科学技术|科技|商务|交通运输|水利|民政|司法|公安|文化和旅游|卫生健康|自然资源|生态环境"
               r"|住房和城乡建设|农业农村|人力资源和社会保障|工业和信息化|应急管理|审计)厅")
_ORG_SUFFIX = (r"(?:股份有限公司|有限公司|集团|公司|研究院|研究所|总院|分院|大学|学院|协会|商会|同业公会|管委会|管理委员会|创新中心"
               rf"|人民政府|新闻办公室|工信局|商务局|发改委|{_DEPARTMENT})")
_ORG_TYPES = [("人民政府", "GovernmentBody"), ("办公室", "GovernmentBody"), ("工信局", "GovernmentBody"),
              ("商务局", "GovernmentBody"), ("发改委", "GovernmentBody"),("研究院", "ResearchInstitute"), ("研究所", "ResearchInstitute"), ("总院", "ResearchInstitute"),
              ("分院", "ResearchInstitute"), ("大学", "ResearchInstitute"), ("学院", "ResearchInstitute"), ("协会", "Association"),
              ("商会", "Association"), ("公会", "Association"), ("管委会", "GovernmentBody"),
              ("管理委员会", "GovernmentBody"), ("厅", "GovernmentBody")]
#: Stock exchanges by the short forms news uses (a vocabulary, not a list of firms).
EXCHANGES = {"深交所": "深圳证券交易所", "上交所": "上海证券交易所", "北交所": "北京证券交易所", "港交所": "香港交易所",
             "深圳证券交易所": "深圳证券交易所", "上海证券交易所": "上海证券交易所"}
_ENUMERATION = re.compile(
    rf"((?:{_NAME_CHARS}{{2,10}}?、){{1,40}}{_NAME_CHARS}{{2,10}}?)(?:等多家|等|两大|三大|\d+家)(?:国内外)?"
    rf"(?:(?:行业|业内)龙头|知名|优质|龙头|科创|重点)?(企业|项目|品牌)"
)
# what follows a chain's label inside a name: 化工|项目, 光电|科技, 智能装备|产业园
_NAME_GLUE = re.compile(r"[^，。；、,;\s]{0,4}?(?:项目|工程|公司|集团|企业|有限|股份|科技|产业园|园区|工业园|基地)")
# what a name that opens with its place may name: all but a stock exchange (and a zone's committee)
_NAMED_AFTER_PLACES = ("IndustrialPark", "DevelopmentZone", "Project", "Company", "ResearchInstitute", "GovernmentBody",
                       "Association")
_COMMITTEE = re.compile(r"(?:管委会|管理委员会)$")
# a sentence that opens on a verb of growing, its subject left out: (目前)(已)(基本)形成…
_OPENS_ON_GROWING = re.compile(r"(?:目前|现已|如今|现|已|已经|基本|初步|逐步|逐渐)*(?:形成|构建|建成|打造|培育|集聚)")
# a clause that opens on a beneficiary: 为 / 给 / 帮助 / 服务于 …
_BENEFICIARY = re.compile(r"(?:为|给|替|帮助|帮|服务于|面向)")
# relations that say where something is or what a place grows: none from a neighbour
_LOCAL_FACTS = ("locatedIn", "hostsChain", "attractedTo")
_ORGS = ("Company", "ResearchInstitute", "GovernmentBody", "Association")
_WHERE = ("AdministrativeArea", "DevelopmentZone", "IndustrialPark")
# a place's verbs of having firms: 形成了以…的X产业, 集聚了…
_GATHERED = re.compile(r"形成|集聚|聚集|汇聚|拥有|已有|建成|培育")
_BOX_RULE = re.compile(f"[{BOX_DRAWING}]")
# X(将)在Y… / X(将)崛起于Y: what a firm or project says of where it settles
_SETTLES = re.compile(r"(?:将|已|已经|拟|计划|正式|成功|意向)?(?:(?P<at>在)|(?:崛起|坐落|落户|落地|扎根|建)于|坐落在|位于|地处)")
# up to four more characters before an industry word (产业 / 行业)
_INDUSTRY_WORD_AHEAD = re.compile(r"([\u4e00-\u9fff]{0,4}?)(?:产业|行业)")
# a modifier before a chain's words that belongs to the industry's phrase (先进|装备制造产业)
_MODIFIER_BEFORE = re.compile(r"(?:先进|高端|新型|现代|绿色)$")
# the word after an industry's name that no alias of the chain needs (食品产业 is 食品)
_INDUSTRY_WORD = re.compile(r"(?:产业链|产业集群|产业|行业)$")
# the words a text names a chain by, kept as the chain's alias (no punctuation, no digits)
_CHAIN_WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,12}")
# X投资N亿元，在Y…: the investment's amount before where it goes
_INVESTS_THEN_AT = re.compile(r"(?:将|拟|计划|意向)?(?:总)?投资(?:约|超|近|逾)?[\d.]+(?:多)?(?:万|亿)?(?:元|美元|港元)?[，,]?在")
# the words before 在Y that make the settling a plan
_PLANNED_SETTLING = re.compile(r"将|拟|计划|意向")
# …after 在Y: a verb of settling, building or working there
_SETTLING_VERB = re.compile(r"(?:落地|落户|入驻|投产|建厂|设立|布局|开工|投资建设|投资兴建|投资|建设|兴建|从事|扎根)")
# 项目 / 工程 that end a project's name, not a longer word (工程机械, 项目部, 工程师)
_PROJECT_END = re.compile(r"(?:项目|工程)(?!机械|师|院|学|技术|局|部|组|公司|有限|集团|经理|管理|造价|队)")
#: Kinds of project rather than names: 重大项目, 在建项目, 产业项目 (and a table's column headers).
_PROJECT_KINDS = r"(?:重大|重点|在建|预备|续建|新建|新开工|竣工|投产|产业|招商|签约|新签约|外资|内资|工业|储备|前期|谋划|备选|民生|示范|试点)"
# words that say which of the projects (唯一, 首个, 该), not what it is: 南安唯一项目 names none
_WHICH_PROJECT = re.compile(r"(?:唯一|首个|首批|首期|该|此|本|这一?个?|其[他它]|单个|同类)+")
# a table column of projects not yet begun: 预备项目, 拟建项目, 计划新开工项目, 储备项目
_PLANNED_PROJECTS = re.compile(r"预备|拟建|计划|规划|储备|谋划|前期")
_PROJECT_HEADER = re.compile(rf"(?:省|市|县|区)?{_PROJECT_KINDS}+(?:项目|工程)")
# What a project's name never holds: the verbs and linking words of the sentence around it, counts.
_PROJECT_NAME_BREAKS = re.compile(r"政府|管委会|投资|建设|举办|举行|推进|参加|签订|签约|开工|竣工|投产|引进|落地|入驻|的|了|和|与|及|暨|等|或"
                                  r"|[一二三四五六七八九十百千两\d]+(?:大|个|家|项|批)|\d+年")
# a table cell that names a project: …项目 / …工程, maybe with its phase (项目一期, 工程(二期))
_PROJECT_CELL = re.compile(r".{2,}(?:项目|工程)(?:[(（]?[一二三四五六七八九十]期[)）]?)?")
# an enumerated heading: (十一) / （三） / 十一、
_TABLE_HEADING = re.compile(r"[(（][一二三四五六七八九十百零〇]+[)）]|[一二三四五六七八九十百]+[、．.]")
_PROJECT_AFTER_PLACE = re.compile(rf"({_NAME_CHARS}{{2,24}}?(?:项目|工程))(?=现场|施工现场|工地|[，。；、(（\n]|$)")
# a project's name opening a clause, then what a project does: 甲乙科技项目|将… / 总投资…
_PROJECT_SUBJECT = re.compile(rf"(?:^|(?<=[，。；,;\n]))({_NAME_CHARS}{{2,14}}?项目)"
                              r"(?=将|已|正在|拟|计划|总投资|计划投资|位于|落户|落地|由|占地|建成|投产|开工|竣工|主要|预计|达产|之所以|是|于)")
# endings of a firm's short name (甲乙实业, 丙丁科技, 戊己镍业): a firm even in a list of projects
_FIRM_ENDING = re.compile(r"(?:实业|科技|集团|股份|控股|[^产行企事就专]业)$")
# what opens a title or a kind of park rather than a name: 中国…园区, 国家…示范园区, 后续园区, 相关园区
_TITLE_OR_KIND = re.compile(r"中国|国家|全国|全省|省级|市级|国际|后续|相关|其他|其它|各类|新建|现有|周边|重点|特色|专业|示范")
# between a parent firm and the firm it founded or holds: X在Y投资的Z, X设立的Z, X的全资子公司Z
_FOUNDED_BY = re.compile(r"(?:在[^，。；、的]{1,10}?)?(?:投资|设立|控股|成立)的|的(?:全资|控股)?子公司")
# a firm's own plant rebuilt or enlarged, at the end of a project's name
_REBUILT = re.compile(r"(?:改扩建|扩建|技改|技术改造|搬迁改造)(?:工程|项目)$")
# the words a firm's short name ends in (an industry noun or a firm's word), not a product or a process
_FIRM_NAME_END = re.compile(r"(?:重工|重机|实业|股份|集团|公司|科技|电子|钢铁|纸业|药业|化纤|船舶|汽车|水泥|电力)$")
# what follows the name of whoever supplied a photo or took it
_CREDIT = re.compile(r"\s*(?:供图|供稿|摄影|/摄|摄)\s*(?:\n|$)")
# a park's phase (双X物流园区(二期), X产业园三期) and a branch park (X产业园Y分园)
_PARK_PHASE = re.compile(r"[(（]?[一二三四五六七八九十\d]期[)）]?")
_PARK_BRANCH = re.compile(rf"[{_CJK}]{{2,4}}?分园(?!区)")
_PART_OF_ZONE = re.compile(rf"([{_CJK}]{{2,4}}?)(?:园区|(?<![公花家校果茶乐庄菜陵墓游])园(?![区林艺]))")
_NOT_A_PARK_NAME = re.compile(r"[的和与及等各内外]|工业|产业|重点|特色|专业|主要|相关|其他")
_TOWN = re.compile(rf"[{_CJK}]{{1,3}}?(?:镇|乡|街道)")
# what may follow a name that ends where it stands (…项目现场，/ …公司，/ …项目(以下简称…))
_NAME_ENDS_HERE = re.compile(r"(?:现场|施工现场|工地|厂区)?(?:[，。；、(（\n]|$)")
# 由[A、B、C](在厦)(各)投资: who invests in a project (由于 / 自由 / 理由 are other words; a list
# with a verb in it — 由A牵头组织B投资 — says more than who invests, and is left alone)
_INVESTED_BY = re.compile(r"(?<![自理缘经])由(?!于|此)((?:(?!牵头|组织|负责|协调|引进|招引|推动|带领|指导|主导|参与)"
                          r"[^。；，,！？]){2,60}?)(?:在[^。；，,、]{1,10}?)?(?:各|共同|联合|合资|独资|分别)?(?:投资|出资|投建|主投|领投)")
# 由X(权属企业)开发建设运营的: the park or project after it is X's (a contractor's 承建 is not)
_BUILT_BY = re.compile(r"(?<![自理缘经])由(?!于|此)([^。；，,！？]{2,30}?)(?:权属|旗下|下属|所属)?(?:企业|公司)?(?:负责)?"
                       r"(?:开发|建设|运营|打造|兴建|投资)+的")
# 该项目由 / 这个由 / 这一由: the project was named before
_POINTS_BACK = re.compile(r"(?:该|这个|这一|此)(?:项目)?$")
_LIST_SEPARATOR = re.compile(r"、|以及|和|与|及")
_THEN_OF = re.compile(r"[^，。；]{0,16}?的")
# X(在Y)投资建设(的)Y项目
_BUILDS = re.compile(r"(?:在[^，。；、]{1,10}?)?投资(?:建设|兴建)的?")
# what says a kind of investor, not one (厦门客商, 外商, 社会资本)
_INVESTOR_KIND = re.compile(r"(?:客商|商人|侨商|台商|港商|外商|企业家|企业|个人|团队|股东|投资者|投资人|政府|国家|财政|资本|资金|市民|村民|群众|方)$")
# division codes of 台湾 (71), 香港 (81), 澳门 (82): before a project's name, the investor's origin
_INVESTOR_ORIGINS = ("71", "81", "82")
_MONEY = re.compile(r"(\d+(?:\.\d+)?)\s*(亿美元|万美元|美元|亿港元|港元|亿元|万元|元)")
_AREA = re.compile(r"(\d+(?:\.\d+)?)\s*(万平方米|平方米|平方公里|亩)")
_COUNT = re.compile(r"(\d+)\s*(?:多)?(个|家|项)")
# a count or a batch in what would be a name (一批X项目, 等12个产业项目): a kind of thing, not one
_COUNTED = re.compile(r"[一二三四五六七八九十两百千\d]+\s*(?:多)?(?:个|家|项|批|大)|一批|多个|若干|^等")


@dataclass(frozen=True, slots=True)
class FigureMention:
    """A figure or date as a sentence states it (``3.3亿元``, ``去年``), before it is tied to
    what it measures: the words, the measure (money, area, count, date), value and unit."""

    id: str
    text: str
    measure: str
    value: str | None
    unit: str | None
    evidence: TextSpan


@dataclass
class ExtractedDocument:
    """What one article says: entities and relations as the records every loader produces
    (``method = extracted``, evidence offsets into the original file), and its figures."""

    source: str
    text: NormalizedText
    entities: list[Entity]
    relations: list[Relation]
    figures: list[FigureMention] = field(default_factory=list)
    #: the rule that found each relation, by (subject, predicate, object): what its confidence
    #: was measured for (``extract_confidence``)
    rules: dict[tuple[str, str, str], str] = field(default_factory=dict)
    #: what its clauses say of each project's and park's stage (``loaders.extract_status``)
    statuses: list[Observation] = field(default_factory=list)

    def entity(self, entity_id: str) -> Entity:
        return next(e for e in self.entities if e.id == entity_id)

    def to_dict(self) -> dict:
        def span(s: TextSpan) -> dict:
            return {"start": s.start, "end": s.end, "text": s.quote}

        return {
            "source": self.source,
            "entities": [{"id": e.id, "type": e.type, "name": e.name, "aliases": sorted(e.aliases),
                          "mentions": [span(m) for m in e.evidence],
                          **({"attributes": {t.field: getattr(e, t.field) for t in ENTITY_TERMS if getattr(e, t.field)}}
                             if any(getattr(e, t.field) for t in ENTITY_TERMS) else {})}
                         for e in self.entities],
            "relations": [{"subject": r.subject, "predicate": r.predicate, "object": r.object,
                           "confidence": float(r.confidence),
                           **{t.term: getattr(r, t.field) for t in RELATION_QUALIFIERS if getattr(r, t.field)},
                           "evidence": span(r.evidence) if r.evidence else None}
                          for r in self.relations],
            "figures": [{"text": f.text, "measure": f.measure, "value": f.value, "unit": f.unit,
                         "evidence": span(f.evidence)} for f in self.figures],
        }


@dataclass
class _Draft:
    """An entity while the extractor still gathers its names and mentions."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[TextSpan] = field(default_factory=list)
    division_code: str | None = None
    admin_level: str | None = None
    note: str | None = None

    def record(self, source: str) -> Entity:
        return Entity(self.id, (self.type,), self.name, aliases=tuple(self.aliases), division_code=self.division_code,
                      admin_level=self.admin_level, note=self.note, evidence=tuple(self.mentions), sources=(source,))


_QUALIFIER_FIELDS = {term.term: term.field for term in RELATION_QUALIFIERS}


@dataclass
class _Span:
    """An entity mention in the normalized text."""

    start: int
    end: int
    type: str
    name: str
    key: str  # what identifies it: gazetteer id or canonical name
    extra: dict = field(default_factory=dict)


#: Verbs and function words that end whatever came before a name: 洛江区引进|中国机械总院….
_STOP_TOKENS = (
    "打造", "建成", "建设", "引进", "引入", "招引", "依托", "孵化", "推动", "围绕", "观摩了", "召开了", "按照", "聚焦",
    "导入", "发挥", "对接", "涵盖", "落地", "入驻", "设立", "举行", "签约", "牵手", "供应", "旗下", "介绍", "获悉",
    "位于", "紧邻", "包括", "以及", "其中", "同时", "为", "在", "的", "了", "和", "与", "及", "是", "由", "将", "向",
    "到", "到达", "抵达", "从", "至", "等", "对", "把", "被", "让", "据", "掀起", "全资收购", "收购", "并购", "牵手", "召开", "相关负责人",
    "涌现出", "涌现了", "涌现", "培育出", "暨", "还有", "也有", "另有", "以",
    "台企", "央企", "国企", "民企", "外企", "港企", "侨企", "航拍", "重点项目", "重大项目", *CLAUSE_OPENERS,  # (a kind of firm, a photo's caption)
)
#: Words that hold a stop token but are part of names: 供应链 is no 供应.
_PROTECTED = {"供应链", "在线", "和平", "对外", "为民", "至诚", "暨南", "数据",
              # 以 of 以色列, 以上 …, 所以, 可以 …: no preposition (泉州南安以X集团为链主 is one)
              "以色", "以上", "以下", "以来", "以后", "以前", "以外", "以内", "以北", "以南", "以东", "以西",
              "所以", "可以", "难以", "予以", "加以", "用以", "得以", "足以", "借以", "赖以",
              *(kind + "业" for kind in ("台企", "央企", "国企", "民企", "外企", "港企", "侨企"))}  # (中国企业 is no 国企)
# words that say what kind a park or body is, or which phase or size, and name none (智慧园区, 一期产业园,
# 万亩工业园区)
_A_KIND_OF_PLACE = re.compile(r"[一二三四五六七八九十]+期|[千万百]+亩|智慧|数字|绿色|生态|低碳|零碳|智能|现代化|标准化")
_GENERIC_NAMES = {"工业", "产业", "全市工业", "全市", "我市", "该", "园", "园区", "工业(产业)", "市工业", "各类", "综合",
                  "行业", "相关", "有关", "本地", "国内", "全国", "全省", "各", "子", "分", "母", "全资子", "控股子"}


#: the stop tokens by their first character, each group longest first
_STOP_TOKENS_BY_FIRST: dict[str, tuple[str, ...]] = {
    first: tuple(sorted({t for t in _STOP_TOKENS if t[0] == first}, key=len, reverse=True))
    for first in {t[0] for t in _STOP_TOKENS}
}
_LONGEST_STOP_TOKEN = max(map(len, _STOP_TOKENS))


def _cut_name(raw: str, suffix_length: int) -> str:
    """The name at the end of ``raw``: cut after the last verb or function word before it
    (the latest end of a stop token that leaves the suffix and two characters after it).

    >>> _cut_name("洛江区引进甲乙科技有限公司", 4)
    '甲乙科技有限公司'
    >>> _cut_name("引进瑞和陶瓷有限公司", 4), _cut_name("引进甲乙和丙丁陶瓷有限公司", 4)
    ('瑞和陶瓷有限公司', '丙丁陶瓷有限公司')
    """
    cut = _last_stop(raw, min(len(raw) - suffix_length, len(raw) - 2))
    if cut > 1 and raw[cut - 1] in "和与及" and is_brandless(raw[cut:]):
        cut = _last_stop(raw, cut - 1)  # 瑞和|陶瓷有限公司: a brand's 和, or no name would be left
    return _trim_leading(raw[cut:])


def _last_stop(raw: str, latest: int) -> int:
    """Where the last stop token that ends at or before ``latest`` ends in ``raw`` (0 for none)."""
    cut = 0
    at = latest - 1
    while at >= 0 and at + _LONGEST_STOP_TOKEN > cut:  # (no token starting further left can end later)
        for token in _STOP_TOKENS_BY_FIRST.get(raw[at], ()):
            end = at + len(token)
            if end <= latest and end > cut and raw.startswith(token, at) \
                    and raw[at:end + 1] not in _PROTECTED and raw[max(0, at - 1):end] not in _PROTECTED:
                cut = end
        at -= 1
    return cut


def _trim_leading(name: str) -> str:
    changed = True
    while changed and name[:1] in _LEADING_FIRST_CHARACTERS:  # (no leading word can match otherwise)
        changed = False
        for word in _LEADING_LONGEST_FIRST:
            if name.startswith(word) and len(name) - len(word) >= 2 and name[:len(word) + 1] not in _PROTECTED:
                name, changed = name[len(word):], True  # (以色列X: a protected word is the name's)
    return name


def _left_extent(text: str, end: int, limit: int = 24) -> int:
    """Where the words of a name ending at ``end`` may begin: back to a delimiter, past a middle
    dot between two words and past a legal form's bracketed word (甲乙科技(集团)有限公司).

    >>> text = "已竣工，甲乙科技(集团)有限公司"
    >>> text[_left_extent(text, len(text)):]
    '甲乙科技(集团)有限公司'
    """
    start = end
    while start > 0 and end - start < limit:
        if _BRACKETED_FORM.match(text, max(0, start - 4), start) and start - 4 > 0:
            start -= 4  # (集团) / （控股）: a word of the legal form, inside the name
        elif text[start - 1] not in _DELIMITERS or joins_two_words(text, start - 1, start):
            start -= 1
        else:
            break
    return start


# a word of a legal form in brackets inside a firm's name: 甲乙科技(集团)有限公司, 甲乙（控股）股份有限公司
_BRACKETED_FORM = re.compile(r"[(（](?:集团|控股|股份)[)）]$")


def _is_project_body(body: str) -> bool:
    """Whether the words between a project's opening (its place) and its 项目 can be a name.

    >>> _is_project_body("中石光芯片"), _is_project_body("积极推进重点"), _is_project_body("文旅产业"), _is_project_body("唯一")
    (True, False, False, False)
    """
    return len(body) >= 2 and not _PROJECT_NAME_BREAKS.search(body) and not re.search(_PROJECT_KINDS + "$", body) \
        and not SUPERLATIVE_FIRST.match(body) \
        and not _WHICH_PROJECT.fullmatch(body) and not (extract_lexical.lexical_rules_enabled() and reads_as_a_clause(body))


def _looks_like_a_name(item: str) -> bool:
    """An item of an investor list that can be a firm's short name (中石化), not a kind of investor
    (厦门客商), a count, an ordinal or mojibake.

    >>> _looks_like_a_name("中石化"), _looks_like_a_name("厦门客商"), _looks_like_a_name("??松梨?")
    (True, False, False)
    """
    return bool(re.fullmatch(rf"[{_CJK}A-Za-z]{{2,10}}", item)) and not _INVESTOR_KIND.search(item) and "第" not in item


# a short clause of time that may stand before a sentence's frame: 峰会前夕， / 7月4日上午，
_SHORT_LEAD = re.compile(r"[^，,。；]{1,8}(?:前夕|期间|之际|上午|下午|当天|日|以来)[，,]")
# after a chain: (产业链)(项目)(已)延伸至 / 拓展到 / 布局到 — the places it reaches follow
_REACHES = re.compile(r"[^，。；,;]{0,8}?(?:已|已经|逐步|陆续)?(?:延伸|拓展|扩展|布局)(?:至|到)")
_PLACE_JOINT = re.compile(r"、|和|及|与|")  # (or nothing between: 古田屏南 as 古田、屏南)
# X(，)是 | 为 … then the place that brought X in (X是甲市引进的…)
_IS_WHAT = re.compile(r"[^，。；,;]{0,30}?[，,]?(?:是|为|系)")
_SIGNED_BY_IT = re.compile(r"(?:成功|新)?(?:签下|签约|引进|招引|引入)的")
_BROUGHT_IN = re.compile(r"[^，。；,;]{0,12}?(?:招商)?(?:引进|招引|引入)(?:的|来的)")
# 在 (位于…的) opening the frame, or a reporter walking into it (记者走进(位于…的)X园区，)
_FRAME_OPENING = re.compile(r"(?:在|(?:记者|笔者)?(?:走进|来到|走入|步入))(位于|地处)?")
# a road, side or neighbourhood of a place before 的 (位于甲镇X大道南侧的Y, 位于甲县城区附近的Y)
_SITE_DESCRIBED = re.compile(r"[^，,。；：:的]{0,10}?(?:[东南西北]侧|[东南西北]面|[东南西北]部|旁边?|附近|一带|沿线)的")
# …and a few words before the place that describe it (在江畔的|甲乙工业园区，)
_FRAME_DESCRIBED = re.compile(r"[^，,。；：:的]{1,8}的")
# what may follow the place before the frame's comma: a part of it (南区片区), its site (建设现场),
# 内 / 里 and a few words of what goes on there (在甲乙产业园内热闹非凡，)
_FRAME_TAIL = re.compile(r"(?:[\u4e00-\u9fff]{1,4}片区|(?:建设|施工|项目)?现场|一带|境内|[内里][^，,。；：:的]{0,6}?)?[，,]")

# 全市 / 我县 / 本区 / 该市: the place of that level the article speaks of (not 全市工业 inside a name)
_PLACE_BY_ITS_KIND = re.compile(r"(?:全|我|本|该)([市县区])(?![委长民场区级属直政场])")

#: The model's tags that open no item of a list of names (as in ``extract_names.enumerations``).
_NOT_IN_A_LIST_NAME = {"p", "c", "u", "d", "w", "vd", "ad"}


def park_stem(name: str) -> str:
    """A park's name as one entity whether the text writes …园 or …园区 (甲乙机械产业园区,
    then 甲乙机械产业园): the trailing 区 after 园 left off.

    >>> park_stem("甲乙机械产业园区"), park_stem("甲乙机械产业园"), park_stem("甲乙工业区")
    ('甲乙机械产业园', '甲乙机械产业园', '甲乙工业区')
    """
    return name[:-1] if name.endswith("园区") else name


def _slug(kind: str, name: str) -> str:
    return f"{kind}/x{hashlib.sha1(name.encode('utf-8')).hexdigest()[:12]}"


#: A sentence longer than this is read in pieces that end at a comma (or, with none, at this
#: length). The rules look at a clause or two around a word, and the corpus's longest sentence
#: is about 320 characters; without a bound, a line of thousands of clauses (one "sentence")
#: costs time growing with the square of its length.
MAX_SENTENCE = 600


def clause_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` as one sentence, or as pieces of at most ``MAX_SENTENCE`` characters
    that end after a comma where there is one.

    >>> clause_pieces("甲，" * 400, 0, 800)
    [(0, 600), (600, 800)]
    """
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = max(text.rfind("，", start, start + MAX_SENTENCE), text.rfind(",", start, start + MAX_SENTENCE))
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


class _Occurrences:
    """Where short words stand in a text, as ``re.finditer`` would find them (left to right, not
    overlapping), counted once per word instead of once per question."""

    def __init__(self, text: str):
        self.text = text
        self._starts: dict[str, list[int]] = {}

    def outside(self, word: str, start: int, end: int) -> bool:
        """Whether ``word`` is found starting anywhere but in [start, end).

        >>> _Occurrences("甲乙园，甲乙").outside("甲乙", 0, 3), _Occurrences("甲乙园").outside("甲乙", 0, 3)
        (True, False)
        """
        if word not in self._starts:
            self._starts[word] = [m.start() for m in re.finditer(re.escape(word), self.text)]
        starts = self._starts[word]
        return len(starts) > bisect_left(starts, end) - bisect_left(starts, start)


class _Extractor:
    def __init__(self, text: NormalizedText, source: str, original: str, document_date: date | None):
        self.norm = text
        self.text = text.text
        self.source = source
        self._original = original
        self.document_date = document_date
        self.places = place_gazetteer()
        self.chains = chain_gazetteer()
        self.spans: list[_Span] = []
        # table projects and the heading cell that names their owner: ((start, end), (start, end))
        self.table_owned: list[tuple[tuple[int, int], tuple[int, int]]] = []
        self.planned_cells: list[tuple[int, int]] = []  # cells of a table's column of planned projects
        self.relations: list[tuple[str, str, str, float, tuple[int, int], tuple, str]] = []
        self.region: set[str] = set()  # prefectures where the article's facts are (find_relations)
        self._where_keys: set[str] | None = None
        self._chains_of_paragraph: dict[tuple[int, int], list[_Span]] = {}
        self.index = SpanIndex()  # spans by position: no rule scans every span for every sentence
        # the gazetteer and the short forms this article gives its counties (``_find_places``)
        self._article_places: ChainMap[str, PlaceEntry] = ChainMap({}, self.places)
        #: the stems of the towns the article names in full (甲乙 of 甲乙镇), each with its town
        self._town_stems: dict[str, PlaceEntry] = {}

    # -- entities ----------------------------------------------------------------------------
    def _named(self, pattern: str, kind: str, default_type: str) -> None:
        for match in re.finditer(pattern, self.text):
            end = match.end()
            start = _left_extent(self.text, end)
            raw = self.text[start:end]
            name = _cut_name(raw, len(match.group()))
            if kind == "park" and (firm := FIRM_BEFORE_ITS_PARK.match(name)) is not None:
                name = name[firm.end():]  # 甲乙科技有限公司丙丁科技园: the firm's park, not the firm
            start = end - len(name)
            stem = name[: len(name) - len(match.group())]
            if len(name) < 3 or stem in _GENERIC_NAMES or not stem or re.search(r"\d|全市|我市|各县", stem) \
                    or _RANKED.search(stem) or _A_KIND_OF_PLACE.fullmatch(stem):
                continue  # 全国省级开发区, 全省第四家国家级高新区: a rank or a class, not a name
            if kind == "org" and (self._is_regional_collective(stem) or NEWS_MEDIUM.search(name)):
                continue  # (甲乙日报报业集团: the source of the report)
            if match.group() == "新区" and not any(stem + level in self.places for level in ("", "市", "县", "区")):
                continue  # 甲市新区 is a city's new district; 甲乙大学丙丁新区 a campus
            if kind == "park" and match.group() == "园区" and (
                    re.search(r"开发区|高新区|投资区|工业区|专区|分$|" + _TITLE_OR_KIND.pattern, stem)
                    or stem in self.places  # 泉州园区标准化: the city's parks, no one park
                    or not extract_lexical.holds_a_name_word(self, start, end - 2)):
                # X开发区Y园区: the zone's park (_parks_inside_zones); 中国化工园区, 后续园区: a title or a kind;
                # X分园区: a part of a park; 进行园区, 全产业链园区: no word of a name before 园区; 泉州园区: a place's parks
                continue
            if kind == "park" and _PARK_OF_A_TRADE.fullmatch(match.group()) and _TITLE_OR_KIND.search(stem):
                continue  # 中国化工园区20强: a title, as with 园区
            entity_type = default_type
            if kind == "org":
                entity_type = next((t for suffix, t in _ORG_TYPES if name.endswith(suffix)), "Company")
            self.spans.append(_Span(start, end, entity_type, name, name))

    def _is_regional_collective(self, stem: str) -> bool:
        """福州地区大学 (the universities of an area), 甲市乙市两地商务局 (the bureaus of both): places
        and 地区 / 区域 / 两地 before the suffix name a group of bodies, not one body.

        >>> _Extractor(normalize_article(""), "demo", "", None)._is_regional_collective("福州地区")
        True
        >>> _Extractor(normalize_article(""), "demo", "", None)._is_regional_collective("福州南平两地")
        True
        """
        area = re.sub(r"(?:地区|区域|一带|[两三四各多]地)$", "", stem)
        if area == stem:
            return False
        run = opening_run(area + "。", self.places)  # 甲市乙市两地商务局: every place before 两地
        return area in self.places or bool(run) and run[-1][1] == len(area)

    def find_entities(self) -> None:
        text = self.text
        self._named(_ZONE_SUFFIX, "zone", "DevelopmentZone")
        for span in self.spans:
            span.extra["inside"] = True  # a zone in a park's name (鲤城高新区科创中心) stays
        self._named(_PARK_SUFFIX, "park", "IndustrialPark")
        self._named(_ORG_SUFFIX, "org", "Company")
        extract_lexical.refine_suffix_names(self, f"{_ZONE_SUFFIX}|{_PARK_SUFFIX}|{_ORG_SUFFIX}")  # the model's words
        for match in re.finditer(rf"(?:引入|引进|招引)({_NAME_CHARS}{{2,20}}?(?:中心|工厂|项目|基地))", text):
            name = _cut_name(match.group(1), 2)
            if _COUNTED.search(name) or re.search(r"产业链|上游|下游", name) or names_a_kind(name[:-2], name[-2:], self.chains) \
                    or SUPERLATIVE_FIRST.match(name):
                continue  # 引进内资项目152项: a kind of project; 引进的最大化工项目: a rank
            entity_type = "Company" if name.endswith("中心") else "Project"
            self.spans.append(_Span(match.end() - len(name), match.end(), entity_type, name, name))
        for match in re.finditer(rf"(?:建设|新建)({_NAME_CHARS}{{2,12}}?(?:工厂|项目|基地))", text):
            name = _trim_leading(match.group(1))  # 投资建设的X项目: the 的 is not the project's
            if _COUNTED.search(name) or extract_lexical.lexical_rules_enabled() and reads_as_a_clause(name[:-2]):
                continue  # (新建或拟建涉X项目: a clause before 项目)
            self.spans.append(_Span(match.end(1) - len(name), match.end(1), "Project", name, name))
        for match in _ENUMERATION.finditer(text):
            items_text = match.group(1)
            position = match.start(1)
            items = items_text.split("、")
            items[0] = _trim_leading(_cut_name(items[0], 0))  # 多年来涌现出A、B等: the list starts at A
            position = match.end(1) - len("、".join(items))
            if extract_lexical.lexical_rules_enabled():  # 集群拥有|A: a verb the word lists miss, from the model's tags
                cut = name_start(TokenIndex.of(text), position, position + len(items[0]) + 1, 1, _NOT_IN_A_LIST_NAME)
                items[0], position = items[0][cut - position:], cut
            leaders = "龙头" in text[match.end(1):match.end()]
            # A、B等(重点)项目: projects by their short names (extract_names.enumerations reads the same)
            projects = match.group(2) == "项目" and lists_projects(text, match.start(1), match.end(1) + 1, match.end())
            if projects and extract_lexical.lexical_rules_enabled() and extract_lexical.lists_kinds_of_work(text, position, match.end(1)):
                continue  # 引进铸造、机械加工、建材生产等项目: kinds of work, no project's name
            for item in items:
                if not self._is_known_word(item) and not re.search(r"\d|项目|及|部门|机构", item):
                    kind = "Project" if projects and not re.search(f"{_ORG_SUFFIX}$", item) else "Company"
                    listed = {"list": {"head": match.group(2), "leaders": leaders}}
                    self.spans.append(_Span(position, position + len(item), kind, item, item,
                                            {"listed_as_leader": True, **listed} if leaders else listed))
                position += len(item) + 1
        for match in re.finditer(rf"({_NAME_CHARS}{{2,10}}?)与({_NAME_CHARS}{{2,8}}?)(?:签订|签署|共建|合作)", text):
            first = _cut_name(match.group(1), 0)
            for name, end in ((first, match.end(1)), (match.group(2), match.end(2))):
                if not self._is_known_word(name) and name not in self.places and not re.search(r"\d|之间|的|[区市县省镇乡]$", name) \
                        and not re.search(f"(?:{_PARK_SUFFIX}|{_ZONE_SUFFIX})$", name):  # a park signs too
                    self.spans.append(_Span(end - len(name), end, "Company", name, name))
        for a, b in role_holders(text):
            self.spans.append(_Span(a, b, "Company", text[a:b], text[a:b]))
        for short, full in EXCHANGES.items():
            for match in re.finditer(re.escape(short), text):
                self.spans.append(_Span(match.start(), match.end(), "StockExchange", full, full))
        # a branch names its parent: 中国机械总院海西分院 → 中国机械总院
        for span in list(self.spans):
            parent = re.match(rf"^({_NAME_CHARS}{{2,12}}?(?:总院|集团|研究院))({_NAME_CHARS}{{2,6}}(?:分院|分公司))$", span.name)
            if parent:
                name = parent.group(1)
                self.spans.append(_Span(span.start, span.start + len(name), "ResearchInstitute" if "院" in name else "Company",
                                        name, name, {"inside": True}))
        self._former_names()
        self._find_places()
        extract_lexical.add_lexical_names(self)  # organizations the model tags, enumerations
        self._parks_inside_zones()
        self._park_phases_and_branches()
        self._park_kinds_from_context()
        self._projects_named_after_places()
        self._projects_where_said()
        self._projects_opening_clauses()
        self._box_table_projects()
        extract_lexical.add_projects_by_ending(self)  # …的X项目 wherever it stands, where nothing else was found
        self._investors_named()
        self._firms_rebuilding_projects()
        self._mark_firms_opening_projects()
        self._find_chains()
        self._find_figures()
        self._dedupe()
        # X供图 / X摄: who supplied a photo is a credit, not what the article says (a name there is no mention)
        self.spans = [s for s in self.spans if not _CREDIT.match(self.text, s.end)]
        extract_lexical.after_dedupe(self)  # 甲乙 and 甲乙体育用品有限公司: one firm; 高新区 back to its zone
        add_short_form_mentions(self)  # X(以下简称“Y”) … Y: later mentions of the same firm
        self.index = SpanIndex()  # (the passes above changed the span list)
        add_repeated_name_mentions(self, partial(extract_lexical.on_word_boundaries, self))
        self._parks_by_their_endings()
        self._parks_named_by_their_kind()
        self._places_named_by_their_kind()

    def _places_named_by_their_kind(self) -> None:
        """全市 / 我县 / 该区 …: the city, county or district the article is about (the one of
        that level it names most, ``extract_places.place_of_kind``), a mention of it."""
        places = [s for s in self.spans if s.type in ("AdministrativeArea", "DevelopmentZone") and not s.extra.get("neighbour")]
        added = []
        for match in _PLACE_BY_ITS_KIND.finditer(self.text):
            if any(s.start <= match.start() < s.end for s in self.spans if s.type not in ("IndustrialChain", "Observation")):
                continue
            place = place_of_kind(places, match.group(1))
            if place is not None:
                added.append(_Span(match.start(), match.end(), place.type, place.name, place.key,
                                   {**place.extra, "named_by_its_kind": True}))
        self._insert_mentions(added)

    def _insert_mentions(self, added: list[_Span]) -> None:
        """Add mentions found after the names were settled, in text order (a fresh span index)."""
        if added:
            self.spans = sorted(self.spans + added, key=lambda s: (s.start, -(s.end - s.start)))
            self.index = SpanIndex()

    def _parks_by_their_endings(self) -> None:
        """乙丙产业园 where the article names 甲乙丙产业园 (the first words left off, or cut off by a
        quote: “甲”乙丙产业园): the same park, when the ending it shares is at least five characters
        (no mere kind of park: 物流园, 产业园区)."""
        parks = [s for s in self.spans if s.type == "IndustrialPark" and not s.extra.get("inside")]
        names = {park_stem(s.name): s.key for s in parks}
        for span in parks:
            stem = park_stem(span.name)
            longer = [name for name in names if name != stem and name.endswith(stem)]
            if len(stem) >= 5 and len({names[name] for name in longer}) == 1 and not names_a_kind(stem[:-3], stem[-3:], self.chains):
                span.key = names[longer[0]]

    def _parks_named_by_their_kind(self) -> None:
        """园区二期… / 该园区… after a paragraph about one park: a mention of that park
        (``extract_parks.park_named_by_its_kind``), so the sentence's rules read it as its subject."""
        parks = sorted((s.start, s.end, s.key) for s in self.spans if s.type == "IndustrialPark" and not s.extra.get("inside"))
        if not parks:
            return
        by_key = {s.key: s for s in self.spans if s.type == "IndustrialPark"}
        names = [(s.start, s.end) for s in self.spans if s.type not in ("IndustrialChain", "Observation")]
        added = []
        for match in re.finditer(r"(?:该|本)?园区", self.text):
            at = match.start()
            if any(a <= at < b for a, b in names):
                continue  # 甲乙产业园区: the ending of a name
            sentence_start = max(self.text.rfind(mark, 0, at) for mark in "。！？；\n") + 1
            opening = skip_opening_adverbials(self.text, sentence_start, at + 2) == at \
                or not _ENTERING.sub("", self.text[sentence_start:at]).strip()  # (走进园区，…: the park the text is in)
            found = park_named_by_its_kind(self.text, at, parks, opening)
            if found is not None:
                park = by_key[parks[found[1]][2]]
                added.append(_Span(at, found[0], "IndustrialPark", park.name, park.key, {"named_by_its_kind": True}))
        self._insert_mentions(added)

    def _drop_what_names_nothing(self) -> None:
        """Slogans and honours (打造中国X谷, 被评为十大…产业园) and kinds in a name's place
        (国外大公司, 内资项目, 省级经济开发区): see ``extract_generic``. Gazetteer places stay."""
        ending = re.compile(rf"(?:{_ZONE_SUFFIX}|{_PARK_SUFFIX}|{_ORG_SUFFIX}|产业基地|基地|项目|工程)$")
        kept = []
        for span in self.spans:
            if span.type in _NAMED_AFTER_PLACES and "place" not in span.extra:
                if in_slogan_frame(self.text, span.start, span.end):
                    continue
                if (end := ending.search(span.name)) is not None and names_a_kind(span.name[:end.start()], end.group(), self.chains):
                    continue
                if end is not None and span.type == "IndustrialPark" and (
                        chain_park_of_a_sort(self.text, span.start, span.name[:end.start()], self.chains)
                        or titles_in_apposition(self.text, span.start, span.end, self._zone_or_park_at)):
                    continue  # 以往的X产业园: such parks; 作为…X产业园区，Y开发区: what Y is called
            kept.append(span)
        self.spans = kept
        # 项目有A、B等: what the list names are projects, though a name may end as a park's does
        # (and A项目、B项目: lists of projects each named in full, told from clauses by the model's words)
        named_lists = named_project_lists(self.text) if extract_lexical.lexical_rules_enabled() else []
        introduced = set(projects_introduced(self.text)) | set(named_lists)
        for span in self.spans:
            if (span.start, span.end) in introduced and (span.type == "IndustrialPark" or span.type == "Company" and not _FIRM_ENDING.search(span.name)):
                span.type = "Project"
        # 签约的项目包括A、B等: an item no rule named is a project by its place in the list
        for a, b in [*named_lists, *projects_introduced(self.text, of_many=True)]:
            name = self.text[a:b]
            if b - a < 4 or _COUNTED.search(name):
                continue
            overlapping = [s for s in self.spans if s.start < b and a < s.end and s.type not in ("AdministrativeArea", "IndustrialChain")]
            if not overlapping:
                self.spans.append(_Span(a, b, "Project", name, name, {"introduced": True}))
                continue
            # 未来|鞋面材料科技产业园, 甲乙总部及|丙丁基地项目: the item in full is the name, what was found at
            # its end and the projects or parks inside it are its parts (a firm inside keeps its own name)
            tails = [s for s in overlapping if s.end == b and a < s.start and s.type in ("IndustrialPark", "Project")]
            parts = [s for s in overlapping if s.type in ("IndustrialPark", "Project")]
            joined = joining_conjunction(name) is not None
            if all(a <= s.start and s.end <= b for s in overlapping) and parts == overlapping and (tails or joined):
                self.spans = [s for s in self.spans if not any(s is part for part in parts)]
                self.spans.append(_Span(a, b, "Project", name, name, {"introduced": True}))

    def _zone_or_park_at(self, position: int) -> bool:
        return any(s.start == position and s.type in ("DevelopmentZone", "IndustrialPark") for s in self.spans)

    # -- projects, investors, tables: the language of project news ------------------------------
    def _place_opening(self, name: str) -> str | None:
        """The place (area or zone) a name opens with, longest first: 石狮X项目 → 石狮."""
        for length in range(min(len(name) - 1, 9), 1, -1):
            entry = self.places.get(name[:length])
            if entry is not None and entry.type in ("AdministrativeArea", "DevelopmentZone"):
                return name[:length]
        return None

    def _projects_named_after_places(self) -> None:
        """石狮X项目, 福建X一体化项目: a name that opens with a place and ends in 项目 / 工程 is a
        project (``_name_relations`` then places it there). Kinds of project (泉州市重大项目),
        counts (三大项目) and clauses with a verb (晋江分园投资X项目) are no names."""
        for match in _PROJECT_END.finditer(self.text):
            end = match.end()
            name = _cut_name(self.text[_left_extent(self.text, end):end], 2)
            place = self._place_opening(name)
            if place is not None and _is_project_body(name[len(place):-2]):
                self.spans.append(_Span(end - len(name), end, "Project", name, name))

    def _park_phases_and_branches(self) -> None:
        """X园区(二期) is the park's phase (an alias of the park); X产业园Y分园 is a branch park that lies
        in X产业园 (its ``within``), Y its place or part."""
        for park in [s for s in self.spans if s.type == "IndustrialPark"]:
            if phase := _PARK_PHASE.match(self.text, park.end):
                # one park: named as the table of projects names it, and as written with its phase
                park.extra.setdefault("aliases", []).append(park.name + phase.group())
                park.end = phase.end()  # (what follows the park follows its phase: 在X园区(二期)投资建设)
            elif branch := _PARK_BRANCH.match(self.text, park.end):
                name = park.name + branch.group()
                park.extra["inside"] = True  # the park stays an entity of its own
                self.spans.append(_Span(park.start, branch.end(), "IndustrialPark", name, name, {"within": park}))

    def _park_kinds_from_context(self) -> None:
        """What the words around a park's name say of it (``extract_parks``): X工业区是…开发区 is a
        zone; X产业园(二期)作为项目… a project; 甲乙、丙丁石化园区 names 甲乙石化园区 too."""
        alone = {s.name for s in self.spans if s.type == "IndustrialPark" and not _PARK_AS_A_PROJECT.match(self.text, s.end)}
        for park in [s for s in self.spans if s.type in ("IndustrialPark", "DevelopmentZone")]:
            if park.type == "IndustrialPark" and park.name not in alone and (project := _PARK_AS_A_PROJECT.match(self.text, park.end)) \
                    and not _A_PARK_AGAIN.search(self.text, park.end, self._said_about_until(park)):
                # 甲乙产业园(三期)(建设)项目, the park never named alone: a project that builds it
                park.type, park.end = "Project", project.end()
                park.name = park.key = self.text[park.start:park.end]
                continue
            if park.type == "IndustrialPark" and park.name.endswith("工业区") and called_a_zone(self.text, park.end):
                park.type = "DevelopmentZone"
            elif park.type == "IndustrialPark" and any(_PARK_PHASE.search(a) for a in park.extra.get("aliases", ())) \
                    and phase_called_a_project(self.text, park.end):
                park.type = "Project"
            places = self._article_places
            for start, end, name in shared_ending_items(self.text, park.start, park.name, places.__contains__):
                self.spans.append(_Span(start, end, park.type, name, name,
                                        {"shares_ending_with": park, "opening_place": places[self.text[start:end]]}))

    def _parks_inside_zones(self) -> None:
        """X开发区Y园区 / X开发区Y园: two to four characters and 园区 (or 园) right after a development
        zone name a park of that zone (its ``within``); 各园区, 工业园区, 公园 and the like are no names."""
        for zone in [s for s in self.spans if s.type == "DevelopmentZone"]:
            match = _PART_OF_ZONE.match(self.text, zone.end)
            if match and match.group(1) not in _GENERIC_NAMES and not _NOT_A_PARK_NAME.search(match.group(1)):
                self.spans.append(_Span(match.start(), match.end(), "IndustrialPark", match.group(), match.group(),
                                        {"within": zone}))
                # (甲高新技术产业开发区乙化工园 read whole as one park by its trade: the zone and its park)
                self.spans = [s for s in self.spans if not (s.type == "IndustrialPark" and s.start == zone.start
                                                            and s.end == match.end())]

    def _place_run(self, position: int) -> list[_Span]:
        """The places written one after another from ``position`` (泉州开发区官桥园区): each the
        longest area, zone or park that starts where the one before ended."""
        run = []
        while starting := [s for s in self.spans if s.start == position and s.type in _WHERE and s.end > s.start]:
            run.append(max(starting, key=lambda s: s.end))
            position = run[-1].end
        return run

    def _projects_where_said(self) -> None:
        """位于{place…}(的){name}项目(现场): the project named right after 位于 and where it lies
        (its location is read in ``_located_where_said``)."""
        for match in re.finditer("位于", self.text):
            run = self._place_run(match.end())
            if not run:
                continue
            at = run[-1].end + self.text.startswith("的", run[-1].end)
            named = _PROJECT_AFTER_PLACE.match(self.text, at)
            if named and _is_project_body(named.group(1)[:-2]):
                self.spans.append(_Span(at, named.end(1), "Project", named.group(1), named.group(1)))

    def _projects_opening_clauses(self) -> None:
        """…，甲乙科技项目将崛起于…: a name ending in 项目 that opens a clause and is followed by
        what a project does (将 / 已 / 总投资 / 落地 / 开工 …) is the clause's subject, a project.
        Kinds of project (重点项目), pronouns (该项目) and words with a verb are no names."""
        for match in _PROJECT_SUBJECT.finditer(self.text):
            name = match.group(1)
            body = name[:-2]
            # (a clause does not open on a conjunction before its subject: 和 / 与 here start a name)
            if _is_project_body(body[1:] if body[0] in "和与" else body) \
                    and not re.match(r"[该这此本各全我其]", body) and not self._is_known_word(body):
                self.spans.append(_Span(match.start(1), match.end(1), "Project", name, name))

    def _box_tables(self) -> list[list[list[tuple[int, int]]]]:
        """Box-drawing tables: runs of consecutive lines ruled by │, each row a list of cell spans
        (the text between two rules; the ruling lines were dropped by normalization)."""
        tables: list[list[list[tuple[int, int]]]] = []
        previous_end = None
        for line in re.finditer(r"[^\n]+", self.text):
            rules = list(_BOX_RULE.finditer(line.group()))
            if not rules:
                continue
            cells, start = [], line.start()
            for rule in rules:
                cells.append((start, line.start() + rule.start()))
                start = line.start() + rule.end()
            cells.append((start, line.end()))
            if previous_end is None or line.start() != previous_end + 1:
                tables.append([])
            tables[-1].append(cells)
            previous_end = line.end()
        return tables

    def _box_table_projects(self) -> None:
        """A table of projects ruled with box-drawing characters (┌─┬─┐ │ 1 │X工程│):

        - a row whose filled cells are all kinds of project (│在建项目│预备项目│) heads columns of projects;
        - below it, a cell of such a column, or any cell ending in 项目 / 工程 (or 项目一期 …), is a project;
        - a row whose only filled cell is an enumerated heading (``(十一)省X集团``) names the owner of
          the projects in the rows below, up to the next heading (``_table_owners`` relates them).
        """
        for table in self._box_tables():
            columns: dict[int, str] = {}  # column → its header
            heading = None
            for row in table:
                filled = [(i, a, b) for i, (a, b) in enumerate(row) if self.text[a:b].strip()]
                texts = [self.text[a:b] for _, a, b in filled]
                if filled and all(_PROJECT_HEADER.fullmatch(t) for t in texts):
                    columns = {i: t for (i, _, _), t in zip(filled, texts, strict=True)}
                    continue
                if len(filled) == 1 and (enumerator := _TABLE_HEADING.match(texts[0])):
                    heading = (filled[0][1] + enumerator.end(), filled[0][2])
                    continue
                for (i, a, b), cell in zip(filled, texts, strict=True):
                    if _PROJECT_CELL.fullmatch(cell) or (i in columns and len(cell) >= 4 and not re.search(r"\d", cell)):
                        # a column of 预备 / 拟建 / 计划 projects lists plans: what its rows say is intended
                        if _PLANNED_PROJECTS.search(columns.get(i, "")):
                            self.planned_cells.append((a, b))
                        self.spans.append(_Span(a, b, "Project", cell, cell))
                        if heading is not None:
                            self.table_owned.append(((a, b), heading))

    def _investor_items(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The items of 由[A、B和C](各)投资 as spans: the list starts after its last 的 (由全球第一的X投资 is
        X) and is split at 、 / 和 / 与 / 及."""
        offset = start + self.text[start:end].rfind("的") + 1
        items = []
        for separator in [*_LIST_SEPARATOR.finditer(self.text, offset, end), None]:
            stop = separator.start() if separator else end
            items.append((offset, stop, self.text[offset:stop]))
            offset = separator.end() if separator else end
        return items

    def _investors_named(self) -> None:
        """由A、B、C各投资: a list of investors is a list of bodies. An item that is a known
        organization or a place (a province takes shares too) shows it, and then the other items
        that look like names (中石化, no digit, no mojibake ``?``, no 客商 / 外商 / 企业 kind) are firms."""
        for match in _INVESTED_BY.finditer(self.text):
            items = self._investor_items(match.start(1), match.end(1))
            known = [self._known_body(a, b, item) for a, b, item in items]
            if len(items) < 2 or not any(known):
                continue
            for (a, b, item), body in zip(items, known, strict=True):
                if not body and _looks_like_a_name(item) and not self._is_known_word(item):
                    self.spans.append(_Span(a, b, "Company", item, item))

    def _known_body(self, start: int, end: int, item: str) -> bool:
        return item in self.places or any(start <= s.start and s.end <= end and s.type in _ORGS for s in self.spans)

    def _firms_rebuilding_projects(self) -> None:
        """X改扩建工程, X技改项目: a firm rebuilds or enlarges its own plant, so X is the firm when
        its words end as a firm's name does (甲乙重工, 甲乙纸业) and do not open with a place (a
        place's 石化扩建工程 is the place's)."""
        for project in [s for s in self.spans if s.type == "Project"]:
            rebuilt = _REBUILT.search(project.name)
            firm = project.name[:rebuilt.start()] if rebuilt else ""
            if 4 <= len(firm) <= 10 and _FIRM_NAME_END.search(firm) and self._place_opening(firm) is None \
                    and not re.search(r"[\d及和与、/]", firm) \
                    and not any(o.type in _ORGS and o.start == project.start for o in self.spans):
                self.spans.append(_Span(project.start, project.start + len(firm), "Company", firm, firm))

    def _mark_firms_opening_projects(self) -> None:
        """A project named after its firm (X集团Y扩建项目) keeps the firm as a name of its own."""
        for project in [s for s in self.spans if s.type == "Project"]:
            for firm in self.spans:
                if firm.type in ("Company", "ResearchInstitute") and firm.start == project.start and firm.end < project.end:
                    firm.extra["inside"] = True

    def _former_names(self) -> None:
        """先进制造研究院(原哈工大研究院): the name in brackets is an alias, not another body."""
        for span in list(self.spans):
            match = re.match(rf"[(（](?:原|简称[:：]?|简称“)({_NAME_CHARS}{{2,20}})”?[)）]|[，,]简称“({_NAME_CHARS}{{2,20}})”",
                             self.text[span.end:span.end + 24])
            if match:
                alias = match.group(1) or match.group(2)
                span.extra.setdefault("aliases", []).append(alias)
                self.spans = [s for s in self.spans if not (s.name == alias or (s.start >= span.end and s.end <= span.end + len(match.group())))]

    def _is_known_word(self, word: str) -> bool:
        return (word in self.places or word in self.chains or any(word in name for name in self.chains)
                or any(word.endswith(s) for s in ("产业", "行业", "领域")))

    def _find_places(self) -> None:
        found = []
        for match in _place_finder().finditer(self.text):
            if (end := extract_lexical.place_end(self, match.start(), match.end())) is None:
                continue  # 和县 in 和县域经济: only a match on the model's word boundaries is a place
            written = self.text[match.start():end]
            entry = self.places[written]
            if entry.type == "AdministrativeArea" and not (entry.division_code or "").startswith(_HOME_PROVINCE_CODE) \
                    and (extract_lexical.is_common_noun(self, match.start(), end)
                         or extract_lexical.part_of_a_longer_word(self, match.start(), end)):
                continue  # 城区 (the urban area) of 宁德中心城区: a common noun or a word's end, a place only far away
            if _MEDIA.match(self.text, end):
                continue  # 福建日报, 新福建客户端, 泉州晚报: the name of a newspaper or a site, no place the article speaks of
            extra: dict = {"place": entry}
            if written[-1:] in "市区" and entry.name != written and entry.name[:-1] == written[:-1]:
                extra["aliases"] = [written]  # 龙海市 (now 龙海区), 长泰区 (长泰县 in the table): another level's name
            self.spans.append(_Span(match.start(), end, entry.type, entry.name, entry.id, extra))
            found.append((match.start(), end, entry))
        # 甲乙县 …, then 甲乙: the short form of a county the article names in full
        for start, end, entry in short_forms_named_in_full(self.text, found):
            if extract_lexical.on_word_boundaries(self, start, end):
                self.spans.append(_Span(start, end, entry.type, entry.name, entry.id, {"place": entry}))
                self._article_places.setdefault(self.text[start:end], entry)
        for start, end, entry in extract_lexical.counties_read_by_the_model(self):  # 延伸至古田、福鼎: Fujian's counties
            self.spans.append(_Span(start, end, entry.type, entry.name, entry.id, {"place": entry}))
        self._find_towns()

    def _find_towns(self) -> None:
        """Towns the division table does not list (``extract_towns``): a town named once after its
        county keeps that county when the article names it again alone."""
        if not extract_lexical.lexical_rules_enabled():
            return
        towns = town_mentions(self.text, self.places)
        parents: dict[str, PlaceEntry] = {}
        for town in towns:
            if town.parent is not None:
                parents.setdefault(town.name, town.parent)
        for town in towns:
            entry = town_entry(Town(town.start, town.end, town.name, town.parent or parents.get(town.name)))
            entry = self._article_places.setdefault(town.name, entry)
            self.spans.append(_Span(town.start, town.end, entry.type, entry.name, entry.id, {"place": entry}))
        # 甲乙镇 …, then 甲乙: the town's stem where the model reads it as a place is the town, and a
        # name that opens with it (甲乙智能制造园) lies there
        for town in towns:
            if town.name.endswith(("镇", "乡")) and len(town.name) >= 3:
                self._town_stems.setdefault(town.name[:-1], self._article_places[town.name])
        for start, end, entry in extract_lexical.towns_by_their_stems(self, self._town_stems):
            if not any(s.start < end and start < s.end for s in self.spans if s.type == "AdministrativeArea"):
                self.spans.append(_Span(start, end, entry.type, entry.name, entry.id, {"place": entry}))
        # 南阳镇: the city's short form inside a town's name is no mention of the city
        self.spans = [s for s in self.spans if s.type != "AdministrativeArea" or s.extra.get("place") is None
                      or s.extra["place"].admin_level == "township"
                      or not any(t.start <= s.start and s.end < t.end for t in towns)]

    def _find_chains(self) -> None:
        """Chains by the ontology's labels wherever they stand, and as the text names them
        (``extract_chains.chain_mentions``: 打造X产业链, X产业集群, A、B等产业 …); a chain the text
        names that no template lists is also found inside names (X物流园区 grows 物流)."""
        named = [s for s in self.spans if s.type not in ("AdministrativeArea",)]
        tokens = None if extract_lexical.lexical_rules_enabled() else ()  # (rules alone: no model's words)
        mentions = [m for m in chain_mentions(self.text, [(s.start, s.end) for s in named], self.places, tokens)
                    if m.template or extract_lexical.holds_a_noun(self, m.start, m.end)  # 迈入|产业链: no industry
                    or DISPLAY_INDUSTRY.search(m.words)]
        mentions = made_in_named_chains(mentions)
        for mention in mentions:
            note = None if mention.template else f"a chain named by the text ('{mention.words}'), in no template"
            self.spans.append(_Span(mention.start, mention.end, "IndustrialChain", mention.name, mention.chain_id,
                                    {"mention": mention, "note": note}))
        said = [(m.start, m.end) for m in mentions]
        own_words = self._own_chain_words(mentions, named, said)
        for match in _chain_pattern().finditer(self.text):
            start, end = match.span()
            # a chain word that straddles a name's edge is no mention (孵化工研智高 holds no 化工)
            if any((s.start < start < s.end < end) or (start < s.start < end <= s.end) for s in named):
                continue
            if any(a <= start and end <= b for a, b in said) or any(a <= start < b for a, b in own_words) \
                    or any(a < start < b for a, b in said):
                continue  # in the words of a mention, or of a chain the text named itself, which say which chain
            if extract_lexical.straddles_words(self, start, end) and not any(s.start <= start and end <= s.end for s in named):
                continue  # 自动化工厂 holds no 化工 (a name's words are read by the name rules)
            if names_a_wider_trade(match.group()) and any(
                    s.start <= start and end <= s.end for s in named if s.type in (*_ORGS, "Project")):
                continue  # X化工有限公司, X纺织项目: the firm's trade, no mention of the chain
            if _RAW_MATERIAL.match(self.text, end) and "以" in self.text[max(0, start - 8):start]:
                continue  # 以废旧纺织品为原料: a material the industry uses, no mention of the chain
            if start > 0 and match.group() == "化工" and self.text[start - 1] in _FEEDSTOCKS \
                    and not any(s.start < start < s.end for s in named):
                # 煤化工, 盐化工, 氟化工: the chemistry of a feedstock is an industry of its own, not 石化
                chain = resolve_chain(self.text[start - 1:end])
                self.spans.append(_Span(start - 1, end, "IndustrialChain", chain.name, chain.chain_id,
                                        {"note": f"a chain named by the text ('{chain.name}'), in no template"}))
                continue
            entry = self.chains[match.group()]
            self.spans.append(_Span(start, end, "IndustrialChain", entry.name, entry.id))

    def _own_chain_words(self, mentions, named, said) -> list[tuple[int, int]]:
        """A chain the text names in its own words (氟新材料产业链) is meant wherever those words
        stand again: inside names (X物流园区 grows 物流), and before a word that is no head
        (氟新材料企业). Returns where they stand, outside the mentions already found."""
        own = {m.words: m for m in mentions if not m.template}
        found = []
        for mention in own.values():
            longer = [w for w in own if mention.words in w and w != mention.words]
            for match in re.finditer(re.escape(mention.words), self.text):
                inside_longer = any(self.text.startswith(w, at) for w in longer
                                    for at in range(max(0, match.end() - len(w)), match.start() + 1))
                if (match.start(), match.end()) in said or inside_longer:
                    continue
                in_name = any(s.start <= match.start() and match.end() <= s.end for s in named)
                # (elsewhere, words of three characters or more that are whole words of the model: 把新型功能材料作为…)
                alone = len(mention.words) >= 3 and extract_lexical.on_word_boundaries(self, match.start(), match.end()) \
                    and not any(s.start < match.end() and match.start() < s.end for s in named)
                if in_name or alone or re.match(r"企业|公司|项目|集群|基地", self.text[match.end():match.end() + 2]):
                    found.append((match.start(), match.end()))
                    self.spans.append(_Span(match.start(), match.end(), "IndustrialChain", mention.name, mention.chain_id,
                                            {"note": f"a chain named by the text ('{mention.words}'), in no template"}))
        return found

    def _find_figures(self) -> None:
        for pattern, measure in ((_MONEY, "money"), (_AREA, "area"), (_COUNT, "count")):
            for match in pattern.finditer(self.text):
                value = match.group(0)
                self.spans.append(_Span(match.start(), match.end(), "Observation", value, f"{measure}:{match.start()}",
                                        {"value": match.group(1), "unit": match.group(2), "measure": measure}))
        for match in _DATE.finditer(self.text):
            resolved = _resolve_date(match, self.document_date)
            self.spans.append(_Span(match.start(), match.end(), "Observation", match.group(0), f"date:{match.start()}",
                                    {"measure": "date", "value": resolved, "unit": None}))

    def _dedupe(self) -> None:
        """Keep the longest of overlapping names of the same family; places and chains inside
        a park's or firm's name stay (they say where it is and what it does)."""
        named = [s for s in self.spans if s.type not in ("AdministrativeArea", "IndustrialChain", "Observation", "Date")]
        keep: list[_Span] = []
        kept: set[tuple[int, int, str]] = set()
        names = SpanIndex()
        for span in named:
            if not span.extra.get("inside") and any(
                    o.end - o.start > span.end - span.start and span.end <= o.end and o.start <= span.start
                    for o in names.overlapping(named, span.start, span.end)):
                continue  # inside a longer name
            if (span.start, span.end, span.type) in kept:
                continue
            keep.append(span)
            kept.add((span.start, span.end, span.type))
        # a zone found by suffix that is in the gazetteer takes the gazetteer's identity
        for span in keep:
            entry = self.places.get(span.name)
            if entry is not None:
                span.type, span.name, span.key, span.extra = entry.type, entry.name, entry.id, {"place": entry}
            elif span.type == "DevelopmentZone":
                short = span.name.removesuffix("管委会")
                if short in self.places:
                    span.name = self.places[short].name
                    span.key = self.places[short].id
        others = [s for s in self.spans if s.type in ("AdministrativeArea", "IndustrialChain", "Observation", "Date")]
        # drop places that sit inside an organization's own name (河钢 is no place) unless at its start
        organizations = [o for o in keep if o.type in ("Company", "ResearchInstitute")]
        in_organizations = SpanIndex()
        others = [s for s in others if s.type != "AdministrativeArea" or not any(
            o.start < s.start and s.end <= o.end for o in in_organizations.overlapping(organizations, s.start, s.end))]
        self.spans = sorted(keep + others, key=lambda s: (s.start, -(s.end - s.start)))
        self._drop_what_names_nothing()  # after the longest names won: what a kind's words hold is no name either
        self._brand_owners()

    def _brand_owners(self) -> None:
        """A park named after a brand (九牧卫浴智慧产业园) names a firm: 九牧 — if the text
        names the brand somewhere outside the park's name too."""
        chain_names = sorted(self.chains, key=len, reverse=True)
        parks = [s for s in self.spans if s.type == "IndustrialPark"]
        found = _Occurrences(self.text)
        for span in parks:
            if self.text[span.start:span.end] != span.name:
                continue  # 甲乙、丙丁X产业园: 甲乙X产业园 is not written out, so no brand is written in it
            name = self._strip_place_prefix(span.name)
            for chain_name in chain_names:
                at = name.find(chain_name)
                if not 2 <= at <= 3:
                    continue  # (the cheap tests first: counting the brand's mentions reads the text)
                brand = name[:at]
                offset = span.end - len(name)
                if not names_a_place(brand, self.places.__contains__) and brand not in self._town_stems \
                        and not self._is_known_word(brand) \
                        and not is_no_brand(brand, extract_lexical.is_common_noun(self, offset, offset + len(brand)),
                                            [p.name for p in parks]) \
                        and found.outside(brand, span.start, span.end):
                    self.spans.append(_Span(offset, offset + len(brand), "Company", brand, brand, {"brand_of": span.key, "inside": True}))
                    break

    def _strip_place_prefix(self, name: str) -> str:
        """The name without the places it opens with (龙岩市新罗区龙州工业园区 → 龙州工业园区)."""
        while (shorter := self._strip_first_place(name)) != name:
            name = shorter
        return name

    def _industry_phrase(self, chain: _Span) -> str | None:
        """The whole phrase a chain's words stand in before 产业 / 行业 (锂电新能源产业 for the chain
        read from 锂电; 先进装备制造产业), when it holds more than those words, else None."""
        end = chain.end
        rest = _INDUSTRY_WORD_AHEAD.match(self.text, end)  # 锂电|新能源|产业: more of the phrase's nouns
        if rest is not None and rest.group(1) and extract_lexical.holds_only_nouns(self, end, rest.end(1)):
            end = rest.end(1)
        before = _MODIFIER_BEFORE.search(self.text, max(0, chain.start - 2), chain.start)
        if not self.text.startswith(("产业", "行业"), end) or (end == chain.end and before is None):
            return None
        phrase = self.text[before.start() if before else chain.start:end]
        return phrase if _CHAIN_WORDS.fullmatch(phrase) else None

    def _strip_first_place(self, name: str) -> str:
        """The name without the one place it opens with (泉州市泉港区X园区 → 泉港区X园区)."""
        for length in range(min(len(name) - 2, 7), 1, -1):
            if name[:length] in self.places:
                return name[length:]
        return name

    # -- relations ---------------------------------------------------------------------------
    def _sentences(self) -> list[tuple[int, int]]:
        spans, start = [], 0
        for match in re.finditer(r"[。；;！？\n]", self.text):
            if match.start() > start:
                spans.extend(clause_pieces(self.text, start, match.end() if match.group() != "\n" else match.start()))
            start = match.end()
        if start < len(self.text):
            spans.extend(clause_pieces(self.text, start, len(self.text)))
        return spans

    def _add(self, subject: _Span, predicate: str, object_: _Span, prior: float, sentence, *qualifiers, rule: str) -> None:
        """Record a relation found by ``rule`` in ``sentence``; its confidence is the rule's measured
        precision drawn toward ``prior`` (``extract_confidence``)."""
        if predicate in _LOCAL_FACTS and (subject.extra.get("neighbour") or object_.extra.get("neighbour")):
            return  # 紧邻X, 对接X, 来自X的: X is named beside the facts, not as where they are
        if subject.key != object_.key:
            if not any(key == "modality" for key, _ in qualifiers):  # (a rule that reads the verb's own mood says it)
                qualifiers = (*qualifiers, ("modality", self._modality(sentence, subject, object_)))
            self.relations.append((subject.key, predicate, object_.key, confidence(rule, prior), sentence,
                                   qualifiers, rule))

    def _modality(self, sentence: tuple[int, int], *ends: _Span) -> str:
        """``intended`` when the clause that holds the relation's two ends (from the comma before
        the first to the comma after the last) speaks of a plan or aim, or one end is a project
        of a table's column of plans; else ``stated``."""
        s0, s1 = sentence
        if any(a <= e.start and e.end <= b for e in ends for a, b in self.planned_cells):
            return "intended"  # a project of a table's column of plans (预备项目)
        inside = [e for e in ends if s0 <= e.start and e.end <= s1]
        return clause_modality(self.text, s0, s1, min((e.start for e in inside), default=s0),
                               max((e.end for e in inside), default=s1))

    def _mark_neighbours(self) -> None:
        """Places, zones and parks the text names as neighbours or origins (``extract_places``)."""
        where = [s for s in self.spans if s.type in _WHERE]
        neighbours = set(neighbour_places(self.text, [(s.start, s.end) for s in where]))
        for span in where:
            if (span.start, span.end) in neighbours:
                span.extra["neighbour"] = True
        local = [s.extra["place"] for s in where if "place" in s.extra and not s.extra.get("neighbour")]
        self.region = region_of_concern(local, _places_by_id())

    def _in_region(self, span: _Span) -> bool:
        """Whether a place is in the article's region of concern (zones and parks always are)."""
        entry = span.extra.get("place")
        if entry is not None and entry.admin_level == "township" and entry.parent is None:
            return True  # a town named without its county: news names bare towns of the area it reports on
        return entry is None or entry.type != "AdministrativeArea" or in_region(entry, self.region, _places_by_id())

    def find_relations(self) -> None:
        self._mark_neighbours()
        entity_types = {"Company", "ResearchInstitute", "GovernmentBody", "Association", "StockExchange",
                        "IndustrialPark", "DevelopmentZone", "Project"}
        self._sentence_list = self._sentences()
        # (a fresh index: the passes before this one sort and trim the span list in place)
        self.index = SpanIndex()
        extract_lexical.add_name_places(self)  # 甲乙(泉州)科技有限公司 lies in 泉州市
        previous_subject = None
        for sentence in self._sentence_list:
            s0, s1 = sentence
            inside = self.index.within(self.spans, s0, s1)
            named = [s for s in inside if s.type in entity_types]
            chains = [s for s in inside if s.type == "IndustrialChain"]
            body = self.text[s0:s1]
            subject = self._sentence_subject(sentence, inside)
            previous_subject = self._elided_subject_grows(sentence, subject, previous_subject, chains, named)
            for span in named:
                self._name_relations(span, inside, sentence)
                if "shares_ending_with" in span.extra:
                    self._shared_ending_relations(span, sentence)
            if subject is not None:
                for span in named:
                    if span is subject or span.extra.get("brand_of") or span.type == "StockExchange" or span.extra.get("inside"):
                        continue
                    if self._located_by_its_name_or_place(span, subject):
                        continue
                    landed = re.search(r"(?:引进|引入|招引|落地|入驻|孵化|依托|推动|发挥|为|围绕|建成|建设)[^，。；]{0,6}$",
                                       self.text[max(s0, span.start - 12):span.start]) or span.extra.get("enumerated_with_verb")
                    if subject.type == "IndustrialPark" and span.type == "IndustrialPark":
                        continue
                    listed = not landed and self._listed_under_subject(span, subject, sentence, named)
                    if self._attracted_in_list(span, s0):
                        continue  # 引进A、B等配套项目: the firms came (attractedTo), the sentence says not where they settle
                    if subject.type in ("AdministrativeArea", "DevelopmentZone", "IndustrialPark") and span.type != "DevelopmentZone" \
                            and (landed or listed or self._enumerated_after_landing(span, sentence)):
                        confidence = 0.7 if span.type == "Project" and subject.type != "IndustrialPark" or listed else 0.8
                        target = subject
                        if span.type == "Project":
                            target = next((p for p in reversed(named) if p.type == "IndustrialPark" and p.end <= span.start), subject)
                        self._add(span, "locatedIn", target, confidence, sentence, rule="opening_place_lists" if listed else "opening_place_lands")
                        before = self.text[max(s0, span.start - 8):span.start]
                        if re.search(r"引进|引入|招引", before) and span.type in ("Company", "ResearchInstitute"):
                            self._add(span, "attractedTo", subject, 0.8, sentence, rule="opening_place_attracts")
            # a place or park that opens the clause (or else the sentence) grows the chains named freely in it
            for chain in chains:
                if not self._chain_is_free(chain, named):
                    continue
                clause_start = s0
                for m in re.finditer(r"[，,：:]", self.text[s0:chain.start]):
                    clause_start = s0 + m.end()
                clause_end = next((s0 + m.start() for m in re.finditer(r"[，,：:]", self.text[s0:s1]) if s0 + m.start() >= chain.end), s1)
                clause = self.text[clause_start:clause_end]
                host = self._sentence_subject((clause_start, clause_end), inside) \
                    or self._earlier_clause_subject(s0, clause_start, inside) or subject
                # 为X企业提供…: a clause that opens on whom the subject serves says what they do, not what it grows
                said = clause if _BENEFICIARY.match(clause) else clause + body
                if host is None or host.type not in ("AdministrativeArea", "DevelopmentZone", "IndustrialPark"):
                    continue
                if not self._in_region(host):
                    continue  # 厦门、泉州、莆田等地区…: a place outside the article's region is a comparison here
                if _RAW_MATERIAL.match(self.text, chain.end, clause_end):
                    continue  # 以废旧纺织品为原料: what is made from it is the industry, not the material
                upstream_words = re.search(r"(?:上游|下游)$", self.text[max(s0, chain.start - 2):chain.start])
                if upstream_words and not re.search(r"下游" + re.escape(self.text[chain.start:chain.end]) + r"产业链项目", body):
                    continue
                if re.search(r"导入|聚焦|发展|打造|形成|拓展|招引|引进|布局|培育|集聚|把[^，。；]{2,12}作为|" + _OWN_INDUSTRIES, said):
                    self._add(host, "hostsChain", chain, 0.7, sentence, rule="clause_host_grows")
            self._signed_projects_attracted(sentence, inside, subject)
            self._chain_relations(sentence, inside, named, chains)
            self._industry_frame_relations(sentence, inside, named, chains)
            extract_lexical.add_lexical_relations(self, sentence, named)  # leaders, attraction (before the patterns read them)
            self._pattern_relations(sentence, named, chains)
            self._located_where_said(sentence, named)
            self._located_by_lists(sentence, inside)
            self._what_a_place_brought_in(sentence, inside)
            self._chain_reaches_places(sentence, inside)
            self._origins_before_names(inside, named, sentence)
            self._located_in_frame(sentence, named)
            self._parks_in_their_zones(sentence, named)
            self._invested_by(sentence, named)
        self._table_owners()
        self._projects_of_their_firms()
        self._brand_relations()
        self._lists_share_a_named_chain()
        self._leaders_work_in_their_chains()
        self._projects_of_the_title_chain()
        self._parks_opening_projects()
        self._projects_of_the_event()

    def _signed_projects_attracted(self, sentence, inside, subject) -> None:
        """Projects a sentence lists as signed (``extract_events.signed_projects``: 签约的项目包括A、B,
        A项目、B项目在现场顺利签约) were brought to the place that signed them: the sentence's subject
        (甲区…签约的项目包括), else where its event was held (签约活动在甲区举行), else the place 我县 /
        本市 names, else the place that opens the paragraph or the article's home (its main zone or place)."""
        projects = signed_projects(self.text, sentence, inside)
        if not projects:
            return
        hosts = [subject if subject is not None and subject.type in EVENT_HOSTS and subject.start < projects[0].start else None,
                 held_in_sentence(self.text, sentence, inside),
                 next((s for s in inside if s.extra.get("named_by_its_kind") and s.type in EVENT_HOSTS), None)]
        host, prior, rule = next(((h, 0.7, "signed_where_said") for h in hosts if h is not None), (None, 0.5, "signed_at_home"))
        if host is None:
            host = extract_lexical.paragraph_home(self, sentence)
        if host is None or host.extra.get("neighbour") or not self._in_region(host):
            return
        for project in projects:
            self._add(project, "attractedTo", host, prior, sentence, ("modality", "stated"), rule=rule)

    def _projects_of_the_event(self) -> None:
        """甲高新区举行…签约开竣工活动。……此次签约项目共8个，分别为A项目、B项目: the projects of a
        paragraph about the reported event (``extract_events``) that names no place, zone or park
        lie where the event was held (started or finished ones), or are to (signed ones, which
        were brought in there)."""
        host = event_host(self.text, self.spans)
        if host is None or not self._in_region(host):
            return
        located = {r[0] for r in self.relations if r[1] == "locatedIn"}
        for sentence in self._sentence_list:
            p0, p1 = self._paragraph_of(sentence)
            if sentence[0] <= host.start or not about_the_event(self.text, p0, p1):
                continue
            inside = self.index.within(self.spans, *sentence)
            names = [s for s in inside if s.type not in EVENT_HOSTS]
            if any(s.type in EVENT_HOSTS and s.key != host.key and not any(n.start <= s.start and s.end <= n.end for n in names)
                   for s in inside):
                continue  # the sentence says where itself (not by a place inside a name: 甲市乙项目)
            for project in (s for s in inside if s.type == "Project"):
                signed = event_kind(self.text, p0, project.start) == "签约"
                if signed:  # brought in, to be built there (or where its name says)
                    self._add(project, "attractedTo", host, 0.6, sentence, rule="event_host_signed")
                if project.key not in located:
                    self._add(project, "locatedIn", host, 0.6, sentence, *([("modality", "intended")] if signed else []),
                              rule="event_host_located")

    def _origins_before_names(self, inside, named, sentence) -> None:
        """甲省X科技 (a province outside the article's region right before a body's name): the body
        is from there and lies there (``extract_located.names_an_origin``). Only a firm: an association
        or a university named after a province serves it (甲省X同业公会), wherever it sits."""
        for body in named:
            if body.type != "Company" or body.extra.get("inside"):
                continue
            place = next((p for p in inside if p.end == body.start and p.type == "AdministrativeArea" and "place" in p.extra), None)
            if place is not None and names_an_origin(place.extra["place"], self._in_region(place)):
                self._add(body, "locatedIn", place, 0.8, sentence, rule="origin_before_name")

    def _parks_opening_projects(self) -> None:
        """甲乙园丙丁项目, where the article names 甲乙园 on its own too: the project builds the park
        (``extract_parks.park_opening_project``), so the park lies where the project lies and is
        developed by whom the project is."""
        parks: dict[str, _Span] = {}  # (each park's name once: a name said thousands of times is one)
        for span in self.spans:
            if span.type == "IndustrialPark":
                parks.setdefault(span.name, span)
        park_names = list(parks)
        by_key: dict[str, list[_Span]] = {}
        for span in self.spans:
            by_key.setdefault(span.key, []).append(span)
        opened: dict[str, str | None] = {}  # (the park each project's key opens with, worked out once)
        for subject, predicate, object_, _, sentence, _, _ in list(self.relations):
            if predicate not in ("locatedIn", "developedBy"):
                continue
            if subject not in opened:
                names = dict.fromkeys(s.name for s in by_key.get(subject, ()) if s.type == "Project")
                opened[subject] = next((p for name in names if (p := park_opening_project(name, park_names))), None)
            park = opened[subject]
            target = next(iter(by_key.get(object_, ())), None)
            if park is not None and target is not None:
                self._add(parks[park], predicate, target, 0.7, sentence, rule="park_opens_project")

    def _projects_of_the_title_chain(self) -> None:
        """A report whose title names one industry (``extract_topic``): its projects that no
        sentence gave a chain work in that industry."""
        chain = title_chain(self.text, [s for s in self.spans if s.type == "IndustrialChain"])
        if chain is None:
            return
        given = {r[0] for r in self.relations if r[1] == "operatesIn"} | self._place_keys()
        for project in [s for s in self.spans if s.type == "Project" and s.start >= chain.end]:
            if project.key not in given:
                given.add(project.key)
                at = bisect_left(self._sentence_list, (project.start + 1,)) - 1
                self._add(project, "operatesIn", chain, 0.6, self._sentence_list[max(0, at)], rule="member_title_chain")

    def _shared_ending_relations(self, span: _Span, sentence) -> None:
        """甲乙、丙丁石化园区: 甲乙石化园区 lies in 甲乙 and grows what the shared words name."""
        self._add(span, "locatedIn", self._place_span(span.extra["opening_place"]), 0.8, sentence, rule="shared_ending_place")
        partner = span.extra["shares_ending_with"]
        for chain in self.index.within(self.spans, partner.start, partner.end):
            if chain.type == "IndustrialChain" and span.type in ("IndustrialPark", "DevelopmentZone"):
                self._add(span, "hostsChain", chain, 0.8, sentence, rule="shared_ending_chain")

    def _leaders_work_in_their_chains(self) -> None:
        """A firm that leads a chain works in it: each leadsChain without its operatesIn gets one,
        in the same sentence and mood."""
        spans: dict[str, _Span] = {}
        for span in self.spans:
            spans.setdefault(span.key, span)
        said = {(subject, predicate, object_) for subject, predicate, object_, *_ in self.relations}
        for subject, predicate, object_, _, sentence, qualifiers, _ in list(self.relations):
            if predicate != "leadsChain" or (subject, "operatesIn", object_) in said:
                continue
            said.add((subject, "operatesIn", object_))
            mood = [pair for pair in qualifiers if pair[0] == "modality"]
            self._add(spans[subject], "operatesIn", spans[object_], 0.7, sentence, *mood, rule="leader_works_in_its_chain")

    def _lists_share_a_named_chain(self) -> None:
        """甲乙半导体、丙丁、戊己等配套项目: a list is of one kind, so when one item's own name
        says its chain (``name_holds_chain_member``) the other firms of the list are in it too —
        unless the items' names say several chains, and never to an item whose name ends in
        another chain's word (甲乙食品、丙丁陶瓷、戊己化工: a list of firms, not of one chain)."""
        by_list: dict[tuple[int, int], list[_Span]] = {}
        for span in self.spans:
            bounds = span.extra.get("list", {}).get("list")
            if bounds and span.type in _ORGS:
                by_list.setdefault(tuple(bounds), []).append(span)
        named_chains: dict[str, set[str]] = {}  # (an item's key → the chains its own name holds)
        led: dict[str, str] = {}  # (an item's key → a chain the text says it leads)
        for subject, predicate, object_, _, _, _, rule in self.relations:
            if rule == "name_holds_chain_member":
                named_chains.setdefault(subject, set()).add(object_)
            elif predicate == "leadsChain":
                led[subject] = object_
        for subject, _predicate, object_, _, sentence, _, rule in list(self.relations):
            if rule != "name_holds_chain_member":
                continue
            items = next((items for items in by_list.values() if any(i.key == subject for i in items)), [])
            chain = next((c for c in self.index.within(self.spans, *sentence)
                          if c.type == "IndustrialChain" and c.key == object_), None)
            if chain is None or len(items) < 2:
                continue
            if len(set().union(*(named_chains.get(i.key, set()) for i in items))) > 1:
                continue  # 甲乙食品、丙丁电子、戊己化工: items of several trades, the list is of firms, not of one chain
            if led.get(subject, object_) != object_:
                continue  # 甲乙炼化、丙丁等一批X龙头企业: the text says the list's chain, one name's word does not
            for item in items:
                trade = _TRADE_AT_END.search(item.name, 2)
                other = self.chains.get(trade.group()) if trade else None
                if item.key != subject and (other is None or other.chain == chain.key):
                    self._add(item, "operatesIn", chain, 0.6, sentence, rule="list_shares_chain")

    def _brand_relations(self) -> None:
        """Names that open with a firm's brand (``extract_brands``): its laboratory or institute is
        part of it, a firm is part of the group the brand names, a park is the firm's. Only when
        one firm of the text has that brand; the fact is stated where the owned name first is."""
        is_place = self.places.__contains__
        mentions: dict[str, list[_Span]] = {}
        for span in self.spans:
            mentions.setdefault(span.key, []).append(span)
        firms: list[tuple[_Span, str]] = []
        for spans in mentions.values():
            if spans[0].type == "Company" and not spans[0].extra.get("brand_of"):
                brand = firm_brand([s.name for s in spans], is_place)
                if brand is not None and not self._is_known_word(brand):
                    firms.append((spans[0], brand))
        for key, spans in mentions.items():
            span = spans[0]
            if span.type == "ResearchInstitute":
                predicate, rule, owners = "subOrganizationOf", "brand_lab_of_firm", firms
            elif span.type == "Company" and not is_group_or_holding(span.name):
                predicate, rule = "subOrganizationOf", "brand_firm_of_group"
                owners = [(f, b) for f, b in firms if is_group_or_holding(f.name) and f.name.endswith("集团")]
            elif span.type == "IndustrialPark":
                predicate, rule, owners = "developedBy", "brand_park_of_firm", firms
            else:
                continue
            bearers = [f for f, brand in owners if f.key != key and opens_with_brand(span.name, brand, is_place)]
            if len({f.key for f in bearers}) == 1:
                at = bisect_left(self._sentence_list, (span.start + 1,)) - 1
                self._add(span, predicate, bearers[0], 0.8, self._sentence_list[max(0, at)], rule=rule)

    def _chain_relations(self, sentence, inside, named, chains) -> None:
        """What the text says about the chains it names (``extract_chains``): the place, zone or
        park right before a mention grows it (龙岩|机械产业); a firm or project in the clause,
        sentence or one-chain paragraph of a chain works in it."""
        for chain in chains:
            mention = chain.extra.get("mention")
            host = possessor_of(self.text, mention, inside, _WHERE) if mention else None
            confidence = 0.8
            if not mention and (host := label_possessor(self.text, chain, inside, _WHERE)):
                confidence = 0.7
            if host and self._chain_is_free(chain, named) and self._in_region(host) \
                    and not _FROM_ELSEWHERE.search(self.text, max(sentence[0], host.start - 4), host.start):
                # (承接台湾X产业, 借助上海X产业: the industry of a place outside the article's region, or one
                # it comes from, is no industry the place is said to grow here)
                self._add(host, "hostsChain", chain, confidence, sentence, rule="possessor_grows" if mention else "label_possessor_grows")
            elif mention and (said := _IS_A_PLACES_INDUSTRY.match(self.text, mention.head_end, sentence[1])):
                # X产业是甲县的支柱产业 / 已成为甲市的主导产业: the place grows X
                place = next((p for p in self.index.starting(inside, said.end(), said.end() + 1) if p.type in _WHERE), None)
                if place is not None and self._in_region(place) and _OWN_INDUSTRY.match(self.text, place.end, sentence[1]):
                    self._add(place, "hostsChain", chain, 0.7, sentence, rule="is_a_places_industry")
        paragraph = self._paragraph_of(sentence)
        # (a name also read as a park or zone — a 芯谷 — is that place, which works in no chain)
        members = [s for s in named if s.type in ("Company", "Project") and not s.extra.get("brand_of")
                   and s.key not in self._place_keys()]
        if not members:
            return
        paragraph_chains = self._paragraph_chains(paragraph)
        free = [c for c in chains if self._chain_is_free(c, named) and not self._names_something(c)]
        said_of_others = {c.start for c in paragraph_chains if not sentence[0] <= c.start < sentence[1]
                          and self._sentence_names_a_member(c.start)}
        for member, chain, scope in chain_members(self.text, sentence, paragraph, free, paragraph_chains, members, said_of_others):
            self._add(member, "operatesIn", chain, MEMBER_CONFIDENCE[scope], sentence, rule=f"member_{scope}")

    def _sentence_names_a_member(self, position: int) -> bool:
        """Whether the sentence at ``position`` names a firm or project (its chains are said of them)."""
        at = bisect_left(self._sentence_list, (position + 1,)) - 1
        s0, s1 = self._sentence_list[max(0, at)]
        return any(s.type in ("Company", "Project") and not s.extra.get("brand_of") and s.key not in self._place_keys()
                   for s in self.index.within(self.spans, s0, s1))

    def _place_keys(self) -> set[str]:
        if self._where_keys is None:
            self._where_keys = {s.key for s in self.spans if s.type in _WHERE}
        return self._where_keys

    def _paragraph_chains(self, paragraph: tuple[int, int]) -> list[_Span]:
        """The chains a paragraph names as an industry (X产业, X行业; not one it lists among 领域),
        outside names."""
        if paragraph not in self._chains_of_paragraph:
            inside = self.index.within(self.spans, *paragraph)
            named = [s for s in inside if s.type not in ("AdministrativeArea", "IndustrialChain", "Observation")]
            self._chains_of_paragraph[paragraph] = [
                c for c in inside if c.type == "IndustrialChain" and self._chain_is_free(c, named)
                and "mention" in c.extra and c.extra["mention"].head != "领域"]
        return self._chains_of_paragraph[paragraph]

    def _names_something(self, chain: _Span) -> bool:
        """A chain's label glued to the suffix of a name (X化工项目, X光电科技): part of a name the
        rules did not find, which says what that one body does, not the clause's firms."""
        return "mention" not in chain.extra and bool(_NAME_GLUE.match(self.text, chain.end)) \
            and not firms_of_a_kind(self.text, chain.start, chain.end)

    def _said_about_until(self, span: _Span) -> int:
        """Where what the text goes on to say of a name ends: its paragraph's end, or the next
        paragraph's when the name stands in a heading (a line of one short sentence, a title
        that the article's body then speaks of as 该园区 …)."""
        p0, p1 = self._paragraph_of((span.start, span.end))
        if p1 - p0 > 40 or re.search(r"[。！？；]", self.text[p0:p1].rstrip("。！？； ")) or p1 >= len(self.text):
            return p1
        return self._paragraph_of((p1 + 1, p1 + 1))[1]

    def _paragraph_of(self, sentence) -> tuple[int, int]:
        s0, s1 = sentence
        p1 = self.text.find("\n", s1)
        return self.text.rfind("\n", 0, s0) + 1, len(self.text) if p1 < 0 else p1

    def _attracted_in_list(self, span: _Span, s0: int) -> bool:
        """Whether the span is an item of a list the model read (``extract_names.enumerations``)
        that a verb of attraction (引进 / 引入 / 招引) opens."""
        bounds = span.extra.get("list", {}).get("list")
        if not bounds or span.type not in _ORGS:
            return False
        # (the list's match may open on the verb itself: 引进A、B等)
        return bool(re.search(r"(?:引进|引入|招引)", self.text[max(s0, bounds[0] - 2):bounds[0] + 2]))

    def _listed_under_subject(self, span: _Span, subject: _Span, sentence, named) -> bool:
        """甲市积极推进A、B、C等项目 / 甲县共有…企业N家，A、B等4家企业…: an item of a list of projects or
        firms in a sentence whose subject is a place or zone, with no other place, zone or park
        named between the two (it would be theirs), is one of the subject's own."""
        head = span.extra.get("list", {}).get("head")
        if head not in ("项目", "企业", "龙头", "链主") or subject.type not in ("AdministrativeArea", "DevelopmentZone", "IndustrialPark") \
                or not self._in_region(subject):
            return False
        bodies = [n for n in named if n.type in (*_ORGS, "Project")]

        def in_a_name(o: _Span) -> bool:  # (厦门|乙丙 in the list: the place's short form is the firm's word;
            # 甲县|乙丙 written in full says where the items are)
            return not re.search(r"[省市县区镇乡]$", self.text[o.start:o.end]) \
                and any(n.start <= o.start and o.end <= n.end and n.end - n.start > o.end - o.start for n in bodies)

        return not any(o.type in _WHERE and subject.end <= o.start and o.end <= span.start and not in_a_name(o) for o in named) \
            and not any(o.type in _WHERE and subject.end <= o.start < span.start and not in_a_name(o)
                        for o in self.index.within(self.spans, subject.end, span.start))

    def _enumerated_after_landing(self, span: _Span, sentence) -> bool:
        """B in 推动A、B等项目落地 / 孵化A、B等: a list whose first item follows a landing verb."""
        s0, _ = sentence
        before = self.text[s0:span.start]
        list_start = len(before.rstrip("、")) - len(before.split("，")[-1].split(",")[-1])
        head = before[max(0, list_start - 1):]
        return bool(re.search(r"(?:引进|引入|招引|落地|入驻|孵化|推动|围绕)[^，。；]*、$", before[-40:])) and "、" in head

    def _industry_frame_relations(self, sentence, inside, named, chains) -> None:
        """以A、B为主体 / 为龙头的Y产业, 由A、B和C组成的Y产业 (``extract_chains.industry_frames``): the
        firms and projects named in the frame work in Y; when a place, zone or park right before a
        verb of having (甲开发区已形成… / 集聚 / 拥有 …) governs the frame, they lie there and it hosts Y."""
        s0, s1 = sentence
        where = [s for s in inside if s.type in _WHERE and not s.extra.get("neighbour")]
        # the place right before its verb of having (甲开发区已形成…, 甲县集聚了…)
        present, subject = None, None
        for verb in _GATHERED.finditer(self.text, s0, s1):
            holder = [w for w in where if 0 <= verb.start() - w.end <= 4 and re.fullmatch(r"[已经初步逐渐基本]*", self.text[w.end:verb.start()])]
            if holder:
                present, subject = verb, max(holder, key=lambda w: w.end - w.start)
                break
        if present is None and (opening := self._sentence_subject(sentence, inside)) is not None and opening.type in _WHERE:
            present, subject = _GATHERED.search(self.text, opening.end, s1), opening  # 甲县…形成了…
        for frame in industry_frames(self.text, s0, s1):
            chain = next((c for c in chains if frame.industry_from <= c.start <= frame.industry_from + 6), None)
            if chain is None:
                continue
            members = [n for n in named if n.type in ("Company", "Project") and frame.members_start <= n.start
                       and n.end <= frame.members_end and not n.extra.get("inside")]
            host = subject if present is not None and present.start() < frame.members_start else None
            for member in members:
                self._add(member, "operatesIn", chain, 0.7, sentence, rule="industry_frame_member")
                if host is not None:
                    self._add(member, "locatedIn", host, 0.7, sentence, rule="industry_frame_located")
            if members and host is not None:
                self._add(host, "hostsChain", chain, 0.7, sentence, rule="industry_frame_host")

    def _earlier_clause_subject(self, s0: int, clause_start: int, inside) -> _Span | None:
        """甲园区建设将依托…，积极培育X产业: a clause with no subject goes on with the last clause
        before it, in the same sentence, that opened with a place, zone or park."""
        starts = [s0] + [s0 + m.end() for m in re.finditer(r"[，,]", self.text[s0:clause_start])]
        for start, end in reversed(list(zip(starts, starts[1:], strict=False))):
            opening = self._sentence_subject((start, end), inside)
            # (the clause opens with it: not 作为甲市的主导产业之一, where 甲市 is no subject)
            if opening is not None and opening.type in ("AdministrativeArea", "DevelopmentZone", "IndustrialPark") \
                    and skip_opening_adverbials(self.text, start, end) >= opening.start \
                    and not any(c.type == "IndustrialChain" and c.start == opening.end for c in inside):
                return opening  # (甲市X产业高速发展: the subject is the industry, 甲市 its possessor)
        return None

    def _sentence_subject(self, sentence, inside) -> _Span | None:
        """What the sentence (or clause) opens with, after its words of time and order (当前，
        近年来，): a place, zone, park or organization; never a neighbour."""
        s0 = skip_opening_adverbials(self.text, *sentence)
        if _HERE.match(self.text, s0) and (park := self._park_before(sentence[0])) is not None:
            return park  # …来到X产业园。在这里，A、B等项目已投产: 这里 is the park the sentence before named
        if entering := _ENTERING.match(self.text, s0):
            s0 = entering.end()  # 走进园区，A、B等企业林立其间: the park is what the sentence speaks of
        opening = _trim_leading(self.text[s0:s0 + 12])
        start = s0 + (12 - len(opening)) if len(opening) < 12 else s0
        candidates = [s for s in inside if s0 <= s.start <= start + 1 and not s.extra.get("neighbour") and s.type in
                      ("AdministrativeArea", "DevelopmentZone", "IndustrialPark", "Company", "ResearchInstitute")]
        if not candidates:
            return None
        subject = max(candidates, key=lambda s: s.end - s.start)
        if subject.type == "AdministrativeArea" and (run := self._place_run(subject.start)) \
                and run[-1].extra.get("place") is not None and run[-1].extra["place"].admin_level in ("township", "county"):
            return run[-1]  # 甲县乙镇引进…, 甲市乙区围绕…: the finest place the sentence opens with
        return subject

    def _park_before(self, position: int) -> _Span | None:
        """The last park or zone the sentence ending at ``position`` names (None when it names none)."""
        at = bisect_left(self._sentence_list, (position,)) - 1  # the sentence right before the one at position
        if at < 0 or self._sentence_list[at][1] > position:
            return None
        previous = self._sentence_list[at]
        parks = [s for s in self.index.within(self.spans, *previous) if s.type in ("IndustrialPark", "DevelopmentZone")
                 and not s.extra.get("neighbour")]
        return parks[-1] if parks else None

    def _chain_is_free(self, chain: _Span, named) -> bool:
        """Not part of a name, nor of a bracket right after one (海西分院(国内工业母机链主企业))."""
        if any(n.start <= chain.start and chain.end <= n.end for n in named):
            return False
        for n in named:
            bracket = re.match(r"[(（][^()（）]*[)）]", self.text[n.end:n.end + 30])
            if bracket and n.end < chain.start < n.end + bracket.end():
                return False
        return True

    def _located_by_name(self, span: _Span) -> bool:
        return any(r[0] == span.key and r[1] == "locatedIn" for r in self.relations)

    def _located_by_its_name_or_place(self, span: _Span, place: _Span) -> bool:
        """Whether ``span`` already lies somewhere: by its own name (甲县X公司), or, by an earlier
        sentence, anywhere but a place of the division table when ``place`` is a zone or park — a
        sentence that opens on a zone (开发区已入驻A、B) may still place a firm an earlier sentence put
        only in a county."""
        finer = place.type in ("DevelopmentZone", "IndustrialPark")
        return any(r[0] == span.key and r[1] == "locatedIn" and (r[6] in _NAME_RULES or not (finer and r[2].startswith("area/")))
                   for r in self.relations)

    def _located_by_its_name(self, span: _Span, inside, sentence) -> None:
        """X市Y区Z产业园, 甲县人民政府, 甲市乙协会, 甲乙开发区: a name that opens with places lies in
        the nearest of them (``extract_located.opening_run``), unless that is only a province
        for a body (福建X公司: where it registered). A zone's committee is run by the zone (``managedBy``), a
        project named after its investor's origin (香港X项目) or firm (福建X集团Y项目) is not placed."""
        if span.type not in _NAMED_AFTER_PLACES or self._located_by_name(span) or _COMMITTEE.search(span.name):
            return
        if span.type in _ORGS and (unit := unit_of_a_parent(span.name)) is not None:
            # 甲市大学|乙县研究院: the first place is the parent's; the unit lies where its own words say
            run = opening_run(span.name[unit:], self._article_places)
            # (a place of another region there is a word of the unit's name — a region's nickname — not its site)
            if gives_a_site(run) and self._in_region(place := self._place_span(run[-1][0])):
                self._add(span, "locatedIn", place, 0.8, sentence, rule="unit_names_its_place")
            return
        first = next((o for o in inside if o is not span and o.start == span.start and o.end < span.end
                      and o.type in ("AdministrativeArea", "DevelopmentZone")), None)
        town = next((e for stem, e in self._town_stems.items() if span.name.startswith(stem)), None)
        if town is not None and (first is None or first.key == town.id) \
                and span.type in ("IndustrialPark", "DevelopmentZone", "Project"):
            self._add(span, "locatedIn", self._place_span(town), 0.8, sentence, rule="name_opens_with_town")
            return
        if first is None and not (span.type == "DevelopmentZone" and "place" in span.extra):
            return
        if first is not None and (first.extra.get("neighbour") or span.type == "Project"
                                  and not self._place_locates_project(span, first, inside)):
            return
        # where a firm or body lies, its name says whatever the clause plans (将在泉州经济技术开发区…); a
        # project's, a zone's or a park's site is as planned as the project, zone or park
        mood = (("modality", "stated"),) if span.type in _ORGS else ()
        run = opening_run(self.text[span.start:span.end], self._article_places)
        # a zone the rules found by its ending, right after the run (鲤城|高新区|科创中心), is nearer
        reach = span.start + (run[-1][1] if run else 0)
        zones = [o for o in inside if o.type == "DevelopmentZone" and o is not span and span.start <= o.start <= reach
                 and o.end < span.end and o.end > reach]
        if zones:
            self._add(span, "locatedIn", max(zones, key=lambda o: o.end), 0.9, sentence, *mood, rule="name_opens_with_zone")
        elif run:
            nearest = run[-1][0]
            province = nearest.admin_level == "province"
            if gives_a_site(run, project=span.type == "Project"):
                self._add(span, "locatedIn", self._place_span(nearest), 0.6 if province else 0.9, sentence, *mood,
                          rule="name_opens_with_province" if province else "name_opens_with_place")
            elif span.type == "Company" and len(run) == 1 and names_an_origin(nearest, self._in_region(self._place_span(nearest))):
                self._add(span, "locatedIn", self._place_span(nearest), 0.8, sentence, *mood, rule="origin_opens_name")

    @staticmethod
    def _place_span(entry: PlaceEntry) -> _Span:
        """A place the text gives only inside a name, as a span that carries its identity."""
        return _Span(0, 0, entry.type, entry.name, entry.id, {"place": entry})

    def _branch_relations(self, branch: _Span, parent: _Span, inside, sentence) -> None:
        """X产业园Y分园: the branch lies in X产业园 and in Y when Y is a place; what the name says
        before Y (its place, its chain) is said of X产业园."""
        # (the name says it whatever the clause plans: 将在X产业园Y分园… plans what is done there)
        self._add(branch, "locatedIn", parent, 0.8, sentence, ("modality", "stated"), rule="branch_in_park")
        entry = self.places.get(self.text[parent.end:branch.end - 2])
        if entry is not None and entry.type == "AdministrativeArea":
            self._add(branch, "locatedIn", self._place_span(entry), 0.8, sentence, ("modality", "stated"), rule="branch_in_park")
        self._name_relations(parent, [o for o in inside if o.end <= parent.end], sentence)

    def _name_relations(self, span: _Span, inside, sentence) -> None:
        """What a name says: 晋江市永佳… lies in 晋江市; …智能装备产业园 grows 智能装备."""
        parent = span.extra.get("within")
        if parent is not None and parent.type == "IndustrialPark":
            self._branch_relations(span, parent, inside, sentence)
            return
        self._located_by_its_name(span, inside, sentence)
        for other in inside:
            if other is span or not (span.start <= other.start and other.end <= span.end):
                continue
            if other.type == "IndustrialChain":
                if span.type in ("IndustrialPark", "DevelopmentZone"):
                    self._add(span, "hostsChain", other, 0.8, sentence, rule="name_holds_chain_host")
                elif span.type in ("Company", "Project") and not names_a_wider_trade(self.text[other.start:other.end]):
                    self._add(span, "operatesIn", other, 0.8, sentence, rule="name_holds_chain_member")
            if span.type == "Project" and other.type in ("Company", "ResearchInstitute") and other.start == span.start \
                    and other.extra.get("inside"):
                self._add(span, "developedBy", other, 0.8, sentence, rule="firm_names_project")  # X集团Y项目 is X集团's project
            if other.extra.get("brand_of") == span.key:
                self._add(span, "developedBy", other, 0.6, sentence, rule="brand_names_park")
            if other.extra.get("inside") and other.type in ("ResearchInstitute", "Company") and span.type in (
                    "ResearchInstitute", "Company") and other.start == span.start and other is not span:
                self._add(span, "subOrganizationOf", other, 0.9, sentence, rule="branch_names_parent")

    def _pattern_relations(self, sentence, named, chains) -> None:
        s0, s1 = sentence
        text = self.text

        def spans_in(a: int, b: int, types) -> list[_Span]:
            return [s for s in named if a <= s.start and s.end <= b and s.type in types and not s.extra.get("brand_of")]

        orgs = ("Company", "ResearchInstitute")
        # 依托 X 孵化 A、B
        for match in re.finditer(r"依托(.{2,30}?)孵化(.{2,40}?)(?:等|，|;|；|。)", text[s0:s1]):
            incubator = spans_in(s0 + match.start(1), s0 + match.end(1), orgs)
            for firm in spans_in(s0 + match.start(2), s0 + match.end(2) + 20, orgs):
                if incubator and firm.start < s0 + match.end(0) + 1:
                    self._add(firm, "incubatedBy", incubator[0], 0.9, sentence, rule="incubated_by")
        # X(…链主企业) / 发挥X龙头作用 / A、B等…龙头企业
        for org in spans_in(s0, s1, orgs):
            after = text[org.end:min(s1, org.end + 30)]
            paren = re.match(r"[(（]([^()（）]*?)(链主|龙头)企业[)）]", after)
            before = text[max(s0, org.start - 4):org.start]
            kind = None
            if paren:
                kind = "chain_leader" if paren.group(2) == "链主" else "leading_enterprise"
                scope_chains = [c for c in chains if org.end < c.start <= org.end + len(paren.group(0))]
                for chain in scope_chains:
                    self._add(org, "leadsChain", chain, 0.9, sentence, ("leadershipKind", kind), rule="bracket_leader")
                    self._add(org, "operatesIn", chain, 0.9, sentence, rule="bracket_leader_member")
                continue
            appointed = _AS_THE_LEADER.search(text, max(s0, org.start - 60), org.start) or _IS_THE_LEADER_OF.match(text, org.end, s1)
            if appointed is not None:
                # 作为甲乙钢铁产业的龙头，X… / X，是甲乙钢铁产业基地的另一个龙头: X leads the chains the
                # phrase names, and lies in its park
                kind = "chain_leader" if appointed.group(2) == "链主" else "leading_enterprise"
                for chain in [c for c in chains if appointed.start(1) <= c.start and c.end <= appointed.end(1)]:
                    self._add(org, "leadsChain", chain, 0.7, sentence, ("leadershipKind", kind), rule="leader_as_appointed")
                for park in [p for p in named if p.type in ("IndustrialPark", "DevelopmentZone")
                             and appointed.start(1) <= p.start and p.end <= appointed.end(1)]:
                    self._add(org, "locatedIn", park, 0.6, sentence, rule="leader_of_a_park")
                continue
            if before.endswith(("发挥", "突出", "强化")) and (role := LEADING_ROLE.match(after)):
                kind = "chain_leader" if role.group(1) == "链主" else "leading_enterprise"
            elif (called := re.match(r"[^，。；]{0,8}(?:两大|三大|多家)?(龙头|领军|链主)企业", after)) or org.extra.get("listed_as_leader"):
                kind = "chain_leader" if called and called.group(1) == "链主" else "leading_enterprise"
            designated = _DESIGNATED_RIGHT_BEFORE.search(text, max(s0, org.start - 16), org.start)
            # (the chain's span may hold its 产业: 新材料产业|龙头企业)
            chain_before = next((c for c in chains if designated is not None and c.end in (designated.start(), designated.end(1))), None)
            if chain_before is not None and designated is not None:
                # 氢能装备领域领军企业X, 光伏产业龙头企业——X: the industry named right before the designation
                kind = "chain_leader" if "链主" in designated.group() else "leading_enterprise"
                self._add(org, "leadsChain", chain_before, 0.8, sentence, ("leadershipKind", kind), rule="leader_designated_after_chain")
                continue
            if designated is not None and _INDUSTRY_WORDS_BEFORE.search(text, max(s0, designated.start() - 8), designated.start()) \
                    and not _SCOPE_BEFORE_A_DESIGNATION.search(text, max(s0, designated.start() - 8), designated.start()):
                continue  # 新能源汽车龙头企业X: X leads an industry no chain stands for, not the sentence's other chain
            if kind:
                # (not a chain inside a name: 甲乙炼化 says what that one firm does, not what the list leads)
                candidates = [c for c in chains if not re.search(r"(?:上游|下游)$", text[max(s0, c.start - 2):c.start])
                              and self._chain_is_free(c, named) and not self._a_segment_listed(c)]
                heads = [c for c in candidates if c.extra.get("mention") is not None and c.extra["mention"].head in _LEADER_HEADS
                         and org.end < c.start and not re.search(r"[，。；]", text[org.end:c.start])]
                if heads:  # A、B等一批X与Y龙头企业: the list's own industries
                    for chain in heads:
                        self._add(org, "leadsChain", chain, 0.7, sentence, ("leadershipKind", kind), rule="leader_of_listed_industry")
                elif (chain := _chain_after_leader_frame(text, org, s1, candidates)) is not None:
                    self._add(org, "leadsChain", chain, 0.7, sentence, ("leadershipKind", kind), rule="leader_of_named_chain")
                elif len({c.key for c in candidates}) == 1:
                    self._add(org, "leadsChain", candidates[0], 0.6, sentence, ("leadershipKind", kind), rule="leader_one_chain")
                elif not _LEADER_OF.match(text, org.end, s1) and (chain := _clause_chain(text, sentence, org, candidates)) is not None:
                    # (以X为龙头的鞋类加工业: the frame names X's own industry, no other clause's chain)
                    self._add(org, "leadsChain", chain, 0.6, sentence, ("leadershipKind", kind), rule="leader_clause_chain")
                elif not candidates and (chain := self._paragraph_chain(sentence, back=True)):
                    # A、B等行业龙头企业 / 发挥X的带动作用 in a sentence that names no chain: the paragraph's one
                    # chain, or the one of the paragraph before when this one names none
                    self._add(org, "leadsChain", chain, 0.5, sentence, ("leadershipKind", kind), rule="leader_paragraph_chain")
                elif not candidates and (chain := next((c for c in self.index.within(self.spans, org.start, org.end)
                                                        if c.type == "IndustrialChain"), None)) is not None:
                    # 集聚了甲乙电子、丙丁纸业等龙头企业 after a paragraph of several chains: each leads the chain
                    # its own name holds (丙丁纸业 → 纸业包装)
                    self._add(org, "leadsChain", chain, 0.5, sentence, ("leadershipKind", kind), rule="leader_named_for_its_chain")
        # X(将)在Y落地 / 入驻 / 投资建设…, X(将)崛起于 / 落户于Y; X在Y投资的Z: Z is there, not X
        for org in spans_in(s0, s1, orgs + ("Project", "IndustrialPark", "DevelopmentZone")):
            said = _SETTLES.match(text, org.end, s1)
            if said is not None and org.type in ("IndustrialPark", "DevelopmentZone") and said.group("at"):
                continue  # (a park 在Y…: what follows is what it does there, read by the park rules)
            if said is None:
                if org.type in orgs and (first := _INVESTS_THEN_AT.match(text, org.end, s1)) is not None \
                        and (run := self._place_run(first.end())) \
                        and (built := self._built_after_investing(run[-1].end, s1, named)):
                    # X投资N亿元，在Y建设Z项目: as X在Y投资…建设Z, the amount said first
                    mood = (("modality", "intended"),) if _PLANNED_SETTLING.match(first.group()) else ()
                    for project in built:
                        self._add(project, "locatedIn", run[-1], 0.8, sentence, *mood, rule="built_where_invested")
                        self._add(project, "developedBy", org, 0.8, sentence, *mood, rule="built_where_invested")
                continue
            run = self._place_run(said.end())  # 位于甲市乙区: the finest place of the run
            if not run:
                continue
            place = run[-1]
            if said.group("at"):
                verb = _SETTLING_VERB.match(text, place.end, s1)
                if verb is None:
                    continue
                made = next((z for z in named if z.start == verb.end() + 1 and z.type in orgs + ("Project",)), None)
                if text.startswith("的", verb.end()) and made is not None:
                    org = made
                elif verb.group().startswith("投资") and org.type in orgs \
                        and (built := self._built_after_investing(verb.end(), s1, named)):
                    # X拟在Y投资N亿元，建设Z项目: Z is built there, by X; X itself stays where it is
                    mood = (("modality", "intended"),) if _PLANNED_SETTLING.match(said.group()) else ()
                    for project in built:
                        self._add(project, "locatedIn", place, 0.8, sentence, *mood, rule="built_where_invested")
                        self._add(project, "developedBy", org, 0.8, sentence, *mood, rule="built_where_invested")
                    continue
            self._add(org, "locatedIn", place, 0.8, sentence, rule="settles_in")
        # (去年)深交所A股成功上市
        for exchange in spans_in(s0, s1, ("StockExchange",)):
            if re.match(r"[^，。；]{0,6}上市", text[exchange.end:s1]):
                listed = [o for o in spans_in(s0, exchange.start, orgs)]
                if listed:
                    self._add(listed[-1], "listedOn", exchange, 0.9, sentence, rule="listed_on")
        # (产品)供应A、B等
        for match in re.finditer(r"供应(.{2,40}?)(?:等|。|；|，)", text[s0:s1]):
            buyers = spans_in(s0 + match.start(1), s0 + match.end(1) + 12, orgs)
            window = self.text[max(0, s0 - 300):s0 + match.start()]
            candidates = [o for o in self.spans if o.type in orgs and o.end <= s0 + match.start() and o not in buyers]
            if candidates:
                seller = max(reversed(candidates), key=partial(_times_named, window))
                for buyer in buyers:
                    self._add(seller, "suppliesTo", buyer, 0.7, sentence, rule="supplies")
        # S为B配套, S是B的供应商, B生产的…搭载S的… (extract_supply)
        for seller, buyer, rule, prior in supply_pairs(text, sentence, spans_in(s0, s1, orgs)):
            self._add(seller, "suppliesTo", buyer, prior, sentence, rule=rule)
        # X旗下Y
        for match in re.finditer(r"旗下", text[s0:s1]):
            parents = spans_in(s0, s0 + match.start(), orgs)
            children = spans_in(s0 + match.end(), s1, orgs)
            if parents and children:
                self._add(children[0], "subOrganizationOf", parents[-1], 0.8, sentence, rule="subsidiary_of")
        # X(在Y)投资 / 设立 / 控股的Z公司, X的(全资)子公司Z: a firm another founded or holds is part of it
        for match in _FOUNDED_BY.finditer(text, s0, s1):
            parents = [o for o in spans_in(s0, match.start(), orgs) if o.end == match.start()]
            child = next((o for o in spans_in(match.end(), s1, ("Company",)) if o.start == match.end()), None)
            if parents and child is not None:
                self._add(child, "subOrganizationOf", parents[-1], 0.8, sentence, rule="founded_by")
        for committee in spans_in(s0, s1, ("GovernmentBody",)):
            zone_name = re.sub(r"(?:管委会|管理委员会)$", "", committee.name)
            zone = next((z for z in self.spans if z.type == "DevelopmentZone" and z.name == zone_name), None)
            if zone is not None:
                self._add(zone, "managedBy", committee, 0.9, sentence, rule="committee_runs")
        # A、B管委会: each zone is run by its committee
        for match in re.finditer(rf"((?:{_NAME_CHARS}{{2,12}}、)*{_NAME_CHARS}{{2,12}})管委会", text[s0:s1]):
            names = match.group(1).split("、")
            names[0] = _cut_name(names[0], 0)
            for name in names:
                zone_entry = self.places.get(name)
                committee_entry = self.places.get(name + "管委会")
                if zone_entry and committee_entry:
                    zone_span = _Span(0, 0, zone_entry.type, zone_entry.name, zone_entry.id)
                    committee_span = _Span(0, 0, committee_entry.type, committee_entry.name, committee_entry.id)
                    self._add(zone_span, "managedBy", committee_span, 0.9, sentence, rule="committee_runs")
                    if not any(s.key == committee_entry.id for s in self.spans):
                        self.spans.append(_Span(s0 + match.start(), s0 + match.end(), committee_entry.type,
                                                committee_entry.name, committee_entry.id, {"place": committee_entry}))

    def _built_after_investing(self, start: int, end: int, named) -> list[_Span]:
        """The projects a 建设 / 兴建 / 打造 builds after an investment, up to the next ；or the
        sentence's end (投资N亿元，盘活…，建设Z项目)."""
        stop = next((start + m.start() for m in re.finditer(r"[；;]", self.text[start:end])), end)
        return [z for z in named if z.type == "Project" and start <= z.start < stop
                and re.search(r"(?:建设|兴建|打造|新建|建)$", self.text[max(start, z.start - 3):z.start])]

    # -- relations of projects, investors and tables ----------------------------------------------
    def _place_locates_project(self, project: _Span, place: _Span, inside) -> bool:
        """A project's opening place is where it lies, unless it opens the name of the firm the
        project is named after (福建X集团Y项目: 福建 is the firm's), or it is 香港 / 澳门 / 台湾, which
        before a project's name tell where the investor comes from (港资, 台资), not where it is built."""
        entry = place.extra.get("place")
        if entry is not None and (entry.division_code or "").startswith(_INVESTOR_ORIGINS):
            return False
        return not any(o.type in _ORGS and o.start == project.start for o in inside if o is not project)

    def _located_where_said(self, sentence, named) -> None:
        """位于{place…}(某镇)(的)X: X — a project, firm, institute or park written right after and ending
        there (or in 现场) — lies in the last place of the run (位于X开发区Y园区Z项目现场 → Y园区).
        A name that goes on (位于宁德市的X全球工厂: the factory, not X) gets nothing."""
        s0, s1 = sentence
        for match in re.finditer("位于", self.text[s0:s1]):
            run = self._place_run(s0 + match.end())
            if not run:
                continue
            at = run[-1].end
            if town := _TOWN.match(self.text, at):
                at = town.end()
            if side := _SITE_DESCRIBED.match(self.text, at):
                at = side.end() - 1  # 位于甲镇X大道南侧的Y: a road or side of the place before 的
            at += self.text.startswith("的", at)
            things = [s for s in named if s.start == at and s.type in ("Project", "Company", "ResearchInstitute", "IndustrialPark")]
            if things:
                thing = max(things, key=lambda s: s.end)
                # a town is finer than any place a name opens with: 位于X县Y镇的X县Z公司 lies in Y镇
                finer = run[-1].extra.get("place") is not None and run[-1].extra["place"].admin_level == "township"
                if _NAME_ENDS_HERE.match(self.text, thing.end) and (finer or not self._named_with_its_place(thing)):
                    self._add(thing, "locatedIn", run[-1], 0.8, sentence, rule="located_where_said")

    def _located_by_lists(self, sentence, inside) -> None:
        """甲县其他企业主要还有A、B / X园已入驻的企业有A、B: each firm lies there; A和B都位于甲镇: each
        item lies in the place after (``extract_listed_firms``)."""
        for firm, where in firms_listed_for(self.text, sentence, inside):
            self._add(firm, "locatedIn", where, 0.6, sentence, rule="firms_of_a_place_listed")
        for item, place in listed_then_placed(self.text, sentence, inside,
                                              lambda at: run[-1] if (run := self._place_run(at)) else None):
            self._add(item, "locatedIn", place, 0.7, sentence, rule="listed_then_placed")

    def _what_a_place_brought_in(self, sentence, inside) -> None:
        """X是甲市(近年来)(招商)引进的Y / X是我市引进的首家…企业: X was brought in by the place."""
        s0, s1 = sentence
        for thing in (s for s in inside if s.type in ("Company", "ResearchInstitute", "Project", "IndustrialPark")):
            said = _IS_WHAT.match(self.text, thing.end, s1)
            place = said and next((p for p in self.index.starting(self.spans, said.end(), said.end() + 1)
                                   if p.type in ("AdministrativeArea", "DevelopmentZone", "IndustrialPark") and p is not thing), None)
            if place is not None and _BROUGHT_IN.match(self.text, place.end, s1):
                self._add(thing, "attractedTo", place, 0.8, sentence, rule="what_a_place_brought_in")
        for place in (s for s in inside if s.type in ("AdministrativeArea", "DevelopmentZone", "IndustrialPark")):
            if (said := _SIGNED_BY_IT.match(self.text, place.end, s1)) is None:
                continue  # 甲乙高新区签下的X项目: the project the place signed came to it
            thing = next((s for s in self.index.starting(self.spans, said.end(), said.end() + 11) if s.type in ("Company", "Project")
                          and not re.search(r"[，,；;、]", self.text[said.end():s.start])), None)
            if thing is not None:
                self._add(thing, "attractedTo", place, 0.8, sentence, rule="what_a_place_brought_in")

    def _chain_reaches_places(self, sentence, inside) -> None:
        """X产业链(项目)已延伸至A、B、C等(地): each of those places hosts the chain (延伸 / 拓展 /
        布局 to them: its plants are there; 辐射 only reaches, and is a neighbour's word)."""
        s0, s1 = sentence
        places = sorted((s for s in inside if s.type == "AdministrativeArea" and not s.extra.get("neighbour")), key=lambda s: s.start)
        starts = [p.start for p in places]
        for chain in (s for s in inside if s.type == "IndustrialChain"):
            reach = _REACHES.match(self.text, chain.end, s1)
            if reach is None:
                continue
            at = reach.end()
            for place in places[bisect_left(starts, at):]:
                if not _PLACE_JOINT.fullmatch(self.text, at, place.start):
                    break
                self._add(place, "hostsChain", chain, 0.6, sentence, rule="chain_reaches_places")
                at = place.end

    def _located_in_frame(self, sentence, named) -> None:
        """在{place…}，…: a sentence that opens by setting its place frames what it names. A park
        named in it lies there (0.8); a project or firm that the sentence places nowhere else, too
        (0.7)."""
        s0, s1 = sentence
        at = skip_opening_adverbials(self.text, s0, s1)
        if (lead := _SHORT_LEAD.match(self.text, at, s1)) is not None and not self.index.within(self.spans, at, lead.end()):
            at = lead.end()  # 峰会前夕，在甲乙开发区，…: a short clause of time before the frame
        frame = _FRAME_OPENING.match(self.text, at, s1)
        if frame is None:
            return
        start = frame.end()
        if frame.group(1):  # 在位于甲县乙镇的丙园区，…: the frame is the park after 的
            run = self._place_run(start)
            start = run[-1].end + 1 if run and self.text.startswith("的", run[-1].end) else -1
        elif (described := _FRAME_DESCRIBED.match(self.text, start, s1)) is not None and not self._place_run(start) \
                and not self.index.within(self.spans, start, described.end()):
            start = described.end()  # 在江畔的甲乙工业园区，…: a few words that describe the place first
        if start < 0 or not (run := self._place_run(start)):
            return
        if len(run) > 1 and self.text.startswith("片区", run[-1].end):
            run = run[:-1]  # 甲乙工业园区南山片区: 南山 names the part of the park, not a county
        tail = _FRAME_TAIL.match(self.text, run[-1].end, s1)
        if tail is None:
            return
        place = run[-1]
        if not self._in_region(place):
            return
        finer = place.type in ("IndustrialPark", "DevelopmentZone")  # finer than any place a name gives
        for span in named:
            if span.start <= place.end or span.type not in ("IndustrialPark", "Project", "Company", "ResearchInstitute") \
                    or span.extra.get("inside") or span.extra.get("brand_of") or (self._located_by_name(span) and not finer):
                continue
            self._add(span, "locatedIn", place, 0.8 if span.type == "IndustrialPark" else 0.7, sentence, rule="frame_place")

    def _named_with_its_place(self, span: _Span) -> bool:
        """Whether some mention of the same entity opens with its place (永春X公司 for X公司): that
        name already says where it lies (``_name_relations``, with more confidence)."""
        entity_id = self._entity_id(span)
        return self._located_by_name(span) or any(
            self._entity_id(o) == entity_id and o.type == span.type and self._place_opening(o.name) for o in self.spans)

    def _elided_subject_grows(self, sentence, subject: _Span | None, previous: _Span | None, chains, named) -> _Span | None:
        """甲区聚集企业396家。基本形成A、B两大主导产业。: a sentence that opens on a verb of growing with
        its subject left out goes on with the subject of the sentence before it (in the same
        paragraph); a place, zone or park there grows the sentence's chains. Returns the subject
        the next sentence may go on with."""
        s0, s1 = sentence
        if subject is not None or previous is None:
            return subject
        if not _OPENS_ON_GROWING.match(self.text, s0, s1) or "\n" in self.text[previous.end:s0]:
            return None
        if previous.type in ("AdministrativeArea", "DevelopmentZone", "IndustrialPark") and self._in_region(previous):
            for chain in chains:
                if self._chain_is_free(chain, named):
                    self._add(previous, "hostsChain", chain, 0.6, sentence, rule="elided_host_grows")
        return previous

    def _parks_in_their_zones(self, sentence, named) -> None:
        """X开发区Y园区: the park lies in the zone (found by ``_parks_inside_zones``)."""
        for park in named:
            zone = park.extra.get("within")
            if zone is not None and zone.type == "DevelopmentZone" and any(s is zone for s in self.spans):
                self._add(park, "locatedIn", zone, 0.8, sentence, rule="park_in_zone")

    def _invested_by(self, sentence, named) -> None:
        """该项目由X投资 / 由A、B、C各投资…兴建 / 由X投资的Y项目 / X投资建设(的)Y项目: the project is
        developed by each investor that is an organization (a province or county in the list is none).
        The project is the one 该 / 这个 / 这一 points back to (in this or the previous sentence), else
        the project right after 投资…的, else the project that opens the sentence."""
        s0, s1 = sentence
        for match in _INVESTED_BY.finditer(self.text, s0, s1):
            project, confidence = self._invested_project(sentence, match.start(), match.end())
            if project is None:
                continue
            for a, b, _ in self._investor_items(match.start(1), match.end(1)):
                bodies = [s for s in named if a <= s.start and s.end <= b and s.type in _ORGS]
                if bodies:  # the head of the item: 歌士玮集团旗下X公司 is X公司
                    self._add(project, "developedBy", max(bodies, key=lambda s: (s.end, s.end - s.start)), confidence, sentence, rule="invested_by")
        for match in _BUILT_BY.finditer(self.text, s0, s1):
            # 由X(权属企业)开发建设运营的Y产业园: Y is X's
            owners = [s for s in named if match.start(1) <= s.start and s.end <= match.end(1) and s.type in _ORGS]
            built = next((s for s in named if s.type in ("Project", "IndustrialPark") and match.end() <= s.start <= match.end() + 8
                          and not re.search(r"[，,；。、]", self.text[match.end():s.start])), None)
            if owners and built is not None:
                self._add(built, "developedBy", max(owners, key=lambda s: (s.end, s.end - s.start)), 0.8, sentence, rule="built_by")
        for firm in [s for s in named if s.type in _ORGS]:
            built = _BUILDS.match(self.text, firm.end)
            project = built and next((p for p in named if p.type == "Project" and p.start == built.end()), None)
            if project is not None:
                self._add(project, "developedBy", firm, 0.8, sentence, rule="invests_and_builds")

    def _invested_project(self, sentence, start: int, end: int) -> tuple[_Span | None, float]:
        s0, s1 = sentence
        if _POINTS_BACK.search(self.text[s0:start]):
            earlier = self._sentence_list[max(0, bisect_left(self._sentence_list, sentence) - 1)][0]
            projects = [s for s in self.index.within(self.spans, earlier, start) if s.type == "Project"]
            return (projects[-1], 0.7) if projects else (None, 0.0)
        if after := _THEN_OF.match(self.text, end, s1):
            project = next((p for p in self.index.starting(self.spans, after.end(), after.end() + 1)
                            if p.type == "Project"), None)
            if project is not None:
                return project, 0.8
        opening = [s for s in self.index.starting(self.spans, s0, start) if s.type not in ("Observation",)]
        if opening and opening[0].type == "Project" and opening[0].start == s0:
            return opening[0], 0.8
        return None, 0.0

    def _table_owners(self) -> None:
        """A table heading's owner (``(十一)省X集团``) develops the projects listed below it."""
        for (a, b), (h0, h1) in self.table_owned:
            project = next((s for s in self.index.starting(self.spans, a, a + 1) if s.type == "Project" and s.end == b), None)
            owners = [s for s in self.index.within(self.spans, h0, h1) if s.type in _ORGS]
            if project is not None and owners:
                self._add(project, "developedBy", max(owners, key=lambda s: s.end - s.start), 0.7, (h0, b), rule="table_owner")

    def _projects_of_their_firms(self) -> None:
        """A project named after a firm the article names elsewhere (甲乙科技有限公司 …
        甲乙科技丙烯项目) is that firm's (``extract_owners.firms_opening``), where no rule found its
        developer."""
        developed = {subject for subject, predicate, *_ in self.relations if predicate == "developedBy"}
        projects = [s for s in self.spans if s.type == "Project" and s.key not in developed]
        firms: dict[str, list[_Span]] = {}
        for span in self.spans:
            if span.type == "Company":
                firms.setdefault(span.name, []).append(span)
        forms = firm_forms(firms, self._strip_place_prefix)
        for project in {p.key: p for p in reversed(projects)}.values():
            for name in firms_opening(project.name, forms, self._strip_place_prefix):
                # (a mention of the firm outside this project's own name: the firm inside it is firm_names_project's)
                firm = next((f for f in firms[name] if f.end <= project.start or project.end <= f.start), None)
                if firm is not None and firm.key != project.key:
                    at = bisect_right(self._sentence_list, (project.start, float("inf"))) - 1
                    sentence = self._sentence_list[at] if at >= 0 and project.start < self._sentence_list[at][1] \
                        else (project.start, project.end)
                    self._add(project, "developedBy", firm, 0.7, sentence, rule="project_opens_with_firm")
                    break

    def _a_segment_listed(self, chain: _Span) -> bool:
        """从A、B、C等上中下游的全产业链: A is one of a chain's segments, not a chain firms lead."""
        return bool(_SEGMENTS_LISTED.match(self.text, chain.end))

    def _paragraph_chain(self, sentence, back: bool = False) -> _Span | None:
        """The one chain the sentence's paragraph names freely (not inside a name, not as the
        上游 / 下游 of the place's chain), or None when it names none or several; with ``back``,
        a paragraph that names none goes on with the one before it (说起甲市的X产业，就不得不提…)."""
        s0, s1 = sentence
        p0 = self.text.rfind("\n", 0, s0) + 1
        p1 = self.text.find("\n", s1)
        p1 = len(self.text) if p1 < 0 else p1
        inside = self.index.within(self.spans, p0, p1)
        named = [s for s in inside if s.type not in ("AdministrativeArea", "IndustrialChain", "Observation")]
        chains = [c for c in inside if c.type == "IndustrialChain" and self._chain_is_free(c, named)
                  and not re.search(r"(?:上游|下游)$", self.text[max(p0, c.start - 2):c.start]) and not self._a_segment_listed(c)]
        if not chains and back and p0 > 1:
            before = self.text.rfind("\n", 0, p0 - 1) + 1
            while before > 0 and not self.text[before:p0].strip():
                before = self.text.rfind("\n", 0, before - 1) + 1
            return self._paragraph_chain((before, before), back=False) if before < p0 - 1 else None
        return chains[0] if len({c.key for c in chains}) == 1 else None

    # -- output ------------------------------------------------------------------------------
    def document(self) -> ExtractedDocument:
        drafts: dict[str, _Draft] = {}
        figures: list[FigureMention] = []
        mentioned: dict[str, set[TextSpan]] = {}  # each draft's mentions as a set: a name said 4,000 times
        mark_registrations(self.spans, [s for s in self.spans if s.type in (*_ORGS, "Project")])
        for span in self.spans:
            start, end = self.norm.original_span(span.start, span.end)
            mention = TextSpan(self.source, start, end, self._original_text(start, end))
            entity_id = self._entity_id(span)
            if span.type == "Observation":
                figures.append(FigureMention(entity_id, span.name, span.extra["measure"], span.extra.get("value"),
                                             span.extra.get("unit"), mention))
                continue
            if span.extra.get("registration"):
                continue  # 福建X有限公司: the province is the name's, no place the article speaks of
            draft = drafts.get(entity_id)
            if draft is None:
                draft = drafts[entity_id] = _Draft(entity_id, span.type, span.name, note=span.extra.get("note"))
                if span.type == "AdministrativeArea" and isinstance(town := span.extra.get("place"), PlaceEntry):
                    draft.division_code, draft.admin_level = town.division_code, town.admin_level  # (a town the table lacks)
            if span.name != draft.name and span.name not in draft.aliases:
                draft.aliases.append(span.name)
            if len(span.name) > len(draft.name) and span.type not in ("AdministrativeArea",) and span.type == draft.type:
                draft.aliases = [a for a in draft.aliases if a != span.name] + [draft.name]
                draft.name = span.name
            for alias in span.extra.get("aliases", ()):
                if alias not in draft.aliases:
                    draft.aliases.append(alias)
            if span.type == "IndustrialChain" and (words := _INDUSTRY_WORD.sub("", self.text[span.start:span.end])) != draft.name \
                    and words not in draft.aliases and _CHAIN_WORDS.fullmatch(words):
                draft.aliases.append(words)  # 装备制造 for 智能装备: how the text names the chain
            if span.type == "IndustrialChain" and (phrase := self._industry_phrase(span)) not in (None, draft.name) \
                    and phrase not in draft.aliases:
                draft.aliases.append(phrase)  # 锂电新能源(产业) for 锂电, 先进装备制造(产业) for 智能装备
            if mention not in mentioned.setdefault(entity_id, set()):
                mentioned[entity_id].add(mention)
                draft.mentions.append(mention)
        for draft in drafts.values():
            if draft.type in ("IndustrialPark", "Company", "Project"):
                short = self._strip_place_prefix(draft.name)
                # (no place-less alias a second park of the article shares: 甲县X园区, 乙县X园区)
                if short != draft.name and short not in draft.aliases and len(self._place_prefixes().get(short, ())) < 2:
                    draft.aliases.append(short)
                # 泉州市泉港X工业园区 is also 泉港X工业园区: the name without its first place only
                between = self._strip_first_place(draft.name)
                if between not in (draft.name, short) and between not in draft.aliases:
                    draft.aliases.append(between)
            elif draft.type in ("DevelopmentZone", "GovernmentBody") and len(run := opening_run(draft.name, self.places)) > 1 \
                    and run[0][0].admin_level == "province" and (rest := draft.name[run[0][1]:]) not in draft.aliases:
                draft.aliases.append(rest)  # 福建(省)泉州台商投资区 is 泉州台商投资区: the province before a place opening the name
            entry = place_gazetteer().get(draft.name)
            if entry is not None:
                draft.aliases = sorted(set(draft.aliases) | set(entry.aliases))
                if entry.division_code:
                    draft.division_code, draft.admin_level = entry.division_code, entry.admin_level
        relations = []
        seen = set()
        key_to_id = {}
        for span in self.spans:
            key_to_id[span.key] = self._entity_id(span)
        rules = {}
        for subject, predicate, object_, sure, (s0, s1), qualifiers, rule in self.relations:
            subject_id = key_to_id.get(subject, subject)
            object_id = key_to_id.get(object_, object_)
            if (subject_id, predicate, object_id) in seen:
                continue
            seen.add((subject_id, predicate, object_id))
            rules[(subject_id, predicate, object_id)] = rule
            start, end = self.norm.original_span(s0, s1)
            relations.append(Relation(
                subject_id, predicate, object_id, self.source, confidence=Decimal(str(sure)), method="extracted",
                evidence=TextSpan(self.source, start, end, self._original_text(start, end)),
                **{_QUALIFIER_FIELDS[key]: value for key, value in qualifiers}))
        for relation in relations:
            for end_id in (relation.subject, relation.object):
                if end_id not in drafts:
                    entry = next((p for p in place_gazetteer().values() if p.id == end_id), None)
                    if entry is not None:
                        drafts[end_id] = _Draft(end_id, entry.type, entry.name, list(entry.aliases))
        ordered = sorted(drafts.values(), key=lambda e: (e.mentions[0].start if e.mentions else 0, e.id))
        return ExtractedDocument(self.source, self.norm, [d.record(self.source) for d in ordered], relations, figures, rules)

    def _entity_id(self, span: _Span) -> str:
        """Gazetteer ids as they are; others a hash of the name without its place prefix
        (figures: of the source and position), so the same park gets the same id everywhere."""
        if "/" in span.key and not span.key.startswith(("money:", "area:", "count:", "date:")):
            return span.key
        kind = {"IndustrialPark": "park", "DevelopmentZone": "zone", "Project": "project",
                "Observation": "figure"}.get(span.type, "org")
        if span.type == "Observation":
            return _slug(kind, f"{self.source}:{span.key}")
        stripped = self._strip_place_prefix(span.key)
        # 甲县纺织园区 and 乙县纺织园区 in one article are two parks: their places keep them apart
        name = span.key if len(self._place_prefixes().get(stripped, ())) > 1 else stripped
        return _slug(kind, park_stem(name) if span.type == "IndustrialPark" else name)

    def _nearest_place_id(self, prefix: str) -> str:
        """The id of the last place of a run of places (甲市乙区 → 乙区's)."""
        last = prefix
        while prefix:
            length = next((n for n in range(min(len(prefix), 7), 1, -1) if prefix[:n] in self.places), len(prefix))
            last, prefix = self.places[prefix[:length]].id if prefix[:length] in self.places else prefix, prefix[length:]
        return last

    def _place_prefixes(self) -> dict[str, set[str]]:
        """The nearest places each place-less name opens with in this article (``_entity_id``)."""
        if getattr(self, "_prefixes", None) is None:
            prefixes: dict[str, set[str]] = {}
            for span in self.spans:
                if "/" not in span.key and span.type in _NAMED_AFTER_PLACES:
                    stripped = self._strip_place_prefix(span.key)
                    if stripped != span.key:  # (by the nearest place: 甲市乙区X and 乙区X are one)
                        prefixes.setdefault(stripped, set()).add(self._nearest_place_id(span.key[:len(span.key) - len(stripped)]))
            self._prefixes = prefixes
        return self._prefixes

    def _original_text(self, start: int, end: int) -> str:
        return self._original[start:end]


# what makes a place's name a medium's: 甲乙日报, 甲乙客户端, 甲乙新闻网 (…讯)
_MEDIA = re.compile(r"(?:日报|晚报|早报|商报|都市报|电视台|广播电视|客户端|新闻网|网讯|手机报)")

#: The province whose places the articles are about (GB/T 2260 code prefix: Fujian).
_HOME_PROVINCE_CODE = "35"

# 走进 / 来到 / 步入 (园区): the sentence goes on about the place entered
_ENTERING = re.compile(r"(?:走进|走入|进入|来到|步入|置身)")
# after a chain's head word: (已)(是|成为) and the place whose industry it is (X产业是|甲县的支柱产业)
_IS_A_PLACES_INDUSTRY = re.compile(r"[，,]?(?:已经|已|也|更)?(?:是|成为|作为)")
_OWN_INDUSTRY = re.compile(r"的[^，。；,;]{0,8}?(?:支柱|主导|民生|特色|优势|传统|首位|富民|重点|战略性新兴|新兴)产业")
# the rules that place a body by its own name (甲县X公司, 甲乙开发区X园区, X镇Y项目)
_NAME_RULES = frozenset({"name_opens_with_place", "name_opens_with_zone", "name_opens_with_town", "name_opens_with_province",
                         "unit_names_its_place", "origin_opens_name", "bracketed_place"})
# verbs whose object is where an industry comes from or is drawn on: 承接甲地X产业, 借助甲地X产业
_FROM_ELSEWHERE = re.compile(r"(?:承接|借助|对接|引进|转移|学习|借鉴)[^，。；]{0,2}$")
#: the feedstocks whose chemistry (煤|化工, 盐|化工) is an industry of its own, not the label 化工's 石化
_FEEDSTOCKS = frozenset("煤盐氟磷硅氯")
# a sentence that opens on the place the sentence before named: 在这里，… / 园区内，…
_HERE = re.compile(r"在?这里[，,]|在?(?:园区|园)内[，,]")

# …、C等上中下游 / 到D的全产业链: the items before are a chain's segments
# the park named again as a park (该园区…, 是…的园区): 甲乙产业园项目 there is the park's own name
_A_PARK_AGAIN = re.compile(r"该园区|是[^，。；]{0,30}的园区")
# what makes a park's name a project's: 甲乙产业园项目, 甲乙产业园三期项目, 甲乙产业园建设项目
_PARK_AS_A_PROJECT = re.compile(r"(?:[一二三四五六七八九十\d]+期)?(?:建设|扩建|招商)?项目")
# the heads after which the words before name the leaders' industry (X龙头企业)
_LEADER_HEADS = frozenset({"龙头企业", "领军企业", "链主企业"})
# an industry a place calls its own: 围绕A、B等主导产业举行招商推介会 (its leading industries)
_OWN_INDUSTRIES = r"(?:主导|支柱|首位|优势|特色)产业"
_SEGMENTS_LISTED = re.compile(r"[^，,。；]{0,16}?(?:上中下游|上下游|全产业链)")

# 以X(、Y)为原料: X is what an industry uses
_RAW_MATERIAL = re.compile(r"[^，,。；]{0,12}?为(?:主要)?(?:原料|原材料|材料)")

#: Words that make a clause an intention rather than a fact: plans, aims, policy, forecasts,
#: a stated intent (意向入驻 / 意向落地: not yet arrived), an effort under way (积极推动A和B落户: in a
#: review of the year, 推动A、B等项目落地 reports what was done).
_INTENTION = re.compile(r"将(?!军|近|士|乐)|拟|意向|计划|规划(?!面积)|鼓励|支持|重点发展|致力|力争|争取|谋划|预计|有望|方向|目标|打造成|"
                        r"加快(?:建设|推进|发展)|着力|推动[^，,。；]{0,8}?(?:建设|发展|落地|落户|入驻)|积极推动[^，,。；]{0,20}?(?:落地|落户|入驻)|筹建|构建|聚焦[^，,。；]{0,30}?[一二三四五六七八九十两\d]+大(?:主导|重点|新兴|支柱|特色)?产业|大力(?:促进|发展|推进|培育)"
                        r"|培育壮大|主攻|把[^，,。；]{1,12}?作为"  # (把X作为首位产业: a choice of policy)
                        r"|定位[为于以是]"  # (项目定位为X产业综合体: the role it is meant for)
                        # (扶持X龙头企业发展, 培育发展X等新兴产业, 高度重视发展X产业, 重点瞄准X产业, 重点引进X企业,
                        # 以打造X为发展重点: what a policy backs or aims at, not what is there)
                        r"|扶持|培育发展|重视发展|重点瞄准|重点引进|为发展重点")
_CLAUSE_END = re.compile(r"[，,;；:：]")
_COLON = re.compile(r"[:：]")
# a sentence that opens as one of a list of measures: 一是… / 二是… / 首先…
_MEASURE = re.compile(r"\s*(?:[一二三四五六七八九十]是|首先|其次|再次)")
# what a measure aims at (一是…，打造X产业集群): in a list of measures, an aim, not a result
_AIM_OF_A_MEASURE = re.compile(r"打造|做大|做强|做优|壮大|提升|完善")
# the future that governs the clauses after it, and what says a clause is done
# (将 of the future, not 将 of disposal: 就将X纳入规划)
_FUTURE = re.compile(r"将(?=于|在|会|要|可|能|有望|建|投|形成|实现|达到|填补|带动|成为|新增|生产|吸引|引进|推动|带来|致力|把|力争|努力)|拟|计划(?!经济)"
                     r"|必将|下一步|今后|届时")
_DONE = re.compile(r"已|了|目前|现有|建成|投产|落成|是|先后|累计")


def clause_modality(text: str, s0: int, s1: int, start: int, end: int) -> str:
    """``intended`` or ``stated`` for the words ``text[start:end]`` of the sentence ``text[s0:s1]``.

    The clause runs from the clause break before ``start`` to the one after ``end``; a
    sentence's opening words before its first break (其中…, 下一步…) count too, since they set
    the mood of what follows.

    >>> clause_modality("项目已投产，将建设二期。", 0, 12, 0, 2)
    'stated'
    >>> clause_modality("项目已投产，将建设二期。", 0, 12, 6, 10)
    'intended'
    >>> clause_modality("力争引进龙头企业落地园区。", 0, 13, 4, 8)
    'intended'
    >>> clause_modality("一是以甲为龙头，引进乙项目，力争打造丙产业集群。", 0, 24, 10, 13)
    'intended'
    >>> clause_modality("项目建成后将填补空白，为甲市培育新材料产业集群。", 0, 24, 15, 18)
    'intended'
    >>> clause_modality("将推进2个项目：甲乙项目，丙丁项目。", 0, 18, 13, 17)
    'intended'
    """
    left = max((m.end() for m in _CLAUSE_END.finditer(text, s0, start)), default=s0)
    right = next((m.start() for m in _CLAUSE_END.finditer(text, end, s1)), s1)
    if _INTENTION.search(text, left, right):
        return "intended"
    colon = max((m.start() for m in _COLON.finditer(text, s0, start)), default=None)
    if colon is not None and (_INTENTION.search(text, s0, colon) or _FUTURE.search(text, s0, colon)):
        return "intended"  # 将重点推进6个项目：A，B，C: the list after the colon is what the words before it plan
    if _MEASURE.match(text, s0, s1) and (_INTENTION.search(text, s0, s1) or _AIM_OF_A_MEASURE.search(text, s0, s1)):
        return "intended"  # 一是以A为龙头，引进B…，打造C产业集群: a measure of a plan, every clause of it
    if _FUTURE.search(text, s0, left) and not _DONE.search(text, left, right):
        return "intended"  # 项目建成后将填补…，为甲市培育X产业集群: 将 governs the clauses after it
    return "stated"


def _times_named(window: str, span: _Span) -> int:
    """How often ``window`` names the organization of ``span`` (by its name without legal form)."""
    stem = re.sub(r"(?:集团|股份有限公司|有限公司|公司)$", "", span.name)
    return window.count(stem if len(stem) >= 2 else span.name)


# an industry's designation right before a firm: (X)领域领军企业|, (X)产业龙头企业——|, (X)链主企业|
_DESIGNATED_RIGHT_BEFORE = re.compile(r"(领域|行业|产业|产业链)?的?(?:科创)?(?:龙头|领军|链主|骨干|头部|标杆)(?:企业|者)(?:——|—|：|:)?$")
# the words of an industry right before a designation (a noun of two characters or more after a
# break), and the scope words that name none (国内行业龙头, 全省龙头, 民营企业龙头)
_INDUSTRY_WORDS_BEFORE = re.compile(rf"(?:^|[、，。；,;：:])[{_CJK}A-Za-z]{{2,8}}$")
_SCOPE_BEFORE_A_DESIGNATION = re.compile(r"(?:国内|国际|全国|全省|全市|全县|全区|全球|世界|细分|本土|本地|民营|知名|我国|我省|我市|"
                                         r"该县|该市|该区|当地|是|为|成为|作为)$")
# 作为…的龙头 / 链主(企业)， right before the firm it calls so: 作为甲乙钢铁产业的龙头，X
_AS_THE_LEADER = re.compile(r"作为([^，。；,;]{2,40}?)的?(?:产业链)?[“\"]?(龙头|链主|领军)(?:企业|代表)?[”\"]?(?:之一)?[，,]$")

# right after a firm: ，是甲乙钢铁产业基地的(另一个)龙头, 作为国内X行业的领军企业
_IS_THE_LEADER_OF = re.compile(r"[，,]?(?:也|还|更)?(?:是|作为)([^，。；,;]{2,40}?)的(?:另一个|又一个|又一|另一家|重要)?[“\"]?(龙头|链主|领军)(?:企业)?")

# …为龙头的 / 为链主的 right before the chain it leads: 以X为龙头的Y产业
_LEADER_OF = re.compile(r"[^，。；,;]{0,60}?为(?:产业链|行业|产业)?[“\"]?(?:龙头|链主)(?:企业)?[”\"]?的")


def _chain_after_leader_frame(text: str, org: _Span, sentence_end: int, chains: list[_Span]) -> _Span | None:
    """The chain a 以X为龙头的Y产业 frame names right after the org: Y, its words starting within
    a few characters of 的 (a rank or 千亿 may stand between).

    >>> from types import SimpleNamespace as S
    >>> text = "以甲乙电厂为龙头的电力能源产业、以丙丁为龙头的医药产业"
    >>> power, medicine = S(start=9, end=13, key="c/1"), S(start=23, end=25, key="c/2")
    >>> _chain_after_leader_frame(text, S(start=1, end=5), len(text), [power, medicine]) is power
    True
    """
    frame = _LEADER_OF.match(text, org.end, sentence_end)
    if frame is None:
        return None
    return next((c for c in chains if frame.end() <= c.start <= frame.end() + 6), None)


# a trade that ends a firm's name (not 科技 / 实业 / 集团, which say none)
_TRADE_AT_END = re.compile(r"(?:物流|包装|彩印|印刷|精机|机械|电子|化工|化学|材料|能源|食品|纺织|服装|鞋业|陶瓷|建材|矿业|医药|药业"
                           r"|生物|光电|半导体|装备|设备|重工|汽车|电器|电气|环保|卫浴|水暖|家居|石化|钢构|钢铁|锂电|电池|光伏|芯片"
                           r"|模具|数码|五金|塑胶|塑料|橡胶|玻璃|纸业|石业|瓷业|茶业)$")


def _clause_chain(text: str, sentence: tuple[int, int], org: _Span, chains: list[_Span]) -> _Span | None:
    """The one chain of ``org``'s clause when its sentence names several — else the one chain of
    the clause right before, when the org's clause names none (石材业方面，以A、B为龙头，…时尚产业:
    the topic clause says which chain they lead); None when either names more than one.

    >>> from types import SimpleNamespace as S
    >>> text = "石材业方面，以甲乙股份为龙头，推动向时尚产业转型。"
    >>> stone, fashion = S(start=0, end=2, key="c/1"), S(start=17, end=19, key="c/2")
    >>> _clause_chain(text, (0, len(text)), S(start=7, end=11), [stone, fashion]) is stone
    True
    """
    s0, s1 = sentence
    breaks = [m.start() for m in re.finditer(r"[，,；;：:]", text[s0:s1])]
    starts = [s0] + [s0 + b + 1 for b in breaks]
    ends = [s0 + b for b in breaks] + [s1]
    at = max(i for i, start in enumerate(starts) if start <= org.start)
    for clause in (at, at - 1) if at > 0 else (at,):
        inside = [c for c in chains if starts[clause] <= c.start and c.end <= ends[clause]]
        if inside:
            return inside[0] if len({c.key for c in inside}) == 1 else None
    return None


@lru_cache(maxsize=1)
def _place_finder() -> LiteralFinder:
    """All place names in one finder, longest first: one pass over the text finds them all
    (as a trie, so each position tries only the names that start with its characters)."""
    return LiteralFinder(n for n in place_gazetteer() if len(n) >= 2)


@lru_cache(maxsize=1)
def _places_by_id() -> dict:
    """Gazetteer entries by id: the division table's parents, to place a county in its prefecture."""
    return {entry.id: entry for entry in place_gazetteer().values()}


@lru_cache(maxsize=1)
def _chain_pattern() -> re.Pattern:
    """Every chain label, longest first; a Latin label (IC, LED) only as a word of its own, not
    inside a Latin name (SABIC holds no IC)."""
    labels = (re.escape(n) if not n[0].isascii() else rf"(?<![A-Za-z]){re.escape(n)}(?![A-Za-z])"
              for n in sorted(chain_gazetteer(), key=len, reverse=True))
    return re.compile("|".join(labels))


def extract_text(original: str, *, source: str = "text", document_date: date | None = None) -> ExtractedDocument:
    """Entities and relations of one article (its original text, as read from the file).

    ``document_date`` resolves 昨日 / 去年 / 今年; without it, a dateline such as
    ``2023年6月26日讯`` is used when the article has one.
    """
    normalized = normalize_article(original)
    if document_date is None and (dateline := _DATELINE.search(normalized.text[:300])):
        try:
            document_date = date(*map(int, dateline.groups()))
        except ValueError:  # 2023年02月29日讯: a dateline no calendar has dates nothing
            document_date = None
    extractor = _Extractor(normalized, source, original, document_date)
    extractor.find_entities()
    extractor.find_relations()
    document = extractor.document()
    document.statuses = status_statements(normalized, original, [(s.start, s.end, extractor._entity_id(s), s.type)
                                                                 for s in extractor.spans if s.type in _NAMED_AFTER_PLACES], source)
    return document
