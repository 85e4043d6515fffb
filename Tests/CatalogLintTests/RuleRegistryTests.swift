import CatalogLint
import Foundation
import Testing

/// `LintRules.all` is written by hand; a rule left out of it would never run, never be documented and never
/// have its examples tested. The rules are found here by reading Sources/CatalogLint.
struct RuleRegistryTests {
    /// The names of the types that conform to `LintRule` where they are declared.
    static func declaredRules() throws -> Set<String> {
        let folder = CatalogsTests.root.appendingPathComponent("Sources/CatalogLint")
        let regex = try NSRegularExpression(
            pattern: #"\b(?:struct|final class|class|enum|extension)\s+(\w+)\s*:[^{]*\b(?:LintRule|TreeRule)\b"#)
        var names: Set<String> = []
        let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
        for case let file as String in walker where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                names.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return names
    }

    @Test func everyDeclaredRuleIsRegistered() throws {
        let declared = try Self.declaredRules()
        let registered = LintRules.all.map { String(describing: type(of: $0)) }
        #expect(declared.count >= 10, "the source scan found only \(declared.sorted())")
        #expect(Set(registered).count == registered.count, "a rule is registered twice: \(registered)")
        #expect(
            declared.subtracting(registered).isEmpty,
            "not in LintRules.all: \(declared.subtracting(registered).sorted())")
        #expect(
            Set(registered).subtracting(declared).isEmpty,
            "registered but not found in Sources/CatalogLint: \(Set(registered).subtracting(declared).sorted())")
    }

    /// The rule house: each file of Sources/CatalogLint/Rules declares exactly one rule and is named after it,
    /// and every registered rule is in its own file there.
    @Test func oneRulePerFileNamedAfterIt() throws {
        let folder = CatalogsTests.root.appendingPathComponent("Sources/CatalogLint/Rules")
        let regex = try NSRegularExpression(
            pattern: #"\b(?:struct|final class|class|enum)\s+(\w+)\s*:[^{]*\b(?:LintRule|TreeRule)\b"#)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 10, "the Rules folder holds only \(files)")
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let rules = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
                .map { String(text[Range($0.range(at: 1), in: text)!]) }
            #expect(rules.count == 1 && rules[0] + ".swift" == file, "\(file) declares \(rules)")
        }
        let registered = LintRules.all.map { String(describing: type(of: $0)) + ".swift" }
        #expect(
            Set(files) == Set(registered),
            "files without a registered rule: \(Set(files).subtracting(registered).sorted()); rules without their file: \(Set(registered).subtracting(files).sorted())"
        )
    }
}
