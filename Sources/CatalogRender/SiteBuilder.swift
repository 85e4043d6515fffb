import CatalogModel
import Diagnostics
import Dispatch
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

    /// Renders the site and hands each file to `emit` as soon as it is rendered, in a fixed order (each
    /// jurisdiction's files in turn, then the index and the assets). Jurisdictions are rendered on up to
    /// `parallelism` threads at once; `emit` is called on the caller's thread only, in the same order whatever the
    /// parallelism, so the output is the same byte for byte. The catalogs are moved out of `source` at the start
    /// (its jurisdictions stay) and each jurisdiction's are released once its files are emitted; the index keeps
    /// only small summaries. At most a few jurisdictions' catalogs and files are held beyond that: a worker does
    /// not start a jurisdiction more than `2 × parallelism` ahead of the one being emitted.
    public static func write(
        _ source: inout SiteSource, formats: [OutputFormat], templates: HTMLTemplates = .builtIn,
        parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
        emit: (RenderedFile) throws -> Void
    ) throws -> SiteCounts {
        let renderer = HTMLRenderer(templates: templates)
        var fileCount = 0
        func emitFile(_ file: RenderedFile) throws {
            try emit(file)
            fileCount += 1
        }
        try emitFile(RenderedFile(path: OutputFolder.marker, text: OutputFolder.markerText))
        // Folder names depend on the jurisdictions before them, so they are given out first, in order.
        var takenFolders: Set<String> = ["assets", "index.html", OutputFolder.marker]
        var jobs: [JurisdictionJob] = []
        for index in source.jurisdictions.indices {
            let jurisdiction = source.jurisdictions[index]
            jobs.append(
                JurisdictionJob(
                    index: index, name: jurisdiction.name, level: jurisdiction.level,
                    folder: SafeName.unique(
                        SafeName.component(jurisdiction.name, fallback: "jurisdiction"), in: &takenFolders)))
        }
        let queue = RenderQueue(catalogs: source.jurisdictions.map(\.catalogs), window: 2 * max(1, parallelism))
        // From here on the queue holds the catalogs, each jurisdiction's until its worker takes them.
        for index in source.jurisdictions.indices { source.jurisdictions[index].catalogs = [] }
        let site = SiteSettings(
            title: source.title, publisher: source.publisher, options: source.options, registry: source.registry,
            approvals: source.approvals, formats: formats, renderer: renderer)

        var columns: [SiteIndex.Column] = []
        var entries: [String: [Int: [SiteIndex.Entry]]] = [:]
        var domainOrder: [String: String] = [:]
        func noteDomain(_ name: String) -> String {
            let key = source.registry.domain(named: name)?.name ?? name
            if domainOrder[key] == nil { domainOrder[key] = source.registry.domain(named: name)?.code ?? "~" }
            return key
        }
        var catalogCount = 0, itemCount = 0

        let workers = DispatchGroup()
        let jobList = jobs
        for _ in 0..<max(1, min(parallelism, jobs.count)) {
            DispatchQueue.global().async(group: workers) {
                while let (index, catalogs) = queue.take() {
                    queue.finish(
                        index, Result(catching: { try render(jobList[index], catalogs: catalogs, site: site) }))
                }
            }
        }
        // Whatever ends the loop (a renderer's or `emit`'s error included), the workers stop before this returns.
        defer {
            queue.cancel()
            workers.wait()
        }
        for job in jobs {
            let rendered = try queue.result(job.index).get()
            for file in rendered.files { try emitFile(file) }
            columns.append(rendered.column)
            catalogCount += rendered.entries.count
            for (domain, entry) in rendered.entries {
                itemCount += entry.itemCount
                entries[noteDomain(domain), default: [:]][job.index, default: []].append(entry)
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

    /// What every jurisdiction's rendering shares.
    struct SiteSettings: Sendable {
        var title: String
        var publisher: String?
        var options: TableOptions
        var registry: DomainRegistry
        var approvals: ApprovalRegister?
        var formats: [OutputFormat]
        var renderer: HTMLRenderer
    }

    /// A jurisdiction to render, with its folder already chosen.
    struct JurisdictionJob: Sendable {
        var index: Int
        var name: String
        var level: Level
        var folder: String
    }

    /// One jurisdiction's files, its column of the index and its catalogs' index entries (keyed by 领域 as written).
    struct RenderedJurisdiction: Sendable {
        var files: [RenderedFile]
        var column: SiteIndex.Column
        var entries: [(domain: String, entry: SiteIndex.Entry)]
    }

    /// Renders one jurisdiction: its workbook, then each catalog's files in the order of `formats`.
    static func render(_ job: JurisdictionJob, catalogs unsorted: [Catalog], site: SiteSettings) throws
        -> RenderedJurisdiction
    {
        let formats = site.formats
        var files: [RenderedFile] = []
        var takenNames: Set<String> = []
        let folder = job.folder
        let workbookName = SafeName.unique(folder, in: &takenNames)
        let catalogs = unsorted.enumerated().sorted {
            (sortKey($0.element, site.registry), $0.offset) < (sortKey($1.element, site.registry), $1.offset)
        }.map(\.element)
        let tables = catalogs.map { CatalogTable($0, options: site.options, registry: site.registry) }
        // The approval state of each catalog as it is now, keyed like the tables (地区, 领域 as written).
        var approvals: [String: String] = [:]
        if let register = site.approvals {
            for catalog in catalogs {
                approvals[catalog.region.value + "\u{1F}" + catalog.domain.value] =
                    register.state(of: catalog, registry: site.registry).label
            }
        }
        let workbookPath = "\(folder)/\(workbookName).xlsx"
        let workbookDownload = DownloadLink(
            label: "Excel（本辖区全部领域）", href: urlPath("\(workbookName).xlsx"),
            fileName: SafeName.component(job.name + "基层政务公开标准目录", fallback: workbookName) + ".xlsx"
        )
        if formats.contains(.xlsx) {
            files.append(
                RenderedFile(
                    path: workbookPath, bytes: try XLSXWriter.workbook(tables, title: job.name + "基层政务公开标准目录")))
        }
        let column = SiteIndex.Column(
            name: job.name, levelLabel: site.options.label(job.level),
            workbook: formats.contains(.xlsx)
                ? DownloadLink(
                    label: workbookDownload.label, href: urlPath(workbookPath), fileName: workbookDownload.fileName)
                : nil
        )

        var entries: [(domain: String, entry: SiteIndex.Entry)] = []
        for table in tables {
            let base = SafeName.unique(SafeName.domainSlug(table.domain, registry: site.registry), in: &takenNames)
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
                        assetRoot: "../assets/", indexHref: "../index.html", siteTitle: site.title,
                        sitePublisher: site.publisher, downloads: downloads
                    )
                    context.approval = approvals[table.region + "\u{1F}" + table.domain]
                    files.append(
                        RenderedFile(path: path, bytes: try site.renderer.catalogPageBytes(table, context: context)))
                case .md: files.append(RenderedFile(path: path, bytes: MarkdownRenderer.bytes(table)))
                case .csv: files.append(RenderedFile(path: path, bytes: CSVRenderer.render(table)))
                case .json: files.append(RenderedFile(path: path, bytes: JSONRenderer.bytes(table)))
                case .docx: files.append(RenderedFile(path: path, bytes: try DOCXWriter.document(table)))
                case .xlsx: break
                }
            }

            let href =
                formats.contains(.html)
                ? urlPath("\(folder)/\(base).html") : urlPath("\(folder)/\(base).\(formats[0].fileExtension)")
            entries.append(
                (
                    table.domain,
                    SiteIndex.Entry(
                        label: "\(job.name) \(table.domain)", href: href, itemCount: table.itemCount,
                        version: table.version, effectiveDate: table.effectiveDate,
                        approval: approvals[table.region + "\u{1F}" + table.domain])
                ))
        }
        return RenderedJurisdiction(files: files, column: column, entries: entries)
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
            return try HTMLRenderer(templates: templates).catalogPageBytes(
                table, context: PageContext(siteTitle: table.title, sitePublisher: table.publisher))
        case .md: return MarkdownRenderer.bytes(table)
        case .csv: return CSVRenderer.render(table)
        case .json: return JSONRenderer.bytes(table)
        case .docx: return try DOCXWriter.document(table)
        case .xlsx: return try XLSXWriter.workbook([table], title: table.title)
        }
    }
}

/// The jurisdictions of a build between the workers that render them and the caller that emits their files in
/// order: each jurisdiction's catalogs until a worker takes them, each finished result until the caller takes it.
/// A worker waits rather than start a jurisdiction `window` or more places ahead of the next one to emit, so a slow
/// jurisdiction cannot make the others pile up in memory.
final class RenderQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var catalogs: [[Catalog]?]
    private var results: [Result<SiteBuilder.RenderedJurisdiction, Error>?]
    private let window: Int
    private var next = 0
    private var emitting = 0
    private var cancelled = false

    init(catalogs: [[Catalog]], window: Int) {
        self.catalogs = catalogs
        self.results = Array(repeating: nil, count: catalogs.count)
        self.window = window
    }

    /// The next jurisdiction to render and its catalogs (released from the queue); nil when there is none left
    /// or the build was cancelled.
    func take() -> (Int, [Catalog])? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && next < catalogs.count && next >= emitting + window { condition.wait() }
        guard !cancelled, next < catalogs.count else { return nil }
        let index = next
        next += 1
        let taken = catalogs[index] ?? []
        catalogs[index] = nil
        return (index, taken)
    }

    func finish(_ index: Int, _ result: Result<SiteBuilder.RenderedJurisdiction, Error>) {
        condition.lock()
        results[index] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for jurisdiction `index` (the next one to emit) and hands it over, releasing it from the queue.
    func result(_ index: Int) -> Result<SiteBuilder.RenderedJurisdiction, Error> {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        let result = results[index]!
        results[index] = nil
        emitting = index + 1
        condition.broadcast()
        return result
    }

    /// Stops the workers from starting another jurisdiction.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
