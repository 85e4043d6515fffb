import CatalogModel
import SafeOutput

/// A catalog page written straight into UTF-8 bytes, the same bytes as the shipped templates (catalog, table,
/// head, site-header, site-footer) give through Mustache, without Mustache's `[String: Any]` data and dynamic
/// casts (both escape with `HTMLText`). Used only while none of those five templates is overridden; a county's
/// `--templates` page goes through Mustache as before. Each line below carries the template line it writes;
/// `HTMLCatalogPageTests` checks the two paths give the same bytes.
struct HTMLCatalogPage {
    private var out: [UInt8] = []

    /// The page of `table`: `renderer` gives the CSP and, for a self-contained page, the stylesheet and script.
    static func render(_ table: CatalogTable, context: PageContext, renderer: HTMLRenderer) -> [UInt8] {
        var page = HTMLCatalogPage()
        page.out.reserveCapacity(4_096 + table.itemCount * 3_072)
        page.write(table, context: context, renderer: renderer)
        return page.out
    }

    /// Markup, as it is.
    private mutating func raw(_ markup: String) { out.append(contentsOf: markup.utf8) }
    /// Text, escaped as `{{…}}` escapes it.
    private mutating func text(_ text: String) { HTMLText.appendEscaped(text, to: &out) }

    private mutating func write(_ table: CatalogTable, context: PageContext, renderer: HTMLRenderer) {
        let templates = renderer.templates
        raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n")
        // head.mustache
        raw("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        raw("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        if context.assetRoot != nil {
            text(renderer.csp(inlineStyle: nil, inlineScript: nil, hasScript: true))
        } else {
            text(renderer.csp(inlineStyle: templates.stylesheet, inlineScript: templates.script, hasScript: true))
        }
        raw("\">\n<meta name=\"generator\" content=\"gkml\">\n<title>")
        text(table.title)
        raw("</title>\n")
        if let root = context.assetRoot {
            raw("<link rel=\"stylesheet\" href=\"")
            text(root)
            raw("gkml.css\">\n")
        } else {
            raw("<style>")
            raw(templates.stylesheet)
            raw("</style>\n")
        }
        raw("</head>\n<body>\n<a class=\"skip-link\" href=\"#gkml-table\">跳到目录表格</a>\n")
        // site-header.mustache: siteHref is indexHref.
        raw("<header class=\"site-header\">\n<p class=\"site-name\">")
        if let index = context.indexHref {
            raw("<a href=\"")
            text(index)
            raw("\">")
            text(context.siteTitle)
            raw("</a>")
        } else {
            text(context.siteTitle)
        }
        raw("</p>\n</header>\n")
        raw("<main id=\"gkml-main\">\n")
        if let index = context.indexHref {
            raw("<nav class=\"breadcrumb\" aria-label=\"当前位置\"><a href=\"")
            text(index)
            raw("\">目录一览</a> › <span aria-current=\"page\"><bdi>")
            text(table.region)
            raw("</bdi>　<bdi>")
            text(table.domain)
            raw("</bdi></span></nav>\n")
        }
        raw("<h1>")
        text(table.title)
        raw("</h1>\n<dl class=\"facts\">\n<div><dt>发布机构</dt><dd>")
        text(table.publisher)
        raw("</dd></div>\n<div><dt>版本</dt><dd>")
        text(table.version)
        raw("</dd></div>\n")
        if let date = table.effectiveDate {
            raw("<div><dt>生效日期</dt><dd>")
            text(date)
            raw("</dd></div>\n")
        }
        if let approval = context.approval {
            raw("<div><dt>审批</dt><dd class=\"approval\">")
            text(approval)
            raw("</dd></div>\n")
        }
        raw("<div><dt>事项数</dt><dd>")
        raw(String(table.itemCount))
        raw("</dd></div>\n</dl>\n")
        if !context.downloads.isEmpty {
            raw("<p class=\"downloads\">下载：")
            for link in context.downloads {
                raw("<a href=\"")
                text(link.href)
                raw("\" download=\"")
                text(link.fileName)
                raw("\">")
                text(link.label)
                raw("</a>")
            }
            raw("</p>\n")
        }
        raw(
            """
            <form id="gkml-filter" class="filter" role="search" hidden>
            <label for="gkml-filter-input">筛选事项</label>
            <input id="gkml-filter-input" type="search" autocomplete="off" placeholder="输入关键词，如 公示、补贴">
            <p id="gkml-filter-status" class="filter-status" role="status" aria-live="polite"></p>
            </form>

            """)
        writeTable(table, renderer: renderer)
        if !table.notApplicableEntries.isEmpty {
            raw("<section class=\"notes\" aria-labelledby=\"gkml-na\">\n<h2 id=\"gkml-na\">未涉及事项</h2>\n<ul>\n")
            for entry in table.notApplicableEntries {
                raw("<li><span class=\"id\">")
                text(entry.id)
                raw("</span>")
                if let name = entry.name {
                    raw(" <bdi>")
                    text(name)
                    raw("</bdi>")
                }
                raw("：<bdi>")
                text(entry.reason)
                raw("</bdi></li>\n")
            }
            raw("</ul>\n</section>\n")
        }
        if !table.adjustments.isEmpty {
            raw("<section class=\"notes\" aria-labelledby=\"gkml-adj\">\n<h2 id=\"gkml-adj\">调整记录</h2>\n<ul>\n")
            for entry in table.adjustments {
                raw("<li><span class=\"date\">")
                text(entry.date)
                raw("</span>")
                if let version = entry.version {
                    raw("（版本 <bdi>")
                    text(version)
                    raw("</bdi>）")
                }
                raw("　<bdi>")
                text(entry.note)
                raw("</bdi></li>\n")
            }
            raw("</ul>\n</section>\n")
        }
        raw("</main>\n")
        // site-footer.mustache
        raw("<footer class=\"site-footer\">\n<p>")
        if let publisher = context.sitePublisher {
            raw("<bdi>")
            text(publisher)
            raw("</bdi>　")
        }
        raw("基层政务公开标准目录</p>\n</footer>\n")
        if let root = context.assetRoot {
            raw("<script src=\"")
            text(root)
            raw("gkml.js\"></script>\n")
        } else {
            raw("<script>")
            raw(templates.script)
            raw("</script>\n")
        }
        raw("</body>\n</html>\n")
    }

    /// table.mustache.
    private mutating func writeTable(_ table: CatalogTable, renderer: HTMLRenderer) {
        raw("<div class=\"table-wrap\">\n<table id=\"gkml-table\" class=\"catalog\">\n<caption><bdi>")
        text(table.title)
        raw("</bdi><span id=\"gkml-count\" class=\"count\">（共 ")
        raw(String(table.itemCount))
        raw(" 项）</span></caption>\n")
        let headerCells = table.headerCells
        for (index, cell) in headerCells.enumerated() {
            raw("<colgroup class=\"g-")
            text(renderer.headerKey(cell, index: index))
            raw("\">")
            if cell.leaves.isEmpty {
                raw("<col class=\"k-")
                text(renderer.headerKey(cell, index: index))
                raw("\">")
            } else {
                for leaf in cell.leaves {
                    raw("<col class=\"k-")
                    text(renderer.leafKey(leaf))
                    raw("\">")
                }
            }
            raw("</colgroup>\n")
        }
        raw("<thead>\n<tr>")
        for (index, cell) in headerCells.enumerated() {
            raw("<th scope=\"")
            raw(cell.leaves.isEmpty ? "col" : "colgroup")
            raw("\" class=\"h-")
            text(renderer.headerKey(cell, index: index))
            raw("\"")
            if cell.columnSpan > 1 {
                raw(" colspan=\"")
                raw(String(cell.columnSpan))
                raw("\"")
            }
            if cell.rowSpan > 1 {
                raw(" rowspan=\"")
                raw(String(cell.rowSpan))
                raw("\"")
            }
            raw(">")
            text(cell.title)
            raw("</th>")
        }
        raw("</tr>\n<tr>")
        for column in table.subheaderColumns {
            raw("<th scope=\"col\" class=\"h-")
            text(renderer.leafKey(column))
            raw("\">")
            text(column.title)
            raw("</th>")
        }
        raw("</tr>\n</thead>\n")
        let marks = MarkColumns(table)
        for block in HTMLRenderer.blocks(table) {
            raw("<tbody data-group=\"")
            text(block.name)
            raw("\">\n")
            for (position, row) in block.rows.enumerated() {
                writeRow(
                    row, of: table, marks: marks, groupSpan: position == 0 ? block.rows.count : nil)
            }
            raw("</tbody>\n")
        }
        raw("</table>\n</div>\n")
        if let legend = table.legend {
            raw("<p class=\"legend\">注：")
            text(legend)
            raw("</p>\n")
        }
    }

    /// The √ columns' labels and words, the same for every row.
    private struct MarkColumns {
        var audience: [(audience: Audience, word: String)]
        var mode: [(mode: DisclosureMode, word: String)]
        var levels: [String]

        init(_ table: CatalogTable) {
            audience = Audience.allCases.map { ($0, $0.rawValue) }
            mode = DisclosureMode.allCases.map { ($0, TableColumn.mode($0).title) }
            levels = table.levelColumns.map(\.label)
        }
    }

    /// One <tr>; `groupSpan` on the first row of a block, which carries the 一级事项 cell.
    private mutating func writeRow(_ row: TableRow, of table: CatalogTable, marks: MarkColumns, groupSpan: Int?) {
        raw("<tr id=\"item-")
        text(row.id)
        raw("\" data-search=\"")
        var first = true
        for word in table.searchWords(row) {
            if !first { raw(" ") }
            first = false
            text(word)
        }
        raw("\">\n<td class=\"c-number\" data-label=\"序号\">")
        raw(String(row.number))
        raw("</td>\n")
        if table.showsID {
            raw("<td class=\"c-id\" data-label=\"编号\">")
            text(row.id)
            raw("</td>\n")
        }
        if let span = groupSpan {
            raw("<th scope=\"rowgroup\" class=\"c-group\" rowspan=\"")
            raw(String(span))
            raw("\">")
            text(row.group)
            raw("</th>\n")
        }
        raw("<th scope=\"row\" class=\"c-name\">")
        text(row.name)
        raw("</th>\n<td class=\"c-content\" data-label=\"公开内容\">")
        text(row.content)
        raw("</td>\n<td class=\"c-basis\" data-label=\"公开依据\">")
        paragraphs(row.basis)
        raw("</td>\n<td class=\"c-time\" data-label=\"公开时限\">")
        text(row.timeLimit)
        raw("</td>\n<td class=\"c-bodies\" data-label=\"公开主体\">")
        paragraphs(row.bodies)
        raw("</td>\n<td class=\"c-channels\" data-label=\"公开渠道\">")
        switch table.channelStyle {
        case .checklist:
            raw("<ul class=\"checklist\" aria-hidden=\"true\">")
            for box in row.channels.boxes {
                raw("<li class=\"")
                raw(box.ticked ? "on" : "off")
                if box.channel == .noticeBoard { raw(" wide") }
                raw("\">")
                // `ChannelBox.text`, written in its parts (no joined String per box).
                raw(box.ticked ? "■" : "□")
                text(box.channel.rawValue)
                if !box.detail.isEmpty {
                    raw("：")
                    text(box.detail)
                }
                raw("</li>")
            }
            raw("</ul><span class=\"sr-only\">")
            text(row.channels.listText)
            raw("</span>")
        case .ticked:
            raw("<ul class=\"ticked\">")
            for line in row.channels.lines(.ticked) {
                raw("<li>")
                text(line)
                raw("</li>")
            }
            raw("</ul>")
        case .list:
            text(row.channels.listText)
        }
        raw("</td>\n")
        for (audience, word) in marks.audience {
            mark(row.audience == audience, label: "公开对象", word: word)
        }
        for (mode, word) in marks.mode {
            mark(row.mode == mode, label: "公开方式", word: word)
        }
        for (label, on) in zip(marks.levels, row.levelMarks) {
            mark(on, label: "公开层级", word: label)
        }
        if table.hasRemarks {
            raw("<td class=\"c-remark\" data-label=\"备注\">")
            paragraphs(row.remarkLines)
            raw("</td>\n")
        }
        raw("</tr>\n")
    }

    private mutating func paragraphs(_ lines: [String]) {
        for line in lines {
            raw("<p>")
            text(line)
            raw("</p>")
        }
    }

    private mutating func mark(_ on: Bool, label: String, word: String) {
        raw("<td class=\"c-mark\" data-label=\"")
        text(label)
        raw("\">")
        if on {
            raw("<span class=\"tick\" aria-hidden=\"true\">√</span><span class=\"mark-word\">")
            text(word)
            raw("</span>")
        }
        raw("</td>\n")
    }
}
