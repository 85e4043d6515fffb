#!/usr/bin/env python3
"""Deterministic generator of synthetic gkml workspaces for the benchmark (standard library only).

    python3 bench/gen.py --items 100000 --out bench/data/100k

writes OUT/gkml.yaml (format gkml-workspace/1) with one county-level jurisdiction and many townships,
one folder per jurisdiction holding one gkml/1 catalog per domain (≈ 25 items a file), and beside them:

    OUT/files.txt       every catalog file, one relative path a line (what the peers validate)
    OUT/yaml-files.txt  gkml.yaml and every catalog file (what gkml and the floor read)
    OUT/meta.json   items, files, bytes, generator version

The catalogs conform to a synthetic baseline, OUT/../baseline/ (24 items per pilot domain; gkml.yaml
names it as 基准目录): each keeps the baseline's 编号, 名称 and 公开方式, lists the baseline items it drops
under 未涉及事项 with a reason, and adds local items (group 90) when it has more than 24, as a county's
catalogs made with `gkml init` and then adapted do. So the lint rules (conformance, downgrade, bodies,
uniqueness, levels, time limits) find no error.

The same seed gives byte-identical files, and a jurisdiction's files do not depend on the total size
(each is drawn from its own seeded generator), so the 10k set is the first 20 jurisdictions of the 100k set.
Every file is meant to validate clean against schemas/catalog.schema.json and to pass `gkml validate`
with no error; bench/check_sample.py checks a sample with the Python jsonschema package.
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import sys

SEED = 20240601
BASELINE_ITEMS = 24         # items of each domain's synthetic baseline (all for 县级 and 乡级)
ITEMS_PER_FILE = 25          # the mean; files vary by up to ±5, in pairs, so the total is exact
FILES_PER_JURISDICTION = 20  # the other 6 pilot domains are declared 未涉及领域

COUNTY = "示例县"

# The 26 pilot domains: (code, name, slug), as in schemas/domains.yaml.
DOMAINS = [
    ("01", "城乡规划", "urban-rural-planning"),
    ("02", "重大建设项目", "major-construction-projects"),
    ("03", "公共资源交易", "public-resource-trading"),
    ("04", "财政预决算", "budgets-and-final-accounts"),
    ("05", "安全生产", "work-safety"),
    ("06", "税收管理", "tax-administration"),
    ("07", "征地补偿", "land-expropriation-compensation"),
    ("08", "国有土地上房屋征收与补偿", "housing-expropriation-compensation"),
    ("09", "农村危房改造", "rural-dilapidated-housing-renovation"),
    ("10", "生态环境", "ecological-environment"),
    ("11", "公共文化服务", "public-cultural-services"),
    ("12", "公共法律服务", "public-legal-services"),
    ("13", "扶贫", "poverty-alleviation"),
    ("14", "救灾", "disaster-relief"),
    ("15", "食品药品监管", "food-and-drug-regulation"),
    ("16", "城市综合执法", "urban-comprehensive-law-enforcement"),
    ("17", "就业", "employment"),
    ("18", "社会保险", "social-insurance"),
    ("19", "社会救助", "social-assistance"),
    ("20", "养老服务", "elderly-care-services"),
    ("21", "户籍管理", "household-registration"),
    ("22", "涉农补贴", "agricultural-subsidies"),
    ("23", "义务教育", "compulsory-education"),
    ("24", "卫生健康", "health"),
    ("25", "市政服务", "municipal-services"),
    ("26", "保障性住房", "government-subsidized-housing"),
]

# Per domain: the county department that leads it, topics (for 一级事项 and item names), and legal bases.
TIAOLI = "《中华人民共和国政府信息公开条例》（国令第711号）"
GUOBAN = "《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）"
DOMAIN_INFO = {
    "城乡规划": ("自然资源局", ["国土空间规划", "乡村规划", "建设用地规划", "规划许可", "规划核实", "规划调整"],
             ["《中华人民共和国城乡规划法》", "《中华人民共和国土地管理法》"]),
    "重大建设项目": ("发展和改革局", ["项目审批", "项目核准", "招标投标", "征收土地", "施工管理", "竣工验收"],
               ["《政府投资条例》（国务院令第712号）", "《中华人民共和国招标投标法》"]),
    "公共资源交易": ("公共资源交易中心", ["工程建设项目招标", "政府采购", "土地使用权出让", "国有产权交易", "农村产权交易"],
               ["《中华人民共和国招标投标法》", "《中华人民共和国政府采购法》"]),
    "财政预决算": ("财政局", ["部门预算", "部门决算", "三公经费", "财政专项资金", "政府债务"],
              ["《中华人民共和国预算法》", "《中华人民共和国预算法实施条例》"]),
    "安全生产": ("应急管理局", ["安全生产监管", "行政许可", "行政处罚", "事故调查处理", "隐患排查治理"],
             ["《中华人民共和国安全生产法》", "《中华人民共和国行政处罚法》"]),
    "税收管理": ("税务局", ["税收政策", "纳税服务", "减税降费", "欠税公告", "重大税收违法案件"],
             ["《中华人民共和国税收征收管理法》"]),
    "征地补偿": ("自然资源局", ["征地告知", "土地现状调查", "征地补偿安置方案", "补偿费用支付", "征地批复"],
             ["《中华人民共和国土地管理法》", "《中华人民共和国土地管理法实施条例》"]),
    "国有土地上房屋征收与补偿": ("住房和城乡建设局", ["征收决定", "补偿方案", "房屋调查登记", "分户补偿", "征收评估"],
                      ["《国有土地上房屋征收与补偿条例》（国务院令第590号）"]),
    "农村危房改造": ("住房和城乡建设局", ["改造对象认定", "补助资金", "改造标准", "竣工验收", "农户档案"],
               ["《中华人民共和国建筑法》"]),
    "生态环境": ("生态环境分局", ["环境影响评价", "排污许可", "环境监测", "行政处罚", "突发环境事件"],
             ["《中华人民共和国环境保护法》", "《中华人民共和国环境影响评价法》"]),
    "公共文化服务": ("文化广电旅游局", ["公共文化设施", "文化活动", "非物质文化遗产", "文物保护", "农家书屋"],
               ["《中华人民共和国公共文化服务保障法》", "《中华人民共和国公共图书馆法》"]),
    "公共法律服务": ("司法局", ["法律援助", "人民调解", "公证服务", "普法宣传", "村居法律顾问"],
               ["《中华人民共和国法律援助法》", "《中华人民共和国人民调解法》"]),
    "扶贫": ("乡村振兴局", ["防止返贫监测", "帮扶项目", "衔接资金", "到户帮扶", "消费帮扶"],
           ["《中华人民共和国乡村振兴促进法》"]),
    "救灾": ("应急管理局", ["灾害预警", "应急避难场所", "受灾人员救助", "救灾物资", "灾后重建"],
           ["《自然灾害救助条例》", "《中华人民共和国突发事件应对法》"]),
    "食品药品监管": ("市场监督管理局", ["食品生产许可", "食品经营许可", "抽样检验", "药品经营监管", "行政处罚"],
               ["《中华人民共和国食品安全法》", "《中华人民共和国药品管理法》"]),
    "城市综合执法": ("综合行政执法局", ["市容环境卫生", "违法建设查处", "执法检查", "行政处罚", "投诉举报"],
               ["《城市市容和环境卫生管理条例》", "《中华人民共和国行政处罚法》"]),
    "就业": ("人力资源和社会保障局", ["就业创业政策", "就业服务", "就业援助", "职业技能培训", "创业担保贷款"],
           ["《中华人民共和国就业促进法》", "《就业服务与就业管理规定》"]),
    "社会保险": ("医疗保障局", ["养老保险", "医疗保险", "工伤保险", "失业保险", "社保卡服务"],
             ["《中华人民共和国社会保险法》"]),
    "社会救助": ("民政局", ["最低生活保障", "特困人员救助供养", "临时救助", "医疗救助", "教育救助"],
             ["《社会救助暂行办法》（国务院令第649号）"]),
    "养老服务": ("民政局", ["养老机构", "居家养老服务", "高龄津贴", "养老服务补贴", "老年人优待"],
             ["《中华人民共和国老年人权益保障法》"]),
    "户籍管理": ("公安局", ["户口登记", "户口迁移", "居民身份证", "居住证", "户籍证明"],
             ["《中华人民共和国户口登记条例》", "《中华人民共和国居民身份证法》"]),
    "涉农补贴": ("农业农村局", ["耕地地力保护补贴", "农机购置补贴", "种粮补贴", "生态补偿", "补贴资金发放"],
             ["《中华人民共和国农业法》"]),
    "义务教育": ("教育局", ["招生入学", "学生资助", "学校管理", "教师队伍", "营养改善计划"],
             ["《中华人民共和国义务教育法》", "《中华人民共和国教育法》"]),
    "卫生健康": ("卫生健康局", ["基本公共卫生服务", "医疗机构管理", "计划生育", "传染病防控", "健康教育"],
             ["《中华人民共和国基本医疗卫生与健康促进法》"]),
    "市政服务": ("住房和城乡建设局", ["供水服务", "供气服务", "道路照明", "园林绿化", "环境卫生"],
             ["《城市供水条例》", "《城镇燃气管理条例》"]),
    "保障性住房": ("住房和城乡建设局", ["公租房", "住房补贴", "棚户区改造", "保障对象", "分配结果"],
              ["《公共租赁住房管理办法》"]),
}

ITEM_SUFFIXES = [
    "政策文件", "办事指南", "申请条件", "办理程序", "审批结果", "资金发放情况", "名单公示", "监督检查结果",
    "工作动态", "标准和程序", "实施方案", "年度计划", "统计信息", "行政处罚决定", "投诉举报渠道", "结果公告",
    "信息", "事项", "情况", "年度报告",
]
ELEMENTS = [
    "政策依据", "申请条件", "办理程序", "办理时限", "所需材料", "收费标准", "咨询电话", "监督电话", "审批结果",
    "补贴标准", "发放对象", "发放金额", "项目名称", "建设地点", "实施主体", "资金来源", "受理机构", "办理地点",
    "结果公示", "投诉渠道", "工作进度", "责任单位", "联系人", "实施时间", "检查结果", "整改情况",
]
CONTENT_OPENERS = ["本辖区", "涉及", "辖区内", "年度", "有关", "本级"]
CONTENT_CLOSERS = ["等信息", "等内容", "及相关文件", "及办理结果", "等情况"]
TIME_LIMITS = [
    "自信息形成或者变更之日起20个工作日内",
    "信息形成或者变更之日起10个工作日内",
    "自作出决定之日起7个工作日内",
    "自收到批复之日起20个工作日内",
    "自信息形成之日起5个工作日内",
]
REASONS = [
    "涉及个人隐私，仅向申请人本人及利害关系人提供",
    "涉及商业秘密，依申请向利害关系人提供",
    "涉及个人信息，依申请向本人提供",
    "属于过程性信息，依申请提供",
]
STANDARD_CHANNELS = [
    "政府网站", "政府公报", "两微一端", "发布会/听证会", "广播电视", "纸质媒体", "公开查阅点", "政务服务中心",
    "便民服务站", "入户/现场", "社区/企事业单位/村公示栏(电子屏)", "精准推送", "其他",
]
OFFLINE = ["公开查阅点", "政务服务中心", "便民服务站", "社区/企事业单位/村公示栏(电子屏)", "纸质媒体"]
NOT_APPLICABLE_REASONS = [
    "由县级主管部门垂直管理，本辖区不承担相关职责",
    "本辖区无相关设施和项目",
    "相关职责已划转至县级部门",
]

ITEM_NOT_APPLICABLE_REASONS = [
    "本辖区无相关项目，该事项由县级主管部门统一公开",
    "相关职责已划转至县级主管部门，由其统一公开",
    "本辖区不承担该项审批职责，由上级部门办理并公开",
    "本辖区尚未设立相关机构，待设立后补充公开",
]
COUNTY_NOT_APPLICABLE = "由上级主管部门垂直管理，县本级不承担相关职责"

PLACE_A = list("星长青白石东西南北大小新安永兴和平丰宁泰富清云龙凤桃柳松柏金玉红黄绿")
PLACE_B = list("海胜山河岭桥湖塘沟坪坝湾岗庄集店铺口关峰溪林田园源泉城堡")


def jurisdiction_name(index):
    """0 → the county itself; n ≥ 1 → a unique township name (2 chars + 镇/乡)."""
    if index == 0:
        return COUNTY
    n = index - 1
    a, b = PLACE_A[n % len(PLACE_A)], PLACE_B[(n // len(PLACE_A)) % len(PLACE_B)]
    suffix = "镇乡"[(n // (len(PLACE_A) * len(PLACE_B))) % 2]
    rnd = n // (len(PLACE_A) * len(PLACE_B) * 2)
    return f"{a}{b}{suffix}" if rnd == 0 else f"{a}{b}{rnd + 1}{suffix}"


def folder_name(index):
    return "县本级" if index == 0 else jurisdiction_name(index)


def body_of(index):
    return f"{COUNTY}人民政府" if index == 0 else f"{jurisdiction_name(index)}人民政府"


def dept(name):
    return f"{COUNTY}{name}"


def flow(values):
    return "[" + ", ".join(f'"{v}"' if ("：" in v or ":" in v) else v for v in values) + "]"


def item_names(rng, topic, count):
    """count distinct item names of 6–16 characters under one 一级事项."""
    fitting = [s for s in ITEM_SUFFIXES if 6 <= len(topic) + len(s) <= 16]
    names = [topic + s for s in rng.sample(fitting, min(count, len(fitting)))]
    n = 1
    while len(names) < count:  # more items than suffixes: number them
        names.append(f"{topic}专项信息{n}")
        n += 1
    return names


def content(rng, topic):
    target = rng.randint(20, 80)
    opener = rng.choice(CONTENT_OPENERS)
    closer = rng.choice(CONTENT_CLOSERS)
    parts = []
    pool = ELEMENTS[:]
    rng.shuffle(pool)
    text = ""
    for element in pool:
        parts.append(element)
        text = f"{opener}{topic}的" + "、".join(parts) + closer
        if len(text) >= target:
            break
    if len(text) > 80:
        parts.pop()
        text = f"{opener}{topic}的" + "、".join(parts) + closer
    return text


def baseline_groups(domain_index):
    """The synthetic baseline of a domain: [(group number, topic, [(编号, 名称, 依申请?)])], BASELINE_ITEMS items.

    The same for every jurisdiction, as the national baseline is; an item's 公开方式 is fixed here, so a
    township never turns an item that the county discloses proactively into 依申请."""
    code, domain, _slug = DOMAINS[domain_index]
    rng = random.Random(f"{SEED}:baseline:{code}")
    topics = DOMAIN_INFO[domain][1]
    sizes = [BASELINE_ITEMS // len(topics)] * len(topics)
    for g in range(BASELINE_ITEMS % len(topics)):
        sizes[g] += 1
    groups = []
    for g, (topic, size) in enumerate(zip(topics, sizes), start=1):
        entries = [(f"{code}-{g:02d}-{i:02d}", name, rng.random() < 0.08)
                   for i, name in enumerate(item_names(rng, topic, size), start=1)]
        groups.append((g, topic, entries))
    return groups


def local_group(domain_index, count):
    """count local items (group 90, 编号 not in the baseline); 公开方式 fixed per 编号 as for baseline items."""
    code, domain, _slug = DOMAINS[domain_index]
    topics = DOMAIN_INFO[domain][1]
    rng = random.Random(f"{SEED}:local:{code}")
    names = []
    for topic in topics:
        names += item_names(rng, topic, 3)
    entries = []
    for k in range(1, count + 1):
        ident = f"{code}-90-{k:02d}"
        entries.append((ident, names[k - 1], random.Random(f"{SEED}:local:{ident}").random() < 0.08))
    return (90, f"其他{domain}事项", entries)


def select_items(rng, domain_index, n_items):
    """A catalog made from the baseline as `gkml init` would, then adapted: with fewer than BASELINE_ITEMS
    items some baseline items are listed under 未涉及事项 (with a reason); with more, local items follow."""
    groups = baseline_groups(domain_index)
    all_ids = [e[0] for _, _, entries in groups for e in entries]
    not_applicable = set(rng.sample(all_ids, max(0, len(all_ids) - n_items)))
    kept = []
    for g, topic, entries in groups:
        entries = [e for e in entries if e[0] not in not_applicable]
        if entries:
            kept.append((g, topic, entries))
    if n_items > len(all_ids):
        kept.append(local_group(domain_index, n_items - len(all_ids)))
    return kept, [i for i in all_ids if i in not_applicable]


def baseline_catalog(domain_index):
    """The synthetic baseline file of a domain (bench/data/baseline/, the workspace's 基准目录)."""
    code, domain, _slug = DOMAINS[domain_index]
    rng = random.Random(f"{SEED}:baseline-text:{code}")
    laws = DOMAIN_INFO[domain][2]
    out = ["# 基准测试用的合成基准目录（bench/gen.py 生成）", "格式: gkml/1", f"领域: {domain}", "地区: 全国",
           "层级: 县级", "发布机构: 国务院有关部门", '版本: "2019.1"', "默认:",
           f"  公开时限: {TIME_LIMITS[0]}", "  公开主体: [县级人民政府有关部门]", "  公开渠道: [政府网站, 公开查阅点]",
           "  公开对象: 全社会", "  公开方式: 主动", "  公开层级: [县级, 乡级]", "事项:"]
    for g, topic, entries in baseline_groups(domain_index):
        out.append(f"  - 一级事项: {topic}")
        out.append("    二级事项:")
        for ident, name, on_request in entries:
            out.append(f"      - 编号: {ident}")
            out.append(f"        名称: {name}")
            out.append(f"        公开内容: {content(rng, topic)}")
            out.append(f"        公开依据: {flow(laws[:1] + [TIAOLI])}")
            if on_request:
                out.append("        公开对象: 特定群众")
                out.append("        公开方式: 依申请")
                out.append(f"        不主动公开理由: {REASONS[0]}")
    return "\n".join(out) + "\n"


def catalog(index, domain_index, n_items):
    """One catalog file's text; deterministic in (index, domain)."""
    code, domain, _slug = DOMAINS[domain_index]
    rng = random.Random(f"{SEED}:{index}:{code}")
    lead, topics, laws = DOMAIN_INFO[domain]
    county = index == 0
    level = "县级" if county else "乡级"
    region = COUNTY if county else f"{COUNTY}{jurisdiction_name(index)}"
    body = dept(lead) if county else body_of(index)
    own_level = [level]
    both = ["县级", "乡级"]
    year = rng.choice([2023, 2024, 2025])
    version = f"{year}.{rng.randint(1, 3)}"
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    has_defaults = rng.random() < 0.8
    default_channels = ["政府网站"] + sorted(rng.sample(OFFLINE, rng.randint(1, 2)), key=STANDARD_CHANNELS.index)
    defaults = {
        "公开时限": TIME_LIMITS[0],
        "公开主体": [body],
        "公开渠道": default_channels,
        "公开对象": "全社会",
        "公开方式": "主动",
        "公开层级": own_level,
    }

    out = ["# yaml-language-server: $schema=../../../../schemas/catalog.schema.json",
           "格式: gkml/1", f"领域: {domain}", f"地区: {region}", f"层级: {level}", f"发布机构: {body}",
           f'版本: "{version}"']
    if rng.random() < 0.7:
        out.append(f"生效日期: {date}")
    if has_defaults:
        out.append("默认:")
        out.append(f"  公开时限: {defaults['公开时限']}")
        out.append(f"  公开主体: {flow(defaults['公开主体'])}")
        out.append(f"  公开渠道: {flow(defaults['公开渠道'])}")
        out.append(f"  公开对象: {defaults['公开对象']}")
        out.append(f"  公开方式: {defaults['公开方式']}")
        out.append(f"  公开层级: {flow(defaults['公开层级'])}")
    out.append("事项:")

    groups, not_applicable = select_items(rng, domain_index, n_items)
    for g, topic, entries in groups:
        out.append(f"  - 一级事项: {topic}")
        out.append("    二级事项:")
        for ident, name, on_request in entries:
            out.append(f"      - 编号: {ident}")
            out.append(f"        名称: {name}")
            out.append(f"        公开内容: {content(rng, topic)}")
            citations = rng.sample(laws, min(len(laws), rng.randint(1, 2)))
            if rng.random() < 0.6:
                citations.append(TIAOLI)
            elif rng.random() < 0.2:
                citations.append(GUOBAN)
            citations = citations[:3]
            if len(citations) == 1 or rng.random() < 0.4:
                out.append(f"        公开依据: {flow(citations)}")
            else:
                out.append("        公开依据:")
                out.extend(f"          - {c}" for c in citations)
            # elements the item sets itself: all of them without 默认, some overrides with it
            channels = None
            if not has_defaults or rng.random() < 0.3 or on_request:
                if on_request:
                    channels = sorted(rng.sample(["政务服务中心", "便民服务站", "入户/现场", "精准推送"], rng.randint(1, 2)),
                                      key=STANDARD_CHANNELS.index)
                else:
                    channels = ["政府网站"] + rng.sample([c for c in STANDARD_CHANNELS[1:12] if c != "政府网站"],
                                                        rng.randint(0, 3))
                    channels = sorted(set(channels), key=STANDARD_CHANNELS.index)
                    if rng.random() < 0.1:
                        channels.append(f"其他：{jurisdiction_name(index)}微信公众号")
            limit = None
            if not has_defaults or rng.random() < 0.2:
                limit = rng.choice(TIME_LIMITS)
            if limit:
                out.append(f"        公开时限: {limit}")
            if not has_defaults:
                out.append(f"        公开主体: {flow([body if rng.random() < 0.7 else dept(lead)])}")
            if channels:
                out.append(f"        公开渠道: {flow(channels)}")
            if on_request:
                out.append("        公开对象: 特定群众")
                out.append("        公开方式: 依申请")
                out.append(f"        不主动公开理由: {rng.choice(REASONS)}")
            elif not has_defaults:
                out.append("        公开对象: 全社会")
                out.append("        公开方式: 主动")
            if not has_defaults:
                out.append(f"        公开层级: {flow(both if rng.random() < 0.3 else own_level)}")
            elif rng.random() < 0.2:
                out.append(f"        公开层级: {flow(both)}")
            if rng.random() < 0.05:
                out.append("        备注: 内容较多时可在政府网站专栏集中公开")
    if not_applicable:
        out.append("未涉及事项:")
        for ident in not_applicable:
            out.append(f"  - 编号: {ident}")
            out.append(f"    说明: {rng.choice(ITEM_NOT_APPLICABLE_REASONS)}")
    out.append("调整记录:")
    out.append(f"  - 日期: {date}")
    out.append(f'    版本: "{version}"')
    out.append("    说明: 依据基层政务公开标准指引初始编制")
    return "\n".join(out) + "\n"


# --- the messy county (issue 16): catalogs as counties wrote them by hand ------------------------------------
# A county's first run meets tables typed or pasted over years, not made from the baseline with `gkml init`:
# each row carries its own 时限, 主体, 渠道, 层级 (tables repeat them per row, few files use 默认), part of
# the national guide's rows are kept with their 编号, others renumbered locally or silently left out (nothing
# is listed under 未涉及事项), channels are often notice boards only, the 公开层级 tick of the catalog's own
# level is missing, and time limits are free text. The wording below follows Tests/Fixtures/real/ and the
# lint rules' examples. Rates are per item (per file for dropped baseline rows) and give a finding mix of
# the same order as the one issue 16 describes (≈ 0.3 baseline-item-missing, 0.24 channel-no-online,
# 0.2 level-own-missing and 0.09 time-limit-unrecognized per item).
MESSY_KEEP_BASELINE = 0.2    # a national row kept with its 编号 (else renumbered locally or dropped)
MESSY_RENUMBER = 0.05        # of the rows not kept: written with a local 编号 (the rest are simply absent)
MESSY_DEFAULTS = 0.25        # files with a 默认 block (the rest repeat every element on every row)
MESSY_OFFLINE = 0.24         # rows published on notice boards / service halls only
MESSY_LEVEL_MISSING = 0.2    # rows whose 公开层级 lacks the catalog's own level
MESSY_UNRECOGNIZED = 0.09    # rows with a free-text 时限 gkml cannot read
MESSY_VAGUE = 0.015          # 及时公开, 按规定
MESSY_HALFWIDTH = 0.015      # a half-width comma pasted into Chinese text
MESSY_LOCAL_CHANNEL = 0.015  # a channel in the table's own words (办事窗口, 镇村公示公开栏, as real tables have)

MESSY_TIME_LIMITS = [
    "自信息形成或者变更之日起20个工作日内",
    "形成或者变更之日起20个工作日内予以公开",
    "制定或获取信息之日起10个工作日内",
    "公开事项信息形成或变更之日起20个工作日内公开",
    "信息形成（变更）之日起20个工作日内",
    "自作出决定之日起7个工作日内",
]
MESSY_UNRECOGNIZED_LIMITS = [
    "视情况而定", "视工作需要", "根据工作进度", "按工作安排", "动态调整", "工作完成后", "根据上级安排",
    "每学期开学前", "会议结束后", "项目实施期间", "适时公开",
]
MESSY_VAGUE_LIMITS = ["及时公开", "按规定", "按要求", "及时"]
# Offline only: the channels of notice boards, halls and paper, in the names the tables use.
MESSY_OFFLINE_SETS = [
    ["公开查阅点", "政务服务中心"],
    ["社区/企事业单位/村公示栏(电子屏)"],
    ["便民服务站", "社区/企事业单位/村公示栏(电子屏)"],
    ["政务服务中心"],
    ["公开查阅点"],
    ["纸质媒体", "公开查阅点"],
    ["入户/现场", "社区/企事业单位/村公示栏(电子屏)"],
]
MESSY_ONLINE_SETS = [
    ["政府网站"],
    ["政府网站", "公开查阅点"],
    ["政府网站", "政务服务中心"],
    ["政府网站", "社区/企事业单位/村公示栏(电子屏)"],
    ["政府网站", "两微一端", "便民服务站"],
    ["两微一端", "公开查阅点"],
    ["政府网站", "入户/现场"],
]
MESSY_CONTENT = [
    "{n}相关信息", "{n}的办理条件、办理流程、所需材料", "受理部门、办理条件、办理流程、所需材料、办理时限、收费依据及标准",
    "服务指南等信息", "{n}名单及相关信息", "政策文件、工作动态", "{n}结果",
]
MESSY_NAME_SUFFIXES = ["", "", "", "信息", "情况", "公开", "事项"]
_national = None


def national_baseline():
    """{domain code: [(编号, 名称, 公开层级)]} of the national baseline (catalogs/baseline/), read line by line."""
    global _national
    if _national is not None:
        return _national
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "catalogs", "baseline")
    _national = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yaml"):
            continue
        default_levels, items, current = ["县级", "乡级"], [], None
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                stripped = line.strip()
                if stripped.startswith("公开层级:") and current is None:
                    default_levels = [v.strip() for v in stripped.split(":", 1)[1].strip(" []").split(",")]
                elif stripped.startswith("- 编号:"):
                    current = [stripped.split(":", 1)[1].strip(), "", default_levels]
                    items.append(current)
                elif stripped.startswith("名称:") and current is not None and not current[1]:
                    current[1] = stripped.split(":", 1)[1].strip()
                elif stripped.startswith("公开层级:") and current is not None:
                    current[2] = [v.strip() for v in stripped.split(":", 1)[1].strip(" []").split(",")]
        _national[name[:2]] = [tuple(i) for i in items]
    return _national


def messy_catalog(index, domain_index, n_items):
    """One hand-written catalog file's text (see the block comment above); deterministic in (index, domain)."""
    code, domain, _slug = DOMAINS[domain_index]
    rng = random.Random(f"{SEED}:messy:{index}:{code}")
    lead, topics, laws = DOMAIN_INFO[domain]
    county = index == 0
    level = "县级" if county else "乡级"
    other = "乡级" if county else "县级"
    region = COUNTY if county else f"{COUNTY}{jurisdiction_name(index)}"
    body = dept(lead) if county else body_of(index)
    year = rng.choice([2019, 2020, 2021, 2022])

    # Rows: national rows kept (编号 as in the guide) or renumbered, then local rows up to n_items.
    rows = []  # (编号, 名称, 一级事项)
    local = 0
    for ident, name, _levels in national_baseline().get(code, []):
        if len(rows) >= n_items:
            break
        draw = rng.random()
        if draw < MESSY_KEEP_BASELINE:
            rows.append((ident, name + rng.choice(MESSY_NAME_SUFFIXES), topics[int(ident[3:5]) % len(topics)]))
        elif draw < MESSY_KEEP_BASELINE + (1 - MESSY_KEEP_BASELINE) * MESSY_RENUMBER:
            local += 1
            rows.append((f"{code}-90-{local:02d}", name + "（本级）", topics[local % len(topics)]))
    names = set(r[1] for r in rows)
    while len(rows) < n_items:
        local += 1
        topic = topics[local % len(topics)]
        name = f"{topic}{ITEM_SUFFIXES[(local * 7 + index) % len(ITEM_SUFFIXES)]}"
        if name in names:
            name = f"{topic}专项信息{local}"
        names.add(name)
        rows.append((f"{code}-9{1 + local // 90}-{local % 90 + 1:02d}", name, topic))

    has_defaults = rng.random() < MESSY_DEFAULTS
    default_limit = rng.choice(MESSY_TIME_LIMITS)
    out = ["# 手工录入的目录（bench/gen.py --messy 生成；地区和机构均为虚构）",
           "格式: gkml/1", f"领域: {domain}", f"地区: {region}", f"层级: {level}", f"发布机构: {body}",
           f'版本: "{year}"']
    if has_defaults:
        out += ["默认:", f"  公开时限: {default_limit}", f"  公开主体: {flow([body])}",
                f"  公开渠道: {flow(rng.choice(MESSY_ONLINE_SETS))}", "  公开对象: 全社会", "  公开方式: 主动",
                f"  公开层级: {flow([level])}"]
    out.append("事项:")
    by_topic = {}
    for row in rows:
        by_topic.setdefault(row[2], []).append(row)
    for topic, entries in by_topic.items():
        out.append(f"  - 一级事项: {topic}")
        out.append("    二级事项:")
        for ident, name, _topic in entries:
            out.append(f"      - 编号: {ident}")
            out.append(f"        名称: {name}")
            text = rng.choice(MESSY_CONTENT).format(n=name)
            if rng.random() < MESSY_HALFWIDTH:
                text = text.replace("、", ",", 1) if "、" in text else text + ",及时更新"
            out.append(f"        公开内容: {text}")
            citations = rng.sample(laws, min(len(laws), rng.randint(1, 2))) + [TIAOLI]
            out.append(f"        公开依据: {flow(citations)}")
            draw = rng.random()
            if draw < MESSY_UNRECOGNIZED:
                out.append(f"        公开时限: {rng.choice(MESSY_UNRECOGNIZED_LIMITS)}")
            elif draw < MESSY_UNRECOGNIZED + MESSY_VAGUE:
                out.append(f"        公开时限: {rng.choice(MESSY_VAGUE_LIMITS)}")
            elif not has_defaults:
                out.append(f"        公开时限: {default_limit if rng.random() < 0.7 else rng.choice(MESSY_TIME_LIMITS)}")
            if not has_defaults:
                out.append(f"        公开主体: {flow([body])}")
            channels = None
            if rng.random() < MESSY_OFFLINE:
                channels = rng.choice(MESSY_OFFLINE_SETS)
            elif not has_defaults:
                channels = rng.choice(MESSY_ONLINE_SETS)
            if channels and rng.random() < MESSY_LOCAL_CHANNEL:
                channels = channels + [rng.choice(["办事窗口", "镇村公示公开栏"])]
            if channels:
                out.append(f"        公开渠道: {flow(channels)}")
            if not has_defaults:
                out.append("        公开对象: 全社会")
                out.append("        公开方式: 主动")
            if rng.random() < MESSY_LEVEL_MISSING:
                out.append(f"        公开层级: {flow([other])}")
            elif not has_defaults:
                out.append(f"        公开层级: {flow([level] if rng.random() < 0.7 else ['县级', '乡级'])}")
    return "\n".join(out) + "\n"


def plan(total_items):
    """[(jurisdiction index, [domain indexes], [items per file])] with exactly total_items items."""
    n_files = max(1, round(total_items / ITEMS_PER_FILE))
    base, extra = divmod(total_items, n_files)
    counts = [base + (1 if f < extra else 0) for f in range(n_files)]
    vary = random.Random(f"{SEED}:sizes")
    for f in range(0, n_files - 1, 2):  # pairs keep the sum
        d = vary.randint(-5, 5)
        d = max(-(counts[f] - 1), min(d, counts[f + 1] - 1))
        counts[f] += d
        counts[f + 1] -= d
    result = []
    f = 0
    j = 0
    while f < n_files:
        rng = random.Random(f"{SEED}:{j}:domains")
        domains = sorted(rng.sample(range(len(DOMAINS)), FILES_PER_JURISDICTION))
        take = min(FILES_PER_JURISDICTION, n_files - f)
        result.append((j, domains[:take], counts[f:f + take]))
        f += take
        j += 1
    return result


def workspace_yaml(layout, messy=False):
    lines = ["# yaml-language-server: $schema=../../../schemas/workspace.schema.json",
             "# 基准测试用的合成工作区（bench/gen.py 生成；地区和机构均为虚构）",
             "格式: gkml-workspace/1", f"地区: {COUNTY}", "层级: 县级", f"发布机构: {COUNTY}人民政府办公室",
             ] + ([] if messy else ["基准目录: ../baseline"]) + [
             "机构名录:", f"  - {COUNTY}人民政府", f"  - {COUNTY}人民政府办公室"]
    lines += [f"  - {dept(d)}" for d in sorted({info[0] for info in DOMAIN_INFO.values()})]
    lines += [f"  - {body_of(j)}" for j, _, _ in layout if j > 0]
    lines += ["层级名称:", "  县级: 县级", "  乡级: 乡、村级", "辖区:"]
    for j, domains, _ in layout:
        lines.append(f"  - 名称: {jurisdiction_name(j)}")
        lines.append(f"    层级: {'县级' if j == 0 else '乡级'}")
        lines.append(f"    目录: {folder_name(j)}")
        missing = [d for d in range(len(DOMAINS)) if d not in domains]
        if missing:
            lines.append("    未涉及领域:")
            for d in missing:
                lines.append(f"      - 领域: {DOMAINS[d][1]}")
                reason = COUNTY_NOT_APPLICABLE if j == 0 else NOT_APPLICABLE_REASONS[(j + d) % len(NOT_APPLICABLE_REASONS)]
                lines.append(f"        说明: {reason}")
    return "\n".join(lines) + "\n"


def write_baseline(folder):
    """Writes the synthetic baseline (one catalog per pilot domain) that every size's gkml.yaml names."""
    os.makedirs(folder, exist_ok=True)
    for d, (code, _name, slug) in enumerate(DOMAINS):
        path = os.path.join(folder, f"{code}-{slug}.yaml")
        data = baseline_catalog(d).encode("utf-8")
        try:
            with open(path, "rb") as f:
                if f.read() == data:
                    continue
        except FileNotFoundError:
            pass
        with open(path + ".tmp", "wb") as f:
            f.write(data)
        os.replace(path + ".tmp", path)


def parse_size(text):
    text = text.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * mult)


def generator_version():
    with open(__file__, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--items", required=True, help="number of items, e.g. 10000, 100k, 1m")
    ap.add_argument("--out", required=True, help="output folder (replaced)")
    ap.add_argument("--messy", action="store_true",
                    help="a county's first run (issue 16): gkml.yaml names no 基准目录, so the catalogs, not made from "
                         "the national baseline, are checked against it and yield tens of thousands of findings")
    args = ap.parse_args()
    total = parse_size(args.items)
    layout = plan(total)

    tmp = args.out.rstrip("/") + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    files, n_bytes, n_items = [], 0, 0
    for j, domains, counts in layout:
        folder = folder_name(j)
        os.makedirs(os.path.join(tmp, folder), exist_ok=True)
        for d, count in zip(domains, counts):
            rel = f"{folder}/{DOMAINS[d][2]}.yaml"
            data = (messy_catalog if args.messy else catalog)(j, d, count).encode("utf-8")
            with open(os.path.join(tmp, rel), "wb") as f:
                f.write(data)
            files.append(rel)
            n_bytes += len(data)
            n_items += count
    write_baseline(os.path.join(os.path.dirname(os.path.abspath(args.out)), "baseline"))
    ws = workspace_yaml(layout, messy=args.messy).encode("utf-8")
    with open(os.path.join(tmp, "gkml.yaml"), "wb") as f:
        f.write(ws)
    with open(os.path.join(tmp, "files.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(files) + "\n")
    with open(os.path.join(tmp, "yaml-files.txt"), "w", encoding="utf-8") as f:
        f.write("gkml.yaml\n" + "\n".join(files) + "\n")
    meta = {"items": n_items, "files": len(files), "jurisdictions": len(layout), "bytes": n_bytes,
            "workspace_bytes": len(ws), "seed": SEED, "generator": generator_version(), "messy": args.messy}
    with open(os.path.join(tmp, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)
    shutil.rmtree(args.out, ignore_errors=True)
    os.rename(tmp, args.out)
    print(f"{args.out}: {n_items} items, {len(files)} files, {len(layout)} jurisdictions, "
          f"{n_bytes / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
