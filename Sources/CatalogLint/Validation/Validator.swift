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
    /// Apply the safe autofixes in place (`--fix`) before reporting what remains.
    public var fix: Bool
    /// The codes a workspace's 规则 may name (the command line knows every stage's; default: lint and model).
    public var configurableCodes: [String]

    public init(
        parallelism: Int = ProcessInfo.processInfo.activeProcessorCount, fix: Bool = false,
        configurableCodes: [String] = (LintRules.kinds + ModelFindings.all).map(\.code)
    ) {
        self.parallelism = max(1, parallelism)
        self.fix = fix
        self.configurableCodes = configurableCodes
    }
}

/// What a validate run produced.
public struct ValidationOutcome: Sendable {
    public var report: ValidationReport
    /// True when an input could not be read at all (a missing path, an empty folder, an unreadable file): exit 2.
    public var inputFailure: Bool
    /// What `--fix` changed, by file, in the order the files were checked.
    public var fixes: [(file: String, changes: [LintChange])] = []
    /// Files `--fix` could not write back.
    public var fixFailures: [(file: String, reason: String)] = []
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
            let configuration = LintConfiguration.check(loaded, configurable: options.configurableCodes)
            files.append(FileReport(path: file, findings: loaded.findings + configuration))
        }

        var catalogsByWorkspace: [String: [String: Set<String>]] = [:]  // workspace → jurisdiction folder → domains
        var upperLevel: [String: [Catalog]] = [:]  // workspace → catalogs of its county (or city) level
        var baselines: [String: BaselineCatalogs] = [:]
        var fixes: [(file: String, changes: [LintChange])] = []
        var fixFailures: [(file: String, reason: String)] = []
        for group in ordered(inputs.groups, workspaces: workspaces) {
            let workspace = group.workspaceFile.flatMap { workspaces[$0] }
            let registry = workspace?.registry ?? .pilot
            let ws = workspace?.workspace
            let groupJurisdiction = ws.flatMap { w in group.files.first.flatMap { jurisdiction(of: $0, in: w) } }
            let key = group.workspaceFile ?? ""
            if baselines[key] == nil { baselines[key] = BaselineCatalogs.forWorkspace(ws, registry: registry) }
            let isUpper = groupJurisdiction.map { $0.level.value == ws?.level.value } ?? false
            let context = LintContext(
                workspace: ws, registry: registry, baselines: baselines[key] ?? .national,
                upperLevel: isUpper ? [] : upperLevel[key] ?? [])
            var loaded = loadAll(group.files, registry: registry, parallelism: options.parallelism)
            if options.fix {
                for (index, catalog) in loaded.enumerated() {
                    guard let document = catalog.document, DocumentKind.of(document.root, file: catalog.file) == .catalog else { continue }
                    let result = LintFixer.fix(source: document.source, file: catalog.file, context: context)
                    guard result.changed else { continue }
                    do {
                        try writeAtomically(result.fixed, to: catalog.file)
                        fixes.append((catalog.file, result.changes))
                        loaded[index] = CatalogLoader.load(path: catalog.file, registry: registry)
                    } catch {
                        fixFailures.append((catalog.file, "\(error)"))
                    }
                }
            }
            let lint = LintEngine.lint(loaded.filter { DocumentKind.of($0.document?.root, file: $0.file) == .catalog }, context: context)
            if isUpper { upperLevel[key, default: []] += loaded.compactMap(\.catalog) }
            for catalog in loaded {
                let result = lint[catalog.file] ?? LintResult()
                // A workspace may configure model checks (e.g. domain-alias) as it does lint rules; never input or schema errors.
                let model = LintConfiguration.apply(context.rules, to: catalog.findings.filter { $0.kind.stage == .model })
                let findings = catalog.findings.filter { $0.kind.stage != .model } + model + result.findings
                files.append(FileReport(path: catalog.file, findings: findings, suppressed: result.suppressed))
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
        return ValidationOutcome(report: report, inputFailure: inputFailure, fixes: fixes, fixFailures: fixFailures)
    }

    /// Groups of the upper level (the workspace's own level: the county) first, so that townships are checked
    /// against their county's catalogs; otherwise the discovery order.
    static func ordered(_ groups: [FileGroup], workspaces: [String: LoadedWorkspace]) -> [FileGroup] {
        func isUpper(_ group: FileGroup) -> Bool {
            guard let ws = group.workspaceFile.flatMap({ workspaces[$0]?.workspace }), let file = group.files.first,
                  let j = jurisdiction(of: file, in: ws) else { return false }
            return j.level.value == ws.level.value
        }
        return groups.filter(isUpper) + groups.filter { !isUpper($0) }
    }

    /// Replaces a file through a temporary file and a rename, keeping its permissions.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        if let permissions = attributes?[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
        }
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
