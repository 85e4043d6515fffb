import Diagnostics
import Foundation
import JSONSchema
import SafeOutput

/// The approval register of a workspace (`gkml-approvals.json` next to gkml.yaml), written by `gkml approve`:
/// for each approved version, the 文号, the date, and every catalog's canonical fingerprint. JSON, not YAML, so
/// that `gkml validate` and `gkml diff` never take it for a catalog; machine-written, one entry per approval,
/// newest last, kept in git with the catalogs.
public struct ApprovalRegister: Sendable, Hashable {
    public static let fileName = "gkml-approvals.json"
    public static let format = "gkml-approvals/1"

    /// One catalog as approved.
    public struct Record: Sendable, Hashable {
        /// Path relative to the workspace folder (for people; catalogs are matched by 地区 and 领域).
        public var file: String
        public var region: String
        /// The canonical domain name.
        public var domain: String
        public var version: String
        public var fingerprint: String

        public init(file: String, region: String, domain: String, version: String, fingerprint: String) {
            self.file = file
            self.region = region
            self.domain = domain
            self.version = version
            self.fingerprint = fingerprint
        }
    }

    /// One approval: a document that approved a version of the workspace's catalogs.
    public struct Entry: Sendable, Hashable {
        /// 文号 of the approving document.
        public var document: String
        /// YYYY-MM-DD.
        public var date: String
        public var version: String
        public var catalogs: [Record]

        public init(document: String, date: String, version: String, catalogs: [Record]) {
            self.document = document
            self.date = date
            self.version = version
            self.catalogs = catalogs
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    /// The latest approval of the catalog of (地区, canonical 领域), with its entry.
    public func latest(region: String, domain: String) -> (entry: Entry, record: Record)? {
        for entry in entries.reversed() {
            if let record = entry.catalogs.first(where: { $0.region == region && $0.domain == domain }) {
                return (entry, record)
            }
        }
        return nil
    }

    /// Why a register could not be read (a usage or I/O problem: exit status 2).
    public struct Failure: Error, Sendable {
        public var message: LocalizedText
    }

    /// Reads the register of the workspace in `folder`; an absent file is an empty register.
    public static func load(folder: String) throws(Failure) -> ApprovalRegister {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return ApprovalRegister() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(
                message: LocalizedText(zh: "无法读取审批登记「\(path)」", en: "cannot read the approval register \"\(path)\""))
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            throw Failure(
                message: LocalizedText(
                    zh: "审批登记「\(path)」不是有效的 JSON：\(error)",
                    en: "the approval register \"\(path)\" is not valid JSON: \(error)"))
        }
        guard case .object(let root) = value, case .string(format)? = root["格式"], case .array(let list)? = root["审批"]
        else {
            throw Failure(
                message: LocalizedText(
                    zh: "审批登记「\(path)」应有「格式: \(format)」和「审批」列表",
                    en: "the approval register \"\(path)\" needs 格式 \(format) and a list 审批"))
        }
        func string(_ object: JSONObject, _ key: String) -> String? {
            if case .string(let s)? = object[key] { return s }
            return nil
        }
        var entries: [Entry] = []
        for item in list {
            guard case .object(let e) = item, let document = string(e, "文号"), let date = string(e, "日期"),
                let version = string(e, "版本"), case .array(let catalogs)? = e["目录"]
            else {
                throw Failure(
                    message: LocalizedText(
                        zh: "审批登记「\(path)」中有一条审批缺少文号、日期、版本或目录",
                        en: "an entry of the approval register \"\(path)\" lacks 文号, 日期, 版本 or 目录"))
            }
            let records = catalogs.compactMap { c -> Record? in
                guard case .object(let r) = c, let file = string(r, "文件"), let region = string(r, "地区"),
                    let domain = string(r, "领域"), let v = string(r, "版本"), let fp = string(r, "指纹")
                else { return nil }
                return Record(file: file, region: region, domain: domain, version: v, fingerprint: fp)
            }
            entries.append(Entry(document: document, date: date, version: version, catalogs: records))
        }
        return ApprovalRegister(entries: entries)
    }

    /// The register as pretty JSON (stable key order), ending with a newline.
    public var json: String {
        JSONOutput.object([
            ("格式", .string(Self.format)),
            (
                "审批",
                .array(
                    entries.map { entry in
                        .object([
                            ("文号", .string(entry.document)),
                            ("日期", .string(entry.date)),
                            ("版本", .string(entry.version)),
                            (
                                "目录",
                                .array(
                                    entry.catalogs.map { r in
                                        .object([
                                            ("文件", .string(r.file)), ("地区", .string(r.region)),
                                            ("领域", .string(r.domain)),
                                            ("版本", .string(r.version)), ("指纹", .string(r.fingerprint)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ]).serialized(pretty: true) + "\n"
    }

    /// Writes the register atomically into the workspace folder.
    public func save(folder: String) throws(Failure) {
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        do {
            try SafeFileWriter.write(json, to: path, overwrite: true)
        } catch {
            throw Failure(
                message: LocalizedText(
                    zh: error.message, en: error.englishMessage))
        }
    }
}

/// Whether a catalog as it is now is the approved one: what `gkml build` prints on its pages.
public enum ApprovalState: Sendable, Hashable {
    /// This content of this 版本 was approved by 文号 on a date.
    case approved(document: String, date: String)
    /// Approved, but the content differs now while 版本 is the same.
    case changedAfterApproval(document: String)
    /// No approval of this 版本.
    case unapproved

    /// "已审批（柳政办〔2026〕12号，2026-03-01）", "未审批", "审批后有改动（柳政办〔2026〕12号）".
    public var label: String {
        switch self {
        case .approved(let document, let date): "已审批（\(document)，\(date)）"
        case .changedAfterApproval(let document): "审批后有改动，未重新审批（原审批：\(document)）"
        case .unapproved: "未审批"
        }
    }
}

extension ApprovalRegister {
    /// The state of a catalog whose current content has `fingerprint`.
    public func state(of catalog: Catalog, fingerprint: String?, registry: DomainRegistry) -> ApprovalState {
        guard let (entry, record) = approvalOfCurrentVersion(catalog, registry: registry) else { return .unapproved }
        return record.fingerprint == fingerprint
            ? .approved(document: entry.document, date: entry.date)
            : .changedAfterApproval(document: entry.document)
    }

    /// The state of a decoded catalog, reading its file for the fingerprint.
    public func state(of catalog: Catalog, registry: DomainRegistry) -> ApprovalState {
        // The fingerprint (the file read and parsed again) is needed only when this version's approval is on
        // record; a build asks for every catalog, and most have none.
        guard approvalOfCurrentVersion(catalog, registry: registry) != nil else { return .unapproved }
        let fingerprint = FileManager.default.contents(atPath: catalog.file)
            .flatMap { CatalogFingerprint.of(bytes: [UInt8]($0), file: catalog.file) }
        return state(of: catalog, fingerprint: fingerprint, registry: registry)
    }

    /// The latest approval on record for the catalog's jurisdiction and domain, if it approved this version.
    private func approvalOfCurrentVersion(_ catalog: Catalog, registry: DomainRegistry) -> (
        entry: Entry, record: Record
    )? {
        let domain = registry.domain(named: catalog.domain.value)?.name ?? catalog.domain.value
        guard let latest = latest(region: catalog.region.value, domain: domain),
            latest.record.version == catalog.version.value
        else { return nil }
        return latest
    }
}
