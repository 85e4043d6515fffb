import Diagnostics
import Testing
@testable import YAMLTree

/// `YAMLTreeFindings.all` is checked against the kinds declared in Sources/YAMLTree by GKMLTests'
/// `everyDeclaredKindIsRegistered`, so a kind left out of it cannot escape these checks.
@Suite struct FindingKindTests {
    @Test func everyKindIsWellFormed() {
        let all = YAMLTreeFindings.all
        #expect(Set(all.map(\.code)).count == all.count, "codes are unique")
        for kind in all {
            #expect(kind.code.hasPrefix("yaml-") || kind.code.hasPrefix("io-"), "\(kind.code)")
            #expect(kind.code.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(kind.code) is kebab-case")
            #expect(kind.stage == .input)
            // Valid YAML that likely does not say what was meant is a warning; everything else stops reading.
            #expect(
                kind.defaultSeverity
                    == (["yaml-comment-in-value", "yaml-fullwidth-comma"].contains(kind.code) ? .warning : .error))
            #expect(kind.placeholders(.zh) == kind.placeholders(.en), "\(kind.code): placeholders differ")
            #expect(!kind.title.zh.isEmpty && !kind.title.en.isEmpty)
            #expect(!kind.message.zh.isEmpty && !kind.message.en.isEmpty)
        }
    }

    /// Published codes are never renamed (a subset check, not the registry: see above).
    @Test func listedCodes() {
        let codes = Set(YAMLTreeFindings.all.map(\.code))
        for code in [
            "yaml-syntax", "yaml-tab-indent", "yaml-unclosed-quote", "yaml-duplicate-key", "yaml-too-deep",
            "yaml-too-large", "yaml-scalar-too-long", "yaml-alias-bomb", "yaml-encoding-gbk", "yaml-encoding-utf16",
            "yaml-binary", "yaml-empty", "yaml-multiple-documents", "io-not-found", "io-unreadable",
        ] {
            #expect(codes.contains(code), "\(code)")
        }
    }
}
