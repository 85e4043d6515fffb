import CatalogLint
import CatalogModel
import Diagnostics
import Foundation
import Testing

/// --fix on many damaged variants of the baseline catalogs: it never crashes, never makes a file that parsed
/// unparseable, never adds an error, and a second run changes nothing.
struct FixPropertyTests {
    /// A small deterministic generator (SplitMix64), so that a failure can be reproduced.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        " ", "　", ",", "(", ")", "《", "》", "〔", "[", "(2019)", "\"", "- ", "\n", "# gkml: 忽略 text-whitespace 测试\n",
        "：", ":", "  ", "- \"\"\n", "30日内", "、", "<", ">", "国务院令第492号", "\t", "\u{00A0}",
    ]

    @Test func fixIsSafeAndIdempotentOnDamagedFiles() {
        let folder = CatalogsTests.root.appendingPathComponent("catalogs/baseline").path
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().filter { $0.hasSuffix(".yaml") }
        let context = LintContext(workspace: ExampleRunner.context(ExampleSetup()).workspace)
        var rng = SplitMix(state: 20_240_601)
        for name in files.prefix(4) {
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { continue }
            let scalars = Array(text.unicodeScalars)
            for round in 0..<10 {
                var s = scalars
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let at = Int.random(in: 0...s.count, using: &rng)
                    if Bool.random(using: &rng), at < s.count {
                        s.removeSubrange(at..<min(s.count, at + Int.random(in: 1...6, using: &rng)))
                    } else {
                        s.insert(contentsOf: Self.pieces.randomElement(using: &rng)!.unicodeScalars, at: at)
                    }
                }
                let bytes = Array(String(String.UnicodeScalarView(s)).utf8)
                let loaded = CatalogLoader.load(bytes: bytes, file: name)
                _ = LintEngine.lint([loaded], context: context)
                let result = LintFixer.fix(source: bytes, file: name, context: context)
                guard result.changed else { continue }
                let after = CatalogLoader.load(bytes: result.fixed, file: name)
                #expect(loaded.document == nil || after.document != nil, "\(name) round \(round): the fix broke parsing")
                let newErrors = Set(after.findings.filter { $0.severity == .error }.map(\.code))
                    .subtracting(loaded.findings.filter { $0.severity == .error }.map(\.code))
                #expect(newErrors.isEmpty, "\(name) round \(round): the fix added \(newErrors)")
                let again = LintFixer.fix(source: result.fixed, file: name, context: context)
                #expect(!again.changed, "\(name) round \(round): not idempotent: \(again.changes.map { $0.finding.code })")
            }
        }
    }
}
