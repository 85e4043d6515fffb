import CatalogModel
import Diagnostics
import Foundation

/// Signed versions: a catalog whose content differs from its last approved fingerprint (gkml-approvals.json)
/// while its 版本 is unchanged was changed after approval. A new 版本 is a new version awaiting approval, and
/// is not flagged.
enum ApprovalCheck {
    static let changedAfterApproval = FindingKind(
        code: "approval-changed", stage: .model, severity: .warning,
        title: LocalizedText(zh: "审批后内容有改动", en: "Changed after approval"),
        message: LocalizedText(
            zh: "目录版本「{version}」已于{date}经「{document}」审批，此后内容有改动而版本号未变",
            en:
                "version \"{version}\" was approved by {document} on {date}; the content has changed since, and 版本 has not"
        ),
        hint: LocalizedText(
            zh: "撤销审批后的改动；或提高「版本」、在「调整记录」中说明，并重新审批（gkml approve）",
            en:
                "undo the change made after approval, or raise 版本, record it under 调整记录, and approve again (gkml approve)"
        ))

    static let registerInvalid = FindingKind(
        code: "approval-register-invalid", stage: .input, severity: .error,
        title: LocalizedText(zh: "审批登记无法读取", en: "Approval register unreadable"),
        message: LocalizedText(zh: "审批登记无法读取：{reason}", en: "approval register unreadable: {reason}"),
        hint: LocalizedText(
            zh: "审批登记由 gkml approve 写入，请勿手工修改；可从 git 历史中恢复",
            en: "gkml approve writes the register; do not edit it by hand; restore it from the git history"))

    /// The finding for one file, if its approved version was changed.
    static func check(_ loaded: LoadedCatalog, register: ApprovalRegister, registry: DomainRegistry) -> Finding? {
        guard let catalog = loaded.catalog, let root = loaded.document?.root else { return nil }
        let domain = registry.domain(named: catalog.domain.value)?.name ?? catalog.domain.value
        guard let (entry, record) = register.latest(region: catalog.region.value, domain: domain),
            record.version == catalog.version.value, record.fingerprint != CatalogFingerprint.of(root)
        else { return nil }
        return Finding(
            changedAfterApproval, at: SourceLocation(file: loaded.file, position: catalog.version.position),
            path: "/版本",
            arguments: ["version": record.version, "date": entry.date, "document": entry.document])
    }

    /// The registers of the workspaces (by workspace file); an unreadable one is a finding.
    static func registers(_ workspaceFiles: [String]) -> (registers: [String: ApprovalRegister], findings: [Finding]) {
        var registers: [String: ApprovalRegister] = [:]
        var findings: [Finding] = []
        for file in workspaceFiles {
            let folder = (file as NSString).deletingLastPathComponent
            do {
                registers[file] = try ApprovalRegister.load(folder: folder.isEmpty ? "." : folder)
            } catch {
                let path = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(
                    ApprovalRegister.fileName)
                findings.append(
                    Finding(
                        registerInvalid, at: SourceLocation(file: path), arguments: ["reason": error.message.zh],
                        localizedArguments: ["reason": error.message]))
            }
        }
        return (registers, findings)
    }
}
