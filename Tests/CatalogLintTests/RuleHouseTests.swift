import CatalogLint
import Foundation
import Testing

/// The rule house: one lint rule per file in `Sources/CatalogLint/Rules`, the file named after the rule, and
/// every rule of `LintRules.all` found there (a rule written elsewhere, or a file holding two, fails).
@Suite struct RuleHouseTests {
    static let rulesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CatalogLint/Rules")

    /// The types declared as `…: LintRule` in each file of the folder.
    static func declaredRules() throws -> [String: [String]] {
        let files = try FileManager.default.contentsOfDirectory(atPath: rulesFolder.path).filter { $0.hasSuffix(".swift") }
        var out: [String: [String]] = [:]
        let declaration = /(?m)^\s*(?:public\s+|final\s+)*(?:struct|class|enum)\s+(\w+)\s*:\s*LintRule\b/
        for file in files {
            let text = try String(contentsOf: rulesFolder.appendingPathComponent(file), encoding: .utf8)
            out[file] = text.matches(of: declaration).map { String($0.output.1) }
        }
        return out
    }

    @Test func oneRulePerFileNamedAfterIt() throws {
        let declared = try Self.declaredRules()
        #expect(declared.count >= 17, "Rules folder not found or nearly empty: \(Self.rulesFolder.path)")
        for (file, rules) in declared {
            #expect(rules.count == 1, "\(file) declares \(rules)")
            #expect(rules.first.map { $0 + ".swift" } == file, "\(file) declares \(rules)")
        }
    }

    @Test func everyRegisteredRuleHasItsFile() throws {
        let files = Set(try Self.declaredRules().keys)
        let registered = LintRules.all.map { String(describing: type(of: $0)) }
        #expect(registered.count == Set(registered).count)
        for name in registered {
            #expect(files.contains(name + ".swift"), "\(name) is not in Sources/CatalogLint/Rules/\(name).swift")
        }
        #expect(files.count == registered.count, "a file in Rules holds a rule that LintRules.all does not list")
    }
}
