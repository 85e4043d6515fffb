import CatalogAudit
import CatalogDiff
import CatalogLint
import CatalogModel
import Diagnostics
import Foundation
import Testing
import YAMLTree

/// Every kind of finding, from every stage: the list `gkml rules` prints must be this one.
let everyKind: [FindingKind] = YAMLTreeFindings.all + SchemaFindings.all + ModelFindings.all + ValidationFindings.all
    + LintRules.kinds + DiffFindings.all + AuditFindings.all

@Suite("Finding kinds")
struct FindingKindTests {
    @Test func codesAreUniqueAndKebabCase() {
        let codes = everyKind.map(\.code)
        #expect(Set(codes).count == codes.count, "duplicate codes: \(Dictionary(grouping: codes, by: { $0 }).filter { $1.count > 1 }.keys)")
        for code in codes {
            #expect(code.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(code) is not kebab-case")
        }
    }

    @Test func everyKindHasBothLanguagesWithTheSamePlaceholders() {
        for kind in everyKind {
            #expect(!kind.title.zh.isEmpty && !kind.title.en.isEmpty, "\(kind.code): title")
            #expect(!kind.message.zh.isEmpty && !kind.message.en.isEmpty, "\(kind.code): message")
            #expect(kind.placeholders(.zh) == kind.placeholders(.en),
                    "\(kind.code): zh uses \(kind.placeholders(.zh).sorted()), en uses \(kind.placeholders(.en).sorted())")
            // Chinese text in the Chinese template, so that no message falls back to English by mistake.
            #expect(kind.message.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(kind.code): zh message has no Chinese")
        }
    }
}

@Test func rulesCommandListsEveryKind() throws {
    let result = try GKML.run(["rules", "--format", "json"])
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let entries = (object as? [[String: Any]]) ?? ((object as? [String: Any])?["rules"] as? [[String: Any]]) ?? []
    let listed = Set(entries.compactMap { $0["code"] as? String })
    #expect(listed == Set(everyKind.map(\.code)), "missing: \(Set(everyKind.map(\.code)).subtracting(listed).sorted()), extra: \(listed.subtracting(everyKind.map(\.code)).sorted())")
}
