import CatalogAudit
import CatalogDiff
import CatalogLint
import CatalogModel
import Diagnostics
import Foundation
import Testing
import YAMLTree

/// The registered kinds of each module: the lists `gkml rules` is made of. `DeclaredKinds` checks them against
/// the declarations in Sources, so a kind left out of its list (or a module left out here) fails.
let registeredKinds: [String: [FindingKind]] = [
    "YAMLTree": YAMLTreeFindings.all,
    "CatalogModel": SchemaFindings.all + ModelFindings.all + SkippedInput.kinds,
    "CatalogLint": ValidationFindings.all + LintRules.kinds,
    "CatalogDiff": DiffFindings.all,
    "CatalogAudit": AuditFindings.all,
]

/// Every kind of finding, from every stage: the list `gkml rules` prints must be this one.
let everyKind: [FindingKind] = registeredKinds.keys.sorted().flatMap { registeredKinds[$0]! }

/// The finding codes declared in Sources, found by reading the source text: every `FindingKind(code: "…"` and
/// every call of a module's kind-making helper (`kind("…"`, `lintKind("…"`), per module folder.
enum DeclaredKinds {
    // The audit's kinds are made from its `AuditCode` cases, so their raw values are the declarations there.
    static let pattern = #"\b(?:kind|lintKind|FindingKind)\(\s*(?:code:\s*)?"([^"\\]+)"|\bcase \w+ = "(audit-[a-z-]+)""#

    static func codes() throws -> [String: Set<String>] {
        let sources = GKML.root.appendingPathComponent("Sources")
        let regex = try NSRegularExpression(pattern: pattern)
        var result: [String: Set<String>] = [:]
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            let folder = sources.appendingPathComponent(module)
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let file as String in walker where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let group = match.range(at: 1).location != NSNotFound ? 1 : 2
                    result[module, default: []].insert(String(text[Range(match.range(at: group), in: text)!]))
                }
            }
        }
        return result
    }
}

@Suite("Finding kinds")
struct FindingKindTests {
    @Test func codesAreUniqueAndKebabCase() {
        let codes = everyKind.map(\.code)
        #expect(
            Set(codes).count == codes.count,
            "duplicate codes: \(Dictionary(grouping: codes, by: { $0 }).filter { $1.count > 1 }.keys)")
        for code in codes {
            #expect(
                code.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil,
                "\(code) is not kebab-case")
        }
    }

    @Test func everyKindHasBothLanguagesWithTheSamePlaceholders() {
        for kind in everyKind {
            #expect(!kind.title.zh.isEmpty && !kind.title.en.isEmpty, "\(kind.code): title")
            #expect(!kind.message.zh.isEmpty && !kind.message.en.isEmpty, "\(kind.code): message")
            #expect(
                kind.placeholders(.zh) == kind.placeholders(.en),
                "\(kind.code): zh uses \(kind.placeholders(.zh).sorted()), en uses \(kind.placeholders(.en).sorted())")
            // Chinese text in the Chinese template, so that no message falls back to English by mistake.
            #expect(
                kind.message.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
                "\(kind.code): zh message has no Chinese")
        }
    }
}

/// A kind declared in a module but missing from its module's list (or a module whose list is not registered)
/// would never be printed by `gkml rules` nor checked by the tests above.
@Test func everyDeclaredKindIsRegistered() throws {
    let declared = try DeclaredKinds.codes()
    // The scan itself must find the kinds it is meant to find (a changed helper name would empty it).
    #expect(declared.values.map(\.count).reduce(0, +) >= 100, "the source scan found \(declared.mapValues(\.count))")
    for module in Set(declared.keys).union(registeredKinds.keys).sorted() {
        let listed = Set((registeredKinds[module] ?? []).map(\.code))
        let found = declared[module] ?? []
        #expect(
            found.subtracting(listed).isEmpty,
            "declared in Sources/\(module) but not registered: \(found.subtracting(listed).sorted())")
        #expect(
            listed.subtracting(found).isEmpty,
            "registered for \(module) but not declared there: \(listed.subtracting(found).sorted())")
    }
}

@Test func rulesCommandListsEveryKind() throws {
    let result = try GKML.run(["rules", "--format", "json"])
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let entries = (object as? [[String: Any]]) ?? ((object as? [String: Any])?["rules"] as? [[String: Any]]) ?? []
    let listed = Set(entries.compactMap { $0["code"] as? String })
    #expect(
        listed == Set(everyKind.map(\.code)),
        "missing: \(Set(everyKind.map(\.code)).subtracting(listed).sorted()), extra: \(listed.subtracting(everyKind.map(\.code)).sorted())"
    )
}
