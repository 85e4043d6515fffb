#!/usr/bin/env python3
"""Builds the import fixtures from real published catalog tables, in the shapes counties publish them.

Every cell text below is copied from the page named with it (see README.md); nothing is corrected. Where a
page's text extraction lost the position of a tick (√) among empty cells, the tick columns follow the order the
page printed them in. Run: python3 Tests/Fixtures/import/make_fixtures.py (needs openpyxl and python-docx).
"""
import csv, io, os
from openpyxl import Workbook
from openpyxl.styles import Alignment
import docx
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

HERE = os.path.dirname(os.path.abspath(__file__))

# 1. 辽宁省盖州市 社会救助 — https://www.gaizhou.gov.cn/govxxgk/gzs/2022-01-06/3c993a7e-3dfc-449d-9582-3e26311e7633.html
GAIZHOU_BASIS = "《信息公开条例》及相关规定、根据国务院《社会救助暂行办法》、《辽宁省人民政府办公厅关于全面实施临时救助制度的通知》(辽政办发(2014)74号、《关于进一步做好脱贫攻坚期间临时救助工作的通知》辽民发(2018)74号等相关文件"
GAIZHOU_CHANNELS = "■政府网站\n□征地信息公开平台 □政务服务中心 □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 □公开查阅点 □便民服务站 □入户/现场 □社区/企事业单位/村公示 栏(电子屏) □精准推送 □其他"

def gaizhou_xlsx():
    wb = Workbook()
    ws = wb.active
    ws.title = "社会救助"
    ws.append(["社会救助领域基层政务公开标准目录"] + [None] * 13)
    ws.merge_cells("A1:N1")
    ws.append(["序 号", "公开事项", None, "公开内容(要素)", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象", None, "公开方式", None, "公开层级", None])
    ws.append([None, "一级 事项", "二级 事项", None, None, None, None, None, "全\n社 会", "特定 群众", "主 动", "依申\n请公 开", "县级", "乡、 村级"])
    for rng in ["A2:A3", "B2:C2", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:J2", "K2:L2", "M2:N2"]:
        ws.merge_cells(rng)
    ws.append([1, "综合 业务", "政策 法规 文件", "《社会救助暂行办法》 各地配套政策法规文件", GAIZHOU_BASIS, "制 定 或 获 取 信 息之日起 10 个 工作日内", "盖州市民政局", GAIZHOU_CHANNELS, "√", None, "√", None, "√", "√"])
    ws.append([2, None, "监督 检查", "社会救助信访通讯地址 社会救助投诉举报电话", None, None, None, None, "√", None, "√", None, "√", "√"])
    # The 一级事项 and the columns both rows share are merged down, as the county's workbook has them.
    for rng in ["B4:B5", "E4:E5", "F4:F5", "G4:G5", "H4:H5"]:
        ws.merge_cells(rng)
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    wb.save(os.path.join(HERE, "gaizhou-social-assistance.xlsx"))

# 2. 云南省腾冲市 就业 — https://www.tengchong.gov.cn/info/7151/5817803.htm
TENGCHONG_BASIS = "1. 《中华人民共和国政府信息公开条例》(中华人民共和国国务院 令第711号) 2《中华人民共和国就业促进法》(2007年8月30日第十届全国人民 代表大会常务委员会第二十九次会议通过根据2015年4月24日第十 二届全国人民代表大会常务委员会第十四次《关于修改〈中华人民 共和国电力法〉等六部法律的决定》修正) 3《人力资源市场暂行条例》(中华人民共和国国务院令第700号)"
TENGCHONG_CHANNELS = "■政府网站 □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 □公开查阅点 ■政务服务中心 □便民服务站 □入户/现场 □社区/企事业单位/村公示栏(电子屏) □精准推送 ■其他基层公共服务平台"

def tengchong_xlsx():
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["就业领域基层政务公开标准目录"] + [None] * 13)
    ws.merge_cells("A1:N1")
    ws.append(["序号", "公开事项", None, "公开内容 (要素)", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象", None, "公开方式", None, "公开层级", None])
    ws.append([None, "一级事项", "二级事项", None, None, None, None, None, "全社 会", "特定 群体", "主动", "依申 请", "县级", "乡级"])
    for rng in ["A2:A3", "B2:C2", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:J2", "K2:L2", "M2:N2"]:
        ws.merge_cells(rng)
    ws.append([1, "1.就业信息 服务", "1.1就业政策 法规咨询", "1.就业创业政策项目 2.对象范围 3.政策申请条件 4.政策申请材料 5.办理流程 6.办理地点(方式) 7次沟中迁",
               TENGCHONG_BASIS, "公开事项 信息形成 或变更之 日起20个 工作日内 公开", "乡镇人民 政府", TENGCHONG_CHANNELS, "√", None, "√", None, "√", "√"])
    wb.save(os.path.join(HERE, "tengchong-employment.xlsx"))

# 3. 江西省德安县 涉农资金 — http://www.dean.gov.cn/ztzl/zwgkzl/wszzt/gklw001/snxx/202302/t20230214_5934672.html
DEAN_CHANNELS = "■政府网站  □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 ■公开查阅点□行政服务中心 □便民服务站□入户/现场 □社区/企事业单位/村公示栏(电子屏) □精准推送 □其他"

def dean_csv():
    rows = [
        ["涉农资金领域基层政务公开标准目录"] + [""] * 11,
        ["序号", "公开事项", "公开内容 (要素)", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象", "", "公开方式", "", "公开层级"],
        ["", "", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "乡级"],
        ["1", "政策文件", "1、中央及地方政府下发涉农资金相关文件 2、我镇涉农资金相关文件", "《中华人民共和国政府信息公开条例》(国令第711号) 号",
         "信息形成或者变更之日起20个工作日内", "镇级人民政府", DEAN_CHANNELS, "√", "", "√", "", "√"],
        ["2", "资金明细", "涉农相关资金明细", "《中华人民共和国政府信息公开条例》(国令第711号) 号",
         "信息形成或者变更之日起20个工作日内", "镇级人民政府", DEAN_CHANNELS, "√", "", "√", "", "√"],
    ]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    # Saved as Excel/WPS save "CSV" on Chinese Windows: GB18030 (GBK), no byte-order mark.
    with open(os.path.join(HERE, "dean-agricultural-funds.csv"), "wb") as f:
        f.write(out.getvalue().encode("gb18030"))

# 4. 云南省富宁县 养老服务 — https://www.ynfq.gov.cn/info/13053/170942.htm
YNFQ_CHANNELS = "■政府网站 □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 □公开查阅点 ■政府服务中心 □便民服务站 □入户/现场 □社区/企事业单位/村公示栏 (电子屏) □精准推送 □其他"


def ynfq_docx():
    """A Word table written cell by cell as WPS writes one: gridSpan for the group titles, vMerge down the
    merged columns (python-docx's merge() would join the texts, so the XML is set directly)."""
    d = docx.Document()
    rows = [
        ["序 号", "公开事项", None, "公开内容 (要素)", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象", None, "公开方式", None, "公开层级", None],
        [None, "一级 事项", "二级 事项", None, None, None, None, None, "全 社会", "特定群体", "主动", "依 申请", "县级", "乡级"],
        ["1", "养老服务业务办理", "养老机构备案", "●备案申请材料清单及样式 ●备案流程 ●办理部门 ●办理时限 ●办理时间、地点 ●咨询电话", "信息公开规定",
         "制定或获取备案政策之日起10个工作日内", "乡人民政府", YNFQ_CHANNELS, "√", "", "√", "", "", "√"],
        ["2", None, "养老服务扶持补贴", "●养老服务扶持补贴名称(建设补贴、运营补贴等) ●各项养老服务扶持补贴依据 ●各项养老服务扶持补贴对象 ●各项养老服务扶持补贴申请条件 ●各项养老服务扶持补贴内容和标准 ●各项养老服务扶持补贴方式 ●补贴申请材料清单及样式 ●办理流程 ●办理部门 ●办理时限 ●办理时间、地点 ●咨询电话",
         None, "制定或获取扶持补贴政策之日起10个工作日内", None, None, "√", "", "√", "", "", "√"],
    ]
    table = d.add_table(rows=0, cols=14)
    tbl = table._tbl
    for r, values in enumerate(rows):
        tr = OxmlElement("w:tr")
        tbl.append(tr)
        c = 0
        while c < 14:
            tc = OxmlElement("w:tc")
            tr.append(tc)
            tcPr = OxmlElement("w:tcPr")
            tc.append(tcPr)
            span = 1
            if r == 0 and c in (1, 8, 10, 12):
                span = 2
                g = OxmlElement("w:gridSpan"); g.set(qn("w:val"), "2"); tcPr.append(g)
            vmerge = None
            if r == 0 and c in (0, 3, 4, 5, 6, 7):
                vmerge = "restart"
            elif r == 1 and c in (0, 3, 4, 5, 6, 7):
                vmerge = "continue"
            elif r == 2 and c in (1, 4, 6, 7):
                vmerge = "restart"
            elif r == 3 and c in (1, 4, 6, 7):
                vmerge = "continue"
            if vmerge:
                v = OxmlElement("w:vMerge")
                if vmerge == "restart":
                    v.set(qn("w:val"), "restart")
                tcPr.append(v)
            p = OxmlElement("w:p")
            tc.append(p)
            text = values[c]
            if text and vmerge != "continue":
                run = OxmlElement("w:r"); t = OxmlElement("w:t"); t.set(qn("xml:space"), "preserve"); t.text = text
                run.append(t); p.append(run)
            c += span
    d.save(os.path.join(HERE, "ynfq-elderly-care.docx"))

# 5. 天津市宝坻区 社会救助 — https://www.tjbd.gov.cn/zwgk/jczwgk/ly/shjzly/202012/t20201216_5039688.html
def tjbd_html():
    shared = ("<td>《信息公开条例》及相关规定</td><td>制定或获取信息之日起10个工作日内</td>"
              "<td>县级政府民政部门、乡镇政府(街道办事处)</td><td>■政府网站</td>"
              "<td>√</td><td></td><td>√</td><td></td><td>√</td><td>√</td>")
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>社会救助领域基层政务公开标准目录_天津市宝坻区人民政府</title>
<script>var _hmt = _hmt || [];</script></head>
<body><div class="nav">首页 &gt; 政务公开 &gt; 基层政务公开</div>
<div class="TRS_Editor"><p align="center"><strong>社会救助领域基层政务公开标准目录</strong></p>
<table border="1" cellspacing="0" cellpadding="0" width="100%">
<tr><td rowspan="2">序号</td><td colspan="2">公开事项</td><td rowspan="2">公开内容(要素)</td><td rowspan="2">公开依据</td><td rowspan="2">公开时限</td><td rowspan="2">公开主体</td><td rowspan="2">公开渠道和载体</td><td colspan="2">公开对象</td><td colspan="2">公开方式</td><td colspan="2">公开层级</td></tr>
<tr><td>一级事项</td><td>二级事项</td><td>全社会</td><td>特定群众</td><td>主动</td><td>依申请公开</td><td>县级</td><td>乡、村级</td></tr>
<tr><td>1</td><td rowspan="2">综合业务</td><td>政策</td><td>《社会救助暂行办法》&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</td>{shared}</tr>
<tr><td>2</td><td>监督</td><td>社会救助信访通讯地址</td>{shared}</tr>
<tr><td>3</td><td rowspan="2">最低生活保障</td><td>政策</td><td>《国务院关于进一步加强和改进最低生活保障工作的意见》、《最低生活保障审核审批办法(试行)》、各地配套政策法规文件</td>{shared}</tr>
<tr><td>4</td><td>办事<br>指南</td><td>办理事项、办理条件、最低生活保障标准、申请材料、办理流程、办理时间、地点、联系方式</td><td>《国务院关于进一步加强和改进最低生活保障工作的意见》、各地相关政策法规文件</td><td>制定或获取信息之日起10个工作日内</td><td>县级政府民政部门、乡镇政府(街道办事处)</td><td>■政府网站</td><td>√</td><td></td><td>√</td><td></td><td>√</td><td>√</td></tr>
</table></div></body></html>
"""
    with open(os.path.join(HERE, "tjbd-social-assistance.html"), "wb") as f:
        f.write(page.encode("gbk"))

# 6. 云南省通海县九龙街道 重大建设项目、公共资源交易、义务教育 — https://www.tonghai.gov.cn/thxzfxxgk/jljd/20240816/1549045.html
TONGHAI = [
    ("(一)重大建设项目领域基层政务公开标准目录", ["1", "征收土 地信息", "征收土 地信息", "征地告知书以及履行征地报批前程序的相关证明材料,征收土地方案、征地批后实施中征地公告、征地补偿安置方案公告等",
      "《政府信息公开条例》《关于推进重大建设项目批准和实施领域政府信息公开的意见》", "信息形成20个工 作日内公开", "九龙街道办事处", "■政府网站"]),
    ("(二)公共资源交易领域基层政务公开标准目录", ["1", "政府采 购信息", "法律法规及政策文件", "与政府采购有关的法律法规及政策文件", "《中华人民共和国政府信息公开条例》",
      "信息形成或者变更之日起20个工作日内", "九龙街道办事处", "■政府网站"]),
    ("(三)义务教育领域基层政务公开标准目录", ["1", "重要政策执行情况", "控辍保学", "辖区内控辍保学实施情况", "相关政策文件",
      "信息形成或者变更之日起20个工作日内", "九龙街道办事处", "■政府网站"]),
]

def tonghai_html():
    tables = []
    for title, row in TONGHAI:
        cells = "".join(f"<td>{v}</td>" for v in row) + "<td>√</td><td></td><td>√</td><td></td><td>√</td>"
        tables.append(f"""<table class="MsoNormalTable" border="1">
<tr><td colspan="13"><p style="text-align:center"><span>{title}</span></p></td></tr>
<tr><td rowspan="2">序 号</td><td colspan="2">公开事项</td><td rowspan="2">公开内容(要素)</td><td rowspan="2">公开依据</td><td rowspan="2">公开时限</td><td rowspan="2">公开主 体</td><td rowspan="2">公开渠道和载体</td><td colspan="2">公开对象</td><td colspan="2">公开方式</td><td>公开层级</td></tr>
<tr><td>一级事 项</td><td>二级事 项</td><td>全社 会</td><td>特定 群众</td><td>主 动</td><td>依申请公开</td><td>乡级</td></tr>
<tr>{cells}</tr>
</table>
<p>&nbsp;</p>""")
    page = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>九龙街道基层政务公开标准目录</title></head>
<body><table class="layout" width="1000"><tr><td class="content">
""" + "\n".join(tables) + """
</td></tr></table></body></html>
"""
    with open(os.path.join(HERE, "tonghai-jiulong.html"), "w", encoding="utf-8") as f:
        f.write(page)

if __name__ == "__main__":
    gaizhou_xlsx()
    tengchong_xlsx()
    dean_csv()
    ynfq_docx()
    tjbd_html()
    tonghai_html()
