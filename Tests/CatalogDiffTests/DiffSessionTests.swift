import CatalogDiff
import Diagnostics
import Foundation
import Testing

/// `gkml diff`'s sequence as a library call: two files compared, an acceptance file applied, and the ways it
/// stops (usage, unreadable side, unreadable or invalid acceptance file).
@Suite struct DiffSessionTests {
    static let old = "\(Fixtures.diff)/mode/old.yaml"
    static let new = "\(Fixtures.diff)/mode/new.yaml"

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gkml-diff-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func twoFilesAreComparedAndAReviewedChangeIsAccepted() throws {
        guard case .compared(let report, let loaded) = DiffSession.run(DiffRequest(arguments: [Self.old, Self.new]))
        else {
            Issue.record("the mode fixture was not compared")
            return
        }
        #expect(loaded.singleFiles)
        #expect(report.fails(on: .regression))
        #expect(report.changes.contains { $0.code == "mode-to-on-request" })

        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let accept = dir.appendingPathComponent("accepted.yaml").path
        try """
        格式: gkml-accept/1
        已接受变更:
          - 编号: 17-02-04
            变更: mode-to-on-request
            理由: 经县政务公开办审核同意改为依申请公开
        """.write(toFile: accept, atomically: true, encoding: .utf8)
        guard
            case .compared(let accepted, _) = DiffSession.run(
                DiffRequest(arguments: [Self.old, Self.new], acceptFile: accept))
        else {
            Issue.record("not compared with an acceptance file")
            return
        }
        #expect(!accepted.fails(on: .regression))
        #expect(accepted.summary.accepted == 1)
    }

    @Test func itStopsOnUsageErrorsAndBadAcceptanceFilesButComparesPastAnUnreadableSide() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A missing acceptance file.
        guard
            case .usage(let message) = DiffSession.run(
                DiffRequest(
                    arguments: [Self.old, Self.new], acceptFile: dir.appendingPathComponent("none.yaml").path))
        else {
            Issue.record("a missing acceptance file was not a usage error")
            return
        }
        #expect(message.zh.contains("无法读取接受清单") && message.en.contains("cannot read the acceptance file"))
        // An acceptance file that is not one.
        let bad = dir.appendingPathComponent("bad.yaml").path
        try "已接受变更: 不是列表\n".write(toFile: bad, atomically: true, encoding: .utf8)
        guard
            case .badAcceptList(let findings) = DiffSession.run(
                DiffRequest(arguments: [Self.old, Self.new], acceptFile: bad))
        else {
            Issue.record("an invalid acceptance file was accepted")
            return
        }
        #expect(!findings.isEmpty && findings.allSatisfy { $0.location.file == bad })
        // A side that is no catalog.
        let broken = dir.appendingPathComponent("broken.yaml").path
        try "格式: gkml/1\n事项: [\n".write(toFile: broken, atomically: true, encoding: .utf8)
        guard case .compared(let brokenReport, _) = DiffSession.run(DiffRequest(arguments: [Self.old, broken])) else {
            Issue.record("an unreadable side stopped the session")
            return
        }
        // One finding for the side that cannot be read, and no invented change for the other side.
        #expect(brokenReport.unreadableInputs.count == 1)
        #expect(brokenReport.unreadableInputs.first?.location.file == broken)
        #expect(brokenReport.changes.isEmpty)
        // --since takes no other argument.
        guard case .usage(let since) = DiffSession.run(DiffRequest(arguments: [Self.old], since: "HEAD")) else {
            Issue.record("--since with a path was accepted")
            return
        }
        #expect(since.en == "--since takes no other revision or path")
    }
}
