import Diagnostics
import Testing

@testable import YAMLTree

/// The node keeps its text and tag behind one optional reference, its positions as 32-bit numbers, and the
/// parser shares the storage of repeated values: what a node says must not change with how it is stored.
@Suite struct NodeStorageTests {
    @Test func aScalarKeepsTheTextItWasWrittenWith() throws {
        let r = root("a: 0x1F\nb: ~\nc: TRUE\nd: 1.50\ne: 名称\nf:\ng: !!str 12\nh: [x]\n")
        #expect(r["a"]?.value == 31)
        #expect(r["a"]?.text == "0x1F")
        #expect(r["b"]?.text == "~")
        #expect(r["c"]?.text == "TRUE")
        #expect(r["d"]?.text == "1.50")
        #expect(r["e"]?.text == "名称")
        #expect(r["f"]?.text == "")
        #expect(r["g"]?.text == "12")
        #expect(r["g"]?.tag == "!!str")
        #expect(r["e"]?.tag == nil)
        #expect(r["h"]?.text == "")
        #expect(r["h"]?.sequence?.first?.text == "x")
    }

    @Test func aNodeMadeWithAnotherTextKeepsIt() {
        let start = SourcePosition(line: 3, column: 7)
        let end = SourcePosition(line: 3, column: 9)
        let node = YAMLNode(.string("é"), start: start, end: end, style: .plain, text: "e\u{301}")
        #expect(node.text.utf8.count == 3)
        #expect(node.string?.utf8.count == 2)
        let same = YAMLNode(.string("甲"), start: start, end: end, text: "甲")
        #expect(same.text == "甲")
        let untexted = YAMLNode(.string("甲"), start: start, end: end)
        #expect(untexted.text == "")
        #expect(untexted.start == start)
        #expect(untexted.end == end)
    }

    @Test func changingTheValueKeepsTheTextAndTag() {
        var node = YAMLNode(.string("甲"), start: .init(line: 1, column: 1), end: .init(line: 1, column: 2), text: "甲")
        node.value = .int(2)
        #expect(node.text == "甲")
        node.tag = "!!int"
        #expect(node.tag == "!!int")
        #expect(node.text == "甲")
        node.text = "2"
        #expect(node.text == "2")
        #expect(node.tag == "!!int")
        node.start = SourcePosition(line: 70_000, column: 5)
        #expect(node.start == SourcePosition(line: 70_000, column: 5))
    }

    /// A long value written on many items (a 公开依据, a 公开时限) is decoded once per file and shared.
    @Test func repeatedLongValuesShareOneString() throws {
        let long = String(repeating: "《中华人民共和国政府信息公开条例》", count: 3)
        let r = root("a: \(long)\nb: [\(long)]\nc: \"\(long)\"\n")
        var a = try #require(r["a"]?.string)
        var b = try #require(r["b"]?.sequence?.first?.string)
        var c = try #require(r["c"]?.string)
        #expect(a == long && b == long && c == long)
        let pa = a.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        let pb = b.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        let pc = c.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        #expect(pa == pb && pb == pc)
    }

    /// The interner's hash reads the last bytes of a text in one or two loads: a change in any byte, at any
    /// length, changes the hash (a byte left out would make texts that differ only there share probe chains).
    @Test func theHashReadsEveryByte() {
        for n in 1...20 {
            let base = [UInt8](repeating: 0x61, count: n)
            let h = base.withUnsafeBufferPointer { Interner.hash($0) }
            for place in 0..<n {
                var changed = base
                changed[place] = 0x62
                #expect(changed.withUnsafeBufferPointer { Interner.hash($0) } != h, "length \(n) place \(place)")
            }
        }
    }

    /// Key ids are tested against a 64-bit filter first: with more than 64 distinct texts in a file, keys that
    /// share a bit but differ are not duplicates, and a repeat is still found before and after the sixteenth key.
    @Test func duplicateKeysAmongManyKeysAndValues() throws {
        var text = ""
        for i in 0..<100 { text += "键\(i): 值\(i)\n" }
        text += "键3: again\n键64: again\n键99: again\n"
        let result = parse(text)
        #expect(result.findings.map(\.code) == Array(repeating: "yaml-duplicate-key", count: 3))
        #expect(result.findings.map { $0.arguments["firstLine"]! } == ["4", "65", "100"])
        #expect(result.document?.root.mapping?.count == 100)
    }
}

/// The clerk scan reads a line without `#` from its two ends only; what it finds must be what a full read finds.
@Suite struct ClerkScanLineTests {
    @Test func aLineWithoutHashReadsTheSameFromItsEnds() {
        let lines = [
            "a: |", "a: |-", "a: >+2", "- |", "a: b |", "a: '|'", "a:|", "|", "  key: >  ", "a: |\t", "a:",
            "- key:", "  - 名称: 甲", "key: value:", "a: x:  ", "- ", "-", "", ":", "a: 1 :",
        ]
        for line in lines {
            let bytes = Array(line.utf8)
            bytes.withUnsafeBufferPointer { p in
                let slice = p[...]
                var indent = 0
                while indent < p.count, p[indent] == 0x20 { indent += 1 }
                #expect(
                    ClerkScan.opensBlockScalar(slice, mayHaveComment: false) == ClerkScan.opensBlockScalar(slice),
                    "\(line)")
                let quick = ClerkScan.Shape(slice, indent: indent, mayHaveComment: false)
                let full = ClerkScan.Shape(slice, indent: indent)
                #expect(
                    quick.opens == full.opens && quick.key == full.key && quick.isComment == full.isComment, "\(line)")
            }
        }
    }

    /// Chinese text is stepped over a character at a time: a character looked for right after it is still seen.
    @Test func aCharacterLookedForRightAfterChineseTextIsSeen() {
        let result = parse("名称: [甲，乙]\n")
        #expect(
            result.findings.contains {
                $0.code == "yaml-fullwidth-comma" && $0.location.position == SourcePosition(line: 1, column: 7)
            })
    }

    @Test func aBlockScalarOpenedWithoutACommentHidesItsText() {
        // The full-width space inside the block scalar is text; the one after it is indentation.
        let result = parse("a: |\n  \u{3000}甲\nb: 1\n\u{3000}c: 2\n")
        #expect(result.findings.map(\.code).contains("yaml-unicode-space"))
        #expect(result.findings.allSatisfy { $0.location.position?.line == 4 })
        // A `|` inside a comment opens nothing: the full-width space on the next line is indentation.
        let commented = parse("a: x # 注 |\n\u{3000}b: 1\n")
        #expect(commented.findings.contains { $0.code == "yaml-unicode-space" && $0.location.position?.line == 2 })
    }

    /// A line without `#` is read for a block scalar header only if its last byte may end one: every line that
    /// opens one ends with such a byte, and the text under each header is not read as structure.
    @Test func aBlockScalarHeaderIsReadWhateverItEndsWith() {
        for prefix in ["a: |", "a: >", "a: |-", "- >+", "a: |2", "a: ", "a: | ", "|"] {
            for last in [nil] + (UInt8.min...UInt8.max).map({ UInt8?($0) }) {
                let bytes = Array(prefix.utf8) + (last.map { [$0] } ?? [])
                bytes.withUnsafeBufferPointer { p in
                    if ClerkScan.opensBlockScalar(p[...], mayHaveComment: false) {
                        #expect(ClerkScan.mayEndBlockScalarHeader(p[p.count - 1]), "\(bytes)")
                    }
                }
            }
        }
        for header in ["a: |", "a: >", "a: |-", "a: >+", "a: |2", "a: >-  ", "- |", "a: |1+"] {
            let result = parse("\(header)\n  \u{3000}甲\nb: 1\n")
            #expect(!result.findings.contains { $0.location.position?.line == 2 }, "\(header): \(result.findings)")
        }
    }

    /// The scan passes over eight bytes at a time up to the first byte it must read: every byte value in every
    /// place of the word, after any filler and before a later line end, is found exactly when it is marked. The
    /// marked bytes hold every byte the scan acts on and no continuation byte (the scan steps over those).
    @Test func theWordStepStopsAtTheFirstByteLookedFor() {
        let lookedFor: Set<UInt8> = [0x0A, 0x0D, 0x09, 0x23, 0x5B, 0xC2, 0xE2, 0xE3, 0xEF]
        let marked = Set<UInt8>(0x00...0x0D).union([0x23, 0x5B]).union(0xC0...0xE3).union(0xEA...0xFF)
        #expect(lookedFor.isSubset(of: marked))
        #expect(marked.isDisjoint(with: 0x80...0xBF))
        for filler: UInt8 in [0x20, 0x41, 0x0E, 0x80, 0xBF, 0xE4, 0xE9, 0x7F] {
            for place in 0..<8 {
                for value in UInt8.min...UInt8.max {
                    for later in [nil] + (place + 1..<8).map({ Int?($0) }) {
                        var bytes = [UInt8](repeating: filler, count: 8)
                        bytes[place] = value
                        if let later { bytes[later] = 0x0A }
                        let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                        let mask = ClerkScan.lookedForMask(word)
                        let expected = marked.contains(value) ? place : later
                        let found = mask == 0 ? nil : mask.trailingZeroBitCount >> 3
                        #expect(
                            found == expected, "filler \(filler) place \(place) value \(value) later \(later ?? -1)")
                    }
                }
            }
        }
    }

    /// The indentation is counted eight bytes at a time: for every run of spaces, line end and buffer end, the
    /// count is that of a byte-by-byte reading, cut at the line's end.
    @Test func leadingSpacesAreCountedUpToTheLineEnd() {
        for run in 0..<20 {
            for after: UInt8 in [0x41, 0x0A, 0x09, 0xE3, 0x21, 0x00] {
                for tail in 0..<10 {
                    let bytes = [UInt8](repeating: 0x20, count: run) + [after] + [UInt8](repeating: 0x20, count: tail)
                    for end in 0...bytes.count {
                        let expected = bytes[..<end].prefix { $0 == 0x20 }.count
                        let counted = bytes.withUnsafeBufferPointer { p in
                            // The line starting one byte in, too (a load at an odd place).
                            (
                                ClerkScan.leadingSpaces(p, from: 0, to: end),
                                end > 0 ? ClerkScan.leadingSpaces(p, from: 1, to: end) : 0
                            )
                        }
                        let expectedFromOne = end > 0 ? bytes[1..<end].prefix { $0 == 0x20 }.count : 0
                        #expect(
                            counted.0 == expected && counted.1 == expectedFromOne,
                            "run \(run) after \(after) tail \(tail) end \(end)")
                    }
                }
            }
        }
    }

    /// A character looked for is seen wherever it falls in the eight-byte steps, and lines end where they do.
    @Test func aCharacterLookedForIsSeenAtEveryPlaceOfAWord() {
        for pad in 0..<17 {
            let key = "k" + String(repeating: "x", count: pad)
            let result = parse("名称: 甲乙丙丁戊\n\(key): [甲，乙]\nb: 1\n")
            #expect(
                result.findings.map(\.code) == ["yaml-fullwidth-comma"]
                    && result.findings.first?.location.position == SourcePosition(line: 2, column: pad + 6),
                "pad \(pad): \(result.findings)")
        }
    }
}
