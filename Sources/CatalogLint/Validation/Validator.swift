import CatalogModel
import Diagnostics
import Foundation
import SafeOutput
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
            en:
                "create them with gkml init catalog --domain {first} …; list domains that do not apply under 未涉及领域 of the jurisdiction in gkml.yaml, with a reason"
        ))

    public static let all: [FindingKind] = [
        noCatalogs, missingDomain,
        ApprovalCheck.changedAfterApproval, ApprovalCheck.registerInvalid,
    ]
}

/// Options of one validate run.
public struct ValidationOptions: Sendable {
    /// How many files are read and checked at once (defaults to the number of cores).
    public var parallelism: Int
    /// Apply the safe autofixes in place (`--fix`) before reporting what remains.
    public var fix: Bool
    /// The codes a workspace's 规则 may name (the command line knows every stage's; default: lint and model).
    public var configurableCodes: [String]
    /// Keep every decoded catalog in the outcome (for `gkml build`, which renders what it validated); off by
    /// default so that memory stays flat at province scale.
    public var keepCatalogs: Bool

    public init(
        parallelism: Int = ProcessInfo.processInfo.activeProcessorCount, fix: Bool = false,
        configurableCodes: [String] = (LintRules.kinds + ModelFindings.all).map(\.code), keepCatalogs: Bool = false
    ) {
        self.parallelism = max(1, parallelism)
        self.fix = fix
        self.configurableCodes = configurableCodes
        self.keepCatalogs = keepCatalogs
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
    /// The decoded catalogs by file path as reported, when `keepCatalogs` was set.
    public var catalogs: [String: Catalog] = [:]
    /// The counts of what was reported (after the filter, when one was given).
    public var tally = FindingTally()
}

/// The validate pipeline: discover inputs, then per group read → schema → model → lint, in parallel.
public enum Validator {
    /// Validates and keeps every file's findings in the outcome's report (sorted by path).
    public static func run(_ paths: [String], options: ValidationOptions = ValidationOptions()) -> ValidationOutcome {
        let files = FileCollector()
        var outcome = stream(paths, options: options, deliver: files.append)
        outcome.report.files = files.reports
        outcome.tally = files.tally(general: outcome.report.general)
        return outcome
    }

    /// Validates and streams each file's findings (filtered) to `sink` in the order of the paths as soon as its
    /// group is checked, then the end of the run; the outcome's report keeps only the general findings.
    public static func run(
        _ paths: [String], options: ValidationOptions = ValidationOptions(), filter: FindingFilter = FindingFilter(),
        into sink: FindingSink
    ) -> ValidationOutcome {
        let counter = StreamCounter(filter: filter, sink: sink)
        var outcome = stream(paths, options: options, deliver: counter.deliver)
        outcome.tally = counter.finish(general: outcome.report.general, extras: outcome.report.summaryExtras)
        return outcome
    }

    /// The pipeline; `deliver` gets each file's report, in the sorted order of the paths, one call at a time.
    static func stream(
        _ paths: [String], options: ValidationOptions, deliver: @escaping (FileReport) -> Void
    ) -> ValidationOutcome {
        // The catalog schema is compiled once per run, on first use (≈ 9 ms): by the first worker to check a
        // catalog, while the other waits for it. Compiled on another thread now, it is ready by the time discovery
        // and the workspaces (on this thread) are done.
        if options.parallelism > 1 { DispatchQueue.global().async { _ = SchemaCheck.catalog } }
        // Workspaces first: their context (registry, bodies, rules) applies to the groups inside them. Each is read
        // as soon as discovery finds it, and its YAML tree dropped once its 规则 are checked: at province scale
        // gkml.yaml lists thousands of jurisdictions and bodies, and read after discovery its tree came on top of
        // the 40,000 paths (the peak of the run); read first, the paths reuse the memory it leaves.
        var workspaces: [String: LoadedWorkspace] = [:]
        var configurations: [String: [Finding]] = [:]
        let prefetch = BaselinePrefetch(enabled: options.parallelism > 1)
        func load(_ file: String, configure: Bool) {
            if workspaces[file] == nil {
                let loaded = WorkspaceLoader.load(path: file)
                workspaces[file] = loaded
                prefetch.start(file, workspace: loaded.workspace, registry: loaded.registry)
            }
            if configure, configurations[file] == nil, let loaded = workspaces[file] {
                configurations[file] = LintConfiguration.check(loaded, configurable: options.configurableCodes)
            }
            workspaces[file]?.document = nil
        }
        let inputs = InputDiscovery.discover(paths) { load($0, configure: true) }
        for file in Set(inputs.workspaces + inputs.groups.compactMap(\.workspaceFile)).sorted() {
            load(file, configure: inputs.workspaces.contains(file))
        }
        var general: [Finding] = []
        var inputFailure = false
        // Reports go out in the sorted order of the paths: each path's rank in it, the workspace files as list 0
        // and each group's files as list 1 + its index.
        let ranks = PathRanks([FilePaths(inputs.workspaces)] + inputs.groups.map(\.files))
        let delivery = OrderedDelivery(deliver: deliver)

        for path in inputs.missing {
            general.append(
                Finding(YAMLTreeFindings.notFound, at: SourceLocation(file: path), arguments: ["path": path]))
            inputFailure = true
        }
        for path in inputs.empty {
            general.append(
                Finding(ValidationFindings.noCatalogs, at: SourceLocation(file: path), arguments: ["path": path]))
            inputFailure = true
        }
        general += inputs.skipped.map(\.finding)

        for (index, file) in inputs.workspaces.enumerated() {
            guard let loaded = workspaces[file] else { continue }
            delivery.deposit([
                (
                    ranks.rank(list: 0, index: index),
                    FileReport(path: file, findings: loaded.findings + (configurations[file] ?? []))
                )
            ])
        }

        // Baselines once per workspace, before the groups run in parallel: most were read while discovery went on.
        var baselines = prefetch.wait()
        for group in inputs.groups where baselines[group.workspaceFile ?? ""] == nil {
            baselines[group.workspaceFile ?? ""] = BaselineCatalogs.forWorkspace(
                group.workspaceFile.flatMap { workspaces[$0]?.workspace },
                registry: group.workspaceFile.flatMap { workspaces[$0]?.registry } ?? .pilot)
        }
        var jurisdictions: [String: JurisdictionIndex] = [:]
        for (file, loaded) in workspaces {
            if let ws = loaded.workspace { jurisdictions[file] = JurisdictionIndex(ws) }
        }
        // Approval registers (gkml-approvals.json) once per workspace.
        let approvals = ApprovalCheck.registers(Array(workspaces.keys).sorted())
        general += approvals.findings
        // Each group's plan is made when the group is checked, not all up front: a plan carries copies of its
        // workspace and jurisdiction, and 2,000 of them (twice, with the rest's copy) held megabytes at 1M items.
        let groups = inputs.groups
        let plan: @Sendable (Int) -> GroupPlan = {
            [workspaces, baselines, jurisdictions, registers = approvals.registers] index in
            GroupPlan(
                groups[index], workspaces: workspaces, baselines: baselines, jurisdictions: jurisdictions,
                approvals: registers)
        }
        let upper = groups.indices.filter { plan($0).isUpper }

        // The upper level (the county) first: townships are checked against its catalogs. Then every other
        // group, in parallel: one group's files are in memory at a time per core. Each group's reports go to
        // the delivery as soon as it is done; the results keep only what is small (fixes, domains).
        var upperLevel: [String: [Catalog]] = [:]
        var results: [GroupResult] = []
        for index in upper {
            let plan = plan(index)
            var result = check(plan, upperLevel: [], options: options)
            upperLevel[plan.key, default: []] += result.upperCatalogs
            result.upperCatalogs = []
            delivery.deposit(result.reports.enumerated().map { (ranks.rank(list: 1 + index, index: $0), $1) })
            result.reports = []
            results.append(result)
        }
        let isUpper = Set(upper)
        let rest = groups.indices.filter { !isUpper.contains($0) }
        let frozenUpper = upperLevel
        results += parallelMap(rest.count, parallelism: options.parallelism) { index in
            let plan = plan(rest[index])
            var result = check(plan, upperLevel: frozenUpper[plan.key] ?? [], options: options)
            delivery.deposit(result.reports.enumerated().map { (ranks.rank(list: 1 + rest[index], index: $0), $1) })
            result.reports = []
            return result
        }
        delivery.flush()

        var catalogsByWorkspace: [String: [String: PresentDomains]] = [:]  // workspace → jurisdiction folder → domains
        var fixes: [(file: String, changes: [LintChange])] = []
        var fixFailures: [(file: String, reason: String)] = []
        var catalogs: [String: Catalog] = [:]
        for index in results.indices {
            let result = results[index]
            for catalog in result.catalogs { catalogs[catalog.file] = catalog }
            fixes += result.fixes
            fixFailures += result.fixFailures
            inputFailure = inputFailure || result.inputFailure
            // A jurisdiction's first set of domains is moved, not copied: one set per jurisdiction, not two.
            results[index].domains = PresentDomains()
            if let (workspaceFile, folder) = result.jurisdictionFolder {
                let present = catalogsByWorkspace[workspaceFile]?[folder]
                catalogsByWorkspace[workspaceFile, default: [:]][folder] =
                    present?.union(result.domains) ?? result.domains
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
        let report = ValidationReport(files: [], general: general, summaryExtras: extras)
        return ValidationOutcome(
            report: report, inputFailure: inputFailure, fixes: fixes, fixFailures: fixFailures, catalogs: catalogs)
    }

    /// What one group needs before it is checked.
    struct GroupPlan: Sendable {
        var group: FileGroup
        var key: String
        var workspace: Workspace?
        var registry: DomainRegistry
        var baselines: BaselineCatalogs
        var jurisdiction: Jurisdiction?
        /// The group is a jurisdiction at the workspace's own level (the county): the townships' upper level.
        var isUpper: Bool
        /// The workspace's approval register.
        var approvals: ApprovalRegister?

        init(
            _ group: FileGroup, workspaces: [String: LoadedWorkspace], baselines: [String: BaselineCatalogs],
            jurisdictions: [String: JurisdictionIndex],
            approvals: [String: ApprovalRegister] = [:]
        ) {
            self.group = group
            key = group.workspaceFile ?? ""
            self.approvals = group.workspaceFile.flatMap { approvals[$0] }
            let loaded = group.workspaceFile.flatMap { workspaces[$0] }
            workspace = loaded?.workspace
            registry = loaded?.registry ?? .pilot
            self.baselines = baselines[key] ?? .national
            // A group is one folder, so its first file names the jurisdiction of all.
            let ws = workspace
            let found = group.files.first.flatMap { jurisdictions[group.workspaceFile ?? ""]?.jurisdiction(of: $0) }
            jurisdiction = found
            isUpper = found.map { $0.level.value == ws?.level.value } ?? false
        }
    }

    /// What checking one group produced.
    struct GroupResult: Sendable {
        var reports: [FileReport] = []
        var fixes: [(file: String, changes: [LintChange])] = []
        var fixFailures: [(file: String, reason: String)] = []
        var inputFailure = false
        /// The group's workspace file and jurisdiction folder, with the canonical domains it has catalogs for.
        var jurisdictionFolder: (String, String)?
        var domains = PresentDomains()
        /// The group's catalogs, when it is the upper level.
        var upperCatalogs: [Catalog] = []
        /// Every decoded catalog, when the options ask to keep them.
        var catalogs: [Catalog] = []
    }

    /// Reads, fixes (with --fix) and lints one group.
    static func check(_ plan: GroupPlan, upperLevel: [Catalog], options: ValidationOptions) -> GroupResult {
        var result = GroupResult()
        let context = LintContext(
            workspace: plan.workspace, registry: plan.registry, baselines: plan.baselines, upperLevel: upperLevel)
        var loaded = loadAll(plan.group.files, registry: plan.registry, parallelism: options.parallelism)
        if options.fix {
            for (index, catalog) in loaded.enumerated() {
                guard DocumentKind.of(catalog.document?.root, file: catalog.file) == .catalog else { continue }
                // A file that does not parse is fixed too when its diagnosis came with a certain fix.
                let source: [UInt8]
                if let document = catalog.document {
                    source = document.source
                } else if catalog.findings.contains(where: { !$0.fix.isEmpty }),
                    let data = FileManager.default.contents(atPath: catalog.file)
                {
                    source = [UInt8](data)
                } else {
                    continue
                }
                let fixed = LintFixer.fix(source: source, file: catalog.file, context: context)
                guard fixed.changed else { continue }
                do {
                    try SafeFileWriter.write(bytes: fixed.fixed, to: catalog.file, overwrite: true)
                    result.fixes.append((catalog.file, fixed.changes))
                    loaded[index] = CatalogLoader.load(path: catalog.file, registry: plan.registry)
                } catch {
                    result.fixFailures.append((catalog.file, error.message))
                }
            }
        }
        let lint = LintEngine.lint(
            loaded.filter { DocumentKind.of($0.document?.root, file: $0.file) == .catalog }, context: context)
        if plan.isUpper { result.upperCatalogs = loaded.compactMap(\.catalog) }
        if options.keepCatalogs { result.catalogs = loaded.compactMap(\.catalog) }
        if let workspaceFile = plan.group.workspaceFile, let jurisdiction = plan.jurisdiction {
            result.jurisdictionFolder = (workspaceFile, jurisdiction.folder.value)
        }
        for catalog in loaded {
            let lintResult = lint[catalog.file] ?? LintResult()
            // A workspace may configure model checks (e.g. domain-alias) as it does lint rules; never input or schema errors.
            let model = LintConfiguration.apply(context.rules, to: catalog.findings.filter { $0.kind.stage == .model })
            var findings = catalog.findings.filter { $0.kind.stage != .model } + model + lintResult.findings
            if let register = plan.approvals,
                let changed = ApprovalCheck.check(catalog, register: register, registry: plan.registry)
            {
                findings.append(changed)
            }
            result.reports.append(
                FileReport(
                    path: catalog.file, findings: findings, suppressed: lintResult.suppressed,
                    jurisdiction: plan.jurisdiction?.name.value))
            if let domain = catalog.catalog?.domain.value {
                result.domains.insert(plan.registry.domain(named: domain)?.name ?? domain)
            }
            if catalog.document == nil && catalog.findings.contains(where: { $0.code.hasPrefix("io-") }) {
                result.inputFailure = true
            }
        }
        return result
    }

    /// Loads files in parallel; results keep the input order.
    static func loadAll(_ files: FilePaths, registry: DomainRegistry, parallelism: Int) -> [LoadedCatalog] {
        parallelMap(files.count, parallelism: parallelism) { index in
            let path = files[index]
            let parsed = YAMLParser.parseFile(atPath: path)
            guard DocumentKind.of(parsed.document?.root, file: path) == .workspace else {
                return CatalogLoader.check(parsed, file: path, registry: registry)
            }
            let ws = WorkspaceLoader.check(parsed, file: path)
            return LoadedCatalog(file: path, document: ws.document, catalog: nil, findings: ws.findings)
        }
    }

    /// Jurisdictions of a workspace by their folder's standardized path, built once: a province-scale
    /// workspace has thousands of jurisdictions, and looking each file's folder up by scanning them all
    /// made validation quadratic.
    /// It keeps each jurisdiction's place in the workspace's list, not a copy (2,000 copies held 0.6 MB at 1M).
    struct JurisdictionIndex: Sendable {
        let jurisdictions: [Jurisdiction]
        var byFolder: [String: Int] = [:]
        /// The current folder, read once: a relative path's file URL otherwise asks the system for it each time
        /// (a `getcwd` per group, in the serial part of the run).
        let base: URL

        init(_ workspace: Workspace) {
            jurisdictions = workspace.jurisdictions
            base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            let root = URL(fileURLWithPath: workspace.root, relativeTo: base)
            for (index, j) in jurisdictions.enumerated() {
                byFolder[root.appendingPathComponent(j.folder.value).standardizedFileURL.path] = index
            }
        }

        /// The jurisdiction whose folder holds `file` (directly or in a subfolder).
        func jurisdiction(of file: String) -> Jurisdiction? {
            var folder = URL(fileURLWithPath: file, relativeTo: base).standardizedFileURL.deletingLastPathComponent()
            for _ in 0..<32 {
                if let index = byFolder[folder.path] { return jurisdictions[index] }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { return nil }
                folder = parent
            }
            return nil
        }
    }
}

extension Validator {
    /// `gkml validate --schema FILE PATH…`: any YAML or JSON files against a user's schema, no catalog rules.
    public static func run(
        _ paths: [String], schema schemaPath: String, mappings: [ExternalSchema.Mapping],
        options: ValidationOptions = ValidationOptions()
    ) -> ValidationOutcome {
        let files = FileCollector()
        var outcome = stream(paths, schema: schemaPath, mappings: mappings, options: options, deliver: files.append)
        outcome.report.files = files.reports
        outcome.tally = files.tally(general: outcome.report.general)
        return outcome
    }

    /// `--schema`, streamed to a sink as `run(_:options:filter:into:)` does (files in the order found).
    public static func run(
        _ paths: [String], schema schemaPath: String, mappings: [ExternalSchema.Mapping],
        options: ValidationOptions = ValidationOptions(), filter: FindingFilter = FindingFilter(),
        into sink: FindingSink
    ) -> ValidationOutcome {
        let counter = StreamCounter(filter: filter, sink: sink)
        var outcome = stream(paths, schema: schemaPath, mappings: mappings, options: options, deliver: counter.deliver)
        outcome.tally = counter.finish(general: outcome.report.general, extras: outcome.report.summaryExtras)
        return outcome
    }

    static func stream(
        _ paths: [String], schema schemaPath: String, mappings: [ExternalSchema.Mapping], options: ValidationOptions,
        deliver: @escaping (FileReport) -> Void
    ) -> ValidationOutcome {
        let loaded = ExternalSchema.load(path: schemaPath, mappings: mappings)
        guard let check = loaded.check else {
            deliver(FileReport(path: schemaPath, findings: loaded.findings))
            return ValidationOutcome(report: ValidationReport(files: []), inputFailure: true)
        }
        let inputs = InputDiscovery.discover(paths, extensions: [".yaml", ".yml", ".json"])
        var general: [Finding] = inputs.missing.map {
            Finding(YAMLTreeFindings.notFound, at: SourceLocation(file: $0), arguments: ["path": $0])
        }
        general += inputs.empty.map {
            Finding(ValidationFindings.noCatalogs, at: SourceLocation(file: $0), arguments: ["path": $0])
        }
        general += inputs.skipped.map(\.finding)
        let files = (inputs.workspaces + inputs.groups.flatMap(\.files)).filter { $0 != schemaPath }
        let delivery = OrderedDelivery(deliver: deliver)
        let unreadable = parallelMap(files.count, parallelism: options.parallelism) { index in
            let report = FileReport(
                path: files[index], findings: check.checkAny(YAMLParser.parseFile(atPath: files[index])))
            delivery.deposit([(index, report)])
            return report.findings.contains { $0.code.hasPrefix("io-") }
        }.contains(true)
        delivery.flush()
        return ValidationOutcome(
            report: ValidationReport(files: [], general: general),
            inputFailure: !general.isEmpty || unreadable)
    }
}

/// Keeps every delivered report (for `gkml build` and the callers that want the whole report).
final class FileCollector: @unchecked Sendable {
    private(set) var reports: [FileReport] = []

    func append(_ report: FileReport) { reports.append(report) }

    func tally(general: [Finding]) -> FindingTally {
        var tally = FindingTally()
        for report in reports { tally.add(report) }
        tally.add(general: general)
        return tally
    }
}

/// Filters and counts delivered reports and passes them on to a sink; ends the sink's stream.
final class StreamCounter: @unchecked Sendable {
    private let filter: FindingFilter
    private let sink: FindingSink
    private var tally = FindingTally()

    init(filter: FindingFilter, sink: FindingSink) {
        self.filter = filter
        self.sink = sink
    }

    func deliver(_ report: FileReport) {
        let kept = filter.apply(report)
        tally.add(kept)
        sink.file(kept)
    }

    func finish(general: [Finding], extras: [(String, JSONOutput)]) -> FindingTally {
        let shown = Finding.sortedForReport(general.filter(filter.admits))
        tally.add(general: shown)
        sink.finish(ReportEnd(general: shown, tally: tally, summaryExtras: extras))
        return tally
    }
}

/// Reads each workspace's 基准目录 on another thread as soon as the workspace is loaded: discovery goes on meanwhile
/// on the calling thread, and the baselines are needed only once the groups are checked. Before, they were read
/// after discovery, on both cores but with nothing else to do, at the serial start of every run.
final class BaselinePrefetch: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private let pending = DispatchGroup()
    private var baselines: [String: BaselineCatalogs] = [:]

    init(enabled: Bool) { self.enabled = enabled }

    /// Starts reading the baseline of the workspace in `file` (nothing when prefetching is off: one core).
    func start(_ file: String, workspace: Workspace?, registry: DomainRegistry) {
        guard enabled else { return }
        pending.enter()
        DispatchQueue.global().async {
            let loaded = BaselineCatalogs.forWorkspace(workspace, registry: registry)
            self.lock.lock()
            self.baselines[file] = loaded
            self.lock.unlock()
            self.pending.leave()
        }
    }

    /// The baselines read so far, by workspace file, once every read started has ended.
    func wait() -> [String: BaselineCatalogs] {
        pending.wait()
        lock.lock()
        defer { lock.unlock() }
        return baselines
    }
}
