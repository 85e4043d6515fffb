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
        // Bidi controls (issue 15): their fix must stay safe wherever the damage puts them.
        "\u{202E}", "\u{2066}", "\u{200F}",
    ]

    /// Damaged variants made of each of the four files.
    static let rounds = 25

    /// How many of the 100 damaged variants --fix changes with this seed and these baseline files. A fixer made a
    /// no-op, or one that stops firing, changes this number; so does a deliberate change to the baseline's first
    /// four files or to the fixers (then update it after reading the test's output).
    /// (9 since issue 11: --fix also repairs tab indentation and unique did-you-means of enums; 12 since issue 15
    /// added bidi controls to the damage and text-bidi-control removes them.)
    static let expectedFixedRounds = 12

    /// The codes whose fixes those variants exercise.
    static let expectedFixedCodes: Set<String> = [
        "text-whitespace", "text-halfwidth-punctuation", "yaml-unicode-space", "schema-enum", "text-bidi-control",
    ]

    @Test func fixIsSafeAndIdempotentOnDamagedFiles() throws {
        let folder = CatalogsTests.root.appendingPathComponent("catalogs/baseline").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().filter {
            $0.hasSuffix(".yaml")
        }
        try #require(files.count >= 4, "the corpus is the first four files of catalogs/baseline; found \(files.count)")
        let context = LintContext(workspace: ExampleRunner.context(ExampleSetup()).workspace)
        var rng = SplitMix(state: 20_240_601)
        var fixedRounds = 0
        var fixedCodes: Set<String> = []
        for name in files.prefix(4) {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            // Half of the damage goes where a value starts (after `: ` or `- `), where the fixers work;
            // the rest anywhere, where it mostly breaks the YAML.
            let valueStarts = scalars.indices.filter {
                $0 >= 2 && scalars[$0 - 1] == " " && [":", "-"].contains(scalars[$0 - 2])
            }
            try #require(!valueStarts.isEmpty)
            for round in 0..<Self.rounds {
                var s = scalars
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let at =
                        Bool.random(using: &rng)
                        ? min(s.count, valueStarts.randomElement(using: &rng)!)
                        : Int.random(in: 0...s.count, using: &rng)
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
                fixedRounds += 1
                fixedCodes.formUnion(result.changes.map(\.finding.code))
                let after = CatalogLoader.load(bytes: result.fixed, file: name)
                if loaded.document != nil {
                    #expect(after.document != nil, "\(name) round \(round): the fix broke parsing")
                }
                let newErrors = Set(after.findings.filter { $0.severity == .error }.map(\.code))
                    .subtracting(loaded.findings.filter { $0.severity == .error }.map(\.code))
                #expect(newErrors.isEmpty, "\(name) round \(round): the fix added \(newErrors)")
                let again = LintFixer.fix(source: result.fixed, file: name, context: context)
                #expect(
                    !again.changed, "\(name) round \(round): not idempotent: \(again.changes.map { $0.finding.code })")
            }
        }
        #expect(
            fixedRounds == Self.expectedFixedRounds,
            "--fix changed \(fixedRounds) of \(4 * Self.rounds) damaged variants")
        #expect(fixedCodes == Self.expectedFixedCodes, "--fix made fixes of \(fixedCodes.sorted())")
    }
}
