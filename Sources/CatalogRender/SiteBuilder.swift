import CatalogModel
import Diagnostics
import Foundation

/// The formats `gkml build` and `gkml render` write.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case html, md, csv, xlsx, docx, json

    public var fileExtension: String { rawValue }

    /// How a download link names the format.
    public var label: String {
        switch self {
        case .html: "网页"
        case .md: "Markdown"
        case .csv: "CSV"
        case .xlsx: "Excel"
        case .docx: "Word"
        case .json: "JSON"
        }
    }

    /// A format by name, case-insensitively; "markdown" is md.
    public init?(name: String) {
        let lowered = name.trimmingCharacters(in: .whitespaces).lowercased()
        self.init(rawValue: lowered == "markdown" ? "md" : lowered)
    }

    /// Parses "html,md,csv" (duplicates dropped, order kept); the failure names the first unknown entry.
    public static func parseList(_ text: String) -> Result<[OutputFormat], FormatListError> {
        var formats: [OutputFormat] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard let format = OutputFormat(name: part) else { return .failure(.unknown(part)) }
            if !formats.contains(format) { formats.append(format) }
        }
        if formats.isEmpty { return .failure(.empty) }
        return .success(formats)
    }
}

/// Why a list of output formats was rejected.
public enum FormatListError: Error, Sendable, Hashable {
    case unknown(String)
    case empty

    public var text: LocalizedText {
        let known = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .unknown(let name):
            return LocalizedText(
                zh: "未知的输出格式“\(name)”；可用的格式：\(known)",
                en: "unknown output format \"\(name)\"; the formats are: \(known)")
        case .empty:
            return LocalizedText(zh: "没有指定输出格式；可用的格式：\(known)", en: "no output format given; the formats are: \(known)")
        }
    }
}

/// One file of the output, by its path relative to the output folder (`/`-separated, made of safe components).
public struct RenderedFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// A jurisdiction's catalogs to publish.
public struct SiteJurisdiction: Sendable {
    public var name: String
    public var level: Level
    public var catalogs: [Catalog]
    /// 未涉及领域 from gkml.yaml: domain name → reason (shown in the index).
    public var domainsNotApplicable: [String: String]

    public init(name: String, level: Level, catalogs: [Catalog], domainsNotApplicable: [String: String] = [:]) {
        self.name = name
        self.level = level
        self.catalogs = catalogs
        self.domainsNotApplicable = domainsNotApplicable
    }
}

/// What `gkml build` publishes: a workspace's jurisdictions and their catalogs.
public struct SiteSource: Sendable {
    /// "示例县基层政务公开标准目录".
    public var title: String
    public var publisher: String?
    public var jurisdictions: [SiteJurisdiction]
    public var options: TableOptions
    public var registry: DomainRegistry
    /// The workspace's approval register: each catalog page and the index say 已审批 文号 or 未审批 (nil: no line).
    public var approvals: ApprovalRegister?

    public init(
        title: String, publisher: String?, jurisdictions: [SiteJurisdiction], options: TableOptions,
        registry: DomainRegistry = .pilot
    ) {
        self.title = title
        self.publisher = publisher
        self.jurisdictions = jurisdictions
        self.options = options
        self.registry = registry
    }

    /// The site of a workspace: its title is the workspace's region + 基层政务公开标准目录, and the 公开层级
    /// columns are the workspace's levels with its labels; the channel style is `channelStyle` if given, else
    /// the workspace's (gkml.yaml 发布).
    public init(
        workspace: Workspace, jurisdictions: [SiteJurisdiction], channelStyle: ChannelStyle? = nil,
        registry: DomainRegistry = .pilot
    ) {
        self.init(
            title: workspace.region.value + "基层政务公开标准目录", publisher: workspace.publisher?.value,
            jurisdictions: jurisdictions, options: TableOptions(workspace: workspace, channelStyle: channelStyle),
            registry: registry
        )
    }
}

/// What a build produced.
public struct SiteOutput: Sendable {
    public var files: [RenderedFile]
    public var catalogCount: Int
    public var itemCount: Int
}

/// What a streamed build wrote: the counts without the files.
public struct SiteCounts: Sendable, Hashable {
    public var catalogCount: Int
    public var itemCount: Int
    public var fileCount: Int
}

/// Lays out the published site: `index.html` and `assets/` at the top, one folder per jurisdiction holding
/// `<domain-slug>.html|md|csv|docx|json` per catalog and `<jurisdiction>.xlsx` with one sheet per catalog.
/// Folder and file names come from `SafeName`, so no catalog text can place a file outside the output folder.
public enum SiteBuilder {
    /// The whole site in memory, sorted by path (for tests and callers that want the files themselves).
    public static func build(_ source: SiteSource, formats: [OutputFormat], templates: HTMLTemplates = .builtIn) throws
        -> SiteOutput
    {
        var files: [RenderedFile] = []
        var source = source
        let counts = try write(&source, formats: formats, templates: templates) { files.append($0) }
        files.sort { $0.path < $1.path }
        return SiteOutput(files: files, catalogCount: counts.catalogCount, itemCount: counts.itemCount)
    }

    /// Renders the site and hands each file to `emit` as soon as it is rendered. Each jurisdiction's catalogs are
    /// emptied in `source` once its files are emitted, so they are released when nothing else holds them; the
    /// index keeps only small summaries. At most one jurisdiction's catalogs and tables are held at a time.
    public static func write(
        _ source: inout SiteSource, formats: [OutputFormat], templates: HTMLTemplates = .builtIn,
        emit: (RenderedFile) throws -> Void
    ) throws -> SiteCounts {
        let renderer = HTMLRenderer(templates: templates)
        var fileCount = 0
        func emitFile(_ file: RenderedFile) throws {
            try emit(file)
            fileCount += 1
        }
        try emitFile(RenderedFile(path: OutputFolder.marker, text: OutputFolder.markerText))
        var takenFolders: Set<String> = ["assets", "index.html", OutputFolder.marker]
        var columns: [SiteIndex.Column] = []
        var entries: [String: [Int: [SiteIndex.Entry]]] = [:]
        var domainOrder: [String: String] = [:]
        func noteDomain(_ name: String) -> String {
            let key = source.registry.domain(named: name)?.name ?? name
            if domainOrder[key] == nil { domainOrder[key] = source.registry.domain(named: name)?.code ?? "~" }
            return key
        }
        var catalogCount = 0, itemCount = 0

        // By index, not by element: iterating the array would hold every jurisdiction's catalogs until the end.
        for jurisdictionIndex in source.jurisdictions.indices {
            let jurisdiction = (
                name: source.jurisdictions[jurisdictionIndex].name, level: source.jurisdictions[jurisdictionIndex].level
            )
            let folder = SafeName.unique(
                SafeName.component(jurisdiction.name, fallback: "jurisdiction"), in: &takenFolders)
            var takenNames: Set<String> = []
            let workbookName = SafeName.unique(folder, in: &takenNames)
            let catalogs = source.jurisdictions[jurisdictionIndex].catalogs.enumerated().sorted {
                (sortKey($0.element, source.registry), $0.offset) < (sortKey($1.element, source.registry), $1.offset)
            }.map(\.element)
            // From here on `catalogs` and `tables` (released at the end of this iteration) are the only holders.
            source.jurisdictions[jurisdictionIndex].catalogs = []
            let tables = catalogs.map { CatalogTable($0, options: source.options, registry: source.registry) }
            // The approval state of each catalog as it is now, keyed like the tables (地区, 领域 as written).
            var approvals: [String: String] = [:]
            if let register = source.approvals {
                for catalog in catalogs {
                    approvals[catalog.region.value + "\u{1F}" + catalog.domain.value] =
                        register.state(of: catalog, registry: source.registry).label
                }
            }
            let workbookPath = "\(folder)/\(workbookName).xlsx"
            let workbookDownload = DownloadLink(
                label: "Excel（本辖区全部领域）", href: urlPath("\(workbookName).xlsx"),
                fileName: SafeName.component(jurisdiction.name + "基层政务公开标准目录", fallback: workbookName) + ".xlsx"
            )
            if formats.contains(.xlsx) {
                try emitFile(
                    RenderedFile(
                        path: workbookPath,
                        bytes: try XLSXWriter.workbook(tables, title: jurisdiction.name + "基层政务公开标准目录")))
            }
            columns.append(
                SiteIndex.Column(
                    name: jurisdiction.name, levelLabel: source.options.label(jurisdiction.level),
                    workbook: formats.contains(.xlsx)
                        ? DownloadLink(
                            label: workbookDownload.label, href: urlPath(workbookPath),
                            fileName: workbookDownload.fileName) : nil
                ))

            for table in tables {
                catalogCount += 1
                itemCount += table.itemCount
                let base = SafeName.unique(
                    SafeName.domainSlug(table.domain, registry: source.registry), in: &takenNames)
                let downloadStem = SafeName.component(table.title, fallback: base)
                var downloads: [DownloadLink] = []
                for format in formats where format != .html && format != .xlsx {
                    downloads.append(
                        DownloadLink(
                            label: format.label, href: urlPath("\(base).\(format.fileExtension)"),
                            fileName: "\(downloadStem).\(format.fileExtension)"))
                }
                if formats.contains(.xlsx) { downloads.append(workbookDownload) }

                for format in formats {
                    let path = "\(folder)/\(base).\(format.fileExtension)"
                    switch format {
                    case .html:
                        var context = PageContext(
                            assetRoot: "../assets/", indexHref: "../index.html", siteTitle: source.title,
                            sitePublisher: source.publisher, downloads: downloads
                        )
                        context.approval = approvals[table.region + "\u{1F}" + table.domain]
                        try emitFile(RenderedFile(path: path, text: try renderer.catalogPage(table, context: context)))
                    case .md: try emitFile(RenderedFile(path: path, text: MarkdownRenderer.render(table)))
                    case .csv: try emitFile(RenderedFile(path: path, bytes: CSVRenderer.render(table)))
                    case .json: try emitFile(RenderedFile(path: path, text: JSONRenderer.render(table)))
                    case .docx: try emitFile(RenderedFile(path: path, bytes: try DOCXWriter.document(table)))
                    case .xlsx: break
                    }
                }

                let domainKey = noteDomain(table.domain)
                let href =
                    formats.contains(.html)
                    ? urlPath("\(folder)/\(base).html") : urlPath("\(folder)/\(base).\(formats[0].fileExtension)")
                entries[domainKey, default: [:]][jurisdictionIndex, default: []].append(
                    SiteIndex.Entry(
                        label: "\(jurisdiction.name) \(table.domain)", href: href, itemCount: table.itemCount,
                        version: table.version, effectiveDate: table.effectiveDate,
                        approval: approvals[table.region + "\u{1F}" + table.domain])
                )
            }
        }

        if formats.contains(.html) {
            var notApplicable: [String: [Int: String]] = [:]
            for (index, jurisdiction) in source.jurisdictions.enumerated() {
                for (domain, reason) in jurisdiction.domainsNotApplicable {
                    notApplicable[noteDomain(domain), default: [:]][index] = reason
                }
            }
            let domains = domainOrder.keys.sorted { (domainOrder[$0]!, $0) < (domainOrder[$1]!, $1) }
            let rows = domains.map { domain in
                SiteIndex.Row(
                    domain: domain,
                    cells: source.jurisdictions.indices.map {
                        SiteIndex.Cell(entries: entries[domain]?[$0] ?? [], notApplicable: notApplicable[domain]?[$0])
                    })
            }
            let index = SiteIndex(title: source.title, publisher: source.publisher, columns: columns, rows: rows)
            try emitFile(RenderedFile(path: "index.html", text: try renderer.indexPage(index)))
            try emitFile(RenderedFile(path: "assets/\(HTMLTemplates.stylesheetName)", text: templates.stylesheet))
            try emitFile(RenderedFile(path: "assets/\(HTMLTemplates.scriptName)", text: templates.script))
        }
        return SiteCounts(catalogCount: catalogCount, itemCount: itemCount, fileCount: fileCount)
    }

    /// Pilot domains in code order, then the others by name, then by file.
    static func sortKey(_ catalog: Catalog, _ registry: DomainRegistry) -> String {
        let code = registry.domain(named: catalog.domain.value).map { $0.pilot ? "0" + $0.code : "1" + $0.code } ?? "2"
        return code + "\u{0}" + catalog.domain.value + "\u{0}" + catalog.file
    }

    /// One catalog in one format, for `gkml render`. HTML pages are self-contained (style and script inlined,
    /// allowed by hash in the page's Content-Security-Policy). The table has the levels the catalog uses
    /// (县级 and 乡级 at least) unless `options` says otherwise.
    public static func renderOne(
        _ catalog: Catalog, format: OutputFormat, options: TableOptions = TableOptions(),
        templates: HTMLTemplates = .builtIn, registry: DomainRegistry = .pilot
    ) throws -> [UInt8] {
        let table = CatalogTable(catalog, options: options, registry: registry)
        switch format {
        case .html:
            let page = try HTMLRenderer(templates: templates).catalogPage(
                table, context: PageContext(siteTitle: table.title, sitePublisher: table.publisher))
            return Array(page.utf8)
        case .md: return Array(MarkdownRenderer.render(table).utf8)
        case .csv: return CSVRenderer.render(table)
        case .json: return Array(JSONRenderer.render(table).utf8)
        case .docx: return try DOCXWriter.document(table)
        case .xlsx: return try XLSXWriter.workbook([table], title: table.title)
        }
    }
}
