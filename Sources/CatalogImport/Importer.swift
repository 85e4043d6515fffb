import CatalogModel
import CatalogRender
import Diagnostics
import Foundation
import SafeOutput
import YAMLTree

/// `gkml import`: published tables (xlsx, docx, html, csv; legacy formats through LibreOffice) → gkml/1 catalogs.
public struct Importer {
    /// What the user asked for.
    public struct Request: Sendable {
        public var files: [String]
        /// The workspace (folder with gkml.yaml) or plain folder to write into.
        public var into: String
        public var jurisdiction: String?
        public var domain: String?
        public var level: Level?
        public var publisher: String?
        public var version: String?
        public var useDefaults = true
        public var limits = ImportLimits()

        public init(files: [String], into: String) {
            self.files = files
            self.into = into
        }
    }

    /// One catalog ready to be written.
    public struct Output: Sendable {
        public var path: String
        public var text: String
        public var domain: String
        public var region: String
        public var itemCount: Int
        /// The source table it came from.
        public var source: LocalizedText
        /// The level labels the table printed.
        public var levelLabels: [Level: String]
        public var items: [ImportedItem]
    }

    public struct Result: Sendable {
        public var outputs: [Output] = []
        public var notes: [ImportNote] = []
        /// Files that could not be read at all.
        public var failures: [(file: String, error: ImportError)] = []

        /// 0 everything read without a guess, 1 a person must look, 2 a file could not be read.
        public var exitStatus: Int32 {
            if !failures.isEmpty { return 2 }
            return notes.contains { $0.level == .warning } ? 1 : 0
        }
    }

    public var request: Request
    public let workspace: Workspace?
    public let registry: DomainRegistry

    public init(_ request: Request) throws(ImportError) {
        self.request = request
        let file = (request.into as NSString).appendingPathComponent(WorkspaceLoader.fileName)
        if FileManager.default.fileExists(atPath: file) {
            let loaded = WorkspaceLoader.load(path: file)
            guard let workspace = loaded.workspace, !loaded.hasErrors else {
                throw ImportError(
                    zh: "\(file) 有错误，请先运行 gkml validate \(request.into)",
                    en: "\(file) has errors; run gkml validate \(request.into) first")
            }
            self.workspace = workspace
            registry = loaded.registry
        } else {
            workspace = nil
            registry = .pilot
        }
    }

    /// Reads one file into source tables.
    public static func document(at path: String, limits: ImportLimits = ImportLimits()) throws(ImportError)
        -> SourceDocument
    {
        let fileName = (path as NSString).lastPathComponent
        var ext = (path as NSString).pathExtension.lowercased()
        let shown = TerminalText.path(path)
        // Judged before it is opened (docs/hostile-files.md): a FIFO or a device is no document to import.
        switch FileEntry.kind(of: path) {
        case .missing, .brokenLink:
            throw ImportError(zh: "找不到文件 \(shown)", en: "file not found: \(shown)")
        case .directory, .linkToDirectory:
            throw ImportError(zh: "\(shown) 是文件夹，不是文件", en: "\(shown) is a folder, not a file")
        case .special(let type), .linkToSpecial(_, let type):
            throw ImportError(
                zh: "\(shown) 是\(type.zh)，不是普通文件，没有读取", en: "\(shown) is \(type.en), not a regular file; not read")
        case .regular, .linkToFile: break
        }
        var info = stat()
        let size = FileName.withSystemPath(path) { stat($0, &info) } == 0 ? Int(info.st_size) : 0
        if size > limits.fileBytes {
            throw ImportError(
                zh: "\(fileName) 有 \(size >> 20) MiB，超过上限 \(limits.fileBytes >> 20) MiB，拒绝读取",
                en: "\(fileName) is \(size >> 20) MiB, over the limit of \(limits.fileBytes >> 20) MiB; not read")
        }
        var data: Data
        if let format = OfficeConverter.target(for: ext) {
            data = try OfficeConverter.convert(path, fileName: fileName, to: format)
            ext = format
        } else {
            switch FileReader.read(path, maxSize: limits.fileBytes) {
            case .success(let bytes): data = Data(bytes)
            case .failure(let failure):
                let reason = failure.reason
                throw ImportError(
                    zh: "无法读取 \(shown)：\(reason?.zh ?? "文件过大")",
                    en: "cannot read \(shown): \(reason?.en ?? "file too large")")
            }
        }
        switch ext {
        case "xlsx", "xlsm": return try XLSXReader.read(data, fileName: fileName, limits: limits)
        case "docx", "docm": return try DOCXReader.read(data, fileName: fileName, limits: limits)
        case "csv", "tsv", "txt": return try CSVReader.read(data, fileName: fileName, limits: limits)
        case "html", "htm", "shtml": return try HTMLReader.read(data, fileName: fileName, limits: limits)
        default:
            throw ImportError(
                zh: "不支持的文件类型 .\(ext)：可导入 .xlsx .docx .html .csv，以及（需 LibreOffice）.xls .doc .et .wps",
                en:
                    "unsupported file type .\(ext): gkml imports .xlsx .docx .html .csv and, with LibreOffice, .xls .doc .et .wps"
            )
        }
    }

    public func run() -> Result {
        var result = Result()
        var planned = Set<String>()
        for file in request.files {
            let document: SourceDocument
            do {
                document = try Self.document(at: file, limits: request.limits)
            } catch {
                result.failures.append((file, error))
                continue
            }
            let reader = TableReader(registry: registry, knownLabels: workspace?.levelLabels ?? [:])
            var notes: [ImportNote] = []
            let catalogs = reader.read(document, notes: &notes)
            if catalogs.isEmpty {
                notes.append(
                    ImportNote(
                        "import-no-catalog", .warning,
                        place: LocalizedText(zh: document.fileName, en: document.fileName),
                        zh: "没有找到公开目录表格（表头应含 公开内容、公开依据、公开时限、公开主体、公开渠道 等列）",
                        en: "no catalog table found (its header should name 公开内容, 公开依据, 公开时限, 公开主体, 公开渠道 …)"))
            }
            for var catalog in catalogs {
                if let output = output(&catalog, planned: &planned, notes: &notes) { result.outputs.append(output) }
            }
            result.notes += notes
        }
        return result
    }

    func output(_ catalog: inout ImportedCatalog, planned: inout Set<String>, notes: inout [ImportNote]) -> Output? {
        let place = catalog.source.place
        // 领域.
        var domain: Domain?
        if let name = request.domain {
            domain = registry.lookup(name)?.domain
        } else if let name = catalog.domain {
            domain = registry.domain(named: name)
        }
        if domain == nil, catalog.domain == nil, request.domain == nil {
            // A table without a title (a CSV): the file's name may be the domain, as gkml build names its files.
            let stem = ((catalog.source.fileName as NSString).deletingPathExtension as String)
            if let found = registry.lookup(stem)?.domain {
                domain = found
                notes.append(
                    ImportNote(
                        "import-domain-from-file-name", .info, place: place,
                        zh: "表格没有标题，按文件名读作「\(found.name)」领域",
                        en: "the table has no title; domain \(found.name) read from the file name"))
            }
        }
        guard let domain else {
            notes.append(
                ImportNote(
                    "import-unknown-domain", .warning, place: place,
                    zh: request.domain.map { "领域「\($0)」不是已知领域（见 gkml domains）" } ?? "无法从标题看出领域，未导入：请用 --domain 指定",
                    en: request.domain.map { "domain \"\($0)\" is not known (see gkml domains)" }
                        ?? "the title does not tell the domain; not imported: name it with --domain"))
            return nil
        }
        // 地区 and the jurisdiction of the workspace.
        guard let region = request.jurisdiction ?? catalog.region else {
            notes.append(
                ImportNote(
                    "import-unknown-region", .warning, place: place,
                    zh: "无法从标题看出地区，未导入：请用 --jurisdiction 指定",
                    en: "the title does not tell the place; not imported: name it with --jurisdiction"))
            return nil
        }
        let jurisdiction =
            workspace?.jurisdictions.first { $0.name.value == region }
            ?? workspace?.jurisdictions.filter { region.hasSuffix($0.name.value) }.max {
                $0.name.value.count < $1.name.value.count
            }
        var level = request.level ?? jurisdiction?.level.value
        if level == nil {
            if region.hasSuffix("镇") || region.hasSuffix("乡") || region.hasSuffix("街道") || region.hasSuffix("街道办事处") {
                level = .township
            } else if region.hasSuffix("县") || region.hasSuffix("区") || region.hasSuffix("市") || region.hasSuffix("旗") {
                level = .county
            }
            notes.append(
                ImportNote(
                    "import-level-guessed", .warning, place: place,
                    zh: level.map { "层级按地区名称「\(region)」读作「\($0.rawValue)」，请确认（或用 --level 指定）" }
                        ?? "无法确定层级，未填写：请用 --level 指定",
                    en: level.map {
                        "层级 read as \($0.rawValue) from the place name \"\(region)\"; please confirm (or pass --level)"
                    } ?? "层级 unknown; left out: pass --level"))
        }
        let publisher = request.publisher ?? catalog.publisher
        let version = request.version ?? catalog.version
        if publisher == nil {
            notes.append(
                ImportNote(
                    "import-value-missing", .warning, place: place,
                    zh: "表格没有写发布机构，未填写：请用 --publisher 指定或在文件中补充",
                    en: "the table does not name the 发布机构; left out: pass --publisher or add it to the file"))
        }
        if version == nil {
            notes.append(
                ImportNote(
                    "import-value-missing", .warning, place: place,
                    zh: "表格没有写版本，未填写：请用 --catalog-version 指定或在文件中补充",
                    en: "the table gives no 版本; left out: pass --catalog-version or add it to the file"))
        }
        // 编号.
        let baseline = try? BaselineSource.catalog(for: domain, workspace: workspace, registry: registry).catalog
        IdentityMatcher().assign(
            &catalog, baseline: baseline, domainCode: domain.code.isEmpty ? nil : domain.code, notes: &notes)

        // Where it goes.
        var folder = request.into
        if let jurisdiction { folder = (workspace!.root as NSString).appendingPathComponent(jurisdiction.folder.value) }
        // The names gkml build gives: the domain's slug in a jurisdiction's folder, 地区-slug elsewhere.
        let base =
            jurisdiction == nil
            ? SafeName.catalogBaseName(region: region, domain: domain.name, registry: registry)
            : SafeName.domainSlug(domain.name, registry: registry)
        var path = (folder as NSString).appendingPathComponent(base + ".yaml")
        var n = 2
        while planned.contains(path) {
            path = (folder as NSString).appendingPathComponent("\(base)-\(n).yaml")
            n += 1
        }
        planned.insert(path)

        let written = request.domain ?? catalog.domain ?? domain.name
        let facts = ImportWriter.Facts(
            domain: registry.domain(named: written) != nil ? written : domain.name, region: region, level: level,
            publisher: publisher, version: version,
            effectiveDate: catalog.effectiveDate)
        var header = [SchemaReference.modeline(.catalog, forFileAt: path)]
        header.append(catalog.title ?? CatalogTable.title(region: region, domain: facts.domain))
        header.append("由 gkml import 自 \(place.zh) 导入；核对导入报告中列出的各处后，运行 gkml validate。")
        let text = ImportWriter(header: header, useDefaults: request.useDefaults).yaml(facts, groups: catalog.groups)
        return Output(
            path: path, text: text, domain: facts.domain, region: region, itemCount: catalog.items.count,
            source: place, levelLabels: catalog.levelLabels, items: catalog.items)
    }
}
