import CatalogModel
import Foundation
import Testing

/// A catalog's approval state as build and stats print it: the latest approval of its jurisdiction and domain
/// counts only for the version it approved, and only while the file's content is what was approved.
struct ApprovalStateTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("catalogs/example/星海镇/employment.yaml")

    @Test func theStateFollowsTheVersionAndTheFileContent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-approval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("employment.yaml").path
        try FileManager.default.copyItem(atPath: Self.example.path, toPath: file)
        let catalog = try #require(CatalogLoader.load(path: file).catalog)
        let bytes = try #require(FileManager.default.contents(atPath: file))
        let fingerprint = try #require(CatalogFingerprint.of(bytes: [UInt8](bytes), file: file))

        func register(version: String, fingerprint: String) -> ApprovalRegister {
            let record = ApprovalRegister.Record(
                file: "星海镇/employment.yaml", region: catalog.region.value, domain: catalog.domain.value,
                version: version, fingerprint: fingerprint)
            return ApprovalRegister(entries: [
                .init(document: "示政办〔2026〕1号", date: "2026-01-05", version: version, catalogs: [record])
            ])
        }
        let current = catalog.version.value
        #expect(ApprovalRegister().state(of: catalog, registry: .pilot) == .unapproved)
        #expect(
            register(version: current + "x", fingerprint: fingerprint).state(of: catalog, registry: .pilot)
                == .unapproved)
        #expect(
            register(version: current, fingerprint: fingerprint).state(of: catalog, registry: .pilot)
                == .approved(document: "示政办〔2026〕1号", date: "2026-01-05"))
        #expect(
            register(version: current, fingerprint: "sha256:0").state(of: catalog, registry: .pilot)
                == .changedAfterApproval(document: "示政办〔2026〕1号"))
        // The file is read for its fingerprint: edited after approval (or gone), it is no longer what was approved.
        try FileManager.default.removeItem(atPath: file)
        #expect(
            register(version: current, fingerprint: fingerprint).state(of: catalog, registry: .pilot)
                == .changedAfterApproval(document: "示政办〔2026〕1号"))
    }
}
