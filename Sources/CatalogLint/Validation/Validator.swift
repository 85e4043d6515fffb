import CatalogModel
import Diagnostics
import Dispatch
import Foundation
import YAMLTree

/// Findings of the validate pipeline itself (inputs and workspace coverage).
public enum ValidationFindings {
    public static let noCatalogs = FindingKind(
        code: "io-no-catalogs", stage: .input, severity: .error,
        title: LocalizedText(zh: "文件夹中没有目录文件", en: "No catalog files in the folder"),
        message: LocalizedText(
            zh: "文件夹「{path}」中没有 .yaml 或 .yml 文件",
            en: "the folder \"{path}\" holds no .yaml or .yml file"),
        hint: LocalizedText(
            zh: "请检查路径是否正确；目录文件的扩展名应为 .yaml 或 .yml",
            en: "check the path; catalog files end in .yaml or .yml"))

    public static let missingDomain = FindingKind(
        code: "coverage-missing-domain", stage: .model, severity: .warning,
        title: LocalizedText(zh: "缺少试点领域目录", en: "Pilot domain without a catalog"),
        message: LocalizedText(
            zh: "辖区「{jurisdiction}」缺少 {count} 个试点领域的目录：{domains}",
            en: "jurisdiction \"{jurisdiction}\" has no catalog for {count} pilot domain(s): {domains}"),
        hint: LocalizedText(
            zh: "用 gkml init catalog --domain {first} … 从基准目录生成；确实不涉及的领域，在 gkml.yaml 该辖区的「未涉及领域」中写明理由",
            en: "create them with gkml init catalog --domain {first} …; list domains that do not apply under 未涉及领域 of the jurisdiction in gkml.yaml, with a reason"))

    public static let all: [FindingKind] = [noCatalogs, missingDomain]
}

/// Options of one validate run.
public struct ValidationOptions: Sendable {
    /// How many files are read and checked at once (defaults to the number of cores).
    public var parallelism: Int

    public init(parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.parallelism = max(1, parallelism)
    }
}

/// What a validate run produced.
public struct ValidationOutcome: Sendable {
    public var report: ValidationReport
    /// True when an input could not be read at all (a missing path, an empty folder, an unreadable file): exit 2.
    public var inputFailure: Bool
}

/// The validate pipeline: discover inputs, then per group read → schema → model → lint, in parallel.
public enum Validator {
    public static func run(_ paths: [String], options: ValidationOptions = ValidationOptions()) -> ValidationOutcome {
        let inputs = InputDiscovery.discover(paths)
        var files: [FileReport] = []
        var general: [Finding] = []
        var inputFailure = false

        for path in inputs.missing {
            general.append(Finding(YAMLTreeFindings.notFound, at: SourceLocation(file: path), arguments: ["path": path]))
            inputFailure = true
        }
        for path in inputs.empty {
            general.append(Finding(ValidationFindings.noCatalogs, at: SourceLocation(file: path), arguments: ["path": path]))
            inputFailure = true
        }

        // Workspaces first: their context (registry, bodies, rules) applies to the groups inside them.
        var workspaces: [String: LoadedWorkspace] = [:]
        for file in Set(inputs.workspaces + inputs.groups.compactMap(\.workspaceFile)).sorted() {
            workspaces[file] = WorkspaceLoader.load(path: file)
        }
        for file in inputs.workspaces {
            guard let loaded = workspaces[file] else { continue }
            files.append(FileReport(path: file, findings: loaded.findings))
        }

        var catalogsByWorkspace: [String: [String: Set<String>]] = [:]  // workspace → jurisdiction folder → domains
        for group in inputs.groups {
            let workspace = group.workspaceFile.flatMap { workspaces[$0] }
            let registry = workspace?.registry ?? .pilot
            let loaded = loadAll(group.files, registry: registry, parallelism: options.parallelism)
            for catalog in loaded {
                files.append(FileReport(path: catalog.file, findings: catalog.findings))
                if let workspaceFile = group.workspaceFile, let ws = workspace?.workspace, let domain = catalog.catalog?.domain.value,
                   let jurisdiction = jurisdiction(of: catalog.file, in: ws) {
                    let canonical = registry.domain(named: domain)?.name ?? domain
                    catalogsByWorkspace[workspaceFile, default: [:]][jurisdiction.folder.value, default: []].insert(canonical)
                }
            }
            if loaded.contains(where: { $0.document == nil && $0.findings.contains { $0.kind.stage == .input && $0.code.hasPrefix("io-") } }) {
                inputFailure = true
            }
        }

        var coverage: [JSONOutput] = []
        for file in inputs.workspaces {
            guard let loaded = workspaces[file], let ws = loaded.workspace else { continue }
            let result = Coverage.check(ws, present: catalogsByWorkspace[file] ?? [:])
            general += result.findings
            coverage += result.summary
        }
        var extras: [(String, JSONOutput)] = []
        if !coverage.isEmpty { extras.append(("coverage", .array(coverage))) }
        let report = ValidationReport(
            files: files.sorted { $0.path < $1.path }, general: general, summaryExtras: extras)
        return ValidationOutcome(report: report, inputFailure: inputFailure)
    }

    /// Loads files in parallel; results keep the input order.
    static func loadAll(_ files: [String], registry: DomainRegistry, parallelism: Int) -> [LoadedCatalog] {
        let results = ResultSlots<LoadedCatalog>(count: files.count)
        let workers = min(parallelism, files.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < files.count {
                let path = files[index]
                let parsed = YAMLParser.parseFile(atPath: path)
                let loaded: LoadedCatalog
                if DocumentKind.of(parsed.document?.root, file: path) == .workspace {
                    let ws = WorkspaceLoader.check(parsed, file: path)
                    loaded = LoadedCatalog(file: path, document: ws.document, catalog: nil, findings: ws.findings)
                } else {
                    loaded = CatalogLoader.check(parsed, file: path, registry: registry)
                }
                results.set(index, loaded)
                index += workers
            }
        }
        return results.values
    }

    /// The jurisdiction whose folder holds `file`.
    static func jurisdiction(of file: String, in workspace: Workspace) -> Jurisdiction? {
        let filePath = URL(fileURLWithPath: file).standardizedFileURL.path
        return workspace.jurisdictions.first { j in
            let folder = URL(fileURLWithPath: workspace.root).appendingPathComponent(j.folder.value).standardizedFileURL.path
            return filePath.hasPrefix(folder + "/")
        }
    }
}

/// Fixed slots written from concurrent workers, each slot by exactly one worker.
final class ResultSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    /// Safe without a lock: every index is written once, by one worker, before `values` is read.
    func set(_ index: Int, _ value: Value) { storage[index] = value }

    var values: [Value] { storage.map { $0! } }
}

extension Validator {
    /// `gkml validate --schema FILE PATH…`: any YAML or JSON files against a user's schema, no catalog rules.
    public static func run(_ paths: [String], schema schemaPath: String, mappings: [ExternalSchema.Mapping],
                           options: ValidationOptions = ValidationOptions()) -> ValidationOutcome {
        let loaded = ExternalSchema.load(path: schemaPath, mappings: mappings)
        guard let check = loaded.check else {
            return ValidationOutcome(
                report: ValidationReport(files: [FileReport(path: schemaPath, findings: loaded.findings)]), inputFailure: true)
        }
        let inputs = InputDiscovery.discover(paths, extensions: [".yaml", ".yml", ".json"])
        var general: [Finding] = inputs.missing.map {
            Finding(YAMLTreeFindings.notFound, at: SourceLocation(file: $0), arguments: ["path": $0])
        }
        general += inputs.empty.map { Finding(ValidationFindings.noCatalogs, at: SourceLocation(file: $0), arguments: ["path": $0]) }
        let files = (inputs.workspaces + inputs.groups.flatMap(\.files)).filter { $0 != schemaPath }
        let results = ResultSlots<FileReport>(count: files.count)
        let workers = max(1, min(options.parallelism, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < files.count {
                let parsed = YAMLParser.parseFile(atPath: files[index])
                results.set(index, FileReport(path: files[index], findings: check.checkAny(parsed)))
                index += workers
            }
        }
        let reports = files.isEmpty ? [] : results.values
        let unreadable = reports.contains { $0.findings.contains { $0.code.hasPrefix("io-") } }
        return ValidationOutcome(
            report: ValidationReport(files: reports, general: general),
            inputFailure: !general.isEmpty || unreadable)
    }
}
