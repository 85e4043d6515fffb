import CatalogModel
import Foundation
import SafeOutput
import Mustache

/// The default page templates and assets, compiled into the binary (gkml works without its source tree).
public enum DefaultTemplates {
    /// File name → text: the Mustache templates and the two static assets.
    public static let files: [String: String] = [
        "catalog.mustache": catalogPage,
        "index.mustache": indexPage,
        "table.mustache": table,
        "head.mustache": head,
        "site-header.mustache": siteHeader,
        "site-footer.mustache": siteFooter,
        HTMLTemplates.stylesheetName: stylesheet,
        HTMLTemplates.scriptName: script,
    ]
}

/// An error of the renderers, with a Chinese message fit to show the user.
public struct RenderError: Error, CustomStringConvertible, Sendable {
    /// The message in Chinese.
    public var message: String
    /// The message in English, where it differs (internal errors are worded once).
    var english: String?
    public init(_ message: String) { self.message = message }
    public init(zh: String, en: String) {
        self.message = zh
        self.english = en
    }
    public var description: String { message }
    /// The message in English.
    public var englishMessage: String { english ?? message }
}

/// The templates in use: the defaults, with any file of a `--templates` folder replacing the one of the same
/// name. Extra `*.mustache` files in the folder are registered as partials under their name without extension.
public struct HTMLTemplates: Sendable {
    public static let stylesheetName = "gkml.css"
    public static let scriptName = "gkml.js"

    /// File name → text, after overrides.
    public private(set) var files: [String: String]
    /// The names that came from the override folder.
    public private(set) var overridden: [String]
    let library: MustacheLibrary
    /// Whether the templates a catalog page uses are the shipped ones, so that `HTMLCatalogPage` may write it.
    let catalogPageIsShipped: Bool

    /// The templates a catalog page is made of.
    static let catalogPageTemplates = [
        "catalog.mustache", "table.mustache", "head.mustache", "site-header.mustache", "site-footer.mustache",
    ]

    /// The built-in templates.
    public static let builtIn: HTMLTemplates = {
        // The defaults are tested; a parse failure here is a programming error caught by the tests.
        try! HTMLTemplates(files: DefaultTemplates.files, overridden: [])
    }()

    init(files: [String: String], overridden: [String]) throws {
        self.files = files
        self.overridden = overridden
        var library = MustacheLibrary()
        MarkupEscaping.register
        for (name, text) in files.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".mustache") {
            do {
                try library.register(MarkupEscaping.pragma + text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw RenderError("模板 \(name) 有语法错误：\(error)")
            }
        }
        self.library = library
        self.catalogPageIsShipped = Self.catalogPageTemplates.allSatisfy { files[$0] == DefaultTemplates.files[$0] }
    }

    /// The defaults with the files of `folder` laid over them.
    public init(overridesIn folder: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RenderError(
                zh: "模板目录不存在或不是目录：\(TerminalText.path(folder))",
                en: "the templates folder does not exist or is not a folder: \(TerminalText.path(folder))")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            let reason = FileSystemReason(error)
            throw RenderError(
                zh: "无法读取模板目录 \(TerminalText.path(folder))：\(reason.zh)",
                en: "cannot read the templates folder \(TerminalText.path(folder)): \(reason.en)")
        }
        var files = DefaultTemplates.files
        var overridden: [String] = []
        for name in names where name.hasSuffix(".mustache") || DefaultTemplates.files[name] != nil {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RenderError(
                    zh: "无法读取模板文件：\(TerminalText.path(path))",
                    en: "cannot read the template file \(TerminalText.path(path))")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw RenderError(
                    zh: "模板文件不是 UTF-8 编码：\(TerminalText.path(path))",
                    en: "the template file is not UTF-8: \(TerminalText.path(path))")
            }
            files[name] = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            overridden.append(name)
        }
        try self.init(files: files, overridden: overridden)
    }

    func render(_ data: [String: Any], template name: String) throws -> String {
        guard let text = library.render(data, withTemplate: name) else {
            throw RenderError("缺少模板：\(name).mustache")
        }
        return text
    }

    public var stylesheet: String { files[Self.stylesheetName] ?? "" }
    public var script: String { files[Self.scriptName] ?? "" }
}

/// A download link on a catalog page or the index.
public struct DownloadLink: Sendable, Hashable {
    public var label: String
    /// URL relative to the page (already percent-encoded).
    public var href: String
    /// The file name offered when saving.
    public var fileName: String

    public init(label: String, href: String, fileName: String) {
        self.label = label
        self.href = href
        self.fileName = fileName
    }
}

/// Where a page sits in the site and what surrounds it.
public struct PageContext: Sendable, Hashable {
    /// Relative URL of the folder holding gkml.css and gkml.js ("../assets/"); nil for a self-contained page
    /// whose style and script are inlined (with their hashes in the CSP).
    public var assetRoot: String?
    /// Relative URL of the index page, if the page belongs to a site.
    public var indexHref: String?
    public var siteTitle: String
    public var sitePublisher: String?
    public var downloads: [DownloadLink]
    /// 已审批 文号 / 未审批, when the site's workspace keeps an approval register.
    public var approval: String?

    public init(
        assetRoot: String? = nil, indexHref: String? = nil, siteTitle: String, sitePublisher: String? = nil,
        downloads: [DownloadLink] = []
    ) {
        self.assetRoot = assetRoot
        self.indexHref = indexHref
        self.siteTitle = siteTitle
        self.sitePublisher = sitePublisher
        self.downloads = downloads
    }
}

/// The data of the index page.
public struct SiteIndex: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public var name: String
        public var levelLabel: String
        public var workbook: DownloadLink?
        public init(name: String, levelLabel: String, workbook: DownloadLink? = nil) {
            self.name = name
            self.levelLabel = levelLabel
            self.workbook = workbook
        }
    }

    public struct Entry: Sendable, Hashable {
        /// What the link is, for screen readers ("星海镇 就业").
        public var label: String
        public var href: String
        public var itemCount: Int
        public var version: String
        public var effectiveDate: String?
        /// 已审批 文号 / 未审批.
        public var approval: String?
        public init(
            label: String, href: String, itemCount: Int, version: String, effectiveDate: String?,
            approval: String? = nil
        ) {
            self.label = label
            self.href = href
            self.itemCount = itemCount
            self.version = version
            self.effectiveDate = effectiveDate
            self.approval = approval
        }
    }

    public struct Cell: Sendable, Hashable {
        /// The jurisdiction's catalogs in this domain (usually one, or none).
        public var entries: [Entry]
        /// When the jurisdiction declares the domain 未涉及 (gkml.yaml 未涉及领域): the reason.
        public var notApplicable: String?
        public init(entries: [Entry] = [], notApplicable: String? = nil) {
            self.entries = entries
            self.notApplicable = notApplicable
        }
    }

    public struct Row: Sendable, Hashable {
        public var domain: String
        /// One cell per column.
        public var cells: [Cell]
        public init(domain: String, cells: [Cell]) {
            self.domain = domain
            self.cells = cells
        }
    }

    public var title: String
    public var publisher: String?
    public var columns: [Column]
    public var rows: [Row]
    public var assetRoot: String

    public init(title: String, publisher: String?, columns: [Column], rows: [Row], assetRoot: String = "assets/") {
        self.title = title
        self.publisher = publisher
        self.columns = columns
        self.rows = rows
        self.assetRoot = assetRoot
    }
}

/// HTML pages from the templates. Every value reaches the page through `{{…}}`, which escapes `& < > " '`;
/// the only unescaped insertions are the stylesheet and script of a self-contained page.
public struct HTMLRenderer: Sendable {
    public var templates: HTMLTemplates

    public init(templates: HTMLTemplates = .builtIn) {
        self.templates = templates
    }

    /// The Content-Security-Policy of a page: nothing but its own style and script (external files under
    /// 'self', or inline content by hash); no other origin, no plugins, no forms, no base URL changes.
    func csp(inlineStyle: String?, inlineScript: String?, hasScript: Bool) -> String {
        let style = inlineStyle.map(SHA256.cspSource) ?? "'self'"
        let script = hasScript ? (inlineScript.map(SHA256.cspSource) ?? "'self'") : "'none'"
        return "default-src 'none'; style-src \(style); script-src \(script); img-src 'self' data:; font-src 'self'; "
            + "base-uri 'none'; form-action 'none'"
    }

    func common(_ context: PageContext, pageTitle: String, hasScript: Bool) -> [String: Any] {
        var data: [String: Any] = [
            "pageTitle": pageTitle,
            "siteTitle": context.siteTitle,
        ]
        if let publisher = context.sitePublisher { data["sitePublisher"] = publisher }
        if let index = context.indexHref { data["indexHref"] = index; data["siteHref"] = index }
        if let root = context.assetRoot {
            data["assetRoot"] = root
            data["csp"] = csp(inlineStyle: nil, inlineScript: nil, hasScript: hasScript)
        } else {
            data["inlineAssets"] = true
            data["inlineStyle"] = templates.stylesheet
            data["inlineScript"] = templates.script
            data["csp"] = csp(
                inlineStyle: templates.stylesheet, inlineScript: hasScript ? templates.script : nil,
                hasScript: hasScript)
        }
        return data
    }

    /// The data a catalog page's templates see.
    public func catalogData(_ table: CatalogTable, context: PageContext) -> [String: Any] {
        var data = common(context, pageTitle: table.title, hasScript: true)
        data["title"] = table.title
        data["region"] = table.region
        data["domain"] = table.domain
        data["publisher"] = table.publisher
        data["version"] = table.version
        if let date = table.effectiveDate { data["effectiveDate"] = date }
        if let approval = context.approval { data["approval"] = approval }
        data["itemCount"] = table.itemCount
        data["hasDownloads"] = !context.downloads.isEmpty
        data["downloads"] = context.downloads.map { ["label": $0.label, "href": $0.href, "fileName": $0.fileName] }
        data["checklist"] = table.channelStyle == .checklist
        data["ticked"] = table.channelStyle == .ticked
        data["showsID"] = table.showsID
        data["hasRemarks"] = table.hasRemarks
        if let legend = table.legend { data["legend"] = legend }

        data["header1"] = table.headerCells.enumerated().map { index, cell -> [String: Any] in
            var entry: [String: Any] = [
                "title": cell.title, "key": headerKey(cell, index: index),
                "scope": cell.leaves.isEmpty ? "col" : "colgroup",
            ]
            entry["cols"] = cell.leaves.isEmpty ? [headerKey(cell, index: index)] : cell.leaves.map(leafKey)
            if cell.columnSpan > 1 { entry["colspan"] = String(cell.columnSpan) }
            if cell.rowSpan > 1 { entry["rowspan"] = String(cell.rowSpan) }
            return entry
        }
        data["header2"] = table.subheaderColumns.map { ["title": $0.title, "key": leafKey($0)] }
        data["groups"] = Self.blocks(table).map { block -> [String: Any] in
            [
                "name": block.name,
                "rows": block.rows.enumerated().map { position, item in
                    var data = row(table, item)
                    if position == 0 {
                        data["startsGroup"] = true
                        data["group"] = item.group
                        data["groupSpan"] = String(block.rows.count)
                    }
                    return data
                },
            ]
        }
        data["hasNotApplicable"] = !table.notApplicableEntries.isEmpty
        data["notApplicable"] = table.notApplicableEntries.map { entry -> [String: Any] in
            var value: [String: Any] = ["id": entry.id, "reason": entry.reason]
            if let name = entry.name { value["name"] = name }
            return value
        }
        data["hasAdjustments"] = !table.adjustments.isEmpty
        data["adjustments"] = table.adjustments.map { entry -> [String: Any] in
            // `false`, not a missing key, for an entry without 版本: Mustache would look a missing `version` up in
            // the enclosing data and print the catalog's own 版本 as the entry's.
            ["date": entry.date, "note": entry.note, "version": entry.version.map { $0 as Any } ?? false]
        }
        return data
    }

    func headerKey(_ cell: HeaderCell, index: Int) -> String {
        switch cell.title {
        case "序号": "number"
        case "编号": "id"
        case "公开事项": "item"
        case "公开内容（要素）": "content"
        case "公开依据": "basis"
        case "公开时限": "time"
        case "公开主体": "bodies"
        case "公开渠道和载体": "channels"
        case "公开对象": "audience"
        case "公开方式": "mode"
        case "公开层级": "levels"
        case "备注": "remark"
        default: "col\(index)"
        }
    }

    /// The class suffix of a leaf column (`k-…` on its <col>, `h-…` on its header cell).
    func leafKey(_ column: TableColumn) -> String {
        switch column {
        case .number: "number"
        case .id: "id"
        case .group: "group"
        case .name: "name"
        case .content: "content"
        case .basis: "basis"
        case .timeLimit: "time"
        case .bodies: "bodies"
        case .channels: "channels"
        case .audience, .mode, .level: "mark"
        case .remark: "remark"
        }
    }

    /// The most rows a 一级事项 cell spans on the page. A longer block is cut into parts that each carry the
    /// label, so that a printed page never starts with a cut merged cell (each part is kept on one page).
    static let blockRows = 6

    /// The table's <tbody> blocks: the 一级事项 blocks, the long ones cut into parts of `blockRows`.
    static func blocks(_ table: CatalogTable) -> [(name: String, rows: [TableRow])] {
        table.groups.flatMap { group in
            stride(from: 0, to: group.rows.count, by: blockRows).map { start in
                (group.name, Array(group.rows[start..<min(group.rows.count, start + blockRows)]))
            }
        }
    }

    func row(_ table: CatalogTable, _ row: TableRow) -> [String: Any] {
        var marks: [[String: Any]] = []
        for audience in Audience.allCases {
            marks.append(["on": row.audience == audience, "label": "公开对象", "word": audience.rawValue])
        }
        for mode in DisclosureMode.allCases {
            marks.append(["on": row.mode == mode, "label": "公开方式", "word": TableColumn.mode(mode).title])
        }
        for (column, on) in zip(table.levelColumns, row.levelMarks) {
            marks.append(["on": on, "label": "公开层级", "word": column.label])
        }
        return [
            "number": String(row.number),
            "id": row.id,
            "name": row.name,
            "content": row.content,
            "basis": row.basis,
            "timeLimit": row.timeLimit,
            "bodies": row.bodies,
            "boxes": row.channels.boxes.map {
                ["text": $0.text, "state": ($0.ticked ? "on" : "off") + ($0.channel == .noticeBoard ? " wide" : "")]
            },
            "channelList": row.channels.listText,
            "channelLines": row.channels.lines(table.channelStyle),
            "marks": marks,
            "remarkLines": row.remarkLines,
            "search": table.searchWords(row).joined(separator: " "),
        ]
    }

    /// One catalog's page.
    public func catalogPage(_ table: CatalogTable, context: PageContext) throws -> String {
        if templates.catalogPageIsShipped {
            return String(decoding: HTMLCatalogPage.render(table, context: context, renderer: self), as: UTF8.self)
        }
        return try templates.render(catalogData(table, context: context), template: "catalog")
    }

    /// One catalog's page as UTF-8 bytes.
    public func catalogPageBytes(_ table: CatalogTable, context: PageContext) throws -> [UInt8] {
        if templates.catalogPageIsShipped { return HTMLCatalogPage.render(table, context: context, renderer: self) }
        return Array(try templates.render(catalogData(table, context: context), template: "catalog").utf8)
    }

    /// One catalog's page through the Mustache templates, whatever they are (the shipped page's reference).
    func catalogPageThroughTemplates(_ table: CatalogTable, context: PageContext) throws -> String {
        try templates.render(catalogData(table, context: context), template: "catalog")
    }

    /// The data the index page's templates see.
    public func indexData(_ index: SiteIndex) -> [String: Any] {
        var data = common(
            PageContext(assetRoot: index.assetRoot, siteTitle: index.title, sitePublisher: index.publisher),
            pageTitle: index.title, hasScript: false)
        data["title"] = index.title
        if let publisher = index.publisher { data["publisher"] = publisher }
        let entries = index.rows.flatMap { $0.cells.flatMap(\.entries) }
        data["catalogCount"] = String(entries.count)
        data["itemCount"] = String(entries.reduce(0) { $0 + $1.itemCount })
        data["jurisdictions"] = index.columns.map { column -> [String: Any] in
            var value: [String: Any] = ["name": column.name, "levelLabel": column.levelLabel]
            if let workbook = column.workbook {
                value["workbook"] = ["href": workbook.href, "fileName": workbook.fileName, "label": workbook.label]
            }
            return value
        }
        data["hasWorkbooks"] = index.columns.contains { $0.workbook != nil }
        data["domains"] = index.rows.map { row -> [String: Any] in
            [
                "name": row.domain,
                "cells": row.cells.map { cell -> [String: Any] in
                    var value: [String: Any] = [
                        "catalogs": cell.entries.map { entry -> [String: Any] in
                            var value: [String: Any] = [
                                "label": entry.label, "href": entry.href, "itemCount": String(entry.itemCount),
                                "version": entry.version,
                            ]
                            if let date = entry.effectiveDate { value["effectiveDate"] = date }
                            if let approval = entry.approval { value["approval"] = approval }
                            return value
                        }
                    ]
                    if let reason = cell.notApplicable { value["notApplicable"] = reason }
                    return value
                },
            ]
        }
        return data
    }

    public func indexPage(_ index: SiteIndex) throws -> String {
        try templates.render(indexData(index), template: "index")
    }
}

/// Percent-encodes one path component for an href (UTF-8; unreserved characters kept).
func urlComponent(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(
        CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
}

/// Percent-encodes a relative path of `/`-separated components.
func urlPath(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: false).map { urlComponent(String($0)) }.joined(separator: "/")
}

/// How `{{…}}` escapes in every template, shipped or a county's: `HTMLText.escapeMarkup`, scalar by scalar.
/// Mustache's own HTML escaping compares whole `Character`s, so it left a quote that a combining mark joins as it
/// was, and a browser ends an attribute at that quote.
struct MarkupEscaping: MustacheContentType {
    static let name = "GKML_HTML"
    /// Put before each template's text: a line of its own, which Mustache drops whole (a standalone tag), so the
    /// template's own text, first line included, renders as written.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    /// Registers the content type once, before any template naming it is parsed.
    static let register: Void = MustacheContentTypes.register(MarkupEscaping(), named: name)

    func escapeText(_ text: String) -> String { HTMLText.escapeMarkup(text) }
}
