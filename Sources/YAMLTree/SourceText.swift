#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Diagnostics

/// Byte-level work on the source: encoding checks before libyaml sees the bytes, and positions.
///
/// Lines end at LF, CRLF or a lone CR (as in editors and YAML 1.2). Columns count Unicode scalars; a UTF-8
/// BOM at the start of the file is not counted.
enum SourceText {
    /// What the pre-scan learned about a file that is acceptable UTF-8.
    struct Info {
        var hasBOM: Bool
        /// The file contains U+0085, U+2028 or U+2029, which libyaml (YAML 1.1) counts as line breaks and
        /// editors do not: positions must then be recomputed from libyaml's character index.
        var hasUnicodeLineBreaks: Bool
        var lineEnding: YAMLDocument.LineEnding
    }

    /// Why a file cannot be handed to libyaml.
    enum Problem: Error, Equatable {
        case utf16(encoding: String)
        /// Binary data; `offset` is the first byte that is not text (a NUL, a control character, a bad byte).
        case binary(offset: Int)
        case gbk(offset: Int)
        case invalidUTF8(offset: Int)
        case control(offset: Int, scalar: UInt32)
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func hasUTF8BOM(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF
    }

    /// What the hot path needs before libyaml reads the bytes: other encodings' byte-order marks (libyaml would
    /// silently accept UTF-16), the UTF-8 BOM, whether positions need correcting (U+0085, U+2028, U+2029),
    /// and the line endings. Uses `memchr`, which is far faster than a byte loop.
    static func quickInfo(_ p: UnsafeBufferPointer<UInt8>) -> Result<Info, Problem> {
        let n = p.count
        if n >= 4, p[0] == 0x00, p[1] == 0x00, p[2] == 0xFE, p[3] == 0xFF {
            return .failure(.utf16(encoding: "UTF-32BE"))
        }
        if n >= 4, p[0] == 0xFF, p[1] == 0xFE, p[2] == 0x00, p[3] == 0x00 {
            return .failure(.utf16(encoding: "UTF-32LE"))
        }
        if n >= 2, p[0] == 0xFE, p[1] == 0xFF { return .failure(.utf16(encoding: "UTF-16BE")) }
        if n >= 2, p[0] == 0xFF, p[1] == 0xFE { return .failure(.utf16(encoding: "UTF-16LE")) }
        let hasBOM = hasUTF8BOM(p)
        guard let base = p.baseAddress, n > 0 else {
            return .success(Info(hasBOM: hasBOM, hasUnicodeLineBreaks: false, lineEnding: .none))
        }

        /// Calls `body` with the offset of every occurrence of `byte`; stops when it returns true.
        func each(_ byte: UInt8, _ body: (Int) -> Bool) {
            var offset = 0
            while offset < n, let hit = memchr(base + offset, Int32(byte), n - offset) {
                let i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if body(i) { return }
                offset = i + 1
            }
        }

        var unicodeBreaks = false
        each(0xC2) { i in
            unicodeBreaks = i + 1 < n && p[i + 1] == 0x85
            return unicodeBreaks
        }
        if !unicodeBreaks {
            each(0xE2) { i in
                unicodeBreaks = i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)
                return unicodeBreaks
            }
        }

        var crlf = 0, cr = 0, lf = 0
        each(0x0D) { i in
            if i + 1 < n && p[i + 1] == 0x0A { crlf += 1 } else { cr += 1 }
            return false
        }
        if crlf == 0 {
            lf = memchr(base, 0x0A, n) == nil ? 0 : 1
        } else {
            each(0x0A) { _ in
                lf += 1
                return lf > crlf
            }
            lf -= crlf
        }
        let kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0)
        let ending: YAMLDocument.LineEnding =
            kinds > 1 ? .mixed : crlf > 0 ? .crlf : cr > 0 ? .cr : lf > 0 ? .lf : .none
        return .success(Info(hasBOM: hasBOM, hasUnicodeLineBreaks: unicodeBreaks, lineEnding: ending))
    }

    /// Checks that the bytes are UTF-8 text that YAML accepts (the YAML printable set: tab, LF, CR,
    /// U+0020–U+007E, U+0085, U+00A0–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF), and classifies the file
    /// when they are not.
    static func scan(_ p: UnsafeBufferPointer<UInt8>) -> Result<Info, Problem> {
        let n = p.count
        // Byte-order marks of other encodings.
        if n >= 4, p[0] == 0x00, p[1] == 0x00, p[2] == 0xFE, p[3] == 0xFF {
            return .failure(.utf16(encoding: "UTF-32BE"))
        }
        if n >= 4, p[0] == 0xFF, p[1] == 0xFE, p[2] == 0x00, p[3] == 0x00 {
            return .failure(.utf16(encoding: "UTF-32LE"))
        }
        if n >= 2, p[0] == 0xFE, p[1] == 0xFF { return .failure(.utf16(encoding: "UTF-16BE")) }
        if n >= 2, p[0] == 0xFF, p[1] == 0xFE { return .failure(.utf16(encoding: "UTF-16LE")) }

        let hasBOM = hasUTF8BOM(p)
        var i = hasBOM ? 3 : 0
        var lf = 0, crlf = 0, cr = 0
        var unicodeBreaks = false

        let base = UnsafeRawPointer(p.baseAddress)
        while i < n {
            let b = p[i]
            if b >= 0x20 && b < 0x7F {
                i &+= 1
                // In ASCII text: eight printable bytes at a time.
                if let base {
                    let high: UInt64 = 0x8080_8080_8080_8080
                    while i &+ 8 <= n {
                        let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        // A non-ASCII byte, a byte below 0x20 (exact as no high bit is set), or 0x7F.
                        let x = w ^ 0x7F7F_7F7F_7F7F_7F7F
                        if (w | ((w &- 0x2020_2020_2020_2020) & ~w) | ((x &- 0x0101_0101_0101_0101) & ~x)) & high != 0 {
                            break
                        }
                        i &+= 8
                    }
                }
                continue
            }
            if b < 0x80 {
                switch b {
                case 0x0A:
                    lf &+= 1
                case 0x0D:
                    if i + 1 < n && p[i + 1] == 0x0A {
                        crlf &+= 1
                        i &+= 2
                        continue
                    }
                    cr &+= 1
                case 0x09:
                    break
                default:
                    return .failure(classify(p, firstBad: i, problem: .control(offset: i, scalar: UInt32(b))))
                }
                i &+= 1
                continue
            }
            // A multi-byte sequence (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
            if b >= 0xE0 && b <= 0xEF {
                // Three bytes: most hanzi.
                guard i &+ 2 < n, p[i &+ 1] & 0xC0 == 0x80, p[i &+ 2] & 0xC0 == 0x80 else {
                    return .failure(classify(p, firstBad: i, problem: .invalidUTF8(offset: i)))
                }
                let s = UInt32(b & 0x0F) << 12 | UInt32(p[i &+ 1] & 0x3F) << 6 | UInt32(p[i &+ 2] & 0x3F)
                if s < 0x800 || s & 0xF800 == 0xD800 || s == 0x2028 || s == 0x2029 || s >= 0xFFFE {
                    if s < 0x800 || s & 0xF800 == 0xD800 {
                        return .failure(classify(p, firstBad: i, problem: .invalidUTF8(offset: i)))
                    }
                    if s >= 0xFFFE {
                        return .failure(classify(p, firstBad: i, problem: .control(offset: i, scalar: s)))
                    }
                    unicodeBreaks = true
                }
                i &+= 3
            } else if b >= 0xC2 && b <= 0xDF {
                guard i &+ 1 < n, p[i &+ 1] & 0xC0 == 0x80 else {
                    return .failure(classify(p, firstBad: i, problem: .invalidUTF8(offset: i)))
                }
                let s = UInt32(b & 0x1F) << 6 | UInt32(p[i &+ 1] & 0x3F)
                if s < 0xA0 {
                    // C1 controls; U+0085 (NEL) is allowed but is a line break to libyaml.
                    guard s == 0x85 else {
                        return .failure(classify(p, firstBad: i, problem: .control(offset: i, scalar: s)))
                    }
                    unicodeBreaks = true
                }
                i &+= 2
            } else if b >= 0xF0 && b <= 0xF4 {
                guard i &+ 3 < n, p[i &+ 1] & 0xC0 == 0x80, p[i &+ 2] & 0xC0 == 0x80, p[i &+ 3] & 0xC0 == 0x80 else {
                    return .failure(classify(p, firstBad: i, problem: .invalidUTF8(offset: i)))
                }
                let s =
                    UInt32(b & 0x07) << 18 | UInt32(p[i &+ 1] & 0x3F) << 12
                    | UInt32(p[i &+ 2] & 0x3F) << 6 | UInt32(p[i &+ 3] & 0x3F)
                guard s >= 0x10000, s <= 0x10FFFF else {
                    return .failure(classify(p, firstBad: i, problem: .invalidUTF8(offset: i)))
                }
                i &+= 4
            } else {
                return .failure(classify(p, firstBad: i, problem: .invalidUTF8(offset: i)))
            }
        }

        let kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0)
        let ending: YAMLDocument.LineEnding =
            kinds > 1 ? .mixed : crlf > 0 ? .crlf : cr > 0 ? .cr : lf > 0 ? .lf : .none
        return .success(Info(hasBOM: hasBOM, hasUnicodeLineBreaks: unicodeBreaks, lineEnding: ending))
    }

    /// Decides what a file with a bad byte or character at `firstBad` is: binary, UTF-16 without BOM,
    /// GBK/GB18030, or text in some other encoding (or text with a stray control character).
    static func classify(_ p: UnsafeBufferPointer<UInt8>, firstBad: Int, problem: Problem) -> Problem {
        let n = p.count
        var nuls = 0, controls = 0
        var firstNUL = n, firstControl = n
        for j in 0..<n {
            let b = p[j]
            if b == 0 {
                if nuls == 0 { firstNUL = j }
                nuls += 1
            } else if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B {
                if controls == 0 { firstControl = j }
                controls += 1
            }
        }
        if nuls > 0 {
            // ASCII text in UTF-16 without a BOM: every other byte is zero.
            if n >= 4 {
                func isText(_ b: UInt8) -> Bool { (b >= 0x20 && b < 0x7F) || b == 0x09 || b == 0x0A || b == 0x0D }
                var little = 0, big = 0
                var k = 0
                while k + 1 < n {
                    if p[k + 1] == 0 && isText(p[k]) { little += 1 }
                    if p[k] == 0 && isText(p[k + 1]) { big += 1 }
                    k += 2
                }
                let pairs = n / 2
                if little * 10 >= pairs * 3 { return .utf16(encoding: "UTF-16LE") }
                if big * 10 >= pairs * 3 { return .utf16(encoding: "UTF-16BE") }
            }
            // Several NULs, or many for the size: binary. A stray one in a text file is shown where it is.
            if nuls >= 4 || nuls * 100 > n { return .binary(offset: min(firstNUL, firstControl, firstBad)) }
        }
        if controls >= 4 && controls * 20 > n { return .binary(offset: min(firstNUL, firstControl, firstBad)) }
        if nuls == 0, case .invalidUTF8(let offset) = problem, looksLikeGB18030(p) { return .gbk(offset: offset) }
        let invalid = invalidUTF8Count(p)
        if invalid >= 4 && invalid * 10 > n { return .binary(offset: min(firstNUL, firstControl, firstBad)) }
        return problem
    }

    /// Whether the whole file has the byte structure of GB18030 (which includes GBK and GB2312) and contains at
    /// least one GB2312 hanzi-range pair (both bytes ≥ 0xA1) or four-byte sequence.
    static func looksLikeGB18030(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        var i = 0
        var sawChinese = false
        while i < n {
            let b = p[i]
            if b < 0x80 {
                i += 1
                continue
            }
            guard b >= 0x81 && b <= 0xFE, i + 1 < n else { return false }
            let c = p[i + 1]
            if c >= 0x30 && c <= 0x39 {
                guard i + 3 < n, (0x81...0xFE).contains(p[i + 2]), (0x30...0x39).contains(p[i + 3]) else {
                    return false
                }
                sawChinese = true
                i += 4
            } else if (c >= 0x40 && c <= 0x7E) || (c >= 0x80 && c <= 0xFE) {
                if b >= 0xA1 && c >= 0xA1 { sawChinese = true }
                i += 2
            } else {
                return false
            }
        }
        return sawChinese
    }

    /// How many bytes start an invalid UTF-8 sequence (a rough measure for telling binary from text).
    static func invalidUTF8Count(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            var len = 0
            if b < 0x80 {
                len = 1
            } else if b >= 0xC2 && b <= 0xDF {
                len = 2
            } else if b >= 0xE0 && b <= 0xEF {
                len = 3
            } else if b >= 0xF0 && b <= 0xF4 {
                len = 4
            }
            if len == 0 || i + len > n {
                count += 1
                i += 1
                continue
            }
            var ok = true
            var k = 1
            while k < len {
                if p[i + k] & 0xC0 != 0x80 { ok = false; break }
                k += 1
            }
            if ok { i += len } else { count += 1; i += 1 }
        }
        return count
    }

    // MARK: Positions

    /// The position of a byte offset. The bytes before `offset` must be valid UTF-8 (they are counted as
    /// scalars by skipping continuation bytes).
    static func position(ofByte offset: Int, in p: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        var line = 1
        var lineStart = hasUTF8BOM(p) ? 3 : 0
        var i = lineStart
        let end = min(offset, p.count)
        while i < end {
            let b = p[i]
            if b == 0x0A {
                line += 1
                lineStart = i + 1
            } else if b == 0x0D {
                if i + 1 < p.count && p[i + 1] == 0x0A {
                    if i + 1 < end {
                        i += 1
                    } else {
                        // The offset points at the LF of a CRLF: it belongs to the line the CR ends.
                        break
                    }
                }
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        var j = lineStart
        while j < end {
            if p[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// The byte range of a 1-based line, without its line break.
    static func lineRange(_ number: Int, in p: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard number >= 1 else { return nil }
        var line = 1
        var i = hasUTF8BOM(p) ? 3 : 0
        var start = i
        let n = p.count
        while line < number {
            while i < n && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
            guard i < n else { return nil }
            if p[i] == 0x0D && i + 1 < n && p[i + 1] == 0x0A { i += 2 } else { i += 1 }
            line += 1
            start = i
        }
        var end = start
        while end < n && p[end] != 0x0A && p[end] != 0x0D { end += 1 }
        return start..<end
    }

    /// The byte offset of a position (the first byte of the scalar at that column), clamped to the line.
    static func offset(of position: SourcePosition, in p: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let range = lineRange(position.line, in: p) else { return nil }
        var column = 1
        var i = range.lowerBound
        while i < range.upperBound && column < position.column {
            i += 1
            while i < range.upperBound && p[i] & 0xC0 == 0x80 { i += 1 }
            column += 1
        }
        return i
    }

    static func line(_ number: Int, in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { p in
            guard let range = lineRange(number, in: p) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self)
        }
    }
}

/// Maps libyaml's character index (counted from after the BOM, every scalar and each of CR, LF one) to
/// editor lines and columns, for files where libyaml's own line numbers are off (U+0085, U+2028, U+2029).
struct CharacterLineIndex {
    /// Character index at which each line starts.
    private var lineStarts: [Int] = [0]

    init(_ p: UnsafeBufferPointer<UInt8>) {
        var i = SourceText.hasUTF8BOM(p) ? 3 : 0
        var chars = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b & 0xC0 != 0x80 { chars += 1 }
            if b == 0x0A {
                lineStarts.append(chars)
            } else if b == 0x0D {
                if i + 1 < n && p[i + 1] == 0x0A {
                    i += 2
                    chars += 1
                } else {
                    i += 1
                }
                lineStarts.append(chars)
                continue
            }
            i += 1
        }
    }

    func position(ofCharacter index: Int) -> SourcePosition {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= index { lo = mid } else { hi = mid - 1 }
        }
        return SourcePosition(line: lo + 1, column: index - lineStarts[lo] + 1)
    }
}
