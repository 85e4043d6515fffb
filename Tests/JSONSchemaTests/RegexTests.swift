import Testing

@testable import JSONSchema

@Suite struct RegexTests {
    static let patterns = [
        "\\S", "^[0-9A-Z]{2,4}(-[0-9]{2}){2,3}$", "^其他[：:]\\s*\\S", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "a|b|c", "^(ab|a)(bc|c)$", "x*", "^x*$", "^(a+)+$", "^(a*)*b$", "^(|a)+$", "a{0}b", "^a{2,}$",
        "^a{2,3}?b", "^.*$", "^.+?c$", ".", "^\\d+(\\.\\d+)?$", "\\bfoo\\b", "\\Bo\\B", "^[^a-z]+$",
        "^[\\w.-]+@[\\w-]+\\.[a-z]{2,}$", "^[\\u4e00-\\u9fff]+$", "^🐲*$", "^\\p{L}+$", "[]", "[^]", "^$",
        "^(?:foo|bar)baz$", "^[a-c-e]+$", "^\\x41\\u0042\\u{43}$", "^\\cJ$", "^[\\s\\S]{3}$", "(a|ab)(c|bcd)(d*)",
        "^(a?){5}a{5}$", "^[^\\d\\s]+$", "^\\/path\\/", "\\.json$", "^[A-Z][a-z]*(?: [A-Z][a-z]*)*$",
        // Classes answered for non-ASCII scalars at once (`FastSet.nonASCIIOutsideSpaces`), and ones that cannot be.
        "\\D", "\\W", "\\s", "[^a]", "[a\\s]", "[^\\s]", "[^\\S]", "[\\d\\W]", "[é]", "[^é]", "[^\\u4e00-\\u9fff]",
    ]
    static let inputs = [
        "", "a", "ab", "abc", "abcd", "aaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "aaaaaaaaaaaaaaaaaaaaaaaa!",
        "b", "x", "xxx", "JY-02-03", "17-02-03", "JY-02-03-01", "JY-2-03", "ABCDE-01-02", "其他：公众号", "其他:  x",
        "其他：  ", "2024-06-01", "2024-6-1", "foo", "a foo b", "foobar", "food", " ", "\t", "\n", "3.14", "42",
        "x.y@ex.com", "汉字", "汉字a", "🐲🐲", "🐉", "ABC", "\n", "1a2", "abcd", "/path/x", "a.json", "Hello World",
        "hello World", "é", "aaaaaaaaaa", "\u{3000}", "\u{A0}", "汉\u{3000}", "\u{2028}", "a\u{FEFF}", "\u{1680}é",
    ]

    @Test func matcherAgreesWithICU() throws {
        var compared = 0
        for pattern in Self.patterns {
            let regex = try ECMARegex(pattern)
            var parser = ECMARegexParser(pattern)
            let ast = try parser.parse()
            guard let program = RegexProgram(ast: ast, groupCount: parser.groupCount) else {
                Issue.record("pattern \(pattern) is not handled by the matcher")
                continue
            }
            for input in Self.inputs {
                let mine = program.search(input)
                let icu = regex.icuMatches(input)
                #expect(
                    mine == icu,
                    "pattern \(pattern) on \(input.debugDescription): matcher \(String(describing: mine)), ICU \(icu)")
                compared += 1
            }
        }
        #expect(compared > 1000)
    }

    @Test func ecmaSyntax() {
        for valid in [
            "(?<name>x)\\k<name>", "(?<=a+)b", "[]", "[^]", "\\cA", "a{1,2}", "\\/", "[\\-]", "\\u{1F600}", "(?!x)y",
        ] {
            #expect(ECMARegex.isValid(valid), "\(valid) should be valid")
        }
        for invalid in [
            "\\a", "(?P<name>x)", "(?i)abc", "(?#c)a", "^(abc]", "a{2,1}", "*a", "a)", "\\1(a)(b)(c)\\9", "{1}",
            "[b-a]",
        ] {
            #expect(!ECMARegex.isValid(invalid), "\(invalid) should be invalid")
        }
    }

    @Test func lookaroundAndBackreferencesUseICU() throws {
        let lookbehind = try ECMARegex("(?<=a)b")
        #expect(lookbehind.matches("ab"))
        #expect(!lookbehind.matches("cb"))
        let backref = try ECMARegex("^(a+)b\\1$")
        #expect(backref.matches("aabaa"))
        #expect(!backref.matches("aaba"))
        let lookahead = try ECMARegex("^(?!un)\\w+$")
        #expect(lookahead.matches("done"))
        #expect(!lookahead.matches("undone"))
    }
}
