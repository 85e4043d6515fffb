import Foundation
import Testing

/// One approval (issue 12): a downgrade approved once in 调整记录 passes both `gkml validate` and
/// `gkml diff --fail-on regression`, in a real workspace in a real git repository.
@Suite struct ApprovalTests {
    @Test func oneApprovalClearsValidateAndDiff() throws {
        let county = try CountyRepository()
        // The starting point is clean, so what follows is about the downgrade alone.
        let start = try county.gkml(["validate", "."])
        #expect(start.status == 0, "\(start.all)")

        // The downgrade without approval: both gates stop it.
        try county.downgrade()
        let unapproved = try county.gkml(["validate", CountyRepository.catalog])
        #expect(unapproved.status == 1)
        #expect(unapproved.stdout.contains("proactive-downgraded"))
        let gate = try county.gkml(["diff", "v2026.1", "--fail-on", "regression"])
        #expect(gate.status == 1, "\(gate.all)")
        #expect(gate.stdout.contains("mode-to-on-request"))

        // One approval entry: 批准文号, 批准日期, 编号, 变更, 理由.
        try county.edit(CountyRepository.catalog) { $0 + CountyRepository.approval }
        let approved = try county.gkml(["validate", CountyRepository.catalog])
        #expect(approved.status == 0, "\(approved.all)")
        #expect(!approved.stdout.contains("proactive-downgraded"))
        let passed = try county.gkml(["diff", "v2026.1", "--fail-on", "regression"])
        #expect(passed.status == 0, "\(passed.all)")
        // The change is still reported, with its approval.
        #expect(passed.stdout.contains("mode-to-on-request"))
        #expect(passed.stdout.contains("已批准：柳政办〔2026〕12号"))
        let json = try GKML.json(try county.gkml(["diff", "v2026.1", "--format", "json"]))
        let changes = try #require(json["changes"] as? [[String: Any]])
        let downgrade = try #require(changes.first { $0["code"] as? String == "mode-to-on-request" })
        #expect(downgrade["accepted"] as? Bool == true)
        #expect((downgrade["approval"] as? [String: Any])?["authority"] as? String == "柳政办〔2026〕12号")
    }

    @Test func anApprovalForAnotherItemOrChangeDoesNotCount() throws {
        let county = try CountyRepository()
        try county.downgrade(
            approval: CountyRepository.approval
                .replacingOccurrences(of: "变更: 改为依申请", with: "变更: 缩小公开对象"))
        let validate = try county.gkml(["validate", CountyRepository.catalog])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("proactive-downgraded"))
        let gate = try county.gkml(["diff", "v2026.1", "--fail-on", "regression"])
        #expect(gate.status == 1)
    }

    @Test func anApprovalWithoutDocumentOrApproverIsASchemaError() throws {
        let county = try CountyRepository()
        try county.downgrade(
            approval: CountyRepository.approval
                .replacingOccurrences(of: "    批准文号: 柳政办〔2026〕12号\n", with: ""))
        let result = try county.gkml(["validate", CountyRepository.catalog])
        #expect(result.status == 1)
        #expect(result.stdout.contains("批准文号") || result.stdout.contains("批准人"), "\(result.stdout)")
    }
}
