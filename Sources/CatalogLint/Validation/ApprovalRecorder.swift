import CatalogModel
import Diagnostics
import Foundation

/// What `gkml approve` is asked to record.
public struct ApprovalRequest: Sendable {
    /// The workspace folder (holding gkml.yaml).
    public var workspace: String
    /// The 版本 approved: every catalog of the workspace with this 版本 is recorded.
    public var version: String
    /// 文号 of the approving document.
    public var document: String
    /// YYYY-MM-DD.
    public var date: String

    public init(workspace: String, version: String, document: String, date: String) {
        self.workspace = workspace
        self.version = version
        self.document = document
        self.date = date
    }
}

/// How `gkml approve` ended.
public enum ApprovalOutcome: Sendable {
    /// A usage or I/O problem (exit status 2).
    case usage(LocalizedText)
    /// A catalog to approve has errors: the validation report (exit status 1); nothing was recorded.
    case invalid(ValidationReport)
    /// The entry written to the register, and the register's path.
    case recorded(ApprovalRegister.Entry, String)
}

/// `gkml approve`: validates the workspace, then records each catalog of the approved 版本 — its canonical
/// fingerprint with 版本, 文号 and date — in the workspace's approval register. A catalog with errors is never
/// recorded as approved.
public enum ApprovalRecorder {
    public static func approve(_ request: ApprovalRequest) -> ApprovalOutcome {
        let folder = request.workspace
        let workspaceFile = (folder as NSString).appendingPathComponent(WorkspaceLoader.fileName)
        guard FileManager.default.fileExists(atPath: workspaceFile) else {
            return .usage(
                LocalizedText(
                    zh: "「\(folder)」中没有 gkml.yaml，不是工作区", en: "\"\(folder)\" holds no gkml.yaml: not a workspace"))
        }
        guard request.date.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil else {
            return .usage(
                LocalizedText(
                    zh: "日期「\(request.date)」应为 YYYY-MM-DD", en: "the date \"\(request.date)\" should be YYYY-MM-DD"))
        }
        guard !request.document.trimmingCharacters(in: .whitespaces).isEmpty, !request.version.isEmpty else {
            return .usage(LocalizedText(zh: "请给出版本（--version）和文号（--doc）", en: "give --version and --doc"))
        }
        let register: ApprovalRegister
        do {
            register = try ApprovalRegister.load(folder: folder)
        } catch {
            return .usage(error.message)
        }
        let outcome = Validator.run([folder], options: ValidationOptions(keepCatalogs: true))
        if outcome.inputFailure {
            return .usage(LocalizedText(zh: "工作区中有无法读取的文件", en: "the workspace has unreadable files"))
        }
        // A file that does not decode may be of the version approved: nothing is recorded while one exists.
        let undecoded = outcome.report.files.filter {
            outcome.catalogs[$0.path] == nil && $0.path != workspaceFile
                && !$0.path.hasSuffix("/" + WorkspaceLoader.fileName)
                && $0.findings.contains { $0.severity == .error }
        }
        if !undecoded.isEmpty { return .invalid(ValidationReport(files: undecoded)) }
        let approved = outcome.catalogs.filter { $0.value.version.value == request.version }.sorted { $0.key < $1.key }
        guard !approved.isEmpty else {
            let versions = Set(outcome.catalogs.values.map(\.version.value)).sorted().joined(separator: "、")
            return .usage(
                LocalizedText(
                    zh: "工作区中没有版本为「\(request.version)」的目录（现有版本：\(versions)）",
                    en: "no catalog of the workspace has 版本 \"\(request.version)\" (versions present: \(versions))"))
        }
        let paths = Set(approved.map(\.key))
        let failing = outcome.report.files.filter {
            paths.contains($0.path) && $0.findings.contains { $0.severity == .error }
        }
        if !failing.isEmpty { return .invalid(ValidationReport(files: failing)) }

        let registry = WorkspaceLoader.load(path: workspaceFile).registry
        var records: [ApprovalRegister.Record] = []
        for (path, catalog) in approved {
            guard let data = FileManager.default.contents(atPath: path),
                let fingerprint = CatalogFingerprint.of(bytes: [UInt8](data), file: path)
            else {
                return .usage(LocalizedText(zh: "无法读取「\(path)」", en: "cannot read \"\(path)\""))
            }
            records.append(
                ApprovalRegister.Record(
                    file: relative(path, to: folder), region: catalog.region.value,
                    domain: registry.domain(named: catalog.domain.value)?.name ?? catalog.domain.value,
                    version: catalog.version.value, fingerprint: fingerprint))
        }
        let entry = ApprovalRegister.Entry(
            document: request.document, date: request.date, version: request.version, catalogs: records)
        var updated = register
        updated.entries.append(entry)
        do {
            try updated.save(folder: folder)
        } catch {
            return .usage(error.message)
        }
        return .recorded(entry, (folder as NSString).appendingPathComponent(ApprovalRegister.fileName))
    }

    static func relative(_ path: String, to folder: String) -> String {
        let base = URL(fileURLWithPath: folder).standardizedFileURL.path
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : path
    }
}
